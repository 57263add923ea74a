"""PLOVER events in French and Russian: trigger verbs mapped to CAMEO codes
(``data/triggers_<lang>.json``), actors from the entity layer as in English.

For each trigger verb the source is its subject, the target its object or an oblique
with "avec"/"с" ("Путин встретился с Марин Ле Пен", "Poutine a reçu Marine Le Pen");
each side is resolved through the entity layer (a name, a role phrase, a pronoun or a
country). An event is kept only when one side is resolved. Its date is the day of a
time expression in its sentence, else the publication date; its place a place entity
after "à/au/en" or "в/во" in the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newsgraph.extractors.events.tables import code_info, intensity
from newsgraph.kb.load import default_kb
from newsgraph.records import Event, EventActor, Mention, Span, TimeExpr
from newsgraph.resources import load_json

_SUBJECT = ("nsubj", "nsubj:pass")
_OBJECT = ("obj", "iobj")
_WITH = {"fr": ("avec",), "ru": ("с", "со")}
_PLACE = {"fr": ("à", "au", "en", "dans"), "ru": ("в", "во", "на")}


@lru_cache(maxsize=4)
def triggers(lang: str) -> dict[str, Any]:
    """The trigger lexicon of a language."""
    return load_json("newsgraph.extractors.events", f"data/triggers_{lang}.json")


def find_events(
    doc, *, lang: str, layer: Any, times: Sequence[TimeExpr], published: str | None
) -> list[Event]:
    """Events of a French or Russian ``doc`` with at least one resolved side."""
    table = triggers(lang)
    events = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        code = _code(token, table)
        if code is None:
            continue
        source = _side(layer, [c for c in token.children if c.dep_ in _SUBJECT])
        objects = [c for c in token.children if c.dep_ in _OBJECT]
        objects += [
            c
            for c in token.children
            if c.dep_.startswith("obl") and any(g.lower_ in _WITH[lang] for g in c.children)
        ]
        target = _side(layer, objects)
        if not source and not target:
            continue
        info = code_info(code)
        if info.plover is None:
            continue
        sent = token.sent
        events.append(
            Event(
                type=info.plover,
                trigger=Mention(token.idx, token.idx + len(token.text), token.text),
                sentence=Span(sent.start_char, sent.end_char),
                mode=info.mode,
                cameo=code,
                source=source,
                target=target,
                date=_date(sent.start_char, sent.end_char, times, published),
                place=_place(sent, lang, layer),
                intensity=intensity(info),
                negated=any(c.lower_ in table["negation"] for c in token.children),
            )
        )
    return events


def _code(token, table: dict[str, Any]) -> str | None:
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in _OBJECT:
            phrase = table.get("phrases", {}).get(f"{lemma}+{child.lemma_.lower()}")
            if phrase:
                return str(phrase)
    # French reflexive "s'entretenir", Russian "-ся" verbs are their own lemmas
    code = table["verbs"].get(lemma)
    return str(code) if code else None


def _side(layer: Any, heads: list) -> tuple[EventActor, ...]:
    actors: list[EventActor] = []
    for head in heads:
        for tok in [head, *(c for c in head.children if c.dep_ in ("conj", "flat:name", "appos"))]:
            span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1] if tok != head else None
            start, end = (
                (tok.idx, tok.idx + len(tok.text))
                if span is None
                else (span.start_char, span.end_char)
            )
            speaker = layer.resolve(start, end)
            if speaker is None or speaker.entity is None:
                continue
            entity = layer.entity(speaker.entity)
            if entity is None or entity.type not in ("PERSON", "ORG", "GPE"):
                continue
            actor = _actor(entity)
            if actor not in actors:
                actors.append(actor)
    return tuple(actors)


def _actor(entity) -> EventActor:
    kb = default_kb()
    sector = None
    person = kb.people.get(entity.id)
    if person is not None:
        sector = person.sector
    elif entity.id in kb.organisations:
        sector = kb.organisations[entity.id].sector
    elif entity.type == "GPE" and entity.country:
        sector = "GOV"
    code = (entity.country or "") + (sector or "") if entity.country else None
    return EventActor(
        entity=entity.id, name=entity.name, country=entity.country, sector=sector, code=code or None
    )


def _date(start: int, end: int, times: Sequence[TimeExpr], published: str | None) -> str | None:
    for t in times:
        if start <= t.start < end and t.value and len(t.value) >= 10 and t.value[4] == "-":
            return t.value[:10]
    return published


def _place(sent, lang: str, layer: Any) -> str | None:
    for tok in sent:
        if tok.lower_ in _PLACE[lang] and tok.head is not None:
            head = tok.head
            speaker = layer.resolve(head.idx, head.idx + len(head.text))
            if speaker is None or speaker.entity is None:
                continue
            entity = layer.entity(speaker.entity)
            if entity is not None and entity.type in ("GPE", "ORG") and entity.name:
                return entity.name
    return None
