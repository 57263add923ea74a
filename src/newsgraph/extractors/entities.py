"""Named entities of one English article, resolved to canonical actors.

``find_entities(doc, published=..., kb=...)`` takes the spaCy ``Doc`` and returns an
:class:`EntityLayer`: the article's entities (KB id when linked, else a stable local id
such as ``local:person:marine-le-pen``) with every mention's character offsets, the
roles the text states, and ``resolve(start, end)`` which maps any span - a name, "he",
"the Kremlin leader" - to the actor it refers to (the quote layer calls it).

The small spaCy model errs on news; the fixes are general rules:

* entity spans stop at line breaks, lose a leading "the", titles, a trailing possessive
  and anything from an unbalanced "(" or a spaced dash;
* KB aliases are matched over the tokens (a gazetteer): a match overrides the model's
  label and extent ("Marine Le" -> "Marine Le Pen", headline "Macron" ORG -> PERSON); a
  known surname also matches in lower case ("macron" from machine translation) when
  tagged as a noun and the actor is named capitalised elsewhere in the article;
* surnames of the article's full names are matched where the model missed them;
* a person that the KB knows as a place becomes a GPE ("Kiev"); photo credits
  ("Name Surname - CTN News") are not entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import spacy
from spacy.tokens import Doc

from newsgraph.errors import Code, IngestError
from newsgraph.extractors.coref import (
    Candidate,
    Link,
    NameSpan,
    Reference,
    StatedRole,
    cluster_names,
    lexicon,
    resolve_coreference,
)
from newsgraph.kb import resolve as kbr
from newsgraph.records import Entity, Mention, Speaker

__all__ = ["NO_KB", "EntityLayer", "KbView", "find_entities"]

_KIND_RANK = {"name": 0, "role": 1, "pronoun": 2}


@dataclass(frozen=True)
class EntityLayer:
    """The entities of one article, the roles it states, and a span resolver."""

    entities: tuple[Entity, ...]
    references: tuple[Reference, ...] = ()
    stated_roles: tuple[StatedRole, ...] = ()
    text: str = field(default="", repr=False)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with id ``entity_id``, if the article has it."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def resolve(self, start: int, end: int) -> Speaker | None:
        """The entity the span ``start``..``end`` refers to, as a ``Speaker``, or None.

        The mention (name, role phrase or pronoun) overlapping the span most wins; on a
        tie a name beats a role phrase, which beats a pronoun.
        """
        best: tuple[int, int, str] | None = None
        for entity_id, m_start, m_end, kind in self._spans():
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0:
                score = (overlap, -_KIND_RANK[kind], entity_id)
                best = score if best is None or score[:2] > best[:2] else best
        if best is None:
            return None
        found = self.entity(best[2])
        name = found.name if found else None
        return Speaker(entity=best[2], name=name, start=start, end=end, text=self.text[start:end])

    def _spans(self) -> Iterable[tuple[str, int, int, str]]:
        kinds = {(r.start, r.end): r.kind for r in self.references}
        for entity in self.entities:
            for m in entity.mentions:
                yield entity.id, m.start, m.end, kinds.get((m.start, m.end), "name")


def find_entities(doc: Doc, *, published: str | None, kb: Any = None) -> EntityLayer:
    """Entities of ``doc`` linked to ``kb`` (default: the shipped KB; ``NO_KB`` for none).

    ``published`` (ISO date) picks who held a role ("the French president") that day.
    """
    view = view_of(kb, on=parse_day(published))
    candidates = find_name_spans(doc, view)
    clusters = cluster_names(doc, candidates, view)
    names = [NameSpan(c.start, c.end, c.entity) for c in candidates if c.entity]
    people = {key: link for key, link in clusters.items() if link.type == "PERSON"}
    coref = resolve_coreference(doc, names, people, view)
    links = dict(clusters)
    links.update({link.id: link for link in coref.new_links})
    for stated in coref.stated_roles:  # a stated role gives a local person a country
        link = links[stated.entity]
        if link.country is None and stated.country:
            links[stated.entity] = Link(link.id, link.name, link.type, stated.country, link.sector)
    entities = _build_entities(doc, candidates, coref.references, links)
    return EntityLayer(entities, coref.references, coref.stated_roles, doc.text)


def parse_day(published: str | None) -> date | None:
    """The article date from an ISO string (``None`` stays ``None``)."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        raise IngestError(Code.BAD_OPTION, f"published is not an ISO date: {published!r}") from None


