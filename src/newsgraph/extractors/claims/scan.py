"""Finding numbers in text: value, unit, range, approximation and sign, from the
characters alone (no parse). :func:`scan` returns :class:`Found` candidates in text
order; :mod:`~newsgraph.extractors.claims.extract` checks them against the parse.

A candidate is a number written in digits ("23.68", "1,463.78", ".5") or words ("ten",
"a dozen", "sixfold", "thousands of"), with a multiplier ("$800 million", "25k",
"PS8.1bn"), a currency before it ("$", "US$", "HK $", "EUR") or after it ("9 billion
shekels"), a unit after it ("%", "per cent", "mph", "kWh", "year-old", "barrels a
day"), a unit code in capitals after it ("110 JPY", "5 W", a statistic in brackets "(0.5
WAR)"), pence glued to it ("118.5p") and an approximation before it ("about", "more
than", "up to", "sub-"). Parts of a whole are fractions (unit "fraction": "two-thirds",
"one out of three", "one of four", "1/16 of"; not "the first three quarters of 2016").
Ranges: "from A to B", "between A and B", "10-15%", and "from A ... to B" or "to A from
B" told over a few words of one clause. Dates, clock times, ordinals and numbers glued
to names ("TA-35", "A2", "COVID -19") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from newsgraph.resources import load_json

__all__ = ["Found", "scan", "words"]

# a word in capitals just before a hyphen and a bare number: "COVID -19"
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Z\d]+\s$")
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


def _plain_alternation(keys: list[str], *, folded: bool = True) -> str:
    """The keys as one alternation, longest first (the engine takes the first that fits)."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def _alternation(keys: list[str], *, folded: bool = True) -> str:
    """:func:`_plain_alternation` with the keys grouped under their first character
    ('t(?:hree|wo|en)|o(?:ne)'): the regex engine enters every alternative of a
    case-blind alternation at each offset it tries, so a group whose character does not
    fit is now skipped whole. Only one group can fit a character (grouped case-blind for
    a case-blind pattern, ``folded``; a key opening on a non-ASCII character, which case
    folding may tie to another, keeps the plain alternation) and the keys keep their
    order in it: the same key wins at every offset."""
    ordered = sorted(keys, key=len, reverse=True)
    if folded and not all(key[:1].isascii() for key in ordered):
        return _plain_alternation(ordered)
    groups: dict[str, list[str]] = {}
    for key in ordered:
        groups.setdefault(key[:1].lower() if folded else key[:1], []).append(key)
    return "|".join(
        re.escape(group[0][:1]) + "(?:" + "|".join(re.escape(key[1:]) for key in group) + ")"
        for group in groups.values()
    )


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    """The scanners of ``language``, compiled once."""
    return _compile_patterns(language, _alternation)


