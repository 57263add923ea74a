"""Step ``_unread_indexes`` (issue 18, session 19): the indexes no statement reads are
gone, so an ingest no longer inserts into them. A store has none of them; a store from
before the step loses them on opening and every GET endpoint answers as before (the
plans of what they run are ``test_query_plans``' business)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import inspect, text

from newsgraph.store import SCHEMA_VERSION, Store, migrations
from newsgraph.web import create_app
from webdata import build_db

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

# (name, table, column): what schema.py and step 1 made before the step
DROPPED = (
    ("ix_articles_published_date", "articles", "published_date"),
    ("ix_articles_language", "articles", "language"),
    ("ix_articles_outlet_id", "articles", "outlet_id"),
    ("ix_mentions_entity_id", "mentions", "entity_id"),
    ("ix_quotes_date", "quotes", "date"),
    ("ix_events_type", "events", "type"),
    ("ix_events_date", "events", "date"),
)
GETS = (
    "/api/articles?language=en&year=2022",
    "/api/articles?outlet=TASS",
    "/api/articles?since=2021&until=2022-06",
    "/api/quotes?since=2021",
    "/api/quotes?speaker=Q7747",
    "/api/events?type=CONSULT",
    "/api/events?since=2021",
    "/api/articles/meet-1",
    "/api/actors/Q7747",
)


def index_names(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        found = inspect(conn)
        return {
            str(ix["name"])
            for table in ("articles", "mentions", "quotes", "events", "entities")
            for ix in found.get_indexes(table)
        }


def answers(db: str) -> dict[str, Any]:
    with TestClient(create_app(db, cache_mb=0), base_url="http://127.0.0.1") as client:
        out = {}
        for path in GETS:
            response = client.get(path)
            assert response.status_code == 200, (path, response.text)
            out[path] = response.json()
    return out


def test_a_store_has_no_unread_index(db_url: str) -> None:
    build_db(db_url)
    with Store.open(db_url) as store:
        names = index_names(store)
        postgres = store.engine.dialect.name == "postgresql"
    assert not names & {name for name, _, _ in DROPPED}
    # the indexes the reads use stay
    assert {"ix_quotes_speaker_entity", "ix_articles_newest"} <= names
    assert {"ix_articles_language_newest", "ix_articles_outlet_newest"} <= names
    if postgres:  # a prefix of (entity_id, article_id)
        assert "ix_entities_entity_id" not in names
        assert "ix_entities_entity_article" in names
    else:
        assert "ix_entities_entity_id" in names


def test_a_store_before_the_step_loses_them_and_answers_the_same(db_url: str) -> None:
    build_db(db_url)
    step = migrations.MIGRATIONS.index(migrations._unread_indexes) + 1
    with Store.open(db_url) as store:
        with store.engine.begin() as conn:  # back to the schema before the step
            for name, table, column in DROPPED:
                conn.execute(text(f'CREATE INDEX {name} ON "{table}" ("{column}")'))
            conn.execute(
                text("CREATE INDEX IF NOT EXISTS ix_entities_entity_id ON entities (entity_id)")
            )
            conn.execute(text(f"DELETE FROM schema_version WHERE version >= {step}"))
        assert {name for name, _, _ in DROPPED} <= index_names(store)
    before = answers(db_url)
    assert before["/api/events?type=CONSULT"]["items"]
    assert before["/api/quotes?since=2021"]["items"]
    with Store.open(db_url) as store:
        assert store.schema_version == SCHEMA_VERSION
        names = index_names(store)
        postgres = store.engine.dialect.name == "postgresql"
    assert not names & {name for name, _, _ in DROPPED}
    assert ("ix_entities_entity_id" in names) is not postgres
    assert answers(db_url) == before
