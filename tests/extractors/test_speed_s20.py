"""Session 20 speed changes (issue 17's throughput floor): each cheaper path gives what the
path it replaces gave. Invented sentences and random strings; no timing."""

from __future__ import annotations

import random

import pytest

from newsgraph.extractors.doctext import sentences_spanned
from newsgraph.extractors.quotes.indirect import _Covered
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


# -- reported clauses: a token inside a quote found by bisection ---------------------------


class _Quote:
    def __init__(self, outer_start: int, outer_end: int) -> None:
        self.outer_start, self.outer_end = outer_start, outer_end


def test_covered_offsets_as_a_pass_over_the_quotes() -> None:
    rnd = random.Random(200)
    for _ in range(3000):
        quotes = []
        for _ in range(rnd.randint(0, 6)):
            start = rnd.randint(0, 40)
            quotes.append(_Quote(start, start + rnd.randint(-2, 12)))  # empty and touching too
        covered = _Covered(quotes)  # type: ignore[arg-type]
        for offset in range(-1, 56):
            expected = any(q.outer_start <= offset < q.outer_end for q in quotes)
            assert covered.holds(offset) == expected, ([vars(q) for q in quotes], offset)


# -- same speaker: sentences counted by number, not by a sentence Span per token -----------


@pytest.mark.parametrize(
    "text",
    [
        "Marta Quill spoke first. The quarry will close, she said. Nobody answered her. "
        "Workers left early! Did the council agree? It did, Quill said.",
        "One line only, with no second sentence at all",
    ],
)
def test_sentences_spanned_counts_the_sentences_of_the_tokens(nlp, text: str) -> None:
    doc = nlp(text)
    for first in range(len(doc)):
        for last in range(first, len(doc)):
            expected = len({t.sent.start for t in doc[first : last + 1]})
            assert sentences_spanned(doc, first, last) == expected, (first, last)


# -- time expressions: a rule tried only at word starts whose first two characters fit ----

_TIME_PIECES = [
    " ", "  ", "\n", "-", ",", ".", "'", "a", "an", "t", "th", "S", "x", "7", "0", "19",
    "2031", "the ", "last ", "next ", "a ", "an ", "a couple of ", "a few ", "at least ",
    "mid-", "March ", "Tuesday ", "tuesday ", "week", "weeks ", "years ", "ago ", "every ",
    "three ", "twenty-two ", "3 p.m. ", "noon ", "1990s ", "'90s ", "daily ", "now ", "\u212a",
    "\u017f", "\u0130", "\u00e9", "about ", "more than ", "one or two ", "7-10 ",
]  # fmt: skip


def test_time_rules_tried_at_fitting_pairs_match_as_at_fitting_first_characters() -> None:
    from newsgraph.extractors.times.finder import _OPENINGS, RULES
    from newsgraph.extractors.times.firstchars import Openings

    by_first_char = Openings([rule.pattern for rule in RULES])
    by_first_char.pair_gates = [None] * len(RULES)  # the session 19 gate alone
    rnd = random.Random(2020)
    for _ in range(4000):
        text = "".join(rnd.choice(_TIME_PIECES) for _ in range(rnd.randint(0, 14)))
        got = [(i, m.span(), m.groups()) for i, m in _OPENINGS.finditer(text)]
        expected = [(i, m.span(), m.groups()) for i, m in by_first_char.finditer(text)]
        plain = [
            (i, m.span(), m.groups()) for i, r in enumerate(RULES) for m in r.pattern.finditer(text)
        ]
        assert got == expected == plain, text


def test_opening_pairs_name_the_first_two_characters() -> None:
    import re

    from newsgraph.extractors.times.finder import RULES
    from newsgraph.extractors.times.firstchars import WORD_START, opening_pairs

    assert all(opening_pairs(rule.pattern) is not None for rule in RULES)
    gate = opening_pairs(re.compile(WORD_START + r"(?:a\s+)?(?:the|\d+)x?", re.I))
    assert gate is not None
    for pair in ("a ", "A\t", "th", "TH", "12", "1x", "1 ", "7"):
        assert gate.match(pair), pair  # '1 ': a one-digit match, anything after it
    for pair in ("an", "at", "ta", "x1", " a"):
        assert not gate.match(pair), pair
    # a repeat of one character pairs it with itself; an optional part lets the next open
    gate = opening_pairs(re.compile(WORD_START + r"b{2,}(?:-)?c", re.I))
    assert gate is not None and gate.match("bb") and not gate.match("bc")
    # a back-reference or any character after the first: no pairs can be named
    assert opening_pairs(re.compile(WORD_START + r"(a)\1", re.I)) is None
    assert opening_pairs(re.compile(WORD_START + r"a.", re.I)) is None


