"""Entity links that events and quotes use as actors and speakers (issue 17;
docs/quality.md "Session 14: entity links").

Each case is an invented text for one rule and fails on the code before it, except
those marked "guard", which keep a rule from reaching too far. No knowledge base unless
a case says so: every person is local to the article.
"""

from __future__ import annotations

from entity_checks import entity_at as plain_at
from entity_checks import layer_of as kb_layer_of
from entity_checks import local_layer_of as layer_of
from entity_checks import name_of
from entity_checks import word_entity_at as entity_at


def test_a_minister_for_a_portfolio_before_a_name_is_that_names_title(nlp):
    text = (
        "Union General Secretary Tom Reilly said the strike would go on. He said the union "
        "was wary. In reply, Minister for Jobs Ann Doyle said she had no part in the row. "
        "The Minister urged both sides to talk."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "The Minister") == entity_at(layer, text, "Ann Doyle")
    roles = {s.role for s in layer.stated_roles if s.entity == entity_at(layer, text, "Ann Doyle")}
    assert roles == {"minister:jobs"}


def test_a_general_secretary_is_no_minister(nlp):
    text = (
        "General Secretary Tom Reilly said the strike would go on. The minister said "
        "nothing on Monday."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "The minister") is None


def test_a_former_minister_for_a_portfolio_glued_to_the_name_is_that_name(nlp):
    text = (
        "The inquiry heard from Superintendent Tom Reilly, who also asked to be heard. "
        "Former Minister for Health-Mary Byrne is seeking limited representation."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "Former Minister") == entity_at(layer, text, "Mary Byrne")


def test_a_month_after_last_is_a_date_not_a_known_person(nlp):
    text = (
        "But that does not mean only boys can be bullies.    Last May, in a primary school "
        "in Jiangxi province, a girl who was not named bullied her classmates."
    )
    layer = kb_layer_of(nlp, text)
    assert all(e.type != "PERSON" for e in layer.entities)


def test_guard_the_known_person_of_that_name_stays(nlp):
    text = "Last year May promised a vote. May said on Monday that the talks would go on."
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "May", 1) is not None


def test_a_body_named_by_its_city_is_the_city_after_in(nlp):
    text = (
        "The two army chiefs last met in March 2015 in Brussels, but a month later the "
        "talks were called off."
    )
    layer = kb_layer_of(nlp, text)
    assert "ng:org:european-commission" not in {e.id for e in layer.entities}


def test_guard_the_city_as_the_body_it_stands_for_stays(nlp):
    text = "Brussels warned London on Monday that the talks would be hard."
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "Brussels") == "ng:org:european-commission"


def test_a_name_with_jr_is_not_the_same_name_without(nlp):
    text = (
        "Tom Harlan Jr. spoke at the funeral of his father, Tom Harlan, on Sunday. Harlan "
        "Jr. said his father loved the town."
    )
    layer = layer_of(nlp, text)
    assert plain_at(layer, text, "Tom Harlan Jr.") != plain_at(layer, text, "Tom Harlan", 1)
    assert plain_at(layer, text, "Harlan Jr.", 1) == plain_at(layer, text, "Tom Harlan Jr.")


def test_a_full_name_given_as_kin_is_not_the_namesake_it_fits(nlp):
    text = (
        "Walter Grant was mayor in 1990. His son, Walter K. Grant, is now the governor. "
        "The singer was born Charles Edward Anderson Berry in 1926. His son Charles Berry Jr. "
        "played guitar with him."
    )
    layer = layer_of(nlp, text)
    assert plain_at(layer, text, "Walter K. Grant") != plain_at(layer, text, "Walter Grant")
    assert plain_at(layer, text, "Charles Berry Jr.") != plain_at(
        layer, text, "Charles Edward Anderson Berry"
    )


def test_guard_a_short_form_of_the_same_name_still_joins_it(nlp):
    text = "Walter K. Grant won the vote in May. Walter Grant said on Monday he was glad."
    layer = layer_of(nlp, text)
    assert plain_at(layer, text, "Walter Grant") == plain_at(layer, text, "Walter K. Grant")


def test_capitalised_words_before_jr_are_a_person_not_a_place(nlp):
    text = (
        "The 38-year-old pleaded guilty.\n\nRicardo Medina Jr., a former star, was sentenced "
        "to six years. Medina was arrested in 2015."
    )
    layer = layer_of(nlp, text)
    people = [e for e in layer.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Ricardo Medina Jr"]
    assert not [e for e in layer.entities if e.type == "GPE"]


def test_a_noun_for_a_kind_of_people_is_no_place(nlp):
    text = "Pirates attacked a Greek tanker off Somalia on Monday."
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "Pirates") is None
    assert entity_at(layer, text, "Somalia") == "country:SOM"


