"""Monthly event series for the timeline, actor and dyad views.

Each event falls in the month of its own date, else of its article's publication
date. Quad classes follow CAMEO's root codes (01-05 verbal cooperation, 06-08 material
cooperation, 09-13 verbal conflict, 14-20 material conflict); an event without a CAMEO
code is placed by its PLOVER type.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def quad_class(event_type: str | None, cameo: str | None) -> int | None:
    """1-4 (see ``QUADS``) from the CAMEO root code, else from the PLOVER type."""
    if cameo and cameo[:2].isdigit():
        root = int(cameo[:2])
        for upper, quad in ((5, 1), (8, 2), (13, 3), (20, 4)):
            if 1 <= root <= upper:
                return quad
    return _PLOVER_QUAD.get((event_type or "").upper())


def month_of(day: str | None) -> str | None:
    """``YYYY-MM`` of an ISO date (or month); None for anything else (``2017-W17``, ``P1W``)."""
    if not day or len(day) < 7:
        return None
    month = day[:7]
    return month if _MONTH.match(month) else None


def quad_series(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per month and quad class: ``[{"month", "quads": {label: n}, "total"}]``,
    months in order, every quad label present."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(QUADS.values(), 0))
    for event in events:
        month, quad = month_of(event.get("date")), event.get("quad")
        if month and quad:
            counts[month][QUADS[quad]] += 1
    return [{"month": m, "quads": q, "total": sum(q.values())} for m, q in sorted(counts.items())]


def cooperation_series(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per month split into cooperation (quads 1-2) and conflict (quads 3-4)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"cooperation": 0, "conflict": 0})
    for event in events:
        month, quad = month_of(event.get("date")), event.get("quad")
        if month and quad:
            counts[month]["cooperation" if quad <= 2 else "conflict"] += 1
    return [
        {"month": m, **c, "total": c["cooperation"] + c["conflict"]}
        for m, c in sorted(counts.items())
    ]
