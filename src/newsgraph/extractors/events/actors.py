"""Who each side of an event is: argument spans resolved through the entity layer and
coded as CAMEO-style actors (:mod:`newsgraph.kb.actor_codes`); an event keeps only
named sides, and is dropped when no side is resolved (a fact left out beats a wrong one).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.extractors.entities.documents import DOCUMENT_HEADS
from newsgraph.extractors.events.actor_words import (
    BASED_AFTER,
    TIME_WORDS,
    VISITORS,
    actor_phrase,
    person_nouns,
    sector_of,
)
from newsgraph.extractors.events.arguments import BODIES
from newsgraph.kb.actor_codes import (
    ORG_PREFIXES,
    ActorCode,
    adjective_country,
    agent_sector,
    capital_country,
    code_phrase,
    place_country,
)
from newsgraph.kb.load import default_kb
from newsgraph.kb.model import Actor
from newsgraph.records import Event, EventActor, Quote

PLACE_TYPES = frozenset({"GPE", "NORP", "LOC", "FAC"})
# CAMEO sectors of agents that act where they live (police, opposition and protesters,
# civilians, courts, students, labour, legislators, refugees, rebels)
DOMESTIC = frozenset(
    {"COP", "OPP", "CVL", "JUD", "EDU", "LAB", "LEG", "REF", "REB", "HLH", "AGR", "ETH"}
)
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
# sectors that speak for their state's executive: their own country is never their target
EXECUTIVE = frozenset({None, "GOV", "MIL", "COP", "SPY"})
POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})
LOCATIVE_PREPS = ("in", "of", "from", "at", "near", "across", "throughout")
ETHNIC = re.compile(r"\bethnic\b", re.IGNORECASE)
# 'the anti-ISIL coalition': the name after 'anti-' is what the group is against
OPPOSED = re.compile(r"\banti[-\u2011 ]?(?=\w)", re.IGNORECASE)


def resolved_events(found: Iterable[Event]) -> list[Event]:
    """Events with their unnamed actors dropped, kept when one side is resolved.

    A domestic agent without a country (police, protesters, students, a court) takes
    the country of the place the event happened in ('police arrested protesters in
    Cairo': EGY COP -> EGY OPP); soldiers, governments and foreigners do not (troops and
    ministers act abroad as often as at home)."""
    out = []
    for event in found:
        home = place_country(event.place) if event.place else None
        # a visit's place is where the visitors went, not where they come from
        # ('lawmakers of Russia's State Duma arrived in Syria')
        visiting = (event.cameo or "").startswith("042")
        source = tuple(_at_home(a, None if visiting else home) for a in event.source if is_named(a))
        target = tuple(
            _at_home(a, home)
            for a in event.target
            if is_named(a) and not any(_same(a, s) for s in source)
        )
        if any(is_resolved(a) for a in (*source, *target)):
            out.append(dataclasses.replace(event, source=source, target=target))
    return out


def _at_home(actor: EventActor, country: str | None) -> EventActor:
    """A domestic agent with no country of its own gets the event's country."""
    if country is None or actor.country or actor.entity or actor.sector not in DOMESTIC:
        return actor
    if actor.name.lower().split()[-1:] and actor.name.lower().split()[-1].rstrip("s") in VISITORS:
        return actor  # 'rebel delegations' welcomed in Geneva are not Swiss
    code = country + (actor.code or actor.sector or "")
    return dataclasses.replace(actor, country=country, code=code)


def _same(a: EventActor, b: EventActor) -> bool:
    """One actor on both sides ('Benkirane proposed to rebuild his coalition'), or a
    target that is the source's own country as its government ('Trump reaffirmed
    Washington's policy', a Pentagon spokesman who 'denied US involvement'): a misreading,
    an actor does not act on itself. Courts and legislatures do act on their own state."""
    if a.entity and a.entity == f"country:{b.country}" and b.sector in EXECUTIVE:
        return True
    if a.entity or b.entity:
        return a.entity == b.entity
    return a.name == b.name and a.country == b.country


