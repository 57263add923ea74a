"""Match event triggers: a token's lemma plus its particles, prepositions and objects.

Patterns come from ``data/events/verbs.json`` and ``nouns.json`` (see
``event_tables``); this module only reads the dependency parse around a token to
decide which pattern, if any, the token fits.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.extractors.events import tables
from newsgraph.extractors.events.tables import Pattern
from newsgraph.kb.actor_codes import agent_sector
from newsgraph.resources import load_json

ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "FAC", "LOC", "NORP"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
SKIP_NOUN_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "we", "us", "i", "you"})


# doc.user_data key: token indices the entity layer linked as a name of a person,
# organisation or place (set by the events step; the parser's NER may have missed them)
NAMED_TOKENS = "newsgraph_named_tokens"


def mark_named_tokens(doc: Doc, spans: Iterable[tuple[int, int]]) -> None:
    """Record the tokens inside the character ``spans`` of names the entity layer found
    ('Trump' opening a sentence, which the small model tags as a common noun)."""
    found: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None:
            found.update(t.i for t in span)
    doc.user_data[NAMED_TOKENS] = frozenset(found)


def named_by_layer(token: Token) -> bool:
    return token.i in token.doc.user_data.get(NAMED_TOKENS, ())


def is_actor(token: Token) -> bool:
    """Whether a token can name who acts or is acted on (a named entity, agent noun, pronoun)."""
    if token.ent_type_ in ACTOR_ENTITIES or named_by_layer(token):
        return True  # the layer's names too: 'criticised Sessions for ...' (tagged plural)
    if token.text in ("North", "South") and any(c.lower_ == "the" for c in token.lefts):
        return True  # 'engaging the North': the country of that half the story names
    if token.ent_type_ in tables.lexicon()["non_actor_entities"]:
        return False
    if token.pos_ == "PROPN":
        return True
    if token.pos_ == "PRON":
        return token.lower_ in PERSONAL_PRONOUNS
    lemma = token.lemma_.lower()
    if lemma in _actor_nouns():
        return True
    # 'a federal judge', 'prosecutors', 'a reporter': a noun the actor tables type as an
    # agent of the state, the law, the press or armed politics
    if token.pos_ != "NOUN" or lemma not in people_nouns():
        return False
    return (agent_sector(lemma) or "")[:3] in AGENT_SECTORS


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Nouns for people and bodies of people (``data/confidence.json`` ``person_nouns``),
    not for places or things ('prisons')."""
    table = load_json("newsgraph.extractors.events", "data/confidence.json")
    return frozenset(table["person_nouns"])


def with_partner(verb: Token) -> bool:
    """A 'with' phrase naming an actor on the verb ('would be discussed with Tillerson')."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(is_actor(g) for g in c.children)
        for c in verb.children
    )


# sectors of the agent nouns that can act in a political event
AGENT_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "MED", "REB", "OPP", "UAF", "IGO", "NGO"}
)


def _actor_nouns() -> frozenset[str]:
    return frozenset(tables.lexicon()["actor_nouns"])


def particles(token: Token) -> set[str]:
    """Verb particles: 'up' in 'blew up', 'off' in 'called off'."""
    return {c.lower_ for c in token.children if c.dep_ == "prt"}


def prepositions(token: Token) -> set[str]:
    """Prepositions attached to the token ('with' in 'met with', 'on' in 'called on');
    not one that only introduces a time ('called Erdogan on Monday' is no 'called on')."""
    return {
        c.lower_
        for c in token.children
        if c.dep_ in ("prep", "agent", "dative") and not _time_phrase(c)
    }


def _time_phrase(prep: Token) -> bool:
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


# occasions words are given or acts done at ('in a speech Tuesday', 'insisted in a
# statement that ...'): a day after them dates the act, a 'that' clause on them is what
# was said
OCCASIONS = frozenset(
    {"speech", "interview", "statement", "address", "briefing", "conference", "rally",
     "meeting", "session", "hearing", "debate", "appearance", "tweet", "post", "letter",
     "note"}
)  # fmt: skip


def prep_governs(token: Token, prep: str, lemmas: AbstractSet[str], dep: str = "pobj") -> bool:
    """Whether a ``prep`` phrase on ``token`` holds a word of ``lemmas`` as its ``dep``
    ('for comment', 'by saying')."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == prep
        and any(g.dep_ == dep and g.lemma_.lower() in lemmas for g in c.children)
        for c in token.children
    )


