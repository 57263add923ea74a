"""What a number is about, read from the parse: the counted noun ("200 people"), the
direction a verb gives it ("fell 2%"), what is measured ("23.68% of the vote") and
whose figure it is (the subject of the clause, resolved through the entity layer).

Every function takes spaCy tokens and returns plain values; nothing here keeps state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from newsgraph.extractors.claims.scan import words
from newsgraph.records import ClaimSubject, Speaker

__all__ = ["change_before", "counted_noun", "measure_and_subject"]

_WORD = re.compile(r"[A-Za-z]+(?:-[a-z]+)?|[,;:()]")
_NOUNISH = {"NOUN", "PROPN", "ADJ", "NUM", "PUNCT", "ADV", "VERB", "CCONJ"}
_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
_TIME_AFTER = {"ago", "earlier", "before", "later", "after"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
_PERSON_WORDS = {"people", "person", "persons", "individual", "individuals"}


def counted_noun(tokens: Sequence[Any], language: str = "en") -> tuple[str | None, Any]:
    """The unit a bare number counts ("14 first-team players" -> "first-team player"),
    with the noun token, or (None, None). "persons" for people."""
    last = tokens[-1]
    while last.dep_ == "conj" and last.head.i < last.i and last.head.i >= tokens[0].i:
        last = last.head  # "three or four years": the first number carries the noun
    doc = last.doc
    head = last.head
    counts = last.dep_ in ("nummod", "quantmod", "compound") and 0 < head.i - last.i <= 4
    if counts and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.tag_ == "NNPS")):
        between = doc[last.i + 1 : head.i]
        if all((t.pos_ in _NOUNISH and t.dep_ != "punct") or t.text == "-" for t in between):
            return _unit_words(between, head, language), head
    glued = last.lower_ in words(language)["multipliers"] or (
        last.text[:1].isdigit() and last.dep_ == "amod" and last.head.i == last.i + 1
    )
    after = last.nbor(1) if last.i + 1 < len(doc) else None
    if glued and after is not None and after.tag_ in ("NNS", "NNPS") and after.pos_ == "NOUN":
        return _unit_words([], after, language), after  # "2m people", "3bn users"
    nxt = doc[last.i + 1 : last.i + 6]
    if len(nxt) >= 2 and nxt[0].lower_ == "of":  # "one of the students", "thousands of tests"
        for t in nxt[1:]:
            if t.pos_ == "NOUN" or t.tag_ == "NNPS":
                return _unit_words([], t, language), t
            if t.pos_ not in ("DET", "PRON", "ADJ", "PROPN", "NUM", "PUNCT", "PART", "CCONJ"):
                break
    return None, None


def _unit_words(between: Sequence[Any], head: Any, language: str) -> str:
    lemma = head.lemma_.lower() if head.tag_ in ("NNS", "NNPS") else head.lower_
    if head.lower_ in _PERSON_WORDS or lemma in _PERSON_WORDS:
        return "persons"
    if lemma in words(language)["durations"]:
        return lemma
    if any(t.pos_ == "NUM" for t in between):  # "a 4.3 second 40 yard dash"
        first = between[0]
        return first.lemma_.lower() if first.pos_ == "NOUN" else lemma
    # participles and conjunctions are not part of the unit: "rushing yards" -> "yard"
    parts = [
        t.lower_
        for t in between
        if t.pos_ in ("NOUN", "ADJ", "PROPN") or (t.pos_ == "PUNCT" and t.text == "-")
    ]
    if parts and between and between[0].tag_ in ("VBG", "VBN"):
        parts = parts[1:]
    text = " ".join(parts + [lemma]).replace(" - ", "-").lstrip("- ")  # "5.4-magnitude"
    return text + _per_after(head, language)


def _per_after(head: Any, language: str) -> str:
    """ " per day" when the counted noun is followed by "per day", "a year", ..."""
    doc = head.doc
    nxt = doc[head.i + 1 : head.i + 3]
    later = doc[head.i + 3 : head.i + 4]
    if len(later) and later[0].lower_ in _TIME_AFTER:
        return ""  # "1.5m units a year ago": a time, not a rate
    if len(nxt) == 2 and nxt[0].lower_ in words(language)["per"]:
        per = words(language)["per_units"].get(nxt[1].lemma_.lower())
        if per:
            return f" per {per}"
    return ""


def change_before(text: str, start: int, approx_len: int, language: str = "en") -> str | None:
    """ "up"/"down" from the words just before the number ("fell 2%", "up nearly 57%",
    "grew sales by 35%"); None when a preposition ("to", "from", "at") comes first."""
    w = _change_words(language)
    before = text[max(0, start - 60 - approx_len) : max(0, start - approx_len)]
    unknown = 0
    found = _WORD.findall(before)[-7:]
    for at in range(len(found) - 1, -1, -1):
        low = found[at].lower()
        if low in w["up"] or low in w["down"]:
            if unknown and at > 0 and found[at - 1].lower() in _DETERMINERS:
                return None  # "the rally drew thousands": a noun, not the number's verb
            return "up" if low in w["up"] else "down"
        if low in w["stops"]:
            return None
        if low in w["skip"]:
            continue
        unknown += 1
        if unknown > 1:
            return None
    return None


_CHANGE_CACHE: dict[str, dict[str, set[str]]] = {}


def _change_words(language: str) -> dict[str, set[str]]:
    found = _CHANGE_CACHE.get(language)
    if found is None:
        w = words(language)
        found = {
            "up": set(w["up_words"]),
            "down": set(w["down_words"]),
            "stops": set(w["change_stops"]),
            "skip": set(w["change_skip"]),
        }
        _CHANGE_CACHE[language] = found
    return found


def measure_and_subject(
    tokens: Sequence[Any],
    noun: Any,
    resolve: Callable[[int, int], Speaker | None] | None,
) -> tuple[str | None, ClaimSubject | None]:
    """What is measured and whose figure it is.

    The measure is the noun after "of" ("23.68% of the vote" -> "vote"), else the
    clause's subject when it names no actor ("Tesla shares"), else the governing verb
    ("score"). The subject is the clause's subject, resolved to an entity when the entity
    layer knows it; the walk goes up from the number through its heads to the first
    verb with a subject ("Macron ... was declared winner, scoring 23.75%")."""
    anchor = noun if noun is not None else tokens[-1]
    measure = _of_object(anchor) or _of_object(tokens[-1])
    verb, subj = _governing(anchor)
    subject: ClaimSubject | None = None
    if subj is not None and (subj.i == anchor.i or any(t.i == tokens[0].i for t in subj.subtree)):
        subj = None  # "six members of the National Guard ...": the number's own phrase
    if subj is not None:
        span = _chunk(subj)
        found = _resolve_subject(subj, span, resolve)
        if found is not None and found.entity:
            subject = ClaimSubject(entity=found.entity, name=found.name)
        elif subj.pos_ in ("PROPN", "NOUN"):
            name = _text(span)
            subject = ClaimSubject(entity=None, name=name)
            measure = measure or name
    if measure is None and verb is not None:
        measure = verb.lemma_.lower()
    return measure, subject


def _resolve_subject(
    subj: Any, span: list[Any], resolve: Callable[[int, int], Speaker | None] | None
) -> Speaker | None:
    """The entity the subject names: its own words, else an apposition ("his chief
    rival, National Front leader Marine Le Pen")."""
    if resolve is None:
        return None
    spans = [[subj], span]
    for appos in (c for c in subj.children if c.dep_ == "appos"):
        spans += [[appos], _chunk(appos)]  # the head word first: "... leader Marine Le Pen"
    for words_ in spans:
        found = resolve(words_[0].idx, words_[-1].idx + len(words_[-1]))
        if found is not None and found.entity:
            return found
    return None


def _of_object(tok: Any) -> str | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                return _text(_chunk(pobj))
    return None


def _governing(tok: Any) -> tuple[Any, Any]:
    """The nearest verb above ``tok`` and the subject of the nearest verb above it
    that has one ("Macron was declared winner, scoring 23.75%": "scoring", "Macron")."""
    seen = 0
    cur = tok
    first_verb = None
    while seen < 8:
        if cur.pos_ in ("VERB", "AUX"):
            first_verb = first_verb or cur
            subj = next((c for c in cur.children if c.dep_ in _SUBJ), None)
            if subj is not None and subj.dep_ != "expl":
                return first_verb, subj
        if cur.head == cur:
            break
        cur = cur.head
        seen += 1
    return first_verb, None


def _chunk(tok: Any) -> list[Any]:
    """The noun phrase headed by ``tok`` without determiners, possessives and clauses."""
    keep = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "amod")]
    left = [t for t in keep if t.dep_ not in ("det", "poss", "case", "punct", "predet")]
    if not left:
        return [tok]
    start = left[0].i
    return [t for t in tok.doc[start : tok.i + 1]]


def _text(span: Sequence[Any]) -> str:
    return "".join(t.text_with_ws for t in span).strip()
