"""The day an undated article reports on, inferred from its own text.

Every clue is a constraint on the candidate day, and the answer names each clue used:

* explicit full dates and datelines ("ST. PETERSBURG, April 24." + a year from elsewhere);
* a weekday with a month-day ("Monday, February 7" is a Monday in 2011, 2022 and 2028);
* the actor knowledge base: a person named with a role ("French President Emmanuel
  Macron", "Macron, the French president", "the French president-elect" near
  "Macron") puts the day inside that tenure; the tenures of all such clues intersect
  (:mod:`dating_roles`);
* anchored references: "75 years ago" or "the 75th anniversary" beside a well-known
  dated event (``data/anchors.json``) gives the same month-day N years on
  (:mod:`dating_anchors`);
* a weekday the article reports ("on Monday") picks the day inside a narrow window
  or checks a dateline.

Without evidence the answer is ``None``: nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsgraph.extractors.times.calendar_rules import nearest_year, safe_date
from newsgraph.extractors.times.dating_anchors import anchored_day
from newsgraph.extractors.times.dating_roles import EARLIEST, Interval, intersect_clues, role_clues
from newsgraph.extractors.times.finder import find_times
from newsgraph.extractors.times.lexicon import WEEKDAYS
from newsgraph.inputs.meta import find_dateline
from newsgraph.kb.load import default_kb
from newsgraph.kb.model import KnowledgeBase
from newsgraph.records import Published, TimeExpr

_FULL_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
_WEEKDAY_ONLY = re.compile(r"XXXX-WXX-([1-7])")
_YEARISH = re.compile(r"(\d{4})(?:-\d\d)?")


@dataclass
class Context:
    """What the day finders share: the text, its time expressions and the KB window."""

    text: str
    times: list[TimeExpr]
    today: date
    window: tuple[Interval, ...]
    window_evidence: list[str] = field(default_factory=list)
    weekdays: set[int] = field(default_factory=set)
    ref_years: list[int] = field(default_factory=list)
    main_weekdays: set[int] = field(default_factory=set)

    def allows(self, day: date) -> bool:
        return any(lo <= day <= hi for lo, hi in self.window)

    def because(self, *reasons: str) -> str:
        return "; ".join(dict.fromkeys([*reasons, *self.window_evidence]))


# --------------------------------------------------------------------------- public API


def infer_publication_date(
    text: str,
    times: list[TimeExpr] | None = None,
    *,
    kb: KnowledgeBase | None = None,
    near_year: int | None = None,
    today: date | None = None,
) -> Published | None:
    """The day an undated article reports on, from its text alone; None without evidence.

    ``times`` are its time expressions found without an anchor (found here when
    None); ``kb`` the actor knowledge base (the shipped one when None);
    ``near_year`` a year hint from elsewhere; ``today`` the latest possible day.
    """
    times = find_times(text, anchor=None) if times is None else times
    ctx = build_context(text, times, kb or default_kb(), today or date.today())
    if near_year is not None and not ctx.ref_years:
        ctx.ref_years = [near_year]
    for finder in FINDERS:
        found = finder(ctx)
        if found is not None:
            return found
    return None


def event_date(
    sentence_start: int,
    sentence_end: int,
    times: list[TimeExpr],
    published: str | None,
    *,
    governs: Callable[[TimeExpr], int | None] | None = None,
    future: bool = False,
    present: bool = True,
) -> str | None:
    """The date a sentence's quote or event happened, or None.

    Without ``governs`` (quotes): a day-precise DATE inside the sentence; an expression
    opening the sentence governs its clause ("On January 28, Lavrov said") and wins,
    otherwise the first one. Unresolved month-days (``XXXX-01-28``) take the year
    nearest ``published``.

    With ``governs`` (events): ``governs(expr)`` ranks the expressions that govern the
    event's clause (lower is nearer; None for one that does not: a time in another
    clause of the sentence dates that clause's event, not this one). The best one is
    the date, as precise as the text gives it ("in 2014" -> ``2014``, "late Saturday
    night" -> its day, "a decade ago" -> the year ten years before ``published``), so
    history keeps its own year. A date after ``published`` is taken only for a
    ``future`` event (future, intended, conditional); without a governing date the event
    takes ``published`` when its clause plainly reports the present (``present``: a
    past-tense or present news verb, or an intent or demand stated now), else None. Nothing after ``published`` is
    returned for an event that is not ``future``.
    """
    inside = [t for t in times if sentence_start <= t.start and t.end <= sentence_end]
    if governs is None:
        days = [(t, d) for t in inside if (d := _day_value(t, published)) is not None]
        if not days:
            return None
        governing = [(t, d) for t, d in days if t.start - sentence_start <= len("On ")]
        return (governing or days)[0][1]
    ranked: list[tuple[int, str]] = []
    for expr in inside:
        rank = governs(expr)
        value = _clause_value(expr, published) if rank is not None else None
        if rank is None or value is None:
            continue
        if not future and _after(value, published):
            value = _year_before(expr, value, published)
            if value is None:
                continue  # 'wait until 2023' does not date an event that is not future
        ranked.append((rank, value))
    if ranked:
        return min(ranked)[1]
    return published if present else None


def _clause_value(expr: TimeExpr, published: str | None) -> str | None:
    """A calendar value of a DATE/TIME expression: a day, a month, a week, a season or a
    year (no durations, references, sets or decades); 'N years / a decade ago' counts
    back from ``published``."""
    if expr.type not in ("DATE", "TIME"):
        return None
    value = (expr.value or "").split("T")[0]
    if (day := _day_value(expr, published)) is not None:
        return day
    ago = _AGO.search(expr.text.lower())
    anchor = _FULL_DAY.match(published or "")
    if ago and anchor:
        count = _NUMBER_WORDS.get(ago[1]) if not ago[1].isdigit() else int(ago[1])
        years = (count or 1) * (10 if ago[2].startswith("decade") else 1)
        return str(int(anchor[1]) - years) if ago[2] != "month" else None
    if _PARTIAL.fullmatch(value) and 1000 <= int(value[:4]) <= 2999:
        return value
    return None


def _year_before(expr: TimeExpr, value: str, published: str | None) -> str | None:
    """A yearless expression ('by mid-December', 'on March 3') resolved after the
    publication day, for an event that is not future: the same date a year earlier
    (a past report of 'December' in January is last December), if that is not after it."""
    if re.search(r"\d{4}", expr.text) or not value[:4].isdigit():
        return None
    earlier = f"{int(value[:4]) - 1:04d}{value[4:]}"
    return earlier if _begins(earlier) and not _after(earlier, published) else None


def _after(value: str, published: str | None) -> bool:
    """Whether a (possibly partial) date begins after the publication day."""
    anchor = _FULL_DAY.match(published or "")
    begins = _begins(value)
    return anchor is not None and begins is not None and begins > date.fromisoformat(anchor[0])


def _begins(value: str) -> date | None:
    """The first day of a day, month, ISO week, season, quarter, half or year value."""
    year = int(value[:4])
    rest = value[5:]
    try:
        if not rest:
            return date(year, 1, 1)
        if rest.startswith("W"):
            return date.fromisocalendar(year, int(rest[1:3]), 1)
        if rest in _PART_STARTS:
            return date(year, *_PART_STARTS[rest])
        if len(rest) == 2:
            return date(year, int(rest), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_PART_STARTS = {
    "SP": (3, 20),
    "SU": (6, 21),
    "FA": (9, 22),
    "WI": (12, 21),
    "Q1": (1, 1),
    "Q2": (4, 1),
    "Q3": (7, 1),
    "Q4": (10, 1),
    "H1": (1, 1),
    "H2": (7, 1),
}


_AGO = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(years?|decades?|month)\s+ago"
)
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_PARTIAL = re.compile(r"\d{4}(?:-(?:\d\d|W\d\d|SP|SU|FA|WI|Q[1-4]|H[12]))?")


# --------------------------------------------------------------------------- context


def build_context(text: str, times: list[TimeExpr], kb: KnowledgeBase, today: date) -> Context:
    """The shared view: the tenure window, the weekdays reported and the years named."""
    window, evidence = intersect_clues(role_clues(text, kb, today), today)
    named = [
        int(m[1]) - 1
        for t in times
        if (m := _WEEKDAY_ONLY.match(t.value or "")) and t.type != "SET"
    ]
    years = sorted({int(m[1]) for t in times if (m := _YEARISH.fullmatch((t.value or "")[:10]))})
    ctx = Context(text, times, today, window, evidence, set(named))
    ctx.ref_years = [y for y in years if y <= today.year]
    ctx.main_weekdays = _most_named(named)
    return ctx


def _most_named(weekdays: list[int]) -> set[int]:
    """The weekdays the text names most often (the day a report is about, as a rule)."""
    counts = {w: weekdays.count(w) for w in weekdays}
    return {w for w, n in counts.items() if n == max(counts.values())} if counts else set()


# --------------------------------------------------------------------------- day finders


def from_dateline_full_date(ctx: Context) -> Published | None:
    """A full date in the dateline, or a dateline month-day with its own year."""
    for t in ctx.times:
        if t.value and _FULL_DAY.fullmatch(t.value) and _is_dateline(ctx.text, t):
            return Published(t.value, "inferred", 0.9, f"dateline '{t.text}'")
    return None


def from_anchor_event(ctx: Context) -> Published | None:
    """'75 years ago' / 'the 75th anniversary of' beside a well-known dated event."""
    for sentence in re.finditer(r"[^.!?\n]+", ctx.text):
        found = anchored_day(sentence.group())
        if found is not None and ctx.allows(found[0]):
            return Published(found[0].isoformat(), "inferred", found[1], ctx.because(found[2]))
    return None


def from_dateline_month_day(ctx: Context) -> Published | None:
    """A dateline's month-day in the year the text or the tenure window allows."""
    line = find_dateline(ctx.text)
    if line is None or line.month is None or line.day is None:
        return None
    if line.year:
        day = safe_date(line.year, line.month, line.day)
        return (
            Published(day.isoformat(), "inferred", 0.9, f"dateline '{line.text}'") if day else None
        )
    day = _pick_year(ctx, line.month, line.day, weekdays=ctx.main_weekdays)
    if day is None:
        return None
    why = [f"dateline '{line.text.strip()}'"] + _weekday_note(ctx, day)
    return Published(day.isoformat(), "inferred", 0.75, ctx.because(*why, *_year_note(ctx, day)))


def from_weekday_month_day(ctx: Context) -> Published | None:
    """'Monday, February 7': the year where weekday and month-day agree, inside the window."""
    for t in ctx.times:
        m = _MONTH_DAY.fullmatch(t.value or "")
        weekday = WEEKDAYS.get(t.text.split()[0].strip(",.").lower()) if m else None
        if m is None or weekday is None:
            continue
        day = _pick_year(ctx, int(m[1]), int(m[2]), weekdays={weekday}, strict=True)
        if day is not None:
            why = f"'{t.text}' is a {day:%A} in {day.year}"
            return Published(
                day.isoformat(), "inferred", 0.7, ctx.because(why, *_year_note(ctx, day))
            )
    return None


def from_full_date_and_weekday(ctx: Context) -> Published | None:
    """A full date in the text whose weekday the text also names ('on Friday')."""
    for t in ctx.times:
        if t.value and _FULL_DAY.fullmatch(t.value):
            day = date.fromisoformat(t.value)
            if day.weekday() in ctx.weekdays and ctx.allows(day):
                why = f"full date '{t.text}' is a {day:%A}, as the text says"
                return Published(day.isoformat(), "inferred", 0.6, ctx.because(why))
    return None


def from_narrow_window(ctx: Context) -> Published | None:
    """A tenure window of days ('president-elect') and the weekday the article reports."""
    if len(ctx.window) != 1 or not ctx.weekdays:
        return None
    lo, hi = ctx.window[0]
    if (hi - lo).days > 10:
        return None
    for offset in range((hi - lo).days + 1):
        day = lo + timedelta(days=offset)
        if day.weekday() in ctx.weekdays:
            why = f"'on {day:%A}' inside that window"
            return Published(
                day.isoformat(), "inferred", 0.6, "; ".join([*ctx.window_evidence, why])
            )
    return None


FINDERS = [
    from_dateline_full_date,
    from_anchor_event,
    from_dateline_month_day,
    from_weekday_month_day,
    from_full_date_and_weekday,
    from_narrow_window,
]


# --------------------------------------------------------------------------- helpers


def _pick_year(
    ctx: Context, month: int, day: int, *, weekdays: set[int], strict: bool = False
) -> date | None:
    """The month-day in an allowed year: weekday-agreeing first, then nearest a named year.

    With no named year the window must leave a single candidate. ``strict`` drops
    candidates whose weekday disagrees instead of only ranking them lower.
    """
    years = range(EARLIEST.year, ctx.today.year + 1)
    days = [d for y in years if (d := safe_date(y, month, day)) and ctx.allows(d)]
    agreeing = [d for d in days if d.weekday() in weekdays]
    if agreeing or strict:
        days = agreeing
    if not days:
        return None
    if ctx.ref_years:
        ref = max(ctx.ref_years)  # reporting texts mostly name years up to their own
        return min(days, key=lambda d: abs(d.year - ref) + (10 if d.year < ref - 1 else 0))
    return days[0] if len(days) == 1 else None


def _weekday_note(ctx: Context, day: date) -> list[str]:
    return [f"'{day:%A}' in the text"] if day.weekday() in ctx.weekdays else []


def _year_note(ctx: Context, day: date) -> list[str]:
    return [f"year {max(ctx.ref_years)} named"] if ctx.ref_years else []


_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Za-z.' -]{1,40}(?:\([^)]*\))?,?[ \t]*(?:[A-Z][a-z]+,[ \t]*)?$"
)


def _is_dateline(text: str, expr: TimeExpr) -> bool:
    """A date opening the text or after a capitalised place on its line, then '.', '/' or a dash."""
    after = text[expr.end : expr.end + 3]
    if expr.start > 600 or not re.match(r"\s*(?:[./(]|--|_|\u2014)", after):
        return False
    return expr.start < 3 or bool(
        _DATELINE_BEFORE.search(text, max(0, expr.start - 60), expr.start)
    )


def _day_value(expr: TimeExpr, published: str | None) -> str | None:
    """A day-precise value of a DATE/TIME expression; a yearless month-day takes a nearby year."""
    value = expr.value or ""
    if expr.type not in ("DATE", "TIME"):
        return None
    if _FULL_DAY.match(value):
        return value[:10]
    m = _MONTH_DAY.fullmatch(value)
    anchor = _FULL_DAY.match(published or "")
    if m and anchor:
        found = nearest_year(date.fromisoformat(anchor.group()), int(m[1]), int(m[2]), "past", None)
        return found.isoformat() if found else None
    return None
