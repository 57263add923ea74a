"""Monthly series for the actor, timeline and dyad charts, over merged events.

A merged event (``newsgraph.analyze``) counts once however many articles report it; it
falls in the month of its own date (events dated less precisely than a month are left
out, as in ``analyze.dyads``). Quad classes are PLOVER's (``analyze.quads``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.analyze.dyads import series_cells
from newsgraph.analyze.quads import QUAD_NAMES

COOPERATION = (QUAD_NAMES[1], QUAD_NAMES[2])


def quad_series(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged events per month and quad class:
    ``[{"month", "quads": {label: n}, "total", "mentions"}]``, months in order, every
    quad label present; ``mentions`` counts the reports behind the month's events."""
    points: dict[str, dict[str, Any]] = {}
    for cell in series_cells(list(events), "month"):
        point = points.setdefault(
            cell["period"],
            {
                "month": cell["period"],
                "quads": dict.fromkeys(QUAD_NAMES.values(), 0),
                "total": 0,
                "mentions": 0,
            },
        )
        point["quads"][cell["quad"]] += cell["count"]
        point["total"] += cell["count"]
        point["mentions"] += cell["mentions"]
    return [points[month] for month in sorted(points)]


def cooperation_series(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged events per month split into cooperation (quads 1-2) and conflict (3-4)."""
    return cooperation_points(quad_series(events))


def cooperation_points(points: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """``quad_series`` points split into cooperation (quads 1-2) and conflict (3-4)."""
    rows = []
    for point in points:
        cooperation = sum(point["quads"][label] for label in COOPERATION)
        rows.append(
            {
                "month": point["month"],
                "cooperation": cooperation,
                "conflict": point["total"] - cooperation,
                "total": point["total"],
                "mentions": point["mentions"],
                "quads": point["quads"],
            }
        )
    return rows
