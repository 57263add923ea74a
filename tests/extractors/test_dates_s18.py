"""Events' dates (issue 17, session 18, dev draws 9977 and 9978): history told against an
old time or an office held then, a weekend, a date with dots, a month of an occasion.
Invented sentences; the publication day is a Saturday (2017-03-18) unless a test says."""

from __future__ import annotations

from event_checks import coded_events, trigger

DAY = "2017-03-18"


def test_an_act_after_a_gerund_phrase_of_a_past_year_is_undated(nlp):
    text = "After quitting the leadership race in March 2015, Jones quickly endorsed Smith."
    assert trigger(coded_events(nlp, text, DAY), "endorsed").date is None


def test_an_act_after_a_clause_of_a_past_year_is_undated(nlp):
    text = "After he quit the leadership race in March 2015, Jones quickly endorsed Smith."
    assert trigger(coded_events(nlp, text, DAY), "endorsed").date is None


def test_an_act_after_a_phrase_of_this_week_keeps_its_dating(nlp):
    # guard: a day days back is no history (dated as before)
    text = "After meeting Abe on Monday, Trump praised Japan."
    assert trigger(coded_events(nlp, text, DAY), "praised").date is not None


def test_an_act_done_as_an_office_holder_in_the_past_is_undated(nlp):
    text = "As justice secretary, Santos conducted a raid on the city jail that shocked the nation."
    assert trigger(coded_events(nlp, text, DAY), "raid").date is None


def test_a_pact_signed_as_minister_is_undated(nlp):
    text = "As defence minister, Okafor signed a pact with Ghana that angered the opposition."
    assert trigger(coded_events(nlp, text, DAY), "signed").date is None


def test_an_act_as_the_envoy_of_someone_keeps_the_day(nlp):
    # guard: a part played with an article ('as the envoy of') is no office held then
    text = "As the envoy of the president, Okafor met Putin."
    assert trigger(coded_events(nlp, text, DAY), "met").date == DAY


def test_over_the_weekend_dates_the_weekend_week(nlp):
    # published on a Wednesday: the weekend before is in ISO week 11
    text = "Over the weekend, Austria refused to allow the Turkish minister to hold a rally."
    assert trigger(coded_events(nlp, text, "2017-03-22"), "refused").date == "2017-W11"


def test_a_dotted_date_before_a_teaser_dates_it(nlp):
    text = "(14.03.2017) German Finance Minister Olaf Berg has again rejected calls for debt relief for Greece."
    assert trigger(coded_events(nlp, text, "2017-03-22"), "rejected").date == "2017-03-14"


def test_a_dotted_date_is_a_day():
    from newsgraph.extractors.times import find_times

    found = find_times("The decree of 02.11.2016 was annulled.", anchor="2017-03-22")
    assert [(t.text, t.value) for t in found] == [("02.11.2016", "2016-11-02")]


def test_a_month_on_a_summit_joined_to_the_verb_does_not_date_the_agreement(nlp):
    text = (
        "Trudeau has also agreed to attend a May summit meeting of NATO leaders in Brussels, "
        "where the alliance is headquartered, and a G20 summit in Germany in July."
    )
    assert trigger(coded_events(nlp, text, "2017-03-08"), "agreed").date != "2016-07"


def test_a_resignation_of_one_called_former_is_undated(nlp):
    text = "Miller, the former energy adviser to the president, resigned after the leak."
    assert trigger(coded_events(nlp, text, DAY), "resigned").date is None


def test_a_resignation_of_one_called_former_keeps_its_own_day(nlp):
    # guard: a day the clause gives dates it
    text = "Miller, the former energy adviser to the president, resigned on Monday."
    assert trigger(coded_events(nlp, text, DAY), "resigned").date == "2017-03-13"


def test_a_former_president_criticizing_keeps_the_day(nlp):
    # guard: only a leaving is what made the subject former
    text = "Former President Obama criticized the plan."
    assert trigger(coded_events(nlp, text, DAY), "criticized").date == DAY