def _one_person(text: str) -> bool:
    """'an Australian', 'the Spaniard', 'a 39-year-old Frenchman': an article and a
    singular demonym name one person (not 'the Chinese', 'the Swiss', 'Iraqis')."""
    words = text.split()
    articles = [i for i, w in enumerate(words[:-1]) if w.lower() in ("a", "an", "the")]
    if not articles or any(not w[:1].isalnum() for w in words[articles[-1] :]):
        return False  # no article right before the name ('An Australian born in Iran')
    if any(w[:1].isupper() and i > articles[-1] for i, w in enumerate(words[:-1])):
        return False  # 'the Australian Government': a name of something else
    last = words[-1].lower()
    return words[-1][:1].isupper() and not last.endswith(("s", "ese", "sh", "ch"))


def is_named(actor: EventActor) -> bool:
    """Whether an actor names someone: an entity, a country, or a coded phrase."""
    return bool(actor.entity or actor.country or actor.code or actor.sector)


def is_resolved(actor: EventActor) -> bool:
    """A resolved actor: an entity id, a country, or an international organisation."""
    return bool(actor.entity or actor.country or (actor.code or "").startswith(ORG_PREFIXES))


def event_actor(
    layer: Any, start: int, end: int, quotes: Sequence[Quote] = ()
) -> EventActor | None:
    """The actor of an event argument span: an entity of the layer with its country and
    sector from the KB, completed by the CAMEO-style code of the phrase
    (:func:`newsgraph.kb.actor_codes.code_phrase`).

    * The entity is the actor when it heads the phrase ('Russian President Vladimir
      Putin', 'Salaheddine Sidhoum, Algeria's leading activist', 'Moscow'); a country
      the phrase states fills a missing one ('Nigerian minister Dubem Oniya': NGA) and
      overrides a KB country that contradicts it (a name linked to the wrong person).
    * An entity that only modifies the phrase ('the German government', "bin Laden's
      al-Qaeda network", 'Red Cross officials', 'Putin's aides') is not the actor: the
      phrase is an organisation or a typed agent, with the entity's country when the
      phrase names none; a person owning a thing is the actor ("McCarthy's motion").
    * A capital standing alone is its government ('Moscow said': RUS, GOV); an ethnic
      group ('ethnic Albanians') has no country of its own (it takes the place's).

    * 'I', 'me', 'my' inside a direct quote are its speaker ('"I want to reiterate my
      invitation," Putin said'); elsewhere they name no one.

    None when the span resolves to nothing (the coder then codes the bare phrase).
    """
    text = layer.text[start:end]
    if text.lower() in FIRST_PERSON:
        return _quoted_speaker(layer, start, quotes)
    speaker = layer.resolve(start, end)
    if speaker is None and _owned_body(text):
        # "May's government", "Putin's army": a body is its owner's (the layer gives the
        # owner only when asked; "Trump's nominee" stays no one, below)
        speaker = layer.resolve(start, end, owners=True)
    person = _person_at_end(layer, start, end)
    if person is not None and speaker is None:
        speaker = layer.resolve(*person[1])  # "Vimeo's general counsel, Michael Cheah"
    if person is not None and speaker is not None and speaker.entity != person[0]:
        # 'former European Parliament President Martin Schulz': the person the title ends on
        speaker = layer.resolve(*person[1])
    if speaker is None or speaker.entity is None:
        return None
    code = code_phrase(actor_phrase(text))  # not the backer of 'US-backed forces'
    entity = layer.entity(speaker.entity)
    kind = entity.type if entity else ""
    if code is None and _unknown_place(entity, start, end, layer.text):
        return None  # 'seized the town of Deir Kamal', 'the Wadi Sirr district': a place
    if _cut_name(entity, start, end, layer.text):
        return None  # 'returned to Mar-a-Lago' tagged a person 'Mar': a piece of a name
    longer = _longer_name(entity, start, end, layer.text)
    longer_code = code_phrase(longer) if longer is not None else None
    if longer_code is not None and longer_code.code.startswith(ORG_PREFIXES):
        longer = None  # 'the UN Development Program': a body the codes know as the UN's
    if longer is not None:
        # 'the House Freedom Caucus' tagged 'House': the caucus, not the House; 'House
        # Bill 2' is a text, no one
        if any(w.lower() in DOCUMENT_HEADS for w in longer.split()[1:]):
            return None  # (the run after the mention holds the last word)
        home = entity.country if entity is not None else None
        head = longer.split()[-1]
        role = (
            sector_of(head) or agent_sector(head) or ("LEG" if head.lower() == "caucus" else None)
        )
        return EventActor(None, longer, home, role, _join(home, role))
    if _owned_by_pronoun(entity, start, end, layer.text):
        return None  # 'its Western allies': the allies are not whoever 'its' is
    if _based_in(entity, start, end, layer.text):
        return None  # 'a Qatar-based network', 'a London-based group': only where it sits
    if _opposed(layer, speaker.entity, start, end):
        return None  # 'the anti-ISIL coalition' is not the Islamic State
    if code is not None and code.sector in ("REB", "UAF") and code.country:
        stated = _stated_country(text, code)
        if stated and stated != code.country and code.code.startswith(code.country):
            # 'the Pakistani Taliban': the group of the country the phrase states
            code = dataclasses.replace(code, country=stated, code=stated + code.code[3:])
    outside = _outside_name(entity, start, end, layer.text) if kind == "PERSON" else None
    if code is not None and code.country and outside is not None:
        bare = code_phrase(outside) if outside else None
        if bare is None or not bare.country:
            code = bare  # 'Senator Leila de Lima' is no Peruvian, 'Paris Hilton' no Frenchwoman
    kb = default_kb()
    known = kb.people.get(speaker.entity) or kb.organisations.get(speaker.entity)
    country = (entity.country if entity else None) or getattr(known, "country", None)
    sector = getattr(known, "sector", None)
    if isinstance(known, Actor):  # Mark Rutte in 2017: the prime minister, not NATO's head
        sector = known.sector_on(layer.day)
    name = speaker.name or (entity.name if entity else "")
    unplaced = kind == "NORP" and not country and (code is None or not code.sector)
    if unplaced and not _heads(entity, start, end, layer.text):
        return None  # 'This southern African country': a continent's word names no one
    if ETHNIC.search(text) and kind in PLACE_TYPES:
        return EventActor(None, text, None, "ETH", "ETH")
    business = kind in PLACE_TYPES and sector_of(text.split()[-1]) == "BUS"
    if business and not _heads(entity, start, end, layer.text):
        return EventActor(None, text, country, "BUS", (country or "") + "BUS")  # 'The French firm'
    if kind == "NORP" and _body_of_people(text) and not _heads(entity, start, end, layer.text):
        # 'A Russian zoo is suing', 'the Italian cyclist': one body or person of the
        # people the adjective names, not the country
        # no sector: as the people's actor it stood for, it acts in its country's name
        home = country or next((c for w in text.split() if (c := adjective_country(w))), None)
        if home is not None:  # no country to act for: the phrase's other words decide
            return EventActor(None, _role_name(text), home, None, home)
    people = adjective_country(text) if kind == "NORP" else None
    if people is not None and _one_person(layer.text[max(0, start - 40) : start] + text):
        # 'An Australian born in Iran killed ...', 'The Spaniard': one person of the country
        return EventActor(None, text, people, None, people)
    if people is not None:  # 'the French election', 'Iraqis': the country
        known_people = kb.countries.get(people)
        label = known_people.name if known_people else name
        return EventActor(f"country:{people}", label, people, None, people)
    if kind in ("LOC", "FAC") and not country and code is None:
        return None  # a continent, a sea, a building: no actor ('a pivot to Asia')
    capital = capital_country(text) if kind in PLACE_TYPES else None
    if capital is not None and code is not None and code.sector == "GOV":
        # 'Moscow said', 'talks in Moscow' -> the country, as its government
        known_country = kb.countries.get(capital)
        label = known_country.name if known_country else name
        return EventActor(f"country:{capital}", label, capital, "GOV", capital + "GOV")
    if kind == "ORG" and _one_member(text) and not _heads(entity, start, end, layer.text):
        # 'The European Parliament member', 'the Brexit secretary': one person of the body
        # (or of the matter) the name modifies, named by the role, linked to the body as
        # CAMEO codes them ('an SDF spokesman' stays resolved through the SDF)
        home = country or (code.country if code is not None else None)
        role = sector or (code.sector if code is not None else None) or sector_of(text.split()[-1])
        full = code.code if code is not None and code.country == home else _join(home, role)
        return EventActor(speaker.entity, _role_name(text), home, role, full)
    if kind == "PERSON" and _one_member(text) and not _heads(entity, start, end, layer.text):
        # 'The Brexit secretary' with 'Brexit' tagged a person, 'a Trump adviser': a name
        # before a role's noun says whose or of what the role is; the one holding it is
        # someone else, named only by the role
        role = code.sector if code is not None and code.sector else sector_of(text.split()[-1])
        home = code.country if code is not None else None
        return EventActor(None, _role_name(text), home, role, _join(home, role))
    organisation = code is not None and code.name != text  # the phrase names an org
    last = text.split()[-1]
    owner = kind == "PERSON" and not organisation and agent_sector(last) is None
    word = last.lower()
    owned = re.search(r"['’]s?\s", text) is not None  # "Trump's nominee", not 'the candidate'
    if owner and owned and _person_word(word) and not _named_first(entity, start, layer.text):
        return None  # "Trump's nominee", "May's spokesman": someone else, not the owner
    if code is not None and not owner and not _heads(entity, start, end, layer.text):
        if kind == "ORG":  # 'the Palestinian Islamic Jihad movement', 'Red Cross officials'
            home = country or code.country or _stated_country(text, code)
            return EventActor(speaker.entity, name, home, sector or code.sector, code.code)
        if code.code.startswith(ORG_PREFIXES):
            return EventActor(None, code.name, code.country, code.sector, code.code)
        if code.sector:
            home = code.country or country
            own = (
                code.code[3:] if code.country and code.code.startswith(code.country) else code.code
            )
            return EventActor(None, text, home, code.sector, (home or "") + own)
    if code is not None and kind == "NORP" and word in GROUP_WORDS and not _has_complement(text):
        # 'Several Ukrainian factions', 'Russian financial institutions': a part of the
        # people, with its country, not the country itself
        return EventActor(None, text, code.country or country, None, code.code)
    placed = code is not None and not code.sector and capital is None
    if kind in PLACE_TYPES and placed and country and _placed(entity, start, end, layer.text):
        return EventActor(None, text, country, None, country)  # 'a senior general in Sudan'
    agent = code is not None and bool(code.sector or code.code.startswith(ORG_PREFIXES))
    if (
        kind == "GPE"
        and capital is None
        and not agent
        and not _heads(entity, start, end, layer.text)
    ):
        # 'A Philadelphia man', 'a New York City bar': a city that only says where the
        # head is from is not the actor; a person of it is a civilian of its country
        home = country or (code.country if code is not None else None)
        if _person_word(word):
            return EventActor(None, text, home, "CVL", _join(home, "CVL"))
        return None

    if code is not None:
        org = code.code.startswith(ORG_PREFIXES)
        if kind == "PERSON" and org:
            code = None  # an organisation only in the person's title: keep the person
        elif country is None or (org and kind != "PERSON"):
            country = code.country
        elif kind == "PERSON" and code.country and code.country != country:
            # the text says 'Jordan's King Abdullah': the link to a KB person of another
            # country is doubtful; keep the name and the stated country, not the id
            return EventActor(None, name, code.country, code.sector, code.code)
        if code is not None:
            sector = sector or code.sector
    full = code.code if code is not None and (code.country == country or not country) else None
    return EventActor(speaker.entity, name, country, sector, full or _join(country, sector))


