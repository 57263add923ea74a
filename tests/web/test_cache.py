"""The web response cache: served again until the data changes, never stale, never for
errors, writes or static files; ETags and 304s; bounded in memory. On both backends."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from backends import is_postgres
from newsgraph.analyze.database import Database as Store
from newsgraph.errors import UsageError
from newsgraph.settings import cache_size_mb
from newsgraph.store import schema
from newsgraph.store.engine import write_engine
from newsgraph.store.version import DataVersion
from newsgraph.web import create_app
from newsgraph.web.cache import ResponseCache
from webdata import build_db, meeting

pytest_plugins = ["backends"]


def _write_elsewhere(db_url: str, tmp_path: Path) -> None:
    """A commit that changes nothing of the store at ``db_url``: on PostgreSQL a write
    transaction on the same cluster (as autovacuum's ANALYZE, another database or another
    schema makes: it takes a transaction id), on SQLite a write to another file."""
    if not is_postgres(db_url):
        with sqlite3.connect(tmp_path / "other.db") as other:
            other.execute("CREATE TABLE IF NOT EXISTS t (x)")
            other.execute("INSERT INTO t VALUES (1)")
        return
    import psycopg

    url = make_url(db_url)
    with psycopg.connect(**url.translate_connect_args(username="user", database="dbname")) as pg:
        pg.execute("CREATE TEMP TABLE elsewhere (x int)")
        pg.execute("INSERT INTO elsewhere VALUES (1)")
        assert pg.execute("SELECT txid_current_if_assigned()").fetchone()[0] is not None


def test_answers_come_from_the_cache_until_a_commit(db_url: str, tmp_path: Path) -> None:
    db = build_db(db_url)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        first = c.get("/api/articles", params={"q": "Moscow"})
        _write_elsewhere(db_url, tmp_path)  # under a busy cluster this happens any time
        again = c.get("/api/articles", params={"q": "Moscow"})
        assert first.headers["x-cache"] == "miss" and again.headers["x-cache"] == "hit"
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        assert again.headers["content-security-policy"]  # outer middleware still applies
        total = first.json()["total"]
        with Store.open(db) as store:  # another connection, as another process would be
            store.save_batch([meeting(9, "2022-03-01", "Le Figaro")], None)
        after = c.get("/api/articles", params={"q": "Moscow"})
        assert after.headers["x-cache"] == "miss"
        assert after.json()["total"] == total + 1
        assert c.get("/api/articles/meet-9").status_code == 200


def test_ingestion_through_the_api_is_seen_at_once(db_url: str) -> None:
    db = build_db(db_url)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        before = c.get("/api/stats").json()["tables"]["articles"]
        assert c.get("/api/stats").headers["x-cache"] == "hit"
        text = "President Emmanuel Macron said on Tuesday that Europe needs a new security pact."
        made = c.post("/api/ingest/text", json={"text": text, "published": "2023-05-02"})
        assert made.status_code == 201, made.text
        assert "x-cache" not in made.headers  # writes are never cached
        assert c.get("/api/stats").json()["tables"]["articles"] == before + 1


def test_etag_gives_304_and_errors_are_not_kept(db_url: str) -> None:
    with TestClient(create_app(build_db(db_url)), base_url="http://127.0.0.1") as c:
        page = c.get("/articles/meet-1")
        etag = page.headers["etag"]
        assert page.headers["cache-control"] == "no-cache"
        same = c.get("/articles/meet-1", headers={"If-None-Match": etag})
        assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
        other = c.get("/articles/meet-1", headers={"If-None-Match": '"nope"'})
        assert other.status_code == 200 and other.headers["x-cache"] == "hit"
        for _ in range(2):
            missing = c.get("/api/articles/nope")
            assert missing.status_code == 404 and "x-cache" not in missing.headers
            bad = c.get("/api/articles", params={"limit": 0})
            assert bad.status_code == 400 and "x-cache" not in bad.headers
        assert "x-cache" not in c.get("/static/plotly.min.js").headers


def test_the_host_is_part_of_the_key(db_url: str) -> None:
    """Next-page links hold the host the client used."""
    app = create_app(build_db(db_url), allowed_hosts=["a.example", "b.example"])
    with TestClient(app, base_url="http://127.0.0.1") as c:
        one = c.get("/api/articles", params={"limit": 1}, headers={"host": "a.example"})
        two = c.get("/api/articles", params={"limit": 1}, headers={"host": "b.example"})
        assert two.headers["x-cache"] == "miss"
        assert "a.example" in one.json()["next"] and "b.example" in two.json()["next"]


def test_off_when_size_is_zero(tmp_path: Any) -> None:
    with TestClient(
        create_app(build_db(tmp_path / "n.db"), cache_mb=0), base_url="http://127.0.0.1"
    ) as c:
        for _ in range(2):
            answer = c.get("/api/stats")
            assert answer.status_code == 200 and "x-cache" not in answer.headers


def test_data_version_moves_with_every_commit_on_both_backends(db_url: str, tmp_path: Path) -> None:
    db = build_db(db_url)
    with Store.open(db) as store:
        version = DataVersion(store.engine)
        assert version.supported
        start = version.current()
        assert start is not None and version.current() == start  # reads change nothing
        store.stats()
        assert version.current() == start
        _write_elsewhere(db_url, tmp_path)
        assert version.current() == start  # only this store's commits move it
        with pytest.raises(RuntimeError), write_engine(store.engine).begin() as conn:
            conn.execute(schema.counts.delete())
            raise RuntimeError("rolled back")
        assert version.current() == start  # nor does a writer that rolls back
        store.save_batch([meeting(7, "2022-03-02", "Le Figaro")], None)
        moved = version.current()
        assert moved is not None and moved != start
        version.close()
        again = version.current()  # reconnects after close, never repeating a token
        assert again is not None and again != start and version.current() == again


def test_no_version_for_an_in_memory_database() -> None:
    with Store.open(":memory:") as store:
        assert DataVersion(store.engine).current() is None


def _call(app: Any, path: str) -> tuple[int, dict[bytes, bytes], bytes]:
    """One GET through a bare ASGI app."""
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    asyncio.run(app(scope, receive, send))
    start = messages[0]
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return start["status"], dict(start["headers"]), body


def _sized_app(size: int, chunks: int = 1) -> Any:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        headers = [(b"content-type", b"text/plain")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for n in range(chunks):
            more = n < chunks - 1
            await send({"type": "http.response.body", "body": b"x" * size, "more_body": more})

    return app


def test_memory_is_bounded_and_big_answers_stream_past() -> None:
    cache = ResponseCache(_sized_app(1000), lambda: "v1", max_bytes=5000, max_entry=3000)
    for n in range(10):
        assert _call(cache, f"/p{n}")[0] == 200
    assert cache.used <= 5000 and 0 < len(cache.entries) < 10
    assert _call(cache, "/p9")[1][b"x-cache"] == b"hit"
    assert _call(cache, "/p0")[1][b"x-cache"] == b"miss"  # evicted first

    big = ResponseCache(_sized_app(1000, chunks=4), lambda: "v1", max_bytes=5000, max_entry=3000)
    status, headers, body = _call(big, "/big")
    assert status == 200 and len(body) == 4000 and b"x-cache" not in headers
    assert not big.entries


def test_a_new_version_drops_everything() -> None:
    versions = iter(["a", "a", "b", "b"])
    cache = ResponseCache(_sized_app(10), lambda: next(versions), max_bytes=5000)
    assert _call(cache, "/p")[1][b"x-cache"] == b"miss"
    assert _call(cache, "/p")[1][b"x-cache"] == b"hit"
    assert _call(cache, "/p")[1][b"x-cache"] == b"miss"
    assert len(cache.entries) == 1


def test_no_version_means_no_cache() -> None:
    cache = ResponseCache(_sized_app(10), lambda: None, max_bytes=5000)
    for _ in range(2):
        assert b"x-cache" not in _call(cache, "/p")[1]


def test_cache_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_CACHE_MB", raising=False)
    assert cache_size_mb() == 64
    monkeypatch.setenv("NEWSGRAPH_CACHE_MB", "0")
    assert cache_size_mb() == 0
    for bad in ("-1", "lots"):
        monkeypatch.setenv("NEWSGRAPH_CACHE_MB", bad)
        with pytest.raises(UsageError, match="NEWSGRAPH_CACHE_MB"):
            cache_size_mb()


def test_a_failing_check_means_no_cache_and_a_slow_retry(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(str(tmp_path / "f.db")) as store:
        version = DataVersion(store.engine)
        tries: list[int] = []

        def broken() -> Any:
            tries.append(1)
            raise OSError("database gone")

        monkeypatch.setattr(version, "_connect", broken)
        assert version.current() is None and version.current() is None
        assert len(tries) == 1  # the second call waited instead of reconnecting
        monkeypatch.undo()
        version._retry_at = 0.0  # as if RETRY_AFTER_S had passed
        assert version.current() is not None
