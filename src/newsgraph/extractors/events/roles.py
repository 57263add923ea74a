"""Who, to whom, where, when, and how sure: the arguments and flags of an event trigger.

Source is the subject (or a passive's agent, or the possessor of a nominal trigger),
target the object or a prepositional object ('with X', 'to X', 'against X');
coordinated arguments give lists. Negation and modality are read from the trigger's
own auxiliaries and from the verbs it is a complement of.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.extractors.doctext import span_ents
from newsgraph.extractors.events import tables
from newsgraph.extractors.events.actor_words import (
    actor_span,
    actor_tokens,
    antecedent,
    country_of,
    default_actor,
    sector_of,
)
from newsgraph.extractors.events.arguments import (
    PLACE_ENTITIES,
    PLACE_PREPS,
    addressee,
    bare_participle,
    message_of,
    objects_of,
    subject_of,
)
from newsgraph.extractors.events.patterns import governing_verb
from newsgraph.records import TimeExpr

__all__ = [
    "actor_span",
    "actor_tokens",
    "addressee",
    "antecedent",
    "bare_participle",
    "country_of",
    "date_of",
    "default_actor",
    "is_negated",
    "message_of",
    "modality_of",
    "objects_of",
    "place_of",
    "sector_of",
    "subject_of",
]


def _chain(token: Token) -> list[Token]:
    """The trigger and the verbs it is an infinitival complement of ('going' in 'going to start')."""
    chain = [token]
    current = token
    while current.dep_ in ("xcomp", "conj", "acomp") and current.head.i != current.i:
        current = current.head
        chain.append(current)
        if len(chain) > 4:
            break
    verb = governing_verb(token) if token.pos_ in ("NOUN", "PROPN") else None
    if verb is not None:
        chain.extend(_chain(verb))
    return chain


def is_negated(token: Token) -> bool:
    """Negation on the trigger or on a verb it depends on ('did not meet', 'was not going to')."""
    words = set(tables.lexicon()["negation_words"])
    for node in _chain(token):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
            if child.dep_ == "advmod" and child.lower_ in words:
                return True
    return False


def modality_of(token: Token) -> str | None:
    """'future', 'conditional', 'possible', 'obligation' or 'intent', or None when asserted."""
    lex = tables.lexicon()
    chain = _chain(token)
    if bare_participle(chain[-1]):  # 'might roll back the reforms, returning X to Y'
        chain.extend(_chain(chain[-1].head))
    for node in chain:
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in lex["modal_aux"]:
                return lex["modal_aux"][child.lower_]
            if child.dep_ == "advcl" and _has_mark(child, lex["conditional_marks"]):
                return "conditional"
        if node != token and node.pos_ == "VERB" and node.lemma_ in lex["intent_verbs"]:
            return lex["intent_verbs"][node.lemma_]
        if node != token and node.pos_ == "ADJ" and node.lower_ in lex["intent_adjectives"]:
            return lex["intent_adjectives"][node.lower_]
        if node != token and _scheduled(node):
            return "future"  # 'Xi is to visit Switzerland from January 15-18'
    if token.dep_ == "advcl" and _has_mark(token, lex["conditional_marks"]):
        return "conditional"
    return None


def decided_measure(trigger: Token) -> bool:
    """'decided to extend the embargo', 'has decided to expel': a measure decided is in
    force once decided (the caller checks that the act is a sanction or a coercion), not
    an intent; not 'has not decided', 'may decide', nor a meeting decided on, which is
    still to come."""
    node = trigger
    for _ in range(3):
        if node.dep_ != "xcomp" or node.head == node:
            break
        if _decision_taken(node.head):
            return True
        node = node.head
    if trigger.pos_ in ("NOUN", "PROPN"):
        verb = governing_verb(trigger)
        return verb is not None and verb != trigger and decided_measure(verb)
    return False


def _decision_taken(verb: Token) -> bool:
    if verb.lemma_ != "decide":
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if any(c.dep_ == "neg" for c in verb.children) or any(a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes))


def _scheduled(node: Token) -> bool:
    """'is to' / 'are to' + infinitive with someone named as the subject: an arrangement
    for the future ('Xi is to visit'; not 'how important it is to negotiate')."""
    named = any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
        for c in node.children
    )
    return (
        named
        and node.lemma_ == "be"
        and node.tag_ in ("VBZ", "VBP")
        and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in node.children
        )
    )


def _has_mark(token: Token, marks: list[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


# -- place and date -----------------------------------------------------------------------


def place_of(sent: SpacySpan, trigger: Token) -> str | None:
    """The nearest place named after 'in' or 'at' in the sentence."""
    best: tuple[int, str] | None = None
    for ent in span_ents(sent):
        root = ent.root
        if root.dep_ == "compound":  # "in the Moscow Kremlin", not 'in a US raid'
            if not (root.head.pos_ == "PROPN" or root.head.lemma_.lower() in PLACE_NOUNS):
                continue
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "pobj":
            root = root.head.head  # 'in the northern city of Kirkuk', 'in the province of Kosovo'
        if root.dep_ != "pobj" or root.head.lower_ not in PLACE_PREPS:
            continue
        name = _capital_in(ent) or (
            ent.text.split("\n")[0].strip() if ent.label_ in PLACE_ENTITIES else None
        )
        distance = abs(root.i - trigger.i)
        if name and (best is None or distance < best[0]):
            best = (distance, name)
    return best[1] if best else None


# nouns a place name before them locates ('the Moscow embassy'), unlike acts ('a US raid')
PLACE_NOUNS = frozenset(
    {
        "city",
        "capital",
        "province",
        "region",
        "district",
        "area",
        "town",
        "village",
        "airport",
        "embassy",
        "consulate",
        "border",
        "port",
        "base",
        "camp",
        "prison",
        "hospital",
        "hotel",
        "office",
        "headquarters",
        "court",
        "parliament",
        "station",
    }
)


def _capital_in(ent: SpacySpan) -> str | None:
    """The capital city inside a building's name ('in the Moscow Kremlin', tagged ORG or FAC)."""
    capitals = _capitals()
    return next((t.text for t in ent if t.dep_ == "compound" and t.text in capitals), None)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    from newsgraph.kb.load import default_kb

    return frozenset(c.capital for c in default_kb().countries.values() if c.capital)


def _is_date(expr: TimeExpr) -> bool:
    """A calendar value ('2017-03-24', '2017-W12', '2017-SU'), not a duration or a reference."""
    value = expr.value or ""
    return expr.type == "DATE" and len(value) >= 4 and value[:4].isdigit()


def date_of(
    sent: SpacySpan, trigger: Token, times: Sequence[TimeExpr], published: str | None
) -> str | None:
    """The value of the time expression nearest the trigger in its sentence, else ``published``."""
    start, end = sent.start_char, sent.end_char
    inside = [t for t in times if start <= t.start and t.end <= end and _is_date(t)]
    if not inside:
        return published
    nearest = min(inside, key=lambda t: abs(t.start - trigger.idx))
    return (nearest.value or "")[:10]
