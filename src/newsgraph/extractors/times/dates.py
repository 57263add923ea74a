"""Absolute dates: ISO and full dates, month-days, months, years, decades, centuries.

Month-days take the year nearest the anchor, leaning to the past in reporting
sentences and to the future after "will"/"next"; a weekday given with a month-day
picks the year where the two agree.
"""

from __future__ import annotations

import re

from newsgraph.extractors.times.calendar_rules import (
    Context,
    Found,
    Rule,
    group,
    is_number_context,
    month_of,
    nearest_year,
    safe_date,
    tense_of,
    weekday_of,
    year_of,
)
from newsgraph.extractors.times.calendar_rules import compile_rule as _compile
from newsgraph.extractors.times.lexicon import DAY, DECADE_WORDS, MONTH, WEEKDAY, YEAR


def _iso_date(match: re.Match[str], ctx: Context) -> Found:
    day = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return (day.isoformat(), "DATE") if day else None


def _full_date(match: re.Match[str], ctx: Context) -> Found:
    day = safe_date(year_of(match), month_of(match), int(match["day"]))
    return (day.isoformat(), "DATE") if day else None


def _month_year(match: re.Match[str], ctx: Context) -> Found:
    return f"{year_of(match):04d}-{month_of(match):02d}", "DATE"


def _month_day(match: re.Match[str], ctx: Context) -> Found:
    month, day, weekday = month_of(match), int(match["day"]), weekday_of(match)
    if safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE"
    tense = "future" if group(match, "mod") in ("next", "this coming") else tense_of(match, ctx)
    found = nearest_year(ctx.anchor, month, day, tense, weekday)
    return (found.isoformat() if found else None), "DATE"


_BARE_MONTH_PREPS = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|from|through|of|to|and|or|before|after|between"
    r"|early|late|mid|last|next|this|since|each|every)\s*-?|\bmid-)\s*$",
    re.I,
)


def _month_alone(match: re.Match[str], ctx: Context) -> Found:
    month, mod, rel = month_of(match), group(match, "mod"), group(match, "rel")
    word = match["month"].rstrip(".")
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    ambiguous = word.lower() in ("may", "march") or len(word) <= 4
    if not mod and ambiguous and not _BARE_MONTH_PREPS.search(before):
        return None  # "may" the verb, "march" the noun, a lone "Jan."
    if ctx.anchor is None:
        return f"XXXX-{month:02d}", "DATE"
    year = ctx.anchor.year
    if rel:
        year += {"last": -1, "next": 1}.get(rel, 0)
    elif mod in ("last", "this past"):
        year -= month >= ctx.anchor.month
    elif mod == "next":
        year += month <= ctx.anchor.month
    elif mod != "this":
        tense = tense_of(match, ctx)
        if tense == "past" and month > ctx.anchor.month + 1:
            year -= 1
        if tense == "future" and month < ctx.anchor.month - 1:
            year += 1
    return f"{year:04d}-{month:02d}", "DATE"


def _year_alone(match: re.Match[str], ctx: Context) -> Found:
    start, end = match.span("year")
    if is_number_context(ctx.text, start, end):
        return None
    year, edge = year_of(match), group(match, "edge")
    if (
        year < 1800
        and not edge
        and not re.search(
            r"\b(?:in|since|of|by|from|until|year|the|and|to|early|late)\s*$",
            ctx.text[max(0, start - 8) : start],
            re.I,
        )
    ):
        return None
    if "first half" in edge:
        return f"{year}-H1", "DATE"
    if "second half" in edge:
        return f"{year}-H2", "DATE"
    return f"{year:04d}", "DATE"


def _decade(match: re.Match[str], ctx: Context) -> Found:
    if group(match, "cent"):
        return f"{group(match, 'cent')}{group(match, 'dec')}", "DATE"
    century = "19"
    if (
        ctx.anchor
        and ctx.anchor.year >= 2000
        and int(group(match, "dec")) * 10 <= ctx.anchor.year % 100
    ):
        century = "20"
    return f"{century}{group(match, 'dec')}", "DATE"


def _decade_word(match: re.Match[str], ctx: Context) -> Found:
    return _decade(re.match(r"(?P<dec>\d)", DECADE_WORDS[group(match, "word")]) or match, ctx)


def _century(match: re.Match[str], ctx: Context) -> Found:
    return f"{int(match['n']) - 1:02d}", "DATE"


_EDGE = (
    r"(?:(?P<edge>early|late|mid-?|the\s+(?:end|beginning|start|middle|rest|remainder|first\s+half"
    r"|second\s+half)\s+of|(?:fiscal|calendar)(?:\s+year)?)\s*)?"
)

DATE_RULES = [
    Rule(_compile(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"), _iso_date),
    # '(13.03.2017)': day, month and year with dots, as a link's date is given
    Rule(_compile(r"(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<y>\d{4})(?!\.\d)"), _iso_date),
    Rule(_compile(rf"(?:{WEEKDAY},?\s+)?{MONTH}\s*{DAY},?\s+{YEAR}"), _full_date),
    Rule(
        _compile(rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH},?\s+{YEAR}"),
        _full_date,
    ),
    Rule(_compile(rf"{_EDGE}{MONTH},?\s+(?:of\s+)?{YEAR}(?!\s*[-,]?\s*\d)"), _month_year),
    Rule(
        _compile(
            rf"(?:(?P<mod>this\s+coming|next|last)\s+)?(?:{WEEKDAY},?\s+)?{MONTH}\s*{DAY}"
            r"(?![\d%]|:\d)(?!\s*(?:,\s*)?\d)"
        ),
        _month_day,
    ),
    Rule(
        _compile(rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?!\s*,?\s*\d)"),
        _month_day,
    ),
    Rule(
        _compile(
            r"(?:(?P<mod>last|next|this\s+past|this|early|late|mid-?|the\s+(?:end|beginning|start"
            rf"|middle)\s+of)\s*)?{MONTH}(?:\s+(?P<rel>this|last|next)\s+year)?"
        ),
        _month_alone,
    ),
    Rule(_compile(rf"{_EDGE}{YEAR}(?!\s*-\s*\d)"), _year_alone),
    Rule(
        _compile(
            r"(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?P<cent>1[0-9]|20)(?P<dec>\d)0'?s|'(?P<dec2>\d)0s)"
        ),
        lambda m, c: _decade(m, c) if m["cent"] else None,
    ),
    Rule(
        _compile(
            r"the\s+(?:(?:early|late|mid-?)\s*)?(?P<word>twenties|thirties|forties|fifties|sixties"
            r"|seventies|eighties|nineties)"
        ),
        _decade_word,
    ),
    Rule(_compile(r"(?:the\s+)?(?P<n>1?\d|2[01])(?:st|nd|rd|th)\s+century"), _century),
]