def _compile_patterns(language: str, alternation: Callable[..., str]) -> dict[str, re.Pattern[str]]:
    """The scanners, each word list made one alternation by ``alternation``."""
    w = words(language)
    mults = alternation(list(w["multipliers"]))
    cur_words = alternation(list(w["currency_words"]))
    units = alternation(list(w["units"]))
    per_units = alternation(list(w["per_units"]))
    spelled = alternation(list(w["word_numbers"]))
    return {
        "core": re.compile(
            rf"(?P<sign>[{_SIGNS}])?(?P<cur>{alternation(list(w['currency_prefixes']), folded=False)})?"
            rf"\s?(?P<sign2>[{_SIGNS}])?(?P<num>{_DIGITS})"
            rf"(?:\s?(?i:(?P<mult>{mults}))(?![A-Za-z]))?",
        ),
        "spelled": re.compile(
            rf"\b(?P<word>{spelled})\b(?:[\s-](?P<mult>hundred|thousand|million|billion|trillion)\b)?",
            re.IGNORECASE,
        ),
        "fold": re.compile(rf"\b(?P<word>{alternation(list(w['fold']))})\b", re.IGNORECASE),
        "vague_count": re.compile(
            rf"\b(?P<word>{alternation(list(w['vague_counts']))}) of\b", re.IGNORECASE
        ),
        "vague": re.compile(
            rf"\b(?P<word>{alternation(list(w['vague_multipliers']))}) of\b", re.IGNORECASE
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
            rf"\s?(?:/\s?|\s(?:per|a|an|each|every)\s)(?P<u>{per_units})s?(?![a-z])"
            r"(?!\s+(?:ago|earlier|before|later|after)\b)",  # "a year ago": a time, no rate
            re.IGNORECASE,
        ),
        "per_adverb": re.compile(
            rf"\s(?P<u>{alternation(list(w['per_adverbs']))})\b", re.IGNORECASE
        ),
        "month_before": re.compile(rf"\b(?:{alternation(w['months'])})\.?,?\s$", re.IGNORECASE),
        "month_after": re.compile(
            rf"^(?:st|nd|rd|th)?\s(?:of\s)?(?:{alternation(w['months'])})\b", re.IGNORECASE
        ),
        "clock": re.compile(r"^(?:\s?[ap]\.?m\b\.?|:\d\d)", re.IGNORECASE),
        "code": re.compile(
            rf"\s?(?P<u>{alternation(list(w['unit_codes']), folded=False)})(?![A-Za-z\d])"
        ),
        "fraction": re.compile(
            rf"\b(?P<n>{spelled}|a|an)[\s-](?P<d>{alternation(list(w['fractions']))})\b",
            re.IGNORECASE,
        ),
        "ratio": re.compile(
            rf"\b(?P<n>\d+|{spelled})\s(?:(?P<out>out\s)?of|(?P<in>in))\s(?P<m>\d+|{spelled})\b"
            r"(?!\s?%|[.,:]\d)",
            re.IGNORECASE,
        ),
        "slash": re.compile(r"(?<![\d/])(?P<n>\d+)\s?[/\u2044](?P<m>\d+)(?=\s+of\b)"),
    }


def scan(text: str, language: str = "en") -> list[Found]:
    """Every number candidate in ``text``, in order, ranges merged."""
    pats = _patterns(language)
    parts = _fractions(text, language, pats)
    held = [(f.start, f.end) for f in parts]
    found = [
        f
        for f in _digits(text, language, pats)
        if f is not None and not any(s < f.end and f.start < e for s, e in held)
    ]
    found += parts
    taken = [(f.start, f.end) for f in found]
    for extra in _spelled(text, language, pats):
        if not any(s < extra.end and extra.start < e for s, e in taken):
            found.append(extra)
    found.sort(key=lambda f: f.start)
    return [f for f in _ranges(text, found, language) if not _is_score(text, f)]


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
        elif sign and re.search(r"\bto$", before, re.IGNORECASE):
            sign, start = None, m.start("cur") if m.group("cur") else m.start("num")
            before = ""  # "200,000 to-260,000": the hyphen joins a range
        if before and (before[-1].isalnum() or before[-1] in "._/#:-\u2044"):
            continue  # glued to a word or a number: "TA-35", "A2", "#3", "3.1.2", "1/16"
        value = _number(m.group("num"), m.group("mult"), language)
        if value is None:
            continue
        sign_at = m.start("sign2") if m.group("sign2") else m.start("sign")
        if sign and sign_at >= 0 and text[sign_at + 1 : sign_at + 2].isspace():
            sign, start = None, m.start("cur") if m.group("cur") else m.start("num")  # "- 10mph"
        found = _finish(text, m, start, value, sign, language, pats)
        if found is not None and sign and found.unit is None and _NAME_BEFORE.search(before):
            continue  # "COVID -19": the hyphen of a name set apart, not a minus
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
    if unit is None and re.match(r"p(?![A-Za-z\d])", text[end : end + 2]):
        unit, end = "penny", end + 1  # "118.5p": pence glued to the figure
    temp = re.match(r"(°\s?)?([CF])?(?![A-Za-z\d])", text[end : end + 4])
    if unit is None and temp is not None and (temp.group(1) or temp.group(2)):
        # "41C", "-3°C", "86F", "a 30° angle": degrees glued to the figure
        unit = {"C": "celsius", "F": "fahrenheit"}.get(temp.group(2) or "", "degree")
        end += temp.end()
    stat = re.match(r"\s([A-Z]{2,5})\)", text[end : end + 8])
    if unit is None and stat and text[start - 1 : start] == "(":
        unit, end = stat.group(1), end + len(stat.group(1)) + 1  # "(0.5 WAR)", "(12 HR)"
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
    if unit is None:
        code = pats["code"].match(text, end)
        if code:
            unit, end = w["unit_codes"][code.group("u")], code.end()  # "110 JPY", "5 W"
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
    for sign, size, pattern in _approx_patterns(language):
        if size > best_len and pattern.search(before):
            best, best_len = sign, size
    return best, (best_len + (0 if best_len == 0 or best_len and before.endswith("-") else 1))


