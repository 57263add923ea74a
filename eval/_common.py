"""What the eval scripts share: paths, the shared scorers' runs and spaCy parsing.

Importing this module puts ``src`` on ``sys.path`` so a script can import
``newsgraph`` without an installed package.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEED_GOLD = SHARED / "gold" / "dev" / "seeds.json"
TEMPEVAL = SHARED / "data" / "tempeval3"

if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

Record = dict[str, Any]


def run_scorer(scorer: Path, *args: str) -> str:
    """Run a shared scorer script with ``args``; its standard output."""
    cmd = [sys.executable, str(scorer), *args]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def make_input(scorer: Path, gold: Path, *flags: str) -> list[Record]:
    """The scorer's own input records for ``gold`` (``make-input``)."""
    out = run_scorer(scorer, "make-input", str(gold), *flags)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def write_jsonl(path: Path, rows: Iterable[Record]) -> None:
    """One JSON object per line, UTF-8."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def score_predictions(
    scorer: Path,
    mode: str,
    gold: Path,
    predictions: Iterable[Record],
    keep: Path | None = None,
    name: str = "predictions",
) -> Record:
    """Write predictions (to ``keep/name.jsonl`` when given) and run ``scorer mode gold``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = (keep or Path(tmp)) / f"{name}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_jsonl(path, predictions)
        return json.loads(run_scorer(scorer, mode, str(gold), str(path), "--json"))


def parsed(records: list[Record], batch_size: int) -> Iterator[tuple[Record, Any]]:
    """Each record with its text parsed by the English spaCy pipeline (``nlp.pipe``)."""
    from newsgraph.languages.en import english

    texts = [r["text"] for r in records]
    yield from zip(records, english().pipe(texts, batch_size=batch_size), strict=True)


def held_out(key: str, salt: str) -> bool:
    """One key in three is held out (sha1 of ``salt:key`` mod 3 == 0; stable everywhere)."""
    import hashlib

    return int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest(), 16) % 3 == 0


def extract_short(records: list[Record], tmp: Path, carry: str) -> list[Record]:
    """``newsgraph.extract`` over input records that may be single sentences (read with
    ``min_text_chars=1``); a repeated text is stored once, so each copy is given the
    ``carry`` field of the first."""
    import newsgraph

    path = tmp / "input.jsonl"
    write_jsonl(path, records)
    out = [r.to_dict() for r in newsgraph.extract([str(path)], min_text_chars=1)]
    first = {r["id"]: r for r in out if r["status"] == "ok"}
    for r in out:
        if r["status"] == "duplicate" and r["duplicate_of"] in first:
            r[carry] = first[r["duplicate_of"]].get(carry)
    return out
