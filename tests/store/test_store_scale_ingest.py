"""``bench/store_scale.py --ingest-into``: the writer's cost per article on a store as
it is (issue 18's "ingest at the end within 1.5x of the start"), measured without
leaving the measured articles in a large store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from test_aggregates import snapshot
from test_store_scale import load_bench

from newsgraph.analyze.database import Database
from newsgraph.store import aggregates, schema
from newsgraph.store import stories as story_tables
from webdata import sample_articles

pytest_plugins = ["backends"]

COUNTED = (schema.articles, schema.entities, schema.quotes, schema.events, schema.merged_events)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ingest") / "records.jsonl"
    path.write_text("\n".join(json.dumps(a.to_dict()) for a in sample_articles()) + "\n")
    return str(path)


def rows(store: Database) -> dict[str, int]:
    """Rows of the base tables and the stories, counted (not read from the aggregates)."""
    tables = (*COUNTED, story_tables.stories, story_tables.story_articles)
    with store.engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in tables
        }


def test_ingest_into_leaves_the_store_as_it_was(source: str, db_url: str) -> None:
    """Each repetition stores the same new copies through ``save_batch`` batch by batch,
    timed, then rolls them back: rows, stories and aggregates are what they were."""
    bench = load_bench()
    copier = bench.Copier([bench.to_article(d) for d in bench.load_sources(source, 10)], 20)
    with Database.open(db_url) as store:
        store.save_batch([copier.article(i) for i in range(20)], None)
        kept, counted = snapshot(store), rows(store)
    out = bench.ingest_into(db_url, copier, 12, 5, 2, statements=True)
    assert out["mode"] == "rollback"
    assert out["articles_before"] == out["articles_after"] == 20
    assert [len(r["batches"]) for r in out["reps"]] == [3, 3]  # 5 + 5 + 2
    assert all(x > 0 for r in out["reps"] for x in r["batches"])
    assert out["ms_per_article_median"] > 0
    # the writer's CPU in this process, beside the wall clock (a shared machine's load
    # moves it less): one figure a batch
    for run in out["reps"]:
        assert len(run["cpu_batches"]) == len(run["batches"])
        assert all(c > 0 for c in run["cpu_batches"]) and run["cpu_median"] > 0
    assert out["cpu_ms_per_article_median"] > 0
    assert 0 < len(out["statements"]) <= 20 and out["statements_ms"] > 0
    # every batch wrote its articles (counted over every statement: which ones are the
    # 20 slowest depends on the machine's load)
    assert out["article_inserts"] == 6
    with Database.open(db_url) as store:
        assert rows(store) == counted
        assert snapshot(store) == kept
        assert store.article("ingest-20-0-000000") is None


def test_ingest_into_with_commit_keeps_exact_aggregates(source: str, tmp_path: Path) -> None:
    """``--ingest-commit`` (a fresh store or a copy): the copies stay, under new ids
    that the store's own copies do not use, with aggregates equal to a rebuild's."""
    bench = load_bench()
    db = str(tmp_path / "fresh.db")
    copier = bench.Copier([bench.to_article(d) for d in bench.load_sources(source, 10)], 20)
    with Database.open(db) as store:
        store.save_batch([copier.article(i) for i in range(10)], None)
    out = bench.ingest_into(db, copier, 7, 4, 2, commit=True)
    assert out["mode"] == "commit"
    assert (out["articles_before"], out["articles_after"]) == (10, 24)
    with Database.open(db) as store:
        assert rows(store)["articles"] == 24
        first, again = store.article("ingest-10-0-000006"), store.article("ingest-10-1-000006")
        assert first is not None and again is not None
        assert first["text"] == again["text"]  # the same articles at every repetition
        kept = snapshot(store)
        with store.engine.begin() as conn:
            aggregates.backfill(conn)
        assert snapshot(store) == kept


def test_ingest_into_from_the_command_line(source: str, tmp_path: Path, capsys) -> None:
    bench = load_bench()
    db = str(tmp_path / "cli.db")
    args = ["--ingest-into", db, "--source", source, "--batch", "4", "--ingest-n", "8"]
    out = bench.main([*args, "--ingest-reps", "1", "--json"])
    assert json.loads(capsys.readouterr().out) == out
    assert out["n"] == 8 and out["batch"] == 4 and len(out["reps"][0]["batches"]) == 2
    assert out["articles_after"] == 0  # rolled back
    again = bench.main([*args, "--ingest-reps", "1", "--ingest-commit"])
    assert again["articles_after"] == 8
    capsys.readouterr()
    third = bench.main([*args, "--ingest-reps", "1", "--ingest-commit"])  # new ids again
    assert (third["articles_before"], third["articles_after"]) == (8, 16)
