"""What the scripts that score a dev file in a tuning and a held-out part share
(``claims_eval.py``, ``tone_eval.py``): the split of the gold file, the pipeline's
predictions, one scorer run per system and part, and the printed table.

A gold file is split by a hash of a key of each row (``_common.held_out``): one key in
three is held out. The parts are written as gold files of the same form (a JSON array
stays an array, JSON Lines stay lines) so the shared scorer reads them as it reads the
whole file.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import extract_short, held_out, make_input, score_predictions, write_jsonl

Record = dict[str, Any]
Predict = Callable[[list[Record], Path], list[Record]]


def read_gold(gold: Path) -> list[Record]:
    """The rows of a gold file: a JSON array, or JSON Lines."""
    text = gold.read_text(encoding="utf-8")
    if gold.suffix == ".json":
        rows: list[Record] = json.loads(text)
        return rows
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def split_gold(gold: Path, tmp: Path, salt: str, key: Callable[[Record], str]) -> dict[str, Path]:
    """Gold files for the whole file (``all``), the tuning part and the held-out part."""
    rows = read_gold(gold)
    out = {"all": gold}
    for name, keep in (("tune", False), ("held-out", True)):
        part = [r for r in rows if held_out(key(r), salt) == keep]
        path = tmp / f"{name}{gold.suffix}"
        if gold.suffix == ".json":
            path.write_text(json.dumps(part, ensure_ascii=False), encoding="utf-8")
        else:
            write_jsonl(path, part)
        out[name] = path
    return out


def pipeline(carry: str) -> Predict:
    """The whole pipeline's records (``newsgraph.extract``, one-sentence inputs allowed);
    a repeated input gets the ``carry`` field of its first copy."""

    def predict(records: list[Record], tmp: Path) -> list[Record]:
        return extract_short(records, tmp, carry)

    return predict


@dataclass(frozen=True)
class Column:
    """One column of the printed table: its header, the scorer's key and its width."""

    header: str
    key: str
    width: int


@dataclass(frozen=True)
class SplitEval:
    """A dev file scored with a shared scorer, whole and in its two parts."""

    scorer: Path
    gold: Path
    salt: str
    key: Callable[[Record], str]
    columns: Sequence[Column]
    count: str  # the scorer's key printed last (how many were scored)

    def score(
        self, systems: Mapping[str, Predict], keep: Path | None, tmp: Path
    ) -> dict[str, Record]:
        """``"system part"`` -> the scorer's result, for every system and part."""
        records = make_input(self.scorer, self.gold)
        parts = split_gold(self.gold, tmp, self.salt, self.key)
        results: dict[str, Record] = {}
        for system, predict in systems.items():
            preds = predict(records, tmp)
            for part, gold in parts.items():
                name = f"{system}-{part}"
                results[f"{system} {part}"] = score_predictions(
                    self.scorer, "score", gold, preds, keep, name
                )
        return results

    def table(self, results: Mapping[str, Record]) -> str:
        """The results as a fixed-width table, one row per system and part."""
        width = max(len(k) for k in results) + 2
        head = "".join(f"{c.header:>{c.width}}" for c in self.columns)
        lines = [f"{'system / part':{width}}{head}  {self.count}"]
        for name, res in results.items():
            cells = "".join(
                f"{res[c.key]:>{c.width}.3f}" if res.get(c.key) is not None else f"{'-':>{c.width}}"
                for c in self.columns
            )
            lines.append(f"{name:{width}}{cells}  {res.get(self.count)}")
        return "\n".join(lines)


def arguments(description: str) -> argparse.ArgumentParser:
    """The options every split eval takes: ``--keep DIR`` and ``--json``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder")
    ap.add_argument("--json", action="store_true")
    return ap


def report(spec: SplitEval, results: Mapping[str, Record], as_json: bool) -> None:
    """Print the results as JSON or as the table."""
    print(json.dumps(results, indent=1) if as_json else spec.table(results))
