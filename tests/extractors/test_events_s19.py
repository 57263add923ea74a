"""What is an event, its type and its date (issue 17, session 19, dev draws 10005 and
10006, and the seed-9954 verdicts' shapes). Invented sentences; the publication day is a
Saturday (2017-03-18)."""

from __future__ import annotations

from event_checks import coded_events, trigger

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


def test_a_when_clause_on_a_since_year_is_dated_that_year(nlp):
    text = "Syria has been in chaos since 2011, when the army shelled protesters in Homs."
    assert trigger(coded_events(nlp, text, DAY), "shelled").date == "2011"
