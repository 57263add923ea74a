"""The pieces behind :mod:`newsgraph.extractors.times`: words, patterns, anchoring, values.

* vocabulary (months, weekdays, number words, units, TIMEX3 codes) read from
  ``data/timex_words.json``, and the regex pieces built from it; month names and
  weekdays must be capitalised (``(?-i:...)``): "may" is a verb, "march" a noun;
* :class:`Context`, the text and its anchor date, which answers "is this sentence
  about the future or the past?" from the tense cue nearest the expression;
* date arithmetic (ISO weeks, quarters, the year nearest the anchor with a weekday
  check) and TIMEX3 formatting of durations;
* the value functions of the relative, duration, set and reference rules: each
  takes a regex match and the context and returns ``(value, type)`` or ``None``
  to reject the candidate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources

Found = tuple[str | None, str] | None

_WORDS = json.loads(
    resources.files("newsgraph.extractors").joinpath("data/timex_words.json").read_text("utf-8")
)
MONTHS: dict[str, int] = _WORDS["months"]
WEEKDAYS: dict[str, int] = _WORDS["weekdays"]
SMALL_NUMBERS: dict[str, int] = _WORDS["small_numbers"]
ORDINALS: dict[str, int] = _WORDS["ordinals"]
UNITS: dict[str, tuple[str, bool]] = {k: (v[0], v[1]) for k, v in _WORDS["units"].items()}
SEASONS: dict[str, str] = _WORDS["seasons"]
PARTS_OF_DAY: dict[str, str] = _WORDS["parts_of_day"]
REFERENCES: dict[str, str] = _WORDS["references"]
SET_ADVERBS: dict[str, str] = _WORDS["set_adverbs"]
DECADE_WORDS: dict[str, str] = _WORDS["decade_words"]

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


# --------------------------------------------------------------------------- value functions


_REL_STEP = {
    "this": 0, "the current": 0, "the present": 0, "current": 0, "the": 0,
    "last": -1, "the past": -1, "the last": -1, "the previous": -1, "past": -1, "previous": -1,
    "next": 1, "the coming": 1, "the next": 1, "the following": 1, "coming": 1,
}  # fmt: skip


def relative_unit(match: re.Match[str], ctx: Context) -> Found:
    rel, unit = re.sub(r"\s+", " ", group(match, "rel")), group(match, "unit")
    step = _REL_STEP.get(rel, 0)
    if rel == "the" and group(match, "ending"):
        return duration_value(1, unit), "DURATION"
    if rel == "the" and unit == "weekend":
        rel, step = "last", 0
    if unit == "quarter":
        return quarter_relative(match, ctx, step)
    if ctx.anchor is None:
        return None, "DATE"
    anchor = ctx.anchor
    if unit == "weekend":
        tense = "future" if step > 0 else "past" if step < 0 else tense_of(match, ctx)
        saturday = nearest_weekday(anchor, 5, tense)
        return week_value(saturday) + "-WE", "DATE"
    if unit == "week":
        value = week_value(date.fromordinal(anchor.toordinal() + 7 * step))
        return value + ("-WE" if unit == "weekend" else ""), "DATE"
    if unit == "month":
        shifted = shift_months(anchor, step)
        return f"{shifted.year:04d}-{shifted.month:02d}", "DATE"
    if unit == "year":
        return f"{anchor.year + step:04d}", "DATE"
    if unit == "decade":
        return f"{anchor.year // 10 + step:03d}", "DATE"
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}", "DATE"
    return None


def reported_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter news reports on: the last completed one before the anchor."""
    if ctx.anchor is None:
        return None
    return shift_quarter(*quarter_of(ctx.anchor), -1)


def quarter_relative(match: re.Match[str], ctx: Context, step: int) -> Found:
    qual = group(match, "qual")
    if ctx.anchor is None:
        return None, "DATE"
    if match["year"]:
        return f"{year_of(match)}-Q{reported_quarter(ctx)[1]}", "DATE"  # type: ignore[index]
    if qual in ("year-ago", "year-earlier") or group(match, "yrel") == "last":
        year, q = shift_quarter(*reported_quarter(ctx), -4)  # type: ignore[misc]
    elif qual == "current" or group(match, "rel") == "this":
        year, q = quarter_of(ctx.anchor)
    elif group(match, "rel") == "next":
        year, q = shift_quarter(*quarter_of(ctx.anchor), 1)
    else:
        year, q = reported_quarter(ctx)  # type: ignore[misc]
    return f"{year}-Q{q}", "DATE"


def ordinal_quarter(match: re.Match[str], ctx: Context) -> Found:
    q = ORDINALS[group(match, "ord")]
    letter = "H" if group(match, "unit") == "half" else "Q"
    if match["year"]:
        return f"{year_of(match)}-{letter}{q}", "DATE"
    if ctx.anchor is None:
        return f"XXXX-{letter}{q}", "DATE"
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(group(match, "yrel"), 0)
    now_q = quarter_of(ctx.anchor)[1] if letter == "Q" else (ctx.anchor.month - 1) // 6 + 1
    if not group(match, "yrel") and q > now_q + 1 and tense_of(match, ctx) == "past":
        year -= 1
    return f"{year}-{letter}{q}", "DATE"


