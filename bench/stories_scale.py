"""Story assignment at scale: its cost per article with N articles already stored.

    nice -n 10 .venv/bin/python bench/stories_scale.py --n 10000 --n 100000 --json

For each N, a fresh SQLite database gets N synthetic stored articles grouped into
stories of 1-8 reports, spread over ``--days`` days (default two years), written
straight into the story tables: a random unit vector per story plus noise for each
report (the sentence vectors are synthetic: there are not 100,000 distinct texts at
hand, and the encoder's cost does not grow with N), 12 words per report drawn from a Zipf vocabulary of 50,000 with a story's own
words mixed in, two canonical actors per story. Then ``--new`` new articles, half of
them reports of stored stories and half new events, dated over the last
``window_days``, are assigned through ``analyze.stories.assign`` in batches of 50 (the
same call as ``Database.save_batch``, in one transaction per batch), and the time per
article is printed, wall and CPU (this process's CPU time: the machine is shared):
loading the window (stories read through ``ix_stories_last_day``
and the document frequencies of the batch's words), scoring (with the stored member
sketches of the candidate stories, read as they are needed), and writing back. The
sentence encoder's own cost per article is timed apart, on real text, since it does
not grow with N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.analyze import stories as st  # noqa: E402
from newsgraph.analyze.database import Database  # noqa: E402
from newsgraph.analyze.story_encoder import DIM, encode  # noqa: E402
from newsgraph.analyze.story_sketch import Sketch  # noqa: E402
from newsgraph.store import schema  # noqa: E402
from newsgraph.store import stories as q  # noqa: E402

START = dt.date(2024, 1, 1).toordinal()


def unit(rng: np.random.Generator, rows: int) -> np.ndarray:
    v = rng.standard_normal((rows, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def words(rng: np.random.Generator, n: int, own: list[str]) -> dict[str, int]:
    common = [f"w{int(x)}" for x in rng.zipf(1.3, n) if x < 50_000]
    return dict(Counter(common + own))


def build(
    db: Database, n: int, days: int, rng: np.random.Generator
) -> list[tuple[np.ndarray, list[str], int]]:
    """N stored articles in stories; returns (vector, words, day) of each story."""
    made: list[tuple[np.ndarray, list[str], int]] = []
    df: Counter[str] = Counter()
    stored = 0
    with db.engine.begin() as conn:
        rows = []
        while stored < n:
            size = int(min(rng.integers(1, 9), n - stored))
            centre = unit(rng, 1)[0]
            own = [f"s{len(made)}x{i}" for i in range(4)]
            day = START + int(rng.integers(0, days))
            vecs = centre + 0.4 * unit(rng, size)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)  # unit, as the encoder's
            terms: Counter[str] = Counter()
            for _ in range(size):
                t = words(rng, 12, own)
                terms.update(t)
                df.update(t)
            actors = {f"Q{int(rng.integers(1, 5000))}": size for _ in range(2)}
            df.update({k: size for k in actors})
            rows.append(
                {
                    "first_day": day,
                    "last_day": day + int(rng.integers(0, 3)),
                    "first_report": dt.date.fromordinal(day).isoformat(),
                    "last_report": dt.date.fromordinal(day).isoformat(),
                    "size": size,
                    "vec_sum": vecs.sum(axis=0).astype(np.float32).tobytes(),
                    "terms": {"en": dict(terms.most_common(200))},
                    "actors": actors,
                    "places": {},
                    "headline": f"story {len(made)}",
                }
            )
            made.append((centre, own, day))
            stored += size
            if len(rows) >= 2000:
                conn.execute(insert(q.stories), rows)
                rows = []
        if rows:
            conn.execute(insert(q.stories), rows)
        df[q.DOCS_KEY] = n
        items = [{"key": k, "n": v} for k, v in df.items()]
        for i in range(0, len(items), 5000):
            conn.execute(insert(q.story_df), items[i : i + 5000])
    return made


def new_articles(
    db: Database, made, count: int, window: int, rng: np.random.Generator
) -> list[Sketch]:
    last = max(d for _, _, d in made)
    recent = [m for m in made if m[2] >= last - window] or made
    out = []
    now = dt.datetime.now(dt.UTC)
    with db.engine.begin() as conn:
        for i in range(count):
            if i % 2 == 0:
                centre, own, day = recent[int(rng.integers(0, len(recent)))]
                vector = centre + 0.4 * unit(rng, 1)[0]
                vector /= np.linalg.norm(vector)
            else:
                vector, own, day = unit(rng, 1)[0], [f"new{i}"], last - int(rng.integers(0, window))
            aid = f"bench-{i}"
            conn.execute(
                insert(schema.articles).values(
                    id=aid,
                    content_hash=aid,
                    source="bench",
                    text="x",
                    created=now,
                    published_confidence=0.0,
                )
            )
            out.append(
                Sketch(aid, "en", (day, day), vector.astype(np.float32), words(rng, 12, own))
            )
    return out


def run(n: int, days: int, count: int, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    with (
        tempfile.TemporaryDirectory() as tmp,
        Database.open(str(Path(tmp) / "bench.db")) as db,
    ):
        t0 = time.perf_counter()
        made = build(db, n, days, rng)
        built = time.perf_counter() - t0
        model = st.default_model()
        sketches = new_articles(db, made, count, model.window_days, rng)
        t0, c0 = time.perf_counter(), time.process_time()
        joined = 0
        for i in range(0, len(sketches), 50):
            with db.engine.begin() as conn:
                joined += sum(
                    d.probability is not None for d in st.assign(conn, sketches[i : i + 50], model)
                )
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        with db.engine.connect() as conn:
            lo = max(s.span[1] for s in sketches) - 2 * model.window_days
            window = len(q.window_rows(conn, lo, lo + 3 * model.window_days))
    return {
        "n": n,
        "stories": len(made),
        "build_s": round(built, 1),
        "window_stories": window,
        "new_articles": count,
        "joined_existing": joined,
        "assign_ms_per_article": round(1000 * took / count, 2),
        "assign_cpu_ms_per_article": round(1000 * cpu / count, 2),
    }


def encoder_cost(samples: int = 40) -> float:
    text = (
        "Russian President Vladimir Putin met French President Emmanuel Macron in the Kremlin "
        "on Monday for talks that lasted more than five hours, officials said. "
    ) * 3
    encode([text])  # load the model
    c0 = time.process_time()
    encode([f"{i} {text}" for i in range(samples)])
    return round(1000 * (time.process_time() - c0) / samples, 2)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, action="append", help="stored articles (repeatable)")
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--new", type=int, default=200)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = [run(n, args.days, args.new, args.seed) for n in args.n or [10_000, 100_000]]
    report = {"assign": results, "encoder_ms_per_article": encoder_cost()}
    if args.json:
        print(json.dumps(report))
        return
    for r in results:
        print(
            f"n={r['n']:>7}  stories {r['stories']:>6}  window {r['window_stories']:>5}  "
            f"assign {r['assign_ms_per_article']:.1f} ms/article wall, "
            f"{r['assign_cpu_ms_per_article']:.1f} cpu  (build {r['build_s']} s)"
        )
    print(f"encoder {report['encoder_ms_per_article']} cpu ms/article (title + lead, real text)")


if __name__ == "__main__":
    main()
