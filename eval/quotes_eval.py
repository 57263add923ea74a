"""Score newsgraph's quote extraction on PolNeAR and on the seed articles.

    .venv/bin/python eval/quotes_eval.py [--split dev|train] [--limit N] [--keep DIR]

For each gold set this runs the shared scorer's ``make-input``, parses every
article text with the English spaCy pipeline (``nlp.pipe``), runs ``find_quotes``,
writes predictions in the ``newsgraph extract`` JSONL shape and scores them with
``score_quotes.py score``. Speakers carry mention names only (no knowledge base), so
the seeds' canonical-speaker figure is a lower bound. Prints one table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SEED_GOLD, SHARED, parsed, score_predictions, write_jsonl  # noqa: E402
from _common import make_input as scorer_input  # noqa: E402

from newsgraph.extractors.quotes.finder import find_quotes  # noqa: E402
from newsgraph.records import _plain  # noqa: E402

SCORER = SHARED / "eval" / "score_quotes.py"
POLNEAR = SHARED / "data" / "polnear"
SEEDS = SEED_GOLD

COLUMNS = (
    "quote_precision",
    "quote_recall",
    "quote_f1",
    "speaker_accuracy_on_matched",
    "end_to_end_f1",
    "direct_recall",
    "indirect_recall",
)


def make_input(gold: Path) -> list[dict[str, Any]]:
    """The scorer's own input records for a gold set."""
    return scorer_input(SCORER, gold)


def predict(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Contract-shaped prediction lines: id, text and quotes."""
    out = []
    for rec, doc in parsed(records, batch_size=16):
        quotes = [_plain(q) for q in find_quotes(doc)]
        out.append({"id": rec["id"], "text": rec["text"], "quotes": quotes})
    return out


def score(
    gold: Path, predictions: list[dict[str, Any]], keep: Path | None = None
) -> dict[str, Any]:
    """Write predictions and run the shared scorer on them."""
    return score_predictions(SCORER, "score", gold, predictions, keep, f"quotes_{gold.stem}")


def evaluate(gold: Path, limit: int | None = None, keep: Path | None = None) -> dict[str, Any]:
    """Scores for one gold set (PolNeAR split folder or seeds.json), with timing."""
    records = make_input(gold)
    if limit:
        records = records[:limit]
    started = time.perf_counter()
    predictions = predict(records)
    seconds = time.perf_counter() - started
    result = score(gold, predictions, keep)
    if limit:  # the scorer counts unpredicted articles as misses; rescore on the subset only
        result = _subset_score(gold, predictions, keep)
    result["seconds"] = round(seconds, 1)
    return result


def _subset_score(
    gold: Path, predictions: list[dict[str, Any]], keep: Path | None
) -> dict[str, Any]:
    """Score against only the gold articles that were predicted (for --limit runs)."""
    sys.path.insert(0, str(SCORER.parent))
    import score_quotes  # type: ignore[import-not-found]

    wanted = {p["id"] for p in predictions}
    original = score_quotes.load
    try:
        score_quotes.load = lambda g: [d for d in original(g) if d["id"] in wanted]
        with tempfile.TemporaryDirectory() as tmp:
            path = (keep or Path(tmp)) / f"quotes_{gold.stem}_subset.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_jsonl(path, predictions)
            return score_quotes.score(str(gold), str(path))
    finally:
        score_quotes.load = original


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR articles")
    ap.add_argument("--keep", type=Path, default=None, help="keep prediction files in DIR")
    args = ap.parse_args()
    rows = {
        f"PolNeAR {args.split}": evaluate(POLNEAR / args.split, args.limit, args.keep),
        "seeds": evaluate(SEEDS, None, args.keep),
    }
    print(
        f"{'set':14}"
        + "".join(f"{c.replace('_on_matched', ''):>20}" for c in COLUMNS)
        + f"{'s':>7}"
    )
    for name, res in rows.items():
        cells = "".join(f"{_fmt(res.get(c)):>20}" for c in COLUMNS)
        print(f"{name:14}{cells}{res['seconds']:>7}")


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    main()
