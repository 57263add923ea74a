"""Checks every KB record before it is used; a bad record names its file and line.

Three kinds of record share the JSON Lines format; the kind is told by the keys:
a record with ``roles`` is a person, one with ``code`` a country, one with ``kind``
an organisation. Each check returns the record converted to a dataclass or raises
:class:`KnowledgeBaseError` (a ``ValueError``) with ``path:line: message``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import pycountry

from newsgraph.kb.model import Actor, Alias, Country, Metonym, Organisation, Role

PERSON_KEYS = {"id", "wikidata", "name", "aliases", "country", "sector", "roles"}
ROLE_KEYS = {"role", "title", "country", "org", "start", "end", "note"}
ORG_KEYS = {"id", "wikidata", "name", "kind", "aliases", "country", "sector", "parent"}
COUNTRY_KEYS = {"code", "name", "names", "demonyms", "capital", "metonyms", "leader"}
LEADER_ROLES = {"head_of_state", "head_of_government"}

_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROLE_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_SECTOR = re.compile(r"^[A-Z]{2,4}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


class KnowledgeBaseError(ValueError):
    """A KB data file holds a record that breaks the schema."""


class Where:
    """The place a record came from, for error messages."""

    def __init__(self, path: str, line: int) -> None:
        self.path, self.line = path, line

    def fail(self, message: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"{self.path}:{self.line}: {message}")


def record_kind(record: Mapping[str, Any], where: Where) -> str:
    """``person``, ``country`` or ``organisation``, told by the record's keys."""
    if "roles" in record:
        return "person"
    if "code" in record:
        return "country"
    if "kind" in record:
        return "organisation"
    raise where.fail(
        "cannot tell the kind of record: a person needs 'roles', a country 'code', "
        "an organisation 'kind'"
    )


def check_person(record: Mapping[str, Any], where: Where) -> Actor:
    """Validate a person record and build its :class:`Actor`."""
    _check_keys(record, PERSON_KEYS, {"id", "name", "roles"}, where)
    actor_id = _text(record, "id", where)
    wikidata = _qid(record.get("wikidata"), where)
    if _QID.match(actor_id) and wikidata != actor_id:
        raise where.fail(f"id {actor_id!r} is a Wikidata id but 'wikidata' is {wikidata!r}")
    roles = record["roles"]
    if not isinstance(roles, list):
        raise where.fail("'roles' must be a list")
    return Actor(
        id=actor_id,
        name=_text(record, "name", where),
        wikidata=wikidata,
        country=_country_code(record.get("country"), "country", where),
        sector=_sector(record.get("sector"), where),
        aliases=_aliases(record.get("aliases", {}), "aliases", where),
        roles=tuple(_role(r, i, where) for i, r in enumerate(roles)),
        source=where.path,
    )


def check_organisation(record: Mapping[str, Any], where: Where) -> Organisation:
    """Validate an organisation record and build its :class:`Organisation`."""
    _check_keys(record, ORG_KEYS, {"id", "name", "kind"}, where)
    parent = record.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise where.fail("'parent' must be an organisation id or null")
    return Organisation(
        id=_text(record, "id", where),
        name=_text(record, "name", where),
        kind=_text(record, "kind", where),
        sector=_sector(record.get("sector"), where),
        country=_country_code(record.get("country"), "country", where),
        wikidata=_qid(record.get("wikidata"), where),
        aliases=_aliases(record.get("aliases", {}), "aliases", where),
        parent=parent,
        source=where.path,
    )


def check_country(record: Mapping[str, Any], where: Where) -> Country:
    """Validate a curated country record and build its :class:`Country`."""
    _check_keys(record, COUNTRY_KEYS, {"code", "name"}, where)
    code = _country_code(record["code"], "code", where)
    assert code is not None  # required key, checked above
    iso = pycountry.countries.get(alpha_3=code)
    if iso is None:
        raise where.fail(f"'code' {code!r} is not an ISO 3166 alpha-3 country code")
    leader = record.get("leader", "head_of_state")
    if leader not in LEADER_ROLES:
        raise where.fail(f"'leader' must be one of {sorted(LEADER_ROLES)}, not {leader!r}")
    capital = record.get("capital")
    if capital is not None and not isinstance(capital, str):
        raise where.fail("'capital' must be a string or null")
    return Country(
        code=code,
        alpha2=iso.alpha_2,
        name=_text(record, "name", where),
        names=_aliases(record.get("names", {}), "names", where),
        demonyms=_aliases(record.get("demonyms", {}), "demonyms", where),
        capital=capital,
        metonyms=_metonyms(record.get("metonyms", []), where),
        leader=leader,
    )


