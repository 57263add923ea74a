"""Time expressions in English news text, normalised to TimeML (TIMEX3) values.

``find_times(text, anchor=...)`` finds dates, times, durations and sets with
regular expressions (no parser, no model) and gives each a TIMEX3 value resolved
against the anchor, the article's publication date:

* absolute dates keep their value ("March 24, 2017" -> ``2017-03-24``);
* month-days and weekdays take the year / week nearest the anchor, leaning to the
  past in reporting (past tense) sentences and to the future after "will"/"next";
  a weekday given with a month-day picks the year where the two agree;
* relative expressions do arithmetic on the anchor ("last week" -> ``2017-W16``,
  "two years ago" -> ``2015``); without an anchor they keep no value;
* ages ("75-year-old"), prices ("$2014") and percentages ("75%") are not dates.

Word lists, regex pieces, date arithmetic and the value functions of the relative
rules live in :mod:`newsgraph.extractors.timex_rules`; the rules (one regex and one
value function each) are listed in ``RULES`` below, and the engine keeps the
longest non-overlapping spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from newsgraph.errors import Code, IngestError
from newsgraph.extractors import timex_rules as tr
from newsgraph.extractors.timex_rules import Context
from newsgraph.records import TimeExpr

Found = tuple[str | None, str] | None
_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")


class Rule(NamedTuple):
    """A span pattern and the function that turns a match into (value, type), or None."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context], Found]


def parse_anchor(anchor: str | None) -> date | None:
    """The anchor as a date; ``None`` stays ``None``; a malformed anchor is an input error."""
    if anchor is None or anchor == "":
        return None
    found = _ISO_DAY.match(str(anchor).strip())
    if not found:
        raise IngestError(Code.BAD_OPTION, f"anchor date is not ISO YYYY-MM-DD: {anchor!r}")
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError as exc:
        raise IngestError(Code.BAD_OPTION, f"anchor date {anchor!r}: {exc}") from exc


def find_times(text: str, *, anchor: str | None, lang: str = "en") -> list[TimeExpr]:
    """Time expressions in ``text``, each with a TIMEX3 value resolved against ``anchor``.

    ``anchor`` is the publication date (``YYYY-MM-DD``) or ``None``. Only English is
    supported; other languages give an empty list. Spans never overlap and
    ``text[e.start:e.end] == e.text`` holds for every expression returned.
    """
    if not text or not lang.lower().startswith("en"):
        return []
    ctx = Context(text=text, anchor=parse_anchor(anchor))
    candidates: list[TimeExpr] = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            found = rule.resolve(match, ctx)
            if found is None:
                continue
            start, end = _span_of(match)
            value, kind = found
            candidates.append(TimeExpr(start, end, text[start:end], value, kind))
    return _longest_without_overlap(candidates)


def _span_of(match: re.Match[str]) -> tuple[int, int]:
    """The match's ``span`` group when the rule marks one, else the whole match."""
    if "span" in match.re.groupindex and match.group("span") is not None:
        return match.span("span")
    return match.span()


def _longest_without_overlap(candidates: list[TimeExpr]) -> list[TimeExpr]:
    """Keep the longest candidates first, drop any that overlap one already kept."""
    kept: list[TimeExpr] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if any(cand.start < k.end and k.start < cand.end for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w])", re.I)


# --------------------------------------------------------------------------- absolute dates


def _iso_date(match: re.Match[str], ctx: Context) -> Found:
    day = tr.safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return (day.isoformat(), "DATE") if day else None


def _full_date(match: re.Match[str], ctx: Context) -> Found:
    day = tr.safe_date(tr.year_of(match), tr.month_of(match), int(match["day"]))
    return (day.isoformat(), "DATE") if day else None


def _month_year(match: re.Match[str], ctx: Context) -> Found:
    return f"{tr.year_of(match):04d}-{tr.month_of(match):02d}", "DATE"


def _month_day(match: re.Match[str], ctx: Context) -> Found:
    month, day, weekday = tr.month_of(match), int(match["day"]), tr.weekday_of(match)
    if tr.safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}", "DATE"
    tense = (
        "future" if tr.group(match, "mod") in ("next", "this coming") else tr.tense_of(match, ctx)
    )
    found = tr.nearest_year(ctx.anchor, month, day, tense, weekday)
    return (found.isoformat() if found else None), "DATE"