def _named_first(entity: Any, start: int, text: str) -> bool:
    """The phrase opens with the person's name and an apposition follows ("Zhang Yan, the
    city's Party chief"): the person, whoever the title's owner is."""
    return entity is not None and any(
        m.start == start and text[m.end : m.end + 1] == "," for m in entity.mentions
    )


def _owned_body(text: str) -> bool:
    """ "May's government", "the Kremlin's army": a body named by its owner."""
    words = text.split()
    return (
        len(words) >= 2 and bool(re.search(r"['’]s?$", words[-2])) and words[-1].lower() in BODIES
    )


# nouns a place name before or after them makes a place ('the X district', 'the town of X')
# (wider than entities.phrase_head.PLACE_HEADS, the heads whose "of" names them, and
# unlike events.arguments.PLACE_HEADS, the places where something happens)
PLACE_NOUNS = frozenset(
    {"district", "town", "village", "city", "province", "governorate", "region", "suburb",
     "neighbourhood", "neighborhood", "area", "zone", "municipality", "county", "camp"}
)  # fmt: skip
# nouns closing the name of a built thing ('the Vardar Bridge', 'the Kajaki Dam'): a
# structure, hit or held, never a side (whatever type the tagger gives the name); not
# 'street', whose names stand for bodies ('Downing Street said')
STRUCTURE_NOUNS = frozenset(
    {"bridge", "dam", "airport", "airbase", "highway", "tunnel", "canal", "pipeline",
     "railway"}
)  # fmt: skip


