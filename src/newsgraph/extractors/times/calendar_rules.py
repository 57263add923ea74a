"""Anchoring and date arithmetic for time expressions, and the shape of a rule.

* :class:`Context`, the text and its anchor date, which answers "is this sentence
  about the future or the past?" from the tense cue nearest the expression;
* date arithmetic (ISO weeks, quarters, the year nearest the anchor with a weekday
  check) and TIMEX3 formatting of durations;
* helpers that read a rule's regex match, and :class:`Rule` itself: a pattern and a
  value function that takes the match and the context and returns ``(value, type)``
  or ``None`` to reject the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from newsgraph.extractors.times.lexicon import (
    FUTURE_CUES,
    MONTHS,
    PARTS_OF_DAY,
    PAST_CUES,
    SMALL_NUMBERS,
    UNITS,
    WEEKDAYS,
)

Found = tuple[str | None, str] | None


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


def shifted_period(anchor: date, unit: str, step: int) -> str | None:
    """The week, month, year or decade ``step`` units from the anchor, as TIMEX3."""
    if unit == "week":
        return week_value(date.fromordinal(anchor.toordinal() + 7 * step))
    if unit == "month":
        shifted = shift_months(anchor, step)
        return f"{shifted.year:04d}-{shifted.month:02d}"
    if unit == "year":
        return f"{anchor.year + step:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + step:03d}"
    return None


# --------------------------------------------------------------------------- match helpers


def group(match: re.Match[str], name: str) -> str:
    """A named group's text, lower-cased, or '' when it did not take part."""
    if name not in match.re.groupindex:
        return ""
    return (match.group(name) or "").lower()


def month_of(match: re.Match[str]) -> int:
    return MONTHS[group(match, "month").rstrip(".")]


def weekday_of(match: re.Match[str]) -> int | None:
    word = group(match, "weekday").rstrip(".")
    return WEEKDAYS[word] if word else None


def year_of(match: re.Match[str]) -> int:
    return int(match.group("year"))


def is_number_context(text: str, start: int, end: int) -> bool:
    """Digits that are money, a percentage, part of a bigger number, or a count."""
    before, after = text[max(0, start - 2) : start], text[end : end + 9].lower()
    if re.search(r"[$€£#\d.,/]\s?$", before) or re.match(r"[-\u2013/]\d|[.,]\d|\d", after):
        return True
    return bool(re.match(r"\s*(?:%|percent|per cent|-?years?\b|-?year-old|s\b)", after))


def tense_of(match: re.Match[str], ctx: Context) -> str:
    return ctx.tense(match.start(), match.end())


def part_suffix(part: str) -> str:
    return "T" + PARTS_OF_DAY[part] if part else ""


# --------------------------------------------------------------------------- rules


class Rule(NamedTuple):
    """A span pattern and the function that turns a match into (value, type), or None."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context], Found]


def compile_rule(pattern: str) -> re.Pattern[str]:
    """A rule pattern: case-insensitive, not inside a word or after a hyphen."""
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w])", re.I)
