"""What is an event, its type and its date (issue 17, session 19, dev draws 10005 and
10006, and the seed-9954 verdicts' shapes). Invented sentences; the publication day is a
Saturday (2017-03-18)."""

from __future__ import annotations

from event_checks import coded_events, trigger, triggered

DAY = "2017-03-18"


def test_a_protest_a_crowd_gathered_for_takes_the_year_fronting_the_sentence(nlp):
    text = "In 2009, thousands of Moldovans took to the streets to protest against the vote."
    assert trigger(coded_events(nlp, text, DAY), "protest").date == "2009"


def test_a_protest_a_crowd_gathered_for_takes_the_day_of_the_gathering(nlp):
    text = (
        "On Tuesday, hundreds of Chileans gathered in Santiago to protest against the government."
    )
    assert trigger(coded_events(nlp, text, DAY), "protest").date == "2017-03-14"


def test_a_protest_a_crowd_turned_out_for_takes_the_week(nlp):
    text = "Last week, students in Lima turned out to protest against the education minister."
    assert trigger(coded_events(nlp, text, DAY), "protest").date == "2017-W10"


def test_taking_steps_to_protest_is_no_gathering(nlp):
    # guard: not a crowd gathering; the purpose keeps no date of its own
    text = "In 2009, the union took steps to protest against the vote."
    dates = [e.date for e in coded_events(nlp, text, DAY) if e.trigger.text == "protest"]
    assert "2009" not in dates


def test_a_time_between_two_seasons_dates_the_vote_not_the_rejection(nlp):
    text = (
        "The Dutch government said it would reject the Frisian party's call for a "
        "referendum between Autumn 2018 and Spring 2019."
    )
    event = trigger(coded_events(nlp, text, DAY), "reject")
    assert event.date is None or not event.date.startswith(("2018", "2019"))


def test_a_year_on_an_election_called_for_dates_the_election(nlp):
    text = "The Catalan government will reject Spain's call for an election in 2018."
    event = trigger(coded_events(nlp, text, DAY), "reject")
    assert event.date != "2018"


def test_a_conjunct_a_year_later_does_not_take_the_first_year(nlp):
    text = "The Taliban won the vote in 1996 and took control of Kabul a year later."
    assert trigger(coded_events(nlp, text, DAY), "took").date != "1996"


def test_a_charm_offensive_is_no_force(nlp):
    text = "Boris Petrov launched a charm offensive at the party convention on Friday."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_a_diplomatic_offensive_against_a_state_is_no_force(nlp):
    text = "Moscow launched a diplomatic offensive against Kiev."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_an_army_offensive_on_a_city_is_force(nlp):
    # guard
    text = "The Iraqi army launched an offensive on Mosul on Friday."
    assert trigger(coded_events(nlp, text, DAY), "offensive").type == "ASSAULT"


def test_meeting_targets_one_aims_at_is_no_meeting(nlp):
    text = "The government aims to meet UN emissions targets for 2030."
    assert not triggered(coded_events(nlp, text, DAY), "meet")


def test_planning_to_meet_a_minister_is_still_an_intent_to_meet(nlp):
    # guard
    text = "Lavrov plans to meet Kerry in Geneva."
    assert trigger(coded_events(nlp, text, DAY), "meet").type == "AGREE"


def test_a_civil_war_named_by_its_country_has_no_side(nlp):
    text = "Thousands have died since the Yemeni civil war began in 2014."
    assert not triggered(coded_events(nlp, text, DAY), "war")


def test_a_war_between_two_states_keeps_its_sides(nlp):
    # guard
    text = "The war between Iraq and Iran began in 1980."
    event = trigger(coded_events(nlp, text, DAY), "war")
    assert event.type == "ASSAULT" and event.date == "1980"


def test_a_sum_requested_for_a_ministry_at_home_is_asked_of_no_one(nlp):
    text = "Last week, the Elysee requested $2 billion more for the defence ministry."
    assert not triggered(coded_events(nlp, text, DAY), "requested")


def test_agents_called_for_in_an_executive_order_are_asked_of_no_one(nlp):
    text = "Obama has called for an additional 3,000 border agents in an executive order."
    assert not triggered(coded_events(nlp, text, DAY), "called")


def test_a_sum_asked_of_a_lender_is_still_a_request(nlp):
    # guard
    text = "Greece asked the EU for 5 billion euros."
    assert trigger(coded_events(nlp, text, DAY), "asked").type == "REQUEST"


def test_aid_called_for_is_still_a_request(nlp):
    # guard
    text = "Ukraine called for $2 billion in aid."
    assert trigger(coded_events(nlp, text, DAY), "called").type == "REQUEST"


def test_a_when_clause_on_a_since_year_is_dated_that_year(nlp):
    text = "Syria has been in chaos since 2011, when the army shelled protesters in Homs."
    assert trigger(coded_events(nlp, text, DAY), "shelled").date == "2011"


def test_a_visit_in_a_when_clause_of_a_conjecture_is_only_possible(nlp):
    text = "Obama could soon find himself at the Queen's palace when he travels to Britain."
    assert trigger(coded_events(nlp, text, DAY), "travels").modality == "possible"


def test_a_visit_in_a_when_clause_of_a_future_is_still_to_come(nlp):
    text = (
        "His skills will get their biggest test when he becomes the first minister to visit China."
    )
    assert trigger(coded_events(nlp, text, DAY), "visit").modality == "future"


def test_a_visit_in_a_past_when_clause_is_done(nlp):
    # guard
    text = "Obama met Merkel when he travelled to Berlin."
    assert trigger(coded_events(nlp, text, DAY), "met").modality is None


def test_a_thing_demonstrated_on_instagram_is_no_protest(nlp):
    text = (
        "Fold the lid back, and the box becomes a tiny desk, as Vogue editor Anna Berg "
        "demonstrated on Instagram."
    )
    assert not triggered(coded_events(nlp, text, DAY), "demonstrated")


def test_a_party_beaten_into_fourth_place_in_elections_is_no_assault(nlp):
    text = "The Greens were beaten into fourth place by the Liberals in local elections."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_protesters_beaten_by_police_are_still_assaulted(nlp):
    # guard
    text = "Police beat protesters in Minsk."
    assert trigger(coded_events(nlp, text, DAY), "beat").type == "ASSAULT"


def test_a_timeline_present_protest_takes_the_year_fronting_the_sentence(nlp):
    text = (
        "In 2009, as the economy collapses, thousands of Moldovans take to the streets to protest."
    )
    assert trigger(coded_events(nlp, text, DAY), "protest").date == "2009"
