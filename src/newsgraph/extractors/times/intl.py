"""Time expressions in French and Russian news text, normalised to TIMEX3 values
against the publication date, and dating of undated French and Russian articles.

Regular expressions built from each language's words (:mod:`.fr`, :mod:`.ru`), one
value function per expression family, as in English: absolute dates keep their value;
month-days and weekdays take the year or week nearest the anchor, leaning to the past
("le 6 mai dernier", "в понедельник") unless the words point ahead ("prochain",
"следующей"); relative expressions do arithmetic on the anchor ("il y a 75 ans",
"три дня назад", "на прошлой неделе"); clock times take the day of the nearest date
before them ("samedi 5 juin ... à 17 h"). No dateparser: it reads "в 2017 году" as
"2017 years ago" and misses locative months and "dernier" after a noun.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import ModuleType

from newsgraph.extractors.times import fr, ru
from newsgraph.extractors.times.article import anchor_of
from newsgraph.extractors.times.calendar_rules import nearest_year, shift_months, week_value
from newsgraph.records import Article, Published, TimeExpr

Value = tuple[str | None, str] | None
_UNIT_WORD = {"D": "D", "W": "W", "M": "M", "Y": "Y", "H": "H", "MIN": "M", "DE": "DE", "CE": "CE", "Q": "Q"}  # fmt: skip


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    value: Callable[[re.Match[str], _Ctx], Value]


@dataclass
class _Ctx:
    text: str
    anchor: date | None
    lang: str
    days: list[tuple[int, date]]  # (start, day) of the day-valued expressions found so far


def find_times_intl(text: str, *, anchor: str | None, lang: str) -> list[TimeExpr]:
    """French or Russian time expressions, longest first, never overlapping, in text order.

    ``text[e.start:e.end] == e.text`` holds for every expression; without an anchor,
    expressions that need one keep no value."""
    rules = _rules(lang)
    if not text or not rules:
        return []
    ctx = _Ctx(text, date.fromisoformat(anchor) if anchor else None, lang, [])
    candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    for order, rule in enumerate(rules):
        for m in rule.pattern.finditer(text):
            start, end = m.span("span") if "span" in m.re.groupindex else m.span()
            if end > start:
                candidates.append((start, end, order, rule, m))
    kept: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if not any(cand[0] < k[1] and k[0] < cand[1] for k in kept):
            kept.append(cand)
    out: list[TimeExpr] = []
    for start, end, _, rule, m in sorted(kept, key=lambda c: c[0]):
        found = rule.value(m, ctx)
        if found is None:
            continue
        value, kind = found
        out.append(TimeExpr(start, end, text[start:end], value, kind))
        if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            ctx.days.append((start, date.fromisoformat(value)))
    return out


def date_article(article: Article) -> tuple[Published, tuple[TimeExpr, ...]]:
    """The publication date (from the text when not given) and the time expressions.

    An undated article is dated by its first full date (day, month and year) in the
    opening 400 characters (a dateline), else it keeps no date."""
    lang = (article.language or "").split("-")[0].lower()
    anchor = anchor_of(article.published)
    if anchor is not None:
        return article.published, tuple(find_times_intl(article.text, anchor=anchor, lang=lang))
    unanchored = find_times_intl(article.text, anchor=None, lang=lang)
    for expr in unanchored:
        if expr.start > 400:
            break
        if expr.value and re.fullmatch(r"\d{4}-\d\d-\d\d", expr.value):
            published = Published(
                date=expr.value, origin="text", confidence=0.6, evidence=f"dateline {expr.text!r}"
            )
            times = find_times_intl(article.text, anchor=expr.value, lang=lang)
            return published, tuple(times)
    return article.published, tuple(unanchored)


# ------------------------------------------------------------------ value helpers


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _reference_day(ctx: _Ctx, start: int) -> date | None:
    """The day a bare clock time belongs to: the last full date before it (within 400
    characters), else the anchor."""
    for where, day in reversed(ctx.days):
        if where < start and start - where < 400:
            return day
    return ctx.anchor


def _lean(words: str, past: tuple[str, ...], future: tuple[str, ...]) -> str:
    low = words.lower()
    if any(w in low for w in future):
        return "future"
    return "past"


def _future_sentence(text: str, start: int, end: int, verbs: re.Pattern[str]) -> bool:
    """Whether the sentence around a span speaks of the future (a future-tense verb)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
    right_stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min([*right_stops, len(text)])
    return bool(verbs.search(text, left, right))


