"""End to end through the CLI: every bad input coded, good ones read, ingest idempotent."""

import gzip
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner()
BODY = (
    "Russian President Vladimir Putin met his French counterpart Emmanuel Macron in the Kremlin "
    "on Monday. The talks lasted more than five hours, the Kremlin said in a statement. "
)
PAGE = (
    "<html><head><title>Putin and Macron meet</title></head><body><nav>Home | World</nav>"
    f"<article><h1>Putin and Macron meet</h1><p>{BODY * 3}</p><p>{BODY}</p></article>"
    "<footer>Copyright 2022</footer></body></html>"
)

BAD = {
    "empty.txt": "NG101",
    "pic.png": "NG102",
    "doc.pdf": "NG102",
    "prog": "NG102",
    "big.txt": "NG103",
    "bad-utf8.txt": "NG104",
    "nul.txt": "NG104",
    "trunc.html.gz": "NG105",
    "broken.jsonl:2": "NG106",
    "notext.csv": "NG107",
    "nobody.html": "NG108",
    "http://nonexistent.invalid/article": "NG109",
}


def make_folder(root):
    (root / "empty.txt").write_bytes(b"")
    (root / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (root / "doc.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj")
    (root / "prog").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(300))
    with (root / "big.txt").open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    (root / "bad-utf8.txt").write_bytes("Café crème ".encode() * 10 + b"\xff\xfe\xc3\x28 broken")
    (root / "nul.txt").write_bytes(b"Some words here\x00\x00\x00 and more words there " * 5)
    data = gzip.compress(PAGE.encode() * 20)
    (root / "trunc.html.gz").write_bytes(data[: len(data) // 2])
    good = json.dumps({"id": "j1", "title": "From a dump", "text": BODY + "Dump copy one. " * 5})
    (root / "broken.jsonl").write_text(good + "\n{oops\n", encoding="utf-8")
    (root / "notext.csv").write_text("id,headline\n1,Hello\n", encoding="utf-8")
    (root / "nobody.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (root / "good.txt").write_text("Putin and Macron hold talks\n\n" + BODY * 4, encoding="utf-8")
    (root / "good.html").write_text(PAGE.replace("Monday", "Tuesday"), encoding="utf-8")
    (root / "ru.txt").write_bytes(
        (
            "Путин и Макрон\n\nПрезидент России Владимир Путин провёл переговоры "
            "с президентом Франции в Кремле. " * 4
        ).encode("cp1251")
    )


def run_extract(*args):
    result = runner.invoke(app, ["extract", *args, "--quiet"])
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


def test_bad_inputs_are_coded_and_good_ones_read(tmp_path):
    make_folder(tmp_path)
    result, records = run_extract(str(tmp_path), "http://nonexistent.invalid/article")
    assert result.exit_code == 0, result.output
    by_source = {_key(r["source"]): r for r in records}
    for name, code in BAD.items():
        assert by_source[name]["status"] == "rejected", name
        assert by_source[name]["error"]["code"] == code, (name, by_source[name]["error"])
    ok = {name for name, r in by_source.items() if r["status"] == "ok"}
    assert ok == {"good.txt", "good.html", "ru.txt", "broken.jsonl:1"}
    assert by_source["ru.txt"]["language"] == "ru" and "Путин" in by_source["ru.txt"]["text"]
    assert by_source["good.html"]["title"] == "Putin and Macron meet"
    assert "Copyright" not in by_source["good.html"]["text"]


def _key(source):
    return source if source.startswith("http") else source.rsplit("/", 1)[-1]


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result, records = run_extract(str(tmp_path))
    assert result.exit_code == 2 and records[0]["error"]["code"] == "NG101"


def test_ingest_twice_adds_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    make_folder(folder)
    db = str(tmp_path / "t.db")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db, "--quiet"])
    assert first.exit_code == 0, first.output
    counts = _counts(db)
    assert counts["articles"] == 4 and counts["rejections"] == len(BAD) - 1
    second = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert second.exit_code == 0
    assert "0 added" in second.stderr and "nothing new" in second.stderr
    assert _counts(db) == counts
    stats = runner.invoke(app, ["stats", "--db", db, "--json"])
    assert json.loads(stats.stdout)["tables"]["articles"] == 4
    assert "articles" in runner.invoke(app, ["stats", "--db", db]).stdout


def _counts(db):
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            t: conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "article_sources", "rejections")
        }