@cache
def _approx_patterns(language: str) -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    """Each approximation phrase before a number ("about ", "sub-"), compiled once."""
    out = []
    for sign, phrases in words(language)["approx"].items():
        for phrase in phrases:
            if phrase in ("or more", "or less"):
                continue
            end = r"$" if phrase.endswith("-") else r"\s$"
            out.append((sign, len(phrase), re.compile(r"(?:^|[^a-z])" + re.escape(phrase) + end)))
    return tuple(out)


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
    for m in pats["vague_count"].finditer(text):
        value = float(w["vague_counts"][m.group("word").lower()])
        out.append(Found(m.start(), m.end() - 3, value, None, "=", vague=True))
    for m in pats["vague"].finditer(text):
        low = float(w["vague_multipliers"][m.group("word").lower()])
        out.append(Found(m.start(), m.end() - 3, (low, low * 10), None, "=", vague=True))
    return out


def _fractions(text: str, language: str, pats: dict[str, re.Pattern[str]]) -> list[Found]:
    """Parts of a whole as a fraction (unit "fraction"): "two-thirds", "a third of",
    "one out of three", "one of four", "1/16 of"."""
    w = words(language)

    def count(word: str) -> float | None:
        if word.isdigit():
            return float(word)
        if word.lower() in ("a", "an"):
            return 1.0
        value = w["word_numbers"].get(word.lower())
        return float(value) if value is not None else None

    out: list[Found] = []
    for m in pats["fraction"].finditer(text):
        hyphen = text[m.end("n") : m.start("d")] == "-"
        by = re.search(r"\bby\s$", text[max(0, m.start() - 4) : m.start()], re.IGNORECASE)
        if not hyphen and not by and not text[m.end() : m.end() + 4].lower().startswith(" of "):
            continue  # "a third term", "one half": no part of anything named ("cut by a
            # third" is the part the change took)
        if _CALENDAR_PART.search(text[max(0, m.start() - 10) : m.start()]) or (
            _OF_A_YEAR.match(text, m.end())
        ):
            continue  # "the first three quarters of 2016": quarters of a year, not shares
        n = count(m.group("n"))
        if n is not None:
            d = w["fractions"][m.group("d").lower()]
            out.append(_part(text, m.start(), m.end(), n / d, language))
    for m in pats["ratio"].finditer(text):
        n, d = count(m.group("n")), count(m.group("m"))
        if n is None or d is None or not 0 < n < d:
            continue
        if m.group("in") and not _share_in(text, m, d, language, pats):
            continue
        if not (m.group("out") or m.group("in")) and not (
            m.group("n").lower() == "one" or n < d / 2
        ):
            continue  # "5 of 7": only "one of four" and small parts read as a share
        out.append(_part(text, m.start(), m.end(), n / d, language))
    for m in pats["slash"].finditer(text):
        n, d = float(m.group("n")), float(m.group("m"))
        if 0 < n < d:
            out.append(_part(text, m.start(), m.end(), n / d, language))
    out.sort(key=lambda f: f.start)
    return [f for i, f in enumerate(out) if i == 0 or out[i - 1].end <= f.start]


def _share_in(
    text: str, m: re.Match[str], d: float, language: str, pats: dict[str, re.Pattern[str]]
) -> bool:
    """ "1 in 5 children", "one in four": a share, unless the second number is a year or
    has a unit or a time of its own ("2 in 10 minutes", "3 in 2019")."""
    if d >= 1000 or _unit_after(text, m.end(), None, language, pats)[0] is not None:
        return False
    nxt = re.match(r"\s+([a-z]+)", text[m.end() : m.end() + 20], re.IGNORECASE)
    return nxt is None or nxt.group(1).lower().rstrip("s") not in words(language)["durations"]


_CALENDAR_PART = re.compile(r"\b(?:first|last|past|next|previous|coming|recent)\s$", re.IGNORECASE)
_OF_A_YEAR = re.compile(r"\s+of\s+(?:the\s+)?(?:\d{4}|year|fiscal|this|last|next)\b", re.IGNORECASE)


