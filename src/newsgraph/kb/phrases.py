"""Read role phrases: "the Kremlin spokesman", "Russian Foreign Minister", "the head of the Kremlin".

A phrase is cut, longest match first, into known pieces: role words and qualifiers
from ``data/role_words.json``, countries (names, demonyms, metonyms) and
organisations from the KB. A phrase with any unknown word ("the former French
president", "the president's wife") is not read at all, so the resolver never
guesses. The result lists role keys to try in order, and where they apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.kb.model import KnowledgeBase
from newsgraph.kb.normalize import normalize_name

MAX_PIECE_WORDS = 5


@dataclass(frozen=True, slots=True)
class RolePhrase:
    """A parsed role phrase: the role keys to try, in order, and where they apply."""

    roles: tuple[str, ...]
    where: str  # ISO alpha-3 code or organisation id


@dataclass
class _Pieces:
    role: Any = None
    country: str | None = None
    org: str | None = None
    institution: str | None = None
    extra: list[str] = field(default_factory=list)
    one_word_role: bool = False


def parse_role_phrase(
    kb: KnowledgeBase, phrase: str, *, country: str | None = None
) -> RolePhrase | None:
    """Parse a role phrase; ``country`` is the default when the phrase names none."""
    pieces = _cut(kb, normalize_name(phrase).split())
    if pieces is None or pieces.role is None:
        return None
    spec = pieces.role if isinstance(pieces.role, dict) else {"role": pieces.role}
    if pieces.org and not pieces.country:
        return _organisation_role(kb, spec, pieces.org)
    code = pieces.country or (country.upper() if country else None)
    if code is None and len(spec.get("countries", ())) == 1 and pieces.one_word_role:
        # "the Taoiseach": a one-word office of one country only, whose name says the
        # country ("the attorney general" or "the house speaker" may be another's)
        code = spec["countries"][0]
    if code is None or code not in kb.countries:
        return None
    if "countries" in spec and code not in spec["countries"]:
        return None
    if "orgs" in spec:
        return None
    role = spec.get("by_country", {}).get(
        code, spec["role"]
    )  # Iran's president heads the government
    roles = _country_roles(kb, role, code, pieces.institution)
    return RolePhrase(roles, code) if roles else None


def _cut(kb: KnowledgeBase, tokens: list[str]) -> _Pieces | None:
    """Split tokens into known pieces; None if a word is unknown or pieces clash."""
    table = kb.role_words
    pieces = _Pieces()
    i = 0
    while i < len(tokens):
        if tokens[i] in table["ignore"]:
            i += 1
            continue
        size, kind, value = _longest_piece(kb, tokens, i)
        if size == 0 or not _place(pieces, kind, value):
            return None
        if kind == "role":
            pieces.one_word_role = size == 1
        i += size
    return pieces


def _longest_piece(kb: KnowledgeBase, tokens: list[str], i: int) -> tuple[int, str, Any]:
    """The longest known piece starting at ``tokens[i]``: (words, kind, value).

    Role words, qualifiers and countries win over organisations, so "Russian
    Foreign Ministry spokeswoman" reads as country + qualifier + role rather than
    as the ministry's own (unknown) spokesperson role.
    """
    table = kb.role_words
    sizes = range(min(MAX_PIECE_WORDS, len(tokens) - i), 0, -1)
    for size in sizes:
        key = " ".join(tokens[i : i + size])
        if key in table["roles"]:
            return size, "role", table["roles"][key]
        if key in table["qualifiers"]:
            return size, "qualifier", table["qualifiers"][key]
        hits = kb.country_index.get(key)
        if hits:
            return size, "country", hits[0]
    for size in sizes:
        orgs = kb.org_index.get(" ".join(tokens[i : i + size]))
        if orgs:
            return size, "org", orgs[0]
    return 0, "", None


def _place(pieces: _Pieces, kind: str, value: Any) -> bool:
    """Record a piece; False when it clashes with one already seen."""
    if kind == "role":
        if pieces.role is not None and pieces.role != value:
            return False
        pieces.role = value
    elif kind == "qualifier":
        if value is not None:
            pieces.institution = value
    elif kind == "country":
        if pieces.country is not None and pieces.country != value.code:
            return False
        pieces.country = value.code
        if value.institution and value.institution != "government":
            pieces.institution = value.institution
        elif value.institution == "government" and pieces.institution is None:
            pieces.institution = "government"
    elif kind == "org":
        if pieces.org is not None and pieces.org != value:
            return False
        pieces.org = value
    return True


def _country_roles(
    kb: KnowledgeBase, role: str, code: str, institution: str | None
) -> tuple[str, ...]:
    """Concrete role keys for a generic role word in a country."""
    qualified = kb.role_words["qualified"].get(role)
    if qualified is None:
        return (role,)
    options = qualified.get(institution or "", [])
    leader = kb.countries[code].leader
    return tuple(leader if option == "@leader" else option for option in options)


def _organisation_role(kb: KnowledgeBase, spec: dict[str, Any], org: str) -> RolePhrase | None:
    """Role keys for a phrase about an organisation ("the NATO chief")."""
    if "countries" in spec:
        return None
    if "orgs" in spec and org not in spec["orgs"]:
        return None
    role = kb.role_words["organisation_roles"].get(spec["role"], spec["role"])
    by_kind = kb.role_words.get("organisation_kind_roles", {}).get(kb.organisations[org].kind, {})
    return RolePhrase((by_kind.get(role, role),), org)
