"""Pure functions from a mention (and a date) to KB records.

- ``lookup_name``: exact alias match after normalisation; bare surnames rank lower.
- ``holder``: who held a role in a country (or organisation) on a day.
- ``resolve_role_phrase``: "the French president" + date -> the actor.
- ``resolve_country`` / ``match_country``: names, demonyms, metonyms, ISO codes.
- ``tenure_range``: the spans an actor held a role, to bound undated articles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pycountry

from newsgraph.kb.model import Actor, Country, KnowledgeBase, NameHit, Organisation
from newsgraph.kb.normalize import is_cyrillic, normalize_name, russian_stem
from newsgraph.kb.phrases import parse_role_phrase

DateLike = date | datetime | str


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A country found for a text, how it was named, and which institution it stands for."""

    country: Country
    via: str  # code | name | demonym | metonym
    institution: str | None = None  # e.g. "head_of_state" for "the Kremlin"


def as_date(value: DateLike) -> date:
    """A ``date`` from a date, datetime or ISO string (``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) == 4 and text.isdigit():
        text += "-07-01"  # mid-year for a bare year
    elif len(text) == 7:
        text += "-15"
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


def lookup_name(
    kb: KnowledgeBase, text: str, *, lang: str = "en", on: DateLike | None = None
) -> list[Actor]:
    """Actors whose name or an alias equals ``text`` after normalisation, best first.

    Full-name matches come before surname-only ones; then actors holding a role on
    ``on`` (when given), aliases in ``lang``, and more prominent actors first.
    Inflected Russian forms ("Путина") fall back to a stemmed comparison.
    """
    key = normalize_name(text)
    hits = kb.name_index.get(key, [])
    if not hits and is_cyrillic(key):
        hits = kb.russian_stem_index.get(russian_stem(key), [])
    day = as_date(on) if on is not None else None
    ranked = sorted(hits, key=lambda h: _hit_rank(kb, h, lang, day))
    return _unique_actors(kb, (h.actor_id for h in ranked))


def _hit_rank(kb: KnowledgeBase, hit: NameHit, lang: str, day: date | None) -> tuple:
    actor = kb.people[hit.actor_id]
    inactive = day is not None and not actor.roles_on(day)
    return (hit.short, inactive, hit.lang != lang, -actor.prominence, actor.name)


def _unique_actors(kb: KnowledgeBase, ids) -> list[Actor]:
    seen: set[str] = set()
    result = []
    for actor_id in ids:
        if actor_id not in seen:
            seen.add(actor_id)
            result.append(kb.people[actor_id])
    return result


def lookup_organisation(kb: KnowledgeBase, text: str) -> list[Organisation]:
    """Organisations whose name or an alias equals ``text`` after normalisation."""
    return [kb.organisations[i] for i in kb.org_index.get(normalize_name(text), [])]


def holder(kb: KnowledgeBase, role: str, country: str, on: DateLike) -> Actor | None:
    """Who held ``role`` in ``country`` (ISO alpha-3/alpha-2 or an organisation id) on ``on``.

    When tenures overlap (a hand-over day, acting holders) the latest start wins.
    """
    where = _where_key(kb, country)
    day = as_date(on)
    active = [
        (r, actor_id) for r, actor_id in kb.role_index.get((role, where), []) if r.active_on(day)
    ]
    if not active:
        return None
    _, actor_id = max(active, key=lambda pair: pair[0].start)
    return kb.people[actor_id]


def _where_key(kb: KnowledgeBase, country: str) -> str:
    if country in kb.organisations:
        return country
    code = country.upper()
    if len(code) == 2:
        entry = pycountry.countries.get(alpha_2=code)
        return entry.alpha_3 if entry else code
    return code


def resolve_role_phrase(
    kb: KnowledgeBase, phrase: str, on: DateLike, *, country: str | None = None
) -> Actor | None:
    """The actor a role phrase names on a day: "the French president" -> Macron in 2018.

    ``country`` is the default for phrases that name none ("the president-elect").
    Returns None for phrases it cannot read fully ("the former French president").
    """
    parsed = parse_role_phrase(kb, phrase, country=country)
    if parsed is None:
        return None
    for role in parsed.roles:
        actor = holder(kb, role, parsed.where, on)
        if actor is not None:
            return actor
    return None


def match_country(kb: KnowledgeBase, text: str, *, codes: bool = True) -> CountryMatch | None:
    """The country a word names, with how it names it ("the Kremlin" -> RUS, metonym).

    ``codes=False`` is for words of running text: a bare ISO code there is an
    abbreviation of something else ("the former TD" is a member of the Dail, not Chad;
    "IS" is the Islamic State, not Iceland), so only the codes the KB lists as names of
    the country ("US", "UK", "USA") name it."""
    stripped = text.strip()
    if codes and stripped.isupper() and stripped.isalpha() and len(stripped) in (2, 3):
        code = _where_key(kb, stripped)
        if code in kb.countries:
            return CountryMatch(kb.countries[code], "code")
    hits = kb.country_index.get(normalize_name(stripped))
    if not hits:
        return None
    best = hits[0]
    return CountryMatch(kb.countries[best.code], best.via, best.institution)


def resolve_country(kb: KnowledgeBase, text: str) -> Country | None:
    """The country named by a name, demonym, metonym or ISO code, or None."""
    match = match_country(kb, text)
    return match.country if match else None


def tenure_range(
    kb: KnowledgeBase, actor_id: str, role: str | None = None
) -> list[tuple[date, date | None]]:
    """The ``(start, end)`` spans in which the actor held ``role`` (any role if None)."""
    actor = kb.people.get(actor_id)
    if actor is None:
        return []
    spans = {(r.start, r.end) for r in actor.roles if role is None or r.role == role}
    return sorted(spans, key=lambda span: span[0])
