"""Every GET endpoint answers from indexes or aggregates: the query plan of each statement
the API and the pages run is checked for a full scan of a big table.

The statements are captured while the endpoints answer (an engine listener), then
explained on the same database: ``EXPLAIN QUERY PLAN`` on SQLite (no ``SCAN <table>``
without an index; an index walked in order only under a ``LIMIT``), ``EXPLAIN`` on
PostgreSQL with sequential scans priced out (``enable_seqscan = off``: a ``Seq Scan``
that remains means no index could answer). On a few rows the planners would happily
scan; these settings ask them what they could use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from newsgraph.store import schema
from newsgraph.web import create_app
from webdata import build_db

pytest_plugins = ["backends"]

# schema's tables that grow with the corpus, and SQLite's full-text tables
BIG = schema.GROWING_TABLES | schema.GROWING_FULLTEXT
# the speaker labels searched by fragment: read whole by design
SCANNED_ON_PURPOSE = {"speaker_names"}

GETS = [
    "/api/articles",
    "/api/articles?q=Macron",
    "/api/articles?q=security&actor=Q7747",
    "/api/articles?q=Macron&outlet=TASS",
    "/api/articles?q=talks&since=2021&until=2022-06",
    "/api/articles?language=en&year=2022",
    "/api/articles?facets=true",
    "/api/articles?q=Macron&facets=true",
    "/api/articles/meet-1",
    "/api/actors",
    "/api/actors?q=putin",
    "/api/actors/Q7747",
    "/api/quotes",
    "/api/quotes?speaker=Q7747",
    "/api/quotes?speaker=Peskov&since=2021",
    "/api/quotes?article_id=meet-1",
    "/api/events",
    "/api/events?type=CONSULT",
    "/api/events?actor=Q7747",
    "/api/events?country=RUS&since=2021",
    "/api/timeline",
    "/api/timeline?actor=Q7747",
    "/api/timeline?country=RUS&type=CONSULT",
    "/api/dyad?a=RUS&b=FRA",
    "/api/dyad/events?a=RUS&b=FRA",
    "/api/dyad/events?a=Q7747&b=Q3052772&month=2022-02",
    "/api/dyad/events?a=Russia&b=FRA&period=2022-W06",
    "/api/dyad?a=Putin&b=Macron&by=day",
    "/api/timeline?actor=Vladimir%20Putin&by=day",
    "/api/actors/Q7747?by=year",
    "/api/stats",
    "/search?q=Macron",
    "/actors/Q7747",
    "/timeline?actor=Q7747",
    "/dyad?a=RUS&b=FRA",
    "/stats",
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def captured(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, list[tuple[str, Any]]]]:
    """(engine, [(statement, parameters)]) of every SELECT the GET endpoints ran."""
    from backends import fresh_pg_schema, pg_base_url

    def run(db: str) -> Iterator[tuple[Any, list[tuple[str, Any]]]]:
        app = create_app(db, cache_mb=0)
        engine = app.state.store.engine
        seen: list[tuple[str, Any]] = []

        def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                seen.append((statement, params))

        with TestClient(app, base_url="http://127.0.0.1") as client:
            event.listen(engine, "before_cursor_execute", listen)
            for path in GETS:
                response = client.get(path)
                assert response.status_code == 200, (path, response.text)
            event.remove(engine, "before_cursor_execute", listen)
            yield engine, seen

    if request.param == "sqlite":
        yield from run(build_db(tmp_path_factory.mktemp("plans") / "news.db"))
        return
    with fresh_pg_schema(pg_base_url()) as url:
        yield from run(build_db(url))


def scans(engine: Any, statement: str, params: Any) -> list[str]:
    """The full scans of big tables in the plan of ``statement``."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            return sqlite_scans([str(row[-1]) for row in plan], statement)
        conn.exec_driver_sql("SET enable_seqscan = off")
        plan = conn.exec_driver_sql("EXPLAIN " + statement, params).all()
        return postgres_scans([str(row[0]) for row in plan])


def sqlite_scans(lines: list[str], statement: str) -> list[str]:
    bad = []
    limited = re.search(r"\bLIMIT\b", statement, re.I) is not None
    for line in lines:
        found = re.match(r"SCAN (\w+)(.*)", line)
        if not found:
            continue
        name, rest = found.group(1), found.group(2)
        if name in SCANNED_ON_PURPOSE or name not in BIG:
            continue
        if name in ("articles_fts", "entity_names_grams") and re.search(
            r"VIRTUAL TABLE INDEX \d+:\S", rest
        ):
            continue  # a MATCH or a rowid: the full-text index answers
        if "USING" in rest and "INDEX" in rest and limited:
            continue  # an index walked in order, stopped by the LIMIT
        bad.append(line)
    return bad


