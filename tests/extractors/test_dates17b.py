"""Event dates (issue 17, session 17, second round, branch dates17b): an act in an 'a day
after' clause counted back from the day the sentence gives, and an act done while its
subject was busy at a time a relative clause gives. Invented sentences; the publication
day 2017-03-18 is a Saturday."""

from __future__ import annotations

from event_checks import coded_events, trigger

SATURDAY = "2017-03-18"


def test_an_act_a_day_after_the_day_told_is_dated_the_day_before(nlp):
    text = (
        "On Saturday, a day after the Trump administration imposed fresh sanctions on Iran, "
        "Tehran held military drills."
    )
    assert trigger(coded_events(nlp, text, SATURDAY), "sanctions").date == "2017-03-17"


def test_a_gap_of_a_week_is_counted_in_days(nlp):
    text = (
        "On Saturday, a week after the Trump administration imposed fresh sanctions on Iran, "
        "Tehran held military drills."
    )
    assert trigger(coded_events(nlp, text, SATURDAY), "sanctions").date == "2017-03-11"


def test_an_uncounted_gap_leaves_the_act_undated(nlp):
    text = (
        "On Monday, weeks after the Trump administration imposed fresh sanctions on Iran, "
        "Tehran held military drills."
    )
    assert trigger(coded_events(nlp, text, SATURDAY), "sanctions").date is None


def test_a_gap_of_hours_keeps_the_day_told(nlp):
    # guard: hours apart is the same day, as before
    text = (
        "On Friday, hours after the Trump administration imposed fresh sanctions on Iran, "
        "Tehran held military drills."
    )
    assert trigger(coded_events(nlp, text, SATURDAY), "sanctions").date == "2017-03-17"


def test_a_day_the_gapped_clause_gives_itself_dates_it(nlp):
    # guard: 'on Wednesday' inside the 'after' clause is its own day, not counted back
    text = (
        "On Saturday, two days after the Trump administration imposed fresh sanctions on Iran "
        "on Wednesday, Tehran held military drills."
    )
    assert trigger(coded_events(nlp, text, SATURDAY), "sanctions").date == "2017-03-15"


def test_a_gap_of_a_year_names_no_day(nlp):
    text = (
        "On Saturday, a year after the Trump administration imposed fresh sanctions on Iran, "
        "Tehran held military drills."
    )
    assert trigger(coded_events(nlp, text, SATURDAY), "sanctions").date is None


def test_an_act_done_while_its_subject_was_busy_takes_that_day(nlp):
    text = "Rubio, who was chairing the committee on Monday night, rebuked the senator from Ohio."
    assert trigger(coded_events(nlp, text, SATURDAY), "rebuked").date == "2017-03-13"


def test_plural_subject_busy_on_a_day(nlp):
    text = "The senators, who were visiting Kiev on Sunday, condemned Russia."
    assert trigger(coded_events(nlp, text, SATURDAY), "condemned").date == "2017-03-12"


def test_the_clause_s_own_day_wins_over_the_subject_s(nlp):
    # guard
    text = (
        "Rubio, who was chairing the committee on Monday night, rebuked the senator from "
        "Ohio on Tuesday."
    )
    assert trigger(coded_events(nlp, text, SATURDAY), "rebuked").date == "2017-03-14"


def test_another_act_of_the_subject_does_not_date_the_clause(nlp):
    # guard: 'who met Putin on Monday' tells another act, not when this one was done
    text = "Rubio, who met Putin on Monday, rebuked the senator from Ohio."
    assert trigger(coded_events(nlp, text, SATURDAY), "rebuked").date == SATURDAY