_BARE_MONTH_PREPS = re.compile(
    r"(?:\b(?:in|since|until|till|by|during|from|through|of|to|and|or|before|after|between"
    r"|early|late|mid|last|next|this|since|each|every)\s*-?|\bmid-)\s*$",
    re.I,
)


def _month_alone(match: re.Match[str], ctx: Context) -> Found:
    month, mod, rel = tr.month_of(match), tr.group(match, "mod"), tr.group(match, "rel")
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
        tense = tr.tense_of(match, ctx)
        if tense == "past" and month > ctx.anchor.month + 1:
            year -= 1
        if tense == "future" and month < ctx.anchor.month - 1:
            year += 1
    return f"{year:04d}-{month:02d}", "DATE"


def _year_alone(match: re.Match[str], ctx: Context) -> Found:
    start, end = match.span("year")
    if tr.is_number_context(ctx.text, start, end):
        return None
    year, edge = tr.year_of(match), tr.group(match, "edge")
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
    if tr.group(match, "cent"):
        return f"{tr.group(match, 'cent')}{tr.group(match, 'dec')}", "DATE"
    century = "19"
    if (
        ctx.anchor
        and ctx.anchor.year >= 2000
        and int(tr.group(match, "dec")) * 10 <= ctx.anchor.year % 100
    ):
        century = "20"
    return f"{century}{tr.group(match, 'dec')}", "DATE"


def _decade_word(match: re.Match[str], ctx: Context) -> Found:
    return _decade(re.match(r"(?P<dec>\d)", tr.DECADE_WORDS[tr.group(match, "word")]) or match, ctx)


def _century(match: re.Match[str], ctx: Context) -> Found:
    return f"{int(match['n']) - 1:02d}", "DATE"


_EDGE = (
    r"(?:(?P<edge>early|late|mid-?|the\s+(?:end|beginning|start|middle|rest|remainder|first\s+half"
    r"|second\s+half)\s+of|(?:fiscal|calendar)(?:\s+year)?)\s*)?"
)

