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
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_timex.py"
TEMPEVAL = SHARED / "data" / "tempeval3"

sys.path.insert(0, str(ROOT / "src"))
from newsgraph.extractors.dating import infer_publication_date  # noqa: E402
from newsgraph.extractors.times import find_times  # noqa: E402

Finder = Callable[[str, str | None], list[dict[str, Any]]]


def make_input(tml_dir: Path, hide_dct: bool = False) -> list[dict[str, Any]]:
    """The scorer's own input records for a TimeML directory."""
    cmd = [sys.executable, str(SCORER), "make-input", str(tml_dir)]
    if hide_dct:
        cmd.append("--hide-dct")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


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


def score(tml_dir: Path, preds: list[dict[str, Any]], mode: str = "score") -> dict[str, Any]:
    """Run ``score_timex.py score`` (or ``dating``) on predictions and return its JSON result."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        path = fh.name
    try:
        out = subprocess.run(
            [sys.executable, str(SCORER), mode, str(tml_dir), path, "--json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        Path(path).unlink(missing_ok=True)
    return json.loads(out)


def evaluate(corpus: str, finder: Finder = newsgraph_times) -> dict[str, Any]:
    """Score one finder on one TempEval-3 corpus directory; adds the run time in seconds."""
    tml_dir = TEMPEVAL / corpus
    records = make_input(tml_dir)
    began = time.perf_counter()
    preds = predict(records, finder)
    result = score(tml_dir, preds)
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result


def dating(corpus: str) -> dict[str, Any]:
    """Date each article with its creation date hidden (``make-input --hide-dct``)."""
    tml_dir = TEMPEVAL / corpus
    preds = []
    for rec in make_input(tml_dir, hide_dct=True):
        published = infer_publication_date(rec["text"])
        preds.append(
            {
                "id": rec["id"],
                "text": rec["text"],
                "times": [],
                "published": {"date": published.date if published else None},
            }
        )
    return score(tml_dir, preds, mode="dating")


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
