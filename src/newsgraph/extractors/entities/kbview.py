"""The knowledge base as entity finding sees it, for one article date.

:func:`view_of` gives a :class:`KbView` of a knowledge base (the shipped one by
default, none with :data:`NO_KB`): people, countries, organisations and role holders
as :class:`~newsgraph.extractors.entities.types.Link`, and a token gazetteer of aliases.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import spacy

from newsgraph.extractors.entities.types import Link, name_particles
from newsgraph.kb import resolve as kbr


class _NoKb:
    """Marker for finding entities without a knowledge base (nothing links)."""

    def __repr__(self) -> str:
        return "NO_KB"


NO_KB = _NoKb()
Gazetteer = dict[tuple[str, ...], tuple[str, bool]]
Sizes = dict[str, tuple[int, ...]]
_GAZETTEERS: dict[int, tuple[Any, Gazetteer, Sizes]] = {}
_ACRONYMS: dict[int, tuple[Any, frozenset[tuple[str, ...]]]] = {}


def view_of(kb: Any, on: date | None) -> KbView:
    """A view of ``kb`` for one article date; ``None`` means the shipped KB."""
    if kb is NO_KB:
        return KbView(None, on)
    if kb is None:
        from newsgraph.kb.load import default_kb

        kb = default_kb()
    return KbView(kb, on)


class KbView:
    """The knowledge base as entity finding sees it, for one article date."""

    def __init__(self, kb: Any, on: date | None) -> None:
        self.kb = kb
        self.on = on

    def people(self, text: str) -> list[Link]:
        """Actors named ``text``, best first (full names, then those in office that day)."""
        if self.kb is None:
            return []
        return [_person_link(a, self.on) for a in kbr.lookup_name(self.kb, text, on=self.on)]

    def country(self, text: str) -> str | None:
        """The ISO alpha-3 code a name, demonym or metonym points at (a bare ISO code
        names no country in running text: "the former TD")."""
        match = kbr.match_country(self.kb, text, codes=False) if self.kb is not None else None
        return match.country.code if match else None

    def country_link(self, text: str) -> Link | None:
        """The country itself when ``text`` is its name (not a demonym or metonym, nor a
        bare ISO code the KB does not list as a name: "TD", "IS")."""
        match = kbr.match_country(self.kb, text, codes=False) if self.kb is not None else None
        if match is None or match.via != "name":
            return None
        code = match.country.code
        return Link(f"country:{code}", match.country.name, "GPE", code)

    def country_name(self, code: str) -> str | None:
        """The name of the country with ISO alpha-3 ``code`` ("North Korea" for PRK)."""
        country = self.kb.countries.get(code) if self.kb is not None else None
        return country.name if country is not None else None

    def org(self, text: str) -> Link | None:
        """The organisation named ``text``."""
        found = kbr.lookup_organisation(self.kb, text) if self.kb is not None else []
        if not found:
            return None
        org = found[0]
        return Link(org.id, org.name, "ORG", org.country, org.sector)

    def org_names(self, org_id: str) -> list[str]:
        """The names and aliases of organisation ``org_id`` (none when unknown)."""
        org = self.kb.organisations.get(org_id) if self.kb is not None else None
        return [org.name, *(a.text for a in org.aliases)] if org is not None else []

    def role_word(self, word: str) -> bool:
        """Whether the KB knows ``word`` as the name of an office ("taoiseach")."""
        if self.kb is None:
            return False
        return word.lower() in self.kb.role_words.get("roles", {})

    def one_country_office(self, word: str) -> bool:
        """Whether the KB knows ``word`` as an office of one country only ("taoiseach";
        not "queen" or "chancellor", which several countries have)."""
        if self.kb is None:
            return False
        spec = self.kb.role_words.get("roles", {}).get(word.lower())
        return isinstance(spec, dict) and len(spec.get("countries", ())) == 1

    def role_holder(self, phrase: str) -> Link | None:
        """Who a role phrase names on the article's date ("the French president")."""
        if self.kb is None or self.on is None:
            return None
        actor = kbr.resolve_role_phrase(self.kb, phrase, self.on)
        return _person_link(actor, self.on) if actor else None

    def years_out_of_office(self, actor_id: str) -> float | None:
        """0 when the actor holds a role on the article's date, else the years since the
        last role ended (None: no date, or not a KB person)."""
        actor = self.kb.people.get(actor_id) if self.kb is not None else None
        if actor is None or self.on is None:
            return None
        ended = []
        for role in actor.roles:
            if role.active_on(self.on):
                return 0.0
            if role.end is not None and role.end <= self.on:
                ended.append(role.end)
        return (self.on - max(ended)).days / 365.25 if ended else 99.0

    def offices(self, actor_id: str) -> list[tuple[str, str | None, bool]] | None:
        """The KB roles of a person as (role, country, held on the article's date); None
        when the actor is no KB person or the KB gives no roles."""
        actor = self.kb.people.get(actor_id) if self.kb is not None else None
        if actor is None or not actor.roles:
            return None
        return [(r.role, r.country, self.on is None or r.active_on(self.on)) for r in actor.roles]

    def gazetteer(self) -> Gazetteer:
        """Lower-cased alias tokens -> (label, is a surname), built once per KB."""
        return self._cached_gazetteer()[1]

    def gazetteer_sizes(self) -> Sizes:
        """First alias token -> the token lengths of aliases starting with it, longest
        first (built once per KB, with the gazetteer)."""
        return self._cached_gazetteer()[2]

    def acronyms(self) -> frozenset[tuple[str, ...]]:
        """Gazetteer keys whose every alias is written in capitals ("WHO", "IMF"): they
        match text in capitals only ("Who votes for ...?" is no World Health Organization)."""
        if self.kb is None:
            return frozenset()
        cached = _ACRONYMS.get(id(self.kb))
        if cached is None or cached[0] is not self.kb:
            cached = (self.kb, _build_acronyms(self.kb))
            _ACRONYMS[id(self.kb)] = cached
        return cached[1]

    def _cached_gazetteer(self) -> tuple[Any, Gazetteer, Sizes]:
        if self.kb is None:
            return (None, {}, {})
        cached = _GAZETTEERS.get(id(self.kb))
        if cached is None or cached[0] is not self.kb:
            index = _build_gazetteer(self.kb)
            cached = (self.kb, index, _sizes_by_first_token(index))
            _GAZETTEERS[id(self.kb)] = cached
        return cached


