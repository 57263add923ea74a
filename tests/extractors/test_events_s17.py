"""Events (issue 17, session 17): dates from the clause, and what is not an event. Acts
told of another time dated the article day, and clauses coded as acts that report none,
from the dev draws of seeds 9995-9997 and session 15's lists; each rule on invented
sentences, through the extraction steps (events below the confidence floor are left out,
as the events step does)."""

from __future__ import annotations

import pytest
from event_checks import above_floor, coded_events, trigger

PUBLISHED = "2019-05-15"


@pytest.fixture(scope="module")
def extract_all(nlp):
    """Every coded event, before the confidence floor."""
    return lambda text, published=PUBLISHED: coded_events(nlp, text, published)


@pytest.fixture(scope="module")
def extract(extract_all):
    """The events the events step keeps (above its confidence floor)."""
    return lambda text, published=PUBLISHED: above_floor(extract_all(text, published))


# --- dates ----------------------------------------------------------------------------------


def test_a_when_clause_of_a_past_year_dates_no_act_today(extract):
    text = "Japan condemned the tests when Abe spoke at the 2016 G7 summit."
    assert trigger(extract(text), "condemned").date is None
    # a 'when' clause of the day, or of no time, leaves the clause's own dating
    text = "Japan condemned the tests when Abe spoke at the G7 summit on Tuesday."
    assert trigger(extract(text), "condemned").date == "2019-05-14"
    text = "Japan condemned the tests as Abe arrived at the G7 summit."
    assert trigger(extract(text), "condemned").date == PUBLISHED
    text = "Japan condemned the tests when Abe spoke at the 2019 G7 summit."
    assert trigger(extract(text), "condemned").date == PUBLISHED


def test_a_standing_denial_is_dated_no_day(extract_all):
    assert trigger(extract_all("Kagame steadfastly denies the allegations."), "denies").date is None
    assert trigger(extract_all("Moscow has always denied the charge."), "denied").date is None
    # a denial of the day keeps it
    assert trigger(extract_all("Kagame denied the allegations."), "denied").date == PUBLISHED


def test_the_day_a_message_was_made_dates_what_it_says(extract):
    text = (
        "The chancellor addressed remarks made by the prime minister on Tuesday in which he "
        "said Britain firmly supports the European Union."
    )
    assert trigger(extract(text), "supports").date == "2019-05-14"
    # a message with no day of its own leaves the clause's own dating
    text = (
        "The chancellor addressed remarks by the prime minister in which he said Britain "
        "firmly supports the European Union."
    )
    assert trigger(extract(text), "supports").date == PUBLISHED


def test_a_record_set_against_how_things_stand_is_dated_no_day(extract):
    text = "While Democrats have blamed Russia for the hacking, the report names no country."
    assert trigger(extract(text), "blamed").date is None
    # with a day of its own, or standing alone, it keeps its dating
    text = "While Democrats blamed Russia for the hacking on Monday, the report names no country."
    assert trigger(extract(text), "blamed").date == "2019-05-13"
    assert trigger(extract("Democrats have blamed Russia for the hacking."), "blamed").date == (
        PUBLISHED
    )


def test_a_past_accusation_no_one_is_named_making_is_dated_no_day(extract, extract_all):
    text = "General Suharto was accused of ordering the killings of students."
    assert trigger(extract_all(text), "accused").date is None
    # a charge made by someone, on a day, or told in the present keeps its dating
    text = "Suharto was accused by prosecutors of ordering the killings of students."
    assert trigger(extract(text), "accused").date == PUBLISHED
    text = "Suharto was accused on Monday of ordering the killings of students."
    assert trigger(extract_all(text), "accused").date == "2019-05-13"
    text = "Senator Lopez is accused of running a smuggling ring."
    assert trigger(extract_all(text), "accused").date == PUBLISHED
    text = "Senator Lopez has been charged with running a smuggling ring."
    assert trigger(extract_all(text), "charged").date == PUBLISHED


def test_an_intent_stated_in_a_past_when_clause_is_dated_no_day(extract):
    text = (
        "Jones said that when he served as speaker, he sought to first allow senators to settle "
        "such disputes themselves."
    )
    assert trigger(extract(text), "allow").date is None
    text = "Jones said he seeks to allow senators to settle such disputes themselves."
    assert trigger(extract(text), "allow").date == PUBLISHED


# --- not an event ---------------------------------------------------------------------------


def test_when_it_comes_to_is_no_visit(extract_all):
    text = "When it comes to the influence in the Balkans, Turkey is an important player."
    assert not extract_all(text)


def test_a_statement_offered_is_no_offer(extract_all, extract):
    text = (
        'A Kremlin spokesman offered this statement in response to a request for comment: "Nobody '
        'met him."'
    )
    assert not [e for e in extract_all(text) if e.trigger.text == "offered"]
    assert (
        trigger(extract("The Kremlin offered Ukraine a new gas deal."), "offered").type == "AGREE"
    )


def test_calling_someone_a_name_is_no_call(extract_all):
    text = (
        'Calling police officers the "frontline soldiers" in the fight against crime, Attorney '
        "General Smith signaled Monday that the ministry would change course."
    )
    assert not [e for e in extract_all(text) if e.trigger.text == "Calling"]
