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

from newsgraph.extractors.events import tables
from newsgraph.extractors.events.patterns import ACTOR_ENTITIES, is_actor, match_trigger
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
NO_COMMENT = frozenset(
    {
        "comment",
        "respond",
        "response",
        "answer",
        "elaborate",
        "say",
        "speak",
        "discuss",
        "confirm",
        "disclose",
        "reveal",
        "specify",
        "detail",
        "identify",
        "name",
        "interview",
        "question",
        "statement",
    }
)
VISIT_CODES = frozenset({"042"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


# -- the act ------------------------------------------------------------------------------


def reported_act(
    trigger: Token, code: str, sources: Sequence[Token], *, spoken: bool = False
) -> bool:
    """Whether the trigger reports an act in its political sense (see module doc).
    ``spoken`` marks an act read from someone's words ('the move was a mistake', he
    said), which is a predication by design."""
    sent = trigger.sent
    if _is_question(sent.text):
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
    return _sense(trigger, code)


def _under_evaluation(trigger: Token) -> bool:
    """'It is vital that applicants consult ...', 'how important it is to cooperate':
    advice or a judgement about an act, not a report of one (an impersonal proposal
    made in someone's words is the speaker's, and is kept: see coder)."""
    node = trigger
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head is node:
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
        if (
            node.dep_ in ("xcomp", "conj", "dobj", "pobj", "prep", "acomp")
            and node.head is not node
        ):
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
        if node.head is node:
            return False
        node = node.head
    return False


def _statistic(noun: Token) -> bool:
    """An event noun counted or compared: '64.4 percent of total demand', 'the number of
    attacks', 'sexual assaults were up 20%', 'attacks rose by a third'."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head is not head:
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


def _sense(trigger: Token, code: str) -> bool:
    """Word senses that are not the coded act."""
    lemma = trigger.lemma_.lower()
    children = list(trigger.children)
    particles = {c.lower_ for c in children if c.dep_ == "prt"}
    if lemma == "sign" and "up" in particles:  # 'sign up for coverage'
        return False
    if lemma == "talk" and trigger.pos_ == "NOUN" and trigger.tag_ == "NN":
        return code not in ("040",)  # 'this kind of talk'; talks are plural
    naming = any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in children)
    if lemma in ("call", "ring") and code == "041" and naming:
        return False  # 'call me a diva'
    if lemma == "call" and code.startswith("02") and not _appeal_prep(trigger):
        return False  # 'on Monday called the relationship "stronger than ever"'
    if lemma == "ask" and _asks_a_question(trigger):
        return False  # 'asked if ...', 'I asked him what he had meant'
    if lemma == "warn" and code == "130" and any(c.dep_ == "ccomp" for c in children):
        return False  # 'experts warn (that) nurdles can soak up ...': a statement
    if lemma == "meet" and code == "040" and _object_not_actor(trigger):
        return False  # 'meet the requirements'
    if lemma == "force" and any(c.dep_ == "dobj" and c.lemma_ == "hand" for c in children):
        return False  # 'force the president's hand'
    if _in_supposition(trigger):
        return False  # 'the suggestion that X needed to be investigated'
    if _in_indirect_question(trigger):
        return False  # 'it is not clear if DHS will offer ...'
    if lemma == "agree" and trigger.pos_ == "VERB" and not _agrees_to_something(trigger):
        return False  # 'Wisor agreed.', 'agreed with the school's assessment', 'agreed that
        # he had described himself as ...' (an opinion: no act agreed on)
    if lemma in ("request", "call", "appeal") and _for_comment(trigger):
        return False  # 'did not respond to CNN's request for comment'
    if code == "061" and not _invests_somewhere(trigger):
        return False  # 'China invested 3.58 trillion yuan to build railways': domestic
    if code in VISIT_CODES and trigger.pos_ == "VERB" and not _visits_somewhere(trigger):
        return False  # 'come to serious harm', 'the lengths he goes to'
    if lemma in ("decline", "refuse", "reject") and _no_comment(trigger):
        return False  # 'declined further comment', 'refused to answer questions'
    # 'released a statement', 'returned the report'
    return not (code.startswith("084") and _published(trigger))


def _published(verb: Token) -> bool:
    words = tables.lexicon()["publication_nouns"]
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words for c in verb.children)


def _appeal_prep(verb: Token) -> bool:
    """'called on/upon X', 'called for X': not 'called ... on Monday'."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("on", "upon", "for"):
            continue
        objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if any(g.ent_type_ not in ("DATE", "TIME") for g in objects):
            return True
    return False


def _asks_a_question(verb: Token) -> bool:
    """'asked if / whether ...', 'asked (him) what ...': a question, not a request."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        if any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children):
            return True
        if any(g.tag_ in ("WP", "WRB", "WDT") for g in child.subtree if g.i < child.i):
            return True
    return False


def _object_not_actor(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(is_actor(o) or o.ent_type_ in PLACE_ENTITIES for o in objects)


def _in_indirect_question(trigger: Token) -> bool:
    """The trigger's clause is an embedded question ('not clear if / whether ...')."""
    node = trigger
    for _ in range(4):
        marked = any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in node.children)
        if marked and node.dep_ == "ccomp":
            return True
        if marked and node.dep_ == "advcl" and _asks_knowledge(node.head):
            return True  # parsed as a condition: 'it is not clear if ...'
        if node.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep") or node.head is node:
            return False
        node = node.head
    return False


def _asks_knowledge(head: Token) -> bool:
    """'(not) clear / known / certain if', 'wonder / know / decide whether'."""
    if head.lemma_.lower() in KNOWLEDGE_WORDS:
        return True
    return any(c.dep_ == "acomp" and c.lemma_.lower() in KNOWLEDGE_WORDS for c in head.children)


KNOWLEDGE_WORDS = frozenset(
    {
        "clear",
        "unclear",
        "known",
        "unknown",
        "certain",
        "uncertain",
        "sure",
        "unsure",
        "know",
        "wonder",
        "decide",
        "determine",
        "see",
        "ask",
    }
)


def _in_supposition(trigger: Token) -> bool:
    """The trigger is in the content clause of a supposition noun ('the suggestion that
    ...', 'the idea of ...'): a proposition under discussion, not a reported act."""
    node = trigger
    for _ in range(6):
        head = node.head
        if head is node:
            return False
        clause = node.dep_ in ("acl", "ccomp", "pcomp", "pobj") and head.pos_ == "NOUN"
        if clause and head.lemma_.lower() in SUPPOSITION_NOUNS:
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "acl", "pcomp", "pobj", "prep", "auxpass"):
            return False
        node = head
    return False


