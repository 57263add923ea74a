"""Events' sides (issue 17, session 19, dev draws 10003 and 10004): sides cut from a
longer name, a nationality taken for a body of its people, objects shared by joined
verbs and relative clauses, a name the parser hung on a day word, and a name after
'pro-' parsed as an argument. Invented sentences through the extraction steps."""

from __future__ import annotations

import pytest
from event_checks import coded_events, countries, names, trigger, triggered


@pytest.fixture(scope="module")
def extract(nlp):
    return lambda text, published="2019-05-15": coded_events(nlp, text, published)


# -- 1. an entity that only opens a longer capitalised name ---------------------------------


def test_a_caucus_named_after_the_house_is_the_caucus(extract):
    # the tagger tags only 'House': the caucus is the target, not the House
    text = "Obama criticized the liberal House Progressive Caucus for its vote on Monday."
    event = trigger(extract(text), "criticized")
    assert names(event.target) == ["House Progressive Caucus"]


def test_the_house_itself_stays_the_house(extract):
    # control: the entity ends the phrase
    event = trigger(extract("Trump criticized the House on Monday."), "criticized")
    assert names(event.target) == ["House"]


# -- 2. a nationality before an institution or a person ------------------------------------


def test_a_museum_of_a_country_is_the_museum_not_the_people(extract):
    text = "A Spanish museum is suing a design agency for damaging a painting."
    event = trigger(extract(text), "suing")
    assert names(event.source) == ["Spanish museum"]
    assert countries(event.source) == ["ESP"]


def test_a_man_of_a_country_is_the_man(extract):
    event = trigger(extract("A Russian man attacked a tourist in Berlin."), "attacked")
    assert names(event.source) == ["Russian man"]
    assert countries(event.source) == ["RUS"]


def test_a_people_alone_is_still_its_country(extract):
    # control: no noun after the nationality
    event = trigger(extract("Iraqis protested in Baghdad on Monday."), "protested")
    assert countries(event.source) == ["IRQ"]


# -- 3. two verbs joined on one object -------------------------------------------------------


def test_the_object_after_two_joined_verbs_is_the_first_verbs_too(extract):
    text = "The senator criticised and then praised Netanyahu on Monday."
    event = trigger(extract(text), "criticised")
    assert names(event.target) == ["Benjamin Netanyahu"]


def test_a_verb_done_to_no_one_does_not_share_the_object(extract):
    # control: one marches, one does not march at the police
    text = "Protesters marched and attacked police in Caracas."
    assert all(not e.target for e in triggered(extract(text), "marched"))


# -- 4. a relative pronoun as the object ----------------------------------------------------


def test_the_noun_a_relative_object_stands_for_is_the_target(extract):
    text = "The militia that Gaddafi armed in 1990 is still active."
    event = trigger(extract(text), "armed")
    assert names(event.target) == ["militia"]


def test_a_relative_object_of_joined_verbs_is_the_name_it_is_apposed_to(extract):
    text = (
        "He admitted his role in the Tripoli Youth Brigade, a militia that Gaddafi "
        "organized and funded when he was in power."
    )
    event = trigger(extract(text), "funded")
    assert names(event.target) == ["Tripoli Youth Brigade"]


# -- 5. a name the parser hung on the day after it ------------------------------------------


def test_a_name_before_a_day_word_is_the_partner(extract):
    text = "Trudeau will meet with Chancellor Angela Merkel Tuesday in Berlin."
    event = trigger(extract(text), "meet")
    assert names(event.target) == ["Angela Merkel"]


# -- 6. a name after 'pro-' parsed as an argument of its own --------------------------------


def test_a_name_after_pro_is_not_the_invited_side(extract):
    text = (
        "The envoy invited the two pro-Russia, government-tolerated opposition groups to "
        "sit separately from the HNC."
    )
    assert all("RUS" not in countries(e.target) for e in triggered(extract(text), "invited"))


# -- 7. the owner after 'of' named by an apposition -----------------------------------------


def test_the_owner_of_a_criticised_policy_is_the_name_apposed_to_him(extract):
    text = "Obama criticized the immigration policy of his successor, Donald Trump."
    event = trigger(extract(text), "criticized")
    assert names(event.target) == ["Donald Trump"]


# -- 8. agents of several places -------------------------------------------------------------


def test_the_ministers_of_three_countries_are_of_each(extract):
    text = "Abbas plans to meet with the foreign ministers of Egypt, Jordan and Qatar."
    event = trigger(extract(text), "meet")
    assert sorted(countries(event.target)) == ["EGY", "JOR", "QAT"]


# -- 9. a participle asking whom the calls went to ------------------------------------------


def test_calls_placed_to_people_while_asking_address_them(extract):
    text = "Pence placed calls to Ryan and McConnell, asking for more time."
    event = trigger(extract(text), "asking")
    assert names(event.target) == ["Paul Ryan", "Mitch McConnell"]


# -- 10. 'his' on the object of a verb whose doer the sentence names -----------------------


def test_his_request_is_the_prompted_mans_not_the_last_named_person(extract):
    text = (
        "Trump signed an order on Monday. The new order prompted the man to renew his "
        "request last week."
    )
    assert all("Donald Trump" not in names(e.source) for e in triggered(extract(text), "request"))


def test_his_request_with_a_pronoun_doer_keeps_the_pronoun(extract):
    # control: 'He renewed his request': the pronoun's person
    text = "Trump spoke on Monday. He renewed his request for talks."
    assert names(trigger(extract(text), "request").source) == ["Donald Trump"]


def test_the_ministers_of_a_list_parsed_as_an_apposition_are_of_each(extract):
    # parsed with 'Qatar' an apposition of 'Saudi Arabia' and the rest joined to it
    text = (
        "Abbas plans to meet with Egyptian President Sisi and the foreign ministers of "
        "Saudi Arabia, Qatar, the United Arab Emirates, Tunisia and Algeria."
    )
    event = trigger(extract(text), "meet")
    assert {"SAU", "QAT", "ARE", "TUN", "DZA"} <= set(countries(event.target))
