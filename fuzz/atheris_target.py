"""One fuzz target under atheris: ``python fuzz/atheris_target.py TARGET [libFuzzer flags]``.

Coverage-guided: atheris instruments newsgraph's ingest modules and mutates inputs
towards new branches, starting from the seed corpus in tests/fuzz_corpus/. Only
``IngestError`` may escape a target; anything else stops the run and libFuzzer writes
the input to ``-artifact_prefix``. Needs the ``atheris`` module (``make fuzz`` puts it
in .cache/atheris; it is not a project dependency).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "tests" / "fuzz_corpus"
WORK = HERE.parent / ".cache" / "fuzz"
sys.path.insert(0, str(HERE))

with atheris.instrument_imports(include=["newsgraph"]):
    from fuzz_targets import TARGETS, call_target


def main() -> None:
    name, flags = sys.argv[1], sys.argv[2:]
    target = TARGETS[name]

    def one_input(data: bytes) -> None:
        call_target(target.run, data)

    work = WORK / name  # the corpus atheris grows, kept between runs; seeds stay untouched
    work.mkdir(parents=True, exist_ok=True)
    atheris.Setup([sys.argv[0], *flags, str(work), str(SEEDS)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