def direct_objects(token: Token) -> list[Token]:
    """Direct objects with their conjuncts; for a passive verb, its grammatical subject."""
    heads = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    out: list[Token] = []
    for head in heads:
        out.extend(conjuncts(head))
    return out


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ('Russia, France and Germany')."""
    out, todo = [], [token]
    while todo:
        current = todo.pop(0)
        out.append(current)
        todo.extend(
            c for c in current.children if c.dep_ == "conj" and not _alias(c) and not _described(c)
        )
    return out


def _described(conj: Token) -> bool:
    """'China, North Korea's main trading partner and historic ally': a noun after a comma
    owned by a name, which the parser joined as a conjunct, describes the name before it
    (an apposition); it is no second side."""
    doc = conj.doc
    return (
        conj.pos_ == "NOUN"
        and conj.i >= 1
        and doc[conj.left_edge.i - 1].text == ","
        and any(c.dep_ == "poss" for c in conj.children)
        and not any(c.dep_ == "cc" and c.i < conj.i for c in conj.head.children)
    )


def _alias(conj: Token) -> bool:
    """'the Federal Security Service, or FSB': an acronym after ', or' names the same body."""
    doc = conj.doc
    return (
        conj.i >= 2
        and conj.text.isupper()
        and len(conj.text) >= 2
        and doc[conj.i - 1].lower_ == "or"
        and doc[conj.i - 2].text == ","
    )


def object_lemmas(token: Token) -> set[str]:
    """Lemmas that can satisfy an ``obj:`` constraint: objects, their compounds and 'of' nouns."""
    lemmas: set[str] = set()
    for obj in direct_objects(token):
        lemmas.add(obj.lemma_.lower())
        for child in obj.children:
            if child.dep_ in MODIFIER_DEPS:
                lemmas.add(child.lemma_.lower())
            if child.dep_ == "prep" and child.lower_ == "of":
                lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return lemmas


def modifier_lemmas(token: Token) -> set[str]:
    """Lemmas of the modifiers left of a noun ('video' in 'video call', 'hunger' in 'hunger strike')."""
    out = {c.lemma_.lower() for c in token.children if c.dep_ in MODIFIER_DEPS}
    out.update(c.lower_ for c in token.lefts if c.dep_ in MODIFIER_DEPS)
    if token.i > 0 and token.doc[token.i - 1].is_punct and token.i > 1:
        out.add(token.doc[token.i - 2].lemma_.lower())  # hyphenated 'cease-fire'
    return out


def governing_verb(token: Token) -> Token | None:
    """The verb a noun depends on as object or subject ('signed' for 'signed a treaty')."""
    current = token
    while current.dep_ in ("conj", "appos") and current.head.i != current.i:
        current = current.head
    if current.dep_ == "pobj" and current.head.dep_ == "prep":
        return None
    head = current.head
    if head == current or head.pos_ not in ("VERB", "AUX"):
        return None
    return head


def _fits(pattern: Pattern, token: Token, is_noun: bool) -> bool:
    if pattern.particle and not pattern.particle & particles(token):
        return False
    if pattern.prep and not pattern.prep & prepositions(token):
        return False
    if pattern.obj and not pattern.obj & object_lemmas(token):
        return False
    if pattern.no_object and direct_objects(token):
        return False
    if pattern.actor_object and not any(is_actor(o) for o in direct_objects(token)):
        return False
    if pattern.has_object and not direct_objects(token):
        return False
    clausal = any(
        c.dep_ in ("ccomp", "xcomp")
        or (c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children))
        for c in token.children
    )  # 'tried for five years to kill' parses 'to kill' as an adverbial clause
    if (pattern.clausal and not clausal) or (pattern.no_clause and clausal):
        return False
    if pattern.mod and not pattern.mod & modifier_lemmas(token):
        return False
    if pattern.verb:
        verb = governing_verb(token) if is_noun else None
        return verb is not None and verb.lemma_.lower() in pattern.verb
    return True


def _first_fit(patterns: tuple[Pattern, ...], token: Token, is_noun: bool) -> Pattern | None:
    return next((p for p in patterns if _fits(p, token, is_noun)), None)


def match_verb(token: Token) -> Pattern | None:
    """The most specific verb pattern the token fits, if it is a verb trigger."""
    if token.pos_ != "VERB" or token.dep_ in ("amod", "compound"):
        return None
    patterns = tables.verb_patterns().get(token.lemma_.lower())
    return _first_fit(patterns, token, False) if patterns else None


def match_noun(token: Token) -> Pattern | None:
    """The most specific noun pattern the token fits, if it is a nominal trigger."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in SKIP_NOUN_DEPS:
        return None
    if token.ent_type_ in NAME_ENTITIES or token.ent_type_ == "DATE":
        return None
    patterns = tables.noun_patterns().get(token.lemma_.lower())
    return _first_fit(patterns, token, True) if patterns else None


def match_trigger(token: Token) -> Pattern | None:
    """The pattern for a verb or noun trigger, or None when the token is no event word."""
    return match_verb(token) or match_noun(token)
