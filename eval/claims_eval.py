"""Score numeric claims on NewsQuant dev, split into a tuning part and a held-out part.

Every sentence of ``../shared/data/claims/newsquant_dev.json`` goes through the whole
pipeline (``newsgraph.extract`` on the scorer's own input records, as ``newsgraph
extract`` would read them) and ``score_claims.py`` scores each article's ``claims``.
Sentences are read with ``min_text_chars=1`` (a lone sentence is shorter than the
40-character floor of an article). The sentences are split by a hash of their id
(``held_out``): one in three is held out and was never looked at while the rules were
written; the figures are reported for the tuning part, the held-out part and the whole
file.

``--systems quantulum3`` scores the quantulum3 baseline the same way; it is not a
dependency, so run that in a scratch environment (``python -m venv /tmp/q3;
/tmp/q3/bin/pip install quantulum3; /tmp/q3/bin/python eval/claims_eval.py --systems
quantulum3``): it needs neither newsgraph nor its dependencies.

    .venv/bin/python eval/claims_eval.py [--systems newsgraph,quantulum3] [--keep DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, extract_short, held_out, score_predictions  # noqa: E402
from _common import make_input as scorer_input  # noqa: E402

SCORER = SHARED / "eval" / "score_claims.py"
GOLD = SHARED / "data" / "claims" / "newsquant_dev.json"
KEYS = (
    "value_f1",
    "value_unit_f1",
    "value_change_f1",
    "value_measure_f1",
    "approx_accuracy_on_matched",
)


def split_gold(tmp: Path) -> dict[str, Path]:
    """Gold files for the tuning part, the held-out part and all of it."""
    sentences = json.loads(GOLD.read_text(encoding="utf-8"))
    parts = {
        "tune": [s for s in sentences if not held_out(s["id"], "claims")],
        "held-out": [s for s in sentences if held_out(s["id"], "claims")],
    }
    out = {"all": GOLD}
    for name, rows in parts.items():
        path = tmp / f"{name}.json"
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        out[name] = path
    return out


def predict(records: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """The pipeline's records for the scorer's input records."""
    return extract_short(records, tmp, "claims")


def quantulum_predict(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """quantulum3's quantities as claims (value, unit name; change never set)."""
    from quantulum3 import parser  # not a dependency

    out = []
    for rec in records:
        claims = []
        for q in parser.parse(rec["text"]):
            unit = q.unit.name if q.unit and q.unit.name != "dimensionless" else None
            claims.append({"value": q.value, "unit": unit, "approx": "=", "change": None})
        out.append({"id": rec["id"], "claims": claims})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="newsgraph", help="newsgraph, quantulum3 or both")
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        records = scorer_input(SCORER, GOLD)
        run = {"newsgraph": predict, "quantulum3": lambda recs, _tmp: quantulum_predict(recs)}
        systems = {name: run[name](records, tmp) for name in args.systems.split(",")}
        for system, preds in systems.items():
            for part, gold in split_gold(tmp).items():
                res = score_predictions(SCORER, "score", gold, preds, args.keep, f"{system}-{part}")
                results[f"{system} {part}"] = res
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(
        f"{'system / part':24} {'value':>6} {'+unit':>6} {'+change':>8} {'+measure':>9} {'approx':>7}  n"
    )
    for key, res in results.items():
        vals = [res.get(k) for k in KEYS]
        cells = " ".join(
            f"{v:>{w}.3f}" if v is not None else f"{'-':>{w}}"
            for v, w in zip(vals, (6, 6, 8, 9, 7), strict=True)
        )
        print(f"{key:24} {cells}  {res['gold_quantities']}")


if __name__ == "__main__":
    main()