def _unknown_place(entity: Any, start: int, end: int, text: str) -> bool:
    """A place the KB does not know, which names no side: a name the text calls a
    place ('the town of Wadi Sirr', 'the Wadi Sirr district', whatever type the tagger
    gives it)."""
    if entity is None or not str(entity.id).startswith("local:") or entity.country:
        return False
    words = re.findall(r"[\w'-]+", text[start:end].lower())
    after = re.findall(r"[\w'-]+", text[end : end + 20].lower())[:1]
    if words and words[-1] in STRUCTURE_NOUNS:
        return True  # 'bombed the Vardar Bridge'
    if (words and words[-1] in PLACE_NOUNS) or (after and after[0] in PLACE_NOUNS):
        return True  # 'the Wadi Sirr district'
    before = re.findall(r"[\w'-]+", text[max(0, start - 40) : start].lower())
    # 'the town of Wadi Sirr'; a bare name tagged a place may stand for a body ('Westminster')
    return before[-1:] == ["of"] and len(before) >= 2 and before[-2] in PLACE_NOUNS


# a name joined by hyphens and small words ('Mar-a-Lago', 'Stratford-upon-Avon')
_JOINED_ON = re.compile(r"-[a-z]+-[A-Z]")


def _cut_name(entity: Any, start: int, end: int, text: str) -> bool:
    """Every mention of the entity in the phrase is the first piece of a longer name
    joined by hyphens ('Mar' of 'Mar-a-Lago'): the tagger cut the name."""
    if entity is None:
        return False
    inside = [m for m in entity.mentions if start <= m.start and m.end <= end]
    return bool(inside) and all(_JOINED_ON.match(text, m.end) for m in inside)


