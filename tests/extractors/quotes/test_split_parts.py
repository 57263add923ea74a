"""A direct quote split by its attribution keeps its outer bounds and lists its quoted
pieces, without the attribution, in ``parts`` (issue 17, session 11). Sentences invented."""

from __future__ import annotations

import pytest
from quote_checks import only, quotes_of

from newsgraph.records import Article, Published

spacy = pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            'The vote was close. "We will win this seat," Maria Lopez said, "and we will '
            'win it by a wide margin."',
            ["We will win this seat,", "and we will win it by a wide margin."],
        ),
        (
            '"Nobody expected the river to rise so fast," said Tom Barker, the mayor. '
            '"The town was simply not ready for it."',
            [
                "Nobody expected the river to rise so fast,",
                "The town was simply not ready for it.",
            ],
        ),
    ],
)
def test_split_quote_lists_its_pieces(nlp, text: str, pieces: list[str]) -> None:
    quote = only(quotes_of(nlp, text), pieces[0])
    assert quote.text.startswith(pieces[0]) and quote.text.endswith(pieces[-1])
    assert [p.text for p in quote.parts] == pieces
    for part in quote.parts:
        assert text[part.start : part.end] == part.text
        assert quote.start <= part.start < part.end <= quote.end
    assert "said" not in "".join(p.text for p in quote.parts)


def test_one_piece_has_no_parts(nlp) -> None:
    text = 'Maria Lopez said: "We will win this seat by a wide margin and nobody can stop us."'
    quote = only(quotes_of(nlp, text), "We will win")
    assert quote.parts == ()


def test_parts_only_in_the_record_of_a_split_quote(nlp) -> None:
    text = (
        '"We will win this seat," Maria Lopez said, "and we will win it by a wide margin." '
        'Tom Barker said: "The town was simply not ready for the flood."'
    )
    found = quotes_of(nlp, text)
    article = Article(id="a", source="s", text=text, published=Published(), quotes=tuple(found))
    records = article.to_dict()["quotes"]
    split = [q for q in records if "Maria" in q["text"]]
    whole = [q for q in records if "flood" in q["text"]]
    assert len(split) == 1 and len(whole) == 1
    assert [p["text"] for p in split[0]["parts"]] == [
        "We will win this seat,",
        "and we will win it by a wide margin.",
    ]
    assert set(split[0]["parts"][0]) == {"start", "end", "text"}
    assert "parts" not in whole[0]
