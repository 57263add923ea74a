"""CAMEO-style actor codes: countries, places, organisations and agent sectors.

The tables (``data/cameo_actors.json``) are converted from the PETRARCH2 Phoenix actor and
agent dictionaries (MIT, Open Event Data Alliance; see ``data/LICENSE.phoenix``) by
``eval/build_actor_codes.py``, whose docstring says how each table was made. People are
left out on purpose: the knowledge base in :mod:`newsgraph.kb` has them with dated roles.

Every lookup is case-insensitive and goes through :func:`normalise`, so "the U.N.",
"UN" and "U.N" are one key, and so are "Greek-Cypriot" and "Greek Cypriot".

:func:`code_phrase` codes a short noun phrase the way an event coder would:

* an organisation (longest match) gives its own code: "UN Security Council" is
  ``IGOUNO``; an agent noun beside it only fills ``sector`` ("UN peacekeepers":
  ``IGOUNO``, sector ``MIL``), because IGO and NGO codes already carry their own
  sub-codes and are never extended;
* otherwise a country (name, adjective, capital or place) and an agent noun combine:
  "Jordanian police" is ``JORCOP``, "Iraqi President Saddam Hussein" ``IRQGOV``,
  "the rebels" ``REB`` with no country;
* geography before a locative preposition ("in", "at", "near", "from", ...) wins over
  geography after it: "Iraqi troops in Kuwait" is ``IRQMIL``, "protesters in Cairo"
  ``EGYOPP``;
* a capital standing alone is the government ("Moscow" is ``RUSGOV``); after a
  preposition it is only the place ("in Amman" is ``JOR``);
* a place after a lower-case surname particle ("Leila de Lima") and a nationality word
  ending the phrase right after a given name ("businessman Mark Cuban") are parts of a
  name, no country;
* pronouns, dates, weekdays, numbers and nouns that are not agents give None.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.resources import load_json

# codes of international organisations, NGOs and international armed groups
ORG_PREFIXES = ("IGO", "NGO", "IMG")

__all__ = [
    "ActorCode",
    "adjective_country",
    "agent_sector",
    "capital_country",
    "code_phrase",
    "country_code",
    "normalise",
    "organisation",
    "place_country",
]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[^\w\s]|_")
# "us" in lower or title case is the pronoun; "US" and "U.S." are the country.
_PRONOUN_US = re.compile(r"\b(?:us|Us)\b")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LOCATIVES = _words("in at near inside outside across around from throughout")
_STOP = _words(
    """
    a an the this that these those it its he him his she her hers they them their theirs
    we our ours you your yours i me my mine who whom whose which what one ones some any all
    both each other others another someone somebody everyone nobody none here there
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    week month year day morning afternoon evening night weekend
    zero one two three four five six seven eight nine ten hundred thousand million billion
    first second third last next
    """
)


@dataclass(frozen=True)
class ActorCode:
    """A CAMEO-style actor code.

    ``code`` is the full string ("IRQGOV", "IGOUNO", "JORCOP"); ``country`` is ISO 3166
    alpha-3, "IGO" for intergovernmental organisations, or None (NGOs, international
    armed groups, a bare agent); ``sector`` is the first three-letter role code ("GOV",
    "MIL", "REB", ...) or None; ``name`` is the canonical name of an organisation, or
    the phrase that was coded.
    """

    code: str
    country: str | None
    sector: str | None
    name: str


@dataclass(frozen=True)
class _Tables:
    countries: Mapping[str, str]
    adjectives: Mapping[str, str]
    capitals: Mapping[str, str]
    places: Mapping[str, str]
    geo: Mapping[str, tuple[str, str]]  # key -> (country, kind)
    orgs: Mapping[str, ActorCode]
    agents: Mapping[str, str]
    longest: int


def normalise(text: str) -> str:
    """Lookup key: lower case, no accents, dots, apostrophes or hyphens, no leading "the"."""
    folded = unicodedata.normalize("NFKD", text.translate(_QUOTES).lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _POSSESSIVE.sub("", folded).replace("'", "").replace(".", "")
    words = _NON_WORD.sub(" ", folded).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _org_code(code: str, country: str | None, name: str) -> ActorCode:
    if code.startswith(ORG_PREFIXES):
        return ActorCode(code, "IGO" if code.startswith("IGO") else None, None, name)
    return ActorCode(code, country, code[3:6] or None, name)


# Common news agent nouns the Phoenix agent dictionary lacks (added by the event coder's
# actor rules, issue 17): crowds and detainees are civilians, strikers and miners labour,
# negotiators and delegations government. The Phoenix entries win where both have a word.
EXTRA_AGENTS = {
    **dict.fromkeys(
        [
            "crowd",
            "crowds",
            "youths",
            "youth",
            "prisoners",
            "prisoner",
            "inmates",
            "inmate",
            "supporters",
            "tribesmen",
            "nationals",
            "elders",
            "hostages",
            "hostage",
            "passengers",
        ],
        "CVL",
    ),
    **dict.fromkeys(["strikers", "striker", "miners", "miner"], "LAB"),
    **dict.fromkeys(["negotiators", "negotiator", "delegation", "delegations"], "GOV"),
}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Load the shipped tables once."""
    raw: dict[str, Any] = load_json("newsgraph.kb", "data/cameo_actors.json")
    geo: dict[str, tuple[str, str]] = {}
    # later kinds never overwrite earlier ones: a country name beats a place
    for kind in ("countries", "adjectives", "capitals", "places"):
        for key, country in raw[kind].items():
            geo.setdefault(key, (country, kind))
    orgs: dict[str, ActorCode] = {}
    for key, (code, name) in raw["igos"].items():
        orgs[key] = _org_code(code, None, name)
    for table in ("institutions", "armed_groups"):
        for key, (code, country, name) in raw[table].items():
            orgs.setdefault(key, _org_code(code, country, name))
    for key in [k for k in orgs if " co " in f" {k} "]:
        # "co operative" (how the tables spell "co-operative") also as "cooperative", the
        # form code_phrase reads "co-operative" as
        orgs.setdefault(re.sub(r"\bco (?=\w)", "co", key), orgs[key])
    keys = [*geo, *orgs, *raw["agents"]]
    return _Tables(
        countries=raw["countries"],
        adjectives=raw["adjectives"],
        capitals=raw["capitals"],
        places=raw["places"],
        geo=geo,
        orgs=orgs,
        agents={**EXTRA_AGENTS, **raw["agents"]},
        longest=max(len(k.split()) for k in keys),
    )


