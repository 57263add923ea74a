"""The pages' hot reads: plain SQL on the driver (``store.raw``) gives what SQLAlchemy
Core gave, and reads that grew with the corpus read an aggregate instead."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, select, update

from newsgraph.analyze import story_view
from newsgraph.analyze.database import Database
from newsgraph.store import queries, raw, schema
from newsgraph.store.engine import connect
from webdata import build_db

pytest_plugins = ["backends"]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Database]:
    from backends import fresh_pg_schema, pg_base_url

    if request.param == "sqlite":
        with Database.open(build_db(tmp_path / "news.db")) as s:
            yield s
        return
    with fresh_pg_schema(pg_base_url()) as url, Database.open(build_db(url)) as s:
        yield s


def test_fetch_runs_in_the_read_transaction_and_is_seen_by_listeners(store: Database) -> None:
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        with store.reading() as outer, connect(store.engine) as conn:
            assert conn is outer
            n = raw.fetch(conn, "SELECT count(*) FROM articles WHERE id IN (?, ?)", ["a", "b"])
            assert conn.in_transaction()
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)
    assert n == [(0,)]
    assert any("FROM articles WHERE id IN" in s for s in seen)


def test_fetch_raises_errors_as_core_does(store: Database) -> None:
    from sqlalchemy.exc import DBAPIError

    with store.engine.connect() as conn, pytest.raises(DBAPIError):
        raw.fetch(conn, "SELECT no_such_column FROM articles")


def test_day_counts_and_pages_agree_with_the_merged_events(store: Database) -> None:
    """The raw ``day_counts`` and ``merged_page`` against the merged events themselves."""
    from newsgraph.analyze.quads import PLOVER_QUAD

    merged = store.merged_events_df()
    asserted = merged[~merged["negated"].astype(bool)]
    with store.engine.connect() as conn:
        months = queries.day_counts(conn, key="*", classes=PLOVER_QUAD)
        ids = queries.merged_page(conn, key=None, limit=1000)
    charted = asserted[asserted["type"].isin(list(PLOVER_QUAD))]
    assert sum(e for _, _, negated, e, _ in months if not negated) == len(charted) > 0
    assert {k for _, k, _, _, _ in months} <= {None, *PLOVER_QUAD.values()}
    assert sorted(ids) == sorted(int(i) for i in merged["id"])


def test_story_names_come_from_the_actor_aggregate(store: Database) -> None:
    """An article's story names its actors from ``actor_stats`` (one row an actor),
    not from every ``entities`` row of each actor (a read that grew with the corpus)."""
    with store.engine.connect() as conn:
        found = None
        for (article_id,) in conn.execute(select(schema.articles.c.id)):
            story = story_view.article_story(store, article_id)
            if story and story["actors"]:
                found = article_id, story["actors"][0]["id"]
                break
    assert found, "the sample has a story with an actor"
    article_id, actor = found
    with store.engine.begin() as conn:
        t = schema.actor_stats
        conn.execute(update(t).where(t.c.entity_id == actor).values(name="Kept Name"))
    story = story_view.article_story(store, article_id)
    assert story is not None
    assert {a["id"]: a["name"] for a in story["actors"]}[actor] == "Kept Name"