# a run of capitalised words or numbers ('Freedom Caucus', 'Bill 2')
_NAME_RUN = re.compile(r"(?:\s+(?:[A-Z][\w.'’&-]*|\d[\w-]*))+\s*$")


def _longer_name(entity: Any, start: int, end: int, text: str) -> str | None:
    """The longer name the entity only opens, when every mention of it in the phrase is
    followed by capitalised words (or a number) up to the phrase's end: 'the
    conservative House Freedom Caucus' tagged 'House', 'House Bill 2'. The name from the
    entity's mention to the end of the phrase; None when the entity ends the phrase."""
    if entity is None or entity.type == "PERSON":
        return None  # a person's name cut by the tagger is still the person
    inside = [m for m in entity.mentions if start <= m.start and m.end <= end]
    if not inside:
        return None
    stop = start + len(text[start:end].rstrip(" ,.;:"))
    names = []
    for m in inside:
        if m.end >= stop or not _NAME_RUN.fullmatch(text, m.end, stop):
            return None
        if any(w.lower().strip(".,") in TIME_WORDS for w in text[m.end : stop].split()):
            return None  # 'met Trump Friday': a day after the name
        names.append(text[m.start : stop])
    return names[0]


# singular nouns for one person holding a role in a body ('member', 'secretary'); not
# the bodies and groups the wider person-noun tables also hold ('movement', 'government')
ONE_PERSON = frozenset(
    {"member", "secretary", "minister", "official", "spokesman", "spokeswoman",
     "spokesperson", "lawmaker", "mp", "senator", "deputy", "chairman",
     "chairwoman", "leader", "chief", "president", "director", "adviser", "advisor", "aide",
     "envoy", "ambassador", "representative", "general", "commander", "officer",
     "employee", "executive", "lawyer", "candidate", "activist"}
)  # fmt: skip


