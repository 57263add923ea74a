"""Issue 12, cases 3 and 4: cross-site writes, DNS rebinding, the token before the
body, the body size cap, HEAD. Everything here is refused before the pipeline runs, so
the tests need no NLP; the stores stay empty."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from asgi import asgi_request
from newsgraph.store.db import Store
from newsgraph.web import create_app
from newsgraph.web.security import host_name

LOCAL = "http://127.0.0.1:8000"
TEXT = {"text": "The minister said on Monday that the talks would resume next week."}


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "h.db")
    Store.open(path).close()
    return path


def stored(db: str) -> int:
    with Store.open(db) as store:
        return int(store.stats()["tables"]["articles"])


def code_of(response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


# ---------------------------------------------------------------- cross-site writes


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:9999"},  # another port is another origin
        {"Sec-Fetch-Site": "cross-site"},
        {},  # a form post with neither Origin nor Referer
        {"Referer": "http://evil.example/page"},
    ],
)
def test_a_cross_site_form_post_is_refused_on_loopback_without_token(db, headers):
    with TestClient(create_app(db), base_url=LOCAL) as client:
        answer = client.post(
            "/api/ingest/file", files={"file": ("x.txt", b"Hello " * 20)}, headers=headers
        )
    assert code_of(answer) == (403, "FORBIDDEN")
    assert stored(db) == 0


def test_a_foreign_origin_is_refused_even_for_json(db):
    with TestClient(create_app(db), base_url=LOCAL) as client:
        answer = client.post(
            "/api/ingest/text", json=TEXT, headers={"Origin": "http://evil.example"}
        )
    assert code_of(answer) == (403, "FORBIDDEN")


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": LOCAL},
        {"Referer": LOCAL + "/search"},
        {"X-Requested-With": "curl"},
        {"Sec-Fetch-Site": "same-origin", "Origin": LOCAL},
    ],
)
def test_a_same_origin_form_post_gets_through_the_guard(db, headers):
    """Past the guard, an upload over the size cap meets the upload's own 413: proof
    the request reached the route, without running the NLP."""
    app = create_app(db)
    with TestClient(app, base_url=LOCAL) as client, pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSGRAPH_INGEST_MAX_BYTES", "10")
        answer = client.post(
            "/api/ingest/file", files={"file": ("x.txt", b"Hello " * 20)}, headers=headers
        )
    assert code_of(answer) == (413, "TOO_LARGE")
    assert "upload over 10 bytes" in answer.json()["error"]["message"]


# ---------------------------------------------------------------- Host (DNS rebinding)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_a_foreign_host_is_refused_on_loopback(db, host):
    with TestClient(create_app(db), base_url=LOCAL) as client:
        for answer in (
            client.get("/api/stats", headers={"Host": host}),
            client.post("/api/ingest/text", json=TEXT, headers={"Host": host}),
        ):
            assert code_of(answer) == (400, "BAD_HOST")
    assert stored(db) == 0


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"])
def test_loopback_names_are_served(db, host):
    with TestClient(create_app(db), base_url=LOCAL) as client:
        assert client.get("/api/stats", headers={"Host": host}).status_code == 200


def test_configured_names_and_the_wildcard(db, monkeypatch):
    with TestClient(create_app(db, allowed_hosts=["news.example"]), base_url=LOCAL) as client:
        assert client.get("/api/stats", headers={"Host": "news.example:80"}).status_code == 200
        assert client.get("/api/stats", headers={"Host": "other.example"}).status_code == 400
    monkeypatch.setenv("NEWSGRAPH_SERVE_ALLOWED_HOSTS", "*")
    with TestClient(create_app(db), base_url=LOCAL) as client:
        assert client.get("/api/stats", headers={"Host": "other.example"}).status_code == 200


def test_a_server_bound_to_all_addresses_checks_host_only_when_configured(db):
    app = create_app(db, host="0.0.0.0", token="s3cret")
    with TestClient(app, base_url=LOCAL) as client:
        assert client.get("/api/stats", headers={"Host": "10.1.2.3:8000"}).status_code == 200
    app = create_app(db, host="0.0.0.0", token="s3cret", allowed_hosts=["news.example"])
    with TestClient(app, base_url=LOCAL) as client:
        assert client.get("/api/stats", headers={"Host": "10.1.2.3:8000"}).status_code == 400


def test_host_name():
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("Example.COM.:80") == "example.com"


# ---------------------------------------------------------------- token and body size


def test_the_token_is_checked_before_the_body_is_read(db):
    app = create_app(db, token="s3cret", host="0.0.0.0")
    big = b'{"text": "' + b"a" * 1_000_000 + b'"}'
    headers = {"host": "127.0.0.1:8000", "content-type": "application/json"}
    answer = asgi_request(
        app, "POST", "/api/ingest/text", {**headers, "content-length": str(len(big))}, [big]
    )
    assert answer["status"] == 401 and answer["asked"] == 0
    assert json.loads(answer["body"])["error"]["code"] == "UNAUTHORIZED"


def test_malformed_json_without_the_token_is_a_401_with_it_a_400(db):
    with TestClient(create_app(db, token="s3cret"), base_url=LOCAL) as client:
        bad = b'{"text": '
        plain = {"Content-Type": "application/json"}
        assert code_of(client.post("/api/ingest/text", content=bad, headers=plain)) == (
            401,
            "UNAUTHORIZED",
        )
        auth = {**plain, "Authorization": "Bearer s3cret"}
        assert client.post("/api/ingest/text", content=bad, headers=auth).status_code == 400


def test_a_declared_body_over_the_cap_is_refused_unread(db):
    app = create_app(db, max_body_bytes=1000)
    headers = {"host": "127.0.0.1:8000", "content-type": "application/json"}
    answer = asgi_request(
        app, "POST", "/api/ingest/text", {**headers, "content-length": "5000"}, [b"x" * 5000]
    )
    assert answer["status"] == 413 and answer["asked"] == 0


def test_a_chunked_body_is_cut_off_at_the_cap(db):
    app = create_app(db, max_body_bytes=1000)
    headers = {"host": "127.0.0.1:8000", "content-type": "application/json"}
    chunks = [b'{"text": "', *([b"a" * 400] * 50), b'"}']
    answer = asgi_request(app, "POST", "/api/ingest/text", headers, chunks)
    assert answer["status"] == 413
    assert json.loads(answer["body"])["error"]["code"] == "TOO_LARGE"
    assert answer["asked"] < 10  # stopped reading soon after the cap
    assert stored(db) == 0


def test_the_body_cap_is_a_setting(db, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_SERVE_MAX_BODY_BYTES", "100")
    with TestClient(create_app(db), base_url=LOCAL) as client:
        answer = client.post("/api/ingest/text", json={"text": "a" * 200})
    assert code_of(answer) == (413, "TOO_LARGE")


# ---------------------------------------------------------------- HEAD


@pytest.mark.parametrize("path", ["/api/stats", "/", "/api/articles", "/openapi.json"])
def test_head_answers_every_get(db, path):
    with TestClient(create_app(db), base_url=LOCAL) as client:
        get, head = client.get(path), client.head(path)
    assert get.status_code == head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
