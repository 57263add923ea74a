"""Issue 12, case 2: a text over the parser's limit (spaCy's E088 over ``max_length``) is
parsed in parts within a size and time budget; a parser failure costs that article its
parse, never the batch."""

from __future__ import annotations

import pytest

from newsgraph.extractors.parse_guard import (
    NOT_PARSED,
    SPLIT,
    merge_parts,
    parse_articles,
    split_ranges,
)
from newsgraph.extractors.stage import analyse_articles
from newsgraph.languages.en import english
from newsgraph.records import Article, Attribution, Claim, Entity, Mention, Quote, Span, Speaker

SHORT = 'President Emmanuel Macron met Vladimir Putin in Moscow. "We will talk," Putin said.'


def article(n: int, text: str) -> Article:
    return Article(id=f"a{n}", source=f"a{n}.txt", text=text, language="en")


@pytest.fixture
def small_limit():
    nlp = english()
    before = nlp.max_length
    nlp.max_length = 2_000
    yield nlp.max_length
    nlp.max_length = before


def test_a_text_over_the_parsers_limit_is_parsed_in_parts(small_limit):
    long_text = (SHORT + "\n\n") * 40  # over 2,000 characters
    batch = [article(1, SHORT), article(2, long_text), article(3, SHORT)]
    done = analyse_articles(batch)
    assert [a.id for a in done] == ["a1", "a2", "a3"]
    assert done[0].quotes and done[2].quotes  # its neighbours are analysed
    long = done[1]
    assert long.text == long_text and NOT_PARSED not in long.extensions
    note = long.extensions[SPLIT]
    assert note["parts"] == 2 and note["parsed"] == 2 and note["part_chars"] == 2_000
    assert note["parsed_chars"] == len(long_text) and "cut" not in note
    # every quote of every part, at its place in the whole text
    assert len(long.quotes) == 40 * len(done[0].quotes)
    for quote in long.quotes:
        assert long.text[quote.start : quote.end] == quote.text
    # one entity per person across the parts, with the mentions of all of them
    putin = [e for e in long.entities if "Putin" in e.name]
    assert len(putin) == 1 and len(putin[0].mentions) == 80
    assert all(long.text[m.start : m.end] == m.text for e in long.entities for m in e.mentions)
    assert [m.start for m in putin[0].mentions] == sorted(m.start for m in putin[0].mentions)
    for event in long.events:
        trigger = event.trigger
        assert long.text[trigger.start : trigger.end] == trigger.text
    assert SPLIT not in done[0].extensions


def test_only_max_parsed_chars_of_a_text_are_parsed(small_limit, monkeypatch, caplog):
    monkeypatch.setenv("NEWSGRAPH_NLP_MAX_PARSED_CHARS", "4500")
    long_text = (SHORT + "\n\n") * 100 + "Talks began on March 3, 2017."
    done = analyse_articles([article(1, long_text)])[0]
    note = done.extensions[SPLIT]
    assert note["parsed"] == 2 and note["parts"] == 5 and note["parsed_chars"] <= 4_500
    assert note["code"] == "NG401" and "max_parsed_chars" in note["cut"]
    assert max(q.end for q in done.quotes) <= note["parsed_chars"]
    # the time expressions are found in the whole text, the unparsed rest included
    assert [t.value for t in done.times if t.start > note["parsed_chars"]] == ["2017-03-03"]
    assert "NG401" in caplog.text and "a1" in caplog.text


def test_no_new_part_after_the_time_budget(small_limit, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_NLP_MAX_SECONDS_PER_TEXT", "0")
    done = analyse_articles([article(1, (SHORT + "\n\n") * 100)])[0]
    note = done.extensions[SPLIT]
    assert note["parsed"] == 1 and note["parts"] == 5 and "max_seconds_per_text" in note["cut"]
    assert done.quotes and max(q.end for q in done.quotes) <= note["parsed_chars"]


def test_parts_end_at_paragraphs_then_sentences_then_spaces():
    text = "One two three. " * 10 + "\n\n" + "Four five six. " * 10
    ranges = split_ranges(text, 200)
    assert ranges == [(0, 152), (152, len(text))]  # after the blank line
    text = "One two three. " * 40
    ranges = split_ranges(text, 100)
    assert all(end - start <= 100 for start, end in ranges)
    assert all(text[start:end].endswith(". ") for start, end in ranges[:-1])
    # an over-long sentence is cut between words; a text without spaces anywhere
    words = " ".join(["word"] * 100)
    ranges = split_ranges(words, 64)
    assert all(words[end - 1] == " " for _, end in ranges[:-1])
    assert split_ranges("x" * 250, 100) == [(0, 100), (100, 200), (200, 250)]
    for text, size in ((words, 64), ("x" * 250, 100), ("", 10), ("short", 10)):
        ranges = split_ranges(text, size)
        assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))


def test_merge_shifts_offsets_and_joins_entities():
    whole = Article(id="w", source="w", text="x" * 100, tone=None)
    mention = Mention(2, 7, "Putin")
    quote = Quote(10, 20, "we will go", True, speaker=Speaker("Q7747", "Putin", 2, 7, "Putin"))
    claim = Claim(
        12, 14, "5%", 5.0, attribution=Attribution("quote", quote=0), sentence=Span(0, 30)
    )
    title = Claim(None, None, "3%", 3.0, part="title", title_start=0, title_end=2)
    one = whole.replace(
        text="x" * 50,
        entities=(Entity("Q7747", "Vladimir Putin", "PERSON", None, (mention,)),),
        quotes=(quote,),
        claims=(title, claim),
        tone=1.0,
        extensions={"sentences": 2},
    )
    two = one.replace(
        entities=(Entity("Q7747", "Vladimir Putin", "PERSON", "RUS", (mention,)),), tone=-2.0
    )
    merged = merge_parts(whole, [(0, one), (50, two)])
    (putin,) = merged.entities
    assert [m.start for m in putin.mentions] == [2, 52] and putin.country == "RUS"
    assert [q.start for q in merged.quotes] == [10, 60]
    assert [q.speaker.start for q in merged.quotes if q.speaker] == [2, 52]
    assert [c.start for c in merged.claims] == [None, 12, 62]  # one headline claim
    assert [c.attribution.quote for c in merged.claims if c.attribution] == [0, 1]
    assert [c.sentence.start for c in merged.claims if c.sentence] == [0, 50]
    assert merged.tone == -0.5 and merged.extensions == {"sentences": 4}


class FlakyParser:
    """A parser that fails on texts holding 'BOOM', as a real one may on odd input."""

    max_length = 1_000_000

    def __init__(self) -> None:
        self.nlp = english()

    def pipe(self, texts, batch_size=8):
        for text in texts:
            if "BOOM" in text:
                raise RuntimeError("parser bug")
            yield self.nlp(text)


def test_a_parser_failure_costs_one_article(caplog):
    batch = [article(n, SHORT + (" BOOM" if n == 2 else "")) for n in range(5)]
    parsed = list(parse_articles(FlakyParser(), batch, batch_size=8))
    assert [a.id for a, _ in parsed] == [a.id for a in batch]
    assert [doc is None for _, doc in parsed] == [False, False, True, False, False]
    assert all(doc.text == a.text for a, doc in parsed if doc is not None)
    assert "NG401" in caplog.text and "a2" in caplog.text
