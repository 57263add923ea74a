"""What a political event coder codes (extractors/events/domain.py) and the date an
event takes from its own clause (coder._date via times.dating.event_date)."""

from __future__ import annotations

import pytest

from newsgraph.extractors.events.coder import find_events
from newsgraph.extractors.times.dating import event_date
from newsgraph.extractors.times.finder import find_times
from newsgraph.records import TimeExpr

PUBLISHED = "2017-03-02"


def coded(nlp, text: str):
    times = find_times(text, anchor=PUBLISHED)
    return find_events(nlp(text), times=times, published=PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        # numbers and statistics
        "Industry accounted for 64.4 percent of total demand last year.",
        "Sexual assaults on children were up 20% on the previous year.",
        # markets, weather, things that are not actors
        "The smog will disperse by the weekend.",
        "Stocks staged a strong rally on Friday.",
        "Thirty-two shots collecting images offer a new look at the planet.",
        # questions, counterfactuals, generic statements
        "How does that hurt you?",
        "Signing the executive order would have undercut the talks.",
        "Most of the American public supports a pathway to citizenship.",
        # senses that are not the coded act
        "Just click here and sign up for the newsletter.",
        "We have heard this kind of talk before.",
        "The ministry declined further comment.",
        "The ministry declined to comment on the report.",
        "The president refused to go into details at the press conference.",
        "The FDA approved two cancer drugs on Friday after a review of trials.",
        "Conservative MPs had approved the Brexit bill in the Commons on Monday night.",
        "As opposed to its neighbours, Serbia must not adhere to the EU's rules.",
        "Such a manifold EU will allow for the East's illiberal democracies to remain in it.",
        "Spicer was cracking down on leaks coming out of the White House.",
        "Years after Obama released his birth certificate, the story lived on.",
        "The company released a statement on Monday.",
        "Netanyahu on Monday called the relationship stronger than ever.",
        "The sergeant asked if the woman had tried to defend herself.",
        "Experts warn that nurdles can soak up chemical pollutants.",
        "The certificates fail to meet the requirements of the customs service.",
        "Cullinan has not responded to the network's request for comment.",
        'He said: "It is vital that applicants consult the different turnaround times."',
        "Police also agreed that in interviews Webster had described himself as calm.",
        "From 2011 to 2015, China invested 3.58 trillion yuan to build railways.",
        "Konyukhov had beaten an absolute world record.",
        "The Russian Embassy declined requests for an interview this week.",
        "It is not clear if the ministries will offer aid to the region.",
        # first person, unresolved: an interviewee's life story
        "I quit because the pay was too low.",
        "I returned and settled here in 2007.",
    ],
)
def test_not_coded(nlp, text):
    assert [(e.type, e.trigger.text) for e in coded(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russian President Vladimir Putin met Marine Le Pen in Moscow.", "CONSULT"),
        ("Police dispersed the protesters with tear gas.", "ASSAULT"),  # crosswalk: 175
        ("Egypt released the detained journalists on Monday.", "RETREAT"),
        ("The army deployed troops along the border.", "MOBILIZE"),
        ("Poland called on Germany to send more tanks to Ukraine.", "REQUEST"),
        ("Haniyeh refused to respond to a demand from the US President.", "REJECT"),
        ("Hamas refused to go into talks with the Israeli government.", "REJECT"),
        ("Israel approved an Egyptian proposal for a truce in Gaza on Tuesday.", "CONCEDE"),
        ("Egyptian police cracked down on protesters in Cairo on Friday.", "ASSAULT"),
        ("Russia and China signed an agreement on energy.", "SUPPORT"),
        ("Ukraine asked Germany to deliver tanks.", "REQUEST"),
        ("The rebels will attack the capital.", "THREATEN"),
        ("Russia and Turkey agreed that the ceasefire would begin on Friday.", "AGREE"),
        ("Japan invested heavily in Indonesia.", "COOPERATE"),
        ("Burmese troops have captured part of a Karen guerrilla stronghold.", "COERCE"),
        ("The minister allowed opposition leader Fazl-ur-Rehman to hold the rally.", "CONCEDE"),
    ],
)
def test_still_coded(nlp, text, kind):
    assert kind in {e.type for e in coded(nlp, text)}


def date_of(nlp, text: str, kind: str) -> str | None:
    found = [e for e in coded(nlp, text) if e.type == kind]
    assert found, text
    return found[0].date


def test_the_time_of_the_clause_dates_the_event(nlp):
    assert date_of(nlp, "Police arrested the opposition leader late Saturday night.", "COERCE") == (
        "2017-02-25"
    )
    assert date_of(nlp, "In 2014 and 2015, Russia and France brokered two peace deals.", "CONSULT")[
        :4
    ] in ("2014", "2015")
    assert date_of(nlp, "A decade ago the army attacked the rebels in the north.", "ASSAULT") == (
        "2007"
    )


def test_history_keeps_its_year(nlp):
    text = "Reagan was the last president to miss the dinner after Hinckley shot him in 1981."
    assert date_of(nlp, text, "ASSAULT") == "1981"


def test_a_time_in_another_clause_does_not_date_the_event(nlp):
    text = "The army attacked the rebels, who had seized the town in 2014."
    assert date_of(nlp, text, "ASSAULT") == PUBLISHED


def test_future_dates_only_for_future_events(nlp):
    assert date_of(nlp, "Iran will attack Israel in 2023.", "THREATEN") == "2023"
    text = "Iran attacked the tanker, and the talks must now wait until 2023."
    assert date_of(nlp, text, "ASSAULT") == PUBLISHED
    # an intent with no time of its own is stated on the reported day
    assert date_of(nlp, "Macron intends to meet Zelensky in Kiev.", "AGREE") == PUBLISHED
    text = "Macron intends to meet Zelensky in Kiev on March 8."
    assert date_of(nlp, text, "AGREE") == "2017-03-08"


def test_a_yearless_past_date_is_not_in_the_future(nlp):
    text = "By mid-December the rebels refused to set a date for further talks."
    published = "2017-01-20"
    times = find_times(text, anchor=published)
    found = [e for e in find_events(nlp(text), times=times, published=published)]
    assert [e.date for e in found if e.type == "REJECT"] == ["2016-12"]


def test_past_perfect_is_not_the_reported_day(nlp):
    assert date_of(nlp, "The rebels had attacked the town before.", "ASSAULT") is None


def test_event_date_never_after_publication_unless_future():
    times = [TimeExpr(10, 14, "2023", "2023", "DATE")]
    rank = lambda t: 0  # noqa: E731
    assert event_date(0, 40, times, PUBLISHED, governs=rank) == PUBLISHED
    assert event_date(0, 40, times, PUBLISHED, governs=rank, future=True) == "2023"
    assert event_date(0, 40, times, PUBLISHED, governs=rank, present=False) is None
    week = [TimeExpr(10, 19, "last week", "2017-W08", "DATE")]
    assert event_date(0, 40, week, PUBLISHED, governs=rank) == "2017-W08"
