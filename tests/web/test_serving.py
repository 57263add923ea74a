"""How `newsgraph serve` runs the app: the processes asked for, threads per process by
backend, no access log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

from newsgraph.analyze.database import Database as Store
from newsgraph.cli import serve
from newsgraph.web import create_app

pytest_plugins = ["backends"]


@pytest.mark.parametrize("workers", [1, 2])
def test_processes_as_asked_and_no_access_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    import uvicorn

    from newsgraph.web import workers as web_workers

    runs: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append({"app": app, **kw}))
    monkeypatch.setattr(  # more than one process: the balanced workers (test_workers.py)
        web_workers,
        "run_workers",
        lambda config, n: runs.append(
            {"app": config.app, "workers": n, "access_log": config.access_log}
        ),
    )
    monkeypatch.delenv("NEWSGRAPH_SERVE_DB", raising=False)
    db = str(tmp_path / "news.db")
    Store.open(db).close()
    serve.serve_app(db, port=8765, workers=workers)
    (run,) = runs
    assert run.get("workers", 1) == workers and run["access_log"] is False
    if workers > 1:  # the processes build the app from the environment
        assert run["app"] == "newsgraph.cli.serve:app_from_env"


def test_endpoint_threads_by_backend(db_url: str) -> None:
    Store.open(db_url).close()
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        tokens = client.portal.call(  # type: ignore[union-attr]
            lambda: anyio.to_thread.current_default_thread_limiter().total_tokens
        )
    assert tokens == (1 if db_url.endswith(".db") else 6)


def test_the_heap_is_frozen_while_serving(tmp_path: Path) -> None:
    """What the server holds for good (the KB, the modules, the app) sits in the
    collector's permanent generation while it serves, so a full collection walks only
    what came since (270-300 ms stalls of every request before, docs/scale.md session
    13); the shutdown gives them back to the collector."""
    import gc

    from newsgraph.kb.load import default_kb

    db = str(tmp_path / "news.db")
    Store.open(db).close()
    gc.unfreeze()
    app = create_app(db)
    assert gc.get_freeze_count() == 0
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/stats").status_code == 200
        frozen = gc.get_freeze_count()
        kb = default_kb()
        tracked = any(o is kb.people for o in gc.get_objects())
    assert frozen > 100_000 and not tracked  # the KB's objects are frozen with the rest
    assert gc.get_freeze_count() == 0


def test_a_nul_in_a_query_key_is_a_400(tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    Store.open(db).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        assert client.get("/api/articles?a%00b=1").status_code == 400
        assert client.get("/api/stats?x=%00").status_code == 400
        assert client.get("/api/stats?x=%2500").status_code == 200  # a literal "%00"


def test_no_parallel_workers_for_the_servers_queries(pg_url: str) -> None:
    """Starting parallel workers cost more than a page's read (18-23 ms against 0.5 ms
    at 505,000 articles); the server's connections plan serially."""
    Store.open(pg_url).close()
    app = create_app(pg_url)
    with app.state.store.engine.connect() as conn:
        setting = conn.exec_driver_sql("SHOW max_parallel_workers_per_gather").scalar()
        conn.rollback()
        again = conn.exec_driver_sql("SHOW max_parallel_workers_per_gather").scalar()
    app.state.store.close()
    assert setting == again == "0"
