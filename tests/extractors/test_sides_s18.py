"""Events' sides (issue 17, session 18): sides the clause names but the event left empty
or filled wrongly, each on invented sentences through the extraction steps (as the
pipeline runs them)."""

from __future__ import annotations

import pytest
from event_checks import coded_events, countries, names, trigger, triggered


@pytest.fixture(scope="module")
def extract(nlp):
    return lambda text, published="2019-05-15": coded_events(nlp, text, published)


# -- 1. a finite clause opened by 'as' has a subject of its own ---------------------------


def test_a_clause_after_as_does_not_borrow_the_main_subject(extract):
    # parsed with 'countries' the object of 'as': the threat is theirs, not Canada's
    text = (
        "Canada tried to defuse the policy shift as many Asian countries threatened "
        "sanctions against long-standing trade links."
    )
    assert all("CAN" not in countries(e.source) for e in triggered(extract(text), "threatened"))


def test_a_clause_after_as_with_a_named_subject_keeps_it(extract):
    # control: the parser finds the subject itself
    text = "Canada tried to defuse the policy shift as Iran threatened sanctions."
    event = trigger(extract(text), "threatened")
    assert countries(event.source) == ["IRN"]


# -- 2. 'their' for a coordination is every name of it ------------------------------------


def test_their_stands_for_both_coordinated_names(extract):
    text = "The US and South Korea are conducting their annual joint military exercises."
    event = trigger(extract(text), "exercises")
    assert sorted(countries(event.source) + countries(event.target)) == ["KOR", "USA"]


# -- 3. the owner of what a passive was done to -------------------------------------------


def test_the_owner_of_a_rejected_bid_in_a_passive_is_the_target(extract):
    text = "A bid by Ryanair to block the strike was rejected by the High Court in Dublin."
    event = trigger(extract(text), "rejected")
    assert names(event.target) == ["Ryanair"]


def test_the_owner_of_a_motion_in_a_passive_is_the_target(extract):
    text = "The motion of the Department of Health was rejected by the Supreme Court."
    event = trigger(extract(text), "rejected")
    assert names(event.target) == ["Department of Health"]


def test_a_passive_subject_nobody_owns_leaves_the_target_empty(extract):
    # control: no owner named
    text = "The plan was rejected by Russia."
    event = trigger(extract(text), "rejected")
    assert countries(event.source) == ["RUS"]
    assert event.target == ()


# -- 4. 'of X' after a word for how a side acts names the side ----------------------------


def test_the_tactics_of_a_force_are_the_forces(extract):
    text = "The tactics of the Iraqi security forces have long been condemned by Kurds."
    event = trigger(extract(text), "condemned")
    assert countries(event.target) == ["IRQ"]


def test_pictures_of_a_leader_are_not_the_leader(extract):
    # control: a depiction's 'of' names no one acted on
    text = "Pictures of Putin were condemned by Ukraine."
    for event in triggered(extract(text), "condemned"):
        assert "RUS" not in countries(event.target)


# -- 5. 'by visiting X': the parser's gerund is an adjective ------------------------------


def test_rallies_planned_by_visiting_politicians_are_theirs(extract):
    text = "Some German states banned political rallies planned by visiting Turkish politicians."
    event = trigger(extract(text), "banned")
    assert countries(event.target) == ["TUR"]


# -- 6. a paragraph the sentence splitter glued on ----------------------------------------


def test_a_clause_of_the_next_paragraph_is_no_target(extract):
    text = (
        'France condemned the rally as a sign of Italy\'s support for "separatism."\n\n'
        "More than 20,000 Basques marched through the streets of Bilbao on Sunday "
        "calling for independence."
    )
    event = trigger(extract(text), "condemned")
    assert "Basques" not in names(event.target)
    assert names(trigger(extract(text), "marched").source) == ["Basques"]


# -- 7. a name before a role's noun is not the one holding the role -----------------------


def test_a_name_tagged_a_person_before_secretary_is_not_the_target(extract):
    text = "A German nurse urged the Brexit secretary to guarantee the rights of EU nationals."
    event = trigger(extract(text), "urged")
    assert "Brexit" not in names(event.target)


def test_a_title_before_a_name_keeps_the_person(extract):
    # control: the name heads the phrase
    text = "President Trump met Putin in Moscow."
    event = trigger(extract(text), "met")
    assert names(event.source) == ["Donald Trump"]


# -- 8. what a complaint is about, and who must account for a thing -----------------------


def test_a_complaint_about_a_deficit_with_a_country_targets_it(extract):
    text = "Trump complained about the trade deficit with Mexico."
    event = trigger(extract(text), "complained")
    assert countries(event.target) == ["MEX"]


def test_a_complaint_about_a_countrys_surplus_targets_it(extract):
    text = "Trump complained about Germany's trade surplus."
    event = trigger(extract(text), "complained")
    assert countries(event.target) == ["DEU"]


def test_explanations_demanded_for_a_position_are_asked_of_its_owner(extract):
    text = "Shoigu demanded explanations for the Pentagon's position."
    event = trigger(extract(text), "demanded")
    assert names(event.target) == ["Pentagon"]


def test_an_apology_offered_for_ones_own_country_has_no_target(extract):
    # control: an offer, not a demand
    text = "Shoigu offered an apology for Russia's remarks."
    for event in triggered(extract(text), "offered"):
        assert "RUS" not in countries(event.target)


# -- 9. every name apposed to a group ------------------------------------------------------


def test_every_name_apposed_to_teammates_acts(extract):
    text = (
        "Russian skier Maxim Ivanov said that he and his teammates Alexey Petrov, Julia "
        "Smirnova and Evgenia Orlova were set to appeal their suspension with the Court of "
        "Arbitration for Sport."
    )
    event = trigger(extract(text), "appeal")
    assert {"Julia Smirnova", "Evgenia Orlova"} <= set(names(event.source))


# -- 10. a dateline with the agency in brackets and a dash ---------------------------------


def test_a_dateline_before_an_agency_and_a_dash_is_no_source(extract):
    text = "SEOUL (Reuters) - South Korean prosecutors arrested Lee on Friday."
    event = trigger(extract(text), "arrested")
    assert names(event.source) == ["South Korean prosecutors"]


def test_a_dateline_beside_a_named_subject_is_no_source(extract):
    text = "MOSCOW (Reuters) - Russia criticised the United States on Monday."
    event = trigger(extract(text), "criticised")
    assert names(event.source) == ["Russia"]


def test_a_name_and_a_bracket_inside_a_sentence_stay(extract):
    # control: no dash or glued word after the bracket: not a dateline
    text = "Putin (Russia) criticised the United States on Monday."
    event = trigger(extract(text), "criticised")
    assert countries(event.source) == ["RUS"]
