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
from newsgraph.extractors.events.patterns import conjuncts, governing_verb, is_actor, match_trigger
from newsgraph.kb.actor_codes import (
    ActorCode,
    adjective_country,
    agent_sector,
    code_phrase,
    country_code,
)
from newsgraph.records import EventActor, TimeExpr

TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "at", "into", "from")
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "over", "for")
MEANS_PREPS = frozenset({"in", "during", "through", "via", "by"})
PLACE_PREPS = frozenset({"in", "at"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
SPAN_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "flat", "nummod"})
CONTROL_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl", "acomp"})
AGENT_PLACE_PREPS = frozenset({"of", "in", "from", "throughout", "across"})
ACTION_SUFFIXES = ("tion", "sion", "ment", "al", "ance", "ence")
POLITIES = frozenset({"republic", "kingdom", "state", "emirate", "federation", "principality"})


# -- source -------------------------------------------------------------------------------


def subject_of(token: Token) -> list[Token]:
    """The acting arguments of a verb or noun trigger (empty when none is found).

    Only tokens that can name an actor are kept (see :func:`actor_tokens`); a pronoun
    'it' / 'they' stands for its antecedent in the sentence or is dropped."""
    if token.pos_ in ("NOUN", "PROPN"):
        return actor_tokens(_noun_source(token))
    return actor_tokens(_verb_subject(token))


def _verb_subject(verb: Token, hops: int = 0) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "agent":
            return _pobjs(child)
    if _engaged_in(verb):  # 'Serb forces were engaged in ethnic cleansing': they act
        return [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return []  # a passive without 'by X' names no actor ('X has not been charged')
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


def _engaged_in(verb: Token) -> bool:
    """'were engaged / involved in E': an adjectival passive whose subject does E."""
    return verb.lemma_ in ("engage", "involve") and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in verb.children
    )


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
            if found and child.lower_ == "between":  # 'talks between A and B': A -> B
                return found[:1]
            if found:
                return found
    verb = governing_verb(noun)
    if verb is not None and noun.dep_ in ("dobj", "conj", "appos"):
        if _frame(verb)[0] in ("deny", "reject"):
            return []  # 'Russia rejected allegations of interference': not Russia's
        return _verb_subject(verb)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in MEANS_PREPS and head.head.pos_ == "VERB":
        return _verb_subject(head.head)  # 'In a congratulatory telegram, Putin said ...'
    return [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and _nation(c)
    ]


def _nation(token: Token) -> bool:
    """A country or nationality modifier ('the Russian proposal', 'a US attack'), not a
    city naming where it happens ('the Geneva meeting', 'the Minsk agreement')."""
    start, end = actor_span(token)
    text = doc_text(token.doc)[start:end]
    return bool(country_code(text) or adjective_country(text) or country_code(token.text))


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

    ``fixed`` are object lemmas that belong to the trigger itself ('join forces'). An
    object the source owns ('withdraw its troops from Lebanon', 'offered its troops to
    Lebanon') is the source's means, not the target: the preposition's object is. Then
    the prepositional objects of the verb's object noun ('break relations with Russia',
    'imposed restrictions on X') and the object's owner ('rejected an Australian
    ultimatum', 'support a Security Council resolution'). Only actor tokens are kept."""
    return actor_tokens(_objects_of(token, preferred, fixed))


def _objects_of(token: Token, preferred: frozenset[str], fixed: frozenset[str]) -> list[Token]:
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_targets(token)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preferred:
            found = actor_tokens([_named(g) for g in _pobjs(child)])
            if found:
                return found
    for child in token.children:
        if child.dep_ not in ("dobj", "dative", "nsubjpass"):
            continue
        if child.dep_ == "nsubjpass" and _engaged_in(token):
            continue
        if child.lemma_.lower() in fixed:  # 'summoned Niger's ambassador': Niger
            found = actor_tokens(_owner(child))
            if found:
                return found
            continue
        group = (child.like_num or child.lower_ in GROUP_HEADS) and _of_object(child) is not None
        named = is_actor(child) or group or _codes(child, strict=True)
        if named and not _own_object(child):
            found = actor_tokens(conjuncts(child))
            if found:
                return found
    return (
        _prep_targets(token, TARGET_PREPS)
        or addressee(token)
        or _object_preps(token)
        or _object_owner(token)
        or _complement_targets(token)
    )


