"""Names on event sides and quote speakers (issue 17, session 17, dev draws 9961, 9962,
9970): what a name is (a person, an organisation, a place), which name a nominal means,
and the sector of a KB person on the article's day.

Each case is an invented text for one rule and fails on the code before it, except
those marked "guard", which keep a rule from reaching too far.
"""

from __future__ import annotations

from datetime import date

from entity_checks import local_layer_of as layer_of
from entity_checks import word_entity_at as entity_at

from newsgraph.kb.load import default_kb


def _type_at(layer, text: str, word: str, nth: int = 0) -> str | None:
    found = entity_at(layer, text, word, nth)
    entity = layer.entity(found) if found else None
    return entity.type if entity else None


# ------------------------------------------------ a family name written first, alone


def test_a_family_name_used_alone_is_the_person_not_a_place(nlp):
    text = (
        "Nie Hanlin, a miller executed in 1996, was declared innocent on Friday. The court "
        "said the facts in Nie's case were unclear. March 2005: police reopen Nie's case."
    )
    layer = layer_of(nlp, text)
    full = entity_at(layer, text, "Nie Hanlin")
    assert _type_at(layer, text, "Nie", 1) == "PERSON"
    assert entity_at(layer, text, "Nie", 1) == full
    assert entity_at(layer, text, "Nie", 2) == full


def test_guard_a_city_named_like_a_first_word_stays_a_city(nlp):
    text = "Paris Hilton flew in on Monday. She will open a hotel in Paris next year."
    layer = layer_of(nlp, text)
    assert _type_at(layer, text, "Paris", 1) == "GPE"


# ------------------------------------------------ an organisation the text calls one


def test_a_name_the_text_calls_a_law_firm_is_an_organisation(nlp):
    text = (
        "Founded in Lagos in 2004, Okonbar has grown to become one of Nigeria's biggest "
        "law firms. Okonbar signed a partnership with the World Bank in May."
    )
    layer = layer_of(nlp, text)
    assert _type_at(layer, text, "Okonbar") == "ORG"
    assert _type_at(layer, text, "Okonbar", 1) == "ORG"


def test_a_name_that_is_a_data_firm_is_an_organisation(nlp):
    text = "Brellin is Norway's largest data firm by revenue. Brellin signed a deal in May."
    layer = layer_of(nlp, text)
    assert _type_at(layer, text, "Brellin", 1) == "ORG"


# ------------------------------------------------ which organisation a nominal means


def test_the_group_after_a_group_brought_in_in_its_sentence_is_not_an_earlier_org(nlp):
    text = (
        "Orlov showed the messages to Reuters, which were sent over email. Pavel Zorin, a "
        "member of a hacking group that leaked emails of ministers, said last year that "
        "the group worked with the police."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the group") is None


def test_the_group_known_as_a_name_is_that_name(nlp):
    text = (
        "Orlov showed the messages to Reuters. Police said on Monday that the group, "
        "known as Blue Owl, worked with the FSB."
    )
    layer = layer_of(nlp, text)
    owl = entity_at(layer, text, "Blue Owl")
    assert owl is not None and entity_at(layer, text, "the group") == owl


# ------------------------------------------------ a KB person's sector on the day


def test_a_prime_minister_later_at_nato_was_in_government_then():
    rutte = default_kb().people["ng:person:mark-rutte"]
    assert rutte.sector_on(date(2017, 3, 1)) == "GOV"
    assert rutte.sector_on(date(2025, 3, 1)) == "IGO"
    assert rutte.sector_on(None) == rutte.sector


def test_guard_the_head_of_an_international_body_stays_igo():
    guterres = default_kb().people["ng:person:antonio-guterres"]
    assert guterres.sector_on(date(2017, 3, 1)) == "IGO"


def test_a_bare_surname_the_model_calls_a_place_is_the_person_named_in_full(nlp):
    # coref17b: "Nunes" alone matches two KB people in office on the day, so neither is
    # linked; the model's label (a place) came back and the surname was a place of its
    # own, leaving the pronouns after it nobody but the other man to go to. The article
    # names a "Paul Nunes" in full (no KB person): the bare surname is he.
    from entity_checks import layer_of as kb_layer_of

    text = (
        "Paul Nunes, the chairman of the panel, spoke to reporters. In Ohio, Nunes said he "
        "had a source. He has refused to name it."
    )
    layer = kb_layer_of(nlp, text, published="2017-04-20")
    assert entity_at(layer, text, "Nunes", 1) == entity_at(layer, text, "Paul Nunes")
    assert _type_at(layer, text, "Nunes", 1) == "PERSON"
