"""Hot reads as plain SQL on the driver's own connection (``sqlite3`` or psycopg).

A SQLAlchemy Core read builds a statement (about 30 µs), looks up its compiled form by
a cache key, runs it through the execution context and wraps the rows in ``Row``
objects: 60-250 µs of Python per statement before and after the database's own work,
and an answer of the API runs 5-15 of them. ``fetch`` sends a fixed SQL string with
``?`` placeholders straight to the driver of the SQLAlchemy connection it is given, so
it runs in that connection's transaction (a web request's one read snapshot,
``engine.read_scope``) and the driver's statement cache keeps it prepared (``sqlite3``
keeps the last 128 statements of a connection; psycopg prepares a query on the server
from its fifth run).

Only for reads whose SQL the two backends spell alike, and whose columns need no type
conversion (text, numbers, NULL): what SQLAlchemy's result processing would have done
is not done here. An IN list is one parameter per value (``marks(n)``); SQL is kept
per list length by the driver like any other.

The statements stay visible to ``before_cursor_execute`` listeners (the query-plan test
captures every SELECT the endpoints run that way), and a driver error is raised as
SQLAlchemy's ``DBAPIError`` subclass, as Core raises it (the search tells a malformed
query from a broken database by it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError


def fetch(conn: Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` (``?`` placeholders, no ``%``) on ``conn``, as tuples."""
    if not conn.in_transaction():
        conn.begin()  # the dialect's BEGIN, as SQLAlchemy's own first statement emits it
    driver: Any = conn.connection.driver_connection
    postgres = conn.dialect.name == "postgresql"
    if postgres:
        sql = sql.replace("?", "%s")
    values = tuple(params)
    cursor = driver.cursor()
    try:
        if conn._has_events or conn.engine._has_events:  # noqa: SLF001 (listeners, as Core)
            conn.dispatch.before_cursor_execute(conn, cursor, sql, values, None, False)
        cursor.execute(sql, values)
        return list(cursor.fetchall())
    except conn.dialect.loaded_dbapi.Error as exc:  # wrapped as Core wraps it
        raise DBAPIError.instance(sql, values, exc, conn.dialect.loaded_dbapi.Error) from exc
    finally:
        cursor.close()


def marks(n: int) -> str:
    """``?, ?, ?`` for an IN list of ``n`` values (at least one: ``IN (NULL)`` matches
    nothing)."""
    return ", ".join("?" * n) if n else "NULL"


def rows_as_dicts(keys: Sequence[str], rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Tuples as dicts by column name."""
    return [dict(zip(keys, row, strict=True)) for row in rows]