def _build_entities(
    doc: Doc, candidates: list[Candidate], references: tuple[Reference, ...], links: dict[str, Link]
) -> tuple[Entity, ...]:
    """One Entity per linked key, mentions in text order, entities by first mention."""
    mentions: dict[str, list[Mention]] = {}
    for c in candidates:
        if c.entity:
            span = doc[c.start : c.end]
            mentions.setdefault(c.entity, []).append(
                Mention(span.start_char, span.end_char, span.text)
            )
    for r in references:
        mentions.setdefault(r.entity, []).append(Mention(r.start, r.end, r.text))
    entities = []
    for key, found in mentions.items():
        link = links[key]
        ordered = tuple(sorted(set(found), key=lambda m: (m.start, m.end)))
        entities.append(Entity(link.id, link.name, link.type, link.country, ordered))
    entities.sort(key=lambda e: e.mentions[0].start)
    return tuple(entities)


# ---------------------------------------------------------------- the knowledge base


class _NoKb:
    """Marker for finding entities without a knowledge base (nothing links)."""

    def __repr__(self) -> str:
        return "NO_KB"


NO_KB = _NoKb()
_GAZETTEERS: dict[int, tuple[Any, dict[tuple[str, ...], tuple[str, bool]]]] = {}


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
        return [_person_link(a) for a in kbr.lookup_name(self.kb, text, on=self.on)]

    def country(self, text: str) -> str | None:
        """The ISO alpha-3 code a name, demonym or metonym points at."""
        match = kbr.match_country(self.kb, text) if self.kb is not None else None
        return match.country.code if match else None

    def country_link(self, text: str) -> Link | None:
        """The country itself when ``text`` is its name or code (not a demonym or metonym)."""
        match = kbr.match_country(self.kb, text) if self.kb is not None else None
        if match is None or match.via not in ("name", "code"):
            return None
        code = match.country.code
        return Link(f"country:{code}", match.country.name, "GPE", code)

    def org(self, text: str) -> Link | None:
        """The organisation named ``text``."""
        found = kbr.lookup_organisation(self.kb, text) if self.kb is not None else []
        if not found:
            return None
        org = found[0]
        return Link(org.id, org.name, "ORG", org.country, org.sector)

    def role_holder(self, phrase: str) -> Link | None:
        """Who a role phrase names on the article's date ("the French president")."""
        if self.kb is None or self.on is None:
            return None
        actor = kbr.resolve_role_phrase(self.kb, phrase, self.on)
        return _person_link(actor) if actor else None

    def gazetteer(self) -> dict[tuple[str, ...], tuple[str, bool]]:
        """Lower-cased alias tokens -> (label, is a surname), built once per KB."""
        if self.kb is None:
            return {}
        cached = _GAZETTEERS.get(id(self.kb))
        if cached is None or cached[0] is not self.kb:
            cached = (self.kb, _build_gazetteer(self.kb))
            _GAZETTEERS[id(self.kb)] = cached
        return cached[1]


def _person_link(actor: Any) -> Link:
    return Link(actor.id, actor.name, "PERSON", actor.country, actor.sector)


def _build_gazetteer(kb: Any) -> dict[tuple[str, ...], tuple[str, bool]]:
    """Token tuples of English and French aliases of people, organisations and countries
    (names and metonyms as GPE, demonyms as NORP)."""
    tokenizer = spacy.blank("en").tokenizer
    particles = set(lexicon()["name_particles"])
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


def _actor_texts(records: list[tuple[str, Any]]) -> Iterable[tuple[str, set[str]]]:
    for label, record in records:
        yield label, {record.name, *(a.text for a in record.aliases if a.lang in ("en", "fr"))}


def _country_texts(kb: Any) -> Iterable[tuple[str, set[str]]]:
    for country in kb.countries.values():
        names = [country.name, *(a.text for a in country.names if a.lang == "en")]
        yield "GPE", {*names, *(m.text for m in country.metonyms)}
        yield "NORP", {a.text for a in country.demonyms if a.lang == "en"}


