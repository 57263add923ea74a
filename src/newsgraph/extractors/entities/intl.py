"""Named entities of one French or Russian article, linked to the same KB actors as
in English ("Путину", "Poutine" and "Putin" are one id).

``find_entities(doc, lang=..., published=...)`` returns the same
:class:`~newsgraph.extractors.entities.layer.EntityLayer` as the English layer, so
quotes and events resolve speakers and actors through one ``resolve(start, end)``:

* names are the parser's entities (spaCy's French NER, natasha's Russian NER); a
  person is looked up by its text, then its lemmas ("Пескова" -> "песков"), then
  across scripts (:func:`newsgraph.kb.translit.lookup_any`); a surname alone joins
  the article's full name with that surname; unknown names keep a local id;
* role phrases ("le porte-parole du Kremlin", "глава МИД России") name the holder of
  the role on the article's date (``data/roles_<lang>.json``);
* a subject pronoun ("il", "он") refers to the last person named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import iuliia

from newsgraph.extractors.entities.layer import EntityLayer
from newsgraph.extractors.entities.types import Reference
from newsgraph.kb.load import default_kb
from newsgraph.kb.model import KnowledgeBase
from newsgraph.kb.normalize import is_cyrillic, normalize_name, russian_stem
from newsgraph.kb.resolve import holder, lookup_organisation, match_country
from newsgraph.kb.translit import lookup_any
from newsgraph.records import Entity, Mention
from newsgraph.resources import load_json

_TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "GPE", "GPE": "GPE"}
_SLUG = re.compile(r"[^\w]+")
_LATIN_IN_PARENS = re.compile(r"\(([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'-]+)\)")
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'-]+")
_TITLE = re.compile(
    r"(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Dr|Pr|г-н|г-жа|господин|госпожа)\s+", re.IGNORECASE
)
_ARTICLE = re.compile(r"^(?:la|le|les|l['’])\s*", re.IGNORECASE)


@dataclass
class _Found:
    id: str
    name: str
    type: str
    country: str | None
    mentions: list[Mention]
    surname: str = ""


@lru_cache(maxsize=4)
def role_table(lang: str) -> dict[str, Any]:
    """The role phrases of a language, compiled."""
    table = load_json("newsgraph.extractors.entities", f"data/roles_{lang}.json")
    phrases = [
        {
            **p,
            "regex": re.compile(
                r"(?<!\w)" + p["pattern"].replace("'", "['’]") + r"(?!\w)", re.IGNORECASE
            ),
        }
        for p in table["phrases"]
    ]
    seats = [
        {**p, "regex": re.compile(p["pattern"].replace("'", "['’]"), re.IGNORECASE)}
        for p in table.get("institutions", [])
    ]
    return {**table, "phrases": phrases, "institutions": seats}


def find_entities(
    doc, *, lang: str, published: str | None, kb: KnowledgeBase | None = None
) -> EntityLayer:
    """Entities of a French or Russian ``doc``, linked to the KB on the ``published`` day."""
    kb = kb or default_kb()
    text = doc.text
    found: dict[str, _Found] = {}
    people_at: list[tuple[int, str]] = []  # (start, entity id) of person mentions
    ents = list(doc.ents)
    for n, span in enumerate(ents):
        kind = _TYPES.get(span.label_)
        if kind is None:
            continue
        mention = Mention(span.start_char, span.end_char, span.text)
        given = _given_in_parens(text, span, ents[n + 1] if n + 1 < len(ents) else None)
        entity = _link(kb, given or span, kind, lang, published, found)
        if entity is None:
            continue
        entity.mentions.append(mention)
        if entity.type == "PERSON":
            people_at.append((span.start_char, entity.id))
    references = _role_references(kb, text, lang, published, found)
    for ref in references:
        people_at.append((ref.start, ref.entity))
    references += _pronoun_references(doc, lang, sorted(people_at), found)
    for ref in references:
        found[ref.entity].mentions.append(Mention(ref.start, ref.end, ref.text))
    entities = tuple(
        sorted(
            (
                Entity(
                    f.id,
                    f.name,
                    f.type,
                    f.country,
                    tuple(sorted(set(f.mentions), key=lambda m: (m.start, m.end))),
                )
                for f in found.values()
                if f.mentions
            ),
            key=lambda e: e.mentions[0].start,
        )
    )
    return EntityLayer(entities, tuple(references), (), text, heads=False)


def _link(
    kb: KnowledgeBase, span, kind: str, lang: str, published: str | None, found: dict[str, _Found]
) -> _Found | None:
    text = span.text.strip(" «»\"'")
    given = _LATIN_IN_PARENS.search(text)
    if given and kind == "PERSON":  # "Эммануэль Макрон (Emmanuel Macron)": the Latin name links
        text = given.group(1).strip()
        lemma = None
    lemma = " ".join(t.lemma_ for t in span) if lang == "ru" else None
    if kind == "PERSON":
        return _person(kb, text, lemma, lang, published, found)
    seat = _institution(text, lang)
    if seat is not None:  # "le Kremlin a jugé": the seat of power, as English links it
        return found.setdefault(
            seat["id"], _Found(seat["id"], seat["name"], "ORG", seat["country"], [])
        )
    if kind == "GPE":  # "le ministère russe des Affaires étrangères" tagged as a place
        bare = _ARTICLE.sub("", text)
        orgs = lookup_organisation(kb, bare) or (lookup_organisation(kb, lemma) if lemma else [])
        if orgs:
            org = orgs[0]
            return found.setdefault(org.id, _Found(org.id, org.name, "ORG", org.country, []))
    if kind == "ORG":
        orgs = lookup_organisation(kb, text) or (lookup_organisation(kb, lemma) if lemma else [])
        if not orgs and lang == "ru":  # "МИД", "Минобороны" in Russian news: Russia's
            orgs = lookup_organisation(kb, f"{text} России")
        if orgs:
            org = orgs[0]
            return found.setdefault(org.id, _Found(org.id, org.name, "ORG", org.country, []))
    country = country_of(kb, text, lemma)
    if country is not None:
        key = f"country:{country}"
        return found.setdefault(key, _Found(key, kb.countries[country].name, "GPE", country, []))
    local = f"local:{kind.lower()}:{_slug(lemma or text)}"
    return found.setdefault(local, _Found(local, _display(text, lemma), kind, None, []))


def _given_in_parens(text: str, span, nxt):
    """The name given right after ``span`` in parentheses, in Latin letters and of
    the same type ("Катрин Колонна (Catherine Colonna)"): the original spelling links
    both mentions to one entity."""
    if nxt is None or nxt.label_ != span.label_ or not _LATIN_NAME.fullmatch(nxt.text):
        return None
    between = text[span.end_char : nxt.start_char]
    return nxt if between.strip() == "(" and text[nxt.end_char : nxt.end_char + 1] == ")" else None


def _institution(text: str, lang: str) -> dict[str, Any] | None:
    """The seat of power a whole name is ("Kremlin", "l'Élysée", "Кремля")."""
    bare = _ARTICLE.sub("", text)
    for seat in role_table(lang).get("institutions", []):
        if seat["regex"].fullmatch(bare):
            return seat
    return None


def _person(
    kb: KnowledgeBase,
    text: str,
    lemma: str | None,
    lang: str,
    published: str | None,
    found: dict[str, _Found],
) -> _Found:
    title = _TITLE.match(text)
    if title and title.end() < len(text):  # "M. Erdogan", "Mme Pandor", "г-н Песков"
        text = text[title.end() :]
        lemma = " ".join(lemma.split()[len(title.group(0).split()) :]) if lemma else None
    words = text.split()
    surname_key = _surname_key(lemma.split()[-1] if lemma else words[-1])
    if len(words) == 1:  # a surname alone: the article's full name first
        for f in found.values():
            if f.type == "PERSON" and f.surname == surname_key:
                return f
    actors = lookup_any(kb, text, lang=lang, on=published, lemma=lemma)
    if not actors and len(words) > 1:
        last = words[-1]
        last_lemma = lemma.split()[-1] if lemma else None
        actors = [
            a
            for a in lookup_any(kb, last, lang=lang, on=published, lemma=last_lemma)
            if _same_initial(a.name, words[0])
        ]
    if actors:
        actor = actors[0]
        entity = found.setdefault(
            actor.id, _Found(actor.id, actor.name, "PERSON", actor.country, [])
        )
    else:
        local = f"local:person:{_slug(lemma or text)}"
        entity = found.setdefault(local, _Found(local, _display(text, lemma), "PERSON", None, []))
    if len(words) > 1 or not entity.surname:
        entity.surname = surname_key
    return entity


def _same_initial(name: str, given: str) -> bool:
    from newsgraph.kb.translit import latin_forms

    first = normalize_name(name)[:1]
    forms = latin_forms(given) if is_cyrillic(given) else (normalize_name(given),)
    return any(f[:1] == first for f in forms)


def _surname_key(word: str) -> str:
    key = normalize_name(word)
    return russian_stem(key) if is_cyrillic(key) else key


def country_of(kb: KnowledgeBase, text: str, lemma: str | None = None) -> str | None:
    """The ISO code a place name or demonym names, in any case ("России", "russe")."""
    bare = _ARTICLE.sub("", text)
    for form in (text, bare, lemma):
        if form:
            match = match_country(kb, form, codes=False)
            if match is not None:
                return match.country.code
    key = normalize_name(lemma or text)
    if is_cyrillic(key):
        stems = _russian_country_stems(kb)
        return stems.get(russian_stem(key)) or stems.get(key[:6])
    return None


@lru_cache(maxsize=2)
def _russian_country_stems(kb: KnowledgeBase) -> dict[str, str]:
    table: dict[str, str] = {}
    for country in kb.countries.values():
        for alias in (*country.names, *country.demonyms):
            if alias.lang == "ru" or is_cyrillic(alias.text):
                key = normalize_name(alias.text)
                table.setdefault(russian_stem(key), country.code)
                if alias in country.demonyms:
                    table.setdefault(key[:6], country.code)
    return table


def _role_references(
    kb: KnowledgeBase, text: str, lang: str, published: str | None, found: dict[str, _Found]
) -> list[Reference]:
    if not published:
        return []
    table = role_table(lang)
    refs: list[Reference] = []
    taken: list[tuple[int, int]] = []
    # the longest phrase first: "пресс-секретарь президента России" before "президента России"
    matches = [(m, phrase) for phrase in table["phrases"] for m in phrase["regex"].finditer(text)]
    matches.sort(key=lambda mp: (mp[0].start() - mp[0].end(), mp[0].start()))
    for m, phrase in matches:
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        where = phrase.get("org") or phrase.get("country")
        if "where" in m.re.groupindex and m["where"]:
            where = country_of(kb, m["where"], None) or where
        elif where is None:  # "премьер-министр Израиля": a country the pattern does not list
            after = _NEXT_WORD.match(text, m.end())
            if after is not None and after.group(1)[:1].isupper():
                where = country_of(kb, after.group(1), None)
        where = where or table["default_country"]
        actor = holder(kb, phrase["role"], where, published)
        if actor is None:
            continue
        taken.append(m.span())
        found.setdefault(actor.id, _Found(actor.id, actor.name, "PERSON", actor.country, []))
        refs.append(Reference(m.start(), m.end(), m.group(0), actor.id, "role"))
    return refs


def _pronoun_references(
    doc, lang: str, people_at: list[tuple[int, str]], found: dict[str, _Found]
) -> list[Reference]:
    pronouns = role_table(lang)["pronouns"]
    refs = []
    for token in doc:
        low = token.lower_
        if low not in pronouns or token.pos_ not in ("PRON", "X"):
            continue
        before = [eid for start, eid in people_at if start < token.idx]
        if not before:
            continue
        refs.append(
            Reference(token.idx, token.idx + len(token.text), token.text, before[-1], "pronoun")
        )
    return refs


def _slug(text: str) -> str:
    return _SLUG.sub("-", normalize_name(text)).strip("-") or "x"


def _display(text: str, lemma: str | None) -> str:
    """A name for an entity the KB does not know: a Latin name given in parentheses
    ("Катрин Колонна (Catherine Colonna)"), else a Cyrillic name in its nominative read
    in Latin letters (Wikipedia scheme, as English news spells it), else the text."""
    given = _LATIN_IN_PARENS.search(text)
    if given:
        return given.group(1).strip()
    if lemma and is_cyrillic(text):
        nominative = " ".join(w.capitalize() if w[:1].isalpha() else w for w in lemma.split())
        return str(iuliia.WIKIPEDIA.translate(nominative))
    return text
