"""Score newsgraph's event coder with the shared scorer, and list what it finds in the seeds.

    .venv/bin/python eval/events_eval.py [--gold PATH] [--seeds] [--misses]

Runs ``../shared/eval/score_events.py make-input GOLD`` (default: the CAMEO codebook,
one example sentence per code, the expected PLOVER type from the crosswalk), codes
every input with ``find_events``, writes the predictions in the ``newsgraph
extract`` JSONL shape and scores them with ``score_events.py score``. ``--misses``
prints the sentences whose type was not found; ``--seeds`` prints the events coded
in ``../shared/corpus/seeds/*.txt`` beside the reference events of
``../shared/gold/dev/seeds.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SEED_GOLD, SEEDS, SHARED, parsed, score_predictions  # noqa: E402
from _common import make_input as scorer_input  # noqa: E402

from newsgraph.extractors.events.coder import find_events  # noqa: E402
from newsgraph.extractors.times.finder import find_times  # noqa: E402
from newsgraph.languages.en import english  # noqa: E402
from newsgraph.records import _plain  # noqa: E402

SCORER = SHARED / "eval" / "score_events.py"
CODEBOOK = SHARED / "data" / "cameo" / "cameo-codes.csv"


def make_input(gold: Path) -> list[dict[str, Any]]:
    """The scorer's own input records for ``gold``."""
    return scorer_input(SCORER, gold)


def predict(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One contract-shaped article per input record, with its coded events."""
    out = []
    for record, doc in parsed(records, batch_size=64):
        events = find_events(doc, published=record.get("published"))
        out.append(
            {
                "id": record["id"],
                "status": "ok",
                "text": record["text"],
                "events": [_plain(e) for e in events],
            }
        )
    return out


def score(gold: Path, predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the shared scorer on our predictions; its JSON result."""
    return score_predictions(SCORER, "score", gold, predictions)


def evaluate(gold: Path = CODEBOOK) -> dict[str, Any]:
    """Make input, predict and score in one go (the eval-gate test calls this)."""
    return score(gold, predict(make_input(gold)))


def print_misses(gold: Path) -> None:
    """The sentences whose expected type no coded event carries."""
    sys.path.insert(0, str(SCORER.parent))
    import score_events  # type: ignore[import-not-found]

    expected = {d["id"]: d["type"] for d in score_events.load(str(gold))}
    for row in predict(make_input(gold)):
        types = [f"{e['type']}:{e['cameo']}:{e['trigger']['text']}" for e in row["events"]]
        if expected[row["id"]] not in {e["type"] for e in row["events"]}:
            print(f"{row['id']:12} want {expected[row['id']]:9} got {types}  | {row['text'][:110]}")


def print_seeds() -> None:
    """Coded events in the seed articles beside the reference list."""
    gold = {a["file"]: a for a in json.loads(SEED_GOLD.read_text(encoding="utf-8"))["articles"]}
    nlp = english()
    for path in sorted(SEEDS.glob("*.txt")):
        ref = gold.get(path.name, {})
        published = (ref.get("published") or {}).get("date")
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        times = find_times(text, anchor=published)
        print(f"== {path.name} (published {published})")
        for want in ref.get("events", []):
            print(f"   want {want['source']} -> {want['target']}: {want['kind']}")
        for e in find_events(doc, times=times, published=published):
            src = ", ".join(a.name for a in e.source) or "?"
            tgt = ", ".join(a.name for a in e.target) or "?"
            flags = ("negated " if e.negated else "") + (e.modality or "")
            print(
                f"   got  {e.type}/{e.cameo} {e.trigger.text!r}: {src} -> {tgt} "
                f"[{e.date} {e.place or ''}] {flags}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=CODEBOOK)
    parser.add_argument("--seeds", action="store_true")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"missing {SCORER}", file=sys.stderr)
        return 2
    if args.misses:
        print_misses(args.gold)
    if args.seeds:
        print_seeds()
    result = evaluate(args.gold)
    for key, value in result.items():
        print(f"{key:26} {value}")
    print(f"event type F1 {result['type_f1']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