def _weekday_near(anchor: date, weekday: int, tense: str) -> date:
    if tense == "future":
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _number(word: str, table: Mapping[str, float | int | None]) -> float | None:
    word = word.lower().strip()
    if word.isdigit():
        return float(word)
    value = table.get(word)
    return float(value) if value is not None else None


def _duration(amount: float | None, unit: str) -> str:
    letter = _UNIT_WORD[unit]
    if letter == "Q":
        letter, amount = "M", None if amount is None else amount * 3
    elif letter == "DE":
        letter, amount = "Y", None if amount is None else amount * 10
    elif letter == "CE":
        letter, amount = "Y", None if amount is None else amount * 100
    clock = unit in ("H", "MIN")
    shown = (
        "X" if amount is None else (str(int(amount)) if amount == int(amount) else f"{amount:g}")
    )
    return f"P{'T' if clock else ''}{shown}{letter}"


def _shift(anchor: date, amount: float, unit: str, sign: int) -> str | None:
    n = int(amount) * sign
    if unit == "D":
        return (anchor + timedelta(days=n)).isoformat()
    if unit == "W":
        return week_value(anchor + timedelta(days=7 * n))
    if unit == "M":
        d = shift_months(anchor, n)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    return None


def _period(anchor: date, unit: str, step: int) -> str | None:
    if unit == "week":
        return week_value(anchor + timedelta(days=7 * step))
    if unit == "month":
        d = shift_months(anchor, step)
        return f"{d.year:04d}-{d.month:02d}"
    return f"{anchor.year + step:04d}"


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _stem_alt(stems) -> str:
    return "|".join(sorted(stems, key=len, reverse=True))


# ------------------------------------------------------------------ French rules


