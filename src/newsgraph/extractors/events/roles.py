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

from newsgraph.extractors.doctext import doc_text
from newsgraph.extractors.events import tables
from newsgraph.extractors.events.patterns import conjuncts, governing_verb, is_actor
from newsgraph.records import EventActor, TimeExpr

TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "at", "into", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "over", "for")
MEANS_PREPS = frozenset({"in", "during", "through", "via", "by"})
PLACE_PREPS = frozenset({"in", "at"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
SPAN_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "flat", "nummod"})
CONTROL_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl"})


# -- source -------------------------------------------------------------------------------


def subject_of(token: Token) -> list[Token]:
    """The acting arguments of a verb or noun trigger (empty when none is found)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_source(token)
    return _verb_subject(token)


def _verb_subject(verb: Token, hops: int = 0) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "agent":
            return _pobjs(child)
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            relative = child.tag_ in ("WDT", "WP") or child.lower_ == "that"
            if relative and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return conjuncts(verb.head)
            return conjuncts(child)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(verb.head)
    if verb.dep_ in CONTROL_DEPS and verb.head.i != verb.i and hops < 4:
        controller = _object_controller(verb.head) if verb.dep_ == "xcomp" else []
        return controller or subject_of_head(verb.head, hops + 1)
    return []


def subject_of_head(head: Token, hops: int) -> list[Token]:
    """Subject of a governing verb (for control) or of a noun's support verb."""
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        return _verb_subject(head, hops)
    return _noun_source(head)


def _object_controller(head: Token) -> list[Token]:
    """'urged Uganda to repatriate': the object of an object-control verb acts."""
    objects = [c for c in head.children if c.dep_ in ("dobj",) and is_actor(c)]
    if not objects:
        objects = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon")
            for g in _pobjs(c)
            if is_actor(g)
        ]
    return conjuncts(objects[0]) if objects else []


def _noun_source(noun: Token) -> list[Token]:
    message = message_of(noun)
    if message is not None:  # 'sent a telegram of congratulations': the sender
        return _noun_source(message)
    for child in noun.children:
        named = is_actor(child) or child.pos_ in ("NOUN", "PRON")
        timeless = child.ent_type_ not in tables.lexicon()["non_actor_entities"]
        if child.dep_ == "poss" and named and timeless:
            return conjuncts(child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "between", "among"):
            found = [g for g in _pobjs(child) if is_actor(g)]
            if found:
                return found
    verb = governing_verb(noun)
    if verb is not None and noun.dep_ in ("dobj", "conj", "appos"):
        return _verb_subject(verb)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in MEANS_PREPS and head.head.pos_ == "VERB":
        return _verb_subject(head.head)  # 'In a congratulatory telegram, Putin said ...'
    return [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
    ]


def _pobjs(prep: Token) -> list[Token]:
    out: list[Token] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            out.extend(conjuncts(child))
    return out


# -- target -------------------------------------------------------------------------------


def objects_of(
    token: Token, preferred: frozenset[str] = frozenset(), fixed: frozenset[str] = frozenset()
) -> list[Token]:
    """The arguments acted on: a preferred preposition's object, the object, 'with/to/against X'.

    ``fixed`` are object lemmas that belong to the trigger itself ('join forces')."""
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_targets(token)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preferred:
            found = [_named(g) for g in _pobjs(child) if g.pos_ in ("NOUN", "PROPN", "PRON")]
            if found:
                return found
    for child in token.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass") and is_actor(child):
            if child.lemma_.lower() in fixed:
                continue
            return conjuncts(child)
    return _prep_targets(token, TARGET_PREPS) or addressee(token) or _object_owner(token)


def _named(token: Token) -> Token:
    """'the winner of the election, Emmanuel Macron': the apposed name when there is one."""
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return child
    return token


def _prep_targets(token: Token, preps: Sequence[str]) -> list[Token]:
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            found = [g for g in _pobjs(child) if is_actor(g)]
            if found:
                return found
    return []


def _object_owner(verb: Token) -> list[Token]:
    """'rejected an Indian proposal', 'denied charges by Ivory Coast': the object's owner."""
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        owner = _noun_source(child)
        if owner:
            return owner
    return []


