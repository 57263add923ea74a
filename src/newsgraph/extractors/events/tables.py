"""The event coder's data: CAMEO code table, trigger patterns, frames and word lists.

Everything here is read once from ``extractors/events/data/*.json`` (see the README
there for where each table comes from) and cached. No spaCy in this module: it
turns the files into small immutable lookups the matcher and coder use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newsgraph.kb import plover
from newsgraph.resources import load_json

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"})
# PLOVER's own intensity scale, used when a code has no Goldstein score.
PLOVER_SCALE = plover.INTENSITY_OF


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What a CAMEO code means for a PLOVER event."""

    code: str
    plover: str | None
    mode: str | None
    goldstein: float | None


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger pattern: a lemma, its constraints and the CAMEO code it gives."""

    lemma: str
    code: str  # "-" for frame words that are events only through a complement
    particle: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    verb: frozenset[str] = frozenset()
    no_object: bool = False
    clausal: bool = False
    no_clause: bool = False  # nocomp - no clausal complement ('tried for fraud', not 'tried to')
    actor_object: bool = False  # obj:! - the direct object must be an actor
    has_object: bool = False  # obj:* - some direct object ('returned the bodies')

    @property
    def specificity(self) -> int:
        """How many constraints the pattern sets (more specific patterns win)."""
        sets = (self.particle, self.prep, self.obj, self.mod, self.verb)
        flags = self.no_object + self.clausal + self.no_clause + self.actor_object
        flags += self.has_object
        return sum(1 for s in sets if s) + flags


def _read(name: str) -> dict[str, Any]:
    return load_json("newsgraph.extractors.events", f"data/{name}")


def parse_pattern(text: str, code: str) -> Pattern:
    """Parse ``'lemma key:a|b flag'`` into a Pattern (see verbs.json's ``about``)."""
    lemma, *parts = text.split()
    fields: dict[str, Any] = {}
    keys = {"prt": "particle", "prep": "prep", "obj": "obj", "mod": "mod", "verb": "verb"}
    for part in parts:
        if part == "noobj":
            fields["no_object"] = True
        elif part == "comp":
            fields["clausal"] = True
        elif part == "nocomp":
            fields["no_clause"] = True
        elif part == "obj:!":
            fields["actor_object"] = True
        elif part == "obj:*":
            fields["has_object"] = True
        else:
            key, _, values = part.partition(":")
            if key not in keys or not values:
                raise ValueError(f"bad pattern constraint {part!r} in {text!r}")
            fields[keys[key]] = frozenset(values.split("|"))
    return Pattern(lemma=lemma, code=code, **fields)


def _index(name: str) -> dict[str, tuple[Pattern, ...]]:
    table: dict[str, list[Pattern]] = {}
    for code, texts in _read(name)["patterns"].items():
        for text in texts:
            pattern = parse_pattern(text, code)
            table.setdefault(pattern.lemma, []).append(pattern)
    return {lemma: tuple(sorted(ps, key=lambda p: -p.specificity)) for lemma, ps in table.items()}


@cache
def verb_patterns() -> dict[str, tuple[Pattern, ...]]:
    """Verb lemma -> its patterns, most specific first."""
    return _index("verbs.json")


@cache
def noun_patterns() -> dict[str, tuple[Pattern, ...]]:
    """Noun lemma -> its patterns, most specific first."""
    return _index("nouns.json")


@cache
def cameo_codes() -> dict[str, CodeInfo]:
    """Every CAMEO code in the shipped table (derived from the codebook and crosswalk)."""
    out = {}
    for code, entry in _read("cameo.json")["codes"].items():
        out[code] = CodeInfo(code, entry["plover"], entry["mode"], entry["goldstein"])
    return out


def code_info(code: str) -> CodeInfo:
    """The code's PLOVER type, mode and Goldstein score; parents fill what a code lacks."""
    table = cameo_codes()
    info = table.get(code, CodeInfo(code, None, None, None))
    parent = code[:-1]
    while len(parent) >= 2 and (info.plover is None or info.goldstein is None):
        above = table.get(parent)
        if above:
            info = CodeInfo(
                code,
                info.plover or above.plover,
                info.mode,
                info.goldstein if info.goldstein is not None else above.goldstein,
            )
        parent = parent[:-1]
    return info


def intensity(info: CodeInfo) -> float | None:
    """Goldstein score for the code, else the PLOVER scale for its type."""
    if info.goldstein is not None:
        return info.goldstein
    return PLOVER_SCALE.get(info.plover or "")


@cache
def frames() -> dict[str, dict[str, str]]:
    """Frame name -> composition table (complement code prefix -> coded event)."""
    return {name: dict(f["compose"]) for name, f in _read("frames.json")["frames"].items()}


@cache
def frame_of_code() -> dict[str, str]:
    """A frame word's own code -> the frame it opens."""
    out = {}
    for name, frame in _read("frames.json")["frames"].items():
        for base in frame["bases"]:
            out[base] = name
    return out


def compose(frame: str, inner: str) -> str | None:
    """The code for ``frame`` over a complement coded ``inner`` (longest prefix match)."""
    table = frames().get(frame, {})
    for size in range(len(inner), 1, -1):
        found = table.get(inner[:size])
        if found:
            return inner if found == "=" else found
    return None


@cache
def lexicon() -> dict[str, Any]:
    """Modality cues, negation words, reporting verbs, actor nouns, sectors, countries."""
    return _read("lexicon.json")


@cache
def country_names() -> dict[str, str]:
    """Lower-case name, demonym or capital -> ISO 3166 alpha-3."""
    return {name: iso for iso, names in lexicon()["countries"].items() for name in names}


@cache
def sector_words() -> dict[str, str]:
    """Lower-case word -> sector code (GOV, MIL, COP, REB, OPP, JUD, CVL, MED, BUS)."""
    return {word: sector for sector, words in lexicon()["sectors"].items() for word in words}
