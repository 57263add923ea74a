"""The aggregates kept at ingest (``store.aggregates``) say what the base tables say, after
ingest, duplicates and a rebuild of merged events, and a database from before them
(schema version 2) is filled by the migration exactly as ingest would have filled it."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select, text

from newsgraph.analyze.database import Database
from newsgraph.analyze.dyads import dyad_events
from newsgraph.analyze.parties import Party
from newsgraph.store import schema
from newsgraph.store.migrations import MIGRATIONS, ORDERED_INDEXES, SCHEMA_VERSION, _pg_search_tags
from newsgraph.store.search import SearchFilters, search_backend
from webdata import meeting, sample_articles

pytest_plugins = ["backends"]


def snapshot(store: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every aggregate table's rows, sorted (merged event ids left as they are)."""
    with store.engine.connect() as conn:
        return {
            t.name: sorted(tuple(str(v) for v in r) for r in conn.execute(select(t)))
            for t in schema.AGGREGATE_TABLES
        }


def table_count(store: Database, table: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


@pytest.fixture
def store(db_url: str):
    with Database.open(db_url) as s:
        s.save_batch(sample_articles(), None)
        s.save_batch(sample_articles(), None)  # the same batch again adds nothing
        later = [meeting(7, "2022-02-11", "TASS"), meeting(8, "2022-02-12", "Le Monde")]
        s.save_batch(later, None)
        yield s


def test_counts_match_the_tables(store: Database) -> None:
    tables = store.stats()["tables"]
    for name in schema.COUNTED_TABLES:
        assert tables[name] == table_count(store, schema.metadata.tables[name]), name
    assert sum(store.stats()["languages"].values()) == tables["articles"]


def test_actor_stats_match_the_entities(store: Database) -> None:
    ent, t = schema.entities, schema.actor_stats
    with store.engine.connect() as conn:
        expected = {
            e: int(n)
            for e, n in conn.execute(
                select(ent.c.entity_id, func.count(func.distinct(ent.c.article_id))).group_by(
                    ent.c.entity_id
                )
            )
        }
        kept = {e: int(n) for e, n in conn.execute(select(t.c.entity_id, t.c.articles))}
    assert kept == expected and expected


def test_day_counts_match_the_merged_events(store: Database) -> None:
    merged = store.merged_events_df()
    ed = schema.event_days
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(func.sum(ed.c.events), func.sum(ed.c.mentions)).where(ed.c.key == "*")
        ).one()
    assert (int(rows[0]), int(rows[1])) == (len(merged), int(merged["n_mentions"].sum()))


def test_dyad_counts_match_analyze(store: Database) -> None:
    rus, fra = Party("RUS", country="RUS"), Party("FRA", country="FRA")
    expected = dyad_events(store, rus, fra, include_negated=True)
    dd = schema.dyad_days
    with store.engine.connect() as conn:
        n = conn.execute(
            select(func.sum(dd.c.events)).where(dd.c.lo == "c:FRA", dd.c.hi == "c:RUS")
        ).scalar()
    assert expected and int(n or 0) == len(expected)


def test_rebuild_keeps_the_aggregates(store: Database) -> None:
    before = snapshot(store)
    store.rebuild_merged_events()
    after = snapshot(store)
    for name in ("event_days", "dyad_days", "counts"):
        assert after[name] == before[name], name
    counted = Counter(r[0] for r in after["merged_event_keys"])
    assert counted == Counter(r[0] for r in before["merged_event_keys"])


def test_migration_fills_a_database_from_before_the_aggregates(store: Database) -> None:
    """Roll the database back to schema version 2 (drop what steps 3 and 4 made) and
    open it again: the backfill gives the same aggregates ingest kept."""
    before = snapshot(store)
    with store.engine.begin() as conn:
        for name, table_name, _ in ORDERED_INDEXES:
            if table_name in ("articles", "merged_events"):
                conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(text("DROP INDEX ix_articles_filter"))
        for table in reversed(schema.AGGREGATE_TABLES):
            conn.execute(text(f"DROP TABLE {table.name}"))
        conn.execute(text("DELETE FROM schema_version WHERE version >= 3"))
    url = store.engine.url.render_as_string(hide_password=False)
    with Database.open(url) as again:
        assert again.schema_version == SCHEMA_VERSION
        assert snapshot(again) == before
        found = search_backend(again.engine).search("Macron", SearchFilters(), 10, 0)
        assert found.total > 0 and found.exact


def search_tags(store: Database) -> dict[str, list[str]]:
    with store.engine.connect() as conn:
        return {
            str(i): list(t) for i, t in conn.execute(text("SELECT id, search_tags FROM articles"))
        }


