"""Quote speakers (issue 17, session 20, from the seed-10011 verdicts). Invented sentences."""

from __future__ import annotations

from quote_checks import speaker_name


def test_two_titles_of_one_person_before_the_name(nlp):
    text = "Painter and actor Ron Velde, from Utrecht, said he was worried about the vote."
    assert speaker_name(nlp, text, "worried", layer=True) == "Ron Velde"


def test_a_body_and_a_titled_person_stay_apart(nlp):
    text = "Police and firefighter Tom Reed said the fire was out."
    assert speaker_name(nlp, text, "fire was out", layer=True) != "Tom Reed"


def test_it_after_a_spokesman_for_a_body_is_that_body(nlp):
    text = (
        "The lender says it is putting itself up for sale. A spokesman for the Financial "
        "Conduct Authority said it welcomed the step announced by the lender. "
        '"We will keep watching the progress of the sale," it added.'
    )
    assert speaker_name(nlp, text, "keep watching", layer=True) == "Financial Conduct Authority"


def test_a_question_never_asked_with_the_negation_fronted(nlp):
    from quote_checks import none_with, quotes_of

    for text in (
        "Yet not once had the mayor or his deputy asked a single resident what it would "
        "take to support the plan.",
        "Never had the mayor asked residents what they wanted.",
    ):
        none_with(quotes_of(nlp, text), "what")


def test_a_question_asked_stays(nlp):
    text = "The mayor had asked residents what they wanted."
    assert speaker_name(nlp, text, "what they wanted") == "The mayor"