def season_value(match: re.Match[str], ctx: Context) -> Found:
    code = SEASONS[group(match, "season")]
    if match["year"]:
        return f"{year_of(match)}-{code}", "DATE"
    if ctx.anchor is None:
        return f"XXXX-{code}", "DATE"
    rel, year = re.sub(r"\s+", " ", group(match, "rel")), ctx.anchor.year
    season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    if rel in ("last", "this past", "past") and season_month >= ctx.anchor.month:
        year -= 1
    elif rel == "next" and season_month <= ctx.anchor.month:
        year += 1
    return f"{year}-{code}", "DATE"


def ago(match: re.Match[str], ctx: Context) -> Found:
    amount, unit = number_value(group(match, "num")), group(match, "unit").rstrip("s")
    direction = -1 if group(match, "dir") in ("ago", "earlier", "before") else 1
    if amount is None:
        return ("PAST_REF" if direction < 0 else "FUTURE_REF"), "DATE"
    if ctx.anchor is None:
        return None, "DATE"
    step = int(amount) * direction
    anchor = ctx.anchor
    if unit == "year" and amount == 1 and ctx.mentions_quarter(match.start()):
        reported = reported_quarter(ctx)
        year, q = shift_quarter(*reported, -4)  # type: ignore[misc]
        return f"{year}-Q{q}", "DATE"
    if unit in ("day", "night"):
        return date.fromordinal(anchor.toordinal() + step).isoformat(), "DATE"
    if unit == "week":
        return week_value(date.fromordinal(anchor.toordinal() + 7 * step)), "DATE"
    if unit == "month":
        shifted = shift_months(anchor, step)
        return f"{shifted.year:04d}-{shifted.month:02d}", "DATE"
    if unit == "year":
        return f"{anchor.year + step:04d}", "DATE"
    if unit == "decade":
        return f"{(anchor.year + 10 * step) // 10:03d}", "DATE"
    return None


# --------------------------------------------------------------------------- durations, sets, refs


def duration(match: re.Match[str], ctx: Context) -> Found:
    num, unit = group(match, "num"), group(match, "unit")
    after = ctx.text[match.end() : match.end() + 8].lower()
    if re.match(r"\s*-?\s*old\b", after):
        return None
    amount = number_value(group(match, "first") or num)
    if group(match, "first") and group(match, "first").isdigit() != num.isdigit():
        return None
    if group(match, "first") and re.match(
        r"the\s+(?:next|past|last|coming)", match.group(0).lower()
    ):
        amount = None
    if num in ("a", "an", "one") and re.search(
        r"(?:\d|cents?|dollars?|once|twice|times)\W*$",
        ctx.text[max(0, match.start() - 12) : match.start()],
        re.I,
    ):
        return None
    if amount is None and num in ("some", "many") and not unit.endswith("s"):
        return None
    return duration_value(amount, unit), "DURATION"


def bare_plural_duration(match: re.Match[str], ctx: Context) -> Found:
    return duration_value(None, group(match, "unit")), "DURATION"


def every(match: re.Match[str], ctx: Context) -> Found:
    if group(match, "weekday"):
        return f"XXXX-WXX-{weekday_of(match) + 1}", "SET"  # type: ignore[operator]
    if group(match, "month"):
        return f"XXXX-{month_of(match):02d}", "SET"
    if group(match, "season"):
        return f"XXXX-{SEASONS[group(match, 'season')]}", "SET"
    amount = number_value(group(match, "num")) if group(match, "num") else 1.0
    if group(match, "other"):
        amount = (amount or 1.0) * 2
    return duration_value(amount, group(match, "unit")), "SET"


_NOT_A_NOUN = re.compile(
    r"\s+(?:[A-Z]|and|or|in|on|at|to|for|by|from|with|since|until|basis|but|as|than|the|a|an"
    r"|this|that|so|if|when|while|over|through|during)\b|\s*[^\w\s]|\s*$"
)


def set_adverb(match: re.Match[str], ctx: Context) -> Found:
    if not _NOT_A_NOUN.match(ctx.text, match.end()):
        return None  # an adjective: "quarterly dividend", "daily tally"
    return SET_ADVERBS[group(match, "adv")], "SET"


def reference(match: re.Match[str], ctx: Context) -> Found:
    ref = re.sub(r"\s+", " ", group(match, "ref"))
    before = ctx.text[max(0, match.start() - 4) : match.start()].lower()
    after = ctx.text[match.end() : match.end() + 7].lower()
    if ref == "soon" and (before.endswith("as ") or re.match(r"\s+(?:after|as)\b", after)):
        return None
    if ref == "now" and re.match(r"\s+that\b", after):
        return None
    return REFERENCES[ref], "DATE"


def ago_year_adjective(match: re.Match[str], ctx: Context) -> Found:
    """'year-ago', 'year-earlier': the reported quarter a year back, or last year."""
    if ctx.anchor is None:
        return None, "DATE"
    if ctx.mentions_quarter(match.start()):
        year, q = shift_quarter(*reported_quarter(ctx), -4)  # type: ignore[misc]
        return f"{year}-Q{q}", "DATE"
    return f"{ctx.anchor.year - 1}", "DATE"


_SEASON_PREPS = re.compile(r"\b(?:in|during|since|until|by|through|over|of)\s+(?:the\s+)?$", re.I)


def season_checked(match: re.Match[str], ctx: Context) -> Found:
    """A season needs a determiner, a year or a preposition ("fall" is usually a verb)."""
    rel = group(match, "rel")
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    if match["year"] or match["sedge"] or rel in ("this", "last", "next", "this past", "past"):
        return season_value(match, ctx)
    if _SEASON_PREPS.search(before):
        return season_value(match, ctx)
    return None
