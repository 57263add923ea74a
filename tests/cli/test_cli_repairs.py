"""Mojibake repaired at ingest is counted: words per article in its record
(``extensions["repairs"]``) and in ``articles.repairs``, the totals in ``newsgraph stats``
(table and JSON), ``/api/stats`` and the stats page; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.inputs.repair import changed_words, repair_counted
from newsgraph.records import Article
from newsgraph.store.db import Store
from newsgraph.store.migrations import SCHEMA_VERSION
from newsgraph.web.app import create_app

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

runner = CliRunner()
BROKEN = (
    "Fox News host Bill O\u00e2\u20ac\u2122Reilly asked Fran\u00c3\u00a7ois Hollande "
    "about the budget on Monday, and the president answered at length."
)


def test_repair_counted_counts_the_words_it_changed() -> None:
    fixed, n = repair_counted(BROKEN)
    assert "O\u2019Reilly" in fixed and "Fran\u00e7ois" in fixed
    assert n == 2
    assert repair_counted("Bill O\ufffd\ufffdReilly") == ("Bill O\ufffd\ufffdReilly", 0)
    assert repair_counted("caf\u00e9 cr\u00e8me") == ("caf\u00e9 cr\u00e8me", 0)
    # a repair that joins two words is counted by aligning the word lists
    assert changed_words("a b\u00c2\u00a0c d", "a b\u00a0c d") == 1
    assert changed_words("one two three", "one three") == 1


def test_extract_record_carries_its_repairs(tmp_path) -> None:
    page = tmp_path / "broken.txt"
    page.write_text("Bill O\u00e2\u20ac\u2122Reilly speaks\n\n" + BROKEN * 2, encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("Putin and Macron hold talks\n\n" + BROKEN.replace("\u00e2\u20ac\u2122", "'"))
    result = runner.invoke(app, ["extract", str(page), str(clean), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = {
        r["source"].rsplit("/", 1)[-1]: r
        for r in map(json.loads, (x for x in result.stdout.splitlines() if x.startswith("{")))
    }
    broken = records["broken.txt"]
    assert broken["title"] == "Bill O\u2019Reilly speaks"
    assert "\u00e2\u20ac" not in broken["text"]
    assert broken["extensions"]["repairs"] == 1 + 2 * 2  # the title's word, the body's four
    # the clean file still has its "Fran\u00c3\u00a7ois" (two words a time) repaired
    assert records["clean.txt"]["extensions"]["repairs"] == 1


def article(n: int, repairs: int) -> Article:
    text = f"Report {n}: the talks in Moscow went on for five hours, officials said."
    return Article(
        id=f"a{n}",
        source=f"fixture/{n}.txt",
        text=text,
        title=f"Report {n}",
        language="en",
        content_hash=f"hash-{n}",
        extensions={"repairs": repairs} if repairs else {},
    )


def test_stats_count_repairs_on_both_backends(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save_batch([article(1, 3), article(2, 0), article(3, 2)], None)
        assert store.stats()["repairs"] == {"articles": 2, "words": 5, "uncounted": 0}
        store.save_batch([article(3, 2), article(4, 1)], None)  # a3 again: not counted twice
        assert store.stats()["repairs"] == {"articles": 3, "words": 6, "uncounted": 0}

    result = runner.invoke(app, ["stats", "--db", db_url, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["repairs"] == {"articles": 3, "words": 6, "uncounted": 0}
    result = runner.invoke(app, ["stats", "--db", db_url], env={"COLUMNS": "80"})
    assert "mojibake repaired at ingest: 6 words in 3 articles" in result.stdout

    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        repairs = client.get("/api/stats").json()["repairs"]
        assert repairs == {"articles": 3, "words": 6, "uncounted": 0}
        assert client.get("/stats.json").json()["repairs"]["words"] == 6
        page = client.get("/stats").text
        assert "Mojibake repaired at ingest:\n6 words in 3 articles." in page


def test_stats_without_repairs_say_none(tmp_path) -> None:
    db = str(tmp_path / "clean.db")
    with Store.open(db) as store:
        store.save_batch([article(1, 0)], None)
        assert store.stats()["repairs"] == {"articles": 0, "words": 0, "uncounted": 0}
    result = runner.invoke(app, ["stats", "--db", db])
    assert "mojibake repaired at ingest: none" in result.stdout


def test_older_database_gains_the_repairs_column(tmp_path) -> None:
    db = tmp_path / "old.db"
    with Store.open(str(db)) as store:
        store.save_batch([article(1, 0)], None)
    with sqlite3.connect(db) as conn:  # back to the schema before the column
        conn.execute("ALTER TABLE articles DROP COLUMN repairs")
        conn.execute("DELETE FROM schema_version WHERE version >= 10")  # step 10 and later
    with Store.open(str(db)) as store:
        store.save_batch([article(2, 4)], None)
        assert store.stats()["repairs"] == {"articles": 1, "words": 4, "uncounted": 1}
    result = runner.invoke(app, ["stats", "--db", str(db)])
    assert (
        "mojibake repaired at ingest: 4 words in 1 article (not counted for the 1 article "
        "stored before newsgraph counted repairs)"
    ) in " ".join(result.stdout.split())
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as client:
        page = " ".join(client.get("/stats").text.split())
        assert "4 words in 1 article (not counted for the 1 article stored before" in page
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT id, repairs FROM articles").fetchall())
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    assert rows == {"a1": None, "a2": 4} and version == SCHEMA_VERSION
