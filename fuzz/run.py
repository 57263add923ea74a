"""Fuzz newsgraph's decoders and parsers: ``python fuzz/run.py [-n 10000] [TARGET ...]``.

For each target (see ``fuzz_targets.TARGETS``; all when none is named) hypothesis
generates ``-n`` inputs, raw bytes and damaged near-valid documents, and checks that
nothing but ``IngestError`` escapes. A failure is shrunk to a minimal input, saved as
``fuzz/crashes/<target>-<sha>.bin`` (add it to ``tests/fuzz_corpus/`` once fixed) and
the run goes on with the next target. Exit status 1 when anything crashed.

``--atheris SECONDS`` also runs each target under atheris (coverage-guided, libFuzzer)
for that long when the ``atheris`` module imports; ``make fuzz`` installs it on demand
into a throw-away venv (see docs/reliability.md).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import subprocess
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_targets import TARGETS, Target, call_target  # noqa: E402

CRASHES = Path(__file__).resolve().parent / "crashes"


def fuzz_with_hypothesis(target: Target, examples: int, seed: int | None) -> bytes | None:
    """Run ``examples`` inputs through ``target``; the shrunk failing input, or None."""
    failing: list[bytes] = []

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is not None,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.generate, Phase.target, Phase.shrink),
    )
    @given(target.inputs)
    def check(data: bytes) -> None:
        failing.append(data)
        call_target(target.run, data)
        failing.pop()

    try:
        check()
    except Exception:  # the property failed: report it, keep the minimal input
        traceback.print_exc()
        return failing[-1] if failing else b""
    return None


def save_crash(name: str, data: bytes) -> Path:
    """Write a failing input under fuzz/crashes/, named by target and content."""
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"{name}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    return path


def atheris_available() -> bool:
    """True when the ``atheris`` module imports (``make fuzz`` puts it on PYTHONPATH)."""
    return importlib.util.find_spec("atheris") is not None


def fuzz_with_atheris(target: Target, seconds: int) -> bool:
    """Coverage-guided fuzzing of ``target`` for ``seconds`` in a child process; True
    when it found a crash (libFuzzer saves it as fuzz/crashes/atheris-<target>-crash-*)."""
    CRASHES.mkdir(exist_ok=True)
    child = Path(__file__).resolve().parent / "atheris_target.py"
    cmd = [
        sys.executable,
        str(child),
        target.name,
        f"-max_total_time={seconds}",
        f"-artifact_prefix={CRASHES}/atheris-{target.name}-",
        "-rss_limit_mb=3072",
        "-print_final_stats=1",
    ]
    return subprocess.run(cmd, check=False).returncode != 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", choices=[[], *TARGETS], default=[])
    parser.add_argument("-n", "--examples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=None, help="derandomize (repeatable run)")
    parser.add_argument("--atheris", type=int, default=0, metavar="SECONDS")
    args = parser.parse_args(argv)
    names = args.targets or list(TARGETS)
    if args.atheris and not atheris_available():
        print("atheris is not installed: hypothesis only", flush=True)
        args.atheris = 0
    crashed = []
    for name in names:
        started = time.perf_counter()
        found = fuzz_with_hypothesis(TARGETS[name], args.examples, args.seed)
        took = time.perf_counter() - started
        status = "ok" if found is None else f"CRASH saved to {save_crash(name, found)}"
        print(f"{name:18} {args.examples:>7} inputs {took:7.1f}s  {status}", flush=True)
        if found is not None:
            crashed.append(name)
        if args.atheris and fuzz_with_atheris(TARGETS[name], args.atheris):
            crashed.append(f"{name} (atheris)")
    print(f"{len(names)} targets, {len(crashed)} crashed: {', '.join(crashed) or 'none'}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
