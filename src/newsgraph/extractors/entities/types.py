"""What entity finding and in-article coreference share: word lists, links, mentions.

:func:`lexicon` reads ``data/ner_roles.json``; :class:`Link` is a canonical actor;
:class:`Candidate` a name span on its way to an entity; :class:`Resolver` what the
knowledge base answers (see :class:`newsgraph.extractors.entities.kbview.KbView`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from newsgraph.resources import load_json


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists in ``extractors/entities/data/ner_roles.json`` (loaded once)."""
    return load_json("newsgraph.extractors.entities", "data/ner_roles.json")


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Surname particles ("de", "van", "al"), lower case, from ``ner_roles.json``."""
    return frozenset(lexicon()["name_particles"])


@dataclass(frozen=True, slots=True)
class Link:
    """A canonical actor (person, organisation or country) a mention refers to."""

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name mention (token offsets ``start``..``end``) already assigned to an entity."""

    start: int
    end: int
    entity: str


@dataclass(frozen=True, slots=True)
class RoleKey:
    """A role as a phrase states it: ``role`` of ``country`` (alpha-3) or of ``org`` (an id)."""

    role: str
    country: str | None = None
    org: str | None = None
    region: str | None = None  # a place below the country ("of North Rhine-Westphalia")


@dataclass(frozen=True, slots=True)
class StatedRole:
    """A role the text gives a named actor, with the evidence span (character offsets)."""

    role: str
    country: str | None
    org: str | None
    entity: str
    start: int
    end: int
    text: str
    region: str | None = None  # the role is of a place below the country (a state's minister)


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention without a name (role phrase or pronoun) resolved to an entity."""

    start: int
    end: int
    text: str
    entity: str
    kind: str  # "role" | "pronoun"


@dataclass(slots=True)
class Candidate:
    """A name span (token offsets) on its way to an entity: label, KB candidates, entity."""

    start: int
    end: int
    label: str
    links: tuple[Link, ...] = ()
    source: str = "model"  # model | kb | surname
    entity: str | None = None
    model_label: str | None = None  # the model's label for the same span, when a KB match won
    checked: bool = False  # its KB links were weighed against the article: do not look again


class Resolver(Protocol):
    """What entity finding and coreference need from the knowledge base (``kbview.KbView``)."""

    def people(self, text: str) -> list[Link]: ...

    def country(self, text: str) -> str | None: ...

    def country_link(self, text: str) -> Link | None: ...

    def country_name(self, code: str) -> str | None: ...

    def org(self, text: str) -> Link | None: ...

    def org_names(self, org_id: str) -> list[str]: ...

    def role_holder(self, phrase: str) -> Link | None: ...

    def years_out_of_office(self, actor_id: str) -> float | None: ...

    def offices(self, actor_id: str) -> list[tuple[str, str | None, bool]] | None: ...
