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


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("scale") / "records.jsonl"
    path.write_text("\n".join(json.dumps(a.to_dict()) for a in sample_articles()) + "\n")
    return str(path)


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
    ingest = out["ingest_ms_per_article"]
    assert ingest["first"] > 0 and ingest["last"] > 0
    with Database.open(db) as store:  # what the aggregates say matches what is stored
        stats = store.stats()["tables"]
        assert stats["articles"] == 2000
        assert stats["quotes"] == len(store.quotes_df())


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
