"""What a political event coder codes: the domain check on a coded trigger.

A pattern match is only a candidate. An event is kept when the sentence reports an
act of political actors, in the trigger's political sense (docs/events.md, "What is
coded"). Two kinds of checks, both cheap (a few token lookups per candidate):

* ``reported_act(coded)`` reads the parse around the trigger: a question, a
  counterfactual ('would have undercut'), an act named as a clausal subject
  ('Signing the order would ...'), a statistic ('64.4 percent of total demand',
  'assaults were up 20%'), a generic quantified subject in the present ('Most
  Americans support ...'), a no-comment ('declined further comment'), an event noun
  predicated by a copula ('this is an attack on ...'), and word senses that are not
  the coded act ('sign up', a singular 'talk', 'call me a diva', 'agreed' with an
  opinion, 'come to serious harm') are not coded;
* ``has_actor(...)`` asks for at least one side that is an actor: a resolved entity,
  a country or a typed agent (sector), or a name or agent noun in the text. Bare
  pronouns left unresolved, quantities and common nouns that name no agent ('smog',
  'stocks', 'shots', 'brand') do not count, so an event with no such side is dropped.
  A first-person side ('I quit because ...') counts only when it resolves to a known
  actor (a knowledge-base entity or a typed agent), not to an interviewee's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from newsgraph.extractors.doctext import span_text
from newsgraph.extractors.events import tables
from newsgraph.extractors.events.patterns import ACTOR_ENTITIES, is_actor
from newsgraph.extractors.events.senses import (
    _sense,
)
from newsgraph.records import EventActor, Speaker

FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT", "DT", "EX"})
# heads that turn an event noun into a count or a share ('percent of total demand')
QUANTITY_HEADS = frozenset(
    {
        "percent",
        "per",
        "%",
        "percentage",
        "number",
        "rate",
        "share",
        "proportion",
        "level",
        "amount",
        "figure",
        "statistic",
        "total",
        "half",
        "third",
        "quarter",
        "fraction",
        "majority",
        "minority",
        "rise",
        "increase",
        "decrease",
        "decline",
        "fall",
        "drop",
        "growth",
        "surge",
        "spike",
        "index",
        "volume",
        "tally",
        "count",
    }
)
# predicates of change in quantity ('assaults were up', 'attacks rose 20%')
QUANTITY_VERBS = frozenset(
    {
        "rise",
        "fall",
        "increase",
        "decrease",
        "drop",
        "decline",
        "double",
        "triple",
        "halve",
        "soar",
        "surge",
        "jump",
        "plunge",
        "climb",
        "grow",
        "dip",
        "slump",
        "tumble",
        "total",
        "number",
        "account",
        "average",
    }
)
GENERIC_QUANTIFIERS = frozenset({"most", "many", "some", "few", "any", "every", "several", "more"})
GENERIC_PRONOUNS = frozenset(
    {"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody", "one"}
)


# -- the act ------------------------------------------------------------------------------


def reported_act(
    trigger: Token, code: str, sources: Sequence[Token], *, spoken: bool = False
) -> bool:
    """Whether the trigger reports an act in its political sense (see module doc).
    ``spoken`` marks an act read from someone's words ('the move was a mistake', he
    said), which is a predication by design."""
    sent = trigger.sent
    if _is_question(span_text(sent)):
        return False
    if _counterfactual(trigger) or _in_clausal_subject(trigger):
        return False
    if trigger.pos_ in ("NOUN", "PROPN") and _statistic(trigger):
        return False
    if not spoken and trigger.pos_ in ("NOUN", "PROPN") and _predicated(trigger):
        return False
    if not spoken and _under_evaluation(trigger):
        return False
    if sources and all(_generic(s) for s in sources) and _present(trigger):
        return False
    if _predicted(trigger):
        return False
    return _sense(trigger, code)


# verbs of foretelling: what follows is someone's forecast of another's act
PREDICTION_VERBS = frozenset(
    {"anticipate", "expect", "predict", "forecast", "foresee", "envisage", "envision",
     "speculate", "guess", "bet", "project", "reckon"}
)  # fmt: skip


def _predicted(trigger: Token) -> bool:
    """'Ischinger anticipates that America will commit to NATO', 'the Kremlin expects that
    Washington will lift sanctions': a forecast in a clause of its own, with a subject of
    its own, is not the act, nor the actor's own statement of intent that CAMEO's future
    rule codes ('Putin expects Erdogan to visit Moscow' was coded as a visit). 'Russia
    expects to sign the deal' (its own intent, no subject of its own) is kept."""
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        if node.dep_ == "ccomp" and head.lemma_.lower() in PREDICTION_VERBS:
            return any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if node.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep"):
            return False
        node = head
    return False


def _under_evaluation(trigger: Token) -> bool:
    """'It is vital that applicants consult ...', 'how important it is to cooperate':
    advice or a judgement about an act, not a report of one (an impersonal proposal
    made in someone's words is the speaker's, and is kept: see coder)."""
    node = trigger
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head == node:
            return False
        node = node.head
        if node.pos_ == "ADJ" and node.lemma_.lower() in EVALUATIONS:
            return True
    return False


def _is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’»)").rstrip().endswith("?")


