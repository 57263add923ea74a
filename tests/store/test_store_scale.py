"""``bench/store_scale.py`` at 2,000 articles, so the benchmark keeps working: it builds
the copies (new ids, days spread, actors varied), serves them uncached, times every
endpoint with one client and with several, and prints the JSON object issue 18 asks for.
The sources are the test articles, not the demo corpus (this runs in ``make test``)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from test_aggregates import snapshot

from newsgraph.analyze.database import Database
from newsgraph.records import Article, Mention, Published, Quote, Speaker
from newsgraph.store import aggregates
from webdata import sample_articles

pytest_plugins = ["backends"]

BENCH = Path(__file__).resolve().parents[2] / "bench" / "store_scale.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("store_scale", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SPLIT_BODY = (
    "The foreign minister spoke in Brussels on Monday. "
    "'We will go,' Anna Berg said, 'and we will go soon.' Nothing else was said."
)


def split_article() -> Article:
    """An article whose quote is split by its attribution (``Quote.parts``)."""

    def at(words: str) -> Mention:
        start = SPLIT_BODY.index(words)
        return Mention(start, start + len(words), words)

    outer, who = at("'We will go,' Anna Berg said, 'and we will go soon.'"), at("Anna Berg")
    quote = Quote(
        outer.start,
        outer.end,
        outer.text,
        True,
        "said",
        Speaker(None, "Anna Berg", who.start, who.end, who.text),
        parts=(at("We will go,"), at("and we will go soon.")),
    )
    return Article(
        id="split-1",
        source="in/split-1.txt",
        text=SPLIT_BODY,
        language="en",
        published=Published("2022-02-08", "given", 1.0),
        content_hash="split-1",
        quotes=(quote,),
    )


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The test articles and one with a split quote, as ``newsgraph extract`` records."""
    path = tmp_path_factory.mktemp("scale") / "records.jsonl"
    records = [*sample_articles(), split_article()]
    path.write_text("\n".join(json.dumps(a.to_dict()) for a in records) + "\n")
    return str(path)


def split_parts(copy: Article) -> list[list[str]]:
    """The pieces of each split quote of ``copy``, checked against its text."""
    out = []
    for q in copy.quotes:
        if q.parts:
            assert [copy.text[p.start : p.end] for p in q.parts] == [p.text for p in q.parts]
            assert q.start <= q.parts[0].start and q.parts[-1].end <= q.end
            out.append([p.text for p in q.parts])
    return out


def stored_parts(store: Database) -> list[list[str]]:
    """The pieces of every stored split quote, checked against its article's text."""
    out = []
    with store.engine.connect() as conn:
        ids = conn.exec_driver_sql(
            "SELECT DISTINCT article_id FROM quotes WHERE parts IS NOT NULL ORDER BY article_id"
        )
        ids = [r[0] for r in ids]
    for i in ids:
        d = store.article(i)
        assert d is not None
        for q in d["quotes"]:
            if q.get("parts"):
                assert [d["text"][p["start"] : p["end"]] for p in q["parts"]] == [
                    p["text"] for p in q["parts"]
                ]
                out.append([p["text"] for p in q["parts"]])
    return out


WANT = ["We will go,", "and we will go soon."]


def test_copies_keep_a_split_quotes_parts(source: str, db_url: str) -> None:
    """A copy of a split quote keeps its pieces, where they are in the copy's text: read
    from records (JSON Lines), stored, and read again from that store as a source
    database (``bench.main --source DB``), on both backends."""
    bench = load_bench()
    copier = bench.Copier([bench.to_article(d) for d in bench.load_sources(source, 10)], 20)
    copies = [copier.article(i) for i in range(10)]  # two of the split article
    assert [split_parts(c) for c in copies if c.quotes and c.quotes[0].parts] == [[WANT]] * 2
    with Database.open(db_url) as store:
        store.save_batch(copies, None)
        assert stored_parts(store) == [WANT, WANT]
        # one piece is NULL in the store, not an empty list
        assert store.quotes_df()["parts"].isna().sum() == len(store.quotes_df()) - 2
    again = bench.Copier([bench.to_article(d) for d in bench.load_sources(db_url, 20)], 20)
    recopied = [again.article(100 + i) for i in range(10)]
    assert sum(split_parts(c) == [WANT] for c in recopied) == 2


def test_copies_vary_ids_days_and_actors(source: str) -> None:
    bench = load_bench()
    copier = bench.Copier([bench.to_article(d) for d in bench.load_sources(source, 10)], 20)
    copies = [copier.article(i) for i in range(40)]
    assert len({c.id for c in copies}) == len({c.content_hash for c in copies}) == 40
    assert len({c.published.date[:4] for c in copies}) > 5  # spread over years
    people = {e.id for c in copies for e in c.entities if e.type == "PERSON"}
    assert len(people) > 10  # actors permuted per copy, not four people repeated
    for copy in copies:  # offsets still point into the copy's text
        for entity in copy.entities:
            for m in entity.mentions:
                assert copy.text[m.start : m.end] == m.text


