"""Merged events as rows of GDELT 2.0's event table (61 tab-separated columns, no header).

Columns that map are filled; the rest stay empty: tone, the known-group, ethnic and
religion codes, and the geography of actors and action other than its name (GDELT
geocodes with FIPS codes and feature ids we do not have). Choices:

* Actor1 is the first source actor, Actor2 the first target; a joint act with no
  target ("Putin and Macron held talks") takes its second source as Actor2.
* ActorCode is the country followed by the sector (``RUSGOV``), CAMEO's actor code
  shape; ActorType1Code is the sector.
* QuadClass follows GDELT's rule (the CAMEO root code: 01-05 verbal cooperation,
  06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict); an event
  without a CAMEO code takes its PLOVER quad class.
* IsRootEvent is 1 when a report has the event in its article's first paragraph.
* DATEADDED is when the merged event was created (UTC), SOURCEURL the URL of its
  earliest report (its source path when the article has no URL).

Dates: **every row has a valid full date**. SQLDATE is the event's day when the event
is dated to a day (years 1900-2999). Otherwise the row **falls back to the article
day** (``first_seen``, the publication day of the earliest report) when that day is
consistent with what the event's date says: the event is undated, or its partial date
(``2017``, ``2017-03``, ``2017-W12``, ``2017-SU``) contains that day. A merged event
whose date points elsewhere (history, ``1945``; a future ``2023``; an implausible year)
and cannot be given a true day is **skipped** (``gdelt_row`` returns None), as is one
with no usable day at all; GDELT has no row for an event without a day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from newsgraph.analyze.keys import is_day
from newsgraph.analyze.quads import cameo_quad_class

MIN_YEAR, MAX_YEAR = 1900, 2999  # a row's day must fall in these years

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)
assert len(COLUMNS) == 61


def gdelt_row(
    event: Mapping[str, Any], report: Mapping[str, Any] | None = None
) -> list[str] | None:
    """The 61 cells of one merged event, or None when it has no valid day (see the
    module doc); ``report`` has its earliest report's ``url`` and whether one is
    ``in_lead``."""
    report = report or {}
    day = row_day(event.get("date"), event.get("first_seen"))
    if day is None:
        return None
    cells: dict[str, Any] = {"GLOBALEVENTID": event["id"]}
    cells |= _date_cells(day)
    first, second = _actors(event)
    cells |= _actor_cells("Actor1", first) | _actor_cells("Actor2", second)
    cells |= _event_cells(event)
    cells["IsRootEvent"] = 1 if report.get("in_lead") else 0
    cells["ActionGeo_FullName"] = event.get("place")
    cells["DATEADDED"] = _stamp(event.get("created"))
    cells["SOURCEURL"] = report.get("url")
    return [_cell(cells.get(name)) for name in COLUMNS]


def row_day(value: str | None, first_seen: str | None) -> date | None:
    """The day a row carries: the event's own valid day, else the article day when the
    event's date allows it (undated, or a partial date containing it), else None."""
    own = _valid_day(value)
    if own is not None:
        return own
    seen = _valid_day((first_seen or "")[:10])
    if seen is None:
        return None
    if not value or _contains(value, seen):
        return seen
    return None


def _valid_day(value: str | None) -> date | None:
    if not is_day(value):
        return None
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


def _contains(partial: str, day: date) -> bool:
    """Whether a partial date (year, month, ISO week, season, quarter) contains ``day``."""
    if not partial[:4].isdigit() or int(partial[:4]) != day.year:
        return False
    rest = partial[5:]
    if not rest:
        return True
    if rest.isdigit() and len(rest) == 2:
        return int(rest) == day.month
    if rest.startswith("W") and rest[1:3].isdigit():
        return int(rest[1:3]) == day.isocalendar()[1]
    return False  # a season or quarter: too loose to put a day on


def _date_cells(day: date) -> dict[str, Any]:
    """SQLDATE, MonthYear, Year and FractionDate of the row's day."""
    days_in_year = 366 if _leap(day.year) else 365
    return {
        "Year": f"{day.year:04d}",
        "MonthYear": f"{day.year:04d}{day.month:02d}",
        "SQLDATE": day.strftime("%Y%m%d"),
        "FractionDate": f"{day.year + day.timetuple().tm_yday / days_in_year:.4f}",
    }


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _actors(event: Mapping[str, Any]) -> tuple[Mapping[str, Any] | None, Mapping[str, Any] | None]:
    source, target = list(event.get("source") or []), list(event.get("target") or [])
    first = source[0] if source else None
    if target:
        return first, target[0]
    return first, (source[1] if len(source) > 1 else None)


def _actor_cells(prefix: str, actor: Mapping[str, Any] | None) -> dict[str, Any]:
    if actor is None:
        return {}
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    return {
        f"{prefix}Code": (country + sector) or None,
        f"{prefix}Name": actor.get("name"),
        f"{prefix}CountryCode": country or None,
        f"{prefix}Type1Code": sector or None,
    }


def _event_cells(event: Mapping[str, Any]) -> dict[str, Any]:
    cameo = event.get("cameo") or ""
    quad = cameo_quad_class(cameo) or event.get("quad_class")
    return {
        "EventCode": cameo or None,
        "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None,
        "QuadClass": quad,
        "GoldsteinScale": event.get("intensity"),
        "NumMentions": event.get("n_mentions"),
        "NumSources": event.get("n_sources"),
        "NumArticles": event.get("n_articles"),
    }


def _stamp(value: Any) -> str | None:
    """YYYYMMDDHHMMSS, GDELT's DATEADDED shape."""
    if isinstance(value, datetime):
        return value.strftime("%Y%m%d%H%M%S")
    if isinstance(value, str) and value:
        return _stamp(datetime.fromisoformat(value))
    return None


def _cell(value: Any) -> str:
    """A cell as text, with no tab or line break left to break the row."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)
