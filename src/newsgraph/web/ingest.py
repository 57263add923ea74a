"""Ingestion over HTTP: a URL, a text or an uploaded file through the same pipeline as
``newsgraph ingest`` (a URL goes through the SSRF-safe fetcher; private addresses are
refused). One ingestion runs at a time; each is one run in the store.

Who may ingest: when a token is configured every request must carry it
(``Authorization: Bearer <token>`` or ``X-Newsgraph-Token``); a server bound to a
non-loopback address refuses to start without one. The Host, cross-site and body-size
rules that come before any of this are ``web.security``'s.

The server keeps no copy of what it was sent while the pipeline runs (issue 12: a
5,000,000-character text through ``POST /api/ingest/text`` peaked at 521-537 MB, over
the 500 MB of the command, because the request's bytes and parsed JSON stayed alive
beside the pipeline's own copies, with the sentence encoder already loaded). A JSON
text body is streamed to a file in the request's blocks, parsed and validated from
there, written out as the one-line JSONL file the pipeline reads, and every copy of it
dropped and the free C heap handed back (``run.memory``) before the ingest starts. An
upload is copied from the spooled form file to the ingest's file in blocks. From the
first ingest on, the server maps C blocks of 256 KiB or more on their own
(``run.memory.map_large_blocks``), so a long text's copies and the parser's arrays go
back to the kernel when freed instead of fragmenting the heap under the loaded models.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import AsyncIterator
from email.message import Message
from pathlib import Path
from typing import Any, BinaryIO

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from newsgraph.inputs.sources import source_labels
from newsgraph.records import Record
from newsgraph.run.memory import map_large_blocks, release_memory
from newsgraph.settings import Settings
from newsgraph.store.db import Store
from newsgraph.web.errors import ApiError
from newsgraph.web.models import IngestText
from newsgraph.web.security import token_matches

_LOCK = threading.Lock()
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_BLOCK = 1 << 16

# the OpenAPI request body of POST /api/ingest/text, which reads its body itself
TEXT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": IngestText.model_json_schema()}},
    }
}


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

    map_large_blocks()  # a served process: large blocks go back when freed (run.memory)
    views: list[dict[str, Any]] = []

    def note(record: Record) -> None:  # the answer's few fields, not the whole article
        views.append(record_view(record))

    with _LOCK:
        summary = ingest(
            inputs,
            store,
            settings,
            command="api-ingest",
            analyse=default_analyse(),
            on_record=note,
        )
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


async def ingest_text_request(request: Request, store: Store, settings: Settings) -> dict[str, Any]:
    """``POST /api/ingest/text``: the JSON body (``IngestText``) streamed to a file, then
    parsed, validated and ingested in a worker thread. Nothing of the body is kept by
    the request (Starlette's ``request.body()`` and FastAPI's parsed body would be)."""
    if not is_json(request.headers.get("content-type")):
        raise _invalid((), "Content-Type must be application/json")
    with tempfile.TemporaryDirectory(prefix="newsgraph-api-") as folder:
        body = Path(folder) / "body.json"
        await save_stream(request.stream(), body)
        return await run_in_threadpool(ingest_text_file, store, body, settings)


def is_json(content_type: str | None) -> bool:
    """``application/json`` or ``application/*+json``, as FastAPI accepts a JSON body."""
    if not content_type:
        return False
    message = Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


async def save_stream(blocks: AsyncIterator[bytes], path: Path) -> int:
    """Write the blocks to ``path`` as they come (``web.security`` caps their total);
    the number of bytes written."""
    size = 0
    with path.open("wb") as out:
        async for block in blocks:
            out.write(block)
            size += len(block)
    return size


def ingest_text_file(store: Store, body: Path, settings: Settings) -> dict[str, Any]:
    """The JSON body saved in ``body`` as one JSONL record beside it, ingested once
    every in-memory copy of the body is gone."""
    path = body.with_name("text.jsonl")
    write_text_record(body, path)
    body.unlink()
    release_memory()  # the parse's copies (bytes, decoded JSON, the dumped line)
    with source_labels({str(path): "api-text"}):
        return ingest_inputs(store, [str(path)], settings)


def write_text_record(body: Path, path: Path) -> None:
    """Parse and validate the JSON in ``body`` (400 with FastAPI's messages when it is
    not an ``IngestText``) and write it to ``path`` as the JSONL line the pipeline reads.
    Returns nothing, so no caller holds the text."""
    raw = body.read_bytes()
    if not raw:
        raise _invalid((), "Field required", kind="missing")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _invalid((exc.pos,), "JSON decode error", kind="json_invalid") from None
    except UnicodeDecodeError:
        raise _invalid((), "the body is not UTF-8", kind="json_invalid") from None
    del raw
    try:
        fields = IngestText.model_validate(data).model_dump()
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False, include_context=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None
    del data
    record = {k: v for k, v in fields.items() if v not in (None, "")}
    del fields
    if "outlet" in record:
        record["source"] = record.pop("outlet")
    with path.open("w", encoding="utf-8") as out:
        json.dump(record, out, ensure_ascii=False)
        out.write("\n")


def _invalid(loc: tuple[Any, ...], message: str, kind: str = "value_error") -> Exception:
    return RequestValidationError([{"type": kind, "loc": ("body", *loc), "msg": message}])


def ingest_upload(
    store: Store, filename: str | None, upload: BinaryIO, settings: Settings
) -> dict[str, Any]:
    """An uploaded file (text, HTML, JSONL, CSV, WARC, feed, maybe gzipped), read from
    ``upload`` (the form's spooled file) in blocks, never whole."""
    given = Path((filename or "upload").replace("\\", "/")).name[:200] or "upload"
    name = _SAFE_NAME.sub("_", given).strip("._") or "upload"
    with tempfile.TemporaryDirectory(prefix="newsgraph-api-") as folder:
        path = Path(folder) / name
        copy_capped(upload, path, settings.max_bytes)
        # records are named after the client's file, not the server's temporary path
        with source_labels({str(path): f"upload:{given}"}):
            return ingest_inputs(store, [str(path)], settings)


def copy_capped(source: BinaryIO, path: Path, limit: int) -> None:
    """Copy ``source`` to ``path`` in blocks; 413 once it passes ``limit`` bytes."""
    size = 0
    with path.open("wb") as out:
        while block := source.read(_BLOCK):
            size += len(block)
            if size > limit:
                raise ApiError(413, "TOO_LARGE", f"upload over {limit:,} bytes")
            out.write(block)


def ingest_url(store: Store, url: str, settings: Settings) -> dict[str, Any]:
    """A web page (or feed) fetched with the SSRF-safe fetcher."""
    if not url.lower().startswith(("http://", "https://")):
        raise ApiError(400, "BAD_REQUEST", "url must start with http:// or https://")
    return ingest_inputs(store, [url], settings)
