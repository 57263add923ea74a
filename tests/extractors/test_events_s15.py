"""Events (issue 17, session 15): "prefer a fact left out to a wrong one". Background acts
dated the article day, and clauses coded as acts that report none, from the dev draws of
seeds 9951-9956; each rule on invented sentences, through the extraction steps."""

from __future__ import annotations

import pytest
from event_checks import coded_events, trigger, triggered

PUBLISHED = "2019-05-15"


@pytest.fixture(scope="module")
def extract(nlp):
    return lambda text, published=PUBLISHED: coded_events(nlp, text, published)


# --- dates: background told without a time of its own is not today's news ---------------


def test_an_act_done_since_a_past_one_is_not_dated_today(extract):
    event = trigger(
        extract("Turkey has since launched a massive crackdown on dissent."), "crackdown"
    )
    assert event.date is None


def test_an_act_just_before_a_dated_past_one_is_not_dated_today(extract):
    text = (
        "In 2015, the army stopped a convoy carrying weapons, shortly after two gang leaders "
        "were killed by Brazilian soldiers."
    )
    event = trigger(extract(text), "killed")
    assert event.date is None


def test_an_act_after_a_named_past_occurrence_is_not_dated_today(extract):
    event = trigger(extract("Shortly after the Pulwama attack, Modi met with army chiefs."), "met")
    assert event.date is None
    # an occurrence the text does not name as a known one leaves the rule out
    event = trigger(extract("After the meeting, Putin criticized the NATO summit."), "criticized")
    assert event.date == PUBLISHED


def test_a_story_told_of_a_past_year_goes_on_in_that_year(extract):
    text = (
        "During the first protest in 1981, farmers in Bihar marched against the seizure of "
        "their land. Four farmers were killed by Indian soldiers."
    )
    event = trigger(extract(text), "killed")
    assert event.date is None
    # a week back is another day's story too
    text = (
        "An Afghan judge was shot dead last week at a market in Kabul. Taliban gunmen also "
        "wounded an Afghan police officer."
    )
    event = trigger(extract(text), "wounded")
    assert event.date is None
    # a report of a past month tells no story, and 'Elsewhere' opens another scene
    text = (
        "The US said in January that about 300 Marines would be sent to Helmand. Elsewhere "
        "in Afghanistan, Taliban fighters attacked a police post in Kandahar."
    )
    assert trigger(extract(text), "attacked").date == PUBLISHED
    # a perfect over a stretch runs up to now
    text = (
        "Since the start of the year, the Russian military has delivered 300 tonnes of aid to "
        "civilians in Syria. Russian aircraft delivered 20 tons of aid to Syrian civilians."
    )
    assert [e.date for e in triggered(extract(text), "delivered")] == [None, PUBLISHED]
    # after a sentence of the day it is told, a past tense is news again
    text = (
        "Police arrested two men in Lagos on Tuesday. Nigerian soldiers killed a rebel commander."
    )
    event = trigger(extract(text), "killed")
    assert event.date == PUBLISHED


# --- acts that are none -----------------------------------------------------------------


def test_an_opinion_shared_with_someone_is_no_agreement(extract):
    events = extract("Lavrov agreed with Trump that the attacks on the minister were a witch hunt.")
    assert not triggered(events, "agreed")
    # an act agreed on with someone stays
    event = trigger(extract("Russia agreed with France on a ceasefire."), "agreed")
    assert event.type == "AGREE"


def test_a_hazard_notice_is_no_threat(extract):
    events = extract(
        "The National Weather Service issued blizzard warnings for New York and Boston."
    )
    assert not triggered(events, "warnings")
    events = extract("The German Foreign Ministry issued a new warning against traveling to Sudan.")
    assert not triggered(events, "warning")
    # a warning to someone against an act of theirs stays a threat
    event = trigger(extract("Iran warned Israel against attacking its nuclear sites."), "warned")
    assert event.type == "THREATEN"