DATE_RULES = [
    Rule(_compile(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"), _iso_date),
    Rule(_compile(rf"(?:{tr.WEEKDAY},?\s+)?{tr.MONTH}\s*{tr.DAY},?\s+{tr.YEAR}"), _full_date),
    Rule(
        _compile(
            rf"(?:{tr.WEEKDAY},?\s+)?(?:the\s+)?{tr.DAY}(?:\s+of)?\s+{tr.MONTH},?\s+{tr.YEAR}"
        ),
        _full_date,
    ),
    Rule(_compile(rf"{_EDGE}{tr.MONTH},?\s+(?:of\s+)?{tr.YEAR}(?!\s*[-,]?\s*\d)"), _month_year),
    Rule(
        _compile(
            rf"(?:(?P<mod>this\s+coming|next|last)\s+)?(?:{tr.WEEKDAY},?\s+)?{tr.MONTH}\s*{tr.DAY}"
            r"(?![\d%]|:\d)(?!\s*(?:,\s*)?\d)"
        ),
        _month_day,
    ),
    Rule(
        _compile(
            rf"(?:{tr.WEEKDAY},?\s+)?(?:the\s+)?{tr.DAY}(?:\s+of)?\s+{tr.MONTH}(?!\s*,?\s*\d)"
        ),
        _month_day,
    ),
    Rule(
        _compile(
            r"(?:(?P<mod>last|next|this\s+past|this|early|late|mid-?|the\s+(?:end|beginning|start"
            rf"|middle)\s+of)\s*)?{tr.MONTH}(?:\s+(?P<rel>this|last|next)\s+year)?"
        ),
        _month_alone,
    ),
    Rule(_compile(rf"{_EDGE}{tr.YEAR}(?!\s*-\s*\d)"), _year_alone),
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


# --------------------------------------------------------------------------- relative dates

_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _weekday_ref(match: re.Match[str], ctx: Context) -> Found:
    weekday, mod = tr.weekday_of(match), tr.group(match, "mod")
    part = tr.group(match, "part").replace("-", "")
    suffix = _clock_suffix(match) or tr.part_suffix(part)
    if weekday is None:
        return None
    kind = "TIME" if suffix else "DATE"
    if tr.group(match, "plural"):
        return f"XXXX-WXX-{weekday + 1}{suffix}", "SET"
    if ctx.anchor is None:
        return f"XXXX-WXX-{weekday + 1}{suffix}", kind
    if mod in ("last", "the previous", "this past"):
        day = tr.nearest_weekday(date.fromordinal(ctx.anchor.toordinal() - 1), weekday, "past")
    elif mod in ("next", "this coming", "the following", "the coming"):
        day = tr.nearest_weekday(date.fromordinal(ctx.anchor.toordinal() + 1), weekday, "future")
    else:
        day = tr.nearest_weekday(ctx.anchor, weekday, tr.tense_of(match, ctx))
    return day.isoformat() + suffix, kind


def _clock_suffix(match: re.Match[str]) -> str:
    clock = tr.group(match, "clock")
    if not clock:
        return ""
    if clock == "noon":
        return "T12:00"
    if clock == "midnight":
        return "T24:00"
    hour = int(match["hh"]) % 12 + (12 if tr.group(match, "ampm").startswith("p") else 0)
    return f"T{hour:02d}:{match['mm'] or '00'}"


def _deictic_day(match: re.Match[str], ctx: Context) -> Found:
    rel = tr.group(match, "rel")
    part = tr.group(match, "part").replace("-", "")
    if rel == "tonight":
        part = "night"
    if rel == "last" and part in ("night", "evening"):
        rel = "yesterday"
    if rel in ("this", "later this", "earlier this", "last"):
        rel = "today"
    suffix = _clock_suffix(match) or tr.part_suffix(part)
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
    part = tr.group(match, "part0").replace("-", "")
    found = _deictic_day(match, ctx)
    if found is None or found[0] is None or "T" in found[0]:
        return found
    return found[0] + tr.part_suffix(part), "TIME"


# --------------------------------------------------------------------------- the rule table

_REL = (
    r"(?P<rel>this|last|next|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current"
    r"|the\s+previous|the\s+following|the\s+present|the)"
)
_APPROX = (
    r"(?:(?:about|nearly|almost|some|roughly|around|approximately|more\s+than|less\s+than|over"
    r"|under|just|only|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|fewer\s+than"
    r"|the\s+better\s+part\s+of)\s+)?"
)
_SPAN_NUM = tr.NUMBER
_RANGE_START = r"(?P<first>\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_UNITS_PLURAL = tr.UNIT + r"s?"
_QUALS = (
    r"(?P<qual>latest|current|recent|most\s+recent|year-ago|year-earlier|same|comparable"
    r"|corresponding|previous|prior|final|past)"
)

RELATIVE_RULES = [
    Rule(
        _compile(
            rf"(?:{tr.CLOCK},?\s+(?:on\s+)?)?(?:(?P<mod>last|next|this\s+coming|this\s+past|the\s+previous"
            rf"|the\s+following|the\s+coming|early|late|earlier|later)\s+)?{tr.WEEKDAY}(?P<plural>s)?"
            rf"(?:\s+{tr.DAYPART})?(?:,?\s+(?:at\s+)?{tr.CLOCK.replace('clock', 'clock2').replace('hh', 'hh2').replace('mm', 'mm2').replace('ampm', 'ampm2')})?"
        ),
        _weekday_ref,
    ),
    Rule(
        _compile(
            rf"(?:{tr.CLOCK},?\s+)?(?:(?:late|early|earlier|later|{tr.DAYPART.replace('part', 'part0')})\s+)?"
            rf"(?P<rel>yesterday|today|tomorrow|tonight)(?:\s+{tr.DAYPART})?"
        ),
        lambda m, c: _deictic_day(m, c) if not m["part0"] else _deictic_part_first(m, c),
    ),
    Rule(_compile(rf"(?P<rel>this|last|later\s+this|earlier\s+this)\s+{tr.DAYPART}"), _deictic_day),
    Rule(_compile(rf"(?:around\s+|about\s+|at\s+)?{tr.CLOCK}"), _clock_time),
    Rule(
        _compile(
            r"(?:(?P<edge>early|late|earlier|later|mid-?|the\s+(?:end|beginning|start|middle|rest"
            rf"|remainder)\s+of)\s*)?{_REL}\s+(?:(?P<qualy>fiscal|full|calendar|latest\s+fiscal)\s+)?"
            r"(?P<unit>week|weekend|month|year|decade|century)(?P<ending>\s+end(?:ed|ing)\b)?"
        ),
        tr.relative_unit,
    ),
    Rule(
        _compile(
            rf"(?:(?P<yrel>this|last|next)\s+year's\s+|{_REL}\s+(?:{_QUALS}\s+)?(?:{tr.YEAR}\s+)?"
            r"(?:fiscal\s+)?)(?P<unit>quarter|period)"
        ),
        lambda m, c: (
            tr.quarter_relative(m, c, 0)
            if tr.group(m, "unit") == "quarter" or tr.group(m, "qual")
            else None
        ),
    ),
    Rule(_compile(r"year-(?:ago|earlier)"), lambda m, c: tr.ago_year_adjective(m, c)),
    Rule(
        _compile(
            r"(?:(?P<yrel>this|last|next)\s+year's\s+|(?:the|this|its|their|a|an)\s+)?(?:(?:fiscal|calendar)\s+)?"
            rf"(?:{tr.YEAR}\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+"
            rf"(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?{tr.YEAR.replace('year', 'year2')})?"
        ),
        lambda m, c: (
            tr.ordinal_quarter(m, c)
            if not m["year2"]
            else (
                f"{m['year2']}-{'H' if tr.group(m, 'unit') == 'half' else 'Q'}{tr.ORDINALS[tr.group(m, 'ord')]}",
                "DATE",
            )
        ),
    ),
    Rule(
        _compile(
            r"(?:(?P<sedge>early|late|mid-?|the\s+(?:end|beginning|start|middle)\s+of)\s*)?"
            r"(?:(?P<rel>this\s+past|this|last|next|past|the|that)\s+)?"
            r"(?P<season>spring|summer|fall|autumn|winter)"
            rf"(?:\s+(?:of\s+)?{tr.YEAR})?"
        ),
        tr.season_checked,
    ),
    Rule(
        _compile(
            rf"{_APPROX}{_SPAN_NUM}\s+{_UNITS_PLURAL}\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|from\s+now|hence)"
        ),
        tr.ago,
    ),
]

DURATION_RULES = [
    Rule(
        _compile(
            r"(?:the\s+(?:(?:past|last|next|first|coming|previous|final|latest|following|remaining"
            rf"|initial|same|full|entire|whole)\s+)?)?{_APPROX}(?:{_RANGE_START}\s*(?:to|or|-)\s*)?{_SPAN_NUM}"
            r"(?:\s+or\s+(?:so|more|two|three))?"
            rf"\s+(?:(?:more|additional|straight|consecutive|trading|business|full|calendar)\s+)?{_UNITS_PLURAL}"
        ),
        tr.duration,
    ),
    Rule(_compile(rf"{_SPAN_NUM}-{tr.UNIT}"), tr.duration),
    Rule(
        _compile(
            r"(?:for|in|over|within|of)\s+(?P<span>(?:the\s+(?:past|last|next|coming)\s+)?"
            r"(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))"
        ),
        tr.bare_plural_duration,
    ),
]

SET_RULES = [
    Rule(
        _compile(
            rf"(?:every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?:{tr.NUMBER})\s+)?(?:{_UNITS_PLURAL}"
            rf"|{tr.WEEKDAY}|{tr.MONTH}|(?P<season>spring|summer|fall|autumn|winter))"
        ),
        tr.every,
    ),
    Rule(_compile(rf"(?P<adv>{tr.alternation(tr.SET_ADVERBS)})"), tr.set_adverb),
    Rule(_compile(rf"(?P<ref>{tr.alternation(tr.REFERENCES)})"), tr.reference),
]

RULES = DATE_RULES + RELATIVE_RULES + DURATION_RULES + SET_RULES


# --------------------------------------------------------------------------- publication date


def __getattr__(name: str) -> object:
    """``infer_publication_date`` now lives in :mod:`newsgraph.extractors.dating` (lazy re-export,
    as dating imports this module)."""
    if name == "infer_publication_date":
        from newsgraph.extractors.dating import infer_publication_date

        return infer_publication_date
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
