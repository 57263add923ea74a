"""Quote speakers (issue 17, session 17, second round; dev draws 9973, 9974): a name after
a garbled closing mark, and a name glued by the page's dash to the verb after it.
Sentences invented; the tests named ``guard`` pass before and after."""

from __future__ import annotations

import pytest
from quote_checks import quotes_of, speaker_name

spacy = pytest.importorskip("spacy")


# --- '"...,"?Dana Whitfield, chief executive of X, said': the name after a garbled mark ------


@pytest.mark.parametrize(
    "text",
    [
        '"We will roll out the devices to every officer,"?Dana Whitfield, chief executive '
        "and co-founder of Brightlock, said in a statement.",
        '"We will roll out the devices to every officer,"?Dana Whitfield, chief executive '
        "of Brightlock, said.",
    ],
)
def test_name_after_a_garbled_closing_mark_speaks(nlp, text) -> None:
    assert speaker_name(nlp, text, "every officer", layer=True) == "Dana Whitfield"


def test_guard_name_after_a_clean_closing_mark_speaks(nlp) -> None:
    text = (
        '"We will roll out the devices to every officer," Dana Whitfield, chief executive '
        "and co-founder of Brightlock, said in a statement."
    )
    assert speaker_name(nlp, text, "every officer", layer=True) == "Dana Whitfield"


def test_guard_a_name_inside_the_quote_is_no_speaker(nlp) -> None:
    # the name is the quote's own words: the cue after it has its subject
    text = 'The mayor said: "We owe this to Dana Whitfield, our treasurer." The council agreed.'
    found = [q for q in quotes_of(nlp, text, layer=True) if "our treasurer" in q.text]
    assert all(q.speaker is None or q.speaker.name != "Dana Whitfield" for q in found)


# --- 'it said' after a company named only as the doer in a 'by' phrase -------------------------


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "Regulators on Tuesday cleared the purchase of Halden Foods by Norvik Group for "
            '4 billion euros. "The deal will help our business grow across Europe," it said.',
            "our business",
            "Norvik Group",
        ),
        (
            "The Keswick hotel chain was bought by Marlow Holdings last year. "
            '"We are delighted with the result for our staff," it said in a statement.',
            "for our staff",
            "Marlow Holdings",
        ),
    ],
)
def test_it_is_the_company_named_as_the_doer(nlp, text, words, name) -> None:
    assert speaker_name(nlp, text, words, layer=True) == name


def test_guard_it_is_the_subject_company_not_the_agent(nlp) -> None:
    text = (
        "Fenwick Motors was fined by the Trade Board last week. "
        '"We will appeal against this decision," it said.'
    )
    assert speaker_name(nlp, text, "appeal against", layer=True) == "Fenwick Motors"


def test_guard_a_company_met_only_after_another_preposition_is_no_it(nlp) -> None:
    text = (
        "Lawmakers filed a motion against Norvik Group on Monday. "
        '"The company must answer for the spill," it said.'
    )
    found = [q for q in quotes_of(nlp, text, layer=True) if "answer for" in q.text]
    assert all(q.speaker is None or q.speaker.name != "Norvik Group" for q in found)


# --- 'Ms Keane-states in the letter': a verb glued to the name by the page's dash ----------------


def test_a_verb_glued_to_a_name_is_no_part_of_it(nlp) -> None:
    text = (
        "A copy of Ms Keane's letter, which has been seen by reporters, states that some "
        "figures were false. Ms Keane-states in the letter that either way, it was a shameful "
        "failure. She adds that the board will meet again next week."
    )
    for layer in (False, True):
        name = speaker_name(nlp, text, "meet again next week", layer=layer)
        assert name in ("Ms Keane", "Keane"), name


def test_guard_a_hyphenated_name_keeps_its_parts(nlp) -> None:
    text = "Ms Keane-Ward said the board will meet again next week."
    for layer in (False, True):
        assert "Ward" in speaker_name(nlp, text, "meet again next week", layer=layer)
