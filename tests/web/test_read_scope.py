"""One connection and one read transaction per answer (``Store.reading``, ``views.one_read``):
each view checks out one pooled connection however many query groups it runs, the answers
are those of separate connections, and on PostgreSQL the search's ``SET LOCAL
enable_seqscan = off`` does not outlive the search inside the shared transaction. Runs on
SQLite and on PostgreSQL (when ``NEWSGRAPH_TEST_PG_URL`` is set; see backends.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event, select
from starlette.datastructures import URL

from newsgraph.analyze.database import Database
from newsgraph.store import schema
from newsgraph.store.engine import connect, in_read_scope, read_scope
from newsgraph.store.rows import dicts
from newsgraph.store.search import SearchFilters
from newsgraph.web import views
from newsgraph.web.events import EventFilters
from webdata import build_db

pytest_plugins = ["backends"]

URL_ = URL("http://127.0.0.1/api/x")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    from backends import fresh_pg_schema, pg_base_url

    if request.param == "sqlite":
        url = build_db(tmp_path_factory.mktemp("scope") / "news.db")
        with Database.open(url) as db:
            yield db
        return
    with fresh_pg_schema(pg_base_url()) as url, Database.open(build_db(url)) as db:
        yield db


def test_each_view_checks_out_one_connection(store: Database) -> None:
    article_id = next(iter(store.articles(limit=1)))["id"]
    actor = views.actors_view(store, None, 1, 0, URL_)["items"][0]["id"]
    calls = [
        lambda: views.article_view(store, article_id),
        lambda: views.actor_view(store, actor, URL_),
        lambda: views.timeline_view(store, EventFilters(), 20, 0, URL_),
        lambda: views.search_view(store, "Macron", SearchFilters(), 20, 0, URL_, facets=True),
        lambda: views.quotes_view(
            store,
            URL_,
            speaker=None,
            since=None,
            until=None,
            article_id=None,
            limit=5,
            offset=0,
        ),
        lambda: views.stats_view(store),
    ]
    seen: list[int] = []

    def count(*_: object) -> None:
        seen.append(1)

    event.listen(store.engine, "checkout", count)
    try:
        for call in calls:
            seen.clear()
            call()
            assert len(seen) == 1, (calls.index(call), len(seen))
    finally:
        event.remove(store.engine, "checkout", count)


def test_answers_do_not_depend_on_the_scope(store: Database) -> None:
    """A view's answer is the same whether its reads share one connection or not (the
    unwrapped view opens one per query group, as before)."""
    article_id = next(iter(store.articles(limit=1)))["id"]
    for view, args in (
        (views.article_view, (article_id,)),
        (views.timeline_view, (EventFilters(), 20, 0, URL_)),
        (views.search_view, ("Macron", SearchFilters(), 20, 0, URL_)),
    ):
        kwargs = {"facets": True} if view is views.search_view else {}
        scoped = view(store, *args, **kwargs)  # type: ignore[operator]
        unscoped = view.__wrapped__(store, *args, **kwargs)  # type: ignore[attr-defined]
        assert scoped == unscoped


def test_scopes_nest_and_end(store: Database) -> None:
    engine = store.engine
    assert not in_read_scope(engine)
    with read_scope(engine) as outer:
        with store.reading() as inner, connect(engine) as conn:
            assert inner is outer and conn is outer
        assert in_read_scope(engine)
    assert not in_read_scope(engine)
    with connect(engine) as one, connect(engine) as two:
        assert one is not two  # outside a scope each is its own connection


def test_dicts_match_mappings(store: Database) -> None:
    stmt = select(schema.entities).order_by(schema.entities.c.article_id, schema.entities.c.seq)
    with store.connect() as conn:
        assert dicts(conn.execute(stmt)) == [dict(r) for r in conn.execute(stmt).mappings()]


def test_search_plans_as_usual_after_it_in_a_scope(store: Database) -> None:
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SET LOCAL enable_seqscan is PostgreSQL's")
    with store.reading() as conn:
        views.search_view.__wrapped__(  # type: ignore[attr-defined]
            store, "Macron", SearchFilters(), 20, 0, URL_, facets=False
        )
        assert conn.exec_driver_sql("SHOW enable_seqscan").scalar() == "on"
