"""An event side takes a KB person's sector on the article's day (issue 17, session 17;
the entity cases are in entities/test_entity_links_s17.py). Invented text."""

from __future__ import annotations

from event_checks import coded_events


def test_an_event_side_takes_the_sector_of_the_day(nlp):
    text = "Prime Minister Mark Rutte criticised Turkey on Sunday."
    events = coded_events(nlp, text, "2017-03-13")
    sides = [a for e in events for a in e.source if a.entity == "ng:person:mark-rutte"]
    assert sides and all(a.sector == "GOV" for a in sides)
