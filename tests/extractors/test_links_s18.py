"""Event sides with the session-18 name rules (issue 17; the entity cases are in
entities/test_entity_links_s18.py, the codes in kb/test_actor_codes_s18.py). Invented
text; each fails on the code before it."""

from __future__ import annotations

from event_checks import coded_events


def _sides(events):
    return [a for e in events for a in (*e.source, *e.target)]


def test_a_country_named_before_an_armed_movement_is_its_country(nlp):
    text = "The Pakistan Taliban attacked a police checkpoint in Swat on Monday."
    sides = _sides(coded_events(nlp, text, "2017-03-13"))
    taliban = [a for a in sides if "Taliban" in (a.name or "")]
    assert taliban and all(a.country == "PAK" for a in taliban)


def test_an_abbreviation_is_no_country_on_an_event_side(nlp):
    text = "Senator Aoife Brennan paid tribute to the former TD on Tuesday."
    sides = _sides(coded_events(nlp, text, "2017-03-13"))
    assert not any(a.country == "TCD" or a.entity == "country:TCD" for a in sides)


def test_a_border_line_is_no_target(nlp):
    text = "Kabul rejects the Durand Line and does not recognise the border."
    sides = _sides(coded_events(nlp, text, "2017-03-13"))
    assert not any("Durand" in (a.name or "") for a in sides)
