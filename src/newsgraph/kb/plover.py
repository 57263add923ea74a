"""PLOVER's event types: the one table of type, quad class and default intensity
(``kb/data/plover.json``), read by the event coder, the dyads and the tests."""

from __future__ import annotations

from types import MappingProxyType

from newsgraph.resources import load_json

_DATA = load_json("newsgraph.kb", "data/plover.json")

TYPES: tuple[str, ...] = tuple(_DATA["types"])
QUAD_OF = MappingProxyType({t: int(v["quad"]) for t, v in _DATA["types"].items()})
INTENSITY_OF = MappingProxyType({t: float(v["intensity"]) for t, v in _DATA["types"].items()})
QUAD_NAMES = MappingProxyType({int(k): str(v) for k, v in _DATA["quads"].items()})
