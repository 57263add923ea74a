"""Speakers from dev draws 9712-9713 (issue 17, session 11): a pronoun in a complement
clause is the named subject it hangs on, a relative clause after a list speaks for the
name right before it, 'it' after an authored report is the report's author, and 'the
academic' is the academic named before. Sentences invented; guards marked."""

from __future__ import annotations

import pytest
from quote_checks import quotes_of
from quote_checks import speaker_name as _speaker

spacy = pytest.importorskip("spacy")


def test_he_in_a_complement_clause_is_its_named_subject(nlp) -> None:
    text = (
        "Governor Paul Brandt praised Tom Weller as a loyal friend. Weller resigned from the "
        'board today, but insisted that he had answered every question "as honestly as I '
        'could at the time," he said.'
    )
    assert "Weller" in _speaker(nlp, text, "as honestly as I could")


def test_a_relative_clause_after_a_list_speaks_for_the_name_before_it(nlp) -> None:
    text = (
        "The envoys took a calmer tone than either the local officials or Brandt, who on "
        "Thursday said a police operation was under way."
    )
    assert "Brandt" in _speaker(nlp, text, "police operation")


def test_guard_a_plural_relative_clause_speaks_for_the_whole_list(nlp) -> None:
    text = (
        "The plan could answer both the Greens and the Liberals, who have questioned the "
        "city's reliance on cars."
    )
    assert "Liberals" not in _speaker(nlp, text, "reliance on cars")


def test_it_after_an_authored_report_is_its_author(nlp) -> None:
    text = (
        "A recent report from the Economic Affairs Committee said energy bills had risen. "
        "It said energy security should be the priority."
    )
    assert "Economic Affairs Committee" in _speaker(nlp, text, "energy security")


def test_the_academic_is_the_academic_named_before(nlp) -> None:
    text = (
        "Fiona Mitchell from the University of Leeds told the BBC that the vote was close. "
        '"The city will stay divided for years," said the academic.'
    )
    assert _speaker(nlp, text, "stay divided") == "Fiona Mitchell"


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Speaking on Monday, Prime Minister Anna Lindqvist thanked her hosts, then spoke "
            'these words: "Our two countries have never been closer."',
            "never been closer",
            "Anna Lindqvist",
        ),
        (
            "Carl Brandt is under pressure to keep the promise he made last year: "
            '"Taxes will not rise while I am mayor."',
            "Taxes will not rise",
            "Carl Brandt",
        ),
    ],
)
def test_a_colon_lead_in_naming_words_gives_their_speaker(
    nlp, text: str, words: str, name: str
) -> None:
    assert _speaker(nlp, text, words, layer=True) == name


def test_guard_a_colon_after_a_title_noun_gives_no_speaker(nlp) -> None:
    text = 'The committee published its report on Monday. Its title: "Growing up in a crisis."'
    quotes = [q for q in quotes_of(nlp, text) if "Growing up" in q.text]
    assert all(q.speaker is None or q.cue != "title" for q in quotes)


def test_a_cue_in_another_storys_headline_reports_nothing(nlp) -> None:
    text = (
        "The council is powerful. READ MORE: Critics warn city could lose its bridges "
        "According to the Evening Post, the council is the largest employer in the town."
    )
    found = quotes_of(nlp, text)
    assert not [q for q in found if "lose its bridges" in q.text], found


@pytest.mark.parametrize(
    "text",
    [
        # guards: a label before this article's own words, and a quote after a headline
        "Note: the mayor said that the figures were wrong and would be corrected.",
        'RELATED: Floods hit the north "We have never seen water this high," Jan Berg said.',
        "The Latest: Mayor urges residents to leave the flooded streets.",
    ],
)
def test_guard_labels_before_this_articles_words(nlp, text: str) -> None:
    assert [q for q in quotes_of(nlp, text) if q.speaker is not None]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Advocate general Eleonore Sharpston said the employer should give way. Sharpston "
            'concluded that there had been discrimination, adding that "it seems to me '
            'particularly dangerous to excuse the employer."',
            "particularly dangerous",
            "Eleonore Sharpston",
        ),
        (
            "Lord Harwood, the committee chairman, spoke on Monday. Lord Harwood said that "
            "household bills were around the European average.",
            "household bills",
            "Lord Harwood",
        ),
    ],
)
def test_a_family_name_speaks_with_its_full_name(nlp, text: str, words: str, name: str) -> None:
    assert _speaker(nlp, text, words, layer=True) == name