# ---------------------------------------------------------------- name spans

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
NOUN_TAGS = frozenset({"NN", "NNP", "NNS", "NNPS"})
_DASHES = frozenset({"-", "–", "—", "|", "/"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_CREDIT_LINE = re.compile(
    r"(?:^|[.!?]\s+)(?P<credit>(?:[A-Z][\w'’.]*\s+){1,3}[-–—|/]\s*(?P<tail>[^\n]{2,40}?))\s*$", re.M
)


def find_name_spans(doc: Doc, view: KbView) -> list[Candidate]:
    """Named-entity spans: the model's, trimmed and relabelled, plus KB and surname matches."""
    credits = credit_ranges(doc.text)
    model = [c for c in _model_spans(doc) if not _in_ranges(doc, c, credits)]
    found = [c for c in _gazetteer_spans(doc, view) if not _in_ranges(doc, c, credits)]
    merged = _merge(doc, model, found)
    _relabel(doc, merged, view)
    merged += _surname_spans(doc, merged)
    return sorted(merged, key=lambda c: c.start)


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Photo credits at the end of a line ("... 2017. Chris Wick - CTN News")."""
    words = set(lexicon()["credit_words"])
    ranges = []
    for match in _CREDIT_LINE.finditer(text):
        tail = match["tail"]
        if tail.isupper() or words & {w.lower() for w in re.findall(r"\w+", tail)}:
            ranges.append((match.start("credit"), match.end("credit")))
    return ranges


def _in_ranges(doc: Doc, cand: Candidate, ranges: list[tuple[int, int]]) -> bool:
    start, end = doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1])
    return any(s <= start and end <= e for s, e in ranges)


def _model_spans(doc: Doc) -> list[Candidate]:
    """The model's entities of the kept labels, each trimmed to the name itself."""
    found = []
    for ent in doc.ents:
        if ent.label_ in LABELS:
            start, end = _trim(doc, ent.start, ent.end, ent.label_)
            if start < end and any(t.is_alpha for t in doc[start:end]):
                found.append(Candidate(start, end, ent.label_))
    return found


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Cut at a line break, an unbalanced "(" or a spaced dash; drop "the", titles, 's."""
    for i in range(start, end):
        tok = doc[i]
        if tok.is_space or tok.text == "(" or (tok.text in _DASHES and tok.whitespace_):
            end = i
            break
        if "\n" in tok.whitespace_:
            end = i + 1
            break
    titles = set(lexicon()["titles"])
    while start < end and (
        doc[start].lower_ == "the"
        or doc[start].is_punct
        or (label == "PERSON" and end - start > 1 and doc[start].lower_.rstrip(".") in titles)
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return start, end


def _gazetteer_spans(doc: Doc, view: KbView) -> list[Candidate]:
    """Longest KB alias matches; lower-case surnames only for actors also seen capitalised."""
    index = view.gazetteer()
    lengths: dict[str, set[int]] = {}
    for key in index:
        lengths.setdefault(key[0], set()).add(len(key))
    lowers = [t.lower_ for t in doc]
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        sizes = sorted(lengths.get(lowers[i], ()), reverse=True)
        cand = _alias_at(doc, lowers, i, sizes, index, view) if sizes else None
        if cand is None:
            i += 1
            continue
        found.append(cand)
        i = cand.end
    capital = {c.links[0].id for c in found if c.source == "kb" and c.links}
    return [c for c in found if c.source != "kb-lower" or (c.links and c.links[0].id in capital)]


def _alias_at(
    doc: Doc,
    lowers: list[str],
    i: int,
    sizes: list[int],
    index: dict[tuple[str, ...], tuple[str, bool]],
    view: KbView,
) -> Candidate | None:
    """The longest alias starting at token ``i`` whose case fits, as a candidate."""
    for n in sizes:
        entry = index.get(tuple(lowers[i : i + n]))
        if entry is None:
            continue
        span = doc[i : i + n]
        if any(t.ent_type_ in NOT_NAMES for t in span):
            continue
        label, surname = entry
        if _capitalised(span):
            source = "kb"
        elif surname and span.text.islower() and span[-1].tag_ in NOUN_TAGS:
            source = "kb-lower"
        else:
            continue
        if label in ("GPE", "NORP"):
            return Candidate(i, i + n, label, source="kb-place")
        first = _first_names_before(doc, i, index) if surname and source == "kb" else i
        if first < i:  # "Jean-Marie" + a known surname: someone else of that name
            return Candidate(first, i + n, "PERSON", source="kb")
        links = view.people(span.text) if label == "PERSON" else [view.org(span.text)]
        return Candidate(i, i + n, label, tuple(x for x in links if x), source)
    return None


def _first_names_before(doc: Doc, i: int, index: dict[tuple[str, ...], tuple[str, bool]]) -> int:
    """Where capitalised given names before a surname start (``i`` when there are none)."""
    skip = set(lexicon()["titles"]) | set(lexicon()["role_nouns"])
    start = i
    while start > 0:
        tok = doc[start - 1]
        hyphen = tok.text == "-" and start - 1 > 0 and not tok.whitespace_
        given = tok.tag_ == "NNP" and tok.is_title and tok.lower_ not in skip
        if not (hyphen or given) or "\n" in tok.whitespace_ or (tok.lower_,) in index:
            break
        start -= 1
    return start if start < i and doc[start].is_title else i


def _capitalised(span: Any) -> bool:
    """Every word capitalised, name particles ("le", "de") excepted."""
    particles = set(lexicon()["name_particles"])
    words = [t for t in span if t.is_alpha]
    return (
        bool(words)
        and all(t.text[0].isupper() or t.lower_ in particles for t in words)
        and (words[-1].text[0].isupper())
    )


def _merge(doc: Doc, model: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """KB actor matches win over the model's spans they overlap, unless the model found a
    longer person name around the match ("Jean-Marie Le Pen" around "Le Pen"); KB places
    only fill gaps the model left."""
    kept = [g for g in found if g.source != "kb-place"]
    for m in model:
        overlapping = [g for g in kept if g.start < m.end and m.start < g.end]
        if not overlapping:
            kept.append(m)
        elif m.label == "PERSON" and all(
            m.start <= g.start
            and g.end <= m.end
            and (g.end - g.start) < (m.end - m.start)
            and _capitalised(doc[m.start : m.end])
            for g in overlapping
        ):
            kept = [g for g in kept if g not in overlapping] + [m]
    for g in found:
        if g.source == "kb-place" and not any(k.start < g.end and g.start < k.end for k in kept):
            kept.append(g)
    return kept


def _relabel(doc: Doc, cands: list[Candidate], view: KbView) -> None:
    """A model "person" the KB knows only as a place is a GPE; a model ORG/GPE that is the
    surname of one of the article's people is that PERSON (headline "Macron")."""
    surnames = {doc[c.end - 1].lower_ for c in cands if c.label == "PERSON" and c.end - c.start > 1}
    for c in cands:
        text = doc[c.start : c.end].text
        if c.source != "model":
            continue
        if c.label == "PERSON" and view.country(text) and not view.people(text):
            c.label = "GPE"
        elif (
            c.label in ("ORG", "GPE")
            and c.end - c.start == 1
            and (doc[c.start].lower_ in surnames and not view.country(text))
        ):
            c.label = "PERSON"


def _surname_spans(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Surnames ("Le Pen") of the article's full names where nothing else found them."""
    particles = set(lexicon()["name_particles"])
    surnames: set[tuple[str, ...]] = set()
    for c in cands:
        if c.label == "PERSON" and c.end - c.start > 1:
            first = c.end - 1
            while first - 1 > c.start and doc[first - 1].lower_ in particles:
                first -= 1
            surnames.add(tuple(t.lower_ for t in doc[first : c.end]))
    covered = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for key in surnames:
        n = len(key)
        for i in range(len(doc) - n + 1):
            span = doc[i : i + n]
            if (
                covered.isdisjoint(range(i, i + n))
                and tuple(t.lower_ for t in span) == key
                and (
                    _capitalised(span)
                    or (span.text.islower() and span[-1].tag_ in NOUN_TAGS and len(span.text) >= 3)
                )
            ):
                found.append(Candidate(i, i + n, "PERSON", source="surname"))
                covered.update(range(i, i + n))
    return found
