"""Score publication-date inference: the five seeds, and TempEval-3 with the creation date hidden.

Seeds: ../shared/corpus/seeds/*.txt cleaned as the pipeline does, compared with the
gold dates in ../shared/gold/dev/seeds.json. TempEval-3: the shared scorer's
``make-input --hide-dct`` (one article per .tml file), ``infer_publication_date``
on each text, then ``score_timex.py dating`` (share of articles whose date equals the
hidden creation date at day, month and year level; undated articles count as wrong).

    .venv/bin/python eval/dating_eval.py [--corpus TimeBank AQUAINT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SEED_GOLD, SEEDS, SHARED, TEMPEVAL, score_predictions  # noqa: E402
from _common import make_input as scorer_input  # noqa: E402

from newsgraph.extractors.times.dating import infer_publication_date  # noqa: E402
from newsgraph.inputs.clean import clean_text  # noqa: E402

SCORER = SHARED / "eval" / "score_timex.py"


def seed_results() -> list[dict[str, Any]]:
    """Each seed: file, gold date, inferred date, confidence and evidence."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    rows = []
    for art in gold["articles"]:
        text = clean_text((SEEDS / art["file"]).read_text(encoding="utf-8")).text
        pub = infer_publication_date(text)
        rows.append(
            {
                "file": art["file"],
                "gold": art["published"]["date"],
                "date": pub.date if pub else None,
                "confidence": pub.confidence if pub else 0.0,
                "evidence": pub.evidence if pub else None,
            }
        )
    return rows


def make_input(corpus: str) -> list[dict[str, Any]]:
    """The scorer's input records for a corpus, creation date hidden."""
    return scorer_input(SCORER, TEMPEVAL / corpus, "--hide-dct")


def predictions(corpus: str) -> list[dict[str, Any]]:
    """One prediction line per article: the inferred date, or null."""
    preds = []
    for rec in make_input(corpus):
        pub = infer_publication_date(rec["text"])
        preds.append(
            {
                "id": rec["id"],
                "text": rec["text"],
                "published": {"date": pub.date if pub else None},
                "times": [],
            }
        )
    return preds


def dating(corpus: str) -> dict[str, Any]:
    """``score_timex.py dating`` on our predictions for one corpus."""
    return score_predictions(SCORER, "dating", TEMPEVAL / corpus, predictions(corpus))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", nargs="+", default=["TimeBank", "AQUAINT"])
    args = ap.parse_args()
    rows = seed_results()
    right = sum(r["date"] == r["gold"] for r in rows)
    print(f"seeds: {right}/{len(rows)} dated right")
    for r in rows:
        mark = "ok " if r["date"] == r["gold"] else "BAD"
        print(
            f"  {mark} {r['file'][:3]} gold {r['gold']} got {r['date']} ({r['confidence']}): {r['evidence']}"
        )
    print(f"\n{'corpus':10} {'articles':>8} {'dated':>7} {'day':>7} {'month':>7} {'year':>7}")
    for corpus in args.corpus:
        res = dating(corpus)
        print(
            f"{corpus:10} {res['articles']:>8} {res['dated']:>7} {res['day_accuracy']:>7}"
            f" {res['month_accuracy']:>7} {res['year_accuracy']:>7}"
        )


if __name__ == "__main__":
    main()
