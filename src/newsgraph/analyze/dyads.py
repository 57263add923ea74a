"""Relations over time between two parties: merged events per period and quad class.

    dyad_series(store, "RUS", "FRA", by="month")

A merged event belongs to the dyad (a, b) when one party is among its sources and the
other among its targets, or, for a joint act with no target ("Putin and Macron held
talks"), when both are among its sources. ``directed=True`` keeps only a -> b (and
joint acts). Negated events ("did not meet", a denied threat) are left out unless
``include_negated``. An event dated less precisely than the period (``2015`` in a
monthly series, ``2020-SU``) is left out of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from newsgraph.analyze.parties import Party, resolve_party
from newsgraph.analyze.quads import quad_name
from newsgraph.errors import Code, UsageError
from newsgraph.store import events as q
from newsgraph.store.db import Store

PERIODS = ("day", "week", "month", "year")
COLUMNS = ["period", "quad_class", "quad", "count", "mentions", "mean_intensity", "event_ids"]


def period_of(value: str | None, by: str) -> str | None:
    """The period label of a date (``2017-03`` for a month, ``2017-W12`` for an ISO
    week); None when the date is missing or less precise than the period."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    if by == "year":
        return value[:4]
    if by == "month":
        return value[:7] if len(value) >= 7 and value[5:7].isdigit() else None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    if by == "day":
        return day.isoformat()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def in_dyad(event: Mapping[str, Any], a: Party, b: Party, *, directed: bool = False) -> bool:
    """True when the merged event is an act between ``a`` and ``b`` (see module doc)."""
    source, target = event.get("source") or [], event.get("target") or []
    if a.among(source) and b.among(target):
        return True
    if not directed and b.among(source) and a.among(target):
        return True
    return not target and _joint(source, a, b)


def _joint(source: list[Mapping[str, Any]], a: Party, b: Party) -> bool:
    """Two different source actors, one of each party."""
    return any(
        a.matches(x) and b.matches(y)
        for i, x in enumerate(source)
        for j, y in enumerate(source)
        if i != j
    )


def dyad_events(
    store: Store,
    a: str | Party,
    b: str | Party,
    *,
    directed: bool = False,
    include_negated: bool = False,
) -> list[dict[str, Any]]:
    """The merged event rows between ``a`` and ``b``, in date order."""
    pa = a if isinstance(a, Party) else resolve_party(a)
    pb = b if isinstance(b, Party) else resolve_party(b)
    with store.engine.connect() as conn:
        ids = _ids_with(conn, pa) & _ids_with(conn, pb)
        rows = q.merged_rows(conn, ids)
    found = [
        r
        for r in rows
        if in_dyad(r, pa, pb, directed=directed) and (include_negated or not r["negated"])
    ]
    return sorted(found, key=lambda r: (r["date"] or "", r["id"]))


def _ids_with(conn: Any, party: Party) -> set[int]:
    return q.merged_ids_with_actor(conn, entities=party.entities, country=party.country)


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    directed: bool = False,
    include_negated: bool = False,
) -> pd.DataFrame:
    """Per period and quad class: how many merged events, their mentions, mean
    intensity, and the ids of the merged events behind the cell."""
    if by not in PERIODS:
        raise UsageError(Code.BAD_OPTION, f"--by {by!r}: use one of {', '.join(PERIODS)}")
    events = dyad_events(store, a, b, directed=directed, include_negated=include_negated)
    return series_frame(events, by)


def series_frame(events: list[dict[str, Any]], by: str) -> pd.DataFrame:
    """Group merged event rows into (period, quad class) cells."""
    return pd.DataFrame(series_cells(events, by), columns=COLUMNS)


def series_cells(events: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """``series_frame``'s rows as dicts, in (period, quad class) order."""
    cells: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        period = period_of(event.get("date"), by)
        if period is not None and event.get("quad_class") is not None:
            cells[(period, int(event["quad_class"]))].append(event)
    return [_cell(period, quad, members) for (period, quad), members in sorted(cells.items())]


def _cell(period: str, quad: int, members: list[dict[str, Any]]) -> dict[str, Any]:
    scores = [float(e["intensity"]) for e in members if e.get("intensity") is not None]
    return {
        "period": period,
        "quad_class": quad,
        "quad": quad_name(quad),
        "count": len(members),
        "mentions": sum(int(e.get("n_mentions") or 0) for e in members),
        "mean_intensity": round(sum(scores) / len(scores), 3) if scores else None,
        "event_ids": [int(e["id"]) for e in members],
    }