def country_adjectives() -> dict[str, list[str]]:
    """Each country code's nationality adjectives and demonyms ("IRL": ["irish", ...]),
    lower case as the tables keep them."""
    out: dict[str, list[str]] = {}
    for word, code in sorted(_tables().adjectives.items()):
        out.setdefault(code, []).append(word)
    return out


def place_country(name: str) -> str | None:
    """The country of a place, capital or country name ("Amman" -> "JOR")."""
    key = normalise(name)
    tables = _tables()
    return tables.places.get(key) or tables.capitals.get(key) or tables.countries.get(key)


def capital_country(name: str) -> str | None:
    """The country whose capital (seat of government) this is ("Moscow" -> "RUS")."""
    return _tables().capitals.get(normalise(name))


def adjective_country(word: str) -> str | None:
    """The country of a nationality adjective or demonym ("Iraqi", "Iraqis" -> "IRQ")."""
    return _tables().adjectives.get(normalise(word))


def country_code(name: str) -> str | None:
    """The country a country name stands for ("the United States", "Britain")."""
    return _tables().countries.get(normalise(name))


def agent_sector(noun: str) -> str | None:
    """The CAMEO sector code of an agent noun ("police" -> "COP", "troops" -> "MIL")."""
    return _tables().agents.get(normalise(noun))


def organisation(name: str) -> ActorCode | None:
    """An IGO, NGO, national body or armed group named in ``name`` (longest match)."""
    tokens = normalise(name).split()
    found = _longest(tokens, _tables().orgs)
    return found[2] if found else None


def _cased(words: Sequence[str], text: str) -> bool:
    """A short acronym key ('un', 'eu') matches only an acronym in the text ('UN',
    'U.N.'), not a name part of the same letters ('Kim Jong Un'); 'Nato' stays NATO."""
    if len(words) != 1 or len(words[0]) > 3 or not words[0].isalpha():
        return True
    dotted = r"\.?".join(re.escape(c) for c in words[0].upper())
    return re.search(rf"(?<![\w.]){dotted}\.?(?!\w)", text) is not None


