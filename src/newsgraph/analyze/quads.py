"""PLOVER's quad classes, and CAMEO's (GDELT's ``QuadClass``) for exports.

PLOVER groups its 16 event types into four classes: verbal and material cooperation,
verbal and material conflict. GDELT numbers the same four classes 1-4 and derives them
from the CAMEO root code (01-05, 06-08, 09-13, 14-20).
"""

from __future__ import annotations

from newsgraph.kb import plover

VERBAL_COOPERATION = 1
MATERIAL_COOPERATION = 2
VERBAL_CONFLICT = 3
MATERIAL_CONFLICT = 4

QUAD_NAMES = plover.QUAD_NAMES
PLOVER_QUAD = plover.QUAD_OF  # type -> quad class, from kb/data/plover.json


def quad_class(plover_type: str | None) -> int | None:
    """PLOVER's quad class (1-4) of an event type; None for a type PLOVER lacks."""
    return PLOVER_QUAD.get((plover_type or "").upper())


def quad_name(quad: int | None) -> str | None:
    """The name of a quad class number ("verbal cooperation")."""
    return QUAD_NAMES.get(quad) if quad is not None else None


def cameo_quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass from a CAMEO code's root (``"042"`` -> 1, ``"190"`` -> 4)."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if 1 <= root <= 5:
        return VERBAL_COOPERATION
    if 6 <= root <= 8:
        return MATERIAL_COOPERATION
    if 9 <= root <= 13:
        return VERBAL_CONFLICT
    if 14 <= root <= 20:
        return MATERIAL_CONFLICT
    return None
