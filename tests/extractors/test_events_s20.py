"""What is an event and its date (issue 17, session 20, dev draws 10012 and 10013, and
the shapes of the seed-10002 verdicts). Invented sentences; the publication day is a
Saturday (2017-03-18)."""

from __future__ import annotations

from event_checks import coded_events, trigger, triggered

DAY = "2017-03-18"


def test_a_proposal_s_term_told_with_would_is_no_threat(nlp):
    text = (
        "According to a second proposal, a Turkish brigade would join the offensive "
        "against the rebels."
    )
    assert not triggered(coded_events(nlp, text, DAY), "offensive")


def test_a_plan_s_attack_told_with_would_is_no_threat(nlp):
    text = "Under the plan, Greek troops would attack the rebel camps in the north."
    assert not triggered(coded_events(nlp, text, DAY), "attack")


def test_a_meeting_scheduled_under_a_plan_with_will_stays(nlp):
    # guard: 'will' tells a schedule, not a term to be weighed
    text = "Under the plan, Lavrov will meet Kerry in Geneva next week."
    assert trigger(coded_events(nlp, text, DAY), "meet").type == "AGREE"


def test_a_threat_told_by_the_police_stays(nlp):
    # guard: 'according to' a source, not a plan
    text = "According to the police, Taliban rebels threatened to attack Kunduz."
    assert trigger(coded_events(nlp, text, DAY), "threatened").type == "THREATEN"


def test_rhetorical_attacks_are_no_force(nlp):
    text = "President Ivan Petrov continued his rhetorical attacks on European leaders on Monday."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_a_suicide_attack_stays_force(nlp):
    # guard
    text = "Taliban militants launched a suicide attack on an army base in Kandahar on Monday."
    assert [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_what_a_ruling_does_takes_the_day_it_was_issued(nlp):
    text = "Judge Amy Wells issued a ruling on Friday granting Ivan Orlov asylum in the US."
    assert trigger(coded_events(nlp, text, DAY), "granting").date == "2017-03-17"


def test_a_meeting_in_one_s_capacity_as_a_senator_is_not_today_s(nlp):
    text = "Jeff Sessions said he met the Chinese ambassador in his capacity as a senator."
    assert trigger(coded_events(nlp, text, DAY), "met").date != DAY


def test_a_criticism_as_running_mate_in_a_past_campaign_is_not_today_s(nlp):
    text = (
        "As Mr Brown's running mate on the 2012 campaign trail, Ms Hale criticised Senator "
        "Ross for using a private server."
    )
    assert trigger(coded_events(nlp, text, DAY), "criticised").date != DAY


def test_a_meeting_as_today_s_envoy_stays_today_s(nlp):
    # guard: a part played today, no year
    text = "Lavrov met Kerry as the envoy of the Kremlin on Friday."
    assert trigger(coded_events(nlp, text, DAY), "met").date == "2017-03-17"


def test_an_act_at_one_point_of_a_story_is_not_today_s(nlp):
    text = "At one point Duterte called on Orlov to resign."
    assert trigger(coded_events(nlp, text, DAY), "called").date != DAY


def test_an_act_following_a_year_s_developments_is_not_today_s(nlp):
    text = (
        "Following the developments in Ukraine in 2014, the European Union imposed "
        "sanctions on Russia and has extended them ever since."
    )
    assert trigger(coded_events(nlp, text, DAY), "sanctions").date != DAY


def test_flares_released_set_no_one_free(nlp):
    text = "Two Japanese F-15 fighter jets released decoy flares at Chinese Air Force planes."
    assert not triggered(coded_events(nlp, text, DAY), "released")


def test_hostages_released_stay_a_release(nlp):
    # guard
    text = "Hamas released two Israeli hostages on Friday."
    assert trigger(coded_events(nlp, text, DAY), "released").type == "RETREAT"


def test_mps_voting_down_an_amendment_is_no_rejection(nlp):
    text = (
        "MPs rejected a Lords amendment to protect the rights of EU nationals by 335 votes to 287."
    )
    assert not triggered(coded_events(nlp, text, DAY), "rejected")


def test_a_state_rejecting_another_s_amendment_stays(nlp):
    # guard
    text = "Russia rejected a French amendment to the UN resolution."
    assert trigger(coded_events(nlp, text, DAY), "rejected").type == "REJECT"


def test_a_legislature_shooting_a_plan_down_is_no_force(nlp):
    text = "Not only did the Congress shoot it down, but the public had no interest in it either."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_gunmen_killing_senators_stays_force(nlp):
    # guard
    text = "Gunmen killed three senators in Kabul on Tuesday."
    assert trigger(coded_events(nlp, text, DAY), "killed").type == "ASSAULT"


def test_a_meeting_in_one_s_capacity_as_a_senator_with_the_as_on_capacity(nlp):
    text = (
        "Sessions said he met Ivan Orlov in his capacity as a senator, and discussed "
        "mainly trade with him."
    )
    assert trigger(coded_events(nlp, text, DAY), "met").date != DAY


def test_an_impounded_ship_released_stays_a_release(nlp):
    # guard: property handed back
    text = "French authorities released an impounded Greenpeace ship on Friday."
    assert trigger(coded_events(nlp, text, DAY), "released").type == "RETREAT"