def postgres_scans(lines: list[str]) -> list[str]:
    bad = []
    for line in lines:
        found = re.search(r"Seq Scan on (\w+)", line)
        if found and found.group(1) in BIG:
            bad.append(line.strip())
    return bad


def test_endpoints_ran_queries(captured) -> None:
    _engine, seen = captured
    assert len(seen) > len(GETS)


def test_no_endpoint_scans_a_big_table(captured) -> None:
    engine, seen = captured
    problems = {}
    for statement, params in seen:
        found = scans(engine, statement, params)
        if found:
            problems[statement[:300]] = found
    assert not problems, problems


def test_a_search_read_from_its_newest_days_reads_indexes(captured, monkeypatch) -> None:
    """PostgreSQL reads a query with many matches from its newest days
    (``PostgresSearch._newest``; forced here, where no query has many): its statements
    read indexes too, the word and day tags in one GIN index scan."""
    from newsgraph.store.search import PostgresSearch, SearchFilters, search_backend

    engine, _ = captured
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    monkeypatch.setattr(PostgresSearch, "newest_from", -1)
    monkeypatch.setattr(PostgresSearch, "_estimate", lambda *_: 10**6)
    monkeypatch.setattr(PostgresSearch, "rank_window", 1)
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, params))

    backend = search_backend(engine)
    event.listen(engine, "before_cursor_execute", listen)
    try:
        for q in ("Macron OR talks", '"talks were useful"'):  # a phrase is checked apart
            for filters in (SearchFilters(), SearchFilters(outlet="TASS", since="2021")):
                for offset in (0, 2):
                    backend.search(q, filters, 2, offset)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    newest = [(s, p) for s, p in seen if "MATERIALIZED" in s]
    assert newest and all("search_tags &&" in s for s, _ in newest)
    assert [s for s, _ in newest if "checked.search_doc" in s]
    problems = {s[:300]: found for s, p in seen if (found := scans(engine, s, p))}
    assert not problems, problems


def test_the_check_sees_a_full_scan(captured) -> None:
    """The checker itself: a count of quotes by text is a full scan on both backends."""
    engine, _ = captured
    mark = "?" if engine.dialect.name == "sqlite" else "%(x)s"
    params: Any = ("x",) if engine.dialect.name == "sqlite" else {"x": "x"}
    statement = f"SELECT count(*) FROM quotes WHERE text = {mark}"
    assert scans(engine, statement, params)


def test_search_filters_are_index_terms(captured) -> None:
    """A search's filters go through an index beside the words: on SQLite terms of the
    FTS5 ``tags`` column (no join to the entities of an actor); on PostgreSQL an outlet,
    a language and a frequent actor are overlaps with ``search_tags``, in the same GIN
    index as the words (``ix_articles_search``), which reads both together (a rare
    actor's entity rows and a date range's btree are indexes too;
    ``test_postgres_actor_filter_both_ways``)."""
    engine, seen = captured
    if engine.dialect.name == "sqlite":
        filtered = [s for s, p in seen if "MATCH" in s and "tags:" in str(p)]
        assert filtered and not [s for s in filtered if "entities" in s]
        return
    assert [s for s, _ in seen if "search_doc @@" in s and "search_tags &&" in s]  # the outlet
    # on a few rows the planner reads the words' matches and tests the tags on them;
    # asked for the tags alone it must have an index to answer them
    with engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        statement = "EXPLAIN SELECT id FROM articles WHERE search_tags && ARRAY['aq7747']"
        plan = "\n".join(str(r[0]) for r in conn.exec_driver_sql(statement))
    assert "ix_articles_search " in plan, plan  # words and tags: one GIN index


def test_every_table_is_growing_or_named_small() -> None:
    """A new table is placed on purpose: ``schema.GROWING_TABLES`` (what the bench and
    this test watch) holds every table but these few small ones, and only real tables."""
    from newsgraph.store import claims, stories

    tables = {*schema.metadata.tables, *claims.metadata.tables, *stories.metadata.tables}
    small = {"schema_version", "runs", "sources", "counts"}  # a row per run, outlet, day...
    assert tables >= schema.GROWING_TABLES
    assert tables - schema.GROWING_TABLES == small | SCANNED_ON_PURPOSE