def message_of(noun: Token) -> Token | None:
    """The message noun a speech-act noun names the content of ('a telegram of congratulations')."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.pos_ != "NOUN":
        return None
    message = head.head
    return (
        message if message.lemma_.lower() in tables.lexicon()["speech"]["message_nouns"] else None
    )


def addressee(verb: Token) -> list[Token]:
    """'In a message to X, Y praised ...': the addressee of the message a verb is made in."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in MEANS_PREPS:
            continue
        for noun in _pobjs(child):
            if noun.lemma_.lower() in tables.lexicon()["speech"]["message_nouns"]:
                found = _prep_targets(noun, ("to",))
                if found:
                    return found
    return []


def _noun_targets(noun: Token) -> list[Token]:
    message = message_of(noun)
    if message is not None:
        return _noun_targets(message)
    found = _prep_targets(noun, NOUN_TARGET_PREPS)
    verb = governing_verb(noun)
    if not found and verb is not None:
        found = [c for c in verb.children if c.dep_ == "dative" and is_actor(c)]
        found = found or _prep_targets(verb, NOUN_TARGET_PREPS)
    return found


# -- actor names --------------------------------------------------------------------------


def actor_span(token: Token) -> tuple[int, int]:
    """Character offsets of the name phrase headed by ``token``: its entity, widened to the
    title and adjectives before it ('Russian President' + 'Vladimir Putin')."""
    start, end = token, token
    for ent in token.doc.ents if token.ent_type_ else ():
        if ent.start <= token.i < ent.end:
            start, end = ent[0], ent[-1]
    for child in token.lefts:
        if child.dep_ in SPAN_DEPS:
            first = child.left_edge
            start = first if first.i < start.i else start
            break
    while start.i < end.i and (start.is_punct or start.dep_ == "det"):
        start = start.doc[start.i + 1]
    begin, finish = start.idx, end.idx + len(end.text)
    cut = doc_text(token.doc).rfind("\n", begin, token.idx)
    return (cut + 1 if cut >= 0 else begin), finish


def default_actor(text: str) -> EventActor:
    """An unresolved actor named by its text, with a country and sector where obvious."""
    return EventActor(entity=None, name=text, country=country_of(text), sector=sector_of(text))


def country_of(text: str) -> str | None:
    """ISO alpha-3 for a country name, demonym or capital in ``text`` (None when unclear)."""
    names = tables.country_names()
    words = text.replace("’", "'").replace("'s", "").split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase.lower() == "us" and phrase != "US":
                continue
            iso = names.get(phrase.lower().strip(",.()"))
            if iso:
                return iso
    return _pycountry(text)


def _pycountry(text: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(text.strip()).alpha_3
    except LookupError:
        return None


def sector_of(text: str) -> str | None:
    """Sector code for an actor phrase ('President' -> GOV, 'rebels' -> REB)."""
    words = tables.sector_words()
    for word in text.lower().replace("-", " ").split():
        sector = words.get(word.strip(",.()'s")) or words.get(word.rstrip("s"))
        if sector:
            return sector
    return None


# -- flags --------------------------------------------------------------------------------


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
    for node in chain:
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in lex["modal_aux"]:
                return lex["modal_aux"][child.lower_]
            if child.dep_ == "advcl" and _has_mark(child, lex["conditional_marks"]):
                return "conditional"
        if node is not token and node.pos_ == "VERB" and node.lemma_ in lex["intent_verbs"]:
            return lex["intent_verbs"][node.lemma_]
        if node is not token and node.pos_ == "ADJ" and node.lower_ in lex["intent_adjectives"]:
            return lex["intent_adjectives"][node.lower_]
    if token.dep_ == "advcl" and _has_mark(token, lex["conditional_marks"]):
        return "conditional"
    return None


def _has_mark(token: Token, marks: list[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


# -- place and date -----------------------------------------------------------------------


def place_of(sent: SpacySpan, trigger: Token) -> str | None:
    """The nearest place named after 'in' or 'at' in the sentence."""
    best: tuple[int, str] | None = None
    for ent in sent.ents:
        root = ent.root.head if ent.root.dep_ == "compound" else ent.root  # "in the Moscow Kremlin"
        if root.dep_ != "pobj" or root.head.lower_ not in PLACE_PREPS:
            continue
        name = _capital_in(ent) or (
            ent.text.split("\n")[0].strip() if ent.label_ in PLACE_ENTITIES else None
        )
        distance = abs(root.i - trigger.i)
        if name and (best is None or distance < best[0]):
            best = (distance, name)
    return best[1] if best else None


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
