"""Armed men coming to a place are no visit (issue 17, session 17, from the seed-9991
verdicts). Invented sentences."""

from __future__ import annotations

from event_checks import coded_events, trigger, triggered


def test_an_army_paying_a_visit_to_a_village_is_no_consultation(nlp):
    text = "On March 2, the Israeli army paid a visit to the village of Umm al-Kheir."
    assert not [e for e in coded_events(nlp, text, "2017-03-16") if e.type == "CONSULT"]


def test_militants_arriving_at_a_village_is_no_visit(nlp):
    text = "The trouble began after Taliban militants arrived at his village in Helmand, he said."
    assert not triggered(coded_events(nlp, text, "2017-03-16"), "arrived")


def test_armed_men_arriving_for_talks_still_meet(nlp):
    # guard: a coming made to talk is a consultation
    text = "Taliban fighters arrived in Kabul for talks with the government on Monday."
    assert trigger(coded_events(nlp, text, "2017-03-16"), "arrived").type == "CONSULT"


def test_commanders_arriving_for_talks_are_no_deployment(nlp):
    text = "Rebel commanders arrived in Astana on Monday for talks."
    assert trigger(coded_events(nlp, text, "2017-03-16"), "arrived").type == "CONSULT"


def test_marines_arriving_are_still_a_deployment(nlp):
    # guard: troops arriving somewhere are deployed (coded before this change too)
    text = "US Marines have arrived in northern Syria."
    assert trigger(coded_events(nlp, text, "2017-03-16"), "arrived").type == "MOBILIZE"
