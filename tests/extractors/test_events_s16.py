"""Events (issue 17, session 16): "facts a reader can trust". Clauses coded as acts that
report none, acts given the wrong kind, and background dated the article day, from the dev
draws of seeds 9981-9983 and session 15's lists; each rule on invented sentences, through
the extraction steps (events below the confidence floor are left out, as the events step
does)."""

from __future__ import annotations

import pytest
from event_checks import above_floor, coded_events, names, trigger, triggered

PUBLISHED = "2019-05-15"


@pytest.fixture(scope="module")
def extract_all(nlp):
    """Every coded event, before the confidence floor (an event read from a pronoun the
    article resolves is kept there; a lone invented sentence leaves it unresolved)."""
    return lambda text, published=PUBLISHED: coded_events(nlp, text, published)


@pytest.fixture(scope="module")
def extract(extract_all):
    """The events the events step keeps (above its confidence floor)."""
    return lambda text, published=PUBLISHED: above_floor(extract_all(text, published))


# --- not an act of the coded kind ---------------------------------------------------------


def test_a_return_home_is_no_visit(extract):
    assert not triggered(
        extract("The senator returned to his ranch in Texas on Friday."), "returned"
    )
    assert not triggered(extract("The frigate has returned to France."), "returned")
    # a return for talks, or to meet someone, is a visit
    event = trigger(extract("The minister returned to Moscow for talks with Lavrov."), "returned")
    assert event.type == "CONSULT"


def test_a_word_with_the_press_is_no_consultation(extract):
    assert not triggered(extract("A reporter spoke with protesters in Cairo."), "spoke")
    assert not triggered(extract("The Dutch minister spoke to journalists on Tuesday."), "spoke")
    event = trigger(extract("Merkel spoke with Putin by phone on Tuesday."), "spoke")
    assert event.type == "CONSULT"


def test_an_attack_told_by_a_participle_of_speech_is_criticism(extract):
    text = "Senator Graham attacked Rand Paul, accusing him of working for Vladimir Putin."
    event = trigger(extract(text), "attacked")
    assert event.type == "ACCUSE" and event.cameo == "111"
    text = "Kurdish rebels attacked a Turkish army convoy, killing ten soldiers."
    for event in triggered(extract(text), "attacked"):
        assert event.type == "ASSAULT"


def test_welcoming_to_someone_is_an_attitude(extract):
    assert not triggered(extract("Sweden is welcoming to refugees."), "welcoming")
    event = trigger(extract("Sweden is welcoming refugees from Syria."), "welcoming")
    assert names(event.source) == ["Sweden"]


def test_not_doing_enough_to_act_is_no_act(extract):
    assert not triggered(extract("Japan is not doing enough to pressure North Korea."), "pressure")
    assert not triggered(
        extract("France has done little to stop Iran from arming Hezbollah."), "stop"
    )
    event = trigger(extract("Japan did it to pressure North Korea."), "pressure")
    assert names(event.target) == ["North Korea"]


def test_heading_to_the_polls_is_voting(extract):
    assert not triggered(extract("Austrians are set to head to the polls on October 15."), "head")
    assert triggered(extract("Rutte is set to head to Berlin for talks with Merkel."), "head")


def test_money_for_a_thing_is_no_aid(extract):
    text = "The Kenyan president is seeking to fund a sweeping agrarian overhaul."
    assert not triggered(extract(text), "fund")
    text = "The Treasury Secretary financed several Bollywood films."
    assert not triggered(extract(text), "financed")
    event = trigger(extract("Qatar funded the Syrian rebels."), "funded")
    assert names(event.target)


def test_evidence_backing_a_claim_is_no_support(extract):
    text = "The ministry later released a list of incidents it said backed up Erdogan's claim."
    assert not triggered(extract(text), "backed")
    event = trigger(extract("Poland backed Tusk's candidacy on Thursday."), "backed")
    assert event.type == "SUPPORT"


def test_what_an_act_made_possible_is_no_permission(extract):
    text = (
        "Ohio officials closed the bridge over the river on Monday, allowing engineers to "
        "start repairing the pillars."
    )
    assert not triggered(extract(text), "allowing")
    event = trigger(extract("Israel allowed Palestinian workers to enter Gaza."), "allowed")
    assert event.type == "CONCEDE"


def test_a_neighbour_inviting_someone_in_is_no_political_invitation(extract):
    assert not triggered(extract("Suddenly the mayor looked out and invited Macron in."), "invited")
    event = trigger(extract("Putin invited Macron to Moscow for talks."), "invited")
    assert names(event.target) == ["Emmanuel Macron"]


