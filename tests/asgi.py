"""One HTTP request straight through an ASGI app, its body sent block by block (for tests
that must see what a server reads, and when)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any


def asgi_request(
    app: Any, method: str, path: str, headers: dict[str, str], blocks: Iterable[bytes]
) -> dict[str, Any]:
    """The answer's ``status`` and ``body``, and how many body blocks the app ``asked`` for,
    with the app's lifespan run around the request."""
    out: dict[str, Any] = {"status": None, "body": b"", "asked": 0}
    pending = iter(blocks)
    following = next(pending, None)

    async def receive() -> dict[str, Any]:
        nonlocal following
        out["asked"] += 1
        if following is None:
            return {"type": "http.disconnect"}
        block, following = following, next(pending, None)
        return {"type": "http.request", "body": block, "more_body": following is not None}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }

    async def run() -> None:
        async with app.router.lifespan_context(app):
            await app(scope, receive, send)

    asyncio.run(run())
    return out
