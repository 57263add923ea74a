"""Story assignment through the store at scale: its cost per article with N stored
articles, the old path (every story of the window read again for each batch) beside
the new one (the window kept in the process, through a blocked centroid index).

    nice -n 10 .venv/bin/python bench/stories_store_scale.py --n 10000 --n 100000 --json

For each N a fresh SQLite database is filled straight through the story tables with N
synthetic stored articles (an ``articles`` row each, its sketch, its membership) in
stories of 1-8 reports (so the stories' members are there to be read, as in a real
store): a random unit vector per story plus noise for each report (the sentence vectors
are synthetic; the encoder's cost does not grow with N and runs in the NLP stage), 12
words per report drawn from a Zipf vocabulary of 50,000 with four words of the story's
own, two canonical actors per story (of 5,000). The stories' days are spread evenly
over ``--days`` days (730: two years, 137 articles a day at 100,000; 120: the density of
the 102,000-article copy store of docs/scale.md, whose writer's window held 16,641
stories), each report 0-2 days after its story's first.

Then ``--new`` new articles (half reports of stored stories of the last window, half new
events, days over the last ``window_days``, in time order as an ingest brings them) are
assigned in batches of 50, one transaction each (as ``Database.save_batch`` does), on two
copies of the database: the old path (``assign(..., cached=False)``) and the new one
(``cached=True``, starting with an empty cache, so its first batch reads the window).
Printed per path: CPU ms an article (this process: the machine is shared) over all
batches, over the first, over the rest and over the last quarter, wall ms, what was read from the store, the
rows the first pass scored per article, and how many articles got the same story as on
the old path.

``--store PATH`` measures on a real SQLite store instead (e.g. the 102,000-article store
of ``bench/store_scale.py``, whose copies have no story): ``--new`` stored articles
without a story (``--order id``: in id order, which is no order of date, as the copies
of that store were written; ``date``: consecutive by date from the middle of the span,
as an ingest in time order) are sketched (the encoder, not timed) and assigned in batches of 50 by both paths, each batch in a
transaction that is rolled back, so the store is left as it was and each batch meets
the same stored stories. Work on a copy: a batch holds the write lock while it runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from stories_scale import unit, words  # noqa: E402  (bench/: the synthetic stories' parts)

from newsgraph.analyze import stories as st  # noqa: E402
from newsgraph.analyze.database import Database  # noqa: E402
from newsgraph.analyze.story_encoder import pack  # noqa: E402
from newsgraph.analyze.story_sketch import Sketch  # noqa: E402
from newsgraph.store import schema  # noqa: E402
from newsgraph.store import stories as q  # noqa: E402
from newsgraph.store.engine import write_engine  # noqa: E402

START = dt.date(2024, 1, 1).toordinal()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _flush(conn: Any, rows: dict[str, list[dict[str, Any]]]) -> None:
    for table in (schema.articles, q.story_sketches, q.story_articles, q.stories):
        if rows[table.name]:
            conn.execute(insert(table), rows[table.name])
            rows[table.name] = []


def build(db: Database, n: int, days: int, rng: np.random.Generator) -> list[dict[str, Any]]:
    """N stored articles in stories (every story table filled); returns each story's
    centre, own words, actors and last day."""
    made: list[dict[str, Any]] = []
    df: Counter[str] = Counter()
    rows: dict[str, list[dict[str, Any]]] = {
        t.name: [] for t in (schema.articles, q.story_sketches, q.story_articles, q.stories)
    }
    stored = 0
    with db.engine.begin() as conn:
        while stored < n:
            size = min(int(rng.integers(1, 9)), n - stored)
            key = len(made) + 1
            centre = unit(rng, 1)[0]
            own = [f"s{key}x{i}" for i in range(4)]
            first = START + (stored * days) // n  # evenly over the days, as a stream
            actors = sorted({f"Q{int(rng.integers(1, 5000))}" for _ in range(2)})
            vecs = centre + 0.4 * unit(rng, size)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)  # unit, as the encoder's
            terms: Counter[str] = Counter()
            member_days = []
            for i in range(size):
                aid = f"a{stored + i}"
                day = first + int(rng.integers(0, 3))
                member_days.append(day)
                t = words(rng, 12, own)
                terms.update(t)
                df.update({*t, *actors})
                rows["articles"].append(
                    {
                        "id": aid,
                        "content_hash": aid,
                        "source": "bench",
                        "text": "x",
                        "created": NOW,
                        "published_confidence": 0.0,
                    }
                )
                rows["story_sketches"].append(
                    {
                        "article_id": aid,
                        "day": day,
                        "language": "en",
                        "vector": pack(vecs[i]),
                        "terms": t,
                        "actors": actors,
                        "places": [],
                        "names": [],
                    }
                )
                rows["story_articles"].append(
                    {"article_id": aid, "story_id": key, "day": day, "probability": None}
                )
            lo, hi = min(member_days), max(member_days)
            kept = dict(terms.most_common(200))
            docs = max(stored, 1)  # the norm as saved then: idf of the counts so far
            norm = math.sqrt(
                sum(
                    ((1 + math.log(c)) * (math.log((docs + 1) / (df[w] + 1)) + 1)) ** 2
                    for w, c in kept.items()
                )
            )
            rows["stories"].append(
                {
                    "id": key,
                    "first_day": lo,
                    "last_day": hi,
                    "size": size,
                    "first_report": dt.date.fromordinal(lo).isoformat(),
                    "last_report": dt.date.fromordinal(hi).isoformat(),
                    "vec_sum": vecs.sum(axis=0).astype(np.float32).tobytes(),
                    "terms": {"en": kept, "_norms": {"en": norm}},
                    "actors": {a: size for a in actors},
                    "places": {},
                    "headline": f"story {key}",
                    "headline_article": f"a{stored}",
                }
            )
            made.append({"centre": centre, "own": own, "actors": actors, "day": hi})
            stored += size
            if len(rows["articles"]) >= 5000:
                _flush(conn, rows)
        _flush(conn, rows)
        df[q.DOCS_KEY] = n
        items = [{"key": k, "n": v} for k, v in df.items()]
        for i in range(0, len(items), 5000):
            conn.execute(insert(q.story_df), items[i : i + 5000])
    return made


def new_articles(
    db: Database, made: list[dict[str, Any]], count: int, window: int, rng: np.random.Generator
) -> list[Sketch]:
    last = max(m["day"] for m in made)
    recent = [m for m in made if m["day"] >= last - window] or made
    out = []
    for i in range(count):
        if i % 2 == 0:
            m = recent[int(rng.integers(0, len(recent)))]
            vector = m["centre"] + 0.4 * unit(rng, 1)[0]
            vector /= np.linalg.norm(vector)
            own, actors, day = m["own"], m["actors"], m["day"] + int(rng.integers(0, 3))
        else:
            vector, own = unit(rng, 1)[0], [f"new{i}"]
            actors, day = [f"Q{int(rng.integers(1, 5000))}"], last - int(rng.integers(0, window))
        out.append(
            Sketch(
                f"bench-{i}",
                "en",
                (day, day),
                vector.astype(np.float32),
                words(rng, 12, own),
                frozenset(actors),
            )
        )
    out.sort(key=lambda s: (s.span[0], s.id))  # time order, as an ingest brings them
    with db.engine.begin() as conn:
        conn.execute(
            insert(schema.articles),
            [
                {
                    "id": s.id,
                    "content_hash": s.id,
                    "source": "bench",
                    "text": "x",
                    "created": NOW,
                    "published_confidence": 0.0,
                }
                for s in out
            ],
        )
    return out


def measure(path: Path, sketches: list[Sketch], cached: bool) -> dict[str, Any]:
    st.drop_window_caches()
    model = st.default_model()
    cpu: list[float] = []
    wall = 0.0
    decided: dict[str, int] = {}
    with Database.open(str(path)) as db:
        engine = write_engine(db.engine)
        for i in range(0, len(sketches), 50):
            batch = sketches[i : i + 50]
            t0, c0 = time.perf_counter(), time.process_time()
            with engine.begin() as conn:
                decisions = st.assign(conn, batch, model, cached=cached)
            cpu.append(time.process_time() - c0)
            wall += time.perf_counter() - t0
            decided.update({d.article_id: d.story for d in decisions})
        with db.engine.connect() as conn:
            stored = q.stories_of_articles(conn, [s.id for s in sketches])
            reads = dict(st.window_cache(conn).reads) if cached else {}
            probed = st.window_cache(conn).index.probed_total if cached else 0
            window = len(
                q.window_light(
                    conn,
                    sketches[0].span[0] - model.window_days,
                    sketches[-1].span[1] + model.window_days,
                )
            )
    per = 1000 / 50
    return {
        "cpu_ms_per_article": round(1000 * sum(cpu) / len(sketches), 2),
        "first_batch_cpu_ms_per_article": round(per * cpu[0], 2),
        "rest_cpu_ms_per_article": round(1000 * sum(cpu[1:]) / max(len(sketches) - 50, 1), 2),
        # the last quarter of the batches: the cache warm (each story read once a change)
        "last_quarter_cpu_ms_per_article": round(
            per * sum(cpu[-max(len(cpu) // 4, 1) :]) / max(len(cpu) // 4, 1), 2
        ),
        "wall_ms_per_article": round(1000 * wall / len(sketches), 2),
        "reads": reads,
        "rows_scored_per_article": round(probed / len(sketches), 1) if cached else window,
        "window_stories": window,
        "stories": stored,
    }


def _copy(src: Path, dst: Path) -> None:
    with sqlite3.connect(src) as conn:
        conn.execute("VACUUM INTO ?", (str(dst),))


def run(n: int, days: int, count: int, seed: int, old: bool) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        with Database.open(str(base)) as db:
            made = build(db, n, days, rng)
            sketches = new_articles(db, made, count, st.default_model().window_days, rng)
        built = time.perf_counter() - t0
        out: dict[str, Any] = {
            "n": n,
            "days": days,
            "stories": len(made),
            "build_s": round(built, 1),
            "new_articles": count,
        }
        paths = {"new": Path(tmp) / "new.db"}
        if old:
            paths["old"] = Path(tmp) / "old.db"
        for path in paths.values():
            _copy(base, path)
        base.unlink()
        results = {name: measure(path, sketches, name == "new") for name, path in paths.items()}
        if old:
            same = sum(
                results["new"]["stories"].get(s.id) == results["old"]["stories"].get(s.id)
                for s in sketches
            )
            out["same_story_as_old"] = same
        for r in results.values():
            out["window_stories"] = r.pop("window_stories")
            joined = r.pop("stories")
            r["joined_stored_story"] = sum(1 for v in joined.values() if v <= len(made))
        out.update(results)
    return out


def run_store(path: Path, count: int, order: str = "id") -> dict[str, Any]:
    """Both paths on a real store, every batch rolled back (see the module's text)."""
    model = st.default_model()
    with Database.open(str(path)) as db:
        with db.engine.connect() as conn:
            a, sa = schema.articles, q.story_articles
            pending = (
                select(a.c.id)
                .select_from(a.outerjoin(sa, sa.c.article_id == a.c.id))
                .where(sa.c.article_id.is_(None))
            )
            if order == "date":  # consecutive days from the middle of the store's span
                n = conn.execute(select(func.count()).select_from(pending.subquery())).scalar()
                pending = pending.order_by(a.c.published_date, a.c.id).offset(int(n or 0) // 2)
            else:
                pending = pending.order_by(a.c.id)
            ids = [r[0] for r in conn.execute(pending.limit(count))]
        articles = [x for x in (db.article(i) for i in ids) if x is not None]
        sketches = st.sketch_articles(articles)
        out: dict[str, Any] = {"store": str(path), "order": order, "new_articles": len(sketches)}
        chosen: dict[str, dict[str, int]] = {}
        for name in ("old", "new"):
            st.drop_window_caches()
            cpu: list[float] = []
            chosen[name] = {}
            for i in range(0, len(sketches), 50):
                batch = sketches[i : i + 50]
                conn = db.engine.connect()
                txn = conn.begin()
                c0 = time.process_time()
                try:
                    decisions = st.assign(conn, batch, model, cached=name == "new")
                    cpu.append(time.process_time() - c0)
                    chosen[name].update({d.article_id: d.story for d in decisions})
                    if name == "new":
                        reads = dict(st.window_cache(conn).reads)
                        probed = st.window_cache(conn).index.probed_total
                        window = len(st.window_cache(conn).index)
                finally:
                    txn.rollback()
                    conn.close()
            out[name] = {
                "cpu_ms_per_article": round(1000 * sum(cpu) / len(sketches), 1),
                "first_batch_cpu_ms_per_article": round(1000 * cpu[0] / 50, 1),
                "rest_cpu_ms_per_article": round(
                    1000 * sum(cpu[1:]) / max(len(sketches) - 50, 1), 1
                ),
            }
        out["new"].update(
            reads=reads,
            rows_scored_per_article=round(probed / len(sketches), 1),
            stories_in_cached_index=window,
        )
        # a story opened in a batch gets the same new id on both paths (rolled back)
        out["same_story_as_old"] = sum(
            chosen["new"].get(s.id) == chosen["old"].get(s.id) for s in sketches
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, action="append", help="stored articles (repeatable)")
    ap.add_argument("--days", type=int, default=730, help="days the stored articles span")
    ap.add_argument("--new", type=int, default=400, help="articles assigned and timed")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--no-old", action="store_true", help="time the new path only")
    ap.add_argument("--store", type=Path, help="a real SQLite store (a copy: see above)")
    ap.add_argument(
        "--order",
        choices=("id", "date"),
        default="id",
        help="--store: the articles in id order (any date) or consecutive by date",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.store:
        print(json.dumps(run_store(args.store, args.new, args.order)))
        return
    results = [
        run(n, args.days, args.new, args.seed, not args.no_old) for n in args.n or [10_000, 100_000]
    ]
    if args.json:
        print(json.dumps(results))
        return
    for r in results:
        print(
            f"n={r['n']:,} over {r['days']} days: {r['stories']:,} stories, "
            f"{r['window_stories']:,} in the new articles' window (build {r['build_s']} s)"
        )
        for name in ("old", "new"):
            if name in r:
                m = r[name]
                print(
                    f"  {name}: {m['cpu_ms_per_article']:.1f} CPU ms/article "
                    f"(first batch {m['first_batch_cpu_ms_per_article']:.1f}, "
                    f"rest {m['rest_cpu_ms_per_article']:.1f}, last quarter "
                    f"{m['last_quarter_cpu_ms_per_article']:.1f}), wall "
                    f"{m['wall_ms_per_article']:.1f}; first pass scores "
                    f"{m['rows_scored_per_article']} stories an article; reads {m['reads']}"
                )
        if "same_story_as_old" in r:
            print(f"  same story as the old path: {r['same_story_as_old']} of {r['new_articles']}")


if __name__ == "__main__":
    main()
