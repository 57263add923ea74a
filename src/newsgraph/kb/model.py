"""The knowledge base's records: frozen dataclasses with ``to_dict`` and a container.

``Actor`` is a person with dated ``Role``s; ``Country`` carries names, demonyms and
metonyms ("the Kremlin" stands for Russia's presidency); ``Organisation`` covers
IGOs, legislatures, parties and agencies. ``KnowledgeBase`` holds them with the
lookup indexes the resolver uses; it is built by :func:`newsgraph.kb.load.load_kb`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.kb.normalize import is_cyrillic, normalize_name, russian_stem

# how much a role counts when ranking same-named actors (more prominent first)
ROLE_WEIGHT = {
    "head_of_state": 4,
    "head_of_government": 4,
    "foreign_minister": 2,
    "head_of_organisation": 2,
    "spokesperson_head_of_state": 2,
}


@dataclass(frozen=True, slots=True)
class Alias:
    """One name form in one language (``en``, ``fr``, ``ru``...)."""

    text: str
    lang: str


def aliases_to_dict(aliases: Iterable[Alias]) -> dict[str, list[str]]:
    """Group aliases by language, in their original order."""
    grouped: dict[str, list[str]] = {}
    for alias in aliases:
        grouped.setdefault(alias.lang, []).append(alias.text)
    return grouped


@dataclass(frozen=True, slots=True)
class Role:
    """A dated position: ``end`` is None while the role is held."""

    role: str
    title: str
    start: date
    end: date | None = None
    country: str | None = None
    org: str | None = None
    note: str | None = None

    def active_on(self, day: date) -> bool:
        """True when ``day`` falls inside the tenure (both ends inclusive)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "role": self.role,
            "title": self.title,
            "country": self.country,
            "org": self.org,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
        }
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True, slots=True)
class Actor:
    """A person with aliases and dated roles."""

    id: str
    name: str
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()
    source: str = field(default="", compare=False)

    def roles_on(self, day: date) -> tuple[Role, ...]:
        """The roles held on ``day``."""
        return tuple(r for r in self.roles if r.active_on(day))

    def sector_on(self, day: date | None) -> str | None:
        """The sector on ``day``: the KB's (the current one), except that a person the KB
        files under an international organisation who held only national offices that
        day was in government then (Mark Rutte, prime minister in 2017, NATO's secretary
        general later); None for ``day`` keeps the KB's."""
        if day is None or self.sector != "IGO":
            return self.sector
        held = self.roles_on(day)
        if held and all(r.country and not r.org for r in held):
            return "GOV"
        return self.sector

    @property
    def prominence(self) -> int:
        """A rough weight used to rank actors that share a name."""
        return sum(ROLE_WEIGHT.get(r.role, 1) for r in self.roles)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "wikidata": self.wikidata,
            "name": self.name,
            "aliases": aliases_to_dict(self.aliases),
            "country": self.country,
            "sector": self.sector,
            "roles": [r.to_dict() for r in self.roles],
        }


