"""A document that speaks is its author's: 'The statement said' after 'X issued a
statement', 'a statement issued by X', and 'it' standing for 'X's statement' (issue 17,
session 11, after the seed-9700 sample and dev draw 9710). Sentences invented."""

from __future__ import annotations

import pytest
from quote_checks import only, quotes_of

spacy = pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("text", "words", "author"),
    [
        (
            "The Foreign Ministry issued a statement on Monday. The statement said that the "
            "talks would resume in May.",
            "talks would resume",
            "Foreign Ministry",
        ),
        (
            "A statement issued by the president's office said the talks would resume in May.",
            "talks would resume",
            "president's office",
        ),
        # 'In a statement, X said ...', then 'the statement said' (session 11, seed 9800)
        (
            "In a statement earlier this morning, the Coast Guard said the crewman was safe. "
            '"Support was provided by the second helicopter," the statement said.',
            "provided by the second helicopter",
            "Coast Guard",
        ),
        (
            "The Central Bank's statement made few changes from the last one. But it did note "
            "that inflation had picked up.",
            "inflation had picked up",
            "Central Bank",
        ),
        (
            "The Central Bank's statement made few changes from the last one. But it did note "
            "that inflation had picked up. And it adopted new language hinting that it might "
            "accept higher prices for a while.",
            "might accept higher prices",
            "Central Bank",
        ),
    ],
)
def test_a_document_speaks_for_its_author(nlp, text: str, words: str, author: str) -> None:
    quote = only(quotes_of(nlp, text), words)
    assert quote.speaker is not None and author in (quote.speaker.name or ""), quote.speaker


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # guards: a document whose author the text does not give stays itself; 'it' after
        # an organisation that spoke is still that organisation
        (
            "The statement went on to say that the talks would resume in May.",
            "talks would resume",
            "The statement",
        ),
        (
            'The Foreign Ministry said on Monday that the talks would go on. "We hope for '
            'progress," it said.',
            "We hope for progress",
            "Foreign Ministry",
        ),
    ],
)
def test_no_author_given_and_plain_it(nlp, text: str, words: str, name: str) -> None:
    quote = only(quotes_of(nlp, text), words)
    assert quote.speaker is not None and name in (quote.speaker.name or ""), quote.speaker
