"""Datelines and agency tags at the head of an article: pure functions over its text.

A dateline is the place/date/agency stamp news agencies put before the first sentence:
"ST. PETERSBURG, April 24. /TASS/.", "MOSCOW, March 3 (Reuters) -", "PARIS (AP) —",
"WASHINGTON, Jan. 5, 2017 —", "МОСКВА, 24 апреля. /ТАСС/.". :func:`find_dateline`
returns its parts and character span; the date layer combines a month-day with a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Literal

HEAD_CHARS = 400
TAIL_CHARS = 400

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv januar января январь",
        "february feb février fevrier févr fevr februar февраля февраль",
        "march mar mars märz maerz марта март",
        "april apr avril avr апреля апрель",
        "may mai мая май",
        "june jun juin juni июня июнь",
        "july jul juillet juil juli июля июль",
        "august aug août aout августа август",
        "september sep sept septembre septembre сентября сентябрь",
        "october oct octobre oktober октября октябрь",
        "november nov novembre ноября ноябрь",
        "december dec décembre decembre dezember dez декабря декабрь",
    ),
    1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

# canonical names of agencies whose tag is a clear sign of the outlet
AGENCIES: dict[str, str] = {
    "tass": "TASS", "тасс": "TASS", "itar-tass": "TASS", "reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "afp": "AFP", "xinhua": "Xinhua",
    "interfax": "Interfax", "интерфакс": "Interfax", "ria novosti": "RIA Novosti",
    "риа новости": "RIA Novosti", "sputnik": "Sputnik", "upi": "UPI", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "anadolu": "Anadolu Agency", "ians": "IANS", "pti": "PTI",
    "bloomberg": "Bloomberg", "kyodo": "Kyodo", "yonhap": "Yonhap", "irna": "IRNA",
    "press tv": "Press TV", "presstv": "Press TV", "ukrinform": "Ukrinform", "unian": "UNIAN",
    "belta": "BelTA", "sana": "SANA", "cnn": "CNN", "bbc": "BBC", "ani": "ANI",
}  # fmt: skip
_NOT_PLACES = frozenset({"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "OPINION",
                         "ANALYSIS", "VIDEO", "PHOTOS", "LIVE", "NEW", "REPORT", "EDITORIAL"})  # fmt: skip

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOW = "a-zß-öø-ÿа-яё"
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATELINE = re.compile(
    rf"""
    (?P<place>
        (?P<caps>[{_UP}][{_UP}.'’\-]+(?:\ [{_UP}][{_UP}.'’\-]*){{0,3}})(?![{_LOW}])
        (?:,\ (?!(?i:{_MONTH_ALT})\b)(?P<region>[{_UP}][{_LOW}.]+(?:\ [{_UP}][{_LOW}.]+)?))?
      | (?P<titled>[{_UP}][{_LOW}]+(?:[\ \-][{_UP}][{_LOW}]+){{0,2}})
    )
    (?:\s*,\s*(?i:{_WEEKDAY},?\s+)?
        (?:(?P<month>(?i:{_MONTH_ALT}))\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
           (?:,?\s+(?P<year>(?:19|20)\d\d))?
         | (?P<day2>\d{{1,2}})\.?\s+(?P<month2>(?i:{_MONTH_ALT}))\.?(?:\s+(?P<year2>(?:19|20)\d\d))?)
    )?
    (?:\s*\.?\s*
        (?:/(?P<slash>[{_UP}][\w\-. ]{{1,24}}?)/|\((?P<paren>[{_UP}][\w\-.&' ]{{0,29}}?)\))
    )?
    (?P<term>\s*(?:--|[-—–:](?!\w)|\.(?!\w)))?
    """,
    re.VERBOSE,
)
_LINE_START = re.compile(r"(?m)^[ \t\u00a0]*(?=\S)")
_AGENCY_TAG = re.compile(r"/\s*(?P<slash>[^/\n]{2,20}?)\s*/|\((?P<paren>[^()\n]{2,20})\)")
_REUTERS_CREDIT = re.compile(r"\((?:Reporting|Additional reporting) by [^)]*;\s*Editing by [^)]*\)")


_M = r"(?P<m>0[1-9]|1[0-2])"
_D = r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
_URL_DAYS = (
    re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<s>[/_-]){_M}(?P=s){_D}"),  # 2017/03/14
    re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)[/-]{_M}/{_D}"),  # 2017-01/13
    re.compile(rf"(?<![\d-])(?P<y>(?:19|20)\d\d)/?{_M}{_D}"),  # 2017/0314, 20170314
)
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)[/_-](?P<m>0[1-9]|1[0-2])/")
# a 15-digit publishing stamp yymmddHHMMSSmmm closing the page name ("...-170316094602700.html")
_URL_STAMP = re.compile(
    r"-(?P<y>[12]\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\d{9}\.html?$"
)


def url_date(url: str | None) -> tuple[str, str] | None:
    """(ISO day or month, the part of the URL it was read from) for a date in a URL path.

    "/2017/03/14/", "/2017/0314/", "/2017-01/13/", "/20170314/" give a day; "/2017/03/"
    a month; a 15-digit publishing stamp ending the page name a day. The host and the
    query are not read (ids there look like dates too often)."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url, flags=re.I).split("?")[0].split("#")[0]
    for pattern in (*_URL_DAYS, _URL_STAMP):
        found = pattern.search(path)
        if found:
            year = int(found["y"]) + (2000 if len(found["y"]) == 2 else 0)
            day = (year, int(found["m"]), int(found["d"]))
            if int(found["d"]) <= calendar.monthrange(year, day[1])[1]:
                return f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}", found.group()
    found = _URL_MONTH.search(path)
    if found:
        return f"{found['y']}-{found['m']}", found.group()
    return None


@dataclass(frozen=True)
class Dateline:
    """A dateline: its span in the text and the parts found (month-day kept yearless)."""

    start: int
    end: int
    text: str
    place: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    outlet: str | None = None


def find_dateline(text: str) -> Dateline | None:
    """The first dateline that starts a line within the first ``HEAD_CHARS`` characters."""
    head = text[:HEAD_CHARS]
    for start in _LINE_START.finditer(head):
        match = _DATELINE.match(head, start.end())
        if match:
            dateline = _dateline_from_match(match)
            if dateline is not None:
                return dateline
    return None


def outlet_from_text(text: str) -> str | None:
    """The outlet named by a clear agency tag: in a dateline, a known "/TASS/" or "(Reuters)"
    tag in the head, or a Reuters "(Reporting by ...; Editing by ...)" credit at the end."""
    dateline = find_dateline(text)
    if dateline is not None and dateline.outlet:
        return dateline.outlet
    for tag in _AGENCY_TAG.finditer(text[:HEAD_CHARS]):
        name = canonical_agency(tag.group("slash") or tag.group("paren") or "")
        if name:
            return name
    if _REUTERS_CREDIT.search(text[-TAIL_CHARS:]):
        return "Reuters"
    return None


def canonical_agency(tag: str) -> str | None:
    """The canonical name of a known agency tag ("РИА Новости" -> "RIA Novosti"), else None."""
    return AGENCIES.get(" ".join(tag.split()).casefold())


def _dateline_from_match(match: re.Match[str]) -> Dateline | None:
    """Check the parts of a candidate dateline and build it; None when it is not one."""
    caps = match.group("caps")
    if caps and caps.rstrip(".") in _NOT_PLACES:
        return None  # a kicker ("BREAKING —"), not a place
    month_day = _month_day(match)
    if month_day is False:
        return None
    month, day, year = month_day or (None, None, None)
    tag = match.group("slash") or match.group("paren")
    if tag and any(ch.isdigit() for ch in tag):
        return None  # "Today (Nov. 18)": a date in brackets, not an agency
    outlet = (canonical_agency(tag) or tag.strip()) if tag else None
    term = (match.group("term") or "").strip()
    if not caps and outlet and not canonical_agency(outlet) and month is None and not term:
        return None  # "Some Words (Something)" alone is too weak
    if not _enough_parts(bool(caps), month is not None, outlet is not None, term):
        return None
    end = match.end("term") if term else _last_part_end(match)
    place = match.group("place")
    return Dateline(
        start=match.start(),
        end=end,
        text=match.string[match.start() : end],
        place=place.strip() if place else None,
        month=month,
        day=day,
        year=year,
        outlet=outlet,
    )


def _month_day(match: re.Match[str]) -> tuple[int, int, int | None] | Literal[False] | None:
    """(month, day, year) when a valid date is there, None when none, False when invalid."""
    month_name = match.group("month") or match.group("month2")
    if not month_name:
        return None
    month = _MONTHS[month_name.casefold()]
    day = int(match.group("day") or match.group("day2"))
    year_text = match.group("year") or match.group("year2")
    year = int(year_text) if year_text else None
    longest = calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year allows Feb 29
    if not 1 <= day <= longest:
        return False
    return month, day, year


def _enough_parts(caps_place: bool, has_date: bool, has_outlet: bool, term: str) -> bool:
    """A capitalised place needs a date or agency; an all-caps place may stand with a dash."""
    if has_date or has_outlet:
        return True
    return caps_place and term in {"-", "--", "—", "–"}


def _last_part_end(match: re.Match[str]) -> int:
    for group in ("slash", "paren", "year", "day", "year2", "month2", "place"):
        if match.group(group):
            end = match.end(group)
            return end + 1 if group in ("slash", "paren") else end
    return match.end()
