"""Fuzzy search and descriptions of actors, for ``newsgraph actors search|show``."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from newsgraph.kb.model import Actor, KnowledgeBase
from newsgraph.kb.normalize import normalize_name
from newsgraph.kb.resolve import lookup_name

MIN_SCORE = 80.0


def search_actors(kb: KnowledgeBase, text: str, limit: int = 20) -> list[Actor]:
    """Actors whose names or aliases resemble ``text``, best first.

    Exact alias matches come first (full names before surnames); the rest are
    ranked by rapidfuzz's WRatio over every normalised name form, an actor
    taking the score of its best-matching form, ties going to more prominent actors.
    """
    query = normalize_name(text)
    if not query:
        return []
    exact = lookup_name(kb, text)
    keys = list(kb.name_index)
    matches = process.extract(
        query, keys, scorer=fuzz.WRatio, score_cutoff=MIN_SCORE, limit=max(limit * 5, 50)
    )
    best: dict[str, float] = {}
    for key, score, _ in matches:
        for hit in kb.name_index[key]:
            best[hit.actor_id] = max(best.get(hit.actor_id, 0.0), score)
    fuzzy = sorted(best, key=lambda i: (-best[i], -kb.people[i].prominence, kb.people[i].name))
    ranked = [a.id for a in exact] + [i for i in fuzzy if i not in {a.id for a in exact}]
    return [kb.people[i] for i in ranked[:limit]]


def find_actor(kb: KnowledgeBase, id_or_name: str) -> Actor | None:
    """An actor by id, else by exact name or alias, else by the best fuzzy match."""
    if id_or_name in kb.people:
        return kb.people[id_or_name]
    found = lookup_name(kb, id_or_name) or search_actors(kb, id_or_name, limit=1)
    return found[0] if found else None


def describe_actor(kb: KnowledgeBase, id_or_name: str) -> dict[str, Any]:
    """An actor as a plain dict with roles in date order and their places named.

    Raises ``LookupError`` when nothing matches.
    """
    actor = find_actor(kb, id_or_name)
    if actor is None:
        raise LookupError(f"no actor matches {id_or_name!r}")
    data = actor.to_dict()
    roles = sorted(actor.roles, key=lambda r: (r.start, r.end or r.start))
    data["roles"] = [_role_view(kb, r.to_dict()) for r in roles]
    country = kb.countries.get(actor.country or "")
    data["country_name"] = country.name if country else None
    return data


def _role_view(kb: KnowledgeBase, role: dict[str, Any]) -> dict[str, Any]:
    org = kb.organisations.get(role.get("org") or "")
    role["org_name"] = org.name if org else None
    return role
