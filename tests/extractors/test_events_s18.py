"""What is an event and of which type (issue 17, session 18, dev draws 9977 and 9978):
adjectives, laws and titles, advocacy, craft, publicity, plans at home, computer
intrusions, posts taken over, acts only called for. Invented sentences; the publication
day is a Saturday (2017-03-18)."""

from __future__ import annotations

from event_checks import coded_events, trigger, triggered

DAY = "2017-03-18"


def test_a_past_form_before_the_object_of_a_verb_is_an_adjective(nlp):
    text = "Rutte sought to win a plan to quickly deport rejected asylum-seekers in a meeting with mayors."
    assert not triggered(coded_events(nlp, text, DAY), "rejected")


def test_backed_by_a_law_is_no_support(nlp):
    text = "The new border checks will also have to be backed by EU legislation."
    assert not triggered(coded_events(nlp, text, DAY), "backed")


def test_backed_by_a_state_is_still_support(nlp):
    # guard
    text = "The rebels are backed by Turkey."
    assert trigger(coded_events(nlp, text, DAY), "backed").type == "SUPPORT"


def test_a_quoted_title_is_no_act(nlp):
    text = (
        "Anna Berg is a reporter. "
        'She is the author of "Divided Nation: Investigating Europe\'s Hidden Militants."'
    )
    assert not triggered(coded_events(nlp, text, DAY), "Investigating")


def test_fighting_for_a_deal_is_no_force(nlp):
    text = "Canada fought for the trade deal for a decade."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_fighting_for_a_town_against_an_enemy_is_force(nlp):
    # guard
    text = "The Kurds fought for Kobani against the Islamic State."
    assert trigger(coded_events(nlp, text, DAY), "fought").type == "ASSAULT"


def test_probes_sent_to_a_planet_are_no_inquiry(nlp):
    text = "NASA will send two unmanned probes to explore Jupiter by 2030."
    assert not triggered(coded_events(nlp, text, DAY), "probes")


def test_a_probe_into_leaks_is_an_inquiry(nlp):
    # guard
    text = "The FBI has opened a probe into the leaks."
    assert trigger(coded_events(nlp, text, DAY), "probe").type == "ACCUSE"


def test_promising_a_vision_from_a_speech_is_no_pledge(nlp):
    text = (
        'The Kremlin is promising a "bold vision" and a "new agenda" from Putin when he '
        "speaks to parliament on Thursday."
    )
    assert not triggered(coded_events(nlp, text, DAY), "promising")


def test_promising_aid_to_a_country_is_a_pledge(nlp):
    # guard
    text = "The government is promising new aid to Ukraine."
    assert trigger(coded_events(nlp, text, DAY), "promising").type == "AGREE"


def test_a_budget_proposal_is_no_offer(nlp):
    text = 'Smith called the Trump administration\'s budget proposal "a disaster for science".'
    assert not triggered(coded_events(nlp, text, DAY), "proposal")


def test_hackers_attacking_servers_is_no_force(nlp):
    text = "Russian hackers attacked the Democratic Party's servers last year."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "ASSAULT"]


def test_rebels_attacking_a_convoy_is_force(nlp):
    # guard
    text = "Syrian troops attacked the rebels near Aleppo on Sunday."
    assert trigger(coded_events(nlp, text, DAY), "attacked").type == "ASSAULT"


def test_backed_by_fighter_jets_is_still_support(nlp):
    # guard: weapons of an army back an advance ('backed by Turkish fighter jets')
    text = "Backed by Turkish fighter jets, Syrian rebels entered the town of Jarablus."
    assert triggered(coded_events(nlp, text, DAY), "Backed")


def test_declining_a_request_made_months_ago_for_an_interview_is_no_rejection(nlp):
    text = "The French Foreign Ministry declined the BBC's request last month for an interview."
    assert not triggered(coded_events(nlp, text, DAY), "declined")


def test_taking_over_a_captaincy_is_no_seizure(nlp):
    text = "Smith took over the Welsh captaincy in 2012 and led the side to two titles."
    assert not [e for e in coded_events(nlp, text, DAY) if e.type == "COERCE"]


def test_facing_calls_to_quit_is_no_resignation(nlp):
    text = "Ahern is facing calls to quit politics altogether, with Varadkar calling the move a disgrace."
    assert not triggered(coded_events(nlp, text, DAY), "quit")


def test_a_step_of_a_plan_after_a_colon_is_not_done(nlp):
    text = "Obama outlined a backup plan: Allow the law to lapse and let Republicans take the blame, aides said."
    assert not triggered(coded_events(nlp, text, DAY), "Allow")


def test_offering_a_childcare_plan_is_no_offer_to_anyone(nlp):
    text = "Trump has offered a childcare plan and has signaled an interest in working on those issues."
    assert not triggered(coded_events(nlp, text, DAY), "offered")


def test_offering_a_country_a_peace_plan_is_an_offer(nlp):
    # guard
    text = "Russia offered Ukraine a peace plan."
    assert trigger(coded_events(nlp, text, DAY), "offered").type == "AGREE"


def test_appealing_to_both_sides_is_a_request(nlp):
    # guard
    text = "The UN appealed to both sides to stop the fighting."
    assert trigger(coded_events(nlp, text, DAY), "appealed").type == "REQUEST"


def test_appealing_to_a_liking_is_no_request(nlp):
    text = "Merkel hoped to appeal to the President's focus on business, bringing with her the chief executives of Siemens."
    assert not triggered(coded_events(nlp, text, DAY), "appeal")


def test_cancelling_a_committees_own_meetings_is_no_sanction(nlp):
    text = "On Tuesday, Graham canceled all of this week's Senate Judiciary Committee meetings."
    assert not triggered(coded_events(nlp, text, DAY), "canceled")


def test_cancelling_meetings_with_a_country_is_a_sanction(nlp):
    # guard
    text = "On Tuesday, Turkey canceled all high-level meetings with the Netherlands."
    assert trigger(coded_events(nlp, text, DAY), "canceled").type == "SANCTION"


def test_talking_to_supporters_is_no_consultation(nlp):
    text = (
        "Earlier today while talking to union supporters, Sanders made it clear that he will run."
    )
    assert not triggered(coded_events(nlp, text, DAY), "talking")


def test_talking_with_a_senator_is_a_consultation(nlp):
    # guard
    text = "Sanders talked with Schumer on Monday."
    assert trigger(coded_events(nlp, text, DAY), "talked").type == "CONSULT"


def test_stepping_down_from_posts_at_companies_is_no_concession(nlp):
    text = (
        "Labor secretary nominee Tom Reese says he will step down from several positions "
        "at companies bearing his name if he is confirmed."
    )
    assert not triggered(coded_events(nlp, text, DAY), "step")


def test_resigning_as_national_security_adviser_is_a_concession(nlp):
    # guard
    text = "Flynn resigned as national security adviser on Monday."
    assert trigger(coded_events(nlp, text, DAY), "resigned").type == "CONCEDE"


def test_a_readiness_compared_is_a_conjecture(nlp):
    text = "Analysts said the Trump administration would be more willing to allow states to set their own rules."
    assert not triggered(coded_events(nlp, text, DAY), "allow")


def test_a_readiness_stated_is_an_intent(nlp):
    # guard
    text = "The EU would be willing to lift sanctions on Russia, Mogherini said."
    assert trigger(coded_events(nlp, text, DAY), "lift").type == "AGREE"
