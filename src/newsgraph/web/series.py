"""Chart points split for the dyad chart: cooperation against conflict.

Points come from ``web.merged.chart`` (merged events per period and PLOVER quad class;
an event counts once however many articles report it and falls in the period of its
own date, events dated less precisely than the period left out).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.analyze.quads import QUAD_NAMES

COOPERATION = (QUAD_NAMES[1], QUAD_NAMES[2])


def cooperation_points(points: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quad-class points split into cooperation (quads 1-2) and conflict (3-4)."""
    rows = []
    for point in points:
        cooperation = sum(point["quads"][label] for label in COOPERATION)
        rows.append(
            {
                "period": point["period"],
                "cooperation": cooperation,
                "conflict": point["total"] - cooperation,
                "total": point["total"],
                "mentions": point["mentions"],
                "quads": point["quads"],
            }
        )
    return rows
