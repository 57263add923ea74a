"""Events made in speech: denials and criticism that only a speaker's words carry.

A sentence such as "Russia has never interfered ..., Peskov said" or "These are
baseless allegations, he told journalists" names no act of denying; CAMEO still codes
it as the speaker's denial (016 Deny responsibility, PLOVER REJECT), and "The decision
was a mistake, Lavrov said" as the speaker's criticism (111, ACCUSE). The cues are
read only inside reported speech, found by the quote layer (``find_quotes``): the
speaker of the quote is the source. Word lists are in ``lexicon.json`` (``speech``).

* denial: a claim noun called false ("baseless allegations", "the reports are
  untrue"), "it is wrong to say that ..." (the said clause's events are negated), or
  a negated, asserted act of the kind actors are accused of ("has never interfered",
  "did not attack");
* criticism: a fault noun or adjective predicated of an act or an actor ("X's decision
  was a mistake", "the move is unacceptable"); the target is the actor or the act's
  owner.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.extractors.events import roles, tables
from newsgraph.extractors.events.patterns import conjuncts, is_actor
from newsgraph.records import EventActor, Quote, Speaker

ActorResolver = Callable[[int, int], EventActor | None]
DENIAL = "016"
CRITICISM = "111"
COPULA_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
IMPERSONAL = frozenset({"it", "this", "that"})


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """A denial or criticism found in a speaker's words, before it becomes an event."""

    token: Token
    code: str
    targets: list[Token]
    negates: frozenset[int] = frozenset()  # triggers whose act the speaker denies
    absorbs: bool = True  # False: the token is also coded as the (negated) act itself


@cache
def speech_words() -> dict[str, Any]:
    """The ``speech`` word lists of ``lexicon.json`` (lists turned into sets)."""
    raw = tables.lexicon()["speech"]
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in raw.items()}


class SpeechIndex:
    """Who speaks at each character of a document, from its quotes (found on demand)."""

    def __init__(self, doc: Doc, quotes: Sequence[Quote] | None = None) -> None:
        self._doc = doc
        self._quotes = None if quotes is None else self._spoken(quotes)

    @staticmethod
    def _spoken(quotes: Sequence[Quote]) -> list[Quote]:
        return sorted((q for q in quotes if q.speaker is not None), key=lambda q: q.start)

    def _all(self) -> list[Quote]:
        if self._quotes is None:
            from newsgraph.extractors.quotes.finder import find_quotes

            self._quotes = self._spoken(find_quotes(self._doc))
        return self._quotes

    def may_speak_in(self, start: int, end: int) -> bool:
        """False when the quotes are known and none with a speaker overlaps
        ``[start, end)``; True otherwise (unknown quotes are found only on demand)."""
        if self._quotes is None:
            return True
        return any(q.start < end and start < q.end for q in self._quotes)

    def speaker_at(self, char: int) -> Speaker | None:
        """The speaker of the quote that holds ``char`` (the innermost, latest start)."""
        quotes = self._all()
        starts = [q.start for q in quotes]
        for quote in reversed(quotes[: bisect_right(starts, char)]):
            if quote.start <= char < quote.end:
                return quote.speaker
        return None


def speaker_actors(
    speaker: Speaker | None, resolve: ActorResolver | None
) -> tuple[EventActor, ...]:
    """The speaker as the source tuple of an event (empty without a speaker)."""
    return (speaker_actor(speaker, resolve),) if speaker is not None else ()


def speaker_actor(speaker: Speaker, resolve: ActorResolver | None) -> EventActor:
    """The speaker as an event actor: resolved by the entity layer when it can be."""
    if resolve is not None and speaker.start is not None and speaker.end is not None:
        found = resolve(speaker.start, speaker.end)
        if found is not None:
            return found
    name = speaker.name or speaker.text or ""
    return EventActor(
        entity=speaker.entity,
        name=name,
        country=roles.country_of(name),
        sector=roles.sector_of(name),
    )


def speech_acts(sent: SpacySpan, triggers: dict[int, Any]) -> list[SpeechAct]:
    """Denial and criticism cues in a sentence (whether they are spoken is checked later)."""
    out: list[SpeechAct] = []
    for token in sent:
        act = _false_claim(token, triggers) or _wrong_to_say(token, triggers) or _fault(token)
        act = act or _denied_act(token, triggers)
        if act is not None:
            out.append(act)
    return out


def _false_claim(token: Token, triggers: dict[int, Any]) -> SpeechAct | None:
    """'baseless allegations', 'the reports are untrue', 'these claims are lies'; the
    acts alleged in the claim ('allegations of attacks') are denied with it."""
    words = speech_words()
    if token.pos_ != "NOUN" or token.lemma_.lower() not in words["claim_nouns"]:
        return None
    called_false = any(
        c.dep_ in ("amod", "conj") and c.lower_ in words["falsity_words"] for c in token.children
    )
    if not called_false and token.dep_ in COPULA_SUBJECTS:
        called_false = any(
            c.dep_ in ("acomp", "attr") and c.lower_ in words["falsity_words"]
            for c in token.head.children
        )
    if not called_false:
        called_false = _unconfirmed(token)
    if not called_false:
        return None
    accusers = [c for c in roles.subject_of(token) if is_actor(c) and c.pos_ != "PRON"]
    alleged = frozenset(t.i for t in token.subtree if t.i != token.i and t.i in triggers)
    return SpeechAct(token, DENIAL, accusers, negates=alleged)


