"""PostgreSQL as a store backend: URL handling, errors, and the CLI end to end.

The whole ``test_store.py`` suite also runs on PostgreSQL through the ``db_url``
fixture (``tests/backends.py``); here are the parts only a server URL has, and the
seeds ingested by ``newsgraph ingest`` into both backends with the same results.
"""

from __future__ import annotations

import threading

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from newsgraph.cli.main import app
from newsgraph.errors import Code, StoreError
from newsgraph.store import Store
from newsgraph.store.engine import make_engine, to_url, write_engine

pytest_plugins = ["backends"]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u@127.0.0.1:5/db",
        "postgres://u@127.0.0.1:5/db",
        "postgresql+psycopg://u@127.0.0.1:5/db",
    ],
)
def test_postgres_urls_use_psycopg3(url: str) -> None:
    assert to_url(url).drivername == "postgresql+psycopg"
    engine = make_engine(url)  # no connection is made yet
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_unreachable_server_gives_ng201() -> None:
    with pytest.raises(StoreError) as err:
        Store.open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
    assert err.value.code is Code.DB_OPEN
    assert "127.0.0.1" in str(err.value)


def test_writers_queue_on_postgres_and_readers_do_not(pg_url: str) -> None:
    """A writer holding its transaction open makes a second writer wait, not fail;
    a reader meanwhile answers at once."""
    with Store.open(pg_url) as first, Store.open(pg_url) as second:
        order: list[str] = []
        with write_engine(first.engine).begin() as conn:
            conn.exec_driver_sql("INSERT INTO sources (name) VALUES ('one')")
            waiter = threading.Thread(target=lambda: (second.begin_run("x", {}), order.append("2")))
            waiter.start()
            waiter.join(timeout=1.0)
            assert waiter.is_alive()  # queued behind the open write transaction
            assert second.stats()["tables"]["sources"] == 0  # reads are not blocked
            order.append("1")
        waiter.join(timeout=10)
        assert order == ["1", "2"]


def test_seeds_through_the_cli_on_each_backend(db_url: str) -> None:
    seeds = shared_path("corpus", "seeds")
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(seeds), "--db", db_url, "-q", "--workers", "1"])
    assert ingest.exit_code == 0, ingest.output
    n_files = len([p for p in seeds.iterdir() if p.is_file()])
    with Store.open(db_url) as store:
        tables = store.stats()["tables"]
        assert tables["articles"] == n_files
        assert tables["quotes"] > 0 and tables["events"] > 0
        quotes = len(store.quotes_df())
    stats = runner.invoke(app, ["stats", "--db", db_url])
    assert stats.exit_code == 0 and str(n_files) in stats.output
    listed = runner.invoke(app, ["quotes", "--db", db_url, "--limit", "1000"])
    assert listed.exit_code == 0 and f"{quotes} quotes" in listed.output
    again = runner.invoke(app, ["ingest", str(seeds), "--db", db_url, "-q", "--workers", "1"])
    assert again.exit_code == 0
    with Store.open(db_url) as store:
        assert store.stats()["tables"]["articles"] == n_files
