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


# -- quote speakers: people found by identity, spelled-out names from a word index --------

_SPEAKER_TEXTS = [
    "Marta Quill said the quarry would close. Quill added that Brevik Mining agreed. "
    '"We will leave," Mrs Quill said. Dr Ivo Tarn, of the Tarn Valley Trust, disagreed.',
    "Sharpston spoke first. Later Eleonore Sharpston told the court that Sharpston's ruling "
    'stood. "It stands," said Lord Deben. Deben nodded, and Sharpston left Oslo.',
    "Brevik said nothing. The mayor of Brevik, Anna Lund, said the ferry would sail; Lund "
    "said so twice. Minister Lund and Olaf Brevik met in Brevik on Monday.",
]


def _spelled_out_by_whole_doc(resolver, word: str) -> str | None:
    """The session-18 loop: every token of the document, per name (the check of the word
    before is shared; what the test compares is the walk)."""
    from newsgraph.extractors.quotes.speakers import given_word

    for tok in resolver.doc:
        if tok.text == word and tok.i > 0 and given_word(resolver.doc[tok.i - 1], resolver.lex):
            return f"{resolver.doc[tok.i - 1].text} {word}"
    return None


@pytest.mark.parametrize("text", _SPEAKER_TEXTS)
def test_speaker_resolver_as_with_a_list_of_people_and_a_whole_doc_pass(nlp, text: str) -> None:
    from newsgraph.extractors.doctext import doc_ents
    from newsgraph.extractors.quotes.rules import cue_lexicon
    from newsgraph.extractors.quotes.speakers import (
        _WORD,
        SpeakerResolver,
        _modifies_a_noun,
        _share_gender,
    )

    doc = nlp(text)
    lex = cue_lexicon()
    quoted = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"', text)]
    resolver = SpeakerResolver(doc, lex, quoted)
    persons = [e for e in doc.ents if e.label_ == "PERSON" and _WORD.search(e.text)]
    outside = [e for e in doc_ents(doc) if not any(a <= e.start_char < b for a, b in quoted)]
    by_list = [
        resolver._person(e) for e in outside if e in persons and not _modifies_a_noun(e, lex)
    ]
    assert resolver.people == _share_gender(by_list)
    assert resolver.people  # the texts name people outside quotes
    for word in {t.text for t in doc}:
        assert resolver._spelled_out(word) == _spelled_out_by_whole_doc(resolver, word), word


# -- pronouns: inside-quotation flags from each token's marks read once ------------------


def _inside_quotes_per_token(doc) -> list[bool]:
    """The session-18 loop: each token's marks read per pass."""
    from newsgraph.extractors.entities.pronouns import _closing, _marks

    found = [False] * len(doc)
    for sent in doc.sents:
        marks = [t for t in sent if _marks(t)]
        inside = sum(_marks(t) for t in marks) % 2 == 1 and _closing(marks[0])
        for tok in sent:
            if "\n" in tok.text:
                inside = False
            if _marks(tok) % 2:
                inside = not inside
            elif not _marks(tok):
                found[tok.i] = inside
    return found


@pytest.mark.parametrize(
    "text",
    [
        '"We will leave," Marta Quill said. She said "the quarry is done" and left.',
        'He was very hard-working.\u201d The warden said so. "Otters,\u201d she said, "thrive."',
        'The trust said "the ferry\n\nwill sail" on Monday. "It won"t," Lund said.',
        "No marks at all in this one. Nor here.",
        '"Open quote with no end. Then "another" and ","?" glued.',
    ],
)
def test_inside_quotes_as_when_marks_were_read_per_pass(nlp, text: str) -> None:
    from newsgraph.extractors.entities.pronouns import _inside_quotes

    doc = nlp(text)
    assert _inside_quotes(doc) == _inside_quotes_per_token(doc)


# -- 'according to': a token that opens no phrase is answered without a slice per phrase --


def _according_to_by_every_phrase(tok, lex):
    """The session-18 loop: every phrase sliced at every token."""
    from newsgraph.extractors.doctext import token_lowers

    doc = tok.doc
    lowers = token_lowers(doc)
    for phrase in lex.according_to:
        if tuple(lowers[tok.i : tok.i + len(phrase)]) == phrase:
            last = doc[tok.i + len(phrase) - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "agent", "dobj")]
            if objects and objects[0].lemma_.lower() in lex.measure_nouns:
                return None
            if any(c.dep_ == "nsubjpass" for c in doc[tok.i].children):
                return None
            if objects:
                return objects[0]
    return None


@pytest.mark.parametrize(
    "text",
    [
        "According to the Brevik warden, the otters thrive. The ferry sails, according to Lund.",
        "Seats were shared according to the number of votes. According to, the end",
        "Marta Quill was quoted by the Tarn Gazette as saying the quarry would close.",
        "according",
    ],
)
def test_according_to_as_when_every_phrase_was_sliced(nlp, text: str) -> None:
    from newsgraph.extractors.quotes.cues import according_to
    from newsgraph.extractors.quotes.rules import cue_lexicon

    lex = cue_lexicon()
    doc = nlp(text)
    for tok in doc:
        assert according_to(tok, lex) == _according_to_by_every_phrase(tok, lex), tok.i


# -- a span's text sliced from the document's text -------------------------------------


def test_span_text_is_what_spacy_joins(nlp) -> None:
    from newsgraph.extractors.doctext import span_text

    doc = nlp(
        "Did the Brevik council vote?  Marta Quill said so.\n\nThe ferry sails at noon. "
        '"Otters," she said, "thrive here" \u2014 or did they? '
    )
    for sent in doc.sents:
        assert span_text(sent) == sent.text
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text, (start, end)
