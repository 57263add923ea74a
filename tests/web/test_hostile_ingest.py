"""Issue 12 through the API: a hostile WARC upload and an over-long text are stored
as far as they can be, never a 500; uploads are named after the client's file."""

from __future__ import annotations

import gzip
import io

import pytest
from fastapi.testclient import TestClient
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.languages.en import english
from newsgraph.store.db import Store
from newsgraph.web import create_app

LOCAL = "http://127.0.0.1:8000"
FORM = {"X-Requested-With": "test"}
PAGE = (
    "<html><body><article><p>{n}: President Emmanuel Macron said on Monday that the talks "
    "with Russia would resume in Geneva next week, officials confirmed.</p></article></body></html>"
)


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "i.db")
    Store.open(path).close()
    return path


def _warc() -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    bodies = [
        (PAGE.format(n="first").encode(), []),
        (gzip.compress(b"<html><body>" + b" " * 5_000_000), [("Content-Encoding", "gzip")]),
        (PAGE.format(n="second").encode(), []),
    ]
    for n, (body, extra) in enumerate(bodies):
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html"), *extra], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://example.org/{n}", "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_a_warc_upload_with_a_bomb_stores_the_rest(db, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_INGEST_MAX_BYTES", "200000")
    with TestClient(create_app(db), base_url=LOCAL) as client:
        answer = client.post(
            "/api/ingest/file", files={"file": ("crawl.warc.gz", _warc())}, headers=FORM
        )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["added"] == 2 and body["rejected"] == 1
    rejected = [r for r in body["records"] if r["status"] == "rejected"]
    assert rejected[0]["error"]["code"] == "NG103"
    assert rejected[0]["source"] == "upload:crawl.warc.gz#record-2"
    assert {r["source"] for r in body["records"]} == {
        f"upload:crawl.warc.gz#record-{n}" for n in (1, 2, 3)
    }


def test_a_text_over_the_parsers_limit_is_stored_not_a_500(db):
    nlp = english()
    before, nlp.max_length = nlp.max_length, 2_000
    try:
        text = (PAGE.format(n="long") + "\n\n") * 30
        with TestClient(create_app(db), base_url=LOCAL) as client:
            answer = client.post("/api/ingest/text", json={"text": text, "title": "Long"})
    finally:
        nlp.max_length = before
    assert answer.status_code == 201, answer.text
    assert answer.json()["added"] == 1
    assert answer.json()["records"][0]["source"] == "api-text:1"
