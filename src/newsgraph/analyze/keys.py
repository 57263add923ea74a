"""Merge keys: when two stored events are reports of the same event.

Pure functions over the stored event shape (actor dicts with ``entity``, ``name``,
``country``, ``sector``, ``code``); no database here.

Two reports are one event only with the same PLOVER type, negation, source actors and
target actors, and dates within a day. An actor's key is its knowledge-base id; a
person the KB does not know keeps its own (name-derived) id, never its country, so
two different people are never one actor. Any other actor the KB does not know (a
``local:`` place or organisation, or no id) falls back to its country, with its sector
when that is not the state's (``RUS`` for "Moscow", "Russia", "the Kremlin" or "Russian
troops"; ``RUSCVL`` for "Russian protesters", ``RUSREB`` for rebels); an
international organisation (country ``IGO``) keeps its own code (``IGOUNO``), never the
bare ``IGO``. A country entity (``country:RUS``) is keyed by its code.

Reports merge only inside their own article when they cannot be told apart from a
different event across articles: an undated event or one dated less precisely than a
day, an anonymous actor (no id, no country: "we", "the two sides"), no actors at all,
or **an empty side** ("Moscow denied" with no target: another article's "Russia
denied" the same day may deny something else). The one exception is a joint act with
two or more sources and no target ("Putin and Macron held talks"): its sources name
the dyad.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KEY_SEPARATOR = "|"
# how far apart (in days) two reports' dates may be and still be one event
MAX_DAY_GAP = 1


@dataclass(frozen=True, slots=True)
class MergeKey:
    """Everything two reports must share to be one event (besides a date within a day)."""

    type: str
    source_key: str
    target_key: str
    negated: bool
    scope: str  # "" merges across articles; an article id merges only inside it


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"})


def actor_key(actor: Mapping[str, Any]) -> str | None:
    """The identity of an actor for merging; None for an anonymous one."""
    entity = actor.get("entity") or ""
    country = str(actor.get("country") or "").upper() or None
    sector = str(actor.get("sector") or "").upper()
    if entity.startswith("country:"):
        return entity.split(":", 1)[1].upper()
    if entity and not entity.startswith("local:"):
        return entity
    if entity.startswith("local:person:"):
        return entity  # an unknown person keeps the name-derived id, never a country
    if country == "IGO":
        code = str(actor.get("code") or "").upper()
        return code if len(code) > 3 else (entity or None)
    if country:
        return country if not sector or sector in STATE_SECTORS else country + sector
    return None


def actors_key(actors: Iterable[Mapping[str, Any]]) -> tuple[str, bool]:
    """The sorted, de-duplicated keys of an actor list joined by ``|``, and whether
    every actor has a key."""
    keys = [actor_key(a) for a in actors]
    known = sorted({k for k in keys if k is not None})
    return KEY_SEPARATOR.join(known), all(k is not None for k in keys)


def is_day(value: str | None) -> bool:
    """True for a calendar day (``2017-03-24``), the only dates merged across articles."""
    return bool(value and DAY.match(value))


def merge_key(event: Mapping[str, Any]) -> MergeKey:
    """The merge key of a stored event row (``type``, ``source``, ``target``,
    ``negated``, ``date``, ``article_id``)."""
    sources, targets = event.get("source") or [], event.get("target") or []
    source_key, source_known = actors_key(sources)
    target_key, target_known = actors_key(targets)
    both_sides = bool(source_key and target_key)
    joint = not targets and len(source_key.split(KEY_SEPARATOR)) >= 2 if source_key else False
    shareable = (
        source_known and target_known and (both_sides or joint) and is_day(event.get("date"))
    )
    return MergeKey(
        type=str(event["type"]),
        source_key=source_key,
        target_key=target_key,
        negated=bool(event.get("negated")),
        scope="" if shareable else str(event["article_id"]),
    )


def day_gap(a: str | None, b: str | None) -> int | None:
    """Days between two dates: 0 for equal values (days, partial dates or both None),
    the distance between two calendar days, None when they cannot be one event's."""
    if a == b:
        return 0
    if is_day(a) and is_day(b):
        assert a is not None and b is not None
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    return None


def compatible_dates(value: str | None) -> list[str | None]:
    """The stored dates a report dated ``value`` may merge with (``value`` itself, and
    the days within ``MAX_DAY_GAP`` of a calendar day)."""
    if not is_day(value):
        return [value]
    assert value is not None
    day = date.fromisoformat(value)
    return [(day + timedelta(days=d)).isoformat() for d in range(-MAX_DAY_GAP, MAX_DAY_GAP + 1)]


def closest(candidates: Iterable[tuple[int, str | None]], value: str | None) -> int | None:
    """The id of the candidate (id, date) nearest ``value`` within ``MAX_DAY_GAP``; ties
    go to the oldest stored id, then to the earliest not yet stored (negative) one."""
    best: tuple[int, bool, int] | None = None
    for merged_id, when in candidates:
        gap = day_gap(when, value)
        if gap is None or gap > MAX_DAY_GAP:
            continue
        rank = (gap, merged_id < 0, abs(merged_id))
        if best is None or rank < best:
            best = rank
    if best is None:
        return None
    return best[2] if not best[1] else -best[2]