def _denied_targets(token: Token) -> list[Token]:
    """'denied that Russia intends to influence the French election': the one the denied
    act is aimed at (here France, the owner of the election), down the complement."""
    level = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
    for _ in range(3):
        for verb in level:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            own = {s.i for s in _verb_subject(verb)}
            found = [t for t in _objects_of(verb, frozenset(), frozenset()) if t.i not in own]
            found = actor_tokens(found)
            if found:
                return found
        level = [c for v in level for c in v.children if c.dep_ in ("ccomp", "xcomp")]
    return []


def _frame(token: Token) -> tuple[str | None, str]:
    """The frame and CAMEO code of the pattern a trigger fits (None, '' for no trigger)."""
    pattern = match_trigger(token)
    if pattern is None:
        return None, ""
    return tables.frame_of_code().get(pattern.code), pattern.code


def _complement_targets(token: Token) -> list[Token]:
    """The target found in a frame word's complement clause: the one a demand or appeal
    is addressed to is the subject of what is demanded ('demanded that the US cancel
    ...', 'its demand that Israel ease ...'); an intent, threat or refusal has the target
    of its infinitive ('threatened to break off relations with Congo')."""
    frame, code = _frame(token)
    if frame is None and not code.startswith(("10", "02")):
        return []
    if frame == "deny":
        return _denied_targets(token)
    for child in token.children:
        if child.dep_ in ("ccomp", "acl") and code.startswith(("10", "02")):
            subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
            found = actor_tokens(conjuncts(subjects[0])) if subjects else []
            if found:
                return found
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and frame:
            inner = match_trigger(child)  # its own fixed objects ('join forces') are no target
            found = _objects_of(child, frozenset(), inner.obj if inner else frozenset())
            found = actor_tokens([t for t in found if t.dep_ not in SUBJECT_DEPS])
            if found:
                return found
    return []


def _own_object(token: Token) -> bool:
    """'its troops', 'their forces': an object owned by a pronoun is the actor's own."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


def _object_preps(verb: Token) -> list[Token]:
    """'break relations with Russia', 'imposed sanctions on X': the object noun's target."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
            found = actor_tokens(_prep_targets(child, NOUN_TARGET_PREPS))
            if found:
                return found
    return []


def _named(token: Token) -> Token:
    """'the winner of the election, Emmanuel Macron': the apposed name when there is one
    (also when the parser attached the name elsewhere: a name right after the phrase
    and a comma)."""
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return child
    after = token.right_edge.i + 1
    doc = token.doc
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].ent_type_ == "PERSON":
        name = doc[after + 1]
        while name.dep_ == "compound" and name.head.i > name.i:
            name = name.head
        if name.dep_ in ("appos", "npadvmod", "conj", "dep") and not _codes(token):
            return name
    return token


def _prep_targets(token: Token, preps: Sequence[str]) -> list[Token]:
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            found = actor_tokens([g for g in _pobjs(child) if is_actor(g)])
            if found:
                return found
    return []


def _object_owner(verb: Token) -> list[Token]:
    """'rejected an Indian proposal', 'denied charges by Ivory Coast', 'support a Security
    Council resolution': the object's owner (never the verb's own subject)."""
    for child in verb.children:
        if child.dep_ != "dobj" or child.pos_ not in ("NOUN", "PROPN") or is_actor(child):
            continue
        owner = actor_tokens(_owner(child))
        if owner:
            return owner
    return []


def _action_noun(noun: Token) -> bool:
    """A nominalised act ('withdrawal', 'deployment', 'release'), not a thing."""
    lemma = noun.lemma_.lower()
    return lemma in tables.noun_patterns() or lemma.endswith(ACTION_SUFFIXES)


def _owner(noun: Token) -> list[Token]:
    """Who a (non-actor) noun belongs to: its possessor, 'by / from X' (an actor, not
    'a video from an al-Qaeda camp'), 'of X' after an action noun ('demanded the
    withdrawal of Serbian forces'), or a nationality or organisation modifier ('an
    Australian ultimatum')."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            return []  # 'rebuild his coalition': his own, not a target
        if child.dep_ == "poss" and child.ent_type_ not in tables.lexicon()["non_actor_entities"]:
            return conjuncts(child)
    preps = ("by", "from", "of") if _action_noun(noun) else ("by", "from")
    for child in noun.children:  # 'the withdrawal of X' is X's; 'pictures of X' are not
        if child.dep_ == "prep" and child.lower_ in preps:
            named = [g for g in _pobjs(child) if is_actor(g) or _codes(g, strict=True)]
            found = actor_tokens(named)
            if found:
                return found
    return [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE", "ORG")
    ][:1]


def _between_others(noun: Token) -> list[Token]:
    """'talks between A and B': B and the rest are the target (A is the source)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            found = [g for g in _pobjs(child) if is_actor(g)]
            return found[1:]
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
    found = _prep_targets(noun, NOUN_TARGET_PREPS) or _between_others(noun)
    if not found and noun.pos_ == "NOUN":
        found = _complement_targets(noun)
    verb = governing_verb(noun)
    if not found and verb is not None:
        found = [c for c in verb.children if c.dep_ == "dative" and is_actor(c)]
        found = found or _prep_targets(verb, NOUN_TARGET_PREPS)
    return found


