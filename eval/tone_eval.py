"""Score article tone on the NYT editorial snippets, split into tuning and held-out parts.

Every snippet of ``../shared/data/tone/nyt_dev.jsonl`` goes through the whole pipeline
(``newsgraph.extract`` on the scorer's own input records, ``min_text_chars=1`` since a
snippet is one sentence) and ``score_tone.py`` correlates each article's ``tone`` with
the mean human rating. Editorials are split by a hash of their number: one in three is
held out and was never looked at while the constants of ``extractors/tone`` were
chosen. VADER's compound score (``vaderSentiment``, the baseline) is scored the same way.

    .venv/bin/python eval/tone_eval.py [--keep DIR] [--json]

``--build-adjectives WHEEL`` rebuilds ``extractors/tone/data/adjectives_en.json`` from a
downloaded textblob wheel (``pip download --no-deps textblob==0.20.1``): the polarity of
each adjective of Pattern's ``en-sentiment.xml``, averaged over its senses, zeros left out.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, extract_short, held_out, score_predictions, write_jsonl  # noqa: E402
from _common import make_input as scorer_input  # noqa: E402

SCORER = SHARED / "eval" / "score_tone.py"
GOLD = SHARED / "data" / "tone" / "nyt_dev.jsonl"


def split_gold(tmp: Path) -> dict[str, Path]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    out = {"all": GOLD}
    for name, keep in (("tune", False), ("held-out", True)):
        path = tmp / f"{name}.jsonl"
        write_jsonl(path, [r for r in rows if held_out(r["id"].split("_")[0], "tone") == keep])
        out[name] = path
    return out


def predict(records: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """The pipeline's records for the scorer's input records."""
    return extract_short(records, tmp, "tone")


def vader(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return [
        {"id": r["id"], "tone": analyzer.polarity_scores(r["text"])["compound"]} for r in records
    ]


ADJECTIVES = Path(__file__).resolve().parents[1] / "src/newsgraph/extractors/tone/data"


def build_adjectives(wheel: Path) -> int:
    """Write ``adjectives_en.json`` from textblob's copy of Pattern's lexicon."""
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        root = ET.fromstring(zf.read("textblob/en/en-sentiment.xml"))
    senses: dict[str, list[float]] = {}
    for word in root.iter("word"):
        senses.setdefault(word.get("form", "").lower(), []).append(float(word.get("polarity", 0)))
    polarity = {}
    for form, values in sorted(senses.items()):
        mean = sum(values) / len(values)
        if form and abs(mean) > 0:
            polarity[form] = round(mean, 3)
    doc = {
        "about": "Adjective polarities (-1..1, the mean over senses, zeros left out) from the "
        "English subjectivity lexicon of Pattern (Tom De Smedt, Walter Daelemans; licence PDDL) "
        "as shipped in textblob 0.20.1 (MIT) at textblob/en/en-sentiment.xml. Built by "
        "eval/tone_eval.py --build-adjectives.",
        "polarity": polarity,
    }
    out = ADJECTIVES / "adjectives_en.json"
    out.write_text(json.dumps(doc, indent=0, ensure_ascii=False), encoding="utf-8")
    return len(polarity)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--build-adjectives", type=Path, metavar="WHEEL", help="textblob wheel")
    args = ap.parse_args()
    if args.build_adjectives:
        print(f"{build_adjectives(args.build_adjectives)} adjectives written")
        return
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        records = scorer_input(SCORER, GOLD)
        systems = {"newsgraph": predict(records, tmp), "vader": vader(records)}
        for system, preds in systems.items():
            for part, gold in split_gold(tmp).items():
                res = score_predictions(SCORER, "score", gold, preds, args.keep, f"{system}-{part}")
                results[f"{system} {part}"] = res
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(f"{'system / part':20} {'pearson r':>9} {'spearman':>9} {'n':>6} {'missing':>8}")
    for key, res in results.items():
        print(
            f"{key:20} {res['pearson_r']:>9.3f} {res['spearman_rho']:>9.3f} "
            f"{res['n']:>6} {res['missing_tone']:>8}"
        )


if __name__ == "__main__":
    main()