# -- number scanners: word lists grouped under their first character ----------------------


def _claim_pieces() -> list[str]:
    from newsgraph.extractors.claims.scan import words

    w = words("en")
    keys = [k for name in ("word_numbers", "fractions", "multipliers", "units") for k in w[name]]
    keys += list(w["currency_prefixes"]) + list(w["unit_codes"]) + list(w["months"])
    rnd = random.Random(7)
    pieces = [" ", "  ", "-", ",", ".", "%", "$", "7", "12", "3.5", "1,200", "of", "in", "out"]
    pieces += ["a", "an", "the", "\u212a", "\u017f", "\u0130", "\u0131", "\u00e9", "x"]
    pieces += [rnd.choice((k, k.upper(), k.title())) for k in keys]
    return pieces


def test_number_scanners_with_grouped_word_lists_match_as_with_plain_ones() -> None:
    from newsgraph.extractors.claims.scan import _compile_patterns, _patterns, _plain_alternation

    grouped, plain = _patterns("en"), _compile_patterns("en", _plain_alternation)
    pieces = _claim_pieces()
    rnd = random.Random(2000)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        for name, pattern in grouped.items():
            got = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            expected = [(m.span(), m.groups()) for m in plain[name].finditer(text)]
            assert got == expected, (name, text)


def test_grouped_alternation_keeps_the_order_of_its_keys() -> None:
    import re

    from newsgraph.extractors.claims.scan import _alternation

    keys = ["ab", "Abc", "abcd", "b", "B"]
    assert _alternation(keys) == "a(?:bcd|bc|b)|b(?:|)"  # case-blind: one group a letter
    assert _alternation(keys, folded=False) == "a(?:bcd|b)|A(?:bc)|b(?:)|B(?:)"
    assert re.fullmatch(_alternation(["\u017ftar", "star"]), "star")  # plain: no grouping
    assert _alternation(["\u017ftar", "star"]) == "\u017ftar|star"


# -- entity layer: the mentions' spans built once per layer -------------------------------


def test_entity_layer_spans_as_built_per_call(nlp) -> None:
    from newsgraph.extractors.entities.layer import find_entities

    doc = nlp(
        "Marta Quill, the mayor of Brevik, met Ivo Tarn in Oslo. She said the mayor and "
        "Tarn agreed. Quill later told Norway's Brevik Mining that he was wrong."
    )
    layer = find_entities(doc, published="2031-03-14")
    kinds = {(r.start, r.end): r.kind for r in layer.references}
    expected = [
        (e.id, m.start, m.end, kinds.get((m.start, m.end), "name"))
        for e in layer.entities
        for m in e.mentions
    ]
    assert list(layer._spans()) == expected
    assert layer._spans() is layer._spans()  # built once, read on every later call
    assert {kind for *_, kind in expected} >= {"name", "pronoun"}


# -- event actors: the walk back to a line's start stops where no place line can reach ----


def _dashed_place_by_whole_line(doc, i: int) -> bool:
    from newsgraph.extractors.events.actor_words import DASHES

    first = i
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    j = first
    for part in range(2):
        if part and (j >= len(doc) or doc[j].text != ","):
            break
        j += part
        begin = j
        while j < len(doc) and j - begin < 4 and doc[j].is_title and doc[j].is_alpha:
            j += 1
        if j == begin:
            return False
    dash = j < len(doc) and doc[j].text in DASHES and doc[j].whitespace_ != ""
    return dash and first <= i < j


@pytest.mark.parametrize(
    "text",
    [
        "Brevik Upper Tarn Valley, North Quill Coast Lands - The council met.\n"
        "Oslo - Marta Quill said the quarry would close.\nKESTREL BAY - Nobody came.",
        "The council met in Brevik Upper Tarn Valley, North Quill Coast Lands - and left. "
        "Then Ivo Tarn Lund Berg Dahl Moe - spoke.\nA B C D, E F G H - x",
    ],
)
def test_dashed_place_as_when_the_whole_line_was_walked(nlp, text: str) -> None:
    from newsgraph.extractors.events.actor_words import _dashed_place

    doc = nlp(text)
    found = [_dashed_place(doc, i) for i in range(len(doc))]
    assert found == [_dashed_place_by_whole_line(doc, i) for i in range(len(doc))]
    assert any(found)