def test_georgia_among_us_places_is_the_state_not_the_country(nlp):
    text = "A Georgia judge sitting in Atlanta struck down the county's new voting rules."
    layer = kb_layer_of(nlp, text)
    georgia = layer.entity(entity_at(layer, text, "Georgia"))
    assert georgia is not None and georgia.id != "country:GEO"


def test_guard_georgia_with_its_own_capital_stays_the_country(nlp):
    text = "Russia sent troops into Georgia in 2008. Tbilisi protested, and Atlanta did too."
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "Georgia") == "country:GEO"


def test_allies_of_a_country_are_not_that_country_but_the_names_in_apposition(nlp):
    text = "Western allies Chile and Peru backed the plan, while US partners Norway and Chile met."
    layer = kb_layer_of(nlp, text)
    start = text.index("US partners")
    assert layer.resolve(start, start + len("US partners")) is None
    whole = layer.resolve(start, start + len("US partners Norway and Chile"))
    assert whole is not None and whole.entity == "country:NOR"


def test_a_relation_noun_after_a_country_codes_no_country():
    from newsgraph.kb.actor_codes import code_phrase

    assert code_phrase("US allies") is None
    assert code_phrase("Russia's neighbours") is None
    assert code_phrase("US troops") is not None  # guard


def test_a_persons_possessive_opening_an_organisation_name_is_that_person(nlp):
    text = (
        "Karim Baratov was charged in the case. His lawyer Amedeo DiCarlo says his client "
        "is innocent. A very public persona Baratov's Facebook and Instagram accounts have "
        "been made private since he was arrested on Wednesday."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Karim Baratov")
    assert entity_at(layer, text, "Baratov", 1) == entity_at(layer, text, "Karim Baratov")


def test_a_counted_place_is_a_people(nlp):
    text = "Many Miskitos fled to Honduras last year. The Miskitos say settlers took their land."
    layer = layer_of(nlp, text)
    assert {e.type for e in layer.entities if e.name == "Miskitos"} == {"NORP"}


def test_a_place_with_who_hung_on_it_is_a_people(nlp):
    text = "The Miskitos, who live on the coast, say the settlers took their land."
    layer = layer_of(nlp, text)
    assert {e.type for e in layer.entities if e.name == "Miskitos"} == {"NORP"}


def test_a_father_and_son_of_one_name_are_two_kb_people(nlp):
    text = (
        "Former president George H.W. Bush was taken to hospital in Houston on Monday. "
        "George W. Bush visited him there."
    )
    layer = kb_layer_of(nlp, text)
    father = plain_at(layer, text, "George H.W. Bush")
    son = plain_at(layer, text, "George W. Bush")
    assert father is not None and son == "Q207" and father != son


def test_a_kb_alias_ending_a_name_that_runs_through_a_possessive_is_not_that_body(nlp):
    text = (
        "The US and China met in Beijing. US officials left. The plan goes to the National "
        "People's Congress in March."
    )
    layer = kb_layer_of(nlp, text)
    assert "ng:org:us-congress" not in {e.id for e in layer.entities}
    assert name_of(layer, text, "Congress") == "National People's Congress"


def test_a_chancellor_of_the_exchequer_is_not_the_prime_minister(nlp):
    text = (
        "Philip Hammond, the chancellor, reversed his plan on Wednesday. It questions the "
        "extent to which the prime minister is willing to back him. The chancellor said "
        "little."
    )
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "the prime minister") != "ng:person:philip-hammond"
    assert entity_at(layer, text, "The chancellor") == "ng:person:philip-hammond"


def test_a_bare_office_is_the_holder_on_the_date_not_a_past_holder_titled_before(nlp):
    text = (
        "Preet Bharara was fired by Trump last week. Trump took office in January. The law "
        "was signed by President Obama in 2012. Bharara's firing came as a surprise because "
        "the president had met with him at Trump Tower soon after the election."
    )
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "the president") == "Q22686"


def test_guard_with_no_holder_named_the_past_holder_titled_keeps_it(nlp):
    text = (
        "The law was signed by President Obama in 2012. Critics said the president had "
        "acted too fast."
    )
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "the president") == "Q76"


def test_a_head_of_a_firms_policy_is_not_the_prime_minister(nlp):
    text = (
        "Philip Hammond, the chancellor, reversed his plan on Wednesday. Tom McGarrity, Harlow "
        "Funds' head of retirement policy, said the move was wise. Critics asked whether the "
        "prime minister would back the plan."
    )
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "prime minister") not in (
        "ng:person:philip-hammond",
        entity_at(layer, text, "Tom McGarrity"),
    )
