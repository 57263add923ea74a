"""Making an engine from a path or URL; every dialect-specific setting lives here.

A bare path means SQLite. ``sqlite:///...`` URLs pass through; ``postgresql://`` (and
``postgres://``) mean PostgreSQL through psycopg 3 (``postgresql+psycopg://``).
SQLite connections get WAL journaling, ``synchronous=NORMAL``, foreign keys and a busy
timeout, and real transactions: the ``sqlite3`` module's own transaction handling is
switched off and SQLAlchemy's ``begin`` emits ``BEGIN`` itself, so DDL in a migration
rolls back too, and writers can ask for ``BEGIN IMMEDIATE`` (take the write lock up
front instead of failing to upgrade a read lock when two processes write at once).
On PostgreSQL the same writer transactions take a transaction-scoped advisory lock first,
so writers queue as they do on SQLite instead of racing on the unique keys (content
hash, outlet name) that ``save_batch`` checks before inserting; readers never wait. They
also ``NOTIFY`` channel ``PG_DATA_CHANNEL``, delivered when (and only if) they commit:
``store.version`` counts these to know when a server's cached answers are out of date.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from newsgraph.errors import Code, StoreError
from newsgraph.extras import require

BUSY_TIMEOUT_MS = 10_000
# execution option read by the SQLite ``begin`` listener: "" (deferred) or "IMMEDIATE"
BEGIN_OPTION = "newsgraph_sqlite_begin"
# SQLite: the page cache (KiB) of a connection once it has written (``BEGIN IMMEDIATE``);
# the default is 2,000 KiB. A batch's inserts land all over the big indexes (entity ids,
# days, speaker names, the full-text index), so at 100,000 articles almost every leaf
# they touch was evicted since the last batch: each was read again and, in a long
# transaction, dirty pages spilled to the WAL before the commit (docs/scale.md, "Session
# 18: ingest at scale"). Pages are allocated as they are read, up to this bound.
WRITER_CACHE_KIB = 262_144
# pg_advisory_xact_lock key shared by every newsgraph writer on a PostgreSQL database
PG_WRITE_LOCK = 0x6E657773  # "news"
# LISTEN/NOTIFY channel of every newsgraph writer transaction on PostgreSQL (store.version)
PG_DATA_CHANNEL = "newsgraph_data"


def to_url(url_or_path: str) -> URL:
    """A SQLAlchemy URL for ``url_or_path``: URLs as given, anything else a SQLite file."""
    if "://" in url_or_path:
        url = make_url(url_or_path)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url
    if url_or_path == ":memory:":
        return URL.create("sqlite", database=":memory:")
    path = Path(url_or_path).expanduser()
    return URL.create("sqlite", database=str(path))


def make_engine(url_or_path: str) -> Engine:
    """An engine for ``url_or_path``, with the dialect's connection settings installed."""
    url = to_url(url_or_path)
    if url.get_backend_name() == "postgresql" and url.get_driver_name() == "psycopg":
        require("psycopg", "postgres", "a PostgreSQL database")
    engine = create_engine(url, json_serializer=_to_json)
    if engine.dialect.name == "sqlite":
        _check_sqlite_path(url)
        _install_sqlite_listeners(engine)
    elif engine.dialect.name == "postgresql":
        _install_postgresql_listeners(engine)
    return engine


def _to_json(value: Any) -> str:
    """JSON for JSON columns; values JSON has no type for (paths, dates) become strings."""
    return json.dumps(value, ensure_ascii=False, default=str)


def write_engine(engine: Engine) -> Engine:
    """A view of ``engine`` whose transactions take the write lock at ``BEGIN`` (SQLite:
    ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock held until commit)."""
    if engine.dialect.name in ("sqlite", "postgresql"):
        return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
    return engine


def journal_mode(engine: Engine) -> str | None:
    """SQLite's journal mode (``wal`` expected); None on other databases."""
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())


# the connection of the enclosing ``read_scope``, with its engine (a request of the web app)
_SCOPE: ContextVar[tuple[Engine, Connection] | None] = ContextVar("newsgraph_read", default=None)


@contextmanager
def read_scope(engine: Engine) -> Iterator[Connection]:
    """One connection and one read transaction for every ``connect(engine)`` inside (in
    this thread or task): a web request's queries see one snapshot of the data, and the
    pool checkout, ``BEGIN`` and ``ROLLBACK`` are paid once per request instead of once
    per query group (about 0.09 ms each on SQLite). Nested scopes share the outer one."""
    current = _scoped(engine)
    if current is not None:
        yield current
        return
    with engine.connect() as conn:
        token = _SCOPE.set((engine, conn))
        try:
            yield conn
        finally:
            _SCOPE.reset(token)


@contextmanager
def connect(engine: Engine) -> Iterator[Connection]:
    """The connection of the enclosing ``read_scope`` of ``engine`` (left open), else a
    new one closed on exit, as ``engine.connect()`` gives. For reads only: a scope's
    transaction is never committed."""
    current = _scoped(engine)
    if current is not None:
        yield current
        return
    with engine.connect() as conn:
        yield conn


def in_read_scope(engine: Engine) -> bool:
    """Whether a ``read_scope`` of ``engine`` encloses the caller."""
    return _scoped(engine) is not None


def _scoped(engine: Engine) -> Connection | None:
    """The connection of the ``read_scope`` of ``engine`` enclosing the caller, or None."""
    current = _SCOPE.get()
    return current[1] if current is not None and current[0] is engine else None


def _check_sqlite_path(url: URL) -> None:
    """Refuse a directory or a missing parent folder before sqlite3 gives a vaguer error."""
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return
    path = Path(database)
    if path.is_dir():
        raise StoreError(Code.DB_OPEN, f"{path} is a directory")
    if not path.parent.exists():
        raise StoreError(Code.DB_OPEN, f"folder {path.parent} does not exist")


def _set_wal(cursor: Any) -> None:
    """Write-ahead logging, kept in the file once set. Switching to it needs the file to
    itself, which the busy timeout does not always wait for: two processes opening a new
    database at once got 'database is locked'; so it is retried for the timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _install_sqlite_listeners(engine: Engine) -> None:
    """Pragmas on every new connection; explicit BEGIN on every transaction."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _set_wal(cursor)
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "")
        if mode == "IMMEDIATE" and not conn.info.get("writer_cache"):
            # once per connection, kept while the pool keeps it (see WRITER_CACHE_KIB)
            conn.exec_driver_sql(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
            conn.info["writer_cache"] = True
        conn.exec_driver_sql(f"BEGIN {mode}".rstrip())


def _install_postgresql_listeners(engine: Engine) -> None:
    """Writer transactions (``write_engine``) queue on one advisory lock, and announce
    their commit on ``PG_DATA_CHANNEL`` (a notification is sent only if they commit)."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(BEGIN_OPTION) == "IMMEDIATE":
            conn.exec_driver_sql(
                f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK}), pg_notify('{PG_DATA_CHANNEL}', '')"
            )
