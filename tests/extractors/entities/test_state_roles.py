"""Roles of a state named by a common noun, and of a country with 'North'/'South' in
its name (issue 17, session 11: entity links).

"The country's president" is the president of the country the text is about at that
point (the nearest country named before, a subject first, a country that only reports
last), not of the article's default; "North Korea's leader" is never South Korea's
president; "the incoming president", "the next president" are the president-elect the
article names, else no one, never the holder on the article's date. Invented sentences; each test failed on the code before, except the guards
marked "guard".
"""

from __future__ import annotations

from entity_checks import layer_of, name_of

from newsgraph.extractors.entities.kbview import NO_KB
from newsgraph.kb.load import default_kb


def test_north_koreas_leader_is_not_south_koreas_president(nlp):
    text = (
        "South Korea's president met officials in Seoul on Monday. North Korea's leader "
        "watched the missile launch, state media said."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "North Korea's leader") == "Kim Jong Un"


def test_the_countrys_leader_is_the_subject_country_not_the_one_reporting(nlp):
    text = (
        "North Korea fired four missiles on Monday, South Korea said. The country's leader "
        "watched the launch."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "The country's leader") == "Kim Jong Un"


def test_the_countrys_president_is_the_country_named_as_object(nlp):
    text = (
        "Donald Trump criticised Mexico on Monday over the wall. The country's president "
        "replied on Tuesday."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "The country's president") == "Enrique Peña Nieto"


def test_the_president_of_the_country_two_sentences_on(nlp):
    text = (
        "Protests spread across Kenya on Friday. Police fired tear gas, witnesses said. The "
        "president of the country called for calm."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "The president of the country") == "Uhuru Kenyatta"


def test_guard_no_country_named_leaves_the_countrys_president_unlinked(nlp):
    text = "The storm hit the coast on Friday. The country's president called for calm."
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "The country's president") is None


def test_the_incoming_president_is_the_president_elect_not_the_holder(nlp):
    text = (
        "President-elect John Harlow met outgoing President Peter Marren on Monday. The "
        "incoming president invited the other candidates to talks."
    )
    layer = layer_of(nlp, text, NO_KB)
    assert name_of(layer, text, "The incoming president") == "John Harlow"


def test_the_next_president_is_not_the_one_in_office(nlp):
    text = (
        "South Korea will elect a new leader in May. Moon Jae-in leads the polls. Acting "
        "President Hwang Kyo-ahn said South Korea's next president must unite the country."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "South Korea's next president") is None


def test_a_bare_office_is_held_in_the_country_the_article_is_about(nlp):
    text = (
        "Police in Nairobi fired tear gas at protesters in Kenya on Monday. Kenya has seen "
        "weeks of unrest over the vote. The president said calm would return."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "The president") == "Uhuru Kenyatta"


def test_a_bare_office_is_the_named_holder_of_the_article_country(nlp):
    text = (
        "Duterte arrested 20 people in the Philippines on Monday. The Philippines has seen "
        "a wave of killings. Critics met in Manila on Tuesday. Rights groups spoke out "
        "on Wednesday. The president said the campaign would go on."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "The president") == "Rodrigo Duterte"


def test_guard_a_bare_office_with_two_countries_in_view_stays_unlinked(nlp):
    text = (
        "Police in Nairobi fired tear gas in Kenya. Uganda and Kenya have seen unrest, "
        "and Uganda closed a border. The president said calm would return."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-03-01")
    assert name_of(layer, text, "The president") is None


def test_guard_a_bare_office_with_two_holders_named_alike_stays_unlinked(nlp):
    text = (
        "Donald Trump met Vladimir Putin in Hamburg. Putin and Trump spoke for two hours. "
        "The president said the talks went well."
    )
    layer = layer_of(nlp, text, default_kb(), "2017-07-07")
    assert name_of(layer, text, "The president") is None
