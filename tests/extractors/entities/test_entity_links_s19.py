"""Names on event sides and quote speakers (issue 17, session 19, dev draws 10009 and
10010): a given name used alone that the model calls a place or an organisation, and an
office the KB knows glued before a full name.

Each case is an invented text for one rule and fails on the code before it, except
those marked "guard", which keep a rule from reaching too far. Some cases set the
model's entity span by hand, to stand for a span the small model makes on real text
(the rule under test is what the layer does with it).
"""

from __future__ import annotations

from entity_checks import layer_of, word_entity_at


def _with_span(nlp, text: str, needle: str, label: str, nth: int = -1):
    """The parsed text with the model's entity over an occurrence of ``needle`` (the last
    by default) set to ``label``."""
    doc = nlp(text)
    starts = [i for i in range(len(text)) if text.startswith(needle, i)]
    start = starts[nth]
    span = doc.char_span(start, start + len(needle), label=label)
    assert span is not None
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    return doc


def _layer(doc):
    from newsgraph.extractors.entities.layer import find_entities

    return find_entities(doc, published="2017-03-01")


def _entity(layer, text: str, needle: str, nth: int = 0):
    found = word_entity_at(layer, text, needle, nth)
    return layer.entity(found) if found else None


# ------------------------------------- a given name alone is the person of the full name


def test_a_given_name_the_model_calls_an_organisation_is_the_person(nlp):
    text = (
        "Rajwinder Kohli is the president of the dockworkers' union. Rajwinder says the "
        "port was closed for a week."
    )
    doc = _with_span(nlp, text, "Rajwinder", "ORG")
    layer = _layer(doc)
    alone = _entity(layer, text, "Rajwinder", 1)
    assert alone is not None and alone.type == "PERSON"
    assert alone.name == "Rajwinder Kohli"


def test_a_given_name_the_model_calls_a_place_is_the_person(nlp):
    text = (
        "Odalys Brennan hosted members of the council on Monday. Later, Odalys lobbied "
        "the mayor on the housing plan."
    )
    doc = _with_span(nlp, text, "Odalys", "GPE")
    layer = _layer(doc)
    alone = _entity(layer, text, "Odalys", 1)
    assert alone is not None and alone.type == "PERSON"
    assert alone.name == "Odalys Brennan"


def test_guard_a_given_name_that_is_a_country_stays_the_country(nlp):
    text = "Jordan Keller flew to Amman on Monday. Jordan has closed its border with Syria."
    doc = _with_span(nlp, text, "Jordan", "GPE")
    layer = _layer(doc)
    country = _entity(layer, text, "Jordan", 1)
    assert country is not None and country.type == "GPE"


def test_guard_a_given_name_before_a_noun_is_left_to_the_model(nlp):
    text = "Chelsea Brandt spoke on Monday. Chelsea fans gathered outside the stadium."
    doc = _with_span(nlp, text, "Chelsea", "ORG")
    layer = _layer(doc)
    club = _entity(layer, text, "Chelsea", 1)
    assert club is None or club.type != "PERSON"


# ------------------------------------- an office the KB knows is no part of a full name


def test_an_office_before_a_full_name_is_a_title(nlp):
    text = (
        "A free trade pact would help both economies, Taoiseach Enda Kenny has said "
        "during his visit to Boston."
    )
    doc = _with_span(nlp, text, "Taoiseach Enda Kenny", "PERSON")
    layer = _layer(doc)
    person = _entity(layer, text, "Enda Kenny")
    assert person is not None
    assert person.name == "Enda Kenny"
    assert person.id == "ng:person:enda-kenny"


def test_an_office_before_an_unknown_full_name_is_cut(nlp):
    text = "Chair Dana Whitlock told reporters the vote would wait until June."
    doc = _with_span(nlp, text, "Chair Dana Whitlock", "PERSON")
    layer = _layer(doc)
    person = _entity(layer, text, "Dana Whitlock")
    assert person is not None and person.name == "Dana Whitlock"


def test_guard_an_office_word_before_one_name_stays(nlp):
    text = "Chief Tamsin spoke to the crowd at the festival on Friday."
    doc = _with_span(nlp, text, "Chief Tamsin", "PERSON")
    layer = _layer(doc)
    person = _entity(layer, text, "Tamsin")
    assert person is not None and person.name == "Chief Tamsin"


# ------------------------------------- the leader of a named body is no head of state


def test_the_leader_of_a_party_the_kb_does_not_know_is_not_the_president(nlp):
    text = (
        "President Donald Trump met the delegation on Monday. The Greenvale Party leader "
        "insisted his country could be a bridge to Europe."
    )
    layer = layer_of(nlp, text, published="2017-03-15")
    assert word_entity_at(layer, text, "leader") != word_entity_at(layer, text, "Donald Trump")


def test_the_union_leader_is_the_union_president_the_text_names(nlp):
    text = (
        "Lalit Rao, the 34-year-old union president, said the workers had lost their jobs. "
        "Prime Minister Narendra Modi announced the plan in November. The soft-spoken "
        "union leader said the factories had cut their staff by half."
    )
    layer = layer_of(nlp, text, published="2017-02-16")
    found = word_entity_at(layer, text, "leader")
    assert found is not None
    assert found == word_entity_at(layer, text, "Lalit Rao")


# ------------------------------------- a given name glued on by a dash for a space


def test_a_given_name_glued_by_a_dash_is_part_of_the_name(nlp):
    text = "Rana Holt and-Maribel Anne Forsyth, the former mayor, warned of the cuts."
    doc = _with_span(nlp, text, "Anne Forsyth", "PERSON")
    layer = _layer(doc)
    person = _entity(layer, text, "Forsyth")
    assert person is not None and person.name == "Maribel Anne Forsyth"


def test_guard_a_title_glued_by_a_dash_stays_out_of_the_name(nlp):
    text = "The delegation met with-President Halvard Tessem on Monday in the capital."
    doc = _with_span(nlp, text, "Halvard Tessem", "PERSON")
    layer = _layer(doc)
    person = _entity(layer, text, "Tessem")
    assert person is not None and person.name == "Halvard Tessem"


# ------------------------------------- one name that the text follows with "who"


def test_a_one_word_place_the_text_follows_with_who_is_someone(nlp):
    text = (
        "Sunderi, who goes by just one name, sits in the courtyard with other women. To "
        'make up for the lost income, Sunderi has started working. "It is not enough," '
        "she says."
    )
    doc = _with_span(nlp, text, "Sunderi", "GPE")
    layer = _layer(doc)
    person = _entity(layer, text, "Sunderi", 1)
    assert person is not None and person.type == "PERSON"
    assert word_entity_at(layer, text, "she") == person.id


def test_guard_a_people_followed_by_who_stays_a_people(nlp):
    text = "The Wadeni, who live on the coast, fish for a living. The Wadeni left in 2015."
    doc = _with_span(nlp, text, "Wadeni", "GPE")
    layer = _layer(doc)
    people = _entity(layer, text, "Wadeni", 1)
    assert people is None or people.type != "PERSON"