# -- which tokens are actors -------------------------------------------------------------

# Pronouns that never name an actor by themselves: the speaker's group ('we', 'our') and the
# addressee ('you'). 'he' / 'she' stay: the entity layer resolves them.
NEVER_ACTORS = frozenset(
    [
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)
# 'it' / 'they' and their forms: replaced by an antecedent in the sentence, else dropped.
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# 'I', 'me', 'my': the speaker inside a direct quote (the resolver decides), else no one.
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "myself"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "week",
        "weekend",
        "month",
        "year",
        "day",
        "night",
        "morning",
        "evening",
        "afternoon",
    ]
)


def actor_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The tokens of ``tokens`` that can name an actor, pronouns replaced by antecedents.

    Dates, numbers, first- and second-person pronouns and common nouns that are neither
    agent nouns (``lexicon.json`` ``actor_nouns``, the Phoenix agent dictionary) nor
    codable phrases ('consensus', 'target', 'strings', 'dinner') are dropped; 'it',
    'its', 'they', 'their' become their antecedent (:func:`antecedent`) or are dropped.
    """
    out: list[Token] = []
    for token in tokens:
        found = _as_actor(token)
        if found is not None and all(found.i != t.i for t in out):
            out.append(found)
    return out


# Heads that only count or group the actor named after 'of': 'thousands of students',
# 'a group of refugees', 'one third of the guerrillas', 'a member of parliament'.
GROUP_HEADS = frozenset(
    [
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "million",
        "millions",
        "tens",
        "scores",
        "group",
        "groups",
        "member",
        "members",
        "number",
        "majority",
        "minority",
        "part",
        "some",
        "many",
        "most",
        "few",
        "several",
        "one",
        "two",
        "third",
        "half",
        "all",
        "each",
        "both",
        "none",
        "rest",
        "contingent",
        "band",
        "crowd",
    ]
)


def _as_actor(token: Token) -> Token | None:
    lower = token.lower_
    if token.like_num or lower in GROUP_HEADS:
        member = _of_object(token)
        if member is not None:
            return _as_actor(member)
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
        if lower in SINGULAR_PRONOUNS or lower in PLURAL_PRONOUNS:
            return antecedent(token)
        return token if lower in PERSON_PRONOUNS or lower in SPEAKER_PRONOUNS else None
    if token.ent_type_ in tables.lexicon()["non_actor_entities"] or token.like_num:
        return None
    if lower in TIME_WORDS or (token.is_lower and lower in NEVER_ACTORS):
        return None
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return token
    if token.pos_ == "PROPN":
        return token
    return token if _codes(token) else None


def _of_object(token: Token) -> Token | None:
    """The noun after 'of' ('students' in 'thousands of students')."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _codes(token: Token, strict: bool = False) -> bool:
    """Whether the phrase headed by ``token`` names an actor: its head is an agent noun
    ('police', 'diplomats'), or the phrase codes as an organisation, a place or a people
    ('the Red Cross', 'Palestinians'). ``strict`` (for objects): a nationality adjective
    on any other noun does not make an actor ('rejected an Australian ultimatum': the
    ultimatum's owner is the target); as a subject it does ('Israeli tanks fired')."""
    if token.lemma_.lower() in tables.lexicon()["actor_nouns"]:
        return True
    if _agent(token.lower_) or _agent(token.lemma_.lower()):
        return True
    start, end = actor_span(token)
    code = _code_text(doc_text(token.doc)[start:end])
    if code is None:
        return False
    if not strict or code.sector or code.code.startswith(("IGO", "NGO", "IMG")):
        return True
    return _code_text(token.text) is not None  # the head itself is a place or a people