def _fr_rules() -> list[_Rule]:
    L = fr
    month = rf"(?P<month>{_alt(L.MONTHS)})"
    wd = rf"(?P<weekday>{_alt(L.WEEKDAYS)})"
    num = rf"(?P<n>\d+|{_alt(L.NUMBERS)}|{_alt(L.VAGUE)})"
    unit = rf"(?P<unit>{_alt(L.UNITS)})"
    part = rf"(?P<part>{_alt(L.PARTS)})"
    rel = rf"(?P<rel>{_alt(L.PAST + L.FUTURE)})"
    b, e = r"(?<![\w-])", r"(?![\w-])"
    flags = re.IGNORECASE

    def rule(pattern: str, value) -> _Rule:
        return _Rule(re.compile(b + pattern + e, flags), value)

    def full_date(m: re.Match[str], ctx: _Ctx) -> Value:
        day = 1 if m["day"].lower() in ("1er", "premier") else int(m["day"])
        mon = L.MONTHS[m["month"].lower()]
        if m["year"]:
            try:
                return date(int(m["year"]), mon, day).isoformat(), "DATE"
            except ValueError:
                return None
        if ctx.anchor is None:
            return f"XXXX-{mon:02d}-{day:02d}", "DATE"
        tense = _lean(m["rel"] or "", L.PAST, L.FUTURE)
        wday = L.WEEKDAYS.get((m["weekday"] or "").lower())
        return _day(nearest_year(ctx.anchor, mon, day, tense, wday)), "DATE"

    def month_year(m: re.Match[str], ctx: _Ctx) -> Value:
        return f"{int(m['year']):04d}-{L.MONTHS[m['month'].lower()]:02d}", "DATE"

    def month_rel(m: re.Match[str], ctx: _Ctx) -> Value:
        mon = L.MONTHS[m["month"].lower()]
        if ctx.anchor is None:
            return f"XXXX-{mon:02d}", "DATE"
        year = ctx.anchor.year
        future = _lean(m["rel"] or "", L.PAST, L.FUTURE) == "future"
        if future and mon < ctx.anchor.month:
            year += 1
        if not future and mon > ctx.anchor.month:
            year -= 1
        return f"{year:04d}-{mon:02d}", "DATE"

    def year(m: re.Match[str], ctx: _Ctx) -> Value:
        return m["year"], "DATE"

    def weekday(m: re.Match[str], ctx: _Ctx) -> Value:
        if ctx.anchor is None:
            return None, "DATE"
        tense = _lean(m["rel"] or "", L.PAST, L.FUTURE)
        if not m["rel"] and _future_sentence(ctx.text, m.start(), m.end(), L.FUTURE_VERBS):
            tense = "future"
        day = _weekday_near(ctx.anchor, L.WEEKDAYS[m["weekday"].lower()], tense)
        if m["part"]:
            return f"{day.isoformat()}T{L.PARTS[m['part'].lower()]}", "TIME"
        return day.isoformat(), "DATE"

    def deictic(m: re.Match[str], ctx: _Ctx) -> Value:
        offset = 0 if "this" in m.re.groupindex else L.DEICTIC[m["deictic"].lower()]
        if ctx.anchor is None:
            return None, "DATE"
        day = ctx.anchor + timedelta(days=offset)
        if "hour" in m.re.groupindex and m["hour"]:
            return f"{day.isoformat()}T{int(m['hour']):02d}:{int(m['minute'] or 0):02d}", "TIME"
        if m["part"]:
            return f"{day.isoformat()}T{L.PARTS[m['part'].lower()]}", "TIME"
        return day.isoformat(), "DATE"

    def clock(m: re.Match[str], ctx: _Ctx) -> Value:
        day = _reference_day(ctx, m.start())
        hour = L.NOON[m["noon"].lower()] if m["noon"] else int(m["hour"])
        minute = int(m["minute"] or 0)
        stamp = f"T{hour:02d}:{minute:02d}"
        return (f"{day.isoformat()}{stamp}" if day else stamp), "TIME"

    def ago(m: re.Match[str], ctx: _Ctx) -> Value:
        amount = _number(m["n"], L.NUMBERS)
        unit_code = L.UNITS[m["unit"].lower()]
        if ctx.anchor is None or amount is None:
            return (None if amount is None else None), "DATE"
        sign = -1 if m["dir"].lower().startswith("il") else 1
        return _shift(ctx.anchor, amount, unit_code, sign), "DATE"

    def duration(m: re.Match[str], ctx: _Ctx) -> Value:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(?:\bde|âgée?s?|\bà)\s*$", before) and m["unit"].lower() in ("ans", "an"):
            return None  # an age: "un homme de 19 ans"
        return _duration(_number(m["n"], L.NUMBERS), L.UNITS[m["unit"].lower()]), "DURATION"

    def period(m: re.Match[str], ctx: _Ctx) -> Value:
        unit = L.PERIOD_UNITS[m["punit"].lower()]
        step = 0 if "this" in m.re.groupindex else (1 if m["prel"].lower() in L.FUTURE else -1)
        return (_period(ctx.anchor, unit, step) if ctx.anchor else None), "DATE"

    def season(m: re.Match[str], ctx: _Ctx) -> Value:
        code = L.SEASONS[m["season"].lower()]
        if m["syear"]:
            return f"{m['syear']}-{code}", "DATE"
        if m["sthis"] and ctx.anchor:
            return f"{ctx.anchor.year:04d}-{code}", "DATE"
        return f"XXXX-{code}", "DATE"

    def fixed(table: dict[str, str], kind: str):
        return lambda m, ctx: (table[m.group(0).lower()], kind)

    def clock_part(m: re.Match[str], ctx: _Ctx) -> Value:
        day = _reference_day(ctx, m.start())
        part = "T" + L.PARTS[m["part"].lower()]
        return (f"{day.isoformat()}{part}" if day else part), "TIME"

    punit = rf"(?P<punit>{_alt(L.PERIOD_UNITS)})"
    prel = rf"(?P<prel>{_alt(L.PAST + L.FUTURE)})"
    return [
        rule(
            rf"(?:(?:le|ce)\s+)?(?:{wd}\s+)?(?P<day>[12]?\d|3[01]|1er|premier)\s+{month}"
            rf"(?:\s+(?P<year>(?:1[89]|2[01])\d\d))?(?:\s+{rel})?",
            full_date,
        ),
        rule(
            rf"(?:(?:en|de|d')\s*)?(?:mois\s+d[e']\s*)?{month}\s+(?P<year>(?:1[89]|2[01])\d\d)",
            month_year,
        ),
        rule(rf"(?:en|au\s+mois\s+de|le\s+mois\s+de|mois\s+de)\s+{month}(?:\s+{rel})?", month_rel),
        rule(rf"{month}\s+{rel}", month_rel),
        rule(
            r"(?:en\s+)?(?P<year>(?:1[89]|20)\d\d)(?!\s?(?:h\b|%|€|euros|francs|km|habitants|personnes))",
            year,
        ),
        rule(rf"(?:(?:ce|le)\s+(?:même\s+)?)?{wd}(?:\s+{part})?(?:\s+{rel})?", weekday),
        rule(rf"(?P<deictic>{_alt(L.DEICTIC)})(?:\s+{part})?(?:\s+(?:à\s+)?{fr.CLOCK})?", deictic),
        rule(rf"(?P<this>ce|cet|cette)\s+{part}", deictic),
        rule(rf"(?:(?:à|vers|dès)\s+)?(?:{fr.CLOCK}|(?P<noon>midi|minuit))", clock),
        rule(rf"(?P<dir>il\s+y\s+a|dans)\s+{num}\s+{unit}", ago),
        rule(rf"(?:{fr.FOR}\s+)?{num}\s+{unit}", duration),
        rule(rf"(?P<this>cette|ce|cet)\s+{punit}(?:-ci)?", period),
        rule(rf"(?:(?:la|le|l')\s*)?{punit}\s+{prel}", period),
        rule(
            rf"(?:(?P<sthis>cet|ce|l'|en|au)\s*)(?P<season>{_alt(L.SEASONS)})(?:\s+(?P<syear>(?:19|20)\d\d))?",
            season,
        ),
        rule(rf"(?:{_alt(L.REFS)})", fixed(L.REFS, "DATE")),
        rule(rf"(?:{_alt(L.REFS_EXTRA)})", fixed(L.REFS_EXTRA, "DATE")),
        rule(rf"(?:{_alt(L.SETS)})", fixed(L.SETS, "SET")),
        rule(
            rf"tous\s+les\s+{wd}s",
            lambda m, ctx: (f"XXXX-WXX-{L.WEEKDAYS[m['weekday'].lower()] + 1}", "SET"),
        ),
        rule(r"(?:la|cette)\s+(?P<part>nuit|soirée|matinée)", clock_part),
    ]