def _longest(
    tokens: Sequence[str], table: Mapping[str, Any], lo: int = 0, hi: int | None = None
) -> tuple[int, int, Any] | None:
    """The longest run of ``tokens[lo:hi]`` that is a key of ``table`` (leftmost on a tie)."""
    hi = len(tokens) if hi is None else hi
    for size in range(min(_tables().longest, hi - lo), 0, -1):
        for start in range(lo, hi - size + 1):
            value = table.get(" ".join(tokens[start : start + size]))
            if value is not None:
                return start, start + size, value
    return None


def _without_opposed(tokens: list[str], tables: Any) -> list[str]:
    """'the anti-ISIL coalition', 'anti-Kremlin activists': what a group is against is
    not the group, so its word is blanked out, unless the dictionaries name the whole
    phrase ('anti government forces')."""
    out = list(tokens)
    for i, token in enumerate(tokens[:-1]):
        if token != "anti":
            continue
        runs = (" ".join(tokens[i:j]) for j in range(i + 2, len(tokens) + 1))
        if not any(run in tables.orgs or run in tables.agents for run in runs):
            out[i + 1] = ""
    return out


def _outside(tokens: list[str], span: tuple[int, int, Any] | None) -> list[str]:
    """Tokens with a matched span blanked out, so it is not matched twice."""
    if span is None:
        return tokens
    return [*tokens[: span[0]], *([""] * (span[1] - span[0])), *tokens[span[1] :]]


# lowercase particles of surnames ('Leila de Lima', 'Ursula von der Leyen')
NAME_PARTICLES = frozenset(
    {"de", "da", "del", "della", "dos", "das", "di", "du", "van", "von", "der", "bin", "ibn"}
)


def _particle(token: str, text: str, first: bool = False) -> bool:
    """A surname particle, written in lower case in the phrase ('de', not 'De Beers'), or
    capitalised as the phrase's first word before a one-word place ('De Lima has
    denied', a surname that opens a sentence)."""
    if token not in NAME_PARTICLES:
        return False
    if re.search(rf"(?<!\S){token}\s+[A-Z]", text) is not None:
        return True
    words = _POSSESSIVE.sub("", text).split()
    return first and len(words) == 2 and words[0] == token.capitalize()


# words that open a group named by its nationality ("Many Chinese", "Ethnic Russian")
_GROUP_WORDS = _words(
    "many most several few fellow young old ordinary native ethnic local wealthy poor rich "
    "more fewer numerous countless thousands hundreds millions dozens"
)


def _surname_demonym(
    tokens: list[str], place: tuple[int, int, Any], text: str, tables: _Tables
) -> bool:
    """A nationality word ending the phrase right after a capitalised word that is no
    place, agent or organisation: a surname ("Mark Cuban", "Dan English"), not the
    person's country ("Iraqi President Saddam Hussein" and "the Cuban" keep theirs)."""
    start, end, (_, kind) = place
    if kind != "adjectives" or end - start != 1 or end != len(tokens) or start == 0:
        return False
    prev = tokens[start - 1]
    if not prev.isalpha() or prev in _STOP or prev in _GROUP_WORDS or prev in tables.geo:
        return False
    if prev in tables.agents or prev in tables.orgs:
        return False
    words = _POSSESSIVE.sub("", text).split()
    return (
        len(words) >= 2
        and not words[-1].endswith("s")  # 'Many Venezuelans' are a group
        and normalise(words[-1]) == tokens[-1]
        and normalise(words[-2]) == prev
        and words[-2][:1].isupper()
    )


# words that make 'America' or 'American' a continent's part ('Latin America', 'South
# American'), not the United States or its demonym
_CONTINENT_PARTS = frozenset({"latin", "central", "north", "south", "east", "west", "pan"})

# nouns for those in a relation to the country or body before them, never it
_RELATIONAL = _words(
    "ally allies partner partners neighbour neighbours neighbor neighbors rival rivals "
    "enemy enemies foe foes adversary adversaries opponent opponents critic critics"
)


# sectors of armed movements that have national branches named by their country
_ARMED = frozenset({"REB", "UAF", "INS"})