SUPPOSITION_NOUNS = frozenset(
    {
        "suggestion",
        "idea",
        "notion",
        "hypothesis",
        "speculation",
        "question",
        "theory",
        "rumour",
        "rumor",
    }
)


def _for_comment(noun: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in NO_COMMENT for g in c.children)
        for c in noun.children
    )


def _invests_somewhere(trigger: Token) -> bool:
    """Economic cooperation (061) is dyadic: an investment in or with a country or actor."""
    for child in trigger.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "into", "with", "from"):
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and (obj.ent_type_ in ("GPE", "ORG", "NORP") or is_actor(obj)):
                return True
    return any(c.dep_ == "poss" for c in trigger.children) and trigger.pos_ == "NOUN"


def _agrees_to_something(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "ccomp":
            if any(match_trigger(t) for t in child.subtree):  # 'agreed that the truce begins'
                return True
            continue
        if child.dep_ in ("xcomp", "dobj"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon", "over"):
            return True
        with_actor = any(is_actor(g) for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "with" and with_actor:
            return True
    return False


def _visits_somewhere(verb: Token) -> bool:
    """A visit goes to a place or an actor (a named place or agent, not 'harm')."""
    for child in verb.children:
        if child.dep_ == "dobj" and (child.ent_type_ in PLACE_ENTITIES or is_actor(child)):
            return True
        if child.dep_ != "prep" or child.lower_ not in ("to", "in", "at"):
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and (obj.ent_type_ in PLACE_ENTITIES or is_actor(obj)):
                return True
    return False


def _no_comment(verb: Token) -> bool:
    """'declined (further) comment', 'declined to comment', 'refused to answer questions';
    not 'refused to respond to a demand'."""
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp") and child.lemma_.lower() in NO_COMMENT:
            return not any(g.dep_ == "prep" and g.lower_ == "to" for g in child.children)
        if child.dep_ == "dobj" and _for_comment(child):
            return True  # 'declined requests for an interview'
        if child.dep_ == "xcomp" and any(
            g.dep_ == "dobj" and g.lemma_.lower() in NO_COMMENT for g in child.children
        ):
            return True
    return False


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