def _verbs_above(trigger: Token) -> list[Token]:
    """The trigger and the verbs it hangs from up to its clause (xcomp/conj chains, a
    noun's support verb)."""
    chain = [trigger]
    node = trigger
    for _ in range(4):
        if node.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "acomp") and node.head != node:
            node = node.head
            chain.append(node)
        else:
            break
    return chain


def _counterfactual(trigger: Token) -> bool:
    """'would have undercut', 'could have met': a counterfactual, not an event."""
    for node in _verbs_above(trigger):
        auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"would", "could", "might", "should", "'d"} and auxes & {"have", "'ve"}:
            return True
    return False


def _in_clausal_subject(trigger: Token) -> bool:
    """'Signing the executive order would have ...', 'To attack now is madness'."""
    node = trigger
    for _ in range(12):
        if node.dep_ == "csubj":
            return True
        if node.head == node:
            return False
        node = node.head
    return False


def _statistic(noun: Token) -> bool:
    """An event noun counted or compared: '64.4 percent of total demand', 'the number of
    attacks', 'sexual assaults were up 20%', 'attacks rose by a third'."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head != head:
        owner = head.head
        if owner.lemma_.lower() in QUANTITY_HEADS or owner.ent_type_ in ("PERCENT", "CARDINAL"):
            return True
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verb = noun.head
        if verb.lemma_.lower() in QUANTITY_VERBS:
            return True
        rest = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "acomp", "prt")}
        numeric = any(c.ent_type_ in ("PERCENT", "CARDINAL") for c in verb.subtree)
        if verb.lemma_ == "be" and rest & {"up", "down"} and numeric:
            return True
    return False


def _predicated(noun: Token) -> bool:
    """An event noun that is the predicate of a copula ('it is offensive to ...', 'this
    is an attack on democracy'), or the subject of a present evaluation of need or
    possibility ('a dialogue with Russia is necessary'): a judgement, not a report."""
    head = noun.head
    if noun.dep_ in ("attr", "acomp") and head.lemma_ == "be":
        return True
    if noun.dep_ != "nsubj" or head.lemma_ != "be" or head.tag_ not in ("VBZ", "VBP"):
        return False
    return any(c.dep_ == "acomp" and c.lemma_.lower() in EVALUATIONS for c in head.children)


EVALUATIONS = frozenset(
    {
        "necessary",
        "needed",
        "essential",
        "crucial",
        "vital",
        "important",
        "possible",
        "impossible",
        "likely",
        "unlikely",
        "desirable",
        "useful",
        "required",
        "imperative",
        "urgent",
    }
)


def _generic(subject: Token) -> bool:
    """'Most of the American public', 'many Americans', 'anyone': a generic subject."""
    if subject.ent_type_ in ("PERSON", "ORG", "GPE") and subject.pos_ == "PROPN":
        return False
    if subject.lower_ in GENERIC_PRONOUNS or subject.lower_ in GENERIC_QUANTIFIERS:
        return True
    head = subject.head
    if subject.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in GENERIC_QUANTIFIERS:
        return True  # 'most of the American public'
    return any(
        c.dep_ in ("det", "amod", "advmod") and c.lower_ in GENERIC_QUANTIFIERS
        for c in subject.children
    )


def _present(trigger: Token) -> bool:
    """Simple present (habitual or generic in news prose unless a time is named)."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        head = trigger.head
        verb = head if head.pos_ in ("VERB", "AUX") else trigger
    if verb.tag_ not in ("VBZ", "VBP", "VB"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD") for c in verb.children)


# -- the actors ---------------------------------------------------------------------------


def has_actor(
    sides: Iterable[tuple[Sequence[Token], Sequence[EventActor]]], speaker: Speaker | None = None
) -> bool:
    """Whether at least one side names an actor (see module doc). ``sides`` pairs the
    argument tokens of a side with the actors they resolved to, in the same order."""
    if speaker is not None and (speaker.entity or _named_speaker(speaker)):
        return True
    for tokens, actors in sides:
        for token, actor in zip(tokens, actors, strict=False):
            if _actor_side(token, actor):
                return True
    return False


def _actor_side(token: Token, actor: EventActor) -> bool:
    pronoun = token.pos_ == "PRON" or token.tag_ in PRONOUN_TAGS
    if token.lower_ in FIRST_PERSON:
        known = bool(actor.entity) and not (actor.entity or "").startswith("local:")
        return known or bool(actor.sector)
    if pronoun:
        return bool(actor.entity)
    if actor.entity or actor.sector or actor.country or getattr(actor, "code", None):
        return True
    if token.ent_type_ in tables.lexicon()["non_actor_entities"]:
        return any(_actor_side(g, actor) for g in _of_objects(token))  # 'thousands of students'
    return token.ent_type_ in ACTOR_ENTITIES or token.pos_ == "PROPN" or is_actor(token)


def _of_objects(token: Token) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _named_speaker(speaker: Speaker) -> bool:
    """A speaker named in the text ('the admiral', 'Wang'), not a bare pronoun."""
    name = (speaker.name or "").strip().lower()
    return bool(name) and name not in PRONOUN_WORDS


PRONOUN_WORDS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "one"}
)
