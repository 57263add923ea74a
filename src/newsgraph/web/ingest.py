"""Ingestion over HTTP: a URL, a text or an uploaded file through the same pipeline as
``newsgraph ingest`` (a URL goes through the SSRF-safe fetcher; private addresses are
refused). One ingestion runs at a time; each is one run in the store.

Who may ingest: when a token is configured every request must carry it
(``Authorization: Bearer <token>`` or ``X-Newsgraph-Token``); a server bound to a
non-loopback address refuses to start without one. The Host, cross-site and body-size
rules that come before any of this are ``web.security``'s.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import Request

from newsgraph.inputs.sources import source_labels
from newsgraph.records import Record
from newsgraph.settings import Settings
from newsgraph.store.db import Store
from newsgraph.web.errors import ApiError
from newsgraph.web.security import token_matches

_LOCK = threading.Lock()
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


async def require_token(request: Request) -> None:
    """Raise 401 unless the request carries the configured token (when there is one).
    ``web.security.RequestGuard`` checks it first, before the body is read; this keeps
    the rule on the routes themselves."""
    expected: str | None = request.app.state.token
    if expected and not token_matches(request.headers, expected):
        raise ApiError(401, "UNAUTHORIZED", "ingestion needs a valid token")


def ingest_inputs(store: Store, inputs: list[str], settings: Settings) -> dict[str, Any]:
    """Run the pipeline over ``inputs`` into ``store``; the summary and each record.
    When every input was rejected, the first rejection becomes a 400."""
    from newsgraph.run.ingest import ingest
    from newsgraph.run.stage import default_analyse

    records: list[Record] = []
    with _LOCK:
        summary = ingest(
            inputs,
            store,
            settings,
            command="api-ingest",
            analyse=default_analyse(),
            on_record=records.append,
        )
    views = [record_view(r) for r in records]
    if views and all(v["status"] == "rejected" for v in views):
        first = views[0]["error"] or {}
        raise ApiError(400, first.get("code", "BAD_REQUEST"), first.get("message", "rejected"))
    return {**summary.as_dict(), "records": views}


def record_view(record: Record) -> dict[str, Any]:
    data = record.to_dict()
    return {
        "id": data["id"],
        "status": data["status"],
        "source": data["source"],
        "error": data.get("error"),
        "duplicate_of": data.get("duplicate_of"),
    }


def ingest_text(store: Store, fields: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """A text with optional metadata, as one JSONL record."""
    record = {k: v for k, v in fields.items() if v not in (None, "")}
    if "outlet" in record:
        record["source"] = record.pop("outlet")
    with tempfile.TemporaryDirectory(prefix="newsgraph-api-") as folder:
        path = Path(folder) / "text.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        with source_labels({str(path): "api-text"}):
            return ingest_inputs(store, [str(path)], settings)


def ingest_upload(
    store: Store, filename: str | None, data: bytes, settings: Settings
) -> dict[str, Any]:
    """An uploaded file (text, HTML, JSONL, CSV, WARC, feed, maybe gzipped)."""
    if len(data) > settings.max_bytes:
        raise ApiError(413, "TOO_LARGE", f"upload over {settings.max_bytes:,} bytes")
    given = Path((filename or "upload").replace("\\", "/")).name[:200] or "upload"
    name = _SAFE_NAME.sub("_", given).strip("._") or "upload"
    with tempfile.TemporaryDirectory(prefix="newsgraph-api-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        # records are named after the client's file, not the server's temporary path
        with source_labels({str(path): f"upload:{given}"}):
            return ingest_inputs(store, [str(path)], settings)


def ingest_url(store: Store, url: str, settings: Settings) -> dict[str, Any]:
    """A web page (or feed) fetched with the SSRF-safe fetcher."""
    if not url.lower().startswith(("http://", "https://")):
        raise ApiError(400, "BAD_REQUEST", "url must start with http:// or https://")
    return ingest_inputs(store, [url], settings)
