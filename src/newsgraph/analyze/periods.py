"""The period a series is counted by when nobody says: ``day``, ``week``, ``month`` or
``year``, whichever spreads the dates over a readable number of points.

    choose_period(["2017-02-01", "2017-02-07"])            # "day"
    choose_period_counts([("2016-11", 40), ("2017-03", 2)])  # "week"

The span is that of the middle 90% of the dates (weighted by how many events each
carries), so one misdated event does not stretch it: up to a month gives days, up to a
year weeks, up to six years months, beyond that years. Only dates precise to the day
count for ``choose_period``; ``choose_period_counts`` also takes month labels
(``2017-02``, spanning the whole month) when only monthly counts are at hand.

``period_range`` turns a period label back into the inclusive ``since``/``until``
prefixes of the store's date filters (``2017-W06`` -> ``2017-02-06``, ``2017-02-12``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, timedelta

PERIODS = ("day", "week", "month", "year")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


def choose_period(dates: Iterable[str | None]) -> str:
    """The period for these dates (``month`` when none is precise to the day)."""
    return choose_period_counts((d, 1) for d in dates if d and len(d) >= 10)


def choose_period_counts(counts: Iterable[tuple[str | None, int]]) -> str:
    """The period for (date or month label, how many) pairs; ``month`` when none is
    precise enough to say."""
    spans: list[tuple[date, date, int]] = []
    for label, n in counts:
        bounds = _bounds(label)
        if bounds is not None and n > 0:
            spans.append((*bounds, n))
    if not spans:
        return "month"
    spans.sort()
    trim = sum(n for *_, n in spans) // 20
    first = _after(spans, trim, end=False)
    last = _after(sorted(spans, key=lambda s: s[1], reverse=True), trim, end=True)
    days = (last - first).days
    if days <= 31:
        return "day"
    if days <= 366:
        return "week"
    if days <= 6 * 366:
        return "month"
    return "year"


def _after(spans: list[tuple[date, date, int]], skip: int, end: bool) -> date:
    """The first day (the last with ``end``) of the span reached once ``skip`` weight
    has been passed over, ``spans`` in the order walked."""
    seen = 0
    chosen = spans[-1]
    for span in spans:
        seen += span[2]
        if seen > skip:
            chosen = span
            break
    return chosen[1] if end else chosen[0]


def _bounds(label: str | None) -> tuple[date, date] | None:
    """First and last day of a day (``2017-02-07``) or month (``2017-02``) label."""
    if not label:
        return None
    try:
        if len(label) >= 10 and _DAY.match(label[:10]):
            day = date.fromisoformat(label[:10])
            return day, day
        if _MONTH.match(label):
            year, month = int(label[:4]), int(label[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None
    return None


def period_kind(label: str) -> str | None:
    """Which period a label names: ``2017`` year, ``2017-02`` month, ``2017-W06`` week,
    ``2017-02-07`` day; None for anything else."""
    if _YEAR.match(label):
        return "year"
    if _MONTH.match(label):
        return "month"
    if _WEEK.match(label):
        return "week"
    if _DAY.match(label):
        return "day"
    return None


def period_range(label: str) -> tuple[str, str] | None:
    """The inclusive ``since``/``until`` prefixes covering a period label (a week as
    its Monday and Sunday, any other label as itself); None for a label that is not a
    period or a week that does not exist."""
    kind = period_kind(label)
    if kind is None:
        return None
    if kind != "week":
        if kind == "day":
            try:
                date.fromisoformat(label)
            except ValueError:
                return None
        return label, label
    try:
        monday = date.fromisocalendar(int(label[:4]), int(label[6:8]), 1)
    except ValueError:
        return None
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
