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

import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED  # noqa: E402
from split_eval import Column, Predict, SplitEval, arguments, pipeline, report  # noqa: E402

SPEC = SplitEval(
    scorer=SHARED / "eval" / "score_claims.py",
    gold=SHARED / "data" / "claims" / "newsquant_dev.json",
    salt="claims",
    key=lambda sentence: str(sentence["id"]),
    columns=(
        Column("value", "value_f1", 7),
        Column("+unit", "value_unit_f1", 7),
        Column("+change", "value_change_f1", 9),
        Column("+measure", "value_measure_f1", 10),
        Column("approx", "approx_accuracy_on_matched", 8),
    ),
    count="gold_quantities",
)


def quantulum_predict(records: list[dict[str, Any]], _tmp: Path) -> list[dict[str, Any]]:
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


SYSTEMS: dict[str, Predict] = {"newsgraph": pipeline("claims"), "quantulum3": quantulum_predict}


def main() -> None:
    ap = arguments(__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="newsgraph", help="newsgraph, quantulum3 or both")
    args = ap.parse_args()
    systems = {name: SYSTEMS[name] for name in args.systems.split(",")}
    with tempfile.TemporaryDirectory() as tmp:
        results = SPEC.score(systems, args.keep, Path(tmp))
    report(SPEC, results, args.json)


if __name__ == "__main__":
    main()
