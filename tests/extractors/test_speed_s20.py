"""Session 20 speed changes (issue 17's throughput floor): each cheaper path gives what the
path it replaces gave. Invented sentences and random strings; no timing."""

from __future__ import annotations

import random

import pytest

from newsgraph.extractors.quotes.rules import (
    _heading_breaks_by_one_pattern,
    _heading_breaks_range_by_range,
    heading_breaks,
)

# -- glued headings: the offsets where a break can open found once per text ---------------

_PIECES = [
    " ", "  ", "   ", "a", "s", "Q", "Ro", "The ", "the ", "A ", "An ", "an ", "a ", "In ",
    "Here ", "Yesterday ", "x", "7", ",", ";", "-", ".", "!", "?", '"', "\u201c", "\u201d",
    "'", "\u2019", "\n", "Kestrels ", "Kestrels", "Kestrels-", "Kestrelsx", "Jean-", "O'",
    "Kes", "trels ", "\u00e9", "_",
]  # fmt: skip


def test_heading_breaks_of_many_ranges_of_one_text_as_range_by_range() -> None:
    rnd = random.Random(20)
    for _ in range(3000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 24)))
        for _ in range(8):  # several ranges of the same text: the openings are reused
            begin = rnd.randint(-2, len(text) + 2)
            end = rnd.randint(begin - 2, len(text) + 2)
            expected = _heading_breaks_range_by_range(text, begin, end)
            assert heading_breaks(text, begin, end) == expected, (text, begin, end)
            if 0 <= begin <= end <= len(text):
                assert expected == _heading_breaks_by_one_pattern(text, begin, end)


@pytest.mark.parametrize(
    ("text", "begin", "end"),
    [
        ("a fund for Kestrels Kestrels fly south", 0, 38),  # a repeated title word
        ("a fund for Kestrels Kestrels fly south", 0, 28),  # the repeat ends the range
        ("a fund for Kestrels Kestrelsx fly south", 0, 28),  # ... but goes on after it
        ("a fund for Kestrels Kestrels-Ro fly", 0, 28),  # a hyphen after it, cut off
        ("Jean-Kestrels Kestrels fly", 0, 26),  # a capital after a hyphen opens one
        ("walked on  Last March the canal froze", 0, 11),  # spaces cut before the capital
        ("walked on  Last March the canal froze", 0, 37),
        ("Otters thrive Around 300 live here", 0, 21),  # a function word cut before its word
        ("Otters thrive Around 300 live here", 0, 34),
    ],
)
def test_heading_breaks_at_a_range_end_as_range_by_range(text: str, begin: int, end: int) -> None:
    assert heading_breaks(text, begin, end) == _heading_breaks_range_by_range(text, begin, end)
