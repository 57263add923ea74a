"""Datelines and agency tags."""

from __future__ import annotations

import pytest

from newsgraph.inputs.meta import HEAD_CHARS, canonical_agency, find_dateline, outlet_from_text

CASES = [
    # text, dateline text, place, month, day, year, outlet
    (
        "ST. PETERSBURG, April 24. /TASS/.\u00a0It is wrong to say that Moscow was unhappy.",
        "ST. PETERSBURG, April 24. /TASS/.", "ST. PETERSBURG", 4, 24, None, "TASS",
    ),
    (
        "MOSCOW, March 3 (Reuters) - Russia said on Friday it would respond.",
        "MOSCOW, March 3 (Reuters) -", "MOSCOW", 3, 3, None, "Reuters",
    ),
    ("PARIS (AP) \u2014 The French president said.", "PARIS (AP) \u2014", "PARIS", None, None, None, "AP"),
    (
        "WASHINGTON, Jan. 5, 2017 \u2014 The outgoing administration announced.",
        "WASHINGTON, Jan. 5, 2017 \u2014", "WASHINGTON", 1, 5, 2017, None,
    ),
    (
        "\u041c\u041e\u0421\u041a\u0412\u0410, 24 \u0430\u043f\u0440\u0435\u043b\u044f. /\u0422\u0410\u0421\u0421/. \u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b.",
        "\u041c\u041e\u0421\u041a\u0412\u0410, 24 \u0430\u043f\u0440\u0435\u043b\u044f. /\u0422\u0410\u0421\u0421/.",
        "\u041c\u041e\u0421\u041a\u0412\u0410", 4, 24, None, "TASS",
    ),
    (
        "KIEV, Ukraine (AP) \u2014 Ukraine's parliament voted.",
        "KIEV, Ukraine (AP) \u2014", "KIEV, Ukraine", None, None, None, "AP",
    ),
    (
        "Moscow, 24 April (Interfax) - The ministry said.",
        "Moscow, 24 April (Interfax) -", "Moscow", 4, 24, None, "Interfax",
    ),
    (
        "UNITED NATIONS, Sept. 12 (Xinhua) -- The council met.",
        "UNITED NATIONS, Sept. 12 (Xinhua) --", "UNITED NATIONS", 9, 12, None, "Xinhua",
    ),
    ("DES MOINES, Iowa \u2014 One editorial.", "DES MOINES, Iowa \u2014", "DES MOINES, Iowa", None, None, None, None),
    ("PARIS, 24 avril (AFP) - Le pr\u00e9sident.", "PARIS, 24 avril (AFP) -", "PARIS", 4, 24, None, "AFP"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "place", "month", "day", "year", "outlet"), CASES)
def test_datelines(text, span, place, month, day, year, outlet) -> None:
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == span == found.text
    assert (found.place, found.month, found.day, found.year, found.outlet) == (
        place, month, day, year, outlet,
    )  # fmt: skip


def test_dateline_after_byline_line_has_right_offsets() -> None:
    text = "By Jane Doe\nLONDON, May 7 (Reuters) - Britain said."
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == "LONDON, May 7 (Reuters) -"


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin on Friday denied it.",
        "NATO said on Monday that it would send more troops.",
        "BREAKING \u2014 Putin and Macron to meet",
        "US President Trump said so.",
        "Today (Nov. 18), NASA announced the selection.",
        "Paris, Feb. 30 (AFP) - an impossible date.",
        "Moscow is big.",
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_only_head_is_searched() -> None:
    text = "x " * (HEAD_CHARS // 2 + 10) + "\nMOSCOW, March 3 (Reuters) - late."
    assert find_dateline(text) is None


def test_outlet_from_text() -> None:
    assert outlet_from_text("PARIS (AP) \u2014 x") == "AP"
    assert outlet_from_text("Headline\n\nThe ministry said (TASS) on Monday.") == "TASS"
    tail = "Body text here.\n(Reporting by Jane Doe; Editing by John Roe)"
    assert outlet_from_text(tail) == "Reuters"
    assert outlet_from_text("Marine Le Pen (FN) met Putin on Friday.") is None
    assert outlet_from_text("Press TV reported that the talks failed.") is None
    assert (
        canonical_agency("\u0420\u0418\u0410  \u041d\u043e\u0432\u043e\u0441\u0442\u0438")
        == "RIA Novosti"
    )


@pytest.mark.shared
def test_seed_tass_dateline(shared) -> None:
    text = shared("corpus", "seeds", "001_67ea23102d894fe1.txt").read_text("utf-8")
    found = find_dateline(text)
    assert found is not None
    assert (found.month, found.day, found.outlet) == (4, 24, "TASS")
    assert text[found.start : found.end].startswith("ST. PETERSBURG")
