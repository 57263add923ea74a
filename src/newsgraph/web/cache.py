"""An in-memory cache of GET responses, valid for as long as the store's data is unchanged.

Every GET answer of the API and the pages depends only on its URL and the data in the
store (the actor KB is loaded once per process), so a response can be served again
until the next commit. ``ResponseCache`` is a plain ASGI middleware:

- the key is the store's data version (``store.version.DataVersion``: SQLite's
  ``data_version``, on PostgreSQL the newsgraph writers' commits heard through
  ``LISTEN``) with the host, path and query string;
  when the version moves the whole cache is dropped, so an answer is never older than
  the data it was asked after;
- only 200 answers to GET whose body is at most ``max_entry`` bytes are kept, least
  recently used first out once ``max_bytes`` is reached; ``/static`` and everything
  that is not GET pass straight through;
- every kept answer carries an ``ETag`` (a hash of the body) and ``Cache-Control:
  no-cache``: a client that sends ``If-None-Match`` with it gets a 304 without a body;
- ``X-Cache: hit|miss`` says which it was (``bench/api_load.py`` counts them).

When no data version can be had (an in-memory database, a failed check) the request
goes to the application uncached.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Message = dict[str, Any]
Scope = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]
ASGIApp = Callable[[Scope, Receive, Send], Any]

UNCACHED_PREFIXES = ("/static/",)
MAX_ENTRY = 2 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    headers: list[tuple[bytes, bytes]]  # as the application sent them, plus etag
    body: bytes
    etag: bytes

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200


class ResponseCache:
    """ASGI middleware: see the module docstring."""

    def __init__(
        self,
        app: ASGIApp,
        version: Callable[[], str | None],
        max_bytes: int,
        max_entry: int = MAX_ENTRY,
    ) -> None:
        self.app = app
        self.version = version
        self.max_bytes = max_bytes
        self.max_entry = min(max_entry, max_bytes)
        self.entries: OrderedDict[tuple[str, bytes, str, bytes], Entry] = OrderedDict()
        self.used = 0
        self.seen_version: str | None = None
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.max_bytes <= 0
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(UNCACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        version = self.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        if version != self.seen_version:
            self.clear()
            self.seen_version = version
        key = (version, _header(scope, b"host"), scope["path"], scope.get("query_string", b""))
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            await _replay(entry, scope, send, b"hit")
            return
        self.misses += 1
        await self.app(scope, receive, _Recorder(self, key, scope, send).send)

    def clear(self) -> None:
        self.entries.clear()
        self.used = 0

    def keep(self, key: tuple[str, bytes, str, bytes], entry: Entry) -> None:
        if key[0] != self.seen_version or key in self.entries:
            return  # the data moved on while this response was being made
        self.entries[key] = entry
        self.used += entry.size
        while self.used > self.max_bytes and self.entries:
            _, old = self.entries.popitem(last=False)
            self.used -= old.size


class _Recorder:
    """Wraps ``send`` for one uncached request: holds back a 200 answer until its body
    is complete (to add an ETag and keep it), lets anything else through as it comes."""

    def __init__(
        self, cache: ResponseCache, key: tuple[str, bytes, str, bytes], scope: Scope, send: Send
    ) -> None:
        self.cache, self.key, self.scope, self.downstream = cache, key, scope, send
        self.start: Message | None = None
        self.chunks: list[bytes] = []
        self.size = 0
        self.passing = False

    async def send(self, message: Message) -> None:
        if self.passing:
            await self.downstream(message)
            return
        if message["type"] == "http.response.start":
            headers = message.get("headers", [])
            if message["status"] != 200 or any(k.lower() == b"set-cookie" for k, _ in headers):
                self.passing = True
                await self.downstream(message)
                return
            self.start = message
            return
        if message["type"] != "http.response.body" or self.start is None:
            await self.downstream(message)
            return
        self.chunks.append(message.get("body", b""))
        self.size += len(self.chunks[-1])
        if self.size > self.cache.max_entry:  # too big to keep: send what we hold, stream on
            self.passing = True
            await self.downstream(self.start)
            body = b"".join(self.chunks)
            await self.downstream({**message, "body": body})
            return
        if message.get("more_body", False):
            return
        body = b"".join(self.chunks)
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers = [
            (k, v)
            for k, v in self.start.get("headers", [])
            if k.lower() not in (b"etag", b"cache-control")
        ]
        headers += [(b"etag", etag), (b"cache-control", b"no-cache")]
        entry = Entry(headers=headers, body=body, etag=etag)
        self.cache.keep(self.key, entry)
        await _replay(entry, self.scope, self.downstream, b"miss")


async def _replay(entry: Entry, scope: Scope, send: Send, how: bytes) -> None:
    """Send a kept answer, or a 304 when the client already holds it."""
    if _etag_matches(_header(scope, b"if-none-match"), entry.etag):
        headers = [(k, v) for k, v in entry.headers if k.lower() in _NOT_MODIFIED_HEADERS]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    headers = [*entry.headers, (b"x-cache", how)]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": entry.body})


_NOT_MODIFIED_HEADERS = (b"etag", b"cache-control", b"content-location", b"vary")


def _etag_matches(if_none_match: bytes, etag: bytes) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == b"*":
        return True
    tags = [t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")]
    return etag in tags


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return b""