def _one_member(text: str) -> bool:
    """A phrase ending on a singular noun for one person holding a role ('member',
    'secretary', 'MP') after a name ('The European Parliament member'; not 'Red Cross
    officials', whom CAMEO and a reader take for the body, nor 'the Islamic Jihad
    movement', a body)."""
    words = text.split()
    return len(words) >= 2 and words[-1].lower() in ONE_PERSON


def _role_name(text: str) -> str:
    """The role's words without a leading article ('European Parliament member')."""
    return re.sub(r"^(?:the|a|an|this|that)\s+", "", text.strip(), flags=re.IGNORECASE)


# bodies that are neither agents CAMEO codes nor places: a nationality before them says
# whose they are ('a Russian zoo', 'the Spanish museum')
INSTITUTIONS = frozenset(
    {"zoo", "museum", "gallery", "studio", "hospital", "clinic", "university", "college",
     "school", "academy", "institute", "foundation", "charity", "club", "theatre",
     "theater", "orchestra", "church", "library", "association", "society", "federation"}
)  # fmt: skip


def _body_of_people(text: str) -> bool:
    """A phrase ending on a lower-case singular noun for an institution or a person
    ('A Russian zoo', 'the Italian man'), which a nationality adjective only modifies."""
    words = text.split()
    if len(words) < 2 or not words[-1].isalpha() or not words[-1].islower():
        return False
    word = words[-1]
    if word in GROUPS:
        return False  # 'the pro-Iranian Hizbollah group': a body its own name may code
    return word in INSTITUTIONS or (
        word in person_nouns() and agent_sector(word) is None and sector_of(word) is None
    )


# collective bodies of people, which a name inside the phrase, not the adjective, codes
GROUPS = frozenset(
    {"group", "movement", "faction", "party", "militia", "organisation", "organization",
     "network", "alliance", "front", "wing", "bloc", "camp", "lobby"}
)  # fmt: skip


def _person_word(word: str) -> bool:
    """'nominee', 'man', 'aides': a noun for a person or people."""
    return word in person_nouns() or word.rstrip("s") in person_nouns()


