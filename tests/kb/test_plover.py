"""The one PLOVER table (kb/data/plover.json) against the official crosswalk."""

from __future__ import annotations

from conftest import shared_path
from newsgraph.kb import plover


def crosswalk_types() -> set[str]:
    path = shared_path("data", "plover", "CAMEO2PLOVER-2021.txt")
    types = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            kind = line.split(":", 1)[1].split(",")[0].strip()
            if kind:
                types.add(kind)
    return types


def test_the_table_holds_the_crosswalk_types() -> None:
    assert set(plover.TYPES) == crosswalk_types() - {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}


def test_quad_classes_and_intensities_agree() -> None:
    assert len(plover.TYPES) == 16
    for kind in plover.TYPES:
        quad, intensity = plover.QUAD_OF[kind], plover.INTENSITY_OF[kind]
        assert quad in plover.QUAD_NAMES
        assert (intensity > 0) == (quad <= 2), kind  # cooperation is positive, conflict negative
