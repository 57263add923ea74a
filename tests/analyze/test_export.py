"""Exports (jsonl, csv, parquet, gdelt) and the analysis commands, on hand-built
articles and end to end on the five seed articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from newsgraph.analyze import export as export_module
from newsgraph.analyze.database import Database
from newsgraph.analyze.gdelt import COLUMNS
from newsgraph.cli.main import app
from newsgraph.errors import UsageError
from newsgraph.records import Article, Event, EventActor, Mention, Published, Quote, Span, Speaker
from newsgraph.store import events as store_events

runner = CliRunner()
PUTIN = EventActor("Q7747", "Vladimir Putin", "RUS", "GOV")
MACRON = EventActor("Q3052772", "Emmanuel Macron", "FRA", "GOV")


def article(n: int, date: str = "2020-06-26") -> Article:
    text = f"Putin spoke with Macron\tby video, story {n}.\nMore text."
    meet = Event(
        "CONSULT",
        Mention(6, 11, "spoke"),
        Span(0, 40),
        mode="phone",
        cameo="041",
        source=(PUTIN,),
        target=(MACRON,),
        date=date,
        place="Moscow",
        intensity=1.0,
    )
    quote = Quote(0, 5, "Putin", True, "said", Speaker("Q7747", "Vladimir Putin"), date)
    return Article(
        id=f"a{n}",
        source=f"in/{n}.txt",
        text=text,
        title=f'Story, "{n}"',
        url=f"https://news.test/{n}",
        outlet="TASS",
        published=Published(date, "given", 1.0),
        events=(meet,),
        quotes=(quote,),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "news.db")
    with Database.open(path) as store:
        store.save_batch([article(1), article(2), article(3, "2021-01-05")], None)
    return path


def exported(db: str, fmt: str, what: str | None = None) -> str:
    out = io.StringIO()
    with Database.open(db) as store:
        store.export(fmt, what=what, out=out)
    return out.getvalue()


def test_jsonl_exports_every_table(db: str) -> None:
    counts = {w: len(exported(db, "jsonl", w).splitlines()) for w in export_module.WHATS}
    assert (
        1 <= counts.pop("stories") <= 3
    )  # how the three articles group is tests/analyze/test_stories.py's
    assert counts == {"articles": 3, "events": 3, "quotes": 3, "merged": 2}
    events = [json.loads(x) for x in exported(db, "jsonl", "events").splitlines()]
    assert events[0]["source"][0]["entity"] == "Q7747"
    assert (
        events[0]["merged_event_id"] == events[1]["merged_event_id"] != events[2]["merged_event_id"]
    )


def test_csv_quotes_text_and_keeps_json_columns(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(db, "csv", "articles"))))
    assert [r["title"] for r in rows] == ['Story, "1"', 'Story, "2"', 'Story, "3"']
    assert "\t" in rows[0]["text"] and "\n" in rows[0]["text"]
    merged = list(csv.DictReader(io.StringIO(exported(db, "csv", "merged"))))
    assert json.loads(merged[0]["target"])[0]["name"] == "Emmanuel Macron"
    assert merged[0]["n_mentions"] == "2"


def test_parquet_reads_back_with_pyarrow(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "merged.parquet"
    with Database.open(db) as store:
        assert store.export("parquet", what="merged", out=path) == 2
        assert store.export("parquet", what="quotes", out=tmp_path / "q.parquet") == 3
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert table.column("n_mentions").to_pylist() == [2, 1]
    assert str(table.schema.field("negated").type) == "bool"
    assert (
        pq.read_table(tmp_path / "q.parquet").column("speaker_entity").to_pylist() == ["Q7747"] * 3
    )


def test_gdelt_rows_have_61_tab_separated_columns(db: str) -> None:
    lines = exported(db, "gdelt").splitlines()
    assert len(lines) == 2 and len(COLUMNS) == 61
    cells = [line.split("\t") for line in lines]
    assert all(len(row) == 61 for row in cells)
    first = dict(zip(COLUMNS, cells[0], strict=True))
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20200626", "202006", "2020")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor2Name"]) == (
        "RUSGOV",
        "RUS",
        "Emmanuel Macron",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "041",
        "041",
        "04",
    )
    assert (first["QuadClass"], first["NumMentions"], first["NumArticles"]) == ("1", "2", "2")
    assert first["IsRootEvent"] == "1" and first["ActionGeo_FullName"] == "Moscow"
    assert first["SOURCEURL"] == "https://news.test/1" and len(first["DATEADDED"]) == 14
    assert first["AvgTone"] == ""


def test_export_pages_through_the_store(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        store_events, "PAGE", 1
    )  # one row per page: keyset paging on (article_id, seq)
    assert len(exported(db, "jsonl", "events").splitlines()) == 3
    assert len(exported(db, "gdelt").splitlines()) == 2


def test_bad_export_options_are_usage_errors(db: str) -> None:
    for fmt, what in (("xml", None), ("csv", "people"), ("gdelt", "quotes")):
        with pytest.raises(UsageError):
            exported(db, fmt, what)
    with Database.open(db) as store, pytest.raises(UsageError):
        store.export("parquet", what="articles")


def test_export_command_writes_files_and_stdout(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.gdelt.tsv"
    result = runner.invoke(app, ["export", "--format", "gdelt", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 2
    csv_out = runner.invoke(app, ["export", "--format", "csv", "--what", "quotes", "--db", db])
    assert csv_out.stdout.splitlines()[0].startswith("article_id,seq,")
    bad = runner.invoke(app, ["export", "--format", "parquet", "--db", db])
    assert bad.exit_code == 2 and "needs --out" in bad.output


def test_dyad_command_lists_cells_and_events_without_markup(db: str) -> None:
    result = runner.invoke(app, ["dyad", "RUS", "FRA", "--by", "year", "--events", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2020" in result.stdout and "verbal cooperation" in result.stdout
    assert "events behind the cells" in result.stdout
    unknown = runner.invoke(app, ["dyad", "Nobody Atall", "FRA", "--db", db])
    assert unknown.exit_code == 2 and "NG301" in unknown.output


# ---- end to end on the seeds ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from newsgraph import ingest

    seeds = shared_path("corpus", "seeds")
    path = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    summary = ingest(str(seeds), path)
    assert summary.added == 5
    return path


def seeds_dyad_cells(db: str) -> list[dict]:
    result = runner.invoke(app, ["dyad", "RUS", "FRA", "--by", "month", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def cooperation_months(cells: list[dict]) -> set[str]:
    return {c["period"] for c in cells if c["quad_class"] in (1, 2)}


def test_seeds_dyad_has_cooperation_in_each_month_of_contact(seeds_db: str) -> None:
    cells = seeds_dyad_cells(seeds_db)
    assert {"2017-03", "2017-05", "2020-06"} <= cooperation_months(cells)
    assert all(c["count"] == len(c["event_ids"]) > 0 for c in cells)


def test_seeds_dyad_has_cooperation_in_february_2022(seeds_db: str) -> None:
    assert "2022-02" in cooperation_months(seeds_dyad_cells(seeds_db))


def test_seeds_timeline_for_macron_lists_dated_items(seeds_db: str) -> None:
    result = runner.invoke(
        app, ["timeline", "--actor", "Emmanuel Macron", "--json", "--db", seeds_db]
    )
    assert result.exit_code == 0, result.output
    items = [json.loads(line) for line in result.stdout.splitlines()]
    dates = [i["date"] for i in items]
    assert len(items) >= 5 and all(dates) and dates == sorted(dates)
    assert {"event", "quote"} <= {i["kind"] for i in items}
    assert any(i["date"] == "2022-02-08" and "Zelensky" in i["counterpart"] for i in items)