def _person_link(actor: Any, on: date | None) -> Link:
    """A KB person as a link, with the sector of the offices held ``on`` that day."""
    return Link(actor.id, actor.name, "PERSON", actor.country, actor.sector_on(on))


def _sizes_by_first_token(index: Gazetteer) -> Sizes:
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()}


def _build_gazetteer(kb: Any) -> Gazetteer:
    """Token tuples of English and French aliases of people, organisations and countries
    (names and metonyms as GPE, demonyms as NORP)."""
    tokenizer = spacy.blank("en").tokenizer
    particles = name_particles()
    index: dict[tuple[str, ...], tuple[str, bool]] = {}
    records = [("PERSON", p) for p in kb.people.values()]
    records += [("ORG", o) for o in kb.organisations.values()]
    for label, texts in [*_actor_texts(records), *_country_texts(kb)]:
        for text in texts:
            key = tuple(t.lower_ for t in tokenizer(text))
            words = [w for w in key if w.isalpha() and w not in particles]
            if not words or sum(len(w) for w in words) < 2:
                continue
            surname = label == "PERSON" and len(words) == 1 and len(words[0]) >= 3
            if key not in index or label == "PERSON":  # a person wins a shared alias
                index[key] = (label, surname)
    return index


def _build_acronyms(kb: Any) -> frozenset[tuple[str, ...]]:
    tokenizer = spacy.blank("en").tokenizer
    cased: dict[tuple[str, ...], bool] = {}
    records = [("PERSON", p) for p in kb.people.values()]
    records += [("ORG", o) for o in kb.organisations.values()]
    for _, texts in [*_actor_texts(records), *_country_texts(kb)]:
        for text in texts:
            key = tuple(t.lower_ for t in tokenizer(text))
            upper = text.isupper() and len(key) == 1
            cased[key] = cased.get(key, True) and upper
    return frozenset(key for key, upper in cased.items() if upper)


def _actor_texts(records: list[tuple[str, Any]]) -> Iterable[tuple[str, set[str]]]:
    for label, record in records:
        yield label, {record.name, *(a.text for a in record.aliases if a.lang in ("en", "fr"))}


def _country_texts(kb: Any) -> Iterable[tuple[str, set[str]]]:
    for country in kb.countries.values():
        names = [country.name, *(a.text for a in country.names if a.lang == "en")]
        yield "GPE", {*names, *(m.text for m in country.metonyms)}
        yield "NORP", {a.text for a in country.demonyms if a.lang == "en"}