def _person_at_end(layer: Any, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """The person whose name ends the phrase after a title that names a body ('European
    Parliament President Martin Schulz'), with that mention's span; or None."""
    stop = start + len(layer.text[start:end].rstrip(" ,.;:"))
    for entity in layer.entities:
        if entity.type != "PERSON":
            continue
        for m in entity.mentions:
            if m.end == stop and m.start > start:
                return str(entity.id), (m.start, m.end)
    return None


def _quoted_speaker(layer: Any, at: int, quotes: Sequence[Quote]) -> EventActor | None:
    """The speaker of the direct quote around ``at`` (for 'I' / 'my' in it)."""
    for quote in quotes:
        speaker = quote.speaker
        if not (quote.direct and quote.start <= at < quote.end) or speaker is None:
            continue
        s_start, s_end = speaker.start, speaker.end
        if s_start is not None and s_end is not None and not s_start <= at < s_end:
            return event_actor(layer, s_start, s_end)
    return None


def _owned_by_pronoun(entity: Any, start: int, end: int, text: str) -> bool:
    """Whether the entity is found in the phrase only as a possessive pronoun before its
    head ('its Western allies', 'their forces')."""
    if entity is None:
        return False
    inside = [m for m in entity.mentions if m.start < end and start < m.end]
    return bool(inside) and all(
        m.text.lower() in POSSESSIVES and text[m.end : end].strip() for m in inside
    )


def _opposed(layer: Any, entity_id: str, start: int, end: int) -> bool:
    """The phrase's entity is the word after 'anti-' ('anti-Kremlin activists')."""
    for match in OPPOSED.finditer(layer.text, start, end):
        word = re.match(r"[\w.'’-]+", layer.text[match.end() : end])
        if word is None:
            continue
        found = layer.resolve(match.end(), match.end() + word.end())
        if found is not None and found.entity == entity_id:
            return True
    return False


def _based_in(entity: Any, start: int, end: int, text: str) -> bool:
    """Whether the entity is in the phrase only as the place in '<place>-based'."""
    if entity is None:
        return False
    inside = [m for m in entity.mentions if m.start < end and start < m.end]
    return bool(inside) and all(BASED_AFTER.match(text, m.end) for m in inside)


def _stated_country(text: str, code: ActorCode) -> str | None:
    """The nationality a national group's name states ('Palestinian Islamic Jihad': PSE);
    none for international organisations, whose codes carry no country."""
    if code.code.startswith(ORG_PREFIXES):
        return None
    return next((c for w in text.split() if (c := adjective_country(w))), None)


# Nouns for a part of a people that acts on its own: 'the Ukrainian factions' are not
# Ukraine. (Agent nouns with a sector, 'Israeli troops', are coded by the Phoenix table.)
GROUP_WORDS = frozenset(
    {
        "factions",
        "groups",
        "parties",
        "members",
        "institutions",
        "organisations",
        "organizations",
        "tribes",
        "clans",
        "movements",
        "lobbies",
        "associations",
        "unions",
    }
)


def _outside_name(entity: Any, start: int, end: int, text: str) -> str | None:
    """The phrase without the words of the person's own name ('Senator Leila de Lima' ->
    'Senator'), whose words alone may give a country; None when the name is not in the
    phrase or holds a nationality word (a people the tagger took for a person: 'Bosnian
    Serbs')."""
    name = entity.name.split() if entity is not None and entity.name else []
    words = text[start:end].split()
    if not name or not set(name) <= set(words) or any(adjective_country(w) for w in name):
        return None
    return " ".join(w for w in words if w not in name)


def _has_complement(text: str) -> bool:
    """A phrase with a prepositional part ('members of the Ukrainian parliament') is left
    to the rules for complements."""
    return bool(re.search(r"\b(?:of|in|from)\b", text))


def _heads(entity: Any, start: int, end: int, text: str) -> bool:
    """Whether the entity heads the phrase ``start``..``end``: one of its mentions ends
    the phrase or is followed only by an apposition or a prepositional phrase."""
    if entity is None:
        return True
    for m in entity.mentions:
        if m.end <= start or m.start >= end:
            continue
        if _after_locative(text, start, m.start):
            continue  # 'forces in the Chemulpo Bay', 'the president of Armenia'
        rest = text[m.end : end].lstrip()
        if not rest or rest.startswith((",", "(", "of ", "in ", "from ")):
            return True
    return False


def _placed(entity: Any, start: int, end: int, text: str) -> bool:
    """The entity only says where the phrase's head is ('a senior general in South
    Sudan'): every mention of it in the phrase follows a locative preposition."""
    inside = [m for m in entity.mentions if m.start >= start and m.end <= end] if entity else []
    return bool(inside) and all(_after_locative(text, start, m.start) for m in inside)


def _after_locative(text: str, start: int, at: int) -> bool:
    """Whether the words from ``start`` to ``at`` end on a locative preposition (and an
    article): the name after them is where, or whose, the phrase's head is ('the
    president of Armenia', 'forces in the Chemulpo Bay'); not a preposition inside a
    title before a name ('US Secretary of State Rex Tillerson')."""
    words = text[start:at].lower().split()
    if words[-1:] and words[-1] in ("the", "a", "an"):
        words = words[:-1]
    return bool(words) and words[-1] in LOCATIVE_PREPS


def _join(country: str | None, sector: str | None) -> str | None:
    """A CAMEO actor code from its parts ('RUS' + 'GOV'); None without a country."""
    if not country or country == "IGO":
        return None
    return country + (sector or "")


def without_repeats(events: Sequence[Event]) -> list[Event]:
    """An article's events without the re-mentions that name fewer actors: 'Putin met
    Le Pen ... his meeting with the Kremlin leader' is one meeting, told twice, the second
    time without its other side. An event is left out when another of the same type and
    negation, dated the same or undated, has every actor it has and more."""
    out = []
    for event in events:
        mine = _ids(event)
        if not any(
            other is not event
            and other.type == event.type
            and other.negated == event.negated
            and (event.date is None or other.date == event.date)
            and mine < _ids(other)
            for other in events
        ):
            out.append(event)
    return out


def _ids(event: Event) -> frozenset[tuple[str, str]]:
    return frozenset(
        (side, a.entity or a.name.lower())
        for side, actors in (("s", event.source), ("t", event.target))
        for a in actors
    )
