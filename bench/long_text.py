"""Peak memory and time of one over-long text through a whole ingest (issue 12, case 2).

    python bench/long_text.py [--chars 5000000] [--kind news|dates|markup|oneline]

Writes a text file of ``--chars`` characters (the seed articles of ../shared/corpus/seeds
repeated, each line numbered so that no two are the same; or a text of dates,
of markup-like tokens, or news with no line break), ingests it into a fresh SQLite file
in a child process and prints the child's peak RSS (``ru_maxrss``), the wall time, and
what the record says (``extensions.split``: parts, parsed parts and characters, a cut).
Nothing is asserted: docs/reliability.md holds the figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

CHILD = """
import json, resource, sys, time
import newsgraph
from newsgraph.extractors.stage import analyse_articles
from newsgraph.records import Article
from newsgraph.run.ingest import ingest
from newsgraph.run.stage import default_analyse
analyse_articles([Article(id="warm", source="warm", text="Putin met Macron.", language="en")])
notes = []
keep = lambda r: notes.append(getattr(r, "extensions", {}).get("split"))
t0 = time.monotonic()
with newsgraph.open(sys.argv[1]) as db:
    summary = ingest([sys.argv[2]], db, on_record=keep, analyse=default_analyse())
    row = next(iter(db.articles()))
    record = db.article(row["id"])
took = time.monotonic() - t0
print(json.dumps({
    "split": notes[0] if notes else None,
    "seconds": round(took, 1),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    "added": summary.added,
    "chars": len(record["text"]),
    "entities": len(record["entities"]),
    "quotes": len(record["quotes"]),
    "times": len(record["times"]),
    "events": len(record["events"]),
}))
"""


def make_text(chars: int, kind: str) -> str:
    if kind == "dates":
        unit = "On March 3, 2017 the minister said talks would resume on Friday. "
        return (unit * (chars // len(unit) + 1))[:chars]
    if kind == "markup":
        return ("<p>x</p> " * (chars // 9 + 1))[:chars]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed texts in {SEEDS}")
    out: list[str] = []
    size = 0
    n = 0
    while size < chars:
        for text in texts:
            lines = [f"({n}.{k}) {line}" for k, line in enumerate(text.split("\n")) if line]
            piece = "\n".join(lines) + "\n\n"  # numbered: cleaning drops repeated lines
            if kind == "oneline":
                piece = piece.replace("\n", " ")
            out.append(piece)
            size += len(piece)
            n += 1
    return "".join(out)[:chars]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=5_000_000)
    parser.add_argument("--kind", choices=("news", "dates", "markup", "oneline"), default="news")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(make_text(args.chars, args.kind), encoding="utf-8")
        db = str(Path(tmp) / "long.db")
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, db, str(path)], capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(done.stderr[-3000:])
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        figures["child_wall_s"] = round(time.monotonic() - started, 1)
        figures["kind"] = args.kind
        print(json.dumps(figures))
        for line in done.stderr.splitlines()[-5:]:
            print("log:", line[:300])


if __name__ == "__main__":
    main()