@dataclass(frozen=True, slots=True)
class Metonym:
    """A place or building that stands for a government ("the Kremlin")."""

    text: str
    institution: str  # government | head_of_state | head_of_government | foreign_ministry ...


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166 country with the words that point at it."""

    code: str
    alpha2: str
    name: str
    names: tuple[Alias, ...] = ()
    demonyms: tuple[Alias, ...] = ()
    capital: str | None = None
    metonyms: tuple[Metonym, ...] = ()
    leader: str = "head_of_state"  # the role meant by "the <demonym> leader"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "alpha2": self.alpha2,
            "name": self.name,
            "names": aliases_to_dict(self.names),
            "demonyms": aliases_to_dict(self.demonyms),
            "capital": self.capital,
            "leader": self.leader,
            "metonyms": [{"text": m.text, "institution": m.institution} for m in self.metonyms],
        }


@dataclass(frozen=True, slots=True)
class Organisation:
    """An IGO, legislature, party, ministry, agency or armed group."""

    id: str
    name: str
    kind: str
    sector: str | None = None
    country: str | None = None
    wikidata: str | None = None
    aliases: tuple[Alias, ...] = ()
    parent: str | None = None
    source: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "wikidata": self.wikidata,
            "name": self.name,
            "kind": self.kind,
            "aliases": aliases_to_dict(self.aliases),
            "country": self.country,
            "sector": self.sector,
            "parent": self.parent,
        }


@dataclass(frozen=True, slots=True)
class NameHit:
    """An index entry: ``key`` is a normalised alias of actor ``actor_id``."""

    actor_id: str
    short: bool  # a one-word alias such as a bare surname
    lang: str


@dataclass(frozen=True, slots=True)
class CountryHit:
    """An index entry for a country word, with how it names the country."""

    code: str
    via: str  # code | name | demonym | metonym
    institution: str | None = None


_VIA_RANK = {"code": 0, "name": 1, "demonym": 2, "metonym": 3}


class KnowledgeBase:
    """People, countries and organisations with their lookup indexes."""

    def __init__(
        self,
        people: Mapping[str, Actor],
        countries: Mapping[str, Country],
        organisations: Mapping[str, Organisation],
        role_words: Mapping[str, Any],
    ) -> None:
        self.people = dict(people)
        self.countries = dict(countries)
        self.organisations = dict(organisations)
        self.role_words = dict(role_words)
        self.name_index = _index_people(self.people.values())
        self.russian_stem_index = _index_russian_stems(self.name_index)
        self.country_index = _index_countries(self.countries.values())
        self.org_index = _index_organisations(self.organisations.values())
        self.role_index = _index_roles(self.people.values())

    def __repr__(self) -> str:
        return (
            f"KnowledgeBase({len(self.people)} people, {len(self.countries)} countries, "
            f"{len(self.organisations)} organisations)"
        )


def _index_people(people: Iterable[Actor]) -> dict[str, list[NameHit]]:
    index: dict[str, list[NameHit]] = defaultdict(list)
    for actor in people:
        seen: set[str] = set()
        for text, lang in [(actor.name, "en"), *((a.text, a.lang) for a in actor.aliases)]:
            key = normalize_name(text)
            if key and key not in seen:
                seen.add(key)
                index[key].append(NameHit(actor.id, " " not in key, lang))
    return dict(index)


def _index_russian_stems(name_index: Mapping[str, list[NameHit]]) -> dict[str, list[NameHit]]:
    """Cyrillic aliases keyed by their stemmed form, for inflected Russian mentions."""
    index: dict[str, list[NameHit]] = defaultdict(list)
    for key, hits in name_index.items():
        if is_cyrillic(key):
            index[russian_stem(key)].extend(hits)
    return dict(index)


def _index_countries(countries: Iterable[Country]) -> dict[str, list[CountryHit]]:
    index: dict[str, list[CountryHit]] = defaultdict(list)
    for country in countries:
        entries: list[tuple[str, str, str | None]] = [(country.name, "name", None)]
        entries += [(a.text, "name", None) for a in country.names]
        entries += [(a.text, "demonym", None) for a in country.demonyms]
        entries += [(m.text, "metonym", m.institution) for m in country.metonyms]
        for text, via, institution in entries:
            key = normalize_name(text)
            hits = index[key]
            if key and not any(h.code == country.code for h in hits):
                hits.append(CountryHit(country.code, via, institution))
    for hits in index.values():
        hits.sort(key=lambda h: _VIA_RANK[h.via])
    return dict(index)


def _index_organisations(orgs: Iterable[Organisation]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for org in orgs:
        for text in [org.name, *(a.text for a in org.aliases)]:
            key = normalize_name(text)
            if key and org.id not in index[key]:
                index[key].append(org.id)
    return dict(index)


def _index_roles(people: Iterable[Actor]) -> dict[tuple[str, str], list[tuple[Role, str]]]:
    index: dict[tuple[str, str], list[tuple[Role, str]]] = defaultdict(list)
    for actor in people:
        for role in actor.roles:
            for where in {role.country, role.org} - {None}:
                index[(role.role, str(where))].append((role, actor.id))
    return dict(index)
