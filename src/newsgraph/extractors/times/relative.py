"""Relative dates: weekdays, yesterday/today, clock times, "last week", quarters, seasons,
"two years ago".

Relative expressions do arithmetic on the anchor ("last week" -> ``2017-W16``, "two
years ago" -> ``2015``); without an anchor they keep no value.
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.extractors.times.calendar_rules import (
    Context,
    Found,
    Rule,
    duration_value,
    group,
    nearest_weekday,
    number_value,
    part_suffix,
    quarter_of,
    shift_quarter,
    shifted_period,
    tense_of,
    week_value,
    weekday_of,
    year_of,
)
from newsgraph.extractors.times.calendar_rules import compile_rule as _compile
from newsgraph.extractors.times.lexicon import (
    APPROX,
    CLOCK,
    DAYPART,
    NUMBER,
    ORDINALS,
    SEASONS,
    UNITS_PLURAL,
    WEEKDAY,
    YEAR,
)

_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _weekday_ref(match: re.Match[str], ctx: Context) -> Found:
    weekday, mod = weekday_of(match), group(match, "mod")
    part = group(match, "part").replace("-", "")
    suffix = _clock_suffix(match) or part_suffix(part)
    if weekday is None:
        return None
    kind = "TIME" if suffix else "DATE"
    if group(match, "plural"):
        return f"XXXX-WXX-{weekday + 1}{suffix}", "SET"
    if ctx.anchor is None:
        return f"XXXX-WXX-{weekday + 1}{suffix}", kind
    if mod in ("last", "the previous", "this past"):
        day = nearest_weekday(date.fromordinal(ctx.anchor.toordinal() - 1), weekday, "past")
    elif mod == "next":
        # 'next Tuesday' said on a Monday is the Tuesday of next week ('Tuesday' or 'this
        # Tuesday' would say tomorrow): the weekday in the calendar week after the anchor's
        monday = ctx.anchor.toordinal() - ctx.anchor.weekday() + 7
        day = date.fromordinal(monday + weekday)
    elif mod in ("this coming", "the following", "the coming"):
        day = nearest_weekday(date.fromordinal(ctx.anchor.toordinal() + 1), weekday, "future")
    else:
        day = nearest_weekday(ctx.anchor, weekday, tense_of(match, ctx))
    return day.isoformat() + suffix, kind


def _clock_suffix(match: re.Match[str]) -> str:
    clock = group(match, "clock")
    if not clock:
        return ""
    if clock == "noon":
        return "T12:00"
    if clock == "midnight":
        return "T24:00"
    hour = int(match["hh"]) % 12 + (12 if group(match, "ampm").startswith("p") else 0)
    return f"T{hour:02d}:{match['mm'] or '00'}"


def _deictic_day(match: re.Match[str], ctx: Context) -> Found:
    rel = group(match, "rel")
    part = group(match, "part").replace("-", "")
    if rel == "tonight":
        part = "night"
    if rel == "last" and part in ("night", "evening"):
        rel = "yesterday"
    if rel in ("this", "later this", "earlier this", "last"):
        rel = "today"
    suffix = _clock_suffix(match) or part_suffix(part)
    kind = "TIME" if suffix else "DATE"
    if ctx.anchor is None:
        return ("PRESENT_REF" if rel == "today" and not suffix else None), kind
    day = date.fromordinal(ctx.anchor.toordinal() + _DAY_OFFSETS[rel])
    return day.isoformat() + suffix, kind


def _clock_time(match: re.Match[str], ctx: Context) -> Found:
    if ctx.anchor is None:
        return None, "TIME"
    return ctx.anchor.isoformat() + _clock_suffix(match), "TIME"


def _deictic_part_first(match: re.Match[str], ctx: Context) -> Found:
    """'mid-afternoon yesterday': the part of day comes first."""
    part = group(match, "part0").replace("-", "")
    found = _deictic_day(match, ctx)
    if found is None or found[0] is None or "T" in found[0]:
        return found
    return found[0] + part_suffix(part), "TIME"


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
    value = shifted_period(anchor, unit, step)
    if value is not None:
        return value, "DATE"
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}", "DATE"
    return None


def reported_quarter(anchor: date) -> tuple[int, int]:
    """The quarter news reports on: the last completed one before ``anchor``."""
    return shift_quarter(*quarter_of(anchor), -1)


def quarter_relative(match: re.Match[str], ctx: Context, step: int) -> Found:
    qual = group(match, "qual")
    if ctx.anchor is None:
        return None, "DATE"
    if match["year"]:
        return f"{year_of(match)}-Q{reported_quarter(ctx.anchor)[1]}", "DATE"
    if qual in ("year-ago", "year-earlier") or group(match, "yrel") == "last":
        year, q = shift_quarter(*reported_quarter(ctx.anchor), -4)
    elif qual == "current" or group(match, "rel") == "this":
        year, q = quarter_of(ctx.anchor)
    elif group(match, "rel") == "next":
        year, q = shift_quarter(*quarter_of(ctx.anchor), 1)
    else:
        year, q = reported_quarter(ctx.anchor)
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
        year, q = shift_quarter(*reported_quarter(anchor), -4)
        return f"{year}-Q{q}", "DATE"
    if unit in ("day", "night"):
        return date.fromordinal(anchor.toordinal() + step).isoformat(), "DATE"
    value = shifted_period(anchor, unit, step)
    return (value, "DATE") if value is not None else None


def ago_year_adjective(match: re.Match[str], ctx: Context) -> Found:
    """'year-ago', 'year-earlier': the reported quarter a year back, or last year."""
    if ctx.anchor is None:
        return None, "DATE"
    if ctx.mentions_quarter(match.start()):
        year, q = shift_quarter(*reported_quarter(ctx.anchor), -4)
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


# --------------------------------------------------------------------------- the rule table

_REL = (
    r"(?P<rel>this|last|next|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current"
    r"|the\s+previous|the\s+following|the\s+present|the)"
)
_QUALS = (
    r"(?P<qual>latest|current|recent|most\s+recent|year-ago|year-earlier|same|comparable"
    r"|corresponding|previous|prior|final|past)"
)

RELATIVE_RULES = [
    Rule(
        _compile(
            rf"(?:{CLOCK},?\s+(?:on\s+)?)?(?:(?P<mod>last|next|this\s+coming|this\s+past|the\s+previous"
            rf"|the\s+following|the\s+coming|early|late|earlier|later)\s+)?{WEEKDAY}(?P<plural>s)?"
            rf"(?:\s+{DAYPART})?(?:,?\s+(?:at\s+)?{CLOCK.replace('clock', 'clock2').replace('hh', 'hh2').replace('mm', 'mm2').replace('ampm', 'ampm2')})?"
        ),
        _weekday_ref,
    ),
    Rule(
        _compile(
            rf"(?:{CLOCK},?\s+)?(?:(?:late|early|earlier|later|{DAYPART.replace('part', 'part0')})\s+)?"
            rf"(?P<rel>yesterday|today|tomorrow|tonight)(?:\s+{DAYPART})?"
        ),
        lambda m, c: _deictic_day(m, c) if not m["part0"] else _deictic_part_first(m, c),
    ),
    Rule(_compile(rf"(?P<rel>this|last|later\s+this|earlier\s+this)\s+{DAYPART}"), _deictic_day),
    Rule(_compile(rf"(?:around\s+|about\s+|at\s+)?{CLOCK}"), _clock_time),
    Rule(
        _compile(
            r"(?:(?P<edge>early|late|earlier|later|mid-?|the\s+(?:end|beginning|start|middle|rest"
            rf"|remainder)\s+of)\s*)?{_REL}\s+(?:(?P<qualy>fiscal|full|calendar|latest\s+fiscal)\s+)?"
            r"(?P<unit>week|weekend|month|year|decade|century)(?P<ending>\s+end(?:ed|ing)\b)?"
        ),
        relative_unit,
    ),
    Rule(
        _compile(
            rf"(?:(?P<yrel>this|last|next)\s+year's\s+|{_REL}\s+(?:{_QUALS}\s+)?(?:{YEAR}\s+)?"
            r"(?:fiscal\s+)?)(?P<unit>quarter|period)"
        ),
        lambda m, c: (
            quarter_relative(m, c, 0) if group(m, "unit") == "quarter" or group(m, "qual") else None
        ),
    ),
    Rule(_compile(r"year-(?:ago|earlier)"), lambda m, c: ago_year_adjective(m, c)),
    Rule(
        _compile(
            r"(?:(?P<yrel>this|last|next)\s+year's\s+|(?:the|this|its|their|a|an)\s+)?(?:(?:fiscal|calendar)\s+)?"
            rf"(?:{YEAR}\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+"
            rf"(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?{YEAR.replace('year', 'year2')})?"
        ),
        lambda m, c: (
            ordinal_quarter(m, c)
            if not m["year2"]
            else (
                f"{m['year2']}-{'H' if group(m, 'unit') == 'half' else 'Q'}{ORDINALS[group(m, 'ord')]}",
                "DATE",
            )
        ),
    ),
    Rule(
        _compile(
            r"(?:(?P<sedge>early|late|mid-?|the\s+(?:end|beginning|start|middle)\s+of)\s*)?"
            r"(?:(?P<rel>this\s+past|this|last|next|past|the|that)\s+)?"
            r"(?P<season>spring|summer|fall|autumn|winter)"
            rf"(?:\s+(?:of\s+)?{YEAR})?"
        ),
        season_checked,
    ),
    Rule(
        _compile(
            rf"{APPROX}{NUMBER}\s+{UNITS_PLURAL}\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|from\s+now|hence)"
        ),
        ago,
    ),
]