def _part(text: str, start: int, end: int, value: float, language: str) -> Found:
    return Found(start, end, value, "fraction", _approx(text, start, language))


_RANGE_GAP = re.compile(r"^\s*(?:to|and|or|-|\u2013|\u2014|to\s?-)\s*$", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"(?:from|between|ranging from|range from|of|aged)\s$", re.IGNORECASE)
_AGED = re.compile(r"\b(?:aged|ages)\s$", re.IGNORECASE)


def _ranges(text: str, found: list[Found], language: str = "en") -> list[Found]:
    """Merge "from A to B", "between A and B", "A to B", "A or B" (units agreeing)."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and _is_range(text, a, b, language):
            first = float(a.value)
            if a.mult == 1.0 and b.mult > 1.0 and first * b.mult <= float(b.value):
                first *= b.mult  # "$10 to $15 billion", "four to five thousand"
            lo, hi = sorted((first, float(b.value)))
            unit = b.unit or a.unit
            if unit is None and _AGED.search(text[max(0, a.start - 12) : a.start]):
                unit = "years old"  # "women aged 25 to 54"
            out.append(replace(a, end=b.end, value=(lo, hi), unit=unit))
            i += 2
            continue
        far = _far_end(text, found, i)
        if far is not None:
            b = found[far]
            lo, hi = sorted((float(a.value), float(b.value)))
            out.append(replace(a, end=b.end, value=(lo, hi), unit=a.unit or b.unit))
            out.extend(found[i + 1 : far])  # the years between stay candidates of their own
            i = far + 1
            continue
        out.append(a)
        i += 1
    return out


_FROM = re.compile(r"\bfrom\s$", re.IGNORECASE)
_TO = re.compile(r"\bto\s$", re.IGNORECASE)


def _far_end(text: str, found: list[Found], i: int) -> int | None:
    """The other end of "from A ... to B" or "to A from B" told over a few words ("from
    $36,040 at 10.45pm last night to $34,935", "narrowed to 138,285 lots from 212,577
    lots"): the index in ``found`` of B, with only years between, in one clause."""
    a = found[i]
    if isinstance(a.value, tuple) or a.year_like or a.spelled or a.vague:
        return None
    before = text[max(0, a.start - 6) : a.start]
    if _FROM.search(before):
        lead = _TO
    elif _TO.search(before):
        lead = _FROM
    else:
        return None
    for j in range(i + 1, min(len(found), i + 3)):
        b = found[j]
        if b.year_like:
            continue
        gap = text[a.end : b.start]
        if isinstance(b.value, tuple) or b.spelled or b.vague or len(gap) > 48:
            return None
        if re.search(r"[.;:!?](?:\s|$)|\bto\b.*\bto\b", gap) or not lead.search(gap[-6:]):
            return None
        if a.unit is not None and b.unit is not None and a.unit != b.unit:
            return None
        return j
    return None


def _changed_to(text: str, a: Found, b: Found, language: str) -> bool:
    """ "rose $12 to $1,950": a change verb just before A and B ten times A or more (the
    ends of a range are of one size; a change and the level it reached need not be)."""
    low, high = abs(float(a.value)), abs(float(b.value))
    if low == 0 or high < 10 * low:
        return False
    at = a.start - approx_before(text, a.start, language)[1]
    prev = re.search(r"([a-z]+)\s+$", text[max(0, at - 16) : at])
    w = words(language)
    return prev is not None and prev.group(1).lower() in set(w["up_words"]) | set(w["down_words"])


def _is_range(text: str, a: Found, b: Found, language: str = "en") -> bool:
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
    if word != "to":
        pass
    elif re.search(r"\bby\s$", text[max(0, a.start - 4) : a.start]):
        return False  # "increased by $43.6 billion to $419.2 billion" ("by 2-3%" is a range)
    elif not lead and _changed_to(text, a, b, language):
        return False  # "gold rose $12 to $1,950 an ounce": the change, then the level
    if word == "and":
        return lead and text[max(0, a.start - 9) : a.start].lower().endswith("between ")
    if word == "or":
        return a.spelled and b.spelled
    if word in ("-", "\u2013", "\u2014"):
        return (a.unit or b.unit) is not None
    return lead or a.unit is not None or b.unit is not None or b.mult > a.mult
