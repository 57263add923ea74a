"""Quotes from the session-17 dev draws (issue 17, seeds 9998, 9999, 9960): names the
tagger mislabels, titles glued to names, and things that are no words. Sentences invented;
the tests named ``guard`` pass before and after."""

from __future__ import annotations

import pytest
from quote_checks import only, quotes_of, speaker_name

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.languages.en import english

    return english()


# --- a person's family name alone, after the full name the tagger took for a body ------------


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Pablo Ordonez, chief economist at Fenwick Partners, says the bank has grown. "
            "Ordonez says the new branch in Lyon means it can lend to more farmers.",
            "new branch in Lyon",
            "Pablo Ordonez",
        ),
        (
            "The charity raised money for the shelter.-Samir El-Haddad said the funds will "
            'also repair the roof. "We must help each other,"?El-Haddad wrote on Facebook.',
            "help each other",
            "Samir El-Haddad",
        ),
    ],
)
def test_family_name_alone_is_the_speaker_named_before(nlp, text, words, name) -> None:
    assert speaker_name(nlp, text, words, layer=True) == name


def test_given_name_glued_to_a_dash_of_the_page(nlp) -> None:
    text = (
        '"The rules break the old treaty,"-Nadia Karam, a lawyer at the Haifa rights centre, '
        "told reporters. The law violates the right to housing, Karam said."
    )
    assert speaker_name(nlp, text, "old treaty", layer=True) == "Nadia Karam"
    assert speaker_name(nlp, text, "right to housing", layer=True) == "Nadia Karam"


# --- 'Labour TD Eamon Dwyer': the title is no part of the name ---------------------------------


def test_abbreviated_title_is_no_part_of_the_name(nlp) -> None:
    text = (
        "Labour TD Eamon Dwyer said the police did not act quickly. Mr Dwyer said that "
        "the report will have severe consequences."
    )
    assert speaker_name(nlp, text, "act quickly", layer=True) == "Eamon Dwyer"
    assert speaker_name(nlp, text, "severe consequences", layer=True) == "Eamon Dwyer"


def test_guard_a_body_keeps_its_abbreviation(nlp) -> None:
    text = "BBC Radio Ulster reported that the ferry would not sail on Monday."
    assert speaker_name(nlp, text, "ferry would not sail") == "BBC Radio Ulster"
    found = quotes_of(nlp, "Zhou Ling, director of a small bank, says the fund is large.")
    assert only(found, "fund is large").speaker.name == "Zhou Ling"
