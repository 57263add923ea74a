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


def test_a_nationality_adjective_the_kb_lists_no_demonym_for_gives_the_office():
    # countries.jsonl curates demonyms for some countries; the others take the CAMEO
    # tables' adjectives, so 'the Irish prime minister' reads like 'the French president'
    import newsgraph.kb as kb

    base = kb.default_kb()
    on = "2017-03-01"
    assert kb.resolve_role_phrase(base, "the Irish prime minister", on).name == "Enda Kenny"
    assert kb.resolve_role_phrase(base, "the Greek prime minister", on).name == "Alexis Tsipras"


def test_a_one_word_office_of_one_country_needs_no_country_named():
    import newsgraph.kb as kb

    base = kb.default_kb()
    assert kb.resolve_role_phrase(base, "the Taoiseach", "2017-03-01").name == "Enda Kenny"
    # a title of several words may be another country's ('the attorney general')
    assert kb.resolve_role_phrase(base, "the attorney general", "2017-03-01") is None


def test_the_office_word_the_model_took_for_a_name_is_its_holder(nlp):
    from newsgraph.extractors.entities import find_entities

    doc = nlp("The Taoiseach said the talks would go on.")
    layer = find_entities(doc, published="2017-03-01")
    assert [r.entity for r in layer.references if r.text == "The Taoiseach"] == [
        "ng:person:enda-kenny"
    ]
