"""Store backends for tests: SQLite always, PostgreSQL when ``NEWSGRAPH_TEST_PG_URL`` is set.

Use the ``db_url`` fixture (a module opts in with ``pytest_plugins = ["backends"]``):
each test gets a fresh database, a SQLite file under ``tmp_path`` or a new PostgreSQL
schema (the URL carries ``options=-csearch_path=<schema>``, so every connection made
from it, in this process or a subprocess, sees only that schema). The schema is dropped
afterwards. Without the variable the PostgreSQL cases skip; under ``CI=true`` they fail.
``.ci/pg.sh`` starts a throw-away server and sets the variable.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

PG_ENV = "NEWSGRAPH_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pg_base_url() -> str:
    """The test server's URL; skips the test without one (fails it under CI=true)."""
    url = os.environ.get(PG_ENV, "")
    if not url:
        msg = f"{PG_ENV} is not set (source .ci/pg.sh to start a throw-away PostgreSQL)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return url


def _connect_args(url: URL) -> dict[str, object]:
    """psycopg keyword arguments for ``url`` (whatever its driver suffix)."""
    return url.translate_connect_args(username="user", database="dbname")


@contextmanager
def fresh_pg_schema(base_url: str) -> Iterator[str]:
    """A URL whose connections use a new, empty schema; the schema is dropped on exit."""
    import psycopg

    url = make_url(base_url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(**_connect_args(url), autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield url.update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(
            hide_password=False
        )
    finally:
        with psycopg.connect(**_connect_args(url), autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def is_postgres(url: str) -> bool:
    """True for a PostgreSQL URL (any driver)."""
    return url.startswith(("postgresql", "postgres:"))


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file path, or a PostgreSQL URL with its own schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "news.db")
        return
    with fresh_pg_schema(pg_base_url()) as url:
        yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema only (for tests of what only PostgreSQL does)."""
    with fresh_pg_schema(pg_base_url()) as url:
        yield url
