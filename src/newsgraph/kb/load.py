"""Read the shipped KB files plus users' own, check every record, build a KnowledgeBase.

Users add files in the same JSON Lines format (one record a line; blank lines and
lines starting with ``#`` are skipped) by passing ``extra_paths`` or listing them in
``$NEWSGRAPH_KB_PATH`` (``os.pathsep``-separated files or directories of ``*.jsonl``).
Every ISO 3166 country comes from pycountry; ``countries.jsonl`` adds demonyms,
metonyms and names in other languages; a country it gives no demonyms takes the English
adjectives of the shipped CAMEO actor tables (``with_coded_demonyms``).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import json
import os
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from newsgraph.kb.actor_codes import country_adjectives
from newsgraph.kb.model import Actor, Alias, Country, KnowledgeBase, Organisation
from newsgraph.kb.normalize import normalize_name
from newsgraph.kb.schema import (
    KnowledgeBaseError,
    Where,
    check_country,
    check_organisation,
    check_person,
    record_kind,
)
from newsgraph.resources import load_json

ENV_VAR = "NEWSGRAPH_KB_PATH"
SHIPPED_FILES = ("countries.jsonl", "organisations.jsonl", "people.jsonl")


def load_kb(extra_paths: Sequence[Path | str] = (), *, use_env: bool = True) -> KnowledgeBase:
    """Load the shipped KB, then ``extra_paths`` and ``$NEWSGRAPH_KB_PATH`` files.

    Raises :class:`KnowledgeBaseError` (a ``ValueError``) naming file and line for
    the first bad record, duplicate id or dangling organisation reference.
    """
    paths = [*shipped_paths(), *expand_paths(extra_paths)]
    if use_env:
        paths += expand_paths(env_paths())
    builder = _Builder()
    for path in paths:
        builder.add_file(path)
    return builder.finish(load_role_words())


@functools.lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The KB most callers want, loaded once: shipped files plus ``$NEWSGRAPH_KB_PATH``."""
    return load_kb()


def shipped_paths() -> list[Path]:
    """The data files that come with the package."""
    data = resources.files("newsgraph.kb").joinpath("data")
    return [Path(str(data.joinpath(name))) for name in SHIPPED_FILES]


def env_paths() -> list[Path]:
    """The paths listed in ``$NEWSGRAPH_KB_PATH``, if any."""
    raw = os.environ.get(ENV_VAR, "")
    return [Path(p) for p in raw.split(os.pathsep) if p.strip()]


def expand_paths(paths: Sequence[Path | str]) -> list[Path]:
    """Files as given; directories become their ``*.jsonl`` files in name order."""
    result: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            result.extend(sorted(path.glob("*.jsonl")))
        elif path.is_file():
            result.append(path)
        else:
            raise KnowledgeBaseError(f"{path}: no such KB file or directory")
    return result


def load_role_words() -> dict[str, Any]:
    """The role-word table, with its phrase keys normalised like names."""
    table = copy.deepcopy(load_json("newsgraph.kb", "data/role_words.json"))
    for section in ("roles", "qualifiers"):
        table[section] = {normalize_name(k): v for k, v in table[section].items()}
    table["ignore"] = sorted({normalize_name(w) or w for w in table["ignore"]})
    return table


def read_jsonl(path: Path) -> Iterator[tuple[Where, Any]]:
    """Yield ``(where, record)`` for each non-blank, non-comment line of a JSONL file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read KB file ({exc})") from None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = Where(str(path), number)
        try:
            yield where, json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise where.fail(f"malformed JSON ({exc.msg} at column {exc.colno})") from None


def iso_countries() -> dict[str, Country]:
    """Every ISO 3166 country from pycountry, named by its common name where it has one."""
    countries = {}
    for entry in pycountry.countries:
        names = {entry.name, getattr(entry, "official_name", entry.name)}
        common = getattr(entry, "common_name", None) or entry.name
        countries[entry.alpha_3] = Country(
            code=entry.alpha_3,
            alpha2=entry.alpha_2,
            name=common,
            names=tuple(Alias(n, "en") for n in sorted(names - {common})),
        )
    return countries


def with_coded_demonyms(countries: dict[str, Country]) -> dict[str, Country]:
    """Countries that ``countries.jsonl`` gives no demonyms take the English ones of the
    CAMEO actor tables ("Irish", "Greeks", "Kenyan"), so that "the Irish prime minister"
    reads as a country's office like "the French president" does. A word that already
    names a country (a name or a curated demonym) is not taken."""
    taken = {
        normalize_name(text)
        for c in countries.values()
        for text in (c.name, *(a.text for a in (*c.names, *c.demonyms)))
    }
    out = dict(countries)
    for code, words in country_adjectives().items():
        country = out.get(code)
        if country is None or country.demonyms:
            continue
        fresh = [w for w in words if normalize_name(w) not in taken]
        if fresh:
            demonyms = tuple(Alias(w, "en") for w in fresh)
            out[code] = dataclasses.replace(country, demonyms=demonyms)
    return out


class _Builder:
    """Collects checked records from many files and catches clashes between them."""

    def __init__(self) -> None:
        self.people: dict[str, Actor] = {}
        self.organisations: dict[str, Organisation] = {}
        self.countries = iso_countries()
        self.curated: set[str] = set()
        self.origin: dict[str, Where] = {}

    def add_file(self, path: Path) -> None:
        for where, record in read_jsonl(path):
            if not isinstance(record, dict):
                raise where.fail("each line must hold one JSON object")
            kind = record_kind(record, where)
            if kind == "person":
                self._add_person(check_person(record, where), where)
            elif kind == "organisation":
                self._add_org(check_organisation(record, where), where)
            else:
                self._add_country(check_country(record, where), where)

    def _claim_id(self, record_id: str, where: Where) -> None:
        if record_id in self.origin:
            first = self.origin[record_id]
            raise where.fail(
                f"duplicate id {record_id!r} (first defined at {first.path}:{first.line})"
            )
        self.origin[record_id] = where

    def _add_person(self, actor: Actor, where: Where) -> None:
        self._claim_id(actor.id, where)
        self.people[actor.id] = actor

    def _add_org(self, org: Organisation, where: Where) -> None:
        self._claim_id(org.id, where)
        self.organisations[org.id] = org

    def _add_country(self, country: Country, where: Where) -> None:
        if country.code in self.curated:
            first = self.origin[country.code]
            raise where.fail(
                f"duplicate country {country.code} (first defined at {first.path}:{first.line})"
            )
        self.curated.add(country.code)
        self.origin[country.code] = where
        base = self.countries[country.code]
        extra = tuple(a for a in base.names if a.text != country.name)
        if base.name != country.name:
            extra += (Alias(base.name, "en"),)
        self.countries[country.code] = Country(
            code=country.code,
            alpha2=country.alpha2,
            name=country.name,
            names=country.names + extra,
            demonyms=country.demonyms,
            capital=country.capital,
            metonyms=country.metonyms,
            leader=country.leader,
        )

    def finish(self, role_words: dict[str, Any]) -> KnowledgeBase:
        self._check_references()
        countries = with_coded_demonyms(self.countries)
        return KnowledgeBase(self.people, countries, self.organisations, role_words)

    def _check_references(self) -> None:
        for actor in self.people.values():
            for role in actor.roles:
                if role.org is not None and role.org not in self.organisations:
                    raise self.origin[actor.id].fail(
                        f"role {role.role!r} refers to unknown organisation {role.org!r}"
                    )
        for org in self.organisations.values():
            if org.parent is not None and org.parent not in self.organisations:
                raise self.origin[org.id].fail(f"parent {org.parent!r} is not a known organisation")
