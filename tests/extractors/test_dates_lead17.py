"""Event dates (issue 17, session 17, from the seed-9991 verdicts). Invented sentences."""

from __future__ import annotations

from event_checks import coded_events, trigger


def test_a_when_clause_with_its_when_on_the_second_verb_takes_the_time_it_hangs_on(nlp):
    text = "Anger grew last year when Kenyan police shot and killed a student, John Mwangi, in Nairobi."
    # 'shot and killed a student' is one act (session 19: 'shot' shares the object), told
    # by whichever verb comes first; every mention of it takes the year
    events = [e for e in coded_events(nlp, text, "2017-03-16") if e.type == "ASSAULT"]
    assert events and all(e.date == "2016" for e in events)


def test_an_act_done_when_someone_held_an_office_is_not_dated_today(nlp):
    text = (
        "When he was the commissioner for refugees, Guterres pressured the Kenyan "
        "government to keep the camp open."
    )
    assert trigger(coded_events(nlp, text, "2017-03-16"), "pressured").date is None


def test_a_when_clause_with_a_day_still_dates_the_act(nlp):
    # guard: a 'when' clause of place and day is not an office held
    text = (
        "When he was in Nairobi on Monday, Guterres pressured the Kenyan government to "
        "keep the camp open."
    )
    assert trigger(coded_events(nlp, text, "2017-03-16"), "pressured").date == "2017-03-13"
