"""Helpers shared by the event tests: an invented text coded as the events step codes it
(entities, quotes and time expressions first, the layer's names marked on the tokens),
and the events picked by their trigger."""

from __future__ import annotations

from functools import partial

from newsgraph.extractors.entities import find_entities
from newsgraph.extractors.events import find_events
from newsgraph.extractors.events.actors import event_actor, resolved_events
from newsgraph.extractors.events.patterns import mark_named_tokens
from newsgraph.extractors.quotes import find_quotes
from newsgraph.extractors.times import find_times
from newsgraph.records import Event
from newsgraph.settings import setting


def coded_events(nlp, text: str, published: str = "2019-05-15") -> list[Event]:
    """Every event with a resolved side, before the confidence floor."""
    doc = nlp(text)
    layer = find_entities(doc, published=published)
    quotes = find_quotes(doc, resolve=layer.resolve)
    mark_named_tokens(doc, layer.name_spans(("PERSON", "ORG", "GPE")))
    found = find_events(
        doc,
        actors=partial(event_actor, layer, quotes=quotes),
        published=published,
        quotes=quotes,
        times=find_times(text, anchor=published),
    )
    return resolved_events(found)


def above_floor(events: list[Event]) -> list[Event]:
    """The events the events step keeps: ``[events] min_confidence`` or no confidence."""
    floor = float(setting("events", "min_confidence"))
    return [e for e in events if e.confidence is None or e.confidence >= floor]


def triggered(events: list[Event], word: str) -> list[Event]:
    return [e for e in events if e.trigger.text == word]


def trigger(events: list[Event], word: str) -> Event:
    """The one event of ``word`` (fails, listing every event, when there is not one)."""
    found = triggered(events, word)
    assert len(found) == 1, [(e.type, e.trigger.text, e.source, e.target) for e in events]
    return found[0]


def names(actors) -> list[str]:
    return [a.name for a in actors]


def countries(actors) -> list[str | None]:
    return [a.country for a in actors]