# ------------------------------------------------------------------ Russian rules


def _ru_rules() -> list[_Rule]:
    L = ru
    month = rf"(?P<month>(?:{_stem_alt(L.MONTHS)}){L.MONTH_ENDINGS})"
    wd = rf"(?P<weekday>(?:{_stem_alt(L.WEEKDAYS)}){L.WEEKDAY_ENDINGS})"
    num = rf"(?P<n>\d+|{_alt(L.NUMBERS)})"
    unit = rf"(?P<unit>{_alt(L.UNITS)})"
    part = rf"(?P<part>{_alt(L.PARTS)})"
    b, e = r"(?<![\w-])", r"(?![\w-])"
    flags = re.IGNORECASE
    year_word = r"(?:\s*(?:года|год|году|г\.))?"

    def rule(pattern: str, value) -> _Rule:
        return _Rule(re.compile(b + pattern + e, flags), value)

    def month_no(word: str) -> int:
        low = word.lower()
        for stem, n in L.MONTHS.items():
            if re.match(stem, low):
                return n
        raise KeyError(word)

    def weekday_no(word: str) -> int:
        low = word.lower()
        return next(n for stem, n in L.WEEKDAYS.items() if low.startswith(stem))

    def full_date(m: re.Match[str], ctx: _Ctx) -> Value:
        day, mon = int(m["day"]), month_no(m["month"])
        if m["year"]:
            try:
                return date(int(m["year"]), mon, day).isoformat(), "DATE"
            except ValueError:
                return None
        if ctx.anchor is None:
            return f"XXXX-{mon:02d}-{day:02d}", "DATE"
        return _day(nearest_year(ctx.anchor, mon, day, "past", None)), "DATE"

    def month_year(m: re.Match[str], ctx: _Ctx) -> Value:
        return f"{int(m['year']):04d}-{month_no(m['month']):02d}", "DATE"

    def month_alone(m: re.Match[str], ctx: _Ctx) -> Value:
        mon = month_no(m["month"])
        if ctx.anchor is None:
            return f"XXXX-{mon:02d}", "DATE"
        year = ctx.anchor.year - (1 if mon > ctx.anchor.month else 0)
        return f"{year:04d}-{mon:02d}", "DATE"

    def year(m: re.Match[str], ctx: _Ctx) -> Value:
        return m["year"], "DATE"

    def weekday(m: re.Match[str], ctx: _Ctx) -> Value:
        if ctx.anchor is None:
            return None, "DATE"
        future = bool(m["rel"]) and m["rel"].lower().startswith(("след", "буд"))
        day = _weekday_near(ctx.anchor, weekday_no(m["weekday"]), "future" if future else "past")
        return day.isoformat(), "DATE"

    def deictic(m: re.Match[str], ctx: _Ctx) -> Value:
        if ctx.anchor is None:
            return None, "DATE"
        day = ctx.anchor + timedelta(days=L.DEICTIC[m["deictic"].lower()])
        if m["part"]:
            return f"{day.isoformat()}T{L.PARTS[m['part'].lower()]}", "TIME"
        return day.isoformat(), "DATE"

    def clock(m: re.Match[str], ctx: _Ctx) -> Value:
        day = _reference_day(ctx, m.start())
        minute = m["minute"] if "minute" in m.re.groupindex else None
        stamp = f"T{int(m['hour']):02d}:{int(minute or 0):02d}"
        return (f"{day.isoformat()}{stamp}" if day else stamp), "TIME"

    def ago(m: re.Match[str], ctx: _Ctx) -> Value:
        amount = _number(m["n"] or "1", L.NUMBERS)
        if ctx.anchor is None or amount is None:
            return None, "DATE"
        sign = -1 if "back" in m.re.groupindex else 1
        return _shift(ctx.anchor, amount, L.UNITS[m["unit"].lower()], sign), "DATE"

    def duration(m: re.Match[str], ctx: _Ctx) -> Value:
        return _duration(_number(m["n"], L.NUMBERS), L.UNITS[m["unit"].lower()]), "DURATION"

    def fixed(table: dict[str, str], kind: str):
        return lambda m, ctx: (table[m.group(0).lower()], kind)

    rules = [
        rule(
            rf"(?P<day>[12]?\d|3[01])(?:-?го)?\s+{month}(?:\s+(?P<year>(?:1[89]|2[01])\d\d){year_word})?",
            full_date,
        ),
        rule(rf"(?:в\s+)?{month}\s+(?P<year>(?:1[89]|2[01])\d\d){year_word}", month_year),
        rule(rf"в\s+{month}", month_alone),
        rule(r"(?:в\s+)?(?P<year>(?:1[89]|20)\d\d)(?:-?м)?\s*(?:года|году|год|г\.)", year),
        rule(rf"(?:(?:в|во)\s+)?(?:(?P<rel>прошл\w*|следующ\w*|будущ\w*|эт\w*)\s+)?{wd}", weekday),
        rule(rf"(?P<deictic>{_alt(L.DEICTIC)})(?:\s+{part})?(?:\s+(?:à\s+)?{fr.CLOCK})?", deictic),
        rule(r"в\s+(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)", clock),
        rule(r"в\s+(?P<hour>[01]?\d|2[0-3])\s+час\w*", clock),
        rule(rf"(?:{num}\s+)?{unit}\s+(?P<back>назад)", ago),
        rule(rf"через\s+(?:{num}\s+)?{unit}", ago),
        rule(rf"(?:(?:в\s+течение|уже|более|около)\s+)?{num}\s+{unit}", duration),
        rule(rf"(?:{_alt(L.REFS)})", fixed(L.REFS, "DATE")),
        rule(rf"(?:{_alt(L.SETS)})", fixed(L.SETS, "SET")),
    ]
    for pattern, punit in L.PERIODS.items():
        rules.append(rule(pattern, _ru_period(punit)))
    return rules


def _ru_period(unit: str):
    def value(m: re.Match[str], ctx: _Ctx) -> Value:
        step = ru.RELATIONS[m["rel"].lower()]
        return (_period(ctx.anchor, unit, step) if ctx.anchor else None), "DATE"

    return value


_BUILDERS: dict[str, Callable[[], list[_Rule]]] = {"fr": _fr_rules, "ru": _ru_rules}
LANGUAGES: dict[str, ModuleType] = {"fr": fr, "ru": ru}


@lru_cache(maxsize=4)
def _rules(lang: str) -> list[_Rule]:
    build = _BUILDERS.get(lang)
    return build() if build else []