def _unconfirmed(claim: Token) -> bool:
    """'the allegations have not been confirmed', 'claims that remain unproven'."""
    verbs = speech_words()["unconfirmed_verbs"]
    head = claim.head
    if claim.dep_ == "nsubjpass" and head.lemma_.lower() in verbs and roles.is_negated(head):
        return True
    for clause in claim.children:
        if clause.dep_ == "relcl":
            passive = clause.lemma_.lower() in verbs and roles.is_negated(clause)
            said_so = any(
                c.dep_ in ("acomp", "oprd") and c.lower_ in speech_words()["falsity_words"]
                for c in clause.children
            )
            if passive or said_so:
                return True
    return False


def _wrong_to_say(token: Token, triggers: dict[int, Any]) -> SpeechAct | None:
    """'It is wrong to say that X shows favoritism': the said clause is denied."""
    words = speech_words()
    if token.pos_ != "ADJ" or token.lower_ not in words["falsity_words"]:
        return None
    saying = [
        c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in words["saying_verbs"]
    ]
    if not saying and token.dep_ == "acomp":
        saying = [
            c
            for c in token.head.children
            if c.dep_ == "xcomp" and c.lemma_.lower() in words["saying_verbs"]
        ]
    if not saying:
        return None
    denied = frozenset(t.i for t in saying[0].subtree if t.i in triggers)
    return SpeechAct(token, DENIAL, _aimed_at(saying[0]), negates=denied)


def _aimed_at(saying: Token) -> list[Token]:
    """Whom the said clause's act is aimed at ('wrong to say that Moscow was unhappy to see
    Macron win': Macron): the first named actor of the clause that is not its subject."""
    for clause in (c for c in saying.children if c.dep_ == "ccomp"):
        subject = {t.i for c in clause.children if c.dep_ in COPULA_SUBJECTS for t in c.subtree}
        for t in clause.subtree:
            if t.i in subject or t.dep_ in ("compound", "amod", "poss", "nmod"):
                continue
            named = next((c for c in t.children if c.dep_ == "appos" and c.ent_type_), t)
            if is_actor(named) and named.ent_type_ in NAMED:  # no bare noun ('candidates')
                return conjuncts(named)
    return []


NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _fault(token: Token) -> SpeechAct | None:
    """'X's decision was a mistake', 'the move is unacceptable': criticism of its owner."""
    words = speech_words()
    noun = (
        token.pos_ == "NOUN"
        and token.dep_ == "attr"
        and token.lemma_.lower() in words["fault_nouns"]
    )
    adjective = (
        token.pos_ == "ADJ" and token.dep_ == "acomp" and token.lower_ in words["fault_adjectives"]
    )
    if not (noun or adjective) or any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return None
    subjects = [c for c in token.head.children if c.dep_ in COPULA_SUBJECTS]
    if not subjects or subjects[0].lower_ in IMPERSONAL and not noun:
        return None
    return SpeechAct(token, CRITICISM, _criticised(subjects[0]))


def _criticised(subject: Token) -> list[Token]:
    """The actor a criticised subject names: itself, or the owner of the act it names."""
    if is_actor(subject) and subject.pos_ != "PRON":
        return conjuncts(subject)
    for child in subject.children:
        if child.dep_ == "poss" and is_actor(child) and child.pos_ != "PRON":
            return conjuncts(child)
        if child.dep_ == "prep" and child.lower_ in ("of", "by"):
            owners = [g for g in child.children if g.dep_ == "pobj" and is_actor(g)]
            if owners:
                return conjuncts(owners[0])
    return []


def _denied_act(token: Token, triggers: dict[int, Any]) -> SpeechAct | None:
    """'has never interfered', 'did not attack': a negated, asserted act actors are accused of."""
    if token.pos_ != "VERB":
        return None
    accusable = token.lemma_.lower() in speech_words()["denied_acts"]
    if token.i in triggers:
        plover = tables.code_info(triggers[token.i].code).plover
        accusable = accusable or plover in tables.CONFLICTUAL
    if not accusable or not roles.is_negated(token) or roles.modality_of(token) is not None:
        return None
    if token.dep_ == "conj" and _denied_act(token.head, triggers) is not None:
        return None  # 'has never interfered, does not interfere': one denial
    return SpeechAct(token, DENIAL, [], absorbs=False)


def impersonal_infinitive(token: Token) -> bool:
    """Whether an event verb is the infinitive of an impersonal frame ('it would be useful
    to exchange', 'it is important to join forces'): the speaker is the one proposing."""
    node = token
    for _ in range(4):
        if node.dep_ not in ("xcomp", "acomp", "conj") or node.head == node:
            return False
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "expl")]
        if subjects:
            return subjects[0].lower_ == "it" or subjects[0].dep_ == "expl"
    return False
