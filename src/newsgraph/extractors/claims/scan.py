"""Finding numbers in text: value, unit, range, approximation and sign, from the
characters alone (no parse). :func:`scan` returns :class:`Found` candidates in text
order; :mod:`~newsgraph.extractors.claims.extract` checks them against the parse.

A candidate is a number written in digits ("23.68", "1,463.78", ".5") or words ("ten",
"a dozen", "sixfold", "thousands of"), with a multiplier ("$800 million", "25k",
"PS8.1bn"), a currency before it ("$", "US$", "HK $", "EUR") or after it ("9 billion
shekels"), a unit after it ("%", "per cent", "mph", "kWh", "year-old", "barrels a
day") and an approximation before it ("about", "more than", "up to", "sub-").
Dates, clock times, ordinals and numbers glued to names ("TA-35", "A2") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from newsgraph.resources import load_json

__all__ = ["Found", "scan", "words"]

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SIGNS = "+\\-\u2212"


@dataclass(frozen=True)
class Found:
    """One number in the text, before the parse is consulted."""

    start: int
    end: int
    value: Any  # float, or (low, high)
    unit: str | None = None
    approx: str = "="
    sign: str | None = None  # "+" or "-" written before the number
    spelled: bool = False  # written in words ("ten", "a dozen")
    year_like: bool = False  # a bare four-digit integer 1800..2100
    vague: bool = False  # "thousands of": a range by order of magnitude
    approx_len: int = 0  # characters of the approximation words before ``start``
    mult: float = 1.0  # the written multiplier ("billion"), for ranges that share it


@cache
def words(language: str = "en") -> dict[str, Any]:
    """The word lists of ``language`` (``data/units_<language>.json``)."""
    return load_json("newsgraph.extractors.claims", f"data/units_{language}.json")


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    w = words(language)
    mults = _alternation(list(w["multipliers"]))
    cur_words = _alternation(list(w["currency_words"]))
    units = _alternation(list(w["units"]))
    per_units = _alternation(list(w["per_units"]))
    spelled = _alternation(list(w["word_numbers"]))
    return {
        "core": re.compile(
            rf"(?P<sign>[{_SIGNS}])?(?P<cur>{_alternation(list(w['currency_prefixes']))})?"
            rf"\s?(?P<sign2>[{_SIGNS}])?(?P<num>{_DIGITS})"
            rf"(?:\s?(?i:(?P<mult>{mults}))(?![A-Za-z]))?",
        ),
        "spelled": re.compile(
            rf"\b(?P<word>{spelled})\b(?:[\s-](?P<mult>hundred|thousand|million|billion|trillion)\b)?",
            re.IGNORECASE,
        ),
        "fold": re.compile(rf"\b(?P<word>{_alternation(list(w['fold']))})\b", re.IGNORECASE),
        "vague": re.compile(
            rf"\b(?P<word>{_alternation(list(w['vague_multipliers']))}) of\b", re.IGNORECASE
        ),
        "percent": re.compile(
            r"\s?(?:-\s?)?(?P<u>%|per[\s-]?cent(?:age points?)?|percentage points?|pct|pc)(?![a-z])",
            re.IGNORECASE,
        ),
        "cur_word": re.compile(
            rf"\s(?:[A-Z][a-z]+\s)?(?P<u>{cur_words})(?:s|es)?(?![a-z])", re.IGNORECASE
        ),
        "unit": re.compile(rf"(?:\s|-)?(?P<u>{units})(?![a-z\d])", re.IGNORECASE),
        "per": re.compile(
            rf"\s?(?:/\s?|\s(?:per|a|an|each|every)\s)(?P<u>{per_units})s?(?![a-z])", re.IGNORECASE
        ),
        "per_adverb": re.compile(
            rf"\s(?P<u>{_alternation(list(w['per_adverbs']))})\b", re.IGNORECASE
        ),
        "month_before": re.compile(rf"\b(?:{_alternation(w['months'])})\.?,?\s$", re.IGNORECASE),
        "month_after": re.compile(
            rf"^(?:st|nd|rd|th)?\s(?:of\s)?(?:{_alternation(w['months'])})\b", re.IGNORECASE
        ),
        "clock": re.compile(r"^(?:\s?[ap]\.?m\b\.?|:\d\d)", re.IGNORECASE),
    }


def scan(text: str, language: str = "en") -> list[Found]:
    """Every number candidate in ``text``, in order, ranges merged."""
    pats = _patterns(language)
    found = [f for f in _digits(text, language, pats) if f is not None]
    taken = [(f.start, f.end) for f in found]
    for extra in _spelled(text, language, pats):
        if not any(s < extra.end and extra.start < e for s, e in taken):
            found.append(extra)
    found.sort(key=lambda f: f.start)
    return [f for f in _ranges(text, found) if not _is_score(text, f)]


def _is_score(text: str, found: Found) -> bool:
    """A bare number joined to another by a hyphen ("ended 2-2", "aged 14-18"): a
    score or a label, not a figure (a range with a unit was merged before)."""
    if found.unit is not None or isinstance(found.value, tuple):
        return False
    after, before = text[found.end : found.end + 2], text[max(0, found.start - 2) : found.start]
    return bool(re.match(r"[-\u2013]\d", after) or re.search(r"\d[-\u2013]$", before))


def _number(num: str, mult: str | None, language: str) -> Decimal | None:
    try:
        value = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None
    if mult:
        value *= Decimal(words(language)["multipliers"][mult.lower()])
    return value


def _digits(text: str, language: str, pats: dict[str, re.Pattern[str]]) -> list[Found | None]:
    out: list[Found | None] = []
    for m in pats["core"].finditer(text):
        start = min(m.start(g) for g in ("sign", "cur", "sign2", "num") if m.group(g))
        before = text[max(0, start - 12) : start]
        sign = m.group("sign") or m.group("sign2")
        approx = None
        minus = before.lower().endswith(("minus", "minus "))  # a negative level, not a fall
        if sign and before and before[-1].isdigit():
            sign, start = None, m.start("cur") if m.group("cur") else m.start("num")
            before = ""  # "10-15%": the hyphen joins a range
        elif sign and before.lower().endswith("sub"):
            sign, approx, before = None, "<", ""  # "sub-7 nanometer"
        elif sign and before.lower().endswith("minus"):
            before = ""  # "minus-5 yards"
        if before and (before[-1].isalnum() or before[-1] in "._/#:-\u2044"):
            continue  # glued to a word or a number: "TA-35", "A2", "#3", "3.1.2", "1/16"
        value = _number(m.group("num"), m.group("mult"), language)
        if value is None:
            continue
        sign_at = m.start("sign2") if m.group("sign2") else m.start("sign")
        if sign and sign_at >= 0 and text[sign_at + 1 : sign_at + 2].isspace():
            sign, start = None, m.start("cur") if m.group("cur") else m.start("num")  # "- 10mph"
        found = _finish(text, m, start, value, sign, language, pats)
        if found is not None and approx:
            found = replace(found, approx=approx)
        if found is not None and minus:
            found = replace(found, value=-abs(float(found.value)), sign=None)
        out.append(found)
    return out


def _finish(
    text: str,
    m: re.Match[str],
    start: int,
    value: Decimal,
    sign: str | None,
    language: str,
    pats: dict[str, re.Pattern[str]],
) -> Found | None:
    end = m.end()
    after = text[end : end + 40]
    if pats["clock"].match(after) or pats["month_after"].match(after):
        return None
    if pats["month_before"].search(text[max(0, start - 12) : start]):
        return None
    unit: str | None = None
    cur = m.group("cur")
    if cur:
        unit = words(language)["currency_prefixes"][_prefix_key(cur, language)]
    unit, end = _unit_after(text, end, unit, language, pats)
    if end < len(text) and text[end].isalpha() and unit is None:
        return None  # "22nd", "2018s", "3G", "Model 3s"
    if end < len(text) and text[end].isdigit():
        return None
    if re.match(r"[.:]\d", text[end : end + 2]):
        return None  # "27.12.2016", "1.2.3": a date or a version, not a figure
    if re.match(r"[/\u2044]\d", text[end : end + 2]):
        return None  # "1/16"
    if sign in ("-", "\u2212"):
        value = -value
    mult = m.group("mult")
    year_like = (
        unit is None
        and not mult
        and not sign
        and re.fullmatch(r"1[89]\d\d|20\d\d|2100", m.group("num")) is not None
    )
    return Found(
        start=start,
        end=end,
        value=_plain(value),
        unit=unit,
        approx=_approx(text, start, language),
        sign={"-": "-", "\u2212": "-", "+": "+"}.get(sign or ""),
        year_like=year_like,
        mult=float(words(language)["multipliers"][mult.lower()]) if mult else 1.0,
    )


def _prefix_key(cur: str, language: str) -> str:
    prefixes = words(language)["currency_prefixes"]
    if cur in prefixes:
        return cur
    lowered = {k.lower(): k for k in prefixes}
    return lowered.get(cur.lower(), "$")


def _unit_after(
    text: str, end: int, unit: str | None, language: str, pats: dict[str, re.Pattern[str]]
) -> tuple[str | None, int]:
    """The unit written after the number (and its "per ..." part); the new end."""
    w = words(language)
    if unit is None and re.match(r"G(?![A-Za-z])", text[end : end + 2]):
        return "generation wireless", end + 1  # "5G networks"
    if unit is None:
        for kind in ("percent", "cur_word", "unit"):
            u = pats[kind].match(text, end)
            if u:
                word = u.group("u").lower()
                if kind == "percent":
                    unit = "percentage point" if "point" in word else "percent"
                elif kind == "cur_word":
                    unit = w["currency_words"].get(word, word)
                else:
                    unit = w["units"][word]
                end = u.end()
                break
    if unit is not None and unit not in ("percent", "years old", "times"):
        p = pats["per"].match(text, end) or pats["per_adverb"].match(text, end)
        if p:
            word = p.group("u").lower()
            per = w["per_units"].get(word) or w["per_adverbs"].get(word)
            unit, end = f"{unit} per {per}", p.end()
    return unit, end


def _approx(text: str, start: int, language: str) -> str:
    """The approximation written just before ``start`` ("about" -> "~"), else "="."""
    return approx_before(text, start, language)[0]


def approx_before(text: str, start: int, language: str = "en") -> tuple[str, int]:
    """The approximation written just before ``start`` and its length with the space."""
    before = text[max(0, start - 24) : start].lower()
    best, best_len = "=", 0
    for sign, phrases in words(language)["approx"].items():
        for phrase in phrases:
            if phrase in ("or more", "or less"):
                continue
            pat = re.escape(phrase) + (r"$" if phrase.endswith("-") else r"\s$")
            if len(phrase) > best_len and re.search(r"(?:^|[^a-z])" + pat, before):
                best, best_len = sign, len(phrase)
    return best, (best_len + (0 if best_len == 0 or best_len and before.endswith("-") else 1))


def _plain(value: Decimal) -> float:
    return float(value)


def _spelled(text: str, language: str, pats: dict[str, re.Pattern[str]]) -> list[Found]:
    w = words(language)
    out: list[Found] = []
    for m in pats["spelled"].finditer(text):
        base = Decimal(w["word_numbers"][m.group("word").lower()])
        if m.group("mult"):
            base *= Decimal(w["multipliers"][m.group("mult").lower()])
        unit, end = _unit_after(text, m.end(), None, language, pats)
        if unit is None and text[end : end + 1] == "-":
            continue  # "a six-speed gearbox", "a two-month contract"
        approx = _approx(text, m.start(), language)
        mult = float(w["multipliers"][m.group("mult").lower()]) if m.group("mult") else 1.0
        out.append(Found(m.start(), end, float(base), unit, approx, spelled=True, mult=mult))
    for m in pats["fold"].finditer(text):
        value = float(w["fold"][m.group("word").lower()])
        out.append(Found(m.start(), m.end(), value, "times", _approx(text, m.start(), language)))
    for m in pats["vague"].finditer(text):
        low = float(w["vague_multipliers"][m.group("word").lower()])
        out.append(Found(m.start(), m.end() - 3, (low, low * 10), None, "=", vague=True))
    return out


_RANGE_GAP = re.compile(r"^\s*(?:to|and|or|-|\u2013|\u2014|to\s?-)\s*$", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"(?:from|between|ranging from|range from|of)\s$", re.IGNORECASE)


def _ranges(text: str, found: list[Found]) -> list[Found]:
    """Merge "from A to B", "between A and B", "A to B", "A or B" (units agreeing)."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and _is_range(text, a, b):
            first = float(a.value)
            if a.mult == 1.0 and b.mult > 1.0 and first * b.mult <= float(b.value):
                first *= b.mult  # "$10 to $15 billion", "four to five thousand"
            lo, hi = sorted((first, float(b.value)))
            out.append(replace(a, end=b.end, value=(lo, hi), unit=b.unit or a.unit))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _is_range(text: str, a: Found, b: Found) -> bool:
    if isinstance(a.value, tuple) or isinstance(b.value, tuple) or a.year_like or b.year_like:
        return False
    gap = text[a.end : b.start]
    if not _RANGE_GAP.match(gap):
        return False
    word = gap.strip().lower()
    lead = bool(_RANGE_LEAD.search(text[max(0, a.start - 16) : a.start]))
    if (
        a.unit is not None
        and b.unit is not None
        and a.unit not in (b.unit, b.unit.split(" per ")[0])
    ):
        return False
    if re.search(r"\bby\s$", text[max(0, a.start - 4) : a.start]):
        return False  # "increased by $43.6 billion to $419.2 billion"
    if word == "and":
        return lead and text[max(0, a.start - 9) : a.start].lower().endswith("between ")
    if word == "or":
        return a.spelled and b.spelled
    if word in ("-", "\u2013", "\u2014"):
        return (a.unit or b.unit) is not None
    return lead or a.unit is not None or b.unit is not None or b.mult > a.mult
