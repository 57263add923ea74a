"""Session 19 speed changes (issue 17's throughput floor): each cheaper path gives what the
path it replaces gave. Invented sentences and random strings; no timing."""

from __future__ import annotations

import random
import re

import pytest

from newsgraph.extractors.times.finder import RULES, find_times

# -- time expressions: each rule tried only at the word starts it can open with ----------

_TIME_PIECES = [
    " ", "  ", "\n", "-", ",", ".", "'", ":", "/", "a", "t", "S", "x", "7", "0", "1", "19",
    "2031", "the ", "last ", "next ", "this ", "early ", "mid-", "late ", "March ", "Tuesday ",
    "TUESDAY ", "tuesday ", "week", "weeks ", "years ", "ago ", "every ", "three ", "twenty-two ",
    "3 p.m. ", "noon ", "decades ", "1990s ", "'90s ", "21st century ", "year-ago ", "daily ",
    "soon ", "now ", "\u212a", "\u017f", "\u0130", "\u00e9", "about ", "more than ", "fall ",
]  # fmt: skip


def _by_every_offset(text: str) -> list[tuple[int, tuple[int, int], tuple]]:
    return [
        (i, m.span(), m.groups()) for i, r in enumerate(RULES) for m in r.pattern.finditer(text)
    ]


def _by_openings(text: str) -> list[tuple[int, tuple[int, int], tuple]]:
    from newsgraph.extractors.times.finder import _OPENINGS

    return [(i, m.span(), m.groups()) for i, m in _OPENINGS.finditer(text)]


def test_time_rules_tried_at_their_openings_match_as_finditer_on_random_strings() -> None:
    rnd = random.Random(19)
    for _ in range(6000):
        text = "".join(rnd.choice(_TIME_PIECES) for _ in range(rnd.randint(0, 16)))
        assert _by_openings(text) == _by_every_offset(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The Brevik ferry sailed last Tuesday, and again on March 3, 2031, at 3 p.m.",
        "Otter counts rose for three straight years in the 1990s; the '90s were dry.",
        "Every other week since mid-2019 the council met twice daily, until now.",
        "A year-ago figure of 2,031 and the 21st century's first decade-long survey.",
        "Marta Quill, 45, said on 12.03.2031 that 2031-03-12 was the day.",
        "\u212aestrels arrived LAST WEEK, the warden said this morning.",
    ],
)
def test_time_rules_tried_at_their_openings_match_as_finditer(text: str) -> None:
    assert _by_openings(text) == _by_every_offset(text)
    assert find_times(text, anchor="2031-03-14")  # the sentences hold a time expression


def test_every_time_rule_has_an_opening_and_odd_patterns_have_none() -> None:
    from newsgraph.extractors.times.firstchars import WORD_START, opening

    assert all(opening(rule.pattern) is not None for rule in RULES)
    gate = opening(re.compile(WORD_START + r"(?:(?:early|late)\s+)?(?-i:March|May)", re.I))
    assert gate is not None
    assert all(gate.match(c) for c in "eElLmM") and not gate.match("x")
    # no word-start prefix, a possibly empty match, a negated class, any character
    for pattern in (
        r"March",
        WORD_START + r"(?:spring)?",
        WORD_START + r"[^a]x",
        WORD_START + ".x",
    ):
        assert opening(re.compile(pattern, re.I)) is None, pattern
