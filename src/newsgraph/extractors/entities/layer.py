"""Named entities of one English article, resolved to canonical actors.

``find_entities(doc, published=..., kb=...)`` takes the spaCy ``Doc`` and returns an
:class:`EntityLayer`: the article's entities (KB id when linked, else a stable local id
such as ``local:person:marine-le-pen``) with every mention's character offsets, the
roles the text states, and ``resolve(start, end)`` which maps any span - a name, "he",
"the Kremlin leader" - to the actor it refers to (the quote and event layers call it).
A phrase is resolved through its head noun (:mod:`phrase_head`): "his company" and
"Trump's nominee" are not their possessor, "the German government" falls back to its
modifier because nothing names the head.

The small spaCy model errs on news; the fixes are general rules:

* entity spans stop at line breaks, lose a leading "the", titles, a trailing possessive
  and anything from an unbalanced "(" or a spaced dash;
* KB aliases are matched over the tokens (a gazetteer): a match overrides the model's
  label and extent ("Marine Le" -> "Marine Le Pen", headline "Macron" ORG -> PERSON); a
  known surname also matches in lower case ("macron" from machine translation) when
  tagged as a noun and the actor is named capitalised elsewhere in the article;
* surnames of the article's full names are matched where the model missed them;
* a "person" the text calls an organisation or a place is one ("the conservation group
  Robin Wood", "SpaceX, the space company", "the island of Lampedusa", "Co Louth");
* a person that the KB knows as a place becomes a GPE ("Kiev"); photo credits
  ("Name Surname - CTN News") are not entities.

A link needs support from the article, not the surface form alone (an unlinked name
beats a wrong link):

* a short mention joins the full name the article gave ("Varga" after "Ann Varga"); a
  surname several KB people share ("Clinton") links only to the one the article names in
  full or the only one in office on its date, else to none;
* an acronym of a one-country organisation links only when the article's own definition
  ("First Command of the Capital (PCC)") names that organisation, or, undefined, when
  the country is named at least twice; a number glued to an alias makes another name
  ("Democrats 66");
* a romanised Korean given name stays one word ("Ban Ki-moon": "moon" is no surname, the
  family name comes first), and one the model cut off ("Kim" of "Kim In-ryong") is part
  of the name; a month read as a date ("in May") is no surname;
* a one-word name several people of the article fit ("Kim": Kim In-ryong and Kim
  Jong-nam) is the one whose stated role has the title before it ("Ambassador Kim"),
  else the one named in full last before it when that name is a subject, else the one
  the same word meant last;
* an alias ending in a body noun and followed by "of" and a name begins another name
  ("the Bureau of Alcohol, Tobacco, ..." is not the FBI's "the Bureau"); a KB
  organisation name with lower-case joiners matches when it names a place ("Islamic
  State of Iraq and the Levant"); a one-word "person" after "the" that modifies no noun
  is none ("Iraq and the Levant", "The Osprey was destroyed");
* role phrases: an appositive role is its own name's even with a place in it; a minister
  of another portfolio ("Economy Minister"), of a state ("of North Rhine-Westphalia") or
  an opposition leader is not the office the KB knows; titles joined by "and" before a
  name are all its roles; a chief of a portfolio ("the treasury chief") is its minister,
  a leader of a body the article does not identify ("the leader of al Qaeda in ...") no
  one's stated leader; "the president" prefers the person the article calls president to
  one it calls chairman; a title said of a subject ("X was nicknamed the ... president")
  is the subject's; "the former U.S. president", "the ex-president", "the last ...
  president" are a past holder, never the one in office on the article's date; a KB
  person the KB gives only other offices (a senator) takes no president's title; "his
  Chinese counterpart" holds the office of the person it is relative to (a US secretary
  of state's is China's foreign minister), unlinked when that office is unknown; a bare
  office that finds no one else ("the president") is the article's person the KB has in
  such an office on the date (the one named far more often, if several), else the
  holder in the country the article is about (named twice, twice as often as any
  other, and in view); a role after "as" is said of the person before it ("painted
  Macron as the only candidate"); a role defined by a past relative clause of tenure
  ("the president who ruled for 30 years") is a past holder named before it, never the
  holder on the article's date;
* organisation nominals: "the bureau", "the court" are the last organisation with that
  word in its name; "the paper" after "Ouest France newspaper" takes the noun the text
  gives the name; a nominal in apposition to a name or right before it is that name's;
  two fitting organisations of a specific kind (parties, media) leave it unlinked, and
  so does another one of its noun brought in unnamed since ("a court must rule ... the
  same court");
* surface forms: a KB name inside a longer one ("Social Democratic Party") is not that
  KB name; "Labour Party" needs the party's country like "Labour"; an acronym alias
  matches capitals only ("Who votes ...?" is no WHO); a demonym that is the surname of a
  named person and stands as a noun is that person ("Mark Cuban ... Cuban said"); a
  one-word "person" the model calls a place elsewhere in the article is that place;
* epithets ("the 45-year-old", "the Maryland Democrat", "the actress") rename the person
  named last before them whom nothing rules out (gender, a mention that commands them);
  "the former leader" is the past holder named just before;
* "the North" / "the South" is the one country of the story whose name begins with
  that word ("North Korea ... engaging the North"; :mod:`halves`);
* pronouns go to the most salient earlier person (subject > object, recency by
  sentence, a speaker for a speaking "he"; someone unnamed - "a spokesman said ... he
  added" - leaves them unlinked; "his or her" is no one; a subject pronoun is no named
  object of its own verb: "he blamed Robart") and agree with a gender the
  text gives (honorific, role word, common given name, the article's own he/she after
  the person), else the given name of the linked KB person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from spacy.tokens import Doc

from newsgraph.errors import Code, IngestError
from newsgraph.extractors.doctext import doc_text
from newsgraph.extractors.entities.coref import resolve_coreference
from newsgraph.extractors.entities.halves import join_halves
from newsgraph.extractors.entities.kbview import view_of
from newsgraph.extractors.entities.name_spans import find_name_spans
from newsgraph.extractors.entities.names import cluster_names
from newsgraph.extractors.entities.phrase_head import phrase_parts
from newsgraph.extractors.entities.types import Candidate, Link, NameSpan, Reference, StatedRole
from newsgraph.records import Entity, Mention, Speaker

__all__ = ["EntityLayer", "find_entities", "parse_day"]

_KIND_RANK = {"name": 0, "role": 1, "pronoun": 2}


@dataclass(frozen=True)
class EntityLayer:
    """The entities of one article, the roles it states, and a span resolver."""

    entities: tuple[Entity, ...]
    references: tuple[Reference, ...] = ()
    stated_roles: tuple[StatedRole, ...] = ()
    text: str = field(default="", repr=False)
    # the parse the layer was made from (heads of phrases for ``resolve``), when kept
    doc: Doc | None = field(default=None, repr=False, compare=False)
    # resolve a phrase through its head (English); False: the mention overlapping most
    heads: bool = True
    # the article's date, when known (who held which office that day)
    day: date | None = None

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with id ``entity_id``, if the article has it."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def resolve(self, start: int, end: int, *, owners: bool = False) -> Speaker | None:
        """The entity the span ``start``..``end`` refers to, as a ``Speaker``, or None.

        A phrase refers to what its head noun names (:mod:`phrase_head`): the mention
        covering the head wins ("the Islamic State group", "Russia's president" as a role
        phrase); when no mention covers the head, a modifier before it stands in ("the
        German government": Germany), or the body of a group ("officials of the Red
        Cross"); a possessor never does ("his company", "Trump's nominee": None), unless
        ``owners`` asks for the owner of an unnamed thing ("McCarthy's motion": McCarthy),
        nor anything after the head ("Mexico's exports to the US", "the president of the
        company"). Among mentions of the same standing the one overlapping the
        span most wins; on a tie a name beats a role phrase, which beats a pronoun.
        """
        hits = [
            (min(end, m_end) - max(start, m_start), entity_id, m_start, m_end, kind)
            for entity_id, m_start, m_end, kind in self._spans()
            if min(end, m_end) > max(start, m_start)
        ]
        if not hits:
            return None
        parts = phrase_parts(self.doc, self.text, start, end) if self.heads else None
        if parts is not None:
            heads = [
                h
                for h in hits
                if parts.covers_head(h[2], h[3]) and not parts.inside_complement(h[2], h[3])
            ]
            if not heads and parts.named_from >= 0:  # a title's holder, "the city of X"
                after = sorted(
                    (h for h in hits if h[2] >= parts.named_from and h[2] >= parts.head[1]),
                    key=lambda h: h[2],
                )
                if parts.holder:  # a person; in apposition, a person the model typed ORG
                    kinds = ("PERSON", "ORG") if parts.apposed else ("PERSON",)
                    after = [h for h in after if self._type(h[1]) in kinds][:1]
                    after = [h for h in after if self._type(h[1]) == "PERSON" or h[4] == "name"]
                heads = after[:1]
            modifiers = [h for h in hits if parts.modifies(h[2], h[3])]
            owned = [h for h in hits if parts.owned_by(h[2], h[3])] if owners else []
            hits = heads or modifiers or owned
        if not hits:
            return None
        best = max(hits, key=lambda h: (h[0], -_KIND_RANK[h[4]]))
        found = self.entity(best[1])
        name = found.name if found else None
        return Speaker(entity=best[1], name=name, start=start, end=end, text=self.text[start:end])

    def _type(self, entity_id: str) -> str | None:
        found = self.entity(entity_id)
        return found.type if found else None

    def name_spans(self, types: Iterable[str]) -> list[tuple[int, int]]:
        """Character spans where an entity of one of ``types`` is named (not referred to
        by a role phrase or a pronoun)."""
        wanted = frozenset(types)
        kinds = {e.id: e.type for e in self.entities}
        return [
            (start, end)
            for entity_id, start, end, kind in self._spans()
            if kind == "name" and kinds[entity_id] in wanted
        ]

    def _spans(self) -> tuple[tuple[str, int, int, str], ...]:
        """Every mention as (entity id, start, end, kind), in entity and mention order."""
        return self._mention_spans

    @cached_property
    def _mention_spans(self) -> tuple[tuple[str, int, int, str], ...]:
        # built once per layer (its fields never change): ``resolve`` is asked for every
        # speaker, actor and place, and rebuilt the kinds and the spans on each call
        kinds = {(r.start, r.end): r.kind for r in self.references}
        return tuple(
            (entity.id, m.start, m.end, kinds.get((m.start, m.end), "name"))
            for entity in self.entities
            for m in entity.mentions
        )


def find_entities(doc: Doc, *, published: str | None, kb: Any = None) -> EntityLayer:
    """Entities of ``doc`` linked to ``kb`` (default: the shipped KB; ``NO_KB`` for none).

    ``published`` (ISO date) picks who held a role ("the French president") that day.
    """
    view = view_of(kb, on=parse_day(published))
    candidates = find_name_spans(doc, view)
    clusters = cluster_names(doc, candidates, view)
    join_halves(doc, candidates, clusters)  # 'the North' after 'North Korea'
    names = [NameSpan(c.start, c.end, c.entity) for c in candidates if c.entity]
    people = {key: link for key, link in clusters.items() if link.type == "PERSON"}
    orgs = {key: link for key, link in clusters.items() if link.type == "ORG"}
    coref = resolve_coreference(doc, names, people, view, orgs)
    links = dict(clusters)
    links.update({link.id: link for link in coref.new_links})
    for stated in coref.stated_roles:  # a stated role gives a local person a country
        link = links[stated.entity]
        if link.country is None and stated.country:
            links[stated.entity] = Link(link.id, link.name, link.type, stated.country, link.sector)
    entities = _build_entities(doc, candidates, coref.references, links)
    return EntityLayer(
        entities, coref.references, coref.stated_roles, doc_text(doc), doc, day=view.on
    )


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