def test_duplicates_are_stored_once_with_both_sources(tmp_path):
    (tmp_path / "a.txt").write_text("Headline here\n\n" + BODY * 6, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Headline here\n\n" + (BODY * 6).replace("  ", " ").upper(), encoding="utf-8"
    )
    near = BODY * 5 + "An extra closing sentence was added by the second outlet."
    (tmp_path / "c.txt").write_text("Headline here\n\n" + near, encoding="utf-8")
    result, records = run_extract(str(tmp_path))
    statuses = [r["status"] for r in records]
    assert statuses[0] == "ok" and statuses[1] == "duplicate"
    assert records[1]["duplicate_of"] == records[0]["id"] and records[1]["kind"] == "exact"
    db = str(tmp_path / "d.db")
    assert (
        runner.invoke(app, ["ingest", str(tmp_path), "--glob", "*.txt", "--db", db, "-q"]).exit_code
        == 0
    )
    counts = _counts(db)
    assert counts["article_sources"] == 3 and counts["articles"] == 3 - statuses.count("duplicate")


def test_pretty_format(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Putin and Macron hold talks\n\n" + BODY * 4, encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "pretty", "-q"])
    assert result.exit_code == 0 and "Putin and Macron hold talks" in result.stdout


@pytest.mark.parametrize("stdin", ['{"text": "' + BODY + '", "id": "s1"}\n'])
def test_stdin_jsonl(stdin):
    result = runner.invoke(app, ["extract", "-", "-q"], input=stdin)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "s1"


def test_untrusted_text_is_not_terminal_markup(tmp_path):
    title = "[bold red]Breaking[/bold red] [link=http://evil.example]click[/link]"
    (tmp_path / "x.jsonl").write_text(
        json.dumps({"id": "m1", "title": title, "text": BODY * 3}) + "\n"
    )
    result = runner.invoke(app, ["extract", str(tmp_path / "x.jsonl"), "--format", "pretty", "-q"])
    assert result.exit_code == 0 and title in result.stdout.replace("\n", "")
    db = str(tmp_path / "m.db")
    runner.invoke(app, ["ingest", str(tmp_path / "x.jsonl"), "--db", db, "-q"])
    stats = runner.invoke(app, ["stats", "--db", db])
    assert stats.exit_code == 0


def test_quotes_command_filters_by_speaker_and_date(tmp_path):
    text = (
        "Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow on Monday. "
        '"We do not interfere in elections anywhere," Peskov said. '
        'French President Emmanuel Macron said: "Europe must stand together."'
    )
    (tmp_path / "q.jsonl").write_text(
        json.dumps({"id": "q1", "published": "2018-06-04", "text": text}) + "\n"
    )
    db = str(tmp_path / "q.db")
    assert (
        runner.invoke(app, ["ingest", str(tmp_path / "q.jsonl"), "--db", db, "-q"]).exit_code == 0
    )
    out = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Peskov", "--json"])
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all(r["speaker_name"] == "Dmitry Peskov" for r in rows)
    assert any("interfere" in r["text"] for r in rows)
    later = runner.invoke(
        app, ["quotes", "--db", db, "--speaker", "Peskov", "--since", "2019-01-01", "--json"]
    )
    assert later.stdout.strip() == ""
    table = runner.invoke(app, ["quotes", "--db", db])
    assert "Macron" in table.stdout and "Peskov" in table.stdout


def test_since_and_until_take_a_year_or_month_and_refuse_non_dates(tmp_path):
    from newsgraph.errors import Code, UsageError
    from webdata import build_db

    db = build_db(tmp_path / "q.db")
    every = runner.invoke(app, ["quotes", "--db", db, "--json"])
    assert every.exit_code == 0 and every.stdout.strip()
    dates = [json.loads(line)["date"] for line in every.stdout.splitlines()]
    month = dates[0][:7]
    inside = runner.invoke(
        app, ["quotes", "--db", db, "--json", "--since", month[:4], "--until", month]
    )
    kept = [json.loads(line)["date"] for line in inside.stdout.splitlines()]
    assert kept and kept == [d for d in dates if d[:4] >= month[:4] and d[:7] <= month]
    for bad in ("2017-13", "2017-02-30", "17", "last week"):
        result = runner.invoke(app, ["quotes", "--db", db, "--since", bad])
        assert isinstance(result.exception, UsageError), (bad, result.output)
        assert result.exception.code == Code.BAD_OPTION and "--since" in str(result.exception)
    result = runner.invoke(app, ["timeline", "--db", db, "--actor", "Q7747", "--until", "2022-1"])
    assert isinstance(result.exception, UsageError) and "--until" in str(result.exception)


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("ingest", "default: the number of cores"),
        ("ingest", "default: $NEWSGRAPH_DB"),
        ("export", "default: stdout"),
        ("serve", "default: $NEWSGRAPH_CACHE_MB"),
        ("quotes", "YYYY[-MM[-DD]]"),
    ],
)
def test_help_shows_every_default(command, shown):
    """Square brackets in help texts are rich markup and vanish unless they are plain."""
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and shown in result.stdout
