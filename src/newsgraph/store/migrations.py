"""A versioned schema: ordered migration steps, applied in one transaction on open.

Each step is a function taking a ``Connection`` and moving the schema from version
``n - 1`` to ``n``; applying it records ``n`` in ``schema_version``. A database with
no ``schema_version`` table is version 0 (empty). Steps may branch on
``conn.dialect.name`` for dialect-only objects (this is the seam for full-text search:
an FTS5 virtual table on SQLite, a ``tsvector`` index on PostgreSQL, as a later step).

Rule for future steps: never edit a released step. Step 1 builds the version-1 tables
from ``schema.py``; when a later step changes a table, freeze step 1's definitions first
(copy the v1 ``Table`` objects into this module) so a fresh database still replays
1, 2, ... in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, inspect, select

from newsgraph.errors import Code, StoreError
from newsgraph.store import schema

Step = Callable[[Connection], None]


def _v1_create_tables(conn: Connection) -> None:
    """Version 1: the base tables and their indexes."""
    schema.metadata.create_all(conn, checkfirst=True)


# ---- step 2: full-text search over articles (title, text) -------------------------------

# the PostgreSQL document expression; queries must use exactly this text for the GIN index
PG_DOCUMENT_SQL = "to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)"

_SQLITE_FTS = (
    # a regular FTS5 table holding its own copy, joined to articles on the id: an
    # external-content table keyed on articles' implicit rowid would break after VACUUM
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF id, title, text ON articles "
    "BEGIN DELETE FROM articles_fts WHERE id = old.id; "
    "INSERT INTO articles_fts (id, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO articles_fts (id, title, text) SELECT id, title, text FROM articles",
)


def _v2_search_index(conn: Connection) -> None:
    """Version 2: full-text search. SQLite: an FTS5 table kept in sync by triggers.
    PostgreSQL: a GIN expression index over ``PG_DOCUMENT_SQL`` (needs no sync)."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            conn.exec_driver_sql(statement)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN ({PG_DOCUMENT_SQL})"
        )


MIGRATIONS: Sequence[Step] = (_v1_create_tables, _v2_search_index)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database; 0 when it has never been migrated."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    found = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(conn: Connection, steps: Sequence[Step] = MIGRATIONS) -> list[int]:
    """Bring the schema up to ``len(steps)``; returns the versions applied (maybe none).

    Run it inside a transaction (``engine.begin()``): a failing step then leaves the
    database as it was. Raises ``StoreError(DB_SCHEMA)`` for a database newer than the code.
    """
    have, want = current_version(conn), len(steps)
    if have > want:
        raise StoreError(
            Code.DB_SCHEMA,
            f"database is at schema version {have}, this newsgraph knows up to {want};"
            " upgrade newsgraph",
        )
    applied = []
    for version in range(have + 1, want + 1):
        steps[version - 1](conn)
        _record(conn, version)
        applied.append(version)
    return applied


def _record(conn: Connection, version: int) -> None:
    """Note in ``schema_version`` that ``version`` has been applied."""
    if not inspect(conn).has_table(schema.schema_version.name):
        schema.schema_version.create(conn)
    conn.execute(insert(schema.schema_version).values(version=version, applied=datetime.now(UTC)))
