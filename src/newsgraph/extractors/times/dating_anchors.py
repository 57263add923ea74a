"""Anchored references: "75 years ago" or "the 75th anniversary" beside a well-known
dated event (``data/anchors.json``) gives the same month-day N years on.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from newsgraph.extractors.times.calendar_rules import number_value, safe_date
from newsgraph.resources import load_json


@functools.cache
def anchor_events() -> tuple[tuple[date, re.Pattern[str], str], ...]:
    """The well-known dated events of ``data/anchors.json``: (day, name pattern, first name)."""
    data = load_json("newsgraph.extractors.times", "data/anchors.json")
    events = []
    for entry in data["events"]:
        names = sorted(entry["names"], key=len, reverse=True)
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I
        )
        events.append((date.fromisoformat(entry["date"]), pattern, entry["names"][0]))
    return tuple(events)


_YEARS_AGO = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years\s+ago\b", re.I)
_ANNIVERSARY = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\b", re.I)


def anchored_day(sentence: str) -> tuple[date, float, str] | None:
    """The day a sentence counts from a known event: (day, confidence, evidence), or None."""
    for when, pattern, label in anchor_events():
        named = pattern.search(sentence)
        if not named:
            continue
        count = _YEARS_AGO.search(sentence) or _ANNIVERSARY.search(sentence)
        if count is None:
            continue
        years = number_value(count["n"].lower())
        if not years or years != int(years):
            continue
        day = safe_date(when.year + int(years), when.month, when.day)
        if day is None:
            continue
        same_day = bool(re.search(r"\bsame day\b|\bthis day\b|\bto the day\b", sentence, re.I))
        why = f"'{count.group()}' + {named.group()} ({label}, {when.isoformat()})"
        return day, 0.8 if same_day else 0.5, why
    return None
