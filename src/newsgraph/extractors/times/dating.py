"""The date an undated article reports on, inferred from its own text (and URL).

Each clue has a kind and a weight (:mod:`dating_evidence`):

* dates that point at the day or month: the URL ("/2017/03/14/"), a trailer or
  "Published:" stamp, an embedded post's stamp ("(@GovPressOffice) February 13, 2017"),
  a dateline with its year, a full date whose weekday the text names, "75 years ago"
  beside a well-known dated event (:mod:`dating_anchors`);
* yearless days: a dateline's "April 24", a weekday with a month-day ("Monday,
  February 7" is a Monday in 2011, 2022 and 2028);
* bounds: the actor knowledge base (a person named with a role puts the day inside
  that tenure; "first 100 days" or "since taking office last month" near the start of
  the named holder's offices, :mod:`dating_roles`), the latest year the text reports as
  past (a lower bound), a year it looks forward to (an upper bound).

:mod:`dating_combine` weighs them into one date (the best estimate: a day whenever a
clue names one, else ``2017-02`` or ``2017``), the granularity its confidence vouches for
(day, month or year), and abstains below its threshold. Without enough evidence the answer is
``None``: nothing is guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

from newsgraph.extractors.times.calendar_rules import nearest_year
from newsgraph.extractors.times.dating_anchors import anchored_day
from newsgraph.extractors.times.dating_combine import combine
from newsgraph.extractors.times.dating_context import Context
from newsgraph.extractors.times.dating_evidence import (
    Evidence,
    from_embeds,
    from_trailer,
    from_url,
    year_bounds,
)
from newsgraph.extractors.times.dating_roles import (
    Clue,
    intersect_clues,
    role_clues,
    with_early_tenure,
)
from newsgraph.extractors.times.finder import find_times
from newsgraph.extractors.times.lexicon import MONTHS
from newsgraph.inputs.meta import find_dateline
from newsgraph.kb.load import default_kb
from newsgraph.kb.model import KnowledgeBase
from newsgraph.records import Published, TimeExpr

_FULL_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
_WEEKDAY_ONLY = re.compile(r"XXXX-WXX-([1-7])")


# --------------------------------------------------------------------------- public API


def infer_publication_date(
    text: str,
    times: list[TimeExpr] | None = None,
    *,
    url: str | None = None,
    kb: KnowledgeBase | None = None,
    near_year: int | None = None,
    today: date | None = None,
) -> Published | None:
    """The date an undated article reports on, from its text and URL; None without evidence.

    ``times`` are its time expressions found without an anchor (found here when
    None); ``url`` the article's address (a date in its path is a clue); ``kb`` the
    actor knowledge base (the shipped one when None); ``near_year`` a year known to be
    within one of the article's (a bound); ``today`` the latest possible day. The
    answer's ``granularity`` (day, month, year) is what its ``confidence`` is for.
    """
    times = find_times(text, anchor=None) if times is None else times
    today = today or date.today()
    found = year_bounds(text, times, today)
    bounds = [Clue(e.spans, e.text, e.weight) for e in found]
    if near_year is not None:
        near = (date(near_year - 1, 1, 1), min(today, date(near_year + 1, 12, 31)))
        bounds.append(Clue((near,), f"year {near_year} given as near", 0.95))
    ctx = build_context(text, times, kb or default_kb(), today, bounds)
    lower = [e.spans[0][0].year for e in found if e.kind == "lower-bound"]
    lower += [near_year - 1] if near_year is not None else []
    ctx.lower_year = max(lower) if lower else None
    if near_year is not None:
        ctx.tenure_starts.add(near[0])  # a given window counts as a known span
    bound_texts = {c.evidence for c in bounds}
    ctx.tenure_evidence = [e for e in ctx.window_evidence if e not in bound_texts]
    return combine(ctx, pointing_clues(ctx, url))


def pointing_clues(ctx: Context, url: str | None) -> list[Evidence]:
    """The clues that name a date: URL, trailer, dateline with year, full date + weekday,
    anchored event, a window of days with the weekday the text reports."""
    found = from_url(url) + from_trailer(ctx.text) + from_embeds(ctx.text)
    for finder in POINTING:
        found += finder(ctx)
    return found


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
    if _WEEKEND.fullmatch(value):
        value = value[:8]  # 'over the weekend' (2017-W11-WE): in that ISO week
    if _PARTIAL.fullmatch(value) and 1000 <= int(value[:4]) <= 2999:
        return value
    return None


_WEEKEND = re.compile(r"\d{4}-W\d\d-WE")


def _year_before(expr: TimeExpr, value: str, published: str | None) -> str | None:
    """A yearless expression ('by mid-December', 'on March 3') resolved after the
    publication day, for an event that is not future: the same date a year earlier
    (a past report of 'December' in January is last December), if that is not after it."""
    if re.search(r"\d{4}", expr.text) or not value[:4].isdigit():
        return None
    if not any(w in MONTHS for w in re.findall(r"[a-z]+", expr.text.lower())):
        return None  # 'on Monday', 'next week' count from the day itself, not a year back
    earlier = f"{int(value[:4]) - 1:04d}{value[4:]}"
    return earlier if _begins(earlier) and not _after(earlier, published) else None


def days_before(value: str, published: str | None) -> int | None:
    """How many days the first day of a (possibly partial) date value lies before the
    publication day (negative after it); None when either is not a calendar date."""
    anchor = _FULL_DAY.match(published or "")
    begins = _begins(value) if value[:4].isdigit() else None
    if anchor is None or begins is None:
        return None
    return (date.fromisoformat(anchor[0]) - begins).days


def after_published(value: str, published: str | None) -> bool:
    """Whether a (possibly partial) date value begins after the publication day."""
    return _after(value, published)


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


def build_context(
    text: str, times: list[TimeExpr], kb: KnowledgeBase, today: date, bounds: list[Clue]
) -> Context:
    """The shared view: the window (tenures and year bounds) and the weekdays reported."""
    tenures = with_early_tenure(text, kb, today, role_clues(text, kb, today))
    window, evidence = intersect_clues(tenures + bounds, today)
    named = [
        int(m[1]) - 1
        for t in times
        if (m := _WEEKDAY_ONLY.match(t.value or "")) and t.type != "SET"
    ]
    ctx = Context(text, times, today, window, evidence, set(named))
    ctx.main_weekdays = _most_named(named)
    ctx.tenure_starts = {lo for c in tenures for lo, _ in c.spans}
    ctx.tenure_window = intersect_clues(tenures, today)[0]
    return ctx


def _most_named(weekdays: list[int]) -> set[int]:
    """The weekdays the text names most often (the day a report is about, as a rule)."""
    counts = Counter(weekdays)
    top = max(counts.values(), default=0)
    return {w for w, n in counts.items() if n == top}


# --------------------------------------------------------------------------- pointing clues


def from_dateline_full_date(ctx: Context) -> list[Evidence]:
    """A full date in the dateline, or a dateline month-day with its own year."""
    for t in ctx.times:
        if t.value and _FULL_DAY.fullmatch(t.value) and _is_dateline(ctx.text, t):
            return [_day_clue("dateline", t.value, 0.95, f"dateline '{t.text}'")]
    line = find_dateline(ctx.text)
    if line is not None and line.year and line.month and line.day:
        day = f"{line.year:04d}-{line.month:02d}-{line.day:02d}"
        return [_day_clue("dateline", day, 0.95, f"dateline '{line.text.strip()}'")]
    return []


def from_anchor_event(ctx: Context) -> list[Evidence]:
    """'75 years ago' / 'the 75th anniversary of' beside a well-known dated event."""
    for sentence in re.finditer(r"[^.!?\n]+", ctx.text):
        found = anchored_day(sentence.group())
        if found is not None and ctx.allows(found[0]):
            return [
                _day_clue("anchor", found[0].isoformat(), found[1] + 0.1, ctx.because(found[2]))
            ]
    return []


def from_full_date_and_weekday(ctx: Context) -> list[Evidence]:
    """The latest full date in the text when its weekday is the one the text names most
    ('on Friday') and no later year is named (a weekday matches a date by chance one
    time in seven: an old date is not the article's)."""
    days = [
        date.fromisoformat(t.value)
        for t in ctx.times
        if t.value and _FULL_DAY.fullmatch(t.value) and t.type == "DATE"
    ]
    years = [int(m[1]) for t in ctx.times if (m := re.match(r"((?:19|20)\d\d)", t.value or ""))]
    if not days or max(years) > max(days).year:
        return []
    day = max(days)
    if day.weekday() not in ctx.main_weekdays or not ctx.allows(day):
        return []
    why = f"full date {day.isoformat()} is a {day:%A}, as the text says"
    # dev split: the day right 5 of 16 times (mostly published the day after), the month
    # 11 and the year 14
    clue = _day_clue("full-date", day.isoformat(), 0.35, ctx.because(why))
    return [Evidence(clue.kind, clue.spans, clue.weight, clue.text, clue.value, (0.69, 0.88))]


def from_narrow_window(ctx: Context) -> list[Evidence]:
    """A tenure window of days ('president-elect') and the weekday the article reports."""
    if len(ctx.window) != 1 or not ctx.weekdays:
        return []
    lo, hi = ctx.window[0]
    if not 2 <= (hi - lo).days <= 10:
        return []  # one or two days: two tenures that touch (a handover), no real window
    for offset in range((hi - lo).days + 1):
        day = lo + timedelta(days=offset)
        if day.weekday() in ctx.weekdays:
            why = "; ".join([*ctx.window_evidence, f"'on {day:%A}' inside that window"])
            return [_day_clue("window", day.isoformat(), 0.75, why)]
    return []


POINTING = [
    from_dateline_full_date,
    from_anchor_event,
    from_full_date_and_weekday,
    from_narrow_window,
]


def _day_clue(kind: str, value: str, weight: float, why: str) -> Evidence:
    day = date.fromisoformat(value)
    return Evidence(kind, ((day, day),), min(weight, 0.99), why, value)


# --------------------------------------------------------------------------- helpers


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
