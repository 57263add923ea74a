"""Score newsgraph's time expressions against TempEval-3 TimeML, beside dateparser.

    .venv/bin/python eval/timex_eval.py [--corpus TimeBank AQUAINT] [--no-baseline]

For each corpus under ../shared/data/tempeval3 this runs the shared scorer's
``make-input`` (one article per .tml file, ``published`` = the creation date),
runs ``find_times`` on every article anchored at its date, writes predictions in
the ``newsgraph extract`` JSONL shape and scores them with ``score_timex.py score``.
The baseline does the same with dateparser's ``search_dates`` (each hit valued at
day granularity from the parsed datetime). Prints one table of value F1 and friends.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, TEMPEVAL, score_predictions  # noqa: E402
from _common import make_input as scorer_input  # noqa: E402
from dating_eval import dating  # noqa: E402

from newsgraph.extractors.times.finder import find_times  # noqa: E402

SCORER = SHARED / "eval" / "score_timex.py"

Finder = Callable[[str, str | None], list[dict[str, Any]]]


def make_input(tml_dir: Path) -> list[dict[str, Any]]:
    """The scorer's own input records for a TimeML directory."""
    return scorer_input(SCORER, tml_dir)


def newsgraph_times(text: str, published: str | None) -> list[dict[str, Any]]:
    """Our time expressions as contract dicts."""
    return [
        {"start": e.start, "end": e.end, "text": e.text, "value": e.value, "type": e.type}
        for e in find_times(text, anchor=published)
    ]


def dateparser_times(text: str, published: str | None) -> list[dict[str, Any]]:
    """dateparser's search_dates hits, located in the text, valued at day granularity."""
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
    hits = search_dates(text, languages=["en"], settings=settings) or []
    out, cursor = [], 0
    for span, when in hits:
        start = text.find(span, cursor)
        if start < 0:
            continue
        cursor = start + len(span)
        out.append(
            {
                "start": start,
                "end": cursor,
                "text": span,
                "value": when.date().isoformat(),
                "type": "DATE",
            }
        )
    return out


def predict(records: list[dict[str, Any]], finder: Finder) -> list[dict[str, Any]]:
    """Prediction records in the contract shape (id, text, published, times)."""
    preds = []
    for rec in records:
        published = rec.get("published")
        preds.append(
            {
                "id": rec["id"],
                "status": "ok",
                "text": rec["text"],
                "published": {"date": published, "origin": "given"} if published else None,
                "times": finder(rec["text"], published),
            }
        )
    return preds


def score(tml_dir: Path, preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Run ``score_timex.py score`` on predictions and return its JSON result."""
    return score_predictions(SCORER, "score", tml_dir, preds)


def evaluate(corpus: str, finder: Finder = newsgraph_times) -> dict[str, Any]:
    """Score one finder on one TempEval-3 corpus directory; adds the run time in seconds."""
    tml_dir = TEMPEVAL / corpus
    records = make_input(tml_dir)
    began = time.perf_counter()
    preds = predict(records, finder)
    result = score(tml_dir, preds)
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", nargs="+", default=["TimeBank", "AQUAINT"])
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser (slow)")
    args = ap.parse_args()
    methods: dict[str, Finder] = {"newsgraph": newsgraph_times}
    if not args.no_baseline:
        methods["dateparser"] = dateparser_times
    cols = [
        "value_f1",
        "relaxed_f1",
        "strict_f1",
        "value_accuracy",
        "relaxed_p",
        "relaxed_r",
        "seconds",
    ]
    print(f"{'corpus':10} {'method':11} " + " ".join(f"{c:>14}" for c in cols))
    for corpus in args.corpus:
        for name, finder in methods.items():
            res = evaluate(corpus, finder)
            print(f"{corpus:10} {name:11} " + " ".join(f"{res[c]:>14}" for c in cols))
    print("\ndating with the creation date hidden (infer_publication_date)")
    for corpus in args.corpus:
        res = dating(corpus)
        print(f"{corpus:10} " + "  ".join(f"{k} {v}" for k, v in res.items()))


if __name__ == "__main__":
    main()