def antecedent(pronoun: Token) -> Token | None:
    """The actor an 'it' / 'its' / 'they' / 'their' stands for, found in its own sentence.

    The subject of a clause that governs the pronoun's clause ('Hungary has said it will
    support', 'the ILO reiterated its demand', 'rebels rejected the plan and said they
    opposed'); a subject pronoun never stands for its own clause's subject. 'it' wants a
    singular non-person, 'they' a plural, a coordination or a people. An object 'it' /
    'them' is left alone (it is usually a thing: 'withholding it'). None when no such
    subject is found: a side is better empty than wrong.
    """
    if pronoun.dep_ in ("dobj", "pobj", "dative", "iobj", "attr"):
        return None
    if pronoun.lower_ == "it" and pronoun.head.lemma_ in ("be", "seem", "appear"):
        return None  # 'it would be useful to ...', 'it is wrong to say': no one
    plural = pronoun.lower_ in PLURAL_PRONOUNS
    node = pronoun
    for _ in range(8):
        head = node.head
        if head is node:
            return None
        node = head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i == pronoun.i:
            continue
        if subject.pos_ == "PRON" or not _fits_number(subject, plural):
            return None  # 'he said it would ...': chains of pronouns are not followed
        return _as_actor(subject)
    return None


def _fits_number(token: Token, plural: bool) -> bool:
    if token.ent_type_ == "PERSON":
        return False
    many = (
        token.tag_ in ("NNS", "NNPS")
        or any(c.dep_ == "conj" for c in token.children)
        or token.ent_type_ == "NORP"
    )
    if plural:
        return many or token.lemma_.lower() in ("police", "military", "government")
    return not many or token.ent_type_ in ("GPE", "ORG")


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
    if not token.ent_type_ and token.pos_ == "NOUN":
        end = _place_of_agent(token) or end
    elif token.ent_type_ == "PERSON":
        end = _role_apposition(token) or end
    begin, finish = start.idx, end.idx + len(end.text)
    cut = doc_text(token.doc).rfind("\n", begin, token.idx)
    return (cut + 1 if cut >= 0 else begin), finish


def _place_of_agent(noun: Token) -> Token | None:
    """'the president of Armenia', 'rebels in Darfur', 'leaders of the opposition
    coalition', 'the republic of Slovenia': the place or body after an agent noun, which
    gives the agent its country or sector (the last token of that phrase)."""
    lemma = noun.lemma_.lower()
    agentive = lemma in tables.lexicon()["actor_nouns"] or lemma in POLITIES
    if not agentive and not _agent(noun.lower_):
        return None
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in AGENT_PLACE_PREPS:
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            if pobj.ent_type_ in ("GPE", "NORP", "LOC"):
                return next((e[-1] for e in noun.doc.ents if e.start <= pobj.i < e.end), pobj)
            last = pobj.right_edge
            if child.lower_ == "of" and last.i - noun.i <= 8 and _agent(pobj.lower_):
                return last if not last.is_punct else pobj
    return None


def _role_apposition(person: Token) -> Token | None:
    """'Salaheddine Sidhoum, Algeria's leading human rights activist': the role in
    apposition to a name, which states the person's country (its last token)."""
    for child in person.rights:
        if child.dep_ != "appos" or child.pos_ != "NOUN" or child.i - person.i > 10:
            continue
        if child.lemma_.lower() in tables.lexicon()["actor_nouns"] or _agent(child.lower_):
            return _place_of_agent(child) or child
    return None


@lru_cache(maxsize=4096)
def _agent(word: str) -> bool:
    return agent_sector(word) is not None


@lru_cache(maxsize=16384)
def _code_text(text: str) -> ActorCode | None:
    return code_phrase(text)


def default_actor(text: str) -> EventActor:
    """An unresolved actor named by its text, coded by ``kb.actor_codes`` where it can be
    ('Jordanian police' -> JOR, COP, JORCOP); a pronoun or plain noun gets no country."""
    code = _code_text(text)
    if code is None:
        return EventActor(entity=None, name=text, country=None, sector=sector_of(text))
    return EventActor(
        entity=None,
        name=code.name if code.code.startswith(("IGO", "NGO", "IMG")) else text,
        country=code.country,
        sector=code.sector,
        code=code.code,
    )


def country_of(text: str) -> str | None:
    """ISO alpha-3 (or "IGO") for the country a phrase names: a country, a nationality
    adjective, a capital or city, or an international organisation (None when unclear;
    never for a pronoun: 'it' is not Italy)."""
    code = _code_text(text)
    if code is not None:
        return code.country
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
    return None


def sector_of(text: str) -> str | None:
    """Sector code for an actor phrase ('President' -> GOV, 'rebels' -> REB)."""
    code = _code_text(text)
    if code is not None and code.sector:
        return code.sector
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
