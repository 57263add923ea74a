"""Vocabulary and regular-expression pieces for English time expressions.

Kept apart from :mod:`newsgraph.extract.times` (which anchors and normalises) so
that the word lists and the span patterns can be read and extended in one place.
Every pattern here is compiled case-insensitively unless a piece says
``(?-i:...)``: month names and weekdays must be capitalised ("may" is a verb,
"march" a noun).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip

VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of")

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# unit word -> (TIMEX3 duration letter, is a clock unit (PT...))
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "centurie": ("CE", False),
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "mid afternoon": "AF", "midafternoon": "AF",
    "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI",
}  # fmt: skip

# single words and phrases whose value does not depend on the anchor
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "currently": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "the present": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
    "recent": "PAST_REF", "the past": "PAST_REF",
    "in the past": "PAST_REF", "recent years": "PAST_REF", "recent days": "PAST_REF",
    "recent weeks": "PAST_REF", "recent months": "PAST_REF", "past years": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "coming quarters": "FUTURE_REF",
    "the weeks ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",
    "the years ahead": "FUTURE_REF", "the days ahead": "FUTURE_REF",
    "soon": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming weeks": "FUTURE_REF", "coming years": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "coming days": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "future quarters": "FUTURE_REF",
}  # fmt: skip

SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y",
    "biweekly": "P2W", "biannually": "P6M",
}  # fmt: skip

FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+to|scheduled|expects?\s+to"
    r"|is\s+to|are\s+to|next|upcoming|intends?\s+to|aims?\s+to|set\s+to|slated|tomorrow"
    r"|by|until|till|before|would|planned|planning|expected|as\s+soon\s+as)\b",
    re.I,
)
PAST_CUES = re.compile(
    r"\b(?:said|says|was|were|had|did|ago|last|earlier|yesterday|told|reported|announced|since"
    r"|[a-z]{3,}ed)\b",
    re.I,
)


def alternation(words: list[str] | dict[str, object]) -> str:
    """A regex alternation of the given words, longest first, with dots escaped."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
_ABBR_MONTHS = [m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")]

# month names: capitalised (or all caps); abbreviations may carry a dot
MONTH = (
    r"(?-i:(?P<month>"
    + "|".join(m.capitalize() for m in sorted(_FULL_MONTHS, key=len, reverse=True))
    + "|"
    + "|".join(m.upper() for m in sorted(_FULL_MONTHS, key=len, reverse=True))
    + "|"
    + "|".join(m.capitalize() + r"\.?" for m in sorted(_ABBR_MONTHS, key=len, reverse=True))
    + r"))"
)
WEEKDAY = (
    r"(?-i:(?P<weekday>"
    + "|".join(w.capitalize() for w in sorted(WEEKDAYS, key=len, reverse=True) if len(w) > 4)
    + r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.(?=\s*,)"
    + r"))"
)
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)"
NUM_WORD = alternation(list(SMALL_NUMBERS) + ["twenty-one"])
NUMBER = (
    r"(?P<num>\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"[- ](?:one|two|three|four|five|six|seven|eight|nine)|" + NUM_WORD + "|"
    r"several|a\s+few|few|many|some|a\s+number\s+of)"
)
UNIT = r"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|centur(?:y|ie))"
DAYPART = r"(?P<part>morning|afternoon|mid[- ]?afternoon|evening|night)"
CLOCK = (
    r"(?P<clock>(?:(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)"
    r"(?:\s+(?-i:[ECMP][SD]T|GMT))?)|noon|midnight)"
)


# --------------------------------------------------------------------------- anchoring


@dataclass(frozen=True)
class Context:
    """The text being read and its anchor date, with the questions rules ask of them."""

    text: str
    anchor: date | None

    def tense(self, start: int, end: int) -> str:
        """``future`` or ``past``: the tense cue nearest the span in its sentence wins.

        Reporting is past by default, so a tie or no cue at all gives ``past``.
        """
        left = self.text.rfind(". ", max(0, start - 250), start)
        left = max(left, self.text.rfind("\n", max(0, start - 250), start), max(0, start - 250))
        stops = [i for i in (self.text.find(". ", end), self.text.find("\n", end)) if i >= 0]
        right = min([*stops, end + 250, len(self.text)])
        best: tuple[int, str] = (10**6, "past")
        for cues, tense in ((PAST_CUES, "past"), (FUTURE_CUES, "future")):
            for cue in cues.finditer(self.text, left, right):
                if start <= cue.start() < end:
                    continue
                gap = start - cue.end() if cue.end() <= start else cue.start() - end + 15
                best = min(best, (gap, tense))
        return best[1]

    def mentions_quarter(self, start: int) -> bool:
        """Whether the text just before (or the sentence of) a span talks about a quarter."""
        before = self.text[max(0, start - 300) : start + 100]
        return bool(re.search(r"\b(?:quarter|quarterly)\b", before, re.I))


def shift_months(day: date, months: int) -> date:
    """``day`` moved by whole months (the day clamped to the month's length)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, _month_length(year, month + 1)))


def _month_length(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def week_value(day: date) -> str:
    """The ISO week of a day as TIMEX3: ``2017-W16``."""
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter) of a day."""
    return day.year, (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    """A (year, quarter) moved by ``by`` quarters."""
    total = year * 4 + quarter - 1 + by
    return total // 4, total % 4 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or ``None`` for impossible ones (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(
    anchor: date, month: int, day: int, tense: str, weekday: int | None
) -> date | None:
    """The month-day in the year nearest the anchor, checked against a weekday.

    Reporting (past) sentences lean to the past: a date more than 60 days ahead of
    the anchor goes back a year; future sentences lean the other way. With a
    weekday, a year where the weekday agrees wins over one where it does not.
    """
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        cand = safe_date(year, month, day)
        if cand is None:
            continue
        gap = (cand - anchor).days
        cost = abs(gap)
        if tense == "past" and gap > 60:
            cost += 240
        if tense == "future" and gap < -60:
            cost += 240
        if weekday is not None and cand.weekday() != weekday:
            cost += 1000
        options.append((cost, cand))
    return min(options)[1] if options else None


def nearest_weekday(anchor: date, weekday: int, tense: str) -> date:
    """The weekday on or before the anchor in past sentences, on or after in future ones."""
    back = (anchor.weekday() - weekday) % 7
    if tense == "future":
        return date.fromordinal(anchor.toordinal() + (weekday - anchor.weekday()) % 7)
    return date.fromordinal(anchor.toordinal() - back)


def number_value(word: str) -> float | None:
    """A number written in digits or words ("two", "twenty-four", "a couple of"); ``None`` if vague."""
    token = re.sub(r"\s+", " ", word.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    if token in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[token])
    parts = re.split(r"[- ]", token)
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]])
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration for an amount of a unit: ``P2Y``, ``PT5H``, ``PXY`` when vague."""
    letter, clock = UNITS[unit.lower().rstrip("s")]
    if letter == "Q":
        letter, amount = "M", (amount * 3 if amount is not None else None)
    if letter == "DE":
        letter, amount = "Y", (amount * 10 if amount is not None else None)
    if letter == "CE":
        letter, amount = "Y", (amount * 100 if amount is not None else None)
    if amount is None:
        shown = "X"
    elif amount == int(amount):
        shown = str(int(amount))
    else:
        shown = f"{amount:g}"
    return f"P{'T' if clock else ''}{shown}{letter}"