def parse_date(value: Any, field: str, where: Where) -> date:
    """A ``YYYY-MM-DD`` string as a date, or a clear error."""
    if not isinstance(value, str) or not _DATE.match(value):
        raise where.fail(f"{field} must be a date written YYYY-MM-DD, not {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise where.fail(f"{field} is not a real date: {value!r} ({exc})") from None


def _role(record: Any, index: int, where: Where) -> Role:
    label = f"roles[{index}]"
    if not isinstance(record, Mapping):
        raise where.fail(f"{label} must be an object")
    _check_keys(record, ROLE_KEYS, {"role", "title", "start"}, where, label=label)
    role = record["role"]
    if not isinstance(role, str) or not _ROLE_KEY.match(role):
        raise where.fail(
            f"{label}.role must be a snake_case key such as 'head_of_state', not {role!r}"
        )
    start = parse_date(record["start"], f"{label}.start", where)
    end = record.get("end")
    end_date = None if end is None else parse_date(end, f"{label}.end", where)
    if end_date is not None and end_date < start:
        raise where.fail(f"{label} ends ({end}) before it starts ({record['start']})")
    country = _country_code(record.get("country"), f"{label}.country", where)
    org = record.get("org")
    if org is not None and not isinstance(org, str):
        raise where.fail(f"{label}.org must be an organisation id or null")
    if country is None and org is None:
        raise where.fail(f"{label} needs a 'country' or an 'org'")
    note = record.get("note")
    return Role(
        role=role,
        title=_text(record, "title", where, label),
        start=start,
        end=end_date,
        country=country,
        org=org,
        note=note if isinstance(note, str) else None,
    )


def _check_keys(
    record: Mapping[str, Any],
    allowed: set[str],
    required: set[str],
    where: Where,
    label: str = "record",
) -> None:
    if not isinstance(record, Mapping):
        raise where.fail(f"{label} must be a JSON object")
    missing = sorted(required - record.keys())
    if missing:
        raise where.fail(f"{label} lacks required key(s): {', '.join(missing)}")
    unknown = sorted(record.keys() - allowed)
    if unknown:
        raise where.fail(
            f"{label} has unknown key(s): {', '.join(unknown)} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )


def _text(record: Mapping[str, Any], key: str, where: Where, label: str = "") -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        name = f"{label}.{key}" if label else key
        raise where.fail(f"{name} must be a non-empty string, not {value!r}")
    return value


def _qid(value: Any, where: Where) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _QID.match(value):
        raise where.fail(f"wikidata must be a Wikidata id like 'Q7747' or null, not {value!r}")
    return value


def _sector(value: Any, where: Where) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _SECTOR.match(value):
        raise where.fail(f"sector must be an upper-case code such as GOV, OPP, MIL, not {value!r}")
    return value


def _country_code(value: Any, field: str, where: Where) -> str | None:
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or len(value) != 3
        or not value.isupper()
        or pycountry.countries.get(alpha_3=value) is None
    ):
        raise where.fail(f"{field} must be an ISO 3166 alpha-3 code such as 'FRA', not {value!r}")
    return value


def _aliases(value: Any, field: str, where: Where) -> tuple[Alias, ...]:
    if not isinstance(value, Mapping):
        raise where.fail(f"{field} must be an object of language -> list of names")
    aliases: list[Alias] = []
    for lang, names in value.items():
        if not isinstance(lang, str) or not _LANG.match(lang):
            raise where.fail(f"{field} has a bad language code {lang!r} (use 'en', 'fr', 'ru'...)")
        if (
            not isinstance(names, Sequence)
            or isinstance(names, str)
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            raise where.fail(f"{field}.{lang} must be a list of non-empty strings")
        aliases.extend(Alias(n, lang) for n in names)
    return tuple(aliases)


def _metonyms(value: Any, where: Where) -> tuple[Metonym, ...]:
    if not isinstance(value, list):
        raise where.fail("metonyms must be a list of {text, institution}")
    result = []
    for i, item in enumerate(value):
        if (
            not isinstance(item, Mapping)
            or not isinstance(item.get("text"), str)
            or not isinstance(item.get("institution"), str)
        ):
            raise where.fail(
                f"metonyms[{i}] must be an object with string 'text' and 'institution'"
            )
        result.append(Metonym(item["text"], item["institution"]))
    return tuple(result)
