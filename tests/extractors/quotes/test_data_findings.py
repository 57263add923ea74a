"""Findings are not speech: figures, data and research cited with 'according to', what a
study or its authors found, noted or calculated (issue 17, session 11, after the
seed-9700 sample and dev draws 9710-9711). Every sentence is invented; the guards keep
the same verbs reporting people's and bodies' words."""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of

spacy = pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Burglaries rose by a fifth last year, according to new figures from the police.",
            "Burglaries rose",
        ),
        (
            "According to research for a children's charity, half of all pupils feel stressed.",
            "half of all pupils",
        ),
        ("Farm incomes fell sharply in 2016, according to census data.", "Farm incomes fell"),
        (
            "Output grew by 6.7 percent, according to the National Bureau of Statistics.",
            "Output grew",
        ),
        (
            "The National Bureau of Statistics (NBS) publishes its figures monthly. Retail sales "
            "rose by 10 percent in May, according to NBS.",
            "Retail sales rose",
        ),
    ],
)
def test_figures_and_research_according_to_are_not_speech(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The report also noted that the agency had ignored the warnings.", "ignored"),
        (
            "The researchers reported in the journal that the drug slowed the disease.",
            "slowed the disease",
        ),
        ("The study's authors found that the drug slowed the disease.", "slowed the disease"),
        (
            "The study looked at 500 farms in the region. It calculates that the drought cost "
            "them two million dollars.",
            "the drought cost",
        ),
    ],
)
def test_what_a_study_or_its_authors_found_is_not_speech(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # guards: people and bodies cited, and what they note or estimate, stay quotes
        ("Output grew by 6.7 percent, according to the finance minister.", "Output grew"),
        ("According to the police, the man was carrying a knife.", "carrying a knife"),
        ("Researchers said that the drug slowed the disease.", "slowed the disease"),
        ("Senator Smith noted that the agency had ignored the warnings.", "ignored"),
        ("The company estimates that its sales will rise by a tenth.", "sales will rise"),
        (
            "The ministry sent its experts to the region. It calculates that the drought cost "
            "farmers two million dollars.",
            "the drought cost",
        ),
    ],
)
def test_people_and_bodies_stay(nlp, text: str, words: str) -> None:
    only(quotes_of(nlp, text), words)