def test_bench_at_2000_articles(source: str, tmp_path: Path, capsys) -> None:
    bench = load_bench()
    db = str(tmp_path / "scale.db")
    args = ["--n", "2000", "--db", db, "--source", source, "--batch", "100"]
    args += ["--requests", "2", "--clients", "4", "--seconds", "2", "--json"]
    out = bench.main(args)
    printed = json.loads(capsys.readouterr().out)
    assert printed == out
    assert out["n"] == 2000 and out["backend"] == "sqlite"
    assert out["errors"] == {}
    assert {"search_word", "actor", "quotes", "events", "dyad", "timeline", "stats"} <= set(
        out["endpoints"]
    )
    for row in out["endpoints"].values():
        assert 0 < row["p50"] <= row["p95"] <= row["p99"]
        assert row["c4"]["requests"] > 0
        assert row["server_cpu_ms"] >= 0  # the server's CPU per answer, from /proc
    crowd = out["c4_all"]  # the load generator's own CPU beside the server's
    assert crowd["client_cpu_ms_per_answer"] > 0 and crowd["client_cores"] >= 0
    assert crowd["server_cores"] > 0 and len(crowd["load_average"]) == 3
    ingest = out["ingest_ms_per_article"]
    assert ingest["first"] > 0 and ingest["last"] > 0
    with Database.open(db) as store:  # what the aggregates say matches what is stored
        stats = store.stats()["tables"]
        assert stats["articles"] == 2000
        assert stats["quotes"] == len(store.quotes_df())
        assert stored_parts(store) == [WANT] * 400  # every fifth copy is the split article


def test_block_copies_keep_the_aggregates_exact(source: str, pg_url: str) -> None:
    """``--copy-blocks`` (PostgreSQL): the stored template copied twice in SQL holds
    three times the rows, new ids that search finds, and aggregates equal to those
    built again from the base tables."""
    bench = load_bench()
    copier = bench.Copier([bench.to_article(d) for d in bench.load_sources(source, 10)], 20)
    with Database.open(pg_url) as store:
        store.save_batch([copier.article(i) for i in range(30)], None)
    out = bench.copy_blocks(pg_url, 95)  # whole blocks only: 90
    assert [b["block"] for b in out["blocks"]] == [1, 2]
    with Database.open(pg_url) as store:
        stats = store.stats()["tables"]
        assert stats["articles"] == 90
        assert store.article("scale-0000089") is not None
        kept = snapshot(store)
        with store.engine.begin() as conn:
            aggregates.backfill(conn)
        assert snapshot(store) == kept
        with store.engine.connect() as conn:
            sources = conn.exec_driver_sql("SELECT count(DISTINCT source) FROM articles")
            assert sources.scalar_one() == 90


def test_sqlite_block_copies_keep_the_aggregates_and_the_index_exact(
    source: str, tmp_path: Path
) -> None:
    """``--copy-blocks`` on SQLite (``copy_blocks_sqlite``): three times the rows, each
    copy in the full-text index under its own id with the template's tags (its outlet
    and actors), and aggregates equal to those built again from the base tables."""
    bench = load_bench()
    db = str(tmp_path / "copied.db")
    copier = bench.Copier([bench.to_article(d) for d in bench.load_sources(source, 10)], 20)
    with Database.open(db) as store:
        store.save_batch([copier.article(i) for i in range(30)], None)
    out = bench.copy_blocks_sqlite(db, 95)  # whole blocks only: 90
    assert [b["block"] for b in out["blocks"]] == [1, 2]
    with Database.open(db) as store:
        assert store.stats()["tables"]["articles"] == 90
        assert store.article("scale-0000089") is not None
        kept = snapshot(store)
        with store.engine.begin() as conn:
            aggregates.backfill(conn)
        assert snapshot(store) == kept
        with store.engine.connect() as conn:
            indexed = conn.exec_driver_sql(
                "SELECT count(*), count(DISTINCT id) FROM articles_fts "
                "WHERE id IN (SELECT id FROM articles)"
            ).one()
            assert tuple(indexed) == (90, 90)
            template = conn.exec_driver_sql(
                "SELECT c3 FROM articles_fts_content WHERE c0 = 'scale-0000007'"
            ).scalar_one()
            copy = conn.exec_driver_sql(
                "SELECT c3 FROM articles_fts_content WHERE c0 = 'scale-0000067'"
            ).scalar_one()
            assert copy == template and template
