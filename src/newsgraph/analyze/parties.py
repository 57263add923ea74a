"""Who a dyad or a timeline is about: a country (ISO alpha-3) or an actor (KB id or name).

``resolve_party("RUS")`` is the country; ``resolve_party("Emmanuel Macron")`` and
``resolve_party("Q3052772")`` the person; ``resolve_party("Russia")`` the country by
name. A party matches an event actor (a dict with ``entity`` and ``country``) by
country code for a country, by entity id for an actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import Code, UsageError


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a dyad: a country code, or the entity ids of an actor."""

    label: str
    country: str | None = None
    entities: tuple[str, ...] = ()

    def matches(self, actor: Mapping[str, Any]) -> bool:
        """True when the event actor is this party."""
        entity = actor.get("entity") or ""
        if self.country:
            return (actor.get("country") or "").upper() == self.country or (
                entity.upper() == f"COUNTRY:{self.country}"
            )
        return entity in self.entities

    def among(self, actors: Iterable[Mapping[str, Any]]) -> bool:
        """True when one of ``actors`` is this party."""
        return any(self.matches(x) for x in actors)


def resolve_party(text: str) -> Party:
    """The country or actor ``text`` names. Raises ``UsageError`` (NG301) when the
    knowledge base knows neither."""
    from newsgraph.kb.load import default_kb
    from newsgraph.kb.resolve import lookup_name, lookup_organisation, match_country

    name = text.strip()
    if not name:
        raise UsageError(Code.BAD_OPTION, "an actor or country is needed")
    kb = default_kb()
    if name.lower().startswith("country:"):
        name = name.split(":", 1)[1].upper()
    if name.isupper() and len(name) == 3 and name in kb.countries:
        return Party(name, country=name)
    if name in kb.people or name in kb.organisations:
        return Party(_name_of(kb, name), entities=(name,))
    people = lookup_name(kb, name)
    if people:
        return Party(people[0].name, entities=(people[0].id,))
    orgs = lookup_organisation(kb, name)
    if orgs:
        return Party(orgs[0].name, entities=tuple(o.id for o in orgs))
    match = match_country(kb, name)
    if match is not None:
        return Party(match.country.code, country=match.country.code)
    raise UsageError(Code.BAD_OPTION, f"no actor or country called {text!r} in the knowledge base")


def _name_of(kb: Any, entity_id: str) -> str:
    record = kb.people.get(entity_id) or kb.organisations.get(entity_id)
    return str(record.name) if record is not None else entity_id