def _stated_before(
    tokens: list[str], place: tuple[int, int, Any] | None, org: tuple[int, int, Any]
) -> str | None:
    """The country a country name or nationality word right before an organisation's
    name states ("Pakistan Taliban", "the Iraqi Hezbollah"); a place, a capital, or a
    word after the name ("the Taliban in Pakistan") states none."""
    if place is None or place[1] != org[0]:
        return None
    country, kind = place[2]
    return country if kind in ("countries", "adjectives") and tokens[place[0]] else None


# the prefix "co-" glued to a word is part of it: "co-operative" is "cooperative", which
# holds no agent noun "operative" (a spy)
_CO_PREFIX = re.compile(r"\b([Cc]o)-(?=[a-z])")


@lru_cache(maxsize=16384)
def code_phrase(text: str) -> ActorCode | None:
    """Code a short noun phrase ("Jordanian police" -> JORCOP); None when it names no actor.
    Cached: event coding asks about the same phrases many times."""
    tokens = normalise(_CO_PREFIX.sub(r"\1", _PRONOUN_US.sub(" ", text))).split()
    if not tokens or all(t in _STOP or t.isdigit() for t in tokens):
        return None
    tables = _tables()
    tokens = _without_opposed(tokens, tables)
    phrase = " ".join(text.split())
    # geography before a locative preposition is the actor's; after it, where it acts
    cut = next((i for i, t in enumerate(tokens) if t in _LOCATIVES), len(tokens))
    org = _longest(tokens, tables.orgs)
    if org is not None and not _cased(tokens[org[0] : org[1]], text):
        org = None  # 'Kim Jong Un' is not the UN
    if org is None and tokens[-1] in _RELATIONAL:
        return None  # "US allies", "Russia's neighbours": others than the country named
    rest = _outside(tokens, org)
    agents = tables.agents
    agent = _longest(rest, agents, 0, cut) or _longest(rest, agents, cut + 1, len(rest))
    rest = _outside(rest, agent)
    place = _longest(rest, tables.geo, 0, cut)
    before = place is not None
    place = place or _longest(rest, tables.geo, cut + 1, len(rest))
    if place is not None and place[0] > 0 and _particle(rest[place[0] - 1], text, place[0] == 1):
        place, before = None, False  # 'Senator Leila de Lima': a surname, no place
    part = place is not None and place[0] > 0 and rest[place[0] - 1] in _CONTINENT_PARTS
    if part and place is not None and rest[place[0]] in ("america", "american", "americans"):
        # 'Latin American nations', 'South Americans', 'across Latin America': a region
        place, before = None, False
    if place is not None and _surname_demonym(tokens, place, text, tables):
        place, before = None, False  # 'businessman Mark Cuban': a surname, no nationality
    country: str | None = place[2][0] if place else None
    agent_code: str | None = agent[2] if agent else None

    if org is not None:
        found: ActorCode = org[2]
        code, sector = found.code, found.sector or (agent_code[:3] if agent_code else None)
        stated = _stated_before(rest, place, org) if found.sector in _ARMED else None
        if found.country is not None and stated is not None and stated != found.country:
            # "the Pakistan Taliban", "Iraqi Hezbollah": the branch of an armed movement
            # in the country the phrase names before it, not the movement's home country
            return ActorCode(stated + code[3:], stated, sector, found.name)
        if found.country is not None or code.startswith(("IGO", "NGO")) or country is None:
            return ActorCode(code, found.country, sector, found.name)
        # a regional or international armed group placed by the phrase:
        # "Palestinian Islamic Jihad" (MEAREB) is PSEREB
        code = code if code.startswith("IMG") else country + code[3:]
        return ActorCode(code, country, sector, found.name)
    if agent_code == "IGO":  # peacekeeping troops, truce monitors: IGO + contributor
        return ActorCode("IGO" + (country or ""), "IGO", None, phrase)
    if agent_code is not None:
        return ActorCode((country or "") + agent_code, country, agent_code[:3], phrase)
    if country is None or place is None:
        return None
    alone = before and all(not t or t in _STOP for t in _outside(rest, place)[:cut])
    if place[2][1] == "capitals" and alone:
        return ActorCode(country + "GOV", country, "GOV", phrase)
    return ActorCode(country, country, None, phrase)
