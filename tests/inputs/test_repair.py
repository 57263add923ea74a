"""Mojibake repair: mis-decoded UTF-8 put back, correct text of any script left alone."""

from __future__ import annotations

import pytest

from newsgraph.inputs.repair import repair_mojibake, repair_optional

REPAIRED = [
    # UTF-8 read as cp1252, as in the "Bill O...Reilly"
    (
        "Fox News host Bill O\u00e2\u20ac\u2122Reilly asked",
        "Fox News host Bill O\u2019Reilly asked",
    ),
    ("Fran\u00c3\u00a7ois Hollande", "Fran\u00e7ois Hollande"),
    (
        "\u00e2\u20ac\u0153We will respond,\u00e2\u20ac\u009d he said",
        "\u201cWe will respond,\u201d he said",
    ),
    ("the 2017\u00e2\u20ac\u201c2018 budget", "the 2017\u20132018 budget"),
    # twice mis-decoded
    ("Fran\u00c3\u0192\u00c2\u00a7ois", "Fran\u00e7ois"),
    # UTF-8 read as cp1251 (Russian)
    (
        "\u0420\u045f\u0421\u0453\u0421\u201a\u0420\u0451\u0420\u0405 said",
        "\u041f\u0443\u0442\u0438\u043d said",
    ),
]

CORRECT = [
    "Plain ASCII with 'straight' quotes & &amp; entities.",
    "\u201cCurly quotes\u201d and \u2018single ones\u2019 \u2014 with dashes \u2013 stay.",
    "Na\u00efve caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, S\u00c3O PAULO, \u00c3gua, \u00c2ngelo.",
    "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0420\u043e\u0441\u0441\u0438\u0438 "
    "\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0443\u0442\u0438\u043d.",
    "\u4e60\u8fd1\u5e73\u4e3b\u5e2d \u00b7 \uff11\uff12\u6708 \u00b7 \ufb01nance \u00bd \u00b0C \u20ac5",
    "Bill O\ufffd\ufffdReilly",  # bytes already lost: nothing to recover, nothing invented
    "Line one\r\nline two\u2028three\tfour",
]


@pytest.mark.parametrize(("broken", "fixed"), REPAIRED)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert repair_mojibake(broken) == fixed


@pytest.mark.parametrize("text", CORRECT)
def test_correct_text_is_unchanged(text: str) -> None:
    assert repair_mojibake(text) == text


def test_missing_values_pass_through() -> None:
    assert repair_optional(None) is None and repair_optional("") == ""
    assert repair_optional("O\u00e2\u20ac\u2122Reilly") == "O\u2019Reilly"


def test_ingest_repairs_text_and_title(tmp_path) -> None:
    import json

    from newsgraph.run.pipeline import process
    from newsgraph.settings import Settings

    body = (
        "Fox News host Bill O\u00e2\u20ac\u2122Reilly asked President Donald Trump about "
        "Vladimir Putin in an interview broadcast on Sunday. " * 3
    )
    path = tmp_path / "m.jsonl"
    record = {"id": "m1", "title": "O\u00e2\u20ac\u2122Reilly and Trump", "text": body}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = process([str(path)], Settings())
    assert article.title == "O\u2019Reilly and Trump"
    assert "Bill O\u2019Reilly asked" in article.text and "\u00e2\u20ac" not in article.text


def test_long_text_repaired_line_by_line_as_ftfy_does() -> None:
    from ftfy import fix_text

    from newsgraph.inputs.repair import _config

    lines = [f"({n}) Caf\u00e9 owners met the minister on Monday." for n in range(3000)]
    clean = "\n".join(lines) + "\n\n" + "x" * 2_500_000  # a line over ftfy's segment length
    assert repair_mojibake(clean) is clean  # nothing to fix: no copy of the text
    lines[1500] = "Bill O\u00e2\u20ac\u2122Reilly said so."
    broken = "\n".join(lines) + "\nr\u00c3\u00a9sum\u00c3\u00a9"
    repaired = repair_mojibake(broken)
    assert repaired == fix_text(broken, _config())
    assert "Bill O\u2019Reilly said so." in repaired and repaired.endswith("r\u00e9sum\u00e9")