def test_agreeing_that_something_could_possibly_be_so_is_an_opinion(extract):
    text = (
        "The judges agreed that Erdogan's talk of a purge could potentially be used as "
        "evidence of bias."
    )
    assert not triggered(extract(text), "agreed")
    event = trigger(extract("The judges agreed to hear Orban's appeal."), "agreed")
    assert event.type == "AGREE"


def test_a_rise_in_a_countrys_own_budget_offers_nothing_to_anyone(extract):
    text = "Macron has proposed an increase in the 2019 French defence budget by 2 billion euros."
    assert not triggered(extract(text), "proposed")
    event = trigger(extract("Macron has proposed talks with Russia."), "proposed")
    assert names(event.target) == ["Russia"]


# --- dates --------------------------------------------------------------------------------


def test_an_occurrence_pointed_back_to_is_not_dated_today(extract):
    text = "French officials said that airstrike killed dozens of Islamic State fighters."
    assert trigger(extract(text), "killed").date is None
    text = "French officials said an airstrike killed dozens of Islamic State fighters."
    assert trigger(extract(text), "killed").date == PUBLISHED


def test_withdrawing_money_or_a_motion_is_no_retreat(extract):
    text = "The Bank of Japan withdrew 90 billion yen from the market on Tuesday."
    assert not triggered(extract(text), "withdrew")
    text = "The Liberal Party withdrew its proposed amendment before the vote."
    assert not triggered(extract(text), "withdrew")
    event = trigger(extract("Russia withdrew its troops from Syria."), "withdrew")
    assert event.type == "RETREAT"


def test_suppressing_evidence_is_no_repression(extract):
    text = "A court found that the Ohio attorney general's office had suppressed evidence."
    assert not triggered(extract(text), "suppressed")
    event = trigger(extract("Belarusian police suppressed the protests in Minsk."), "suppressed")
    assert event.type == "ASSAULT"


def test_sharing_cultures_is_no_intelligence_shared(extract):
    text = "Germans and Afghan refugees come together to share their cultures and experiences."
    assert not triggered(extract(text), "share")


def test_a_person_taking_over_with_nothing_taken_took_office(extract):
    assert not triggered(extract("But then Erdogan took over, and it got worse."), "took")
    text = "Islamic State fighters took over the Syrian town of Palmyra."
    assert trigger(extract(text), "took").type == "COERCE"


def test_threatened_by_a_thing_is_a_danger_not_a_threat(extract):
    text = "Fishermen say their industry is threatened by EU regulations."
    assert not triggered(extract(text), "threatened")
    event = trigger(extract("Russia threatened Ukraine with sanctions."), "threatened")
    assert event.type == "THREATEN"


def test_welcoming_figures_is_no_support(extract):
    text = "The SNP and the Scottish Greens welcomed the survey's findings on Tuesday."
    assert not triggered(extract(text), "welcomed")
    event = trigger(extract("Merkel welcomed the court's ruling."), "welcomed")
    assert event.type == "SUPPORT"


def test_threatening_stability_is_a_danger(extract):
    text = "The armed group Boko Haram continues to threaten stability in the region."
    assert not triggered(extract(text), "threaten")
    text = "Boko Haram threatened Nigeria with new attacks."
    assert trigger(extract(text), "threatened").type == "THREATEN"


def test_allowed_with_a_finite_clause_is_a_concession_in_words(extract, extract_all):
    text = "The French reform of pensions was unfinished, Macron allowed."
    assert not triggered(extract_all(text), "allowed")
    event = trigger(extract("Saudi Arabia allowed women to drive."), "allowed")
    assert event.type == "CONCEDE"


def test_an_act_over_an_occasion_of_a_past_year_is_not_dated_today(extract):
    text = "Throughout the 2016 campaign, Trump urged his supporters to fear Mexico."
    assert trigger(extract(text), "urged").date is None
    text = "On Tuesday, Trump urged his supporters to fear Mexico."
    assert trigger(extract(text), "urged").date is not None


def test_a_day_closing_the_object_dates_the_act(extract):
    # the parser hangs 'Wednesday' on 'strategy'; news style puts the act's day there
    text = (
        "Japan called for a fresh strategy toward Venezuela Wednesday, saying years of "
        "sanctions had failed."
    )
    event = trigger(extract(text, "2021-06-12"), "called")  # published on a Saturday
    assert event.date == "2021-06-09"
