"""Durations ("three years", "for months"), sets ("every week", "daily") and references
("now", "recently").
"""

from __future__ import annotations

import re

from newsgraph.extractors.times.calendar_rules import (
    Context,
    Found,
    Rule,
    duration_value,
    group,
    month_of,
    number_value,
    weekday_of,
)
from newsgraph.extractors.times.calendar_rules import compile_rule as _compile
from newsgraph.extractors.times.lexicon import (
    APPROX,
    MONTH,
    NUMBER,
    REFERENCES,
    SEASONS,
    SET_ADVERBS,
    UNIT,
    UNITS_PLURAL,
    WEEKDAY,
    alternation,
)

_RANGE_START = r"(?P<first>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"


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


DURATION_RULES = [
    Rule(
        _compile(
            r"(?:the\s+(?:(?:past|last|next|first|coming|previous|final|latest|following|remaining"
            rf"|initial|same|full|entire|whole)\s+)?)?{APPROX}(?:{_RANGE_START}\s*(?:to|or|-)\s*)?{NUMBER}"
            r"(?:\s+or\s+(?:so|more|two|three))?"
            rf"\s+(?:(?:more|additional|straight|consecutive|trading|business|full|calendar)\s+)?{UNITS_PLURAL}"
        ),
        duration,
    ),
    Rule(_compile(rf"{NUMBER}-{UNIT}"), duration),
    Rule(
        _compile(
            r"(?:for|in|over|within|of)\s+(?P<span>(?:the\s+(?:past|last|next|coming)\s+)?"
            r"(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))"
        ),
        bare_plural_duration,
    ),
]

SET_RULES = [
    Rule(
        _compile(
            rf"(?:every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?:{NUMBER})\s+)?(?:{UNITS_PLURAL}"
            rf"|{WEEKDAY}|{MONTH}|(?P<season>spring|summer|fall|autumn|winter))"
        ),
        every,
    ),
    Rule(_compile(rf"(?P<adv>{alternation(SET_ADVERBS)})"), set_adverb),
    Rule(_compile(rf"(?P<ref>{alternation(REFERENCES)})"), reference),
]
