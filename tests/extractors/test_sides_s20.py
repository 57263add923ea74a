"""Events' sides (issue 17, session 20, dev draws 10014 and 10015): a gloss set off by a
dash (or by the '"?' a broken encoding leaves where a dash was) taken for the object, a
'from' phrase taken for whom a criticism is aimed at, a relative clause set off by a comma
taken for what is refused, 'against X' hung by the parser on the place of an attack,
and a region named with 'America' coded as the United States. Invented sentences
through the extraction steps."""

from __future__ import annotations

import pytest
from event_checks import coded_events, names, trigger, triggered

from newsgraph.kb.actor_codes import code_phrase


@pytest.fixture(scope="module")
def extract(nlp):
    return lambda text, published="2019-05-15": coded_events(nlp, text, published)


# -- 1. a gloss after a dash is no object -----------------------------------------------------


def test_the_backer_of_a_stance_after_a_garbled_dash_is_no_target(extract):
    text = 'Bernie Sanders has refused to do that "?a stance backed by Senator Ted Cruz.'
    event = trigger(extract(text), "refused")
    assert names(event.target) == []


def test_the_sharer_of_a_view_after_a_garbled_dash_is_no_target(extract):
    text = 'Bernie Sanders has rejected the idea "?a view shared by Senator Ted Cruz.'
    event = trigger(extract(text), "rejected")
    assert names(event.target) == []


def test_a_dash_that_opens_the_sentence_leaves_the_passive_subject(extract):
    # control: the dash ends the paragraph before; the suspended offensive is still the SDF's
    text = (
        "The dam is safe, officials said.- The Kurdish-led Syrian Democratic Forces' (SDF) "
        "offensive was briefly suspended on Monday."
    )
    event = trigger(extract(text), "suspended")
    assert names(event.target) == ["Syrian Democratic Forces"]


def test_the_backer_of_a_refused_plan_is_still_the_target(extract):
    # control: the plan is what is refused, with no dash before it
    text = "Bernie Sanders refused a plan backed by Senator Ted Cruz."
    event = trigger(extract(text), "refused")
    assert names(event.target) == ["Ted Cruz"]


# -- 2. one faults someone, never from someone -----------------------------------------------


def test_a_criticized_ban_is_aimed_at_its_owner_not_where_its_people_come_from(extract):
    text = "Macron criticized Trump's ban on visitors from six Muslim-majority countries."
    event = trigger(extract(text), "criticized")
    assert names(event.target) == ["Donald Trump"]


def test_a_criticism_said_from_a_place_still_has_its_object(extract):
    # control: the object stays the target
    text = "Obama criticized Putin from the White House."
    event = trigger(extract(text), "criticized")
    assert names(event.target) == ["Vladimir Putin"]


# -- 3. a relative clause set off by a comma is not what is refused --------------------------


def test_those_a_refused_bill_required_to_act_are_not_refused(extract):
    text = "Angela Merkel opposed the bills, which required Republicans to cut taxes."
    event = trigger(extract(text), "opposed")
    assert names(event.target) == []


def test_the_object_of_a_refused_act_is_still_the_target(extract):
    # control: no relative clause, the act refused is the frame's complement
    text = "Angela Merkel refused requests to meet Putin."
    event = trigger(extract(text), "refused")
    assert names(event.target) == ["Vladimir Putin"]


# -- 4. 'against X' hung on the attack's place -------------------------------------------------


def test_whom_an_assault_is_against_is_its_target_past_the_place(extract):
    text = (
        "Afghan troops launch a new assault on the Sangin army base near Kandahar's airport "
        "against the Taliban."
    )
    event = trigger(extract(text), "assault")
    assert names(event.target) == ["Taliban"]


def test_a_rally_against_someone_is_not_a_raid_against_them(extract):
    # control: the rally between the raid and 'against' is the one against the mayor
    text = "Police launched a raid on a rally near the city's stadium against Theresa May."
    assert all(names(e.target) != ["Theresa May"] for e in triggered(extract(text), "raid"))


# -- 5. a part of the American continents is not the United States ---------------------------


@pytest.mark.parametrize("phrase", ["Latin America", "Central America", "South America"])
def test_a_region_of_the_americas_has_no_country(phrase):
    assert code_phrase(phrase) is None


def test_america_alone_is_still_the_united_states():
    # control
    found = code_phrase("America")
    assert found is not None and found.country == "USA"
