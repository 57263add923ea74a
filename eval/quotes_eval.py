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
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_quotes.py"
POLNEAR = SHARED / "data" / "polnear"
SEEDS = SHARED / "gold" / "dev" / "seeds.json"

sys.path.insert(0, str(ROOT / "src"))
from newsgraph.extractors.quotes import find_quotes  # noqa: E402
from newsgraph.nlp.models import english  # noqa: E402
from newsgraph.records import _plain  # noqa: E402

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
    cmd = [sys.executable, str(SCORER), "make-input", str(gold)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def predict(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Contract-shaped prediction lines: id, text and quotes."""
    nlp = english()
    texts = [r["text"] for r in records]
    out = []
    for rec, doc in zip(records, nlp.pipe(texts, batch_size=16), strict=True):
        quotes = [_plain(q) for q in find_quotes(doc)]
        out.append({"id": rec["id"], "text": rec["text"], "quotes": quotes})
    return out


def score(
    gold: Path, predictions: list[dict[str, Any]], keep: Path | None = None
) -> dict[str, Any]:
    """Write predictions and run the shared scorer on them."""
    with tempfile.TemporaryDirectory() as tmp:
        path = (keep or Path(tmp)) / f"quotes_{gold.stem}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh:
            for line in predictions:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(SCORER), "score", str(gold), str(path), "--json"]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


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
            path.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
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
