"""Session 15 speed changes (issue 17's throughput floor): each cheaper path gives what the
path it replaces gave. Invented sentences and random strings; no timing."""

from __future__ import annotations

import random

import pytest

from newsgraph.extractors.doctext import doc_ents, span_ents
from newsgraph.extractors.events.coded import TITLED, _in_name
from newsgraph.extractors.quotes.rules import _heading_breaks_by_one_pattern, heading_breaks
from newsgraph.records import TimeExpr

# pieces that make every alternative of the glued-heading pattern match, fail, or clash
# ('end.-  The': a dash after a sentence end and a run of spaces at the same offset)
_PIECES = [
    " ", "  ", "   ", "a", "s", "Q", "Ro", "The ", "the ", "A ", "An ", "an ", "a ", "In ",
    "Here ", "Yesterday ", "x", "7", ",", ";", "-", ".", "!", "?", '"', "\u201c", "\u201d",
    "'", "\u2019", "\n", "Kestrels ", "Kestrels", "Kestrels-", "\u00e9", "_",
]  # fmt: skip


def test_heading_breaks_agree_with_the_one_pattern_on_random_strings() -> None:
    rnd = random.Random(15)
    for _ in range(20000):
        text = "".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 14)))
        begin = rnd.randint(0, len(text))
        end = rnd.randint(begin, len(text))
        assert heading_breaks(text, begin, end) == _heading_breaks_by_one_pattern(
            text, begin, end
        ), (text, begin, end)


@pytest.mark.parametrize(
    ("text", "begin", "end"),
    [
        ("The quarry closed.-  The mayor said so.", 0, 39),  # dash and spaces at one offset
        ("The quarry closed.-  The mayor said so.", 0, 20),  # the spaces cut off by the end
        ("The quarry closed.- the mayor said so.", 19, 38),  # a dash just before the range
        ("Otters thrive Around 300 live here", 0, 34),  # a function word glued on
        ("walked on  Last March the canal froze", 7, 37),
        ("a fund for Kestrels Kestrels fly south", 0, 38),  # a repeated title word
        ("a fund for Kestrels Kestrels fly south", 12, 38),  # its word cut by the begin
        ("Jean-Kestrels Kestrels fly", 0, 26),
    ],
)
def test_heading_breaks_agree_with_the_one_pattern(text: str, begin: int, end: int) -> None:
    assert heading_breaks(text, begin, end) == _heading_breaks_by_one_pattern(text, begin, end)


def _in_name_by_whole_text(expr: TimeExpr, text: str) -> bool:
    year = text[expr.start : expr.end]
    return len(year) == 4 and year.isdigit() and TITLED.search(text, 0, expr.start) is not None


def test_a_year_in_a_title_is_found_from_the_words_before_it_only() -> None:
    rnd = random.Random(150)
    pieces = ["Act", "Convention", "Accords", "Cup", "xAct", "_Law", " ", "  ", "\n", "\t"]
    pieces += ["\u00a0", "2031", "b", ",", "-", "Summit", "the "]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        start = rnd.randint(0, len(text))
        end = min(len(text), start + 4)
        expr = TimeExpr(start, end, text[start:end], "2031", "DATE")
        assert _in_name(expr, text) == _in_name_by_whole_text(expr, text), (text, start)
    text = "Lawmakers passed the Wetland Convention \n 2031 in June."
    at = text.index("2031")
    assert _in_name(TimeExpr(at, at + 4, "2031", "2031", "DATE"), text)


def test_cached_entities_are_those_of_the_doc(nlp) -> None:
    doc = nlp(
        "Marta Quill of Brevik Mining met officials in Oslo on Monday. Later, the Oslo "
        "council thanked Quill and the Tarn Valley Trust."
    )
    assert list(doc_ents(doc)) == list(doc.ents)
    assert doc_ents(doc) is doc_ents(doc)  # built once
    for sent in doc.sents:
        assert span_ents(sent) == list(sent.ents)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert span_ents(doc[start:end]) == list(doc[start:end].ents), (start, end)


def test_quotation_marks_counted_once_per_text_as_before() -> None:
    from newsgraph.extractors.entities.pronouns import QUOTE_MARKS, _marks_in

    def by_hand(text: str) -> int:
        return sum(
            ch in QUOTE_MARKS
            and not (0 < j < len(text) - 1 and text[j - 1].isalpha() and text[j + 1].isalpha())
            for j, ch in enumerate(text)
        )

    for text in ['"', ',"?', 'won"t', '""', "\u201cOtters", "said.\u201d", "plain", ""]:
        assert _marks_in(text) == by_hand(text) == _marks_in(text), text
