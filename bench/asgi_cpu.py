"""CPU per uncached answer, in process: the app called as ASGI, one request at a time.

    python bench/asgi_cpu.py --db .cache/store_scale/scale.db --rounds 5 [--json]

Builds the app over ``--db`` with the response cache off, runs its lifespan, then for
each endpoint of ``bench/store_scale.py`` (the same paths) sends every path once per
round, straight to the ASGI callable (no socket, no HTTP parsing: what uvicorn adds is
left out), and times the process's CPU (all threads: the views run in the endpoint
threads). An endpoint's figure is the lowest round's CPU divided by its paths; the mean
is over the endpoints. Run it on two trees with ``PYTHONPATH`` to compare them, in
alternation (``--repeat``): per-request figures of 1-10 ms move with the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_scale import endpoints  # noqa: E402


async def call(app: Any, path: str) -> int:
    """One GET through the ASGI app; the status."""
    raw_path, _, query = path.partition("?")
    from urllib.parse import unquote

    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(raw_path),
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"accept", b"*/*")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    status = 0
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])

    await app(scope, receive, send)
    return status


async def measure(app: Any, paths: dict[str, list[str]], rounds: int) -> dict[str, float]:
    """Each endpoint's lowest per-request CPU over ``rounds``, in ms."""
    state: dict[str, Any] = {}
    lifespan_in: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    started = asyncio.Event()

    async def lifespan_send(message: dict[str, Any]) -> None:
        if message["type"] == "lifespan.startup.complete":
            started.set()

    await lifespan_in.put({"type": "lifespan.startup"})
    life = asyncio.create_task(
        app(
            {"type": "lifespan", "asgi": {"version": "3.0"}, "state": state},
            lifespan_in.get,
            lifespan_send,
        )
    )
    await started.wait()
    for group in paths.values():  # warm: caches, compiled statements, pages
        for path in group:
            status = await call(app, path)
            assert status == 200, (path, status)
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, group in paths.items():
            began = time.process_time()
            for path in group:
                await call(app, path)
            spent = (time.process_time() - began) / len(group) * 1000
            best[name] = min(best.get(name, spent), spent)
    await lifespan_in.put({"type": "lifespan.shutdown"})
    await life
    return best


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--db", required=True, help="SQLite path or PostgreSQL URL")
    ap.add_argument("--rounds", type=int, default=5, help="rounds; the lowest counts")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    from newsgraph.web import create_app

    paths = endpoints(args.db)
    app = create_app(args.db, cache_mb=0)
    try:  # what uvicorn runs on when installed (the web extra has it)
        import uvloop

        best = uvloop.run(measure(app, paths, args.rounds))
    except ImportError:
        best = asyncio.run(measure(app, paths, args.rounds))
    out: dict[str, Any] = {
        "endpoints_ms": {k: round(v, 3) for k, v in best.items()},
        "mean_ms": round(sum(best.values()) / len(best), 3),
    }
    if args.json:
        print(json.dumps(out))
    else:
        for name, ms in out["endpoints_ms"].items():
            print(f"{name:22s} {ms:8.2f} ms")
        print(f"{'mean':22s} {out['mean_ms']:8.2f} ms")
    return out


if __name__ == "__main__":
    main()
