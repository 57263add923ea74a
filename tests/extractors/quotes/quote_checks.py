"""Helpers shared by the quote tests: run ``find_quotes`` on a text and pick a quote."""

from __future__ import annotations

from newsgraph.extractors.quotes.finder import find_quotes
from newsgraph.records import Quote


def quotes_of(nlp, text: str, *, layer: bool = False) -> list[Quote]:
    """find_quotes on ``text`` (through the entity layer's hook when ``layer``), with every
    quote's and speaker's offsets checked against the text."""
    doc = nlp(text)
    resolve = None
    if layer:
        from newsgraph.extractors.entities import find_entities

        resolve = find_entities(doc, published="2017-03-01").resolve
    found = find_quotes(doc, resolve=resolve)
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return found


def none_with(found: list[Quote], words: str) -> None:
    """No quote holds ``words``."""
    assert not [q for q in found if words in q.text], [(q.cue, q.text) for q in found]


def only(found: list[Quote], words: str) -> Quote:
    """The one quote holding ``words``."""
    hits = [q for q in found if words in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


def speaker_name(nlp, text: str, words: str, layer: bool = False) -> str:
    """The name of the speaker of the one quote holding ``words`` (it must have one)."""
    quote = only(quotes_of(nlp, text, layer=layer), words)
    assert quote.speaker is not None, quote
    return quote.speaker.name or ""
