"""Quote speakers (issue 17, session 17, second round; dev draws 9973, 9974): a name after
a garbled closing mark, and a name glued by the page's dash to the verb after it.
Sentences invented; the tests named ``guard`` pass before and after."""

from __future__ import annotations

import pytest
from quote_checks import quotes_of, speaker_name

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.languages.en import english

    return english()


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
