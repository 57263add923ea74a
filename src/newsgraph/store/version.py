"""A cheap token that changes whenever committed data in the store changes.

The web server keys its response cache on it (``web.cache``), so it must never stay the
same across a commit that changed data, whoever made it: this process, another
``newsgraph ingest``, or any other tool writing the database. It may change more often
than needed (that only costs a cache miss).

- SQLite: ``PRAGMA data_version`` on a connection of its own that never writes. SQLite
  changes the value whenever another connection (in any process) commits.
- PostgreSQL: how many commits of newsgraph writers this connection has heard of. Every
  writer transaction (``store.engine.write_engine``: ingest, merges, stories, migrations)
  sends ``NOTIFY newsgraph_data``, which PostgreSQL delivers only when it commits, to
  every session of the database that listens; this connection listens, and each check
  runs a trivial query, which hands over the notifications that arrived before it (the
  server delivers them ahead of the query's end, and a writer's commit returns only
  after its listeners were signalled). A writer that bypasses newsgraph (``psql``) is
  not heard: restart the server after such a change. The cluster's own snapshot
  (``pg_current_snapshot()``, used before) moved with every transaction id anywhere on
  the cluster: autovacuum's ANALYZE, other databases and schemas, so a busy cluster
  emptied the cache between two identical requests.
- Anything else, or an in-memory database: no token (``None``), so nothing is cached.

A token is read before the query that answers a request, so a response stored under a
token holds data at least as new as the token. When a read fails the token is ``None``
and a new connection is tried, at most once every ``RETRY_AFTER_S`` seconds. Tokens
carry a count of connections, since SQLite's values compare only within one.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from typing import Any

from sqlalchemy import Engine

from newsgraph.store.engine import PG_DATA_CHANNEL

RETRY_AFTER_S = 5.0  # a failed check is not retried (no new connection) for this long


class DataVersion:
    """``current()`` is the store's data version token, or None when it cannot be had."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._conn: Any = None
        self._lock = threading.Lock()
        self._epoch = 0  # SQLite's values only compare within one connection
        self._retry_at = 0.0  # after a failure, no new connection before this
        self._heard = 0  # PostgreSQL: writers' commits notified on this connection
        dialect = engine.dialect.name
        database = engine.url.database or ""
        in_memory = database in ("", ":memory:") or "mode=memory" in database
        known = dialect == "postgresql" or (dialect == "sqlite" and not in_memory)
        self._kind = dialect if known else "none"

    @property
    def supported(self) -> bool:
        return self._kind != "none"

    def current(self) -> str | None:
        if self._kind == "none":
            return None
        with self._lock:
            if self._conn is None and time.monotonic() < self._retry_at:
                return None
            try:
                if self._conn is None:
                    self._conn = self._connect()
                    self._epoch += 1
                return f"{self._epoch}:{self._read()}"
            except Exception:  # noqa: BLE001 - a failed check only means "do not cache"
                self._drop()
                self._retry_at = time.monotonic() + RETRY_AFTER_S
                return None

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _connect(self) -> Any:
        if self._kind == "sqlite":
            database = str(self._engine.url.database)
            conn = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")
            return conn
        import psycopg

        url = self._engine.url.set(drivername="postgresql")
        listener = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        try:
            listener.add_notify_handler(self._notified)
            listener.execute(f"LISTEN {PG_DATA_CHANNEL}")
        except BaseException:
            listener.close()
            raise
        return listener

    def _notified(self, notice: Any) -> None:
        """psycopg calls this (under ``_lock``, inside ``_read``'s query) per notification."""
        if notice.channel == PG_DATA_CHANNEL:
            self._heard += 1

    def _read(self) -> str:
        if self._kind == "sqlite":
            return f"s{self._conn.execute('PRAGMA data_version').fetchone()[0]}"
        self._conn.execute("SELECT 1")  # hands over the notifications that came before it
        return f"n{self._heard}"

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # closing a broken connection
                conn.close()