def test_a_rank_occupied_is_no_seizure(extract):
    assert not triggered(extract("China has risen to occupy the top spot globally."), "occupy")
    event = trigger(extract("Russian troops occupied the town of Kherson."), "occupied")
    assert event.type == "COERCE"


def test_a_duty_with_no_one_asking_is_no_demand(extract):
    assert not triggered(extract("Pence was required to cast the deciding vote."), "required")


def test_a_showing_whose_object_the_parser_dropped_is_no_demonstration(extract):
    text = (
        "On his first visit to Europe as top Canadian diplomat, Marc Dubois wants to forge "
        "ties with France, Spain and Italy against the growing threat from Iran and "
        'demonstrate "Canada First" does not mean a Canadian diplomatic retreat from the '
        "troubled region."
    )
    assert not triggered(extract(text), "demonstrate")
    # demonstrating in the street stands alone or takes a preposition
    event = trigger(extract("Kenyan students demonstrated outside the embassy."), "demonstrated")
    assert event.type == "PROTEST"


def test_what_someone_will_likely_do_is_a_forecast(extract):
    text = (
        "When the war ends, Britain will likely feel isolated and possibly push the "
        "government to cooperate more with China."
    )
    assert not triggered(extract(text), "push")
    event = trigger(extract("Britain will push China to cooperate more on trade."), "push")
    assert event.type == "REQUEST"


def test_a_step_with_a_government_s_own_programmes_is_no_proposal(extract):
    text = "Trump's administration on Thursday proposed a 20 percent cut to the Department of Energy's budget."
    assert not triggered(extract(text), "proposed")
    text = "Trump proposed eliminating the Rural Broadband Program and the Coastal Research Agency."
    assert not triggered(extract(text), "proposed")
    # a proposal made with another country stays
    event = trigger(extract("Putin proposed creating a joint commission with Japan."), "proposed")
    assert event.type == "AGREE"


def test_a_war_on_a_thing_is_a_policy(extract):
    text = "Trump's war on the environment has begun, and science is its first target."
    assert not triggered(extract(text), "war")
    event = trigger(extract("Obama's war against Islamic State has begun."), "war")
    assert event.type == "ASSAULT"


def test_a_vow_not_to_allow_a_thing_refuses_no_one(extract):
    text = "Merkel said she would not allow cheap imports to destroy German steelmakers."
    assert not triggered(extract(text), "allow")
    event = trigger(
        extract("Netanyahu said Israel will never allow Iran to build a bomb."), "allow"
    )
    assert event.type == "REJECT"


def test_a_rank_taken_over_is_no_seizure(extract):
    text = (
        "Since January, when Scholz took over top billing from Gabriel, jobs have been his mantra."
    )
    assert not triggered(extract(text), "took")


def test_an_act_kept_from_happening_is_not_done(extract):
    text = (
        "Her attorney has filed a motion to keep Petrov from being extradited to the United States."
    )
    assert not triggered(extract(text), "extradited")


def test_an_opinion_told_by_a_participle_of_saying_is_no_agreement(extract):
    text = (
        "Greek Foreign Minister Nikos Dendias also agreed with Macron on Tuesday, saying the "
        "criticism of the minister looked like a smear campaign."
    )
    assert not triggered(extract(text), "agreed")
    # a day is when, not what: what was agreed on still counts
    event = trigger(extract("Greece agreed with Turkey on a ceasefire on Tuesday."), "agreed")
    assert event.type == "AGREE"


def test_an_act_claimed_by_saying_is_not_dated_today(extract):
    text = (
        "Officials have said that Tehran is trying to give legitimacy to the Houthis by "
        "saying the rebel group was fighting al-Qaeda."
    )
    assert trigger(extract(text), "fighting").date is None
    # a claim reported as news keeps the day it is told
    event = trigger(extract("Iran said the rebel group was fighting al-Qaeda."), "fighting")
    assert event.date == PUBLISHED