def test_migration_adds_the_search_tags(store: Database) -> None:
    """Roll the database back to before step ``_pg_search_tags`` (PostgreSQL: drop the
    column and its index) and open it again: every article gets the tags ingest gave it
    (its outlet, language, days and actors), and filtered searches find what they found."""
    backend = search_backend(store.engine)
    asked = [
        ("Macron OR talks OR Russie", SearchFilters(actor="Q3052772", since="2022-02-11")),
        ("Macron OR talks OR Russie", SearchFilters(outlet="TASS")),
        ("Macron OR talks OR Russie", SearchFilters(language="fr", year="2022")),
    ]
    before = [sorted(r["id"] for r in backend.search(q, f, 100, 0).rows) for q, f in asked]
    assert all(before)
    postgres = store.engine.dialect.name == "postgresql"
    if postgres:
        ingested = search_tags(store)
        assert all(ingested.values()) and any(
            t.startswith("aq") for v in ingested.values() for t in v
        )
    with store.engine.begin() as conn:
        if postgres:
            # (the column's index: ix_articles_search since step _pg_search_index)
            conn.execute(text("DROP INDEX IF EXISTS ix_articles_search_tags"))
            conn.execute(text("ALTER TABLE articles DROP COLUMN search_tags"))
        step = MIGRATIONS.index(_pg_search_tags) + 1  # it and every later step
        conn.execute(text(f"DELETE FROM schema_version WHERE version >= {step}"))
    url = store.engine.url.render_as_string(hide_password=False)
    with Database.open(url) as again:
        assert again.schema_version == SCHEMA_VERSION
        if postgres:
            assert search_tags(again) == ingested
        backend = search_backend(again.engine)
        after = [sorted(r["id"] for r in backend.search(q, f, 100, 0).rows) for q, f in asked]
        assert after == before


def test_day_tags_cover_a_range_with_the_fewest_terms() -> None:
    from datetime import date

    from newsgraph.store.search import day_tags

    assert day_tags(date(2016, 12, 30), date(2018, 2, 2)) == [
        "d20161230",
        "d20161231",
        "y2017",
        "m201801",
        "d20180201",
        "d20180202",
    ]
    assert day_tags(date(2017, 3, 1), date(2017, 2, 1)) == []


def test_filtered_search_counts_exactly(store: Database) -> None:
    """Filters folded into the full-text match (SQLite tags) find what the SQL filters of
    a listing find, among the query's matches."""
    backend = search_backend(store.engine)
    q = "Macron OR talks OR Russie"
    matching = {r["id"] for r in backend.search(q, SearchFilters(), 100, 0).rows}
    for filters in (
        SearchFilters(outlet="TASS"),
        SearchFilters(actor="Q3052772", since="2022-02-11"),
        SearchFilters(year="2021"),
        SearchFilters(language="fr", until="2022-03"),
    ):
        listed = {r["id"] for r in backend.search(None, filters, 100, 0).rows}
        found = backend.search(q, filters, 100, 0)
        assert found.exact and found.total == len(found.rows)
        assert {r["id"] for r in found.rows} == matching & listed, filters


@pytest.mark.parametrize("join_max", [0, 1_000_000])
def test_postgres_actor_filter_both_ways(
    pg_url: str, join_max: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL filters a frequent actor through ``search_tags`` and a rare one through
    its entity rows (``PostgresSearch.actor_join_max``): both find what the listing
    finds among the query's matches, and the window's SQL is the one chosen."""
    from sqlalchemy import event

    from newsgraph.store.search import PostgresSearch

    monkeypatch.setattr(PostgresSearch, "actor_join_max", join_max)
    with Database.open(pg_url) as s:
        s.save_batch(sample_articles(), None)
        s.save_batch([meeting(7, "2022-02-11", "TASS"), meeting(8, "2022-02-12", "Le Monde")], None)
        backend = search_backend(s.engine)
        q = "Macron OR talks OR Russie"
        matching = {r["id"] for r in backend.search(q, SearchFilters(), 100, 0).rows}
        seen: list[str] = []

        def listen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if "search_doc @@" in statement and "LIMIT" in statement:
                seen.append(statement)

        for filters in (
            SearchFilters(actor="Q3052772"),
            SearchFilters(actor="Q7747", since="2022-02-11", outlet="TASS"),
        ):
            listed = {r["id"] for r in backend.search(None, filters, 100, 0).rows}
            seen.clear()
            event.listen(s.engine, "before_cursor_execute", listen)
            found = backend.search(q, filters, 100, 0)
            event.remove(s.engine, "before_cursor_execute", listen)
            assert {r["id"] for r in found.rows} == matching & listed, filters
            assert seen
            for statement in seen:  # the actor: its entity rows, or its tags
                assert ("entities" in statement) == (join_max > 0), statement
                tags = join_max == 0 or filters.outlet is not None
                assert ("search_tags" in statement) == tags, statement
        assert listed


def test_estimates_read_as_estimates() -> None:
    from newsgraph.store.search import SearchPage, estimate_text

    assert estimate_text(28_847, True) == "28,847"
    assert estimate_text(28_347, False) == "about 28,000"
    assert estimate_text(1_234_567, False) == "about 1,200,000"
    assert SearchPage([], 28_347, exact=False).total_text == "about 28,000"
