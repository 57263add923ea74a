"""Issue 12, case 2: one text the parser refuses (spaCy's E088 over ``max_length``) or
fails on costs that article its parse, never the batch."""

from __future__ import annotations

import pytest

from newsgraph.extractors.parse_guard import NOT_PARSED, parse_articles
from newsgraph.extractors.stage import analyse_articles
from newsgraph.languages.en import english
from newsgraph.records import Article

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


def test_a_text_over_the_parsers_limit_does_not_stop_the_batch(small_limit):
    long_text = (SHORT + "\n\n") * 40  # over 2,000 characters
    batch = [article(1, SHORT), article(2, long_text), article(3, SHORT)]
    done = analyse_articles(batch)
    assert [a.id for a in done] == ["a1", "a2", "a3"]
    assert done[0].quotes and done[2].quotes  # its neighbours are analysed
    assert done[1].text == long_text and not done[1].quotes and not done[1].entities
    note = done[1].extensions[NOT_PARSED]
    assert note["code"] == "NG401" and "over the parser's limit of 2,000" in note["reason"]
    assert NOT_PARSED not in done[0].extensions


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
