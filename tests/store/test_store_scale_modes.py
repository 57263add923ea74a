"""``bench/store_scale.py``'s ``--plans`` (each endpoint's statements explained on the
database) and ``--compare --crowd-turns`` (the closed loop against two servers in
alternating turns), on a small store, so these modes keep working."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store_scale import load_bench

from webdata import build_db

pytest_plugins = ["backends"]


def test_plans_explain_every_endpoint(db_url: str) -> None:
    bench = load_bench()
    db = build_db(db_url)
    found = bench.plans(db)["plans"]
    assert set(found) == set(bench.endpoints(db))
    for name, row in found.items():
        assert row["status"] == 200, name
        assert row["statements"] > 0, name
        if "postgres" in db_url:  # real settings: on a few rows PostgreSQL scans
            assert row["slowest_plan"] and row["sql_ms"] >= row["slowest_ms"] >= 0
        else:
            assert row["full_scans"] == [], (name, row["full_scans"])


def test_the_plans_see_a_full_scan(tmp_path: Path) -> None:
    bench = load_bench()
    db = build_db(tmp_path / "n.db")
    from newsgraph.store.engine import make_engine

    scans = bench._explain_sqlite(make_engine(db), [("SELECT count(*) FROM quotes", ())])
    assert scans["full_scans"] and scans["full_scans"][0].startswith("SCAN quotes")


@pytest.mark.slow
def test_compare_in_turns(tmp_path: Path) -> None:
    bench = load_bench()
    db = build_db(tmp_path / "n.db")
    src = str(Path(__file__).resolve().parents[2] / "src")
    out = bench.compare(db, src, requests=1, clients=3, seconds=2.0, slices=2)["compare"]
    crowd = out["c3"]
    for side in ("other", "this"):
        assert crowd[side]["errors"] == {}
        assert crowd[side]["all"]["answers_per_s"] > 0
        assert set(crowd[side]["endpoints"]) == set(out["endpoints"])


def test_each_database_keeps_its_own_ingest_record() -> None:
    """The first batches' ingest cost is kept per database: two PostgreSQL stores do not
    read each other's record, and a SQLite store keeps it beside its file."""
    bench = load_bench()
    one = bench.sidecar("postgresql+psycopg://postgres@127.0.0.1:5432/one")
    two = bench.sidecar("postgresql+psycopg://postgres@127.0.0.1:5432/two")
    assert one != two and one.parent == two.parent == Path(".cache")
    assert bench.sidecar("/tmp/x/scale.db") == Path("/tmp/x/scale.db.scale.json")


def test_sources_are_read_from_a_database_before_a_later_column(tmp_path: Path) -> None:
    """The bench reads its source database as it is: one made before ``quotes.parts``
    (schema step 15) gives its records, quotes and all, without being migrated."""
    import sqlite3

    bench = load_bench()
    db = build_db(tmp_path / "old.db")
    with sqlite3.connect(db) as con:
        con.execute("ALTER TABLE quotes DROP COLUMN parts")
    found = bench.load_sources(db, 10)
    assert found and any(r.get("quotes") for r in found)
