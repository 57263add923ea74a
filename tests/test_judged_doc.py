"""docs/quality.md's hand-judged events stay readable by eval/judged.py.

Every fresh sample adds a block of 50 event verdicts; eval/judged.py re-extracts them to
check that no event judged right is lost. A verdict line written in another shape would
silently drop out of that check, so each block must yield its 50 items.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _judged():
    spec = importlib.util.spec_from_file_location("judged", ROOT / "eval" / "judged.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_every_event_verdict_block_yields_fifty_items() -> None:
    judged = _judged()
    text = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    blocks = judged.BLOCK.findall(text)
    items = judged.verdicts()
    assert len(blocks) >= 17
    assert len(items) == 50 * len(blocks)
    for seed in blocks:
        numbers = sorted(i["n"] for i in items if i["seed"] == seed)
        assert numbers == list(range(1, 51)), seed
    for item in items:
        assert re.fullmatch(r"tmt-\d+", item["article"])
        assert item["trigger"]
        assert item["verdict"] == "right" or item["verdict"].startswith(("wrong", "not an"))


def test_verdict_line_shapes(tmp_path: Path) -> None:
    judged = _judged()
    doc = tmp_path / "q.md"
    doc.write_text(
        "<details><summary>The 50 event verdicts of the seed-7 sample</summary>\n\n"
        "1. right (AGREE 'meet', tmt-12): a meeting.\n"
        "2. **wrong target** (ACCUSE 'blamed', tmt-3): the wrong one.\n"
        "3. **not an event** (COERCE 'law', tmt-9): a film.\n"
        "</details>\n"
        "4. right (AGREE 'meet', tmt-12): outside a block, not read.\n",
        encoding="utf-8",
    )
    items = judged.verdicts(doc)
    assert [(i["n"], i["verdict"], i["type"], i["trigger"]) for i in items] == [
        (1, "right", "AGREE", "meet"),
        (2, "wrong target", "ACCUSE", "blamed"),
        (3, "not an event", "COERCE", "law"),
    ]
