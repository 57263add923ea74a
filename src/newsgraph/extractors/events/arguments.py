"""Who and to whom: the source and target tokens of an event trigger.

Source is the subject (or a passive's agent, or the possessor of a nominal trigger),
target the object or a prepositional object ('with X', 'to X', 'against X');
coordinated arguments give lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.extractors.doctext import doc_text
from newsgraph.extractors.events import tables
from newsgraph.extractors.events.actor_words import (
    DASHES,
    GROUP_HEADS,
    SUBJECT_DEPS,
    TIME_WORDS,
    _codes,
    _dateline,
    _of_object,
    actor_span,
    actor_tokens,
    person_nouns,
)
from newsgraph.extractors.events.patterns import (
    conjuncts,
    governing_verb,
    is_actor,
    match_trigger,
    named_by_layer,
)
from newsgraph.kb.actor_codes import (
    adjective_country,
    agent_sector,
    capital_country,
    code_phrase,
    country_code,
    place_country,
)

TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "at", "into", "from")
# 'will be deported to Pyongyang': where the deported go, not whom the act is against
DESTINATION_VERBS = frozenset({"deport", "expel", "invite", "repatriate"})
# 'returned to Moscow' goes somewhere; 'returned the bodies to Israel' gives them to Israel
CARRY_VERBS = frozenset({"return", "send"})
NOUN_TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "over", "for")
MEANS_PREPS = frozenset({"in", "during", "through", "via", "by"})
PLACE_PREPS = frozenset({"in", "at"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
CONTROL_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acl", "acomp"})
ACTION_SUFFIXES = ("tion", "sion", "ment", "al", "ance", "ence")


# -- source -------------------------------------------------------------------------------


def subject_of(token: Token) -> list[Token]:
    """The acting arguments of a verb or noun trigger (empty when none is found).

    Only tokens that can name an actor are kept (see :func:`actor_tokens`); a pronoun
    'it' / 'they' stands for its antecedent in the sentence or is dropped; a name in
    another paragraph the sentence splitter glued on is no one's (:func:`across_break`)."""
    if token.pos_ in ("NOUN", "PROPN"):
        found = actor_tokens(_noun_source(token))
    else:
        found = actor_tokens(_verb_subject(token))
    return [t for t in found if not across_break(token, t)]


def across_break(a: Token, b: Token) -> bool:
    """Whether a paragraph that ends a sentence lies between tokens ``a`` and ``b``: the
    parser joined two paragraphs into one sentence ('Turkey condemned the protest as a
    sign of "terrorism."\n\nMore than 30,000 Kurds marched ...'), and neither is an
    argument of the other's act. A line break after no closing stop is not such an end:
    the phrase may run on past it ("denounced Trump's nominee to head the EPA\n\nScott
    Pruitt")."""
    doc = a.doc
    low, high = sorted((a.i, b.i))
    return any("\n" in doc[i].text_with_ws and _closes_sentence(doc, i) for i in range(low, high))


def _closes_sentence(doc: Doc, i: int) -> bool:
    """Whether the last word at or before token ``i`` is a stop ('.', '!', '?'), maybe
    inside closing quotes or brackets."""
    while i >= 0 and doc[i].is_space:
        i -= 1
    while i >= 0 and doc[i].text in CLOSERS:
        i -= 1
    return i >= 0 and doc[i].text in (".", "!", "?")


CLOSERS = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})


def _verb_subject(verb: Token, hops: int = 0) -> list[Token]:
    if hops == 0 and undergone(verb) is not None:
        return []
    to_be = _to_blame(verb)
    if to_be is not None:  # 'claims the Kremlin is to blame': the claimant blames it
        said = to_be.head if to_be.dep_ == "ccomp" and to_be.head.i != to_be.i else None
        return _verb_subject(said, hops + 1) if said is not None and said.pos_ == "VERB" else []
    # 'were trained to fight ISIL by the YPG': a 'by' the parser hung on an active
    # infinitive belongs to the passive it completes
    misplaced = verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.head.children)
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if agents and not (misplaced and verb.tag_ == "VB"):
        # 'turned down by Berlin and, less consequentially, by Paris': each 'by' names one
        return [t for agent in agents for t in _pobjs(agent)]
    if passive_participle(verb):
        return []  # 'Sentsov went on trial, accused of plotting ...': accused by no one named
    # 'Serb forces were engaged in ethnic cleansing', "He's accepted invitations" ('has',
    # not a passive): the passive subject acts
    if _engaged_in(verb) or contracted_perfect(verb) or _deployed(verb):
        return [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        # a passive without 'by X' names no actor ('X has not been charged'), unless the
        # attack it happened in is someone's ('were killed in a Russian airstrike'), or a
        # state hands someone over from its capital ('was extradited to Baku from Minsk')
        return _attacker(verb) or _handed_from(verb) or _entry_barred(verb)
    if _headline_passive(verb):
        return []  # 'One American killed in knife attack': the subject is who underwent it
    if _had_done(verb):  # 'Kim had his defence minister killed': Kim
        return [t for c in verb.head.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    hidden = _subject_in_opening(verb, subjects)
    if hidden is not None:
        return conjuncts(hidden)
    if len(subjects) > 1:
        # "Four months into the operation, Iraq's largest in years, elite forces have
        # retaken ...": an adjective the parser made a second subject is no one
        subjects = [c for c in subjects if c.pos_ != "ADJ"] or subjects
        # 'MOSCOW (Reuters) - Russia criticised ...': the dateline is no second subject
        subjects = [c for c in subjects if not _dateline(c)] or subjects
    for child in subjects:
        if child.dep_ in ("nsubj", "csubj"):
            antecedent = relative_antecedent(verb, child)
            if antecedent is not None:
                return conjuncts(antecedent)
            author = _author_of(child)
            if author is not None:  # "Trump's letter also thanked Xi": Trump
                return conjuncts(author)
            joined = [
                c  # 'President Macron and Chancellor Merkel urged', parsed as two subjects
                for c in subjects[1:]
                if child is subjects[0]
                and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                and any(g.dep_ == "cc" and g.lower_ == "and" for g in child.children)
            ]
            return conjuncts(child) + joined + _leaders_of_others(child)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(verb.head)
    stranded = _stranded_subject(verb)
    if stranded is not None:
        return [stranded]
    marked = _marked_clause_subject(verb)
    if marked is not None:
        # 'tried to defuse it as many Arab countries threatened sanctions', parsed with the
        # countries the object of 'as': a finite clause a conjunction opens has a subject
        # of its own, never the clause's it hangs on
        return marked
    if verb.dep_ in CONTROL_DEPS and verb.head.i != verb.i and hops < 4:
        controller = _object_controller(verb.head) if verb.dep_ == "xcomp" else []
        inherited = controller or subject_of_head(verb.head, hops + 1)
        # 'North Korea has sent teams ... and Lee urged North Korea to send athletes',
        # parsed with 'urged' sharing the first clause's subject: one who acts on itself
        # is a misreading; the named object stays, the borrowed subject goes
        return [t for t in inherited if not _own_object_named(verb, t)]
    return []


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _subject_in_opening(verb: Token, subjects: list[Token]) -> Token | None:
    """'Speaking in Ankara, Turkey's opposition leader, Kemal Kilic, urged Turks ...',
    parsed with the opening participle as the verb's clausal subject (or an adverbial
    clause, and no subject) and the leader as an apposition to Ankara: the phrase set off
    by a comma right before the verb, inside the participle's subtree, is the subject.
    None for any other parse."""
    if any(s.dep_ == "nsubj" for s in subjects):
        return None
    opening = next(
        (c for c in verb.children if c.dep_ in ("csubj", "advcl") and c.tag_ == "VBG"), None
    )
    if opening is None:
        return None
    doc = verb.doc
    if opening.left_edge.i != opening.sent.start or opening.right_edge.i >= verb.i:
        return None
    end = verb.i - 1
    while end > opening.i and doc[end].is_punct:
        end -= 1
    for token in opening.subtree:
        if token.i <= opening.i or token.dep_ != "appos" or token.head.i >= token.i:
            continue
        if token.right_edge.i < end or token.left_edge.i == 0:
            continue
        if doc[token.left_edge.i - 1].text == "," and token.pos_ in ("NOUN", "PROPN"):
            return token
    return None


def _marked_clause_subject(verb: Token) -> list[Token] | None:
    """The subject of a finite adverbial clause opened by a conjunction ('as', 'while',
    'because') that the parser left without one: the noun it made the object of the
    conjunction ('as many countries threatened'), or no one. None when the clause is no
    such clause (a participle or an infinitive borrows its subject)."""
    if verb.dep_ != "advcl" or verb.tag_ not in FINITE_TAGS:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
    if mark is None:
        return None
    return [g for c in mark.children if c.dep_ == "pobj" for g in conjuncts(c)]


def _own_object_named(verb: Token, subject: Token) -> bool:
    """Whether the verb's object names the same actor as ``subject`` (the same words, or
    a country and its capital)."""
    key = _actor_key(subject)
    objects = [g for c in verb.children if c.dep_ == "dobj" for g in conjuncts(c)]
    return key is not None and any(_actor_key(o) == key for o in objects)


def _actor_key(token: Token) -> str | None:
    start, end = actor_span(token)
    text = doc_text(token.doc)[start:end]
    country = country_code(text) or capital_country(text)
    return country or (text.lower() if token.pos_ == "PROPN" or token.ent_type_ else None)


def _stranded_subject(verb: Token) -> Token | None:
    """'Cuba has sent teams to events held in the North and Kim urged Cuba to send
    athletes': a verb joined to another, with no subject of its own, right after a name
    that the parser joined to a noun of the first clause (not to its subject): that name
    is the verb's subject, which the verb does not borrow from the first clause."""
    if verb.dep_ not in ("conj", "advcl") or verb.pos_ != "VERB" or infinitive(verb):
        return None  # not 'instructions to its Committee for X and Y to probe'
    if verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # a participle clause has no subject of its own
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("advmod", "aux", "neg"):
        i -= 1  # 'and Kim also urged', 'and Kim has urged'
    name = doc[i]
    if name.dep_ != "conj" or name.head.i >= name.i or name.pos_ not in ("PROPN", "NOUN"):
        return None
    if name.head.dep_ in ("nsubj", "nsubjpass") or not name.head.i > verb.head.i:
        return None  # 'Cuba and Kim urged': a subject of two; or no first clause
    before = doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    if before is None or before.dep_ != "cc" or not is_actor(name):
        return None
    return name


def _author_of(noun: Token) -> Token | None:
    """The owner of a text that acts for its author ("Trump's letter", "the ministry's
    statement"), when the owner can name an actor."""
    if noun.lemma_.lower() not in tables.lexicon()["publication_nouns"]:
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and is_actor(c)), None)


# acts that always have someone they are done to: with a subject and no object, told
# as a headline passive
DONE_TO = frozenset(
    {"kill", "wound", "injure", "hurt", "shoot", "arrest", "detain", "capture", "abduct",
     "kidnap", "jail", "imprison", "execute", "deport", "expel", "sentence", "convict",
     "charge", "indict", "beat", "stab", "behead", "hang", "torture", "evacuate", "rescue"}
)  # fmt: skip


def _headline_passive(verb: Token) -> bool:
    """A past participle with a subject and no auxiliary or object, the way headlines and
    lists tell a passive ('One American killed in knife attack', 'Two soldiers wounded
    near Donetsk', 'Afghan soldier shot dead inside base', which the tagger may read as a
    past tense): the subject underwent the act."""
    if verb.dep_ in ("ROOT", "conj") and _judged_for(verb):
        return True  # 'Dhaka criticised for forced return of refugees': Dhaka is criticised
    if verb.dep_ not in ("ROOT", "conj") or verb.lemma_ not in DONE_TO:
        return False  # not 'Russian journalists protested' (tagged VBN): no object needed
    if verb.tag_ == "VBD" and verb.lemma_ not in ALWAYS_DONE_TO:
        return False
    if verb.tag_ not in ("VBN", "VBD"):
        return False
    if any(
        c.dep_ == "prep" and c.lower_ in ("at", "into", "on", "toward", "towards")
        for c in verb.children
    ):
        return False  # 'soldiers shot into the air', 'police shot at the crowd'
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"aux", "auxpass", "dobj", "ccomp", "xcomp", "agent"}


# verbs of judging someone for something: 'X criticised for Y' with no object is X judged
JUDGING = frozenset(
    {"criticise", "criticize", "condemn", "slam", "blast", "blame", "praise", "hail",
     "fine", "punish", "censure", "rebuke"}
)  # fmt: skip


def _judged_for(verb: Token) -> bool:
    """'Dhaka criticised for forced return of Rohingya', 'Google fined for ...': a
    headline's participle of judging with a 'for' and no object or auxiliary."""
    if verb.lemma_.lower() not in JUDGING or verb.tag_ not in ("VBN", "VBD"):
        return False
    deps = {c.dep_ for c in verb.children}
    has_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return has_for and "nsubj" in deps and not deps & {"aux", "auxpass", "dobj", "ccomp", "agent"}


# acts whose past tense never goes without an object: a subject with none underwent it
ALWAYS_DONE_TO = frozenset(
    {"kill", "wound", "injure", "shoot", "arrest", "detain", "abduct", "kidnap", "execute",
     "behead", "stab"}
)  # fmt: skip


def _had_done(verb: Token) -> bool:
    """'Kim had his defence minister killed', 'got him arrested': a causative 'have' or
    'get' whose complement's subject underwent the act the haver had done."""
    head = verb.head
    return (
        verb.dep_ in ("ccomp", "xcomp")
        and head != verb
        and head.lemma_ in ("have", "get")
        and verb.tag_ in ("VBN", "VBD")
        and verb.lemma_ in DONE_TO
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


# fights named by what they are for ('the battle for Raqqa'), not whom they are against
FIGHTS = frozenset({"battle", "fight", "war", "struggle", "campaign", "offensive", "push"})


ATTACKS = frozenset(
    {
        "airstrike",
        "strike",
        "attack",
        "raid",
        "bombing",
        "shelling",
        "ambush",
        "assault",
        "offensive",
    }
)


# verbs by which a state hands a person over to another
HANDING_OVER = frozenset({"extradite", "deport", "expel", "repatriate", "transfer"})
HANDED_OVER = frozenset({"extradition", "deportation", "expulsion", "repatriation"})


def _handed_from(verb: Token) -> list[Token]:
    """'Lapshin was extradited to Baku from Minsk': the state handing over, named by the
    country or capital the person is sent from (a mere town names no one)."""
    if verb.lemma_.lower() not in HANDING_OVER:
        return []
    found = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in _pobjs(c)]
    return [g for g in found if g.ent_type_ == "GPE" and (_nation(g) or capital_country(g.text))]


# verbs that keep someone out, and the verbs of going in that they bar
BARRING = frozenset({"ban", "bar", "forbid", "prohibit", "block"})
ENTERING = frozenset({"enter", "visit", "travel", "return"})


def _entry_barred(verb: Token) -> list[Token]:
    """'Russian officials were banned to enter the European Union', 'were barred from
    entering Canada', 'was banned from Turkey': with no 'by X', an entry ban is the
    state's (or union's) whose territory is barred."""
    if verb.lemma_.lower() not in BARRING:
        return []
    goals: list[Token] = []
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in ENTERING:
            goals.extend(g for c in child.children if c.dep_ == "dobj" for g in conjuncts(c))
        if child.dep_ != "prep" or child.lower_ != "from":
            continue
        for obj in child.children:
            if obj.dep_ == "pcomp" and obj.lemma_.lower() in ENTERING:
                goals.extend(g for c in obj.children if c.dep_ == "dobj" for g in conjuncts(c))
            elif obj.dep_ == "pobj":
                goals.extend(conjuncts(obj))
    return [g for g in goals if _territory(g)]


def _territory(token: Token) -> bool:
    """A country, its capital, or a union of states ('the European Union')."""
    if token.ent_type_ == "GPE":
        return _nation(token) or capital_country(token.text) is not None
    if token.ent_type_ == "ORG":
        start, end = actor_span(token)
        code = code_phrase(doc_text(token.doc)[start:end])
        return code is not None and code.code.startswith("IGO")
    return False


def _attacker(verb: Token) -> list[Token]:
    """'Three Turkish soldiers were killed in a Russian airstrike': whose attack it was
    (also when the phrase closes a coordination: 'were killed and 11 injured in a ...')."""
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    for child in [c for v in (verb, *joined) for c in v.children]:
        if child.dep_ == "prep" and child.lower_ in ("in", "during"):
            attacks = [g for g in _pobjs(child) if g.lemma_.lower() in ATTACKS]
            found = actor_tokens([o for a in attacks for o in _owner(a)])
            if found:
                return found
            # 'killed in an apparent US drone strike': the name hangs on 'drone'
            weapons = [c for a in attacks for c in a.children if c.dep_ == "compound"]
            found = actor_tokens([o for w in weapons for o in _owner(w)])
            if found:
                return found
    return []


def _leaders_of_others(subject: Token) -> list[Token]:
    """'The leaders of Russia and Germany agreed': the subject's own phrase keeps the first
    country ('leaders of Russia'); the others joined to it act too."""
    if subject.pos_ != "NOUN" or not _someone(subject):
        return []
    return [
        other
        for prep in subject.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and is_actor(pobj)
        for other in conjuncts(pobj)[1:]
    ]


def relative_antecedent(verb: Token, subject: Token) -> Token | None:
    """The noun a relative pronoun subject stands for ('a deal that requires ...')."""
    relative = subject.tag_ in ("WDT", "WP") or subject.lower_ == "that"
    if relative and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def contracted_perfect(verb: Token) -> bool:
    """Read 'He’s accepted invitations' right: the parser reads "'s" as a passive's 'is'; a verb
    with a direct object after "'s" is a perfect ('has accepted')."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) and any(
        c.dep_ == "dobj" for c in verb.children
    )


def _engaged_in(verb: Token) -> bool:
    """'were engaged / involved in E': an adjectival passive whose subject does E."""
    if verb.lemma_ == "commit":  # 'China was committed to the denuclearisation of ...'
        deps = {(c.dep_, c.lower_) for c in verb.children}
        passive = any(dep == "auxpass" for dep, _ in deps)
        return passive and ("prep", "to") in deps
    return verb.lemma_ in ("engage", "involve") and any(
        c.dep_ == "prep" and c.lower_ == "in" for c in verb.children
    )


def subject_of_head(head: Token, hops: int) -> list[Token]:
    """Subject of a governing verb (for control) or of a noun's support verb."""
    if head.pos_ in ("VERB", "AUX", "ADJ"):
        return _verb_subject(head, hops)
    return _noun_source(head)


# verbs whose object is the one acted on, whose infinitive says what the subject wants
SUBJECT_CONTROL = frozenset(
    {
        "attack",
        "battle",
        "bomb",
        "call",
        "congratulate",
        "fight",
        "host",
        "meet",
        "phone",
        "receive",
        "shell",
        "strike",
        "thank",
        "visit",
    }
)


def _object_controller(head: Token) -> list[Token]:
    """'urged Uganda to repatriate': the object of an object-control verb acts (not of
    'fought IS fighters to retake Mosul', 'met Abe to discuss': the subject does)."""
    if head.lemma_.lower() in SUBJECT_CONTROL:
        return []
    objects = [c for c in head.children if c.dep_ in ("dobj",) and is_actor(c)]
    if not objects and any(c.dep_ == "auxpass" for c in head.children):
        # 'Yazidi groups have been trained to fight ISIL by the YPG': who was trained
        # fights, not who trained them
        objects = [c for c in head.children if c.dep_ == "nsubjpass" and is_actor(c)]
    if not objects:
        objects = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon")
            for g in _pobjs(c)
            if is_actor(g)
        ]
    return conjuncts(objects[0]) if objects else []


def undergone(trigger: Token) -> Token | None:
    """'The embassy came under shelling': the subject that suffers the event (also when
    the parser hangs 'shelling' on 'came' beside an empty 'under')."""
    head = trigger.head
    if trigger.dep_ in ("pobj", "pcomp") and head.lower_ == "under":
        verb = head.head
    elif trigger.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "prep" and c.lower_ == "under" and not any(c.children) for c in head.children
    ):
        verb = head
    else:
        return None
    if verb.lemma_ not in ("come", "be", "fall"):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _noun_source(noun: Token) -> list[Token]:
    if undergone(noun) is not None:
        return []  # who shells is not said; the embassy is the target
    message = message_of(noun)
    if message is not None:  # 'sent a telegram of congratulations': the sender
        return _noun_source(message)
    for child in noun.children:
        named = is_actor(child) or child.pos_ in ("NOUN", "PRON")
        timeless = child.ent_type_ not in tables.lexicon()["non_actor_entities"]
        if child.dep_ == "poss" and named and timeless:
            doer = _own_doer(noun, child)
            return conjuncts(child) if doer is None else doer
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "between", "among"):
            found = [g for g in _pobjs(child) if is_actor(g)]
            if found and child.lower_ == "between":  # 'talks between A and B': A -> B
                return found[:1]
            if found:
                return found
    if noun.dep_ == "nsubjpass" and noun.head.pos_ == "VERB":
        # 'deportations to Afghanistan have been carried out from Germany', 'the strikes
        # were carried out by Russia': the support verb's doer, or the state handing over
        done = noun.head
        for child in done.children:
            if child.dep_ == "agent":
                found = [g for g in _pobjs(child) if is_actor(g)]
                if found:
                    return found
        if noun.lemma_.lower() in HANDED_OVER:
            found = [
                g
                for c in done.children
                if c.dep_ == "prep" and c.lower_ == "from"
                for g in _pobjs(c)
            ]
            return [g for g in found if g.ent_type_ == "GPE" and _nation(g)]
    verb = governing_verb(noun)
    if verb is not None and noun.dep_ in ("dobj", "conj", "appos"):
        if _frame(verb)[0] in ("deny", "reject"):
            return []  # 'Russia rejected allegations of interference': not Russia's
        if verb.lemma_.lower() not in JUDGING_VERBS:
            return _verb_subject(verb)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in MEANS_PREPS and head.head.pos_ == "VERB":
        return _verb_subject(head.head)  # 'In a congratulatory telegram, Putin said ...'
    return [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") and _nation(c)
    ]


# 'North Korea called the allegation absurd', 'China branded the US sanctions illegal':
# the subject says what the act is worth; it did not do it
JUDGING_VERBS = frozenset({"call", "brand", "label", "term", "dub", "describe", "deem"})


def _own_doer(noun: Token, owner: Token) -> list[Token] | None:
    """ "prompted the man to renew his request": a 'his' / 'her' / 'their' on the object
    of a verb whose subject the sentence names as a noun is that subject's (the man's),
    not whoever the pronoun's chain in the article reaches; none when that subject is no
    actor. None (the pronoun stands) when the subject is itself a pronoun."""
    if owner.lower_ not in ("his", "her", "their") or noun.dep_ != "dobj":
        return None
    verb = noun.head
    controller = [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else []
    # 'prompted the man to renew': the one prompted renews
    subjects = controller or _verb_subject(verb)
    if not subjects or any(s.pos_ not in ("NOUN", "PROPN") for s in subjects):
        return None
    return [s for s in subjects if is_actor(s) or _codes(s)]


def _nation(token: Token) -> bool:
    """A country or nationality modifier ('the Russian proposal', 'a US attack'), not a
    city naming where it happens ('the Geneva meeting', 'the Minsk agreement')."""
    start, end = actor_span(token)
    text = doc_text(token.doc)[start:end]
    return bool(country_code(text) or adjective_country(text) or country_code(token.text))


def _pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition with their conjuncts; none for a preposition measured
    by a distance ('some 30 miles from Krakow' says how far, not who)."""
    if _distance(prep):
        return []
    out: list[Token] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            out.extend(conjuncts(_dated_name(child)))
        elif prep.lower_ == "by" and _attributive_gerund(child):
            # 'rallies planned by visiting Turkish ministers', parsed as a gerund 'visiting'
            # with the ministers its object: they are who the 'by' names
            out.extend(g for c in child.children if c.dep_ == "dobj" for g in conjuncts(c))
    return out


def _dated_name(pobj: Token) -> Token:
    """The name the parser hung on a day word after it as a compound ('to meet with
    President Donald Trump Friday', parsed as a Friday of Trump's): the name."""
    if pobj.lower_ not in TIME_WORDS:
        return pobj
    names = [
        c
        for c in pobj.children
        if c.dep_ == "compound" and c.i == pobj.i - 1 and c.ent_type_ in ("PERSON", "ORG", "GPE")
    ]
    return names[0] if names else pobj


# '-ing' words that, before a noun, describe it ('visiting ministers', 'leading Democrats')
ATTRIBUTIVE_GERUNDS = frozenset(
    {"visiting", "leading", "ruling", "governing", "opposing", "rival", "striking",
     "protesting", "outgoing", "incoming", "retiring", "serving", "fighting", "warring"}
)  # fmt: skip


def _attributive_gerund(node: Token) -> bool:
    """A gerund the parser hung on 'by' that describes the noun after it ('by visiting
    Turkish ministers'), not a means ('by sending troops'): an attributive '-ing' word
    whose object names an actor."""
    return (
        node.dep_ == "pcomp"
        and node.tag_ == "VBG"
        and node.lower_ in ATTRIBUTIVE_GERUNDS
        and any(c.dep_ == "dobj" and (is_actor(c) or _codes(c, strict=True)) for c in node.children)
    )


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
    ultimatum', 'support a Security Council resolution'). Only actor tokens are kept, and
    none in another paragraph glued on (:func:`across_break`)."""
    found = actor_tokens(_objects_of(token, preferred, fixed))
    return [t for t in found if not across_break(token, t)]


def _objects_of(token: Token, preferred: frozenset[str], fixed: frozenset[str]) -> list[Token]:
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_targets(token)
    suffers = undergone(token)
    if suffers is not None:
        return conjuncts(suffers)
    if _had_done(token):  # 'Kim had his defence minister killed': the minister
        return [t for c in token.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    if passive_participle(token, agent=True):  # 'Sentsov went on trial, accused of ...'
        return [t for c in token.head.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    to_be = _to_blame(token)
    if to_be is not None:  # 'the Kremlin is to blame for the attack': the Kremlin
        blamed = [t for c in to_be.children if c.dep_ == "nsubj" for t in conjuncts(c)]
        # "Labour's approach was to blame": a thing to blame is its owner's fault
        return [o for t in blamed for o in ([t] if is_actor(t) else _owner(t))]
    if token.lemma_.lower() == "blame":
        found = _blamed_on(token)
        if found:  # 'blamed the botched raid on Yemen on U.S. generals': the generals
            return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preferred and not _fronted(child):
            found = actor_tokens([_shifted_place(_named(g)) for g in _pobjs(child)])
            if found:
                return found
    if token.lemma_.lower() in TAKING:
        # 'Palmyra was seized from regime forces by ISIS': whom a place or a thing was
        # taken from is the target, not the place (a name the tagger may take for a person)
        held = [
            g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in _pobjs(c)
        ]
        found = actor_tokens([g for g in held if is_actor(g)])
        if found:
            return found
        found = actor_tokens(land_of(token))
        if found:  # 'seized large chunks of Iraq and Syria': the countries
            return found
        found = actor_tokens([g for g in held_by(token) if is_actor(g)])
        if found:  # 'Palmyra, once held by ISIS and retaken by the army': ISIS
            return found
    created = token.lemma_.lower() in CREATING  # 'agreed to establish a Commission of Inquiry'
    undergoes = _passive_complement(token)
    for child in token.children:
        if child.dep_ not in ("dobj", "dative", "nsubjpass") or (created and child.dep_ == "dobj"):
            continue
        if undergoes and child.dep_ == "dobj":
            continue  # 'ordered him to be wiretapped': he is not the one ordered
        if child.dep_ == "nsubjpass" and (_engaged_in(token) or _deployed(token)):
            continue
        if child.lemma_.lower() in fixed:  # 'summoned Niger's ambassador': Niger
            of = [g for g in _prep_targets(child, ("of",)) if g.ent_type_ in NAMED_BODIES]
            found = actor_tokens(_owner(child) or of or _punished(child))
            if found:  # 'expelled inspectors of the IAEA': the IAEA; 'a tariff on Chinese goods'
                return found
            continue
        apposed = _named(child)
        if apposed is not child and not is_actor(child) and is_actor(apposed):
            # "wounded Kuchibhotla's colleague Alok Madasani": the colleague, by name;
            # 'criticized export giants Japan and Korea': every name joined to it
            return actor_tokens(conjuncts(apposed))
        group = (child.like_num or child.lower_ in GROUP_HEADS) and _of_object(child) is not None
        named = is_actor(child) or group or _codes(child, strict=True)
        if named and not _own_object(child):
            found = actor_tokens(conjuncts(child))
            if found:
                return found
    relative = _relative_object(token)
    if relative:  # 'a militia that Gaddafi armed and funded': the militia
        return relative
    shared = _shared_passive_subject(token)
    if shared is not None and is_actor(shared):  # 'He returned ... and was arrested at ...'
        found = actor_tokens([shared])
        if found:
            return found
    preps: tuple[str, ...] = TARGET_PREPS
    lemma = token.lemma_.lower()
    if lemma == "discuss":  # 'discussed Japan's policy towards Russia': the topic, no partner
        return _prep_targets(token, ("with",)) or _partners(token)
    carried = lemma in CARRY_VERBS and any(c.dep_ == "dobj" for c in token.children)
    if lemma in DESTINATION_VERBS or (lemma in CARRY_VERBS and not carried):
        preps = tuple(p for p in preps if p not in ("to", "into", "at"))
    if lemma in STATIONING:  # 'deployed special forces at Sidi Barrani': where, not whom
        preps = tuple(p for p in preps if p != "at")
    if lemma in FAULTING:
        # 'criticized Trump's ban on travelers from seven countries': one faults someone,
        # never from someone; a 'from' the parser hung on the verb says where a thing of
        # the object comes from (the ban's owner is the target, below)
        preps = tuple(p for p in preps if p != "from")
    found = _prep_targets(token, preps)
    if lemma in STATIONING:  # 'deployed troops to Sidi Omar': no one is deployed to a person
        found = [g for g in found if g.ent_type_ != "PERSON"]
    return (
        found
        or _ties_probed(token)
        or _partners(token)
        or _allowed(token)
        or addressee(token)
        or _criticized_owner(token)
        or _object_preps(token)
        or _measure_hit(token)
        or _trade_cut(token)
        or _aimed_object(token)
        or _object_owner(token)
        or _complement_targets(token)
        or _defied(token)
        or _written_to(token)
        or _sent_to(token)
        or _gerund_subject(token)
        or _complained_of(token)
        or _accounted_for(token)
        or _raised_object(token)
    )


# verbs done, not done to someone: 'marched and attacked police' marched at no one
UNDIRECTED = frozenset(
    {"march", "rally", "protest", "demonstrate", "riot", "gather", "strike", "walk",
     "arrive", "return", "resign", "flee", "retreat", "mobilise", "mobilize", "travel",
     "fly", "come", "go", "stay"}
)  # fmt: skip


def _relative_object(verb: Token) -> list[Token]:
    """The noun a relative pronoun object stands for ('the militia that Gaddafi armed',
    'a vigilante group that Duterte organized and funded': the group, and the name it is
    apposed to), for the relative clause's verb and a verb joined to it with no object of
    its own."""
    clause = verb
    while clause.dep_ == "conj" and not any(c.dep_ == "dobj" for c in clause.children):
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return []
    relative = [
        c
        for c in clause.children
        if c.dep_ == "dobj" and (c.tag_ in ("WDT", "WP") or c.lower_ == "that")
    ]
    if not relative or relative[0].i > clause.i:
        return []
    noun = clause.head
    if noun.dep_ == "appos" and is_actor(noun.head) and (noun.pos_ == "NOUN" or not is_actor(noun)):
        noun = noun.head  # 'the Davao Death Squad, a vigilante group that ...': the squad
    if not (is_actor(noun) or _codes(noun, strict=True)):
        return []
    return actor_tokens([noun])


def _raised_object(verb: Token) -> list[Token]:
    """The object of the verb joined right after it, shared when the verb has nothing
    after it but the 'and' ('has threatened and derided the mayor', 'criticised and
    sanctioned Iran'): both act on it. Not a verb with anything of its own after it
    ('banned the burqa and jailed imams')."""
    if verb.pos_ != "VERB" or verb.dep_ == "conj" or verb.lemma_.lower() in UNDIRECTED:
        return []
    rights = [c for c in verb.rights if c.dep_ not in ("punct",)]
    if len(rights) != 2 or [c.dep_ for c in rights] != ["cc", "conj"]:
        return []
    cc, joined = rights
    if cc.lower_ not in ("and", "or") or joined.pos_ != "VERB" or cc.i != verb.i + 1:
        return []
    if joined.i != cc.i + 1 and not all(t.dep_ == "advmod" for t in verb.doc[cc.i + 1 : joined.i]):
        return []
    objects = [c for c in joined.children if c.dep_ == "dobj"]
    if len(objects) != 1 or not (is_actor(objects[0]) or _codes(objects[0], strict=True)):
        return []
    return actor_tokens(conjuncts(objects[0]))


COMPLAINING = frozenset({"complain", "grumble", "gripe", "fume", "rail", "moan"})


def _complained_of(verb: Token) -> list[Token]:
    """'complained about the trade deficit with Mexico', 'complained about Germany's
    surplus', 'complained about Germany': whom the thing complained of is with, or whose
    it is (the actor itself when named)."""
    if verb.lemma_.lower() not in COMPLAINING:
        return []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("about", "over", "of"):
            continue
        for noun in _pobjs(prep):
            if is_actor(noun):
                return actor_tokens([noun])
            if noun.pos_ != "NOUN":
                continue
            found = actor_tokens(
                _prep_targets(noun, ("with", "against", "by", "from")) or _owner(noun)
            )
            if found:
                return found
    return []


# what one is asked to give for what one did ('demanded explanations for ...')
ACCOUNTS = frozenset(
    {"explanation", "apology", "answer", "clarification", "justification", "account"}
)
ASKING = frozenset({"demand", "seek", "request", "ask", "want", "expect", "await"})


def _accounted_for(verb: Token) -> list[Token]:
    """'demanded explanations for the Pentagon's position', 'sought an apology for
    Britain's remarks': who must account for the thing is its owner."""
    if verb.lemma_.lower() not in ASKING:
        return []
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in ACCOUNTS:
            continue
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                found = actor_tokens([o for g in _pobjs(prep) for o in _owner(g)])
                if found:
                    return found
    return []


# participles that say whom a thing is pointed at ('a missile shield directed at Iran')
AIMING = frozenset({"direct", "aim", "target", "point"})


def _aimed_object(verb: Token) -> list[Token]:
    """'began deploying a radar system directed at Russia', 'fired rockets aimed at
    Israel': whom the thing acted with is pointed at, as its participle names it."""
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        for acl in child.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in AIMING:
                found = actor_tokens(_prep_targets(acl, ("at", "against")))
                if found:
                    return found
    return []


def _gerund_subject(verb: Token) -> list[Token]:
    """'Serbia opposed Croatian police conducting a search': whom the act is opposed,
    backed or asked of is the subject of the gerund clause the verb takes (the parser
    hangs it as a clausal complement), not its object (the search)."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.tag_ == "VBG" and not _relative_clause(child):
            subjects = [c for c in child.children if c.dep_ == "nsubj" and is_actor(c)]
            found = actor_tokens(conjuncts(subjects[0])) if subjects else []
            if found:
                return found
    return []


# inquiries, and the ties they look into ('investigating contacts between X and Y')
PROBES = frozenset({"investigate", "probe", "examine", "investigation", "inquiry"})
TIES = frozenset(
    {"contact", "tie", "link", "connection", "relation", "relationship", "dealing",
     "communication", "collusion", "coordination", "meeting"}
)  # fmt: skip


CLAIMS = frozenset({"allegation", "claim", "accusation", "report", "suspicion", "evidence"})


def _ties_probed(token: Token) -> list[Token]:
    """'The FBI is investigating contacts between Trump associates and Russian operatives',
    'a probe into the links of the mayor with the cartel': the parties to the ties an
    inquiry looks into are its targets."""
    if token.lemma_.lower() not in PROBES:
        return []
    nouns = [c for c in token.children if c.dep_ == "dobj"]
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("into", "of")]
    if token.pos_ == "NOUN" and token.dep_ == "dobj":  # 'opened an investigation into ...'
        preps += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "into"]
    nouns += [g for c in preps for g in _pobjs(c)]
    # 'investigate allegations of collusion between the campaign and Russia'
    nouns += [
        g
        for n in nouns
        if n.lemma_.lower() in CLAIMS
        for c in n.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in _pobjs(c)
    ]
    for noun in nouns:
        if noun.lemma_.lower() not in TIES:
            continue
        found = [
            t
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("between", "with", "of")
            for g in _pobjs(c)
            for t in conjuncts(g)
        ]
        found = actor_tokens([t for t in found if is_actor(t)])
        if found:
            return found
    return []


def _to_blame(verb: Token) -> Token | None:
    """'X is to blame', 'X was partly to blame': a predicate blame whose subject is the
    one blamed, not the one blaming; the 'be' it hangs on, or None."""
    head = verb.head
    if verb.lemma_.lower() != "blame" or verb.dep_ != "xcomp" or not infinitive(verb):
        return None
    return head if head.lemma_ == "be" and head.i != verb.i else None


def _blamed_on(verb: Token) -> list[Token]:
    """'blamed the raid on U.S. generals': the blame goes to the last 'on' actor of the
    clause, not to the place of what went wrong ('the raid on Yemen')."""
    ons = [
        c
        for c in verb.subtree
        if c.dep_ == "prep" and c.lower_ == "on" and (c.head == verb or c.head.head == verb)
    ]
    for prep in reversed(ons):
        found = actor_tokens([g for g in _pobjs(prep) if is_actor(g) or _codes(g, strict=True)])
        if found:
            return found
    return []


def _written_to(verb: Token) -> list[Token]:
    """'wrote to the Public Accounts Committee seeking a right of reply': a bare participle
    asks whom the verb it hangs on addresses."""
    if not bare_participle(verb):
        return []
    found = _prep_targets(verb.head, ("to",))
    if found:
        return found
    # 'placed calls to Nunes and Schiff, asking for more time': the message's addressee
    messages = tables.lexicon()["speech"]["message_nouns"]
    for child in verb.head.children:
        if child.dep_ == "dobj" and (child.lemma_.lower() in messages or child.lemma_ == "call"):
            found = _prep_targets(child, ("to",))
            if found:
                return found
    return []


# verbs that move someone somewhere: the place they go to is whom the purpose addresses
SENDING = frozenset({"send", "dispatch", "travel", "fly", "go", "come", "head", "return"})


def _sent_to(verb: Token) -> list[Token]:
    """'North Korea sent a delegation to Malaysia to seek the return of the body', 'Tillerson
    flew to Beijing to press China': the purpose of a journey addresses the state it goes
    to (a country or a capital, not a mere place)."""
    if verb.dep_ != "advcl" or not infinitive(verb):
        return []
    head = verb.head
    if head.lemma_.lower() not in SENDING:
        return []
    ends = [
        g for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in _pobjs(c)
    ]  # fmt: skip
    return actor_tokens([g for g in ends if g.ent_type_ == "GPE" and _nation(g)])


def infinitive(verb: Token) -> bool:
    """A 'to' infinitive ('to seek', 'to recapture')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _passive_complement(verb: Token) -> bool:
    """'Obama had ordered him to be wiretapped', 'asked for them to be released': the
    object undergoes the act asked for; whoever is to do it is not named."""
    return any(
        c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "auxpass" for g in c.children)
        for c in verb.children
    )


def passive_participle(verb: Token, *, agent: bool = False) -> bool:
    """'Sentsov went on trial in Russia, accused of plotting terrorist acts': a past
    participle clause with no subject, auxiliary or conjunction of its own tells what
    was done to the subject of the clause it hangs on; with ``agent`` also one that names
    its doer ('entered Aleppo, backed by Syrian troops')."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.pos_ != "VERB":
        return False
    own = ("mark", "nsubj", "nsubjpass", "aux", "auxpass") + (() if agent else ("agent",))
    return not any(c.dep_ in own for c in verb.children)


def bare_participle(node: Token) -> bool:
    """A participle clause with no subject, conjunction or auxiliary of its own ('wrote in
    January to the SEC asking that ...'): it shares the time, the mood and the addressee
    of the verb it hangs on."""
    if node.dep_ != "advcl" or node.tag_ != "VBG":
        return False
    return not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in node.children)


REFUSALS = frozenset({"refuse", "reject", "deny", "defy", "ignore", "decline", "rebuff", "snub"})
PLEAS = frozenset(
    {"request", "demand", "call", "appeal", "plea", "objection", "protest", "warning", "pressure"}
)


def _defied(verb: Token) -> list[Token]:
    """'will not release the body despite North Korea's request': whose plea a refusal
    goes against is its target."""
    refused = verb.lemma_.lower() in REFUSALS or any(c.dep_ == "neg" for c in verb.children)
    if not refused:
        return []
    for child in verb.subtree:  # the parser hangs it on any verb of the clause
        if child.dep_ == "prep" and child.lower_ == "despite":
            pleas = [g for g in _pobjs(child) if g.lemma_.lower() in PLEAS]
            found = actor_tokens([o for g in pleas for o in _owner(g)])
            if found:
                return found
    return _asked_before(verb)


# verbs by which one side presses another to act; a refusal joined to them answers them
PRESSING = frozenset({"ask", "seek", "urge", "press", "pressure", "insist", "vow", "threaten"})


def _asked_before(verb: Token) -> list[Token]:
    """'North Korea has requested Kim's body but Malaysian authorities said they wouldn't
    release it', 'Trump has vowed to make Mexico reimburse the US, but Mexico has
    repeatedly refused': a refusal joined to someone's request or pressure answers it."""
    own = {t.i for t in _verb_subject(verb)}
    node = verb
    for _ in range(4):
        if node.dep_ not in ("ccomp", "conj") or node.head == node:
            return []
        node = node.head
        if node.lemma_.lower() in PLEAS | PRESSING and node.pos_ == "VERB":
            asker = [c for c in node.children if c.dep_ == "nsubj" and c.i not in own]
            return actor_tokens(conjuncts(asker[0])) if asker else []
    return []


def _shared_passive_subject(verb: Token) -> Token | None:
    """The subject a passive verb shares with the verb it is joined to ('He returned to
    Germany in September and was arrested at Duesseldorf airport': he was arrested), or
    a participle joined to a passive, its 'was' shared ('she was fired and accused by the
    president of ...': she was accused), through a list of such participles ('he was
    stopped, questioned and detained by the police': the parser chains each to the one
    before)."""
    first = verb.head
    while _bare_conj_participle(first):
        first = first.head  # 'questioned' -> 'stopped'
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        _bare_conj_participle(verb) and any(c.dep_ == "auxpass" for c in first.children)
    )
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if not passive or own or verb.dep_ != "conj":
        return None
    return next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _bare_conj_participle(verb: Token) -> bool:
    """A past participle joined to the verb before it, with no auxiliary of its own."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and verb.head.i != verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
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


# words that open a relative clause ('whose prime minister was visiting ...')
RELATIVE_WORDS = frozenset({"whose", "who", "whom", "which"})


def _relative_clause(clause: Token) -> bool:
    """A clause opening on a relative word, which the parser hung on the verb as its
    complement: it says more of a name before it, nothing of what was asked."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in RELATIVE_WORDS and first.tag_ in ("WP$", "WP", "WDT")


def _complement_targets(token: Token) -> list[Token]:
    """The target found in a frame word's complement clause: the one a demand or appeal
    is addressed to is the subject of what is demanded ('demanded that the US cancel
    ...', 'its demand that Israel ease ...'); an intent, threat or refusal has the target
    of its infinitive ('threatened to break off relations with Congo')."""
    frame, code = _frame(token)
    charged = _charged(token) if code.startswith("11") else []
    if charged:
        return charged
    if frame is None and not code.startswith(("10", "02")):
        return []
    if frame == "deny":
        return _denied_targets(token)
    if frame == "appeal" and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PRON") for c in token.children
    ):
        return []  # 'asked participants to stop displaying Ocalan flags': the asked, not Ocalan
    for child in token.children:
        if child.dep_ in ("ccomp", "acl") and code.startswith(("10", "02")):
            if _relative_clause(child):
                continue  # '... requested by Japan -- whose prime minister was visiting ...'
            subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
            found = actor_tokens(conjuncts(subjects[0])) if subjects else []
            if found:
                return found
        if code.startswith(("10", "02")) and child.dep_ in ("dobj", "prep"):
            acts = (
                [child] if child.dep_ == "dobj" else _pobjs(child) if child.lower_ == "for" else []
            )
            found = actor_tokens([o for a in acts for o in _owner_of_acted_on(a)])
            if found:  # 'calls for suspension of North Korea's nuclear activities'
                return found
            found = actor_tokens([o for a in acts for o in _punished(a)])
            if found:  # 'calling for sanctions on Mexican firms'
                return found
            if child.dep_ == "prep" and child.lower_ == "for":
                done = [g for c in child.children if c.dep_ == "pcomp" for g in c.children]
                found = actor_tokens([g for g in done if g.dep_ == "dobj" and is_actor(g)])
                if found:  # 'called for investigating Flynn'
                    return found
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and frame:
            if any(c.dep_ == "auxpass" for c in child.children):
                # 'agreed to be interviewed by the committee', 'refused to be questioned
                # by police': who is to act on the source is whom it agrees or refuses
                agents = [g for c in child.children if c.dep_ == "agent" for g in _pobjs(c)]
                found = actor_tokens([g for g in agents if is_actor(g)])
                if found:
                    return found
            inner = match_trigger(child)  # its own fixed objects ('join forces') are no target
            found = _objects_of(child, frozenset(), inner.obj if inner else frozenset())
            found = actor_tokens([t for t in found if t.dep_ not in SUBJECT_DEPS])
            if found:
                return found
    return []


def _charged(token: Token) -> list[Token]:
    """'charged that Moscow's intention is to threaten U.S. facilities': the accused is the
    subject of the charge's clause (or the subject's owner), not an object inside it."""
    for child in token.children:
        if child.dep_ != "ccomp":
            continue
        subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"]
        if subjects:
            subject = subjects[0]
            named = conjuncts(subject) if is_actor(subject) else _owner(subject)
            return actor_tokens(named)
    return []


def _punished(act: Token) -> list[Token]:
    """'sanctions on Mexican firms', 'an embargo against Iran': whom a measure hits; for a
    thing hit, its owner ('a tariff on Chinese goods': China)."""
    if act.pos_ != "NOUN" or not _measure(act):
        return []
    hit = [g for c in act.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
           for g in _pobjs(c)]  # fmt: skip
    return [o for g in hit for o in ([g] if is_actor(g) or _codes(g) else _owner(g))]


# ('raise import taxes on Chinese goods': China; a tax on no one's goods names no side)
MEASURES = frozenset(
    {"sanction", "embargo", "tariff", "duty", "ban", "boycott", "penalty", "restriction",
     "tax", "taxes", "levy", "quota"}
)  # fmt: skip


def _measure(noun: Token) -> bool:
    """A measure noun (the tagger lemmatises 'taxes' as 'taxis')."""
    return noun.lemma_.lower() in MEASURES or noun.lower_ in MEASURES


def _measure_hit(verb: Token) -> list[Token]:
    """'impose a tariff on Chinese goods' (the parser hangs 'on' on the verb): China."""
    if not any(c.dep_ == "dobj" and _measure(c) for c in verb.children):
        return []
    hit = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
           for g in _pobjs(c)]  # fmt: skip
    return actor_tokens([o for g in hit for o in ([g] if is_actor(g) else _owner(g))])


# restrictions whose object may be goods going to or coming from someone
RESTRICTING = frozenset(
    {"ban", "restrict", "halt", "suspend", "block", "curb", "limit", "cut", "stop", "embargo",
     "freeze", "prohibit"}
)  # fmt: skip
EXPORTING = frozenset(
    {"export", "ship", "shipment", "sale", "sell", "deliver", "delivery", "supply"}
)
IMPORTING = frozenset({"import", "purchase", "buy"})


def _trade_cut(verb: Token) -> list[Token]:
    """'banned more items from being exported to North Korea', 'halted oil shipments to
    Pyongyang', 'suspended imports from Brazil': a restriction of trade hits whoever the
    goods were going to or coming from."""
    if verb.lemma_.lower() not in RESTRICTING or verb.pos_ != "VERB":
        return []
    for node in verb.subtree:
        if node.i <= verb.i or abs(node.i - verb.i) > 12:
            continue
        lemma = node.lemma_.lower()
        way = "to" if lemma in EXPORTING else "from" if lemma in IMPORTING else None
        if way is None:
            continue
        ends = [g for c in node.children if c.dep_ == "prep" and c.lower_ == way for g in _pobjs(c)]
        found = actor_tokens([g for g in ends if is_actor(g)])
        if found:
            return found
    return []


def _owner_of_acted_on(act: Token) -> list[Token]:
    """Whose thing a demanded act is done to, who is asked to do it: 'suspension of North
    Korea's nuclear activities' -> North Korea. Only a thing owned by an actor ('the
    release of the journalists' asks someone else, who is not named)."""
    if act.pos_ != "NOUN" or not _action_noun(act):
        return []
    preps = ("of", "to")  # 'an end to Ukraine's blockade'
    things = [g for c in act.children if c.dep_ == "prep" and c.lower_ in preps for g in _pobjs(c)]
    return [
        p
        for thing in things
        if not is_actor(thing)
        for p in thing.children
        if p.dep_ == "poss" and p.pos_ == "PROPN" and is_actor(p)
    ]


# verbs whose object is made by the act, not acted on: no target
CREATING = frozenset({"establish", "create", "form", "found", "launch", "constitute"})


def _deployed(verb: Token) -> bool:
    """'Syrian troops have been deployed to the areas held by Kurdish forces': forces a
    deployment moves are their side's means; as the passive subject they act."""
    return verb.lemma_.lower() in DEPLOYING and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in FORCES for c in verb.children
    )


def _own_object(token: Token) -> bool:
    """'its troops', 'their forces': an object owned by a pronoun is the actor's own; so
    are the forces a deployment moves ('stationed some 4,000 troops in Poland')."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return True
    if (
        token.dep_ == "dobj"
        and token.head.pos_ == "VERB"
        and token.head.lemma_.lower() in STATIONING
    ):
        return True  # 'Russia deployed Bastion missile systems': whatever is deployed is its own
    forces = token.lemma_.lower() in FORCES or military(token)
    deployed = token.head.lemma_.lower() in DEPLOYING and forces
    return deployed and not any(c.dep_ == "poss" for c in token.children)


def military(token: Token, *, by_compound: bool = True) -> bool:
    """A military unit named by its sector ('commandos', 'US Marines'; with
    ``by_compound``, also by a compound before it: 'Army Rangers')."""
    words = [token, *(c for c in token.children if c.dep_ == "compound" and by_compound)]
    return any("MIL" in (agent_sector(w.lemma_.lower()), agent_sector(w.lower_)) for w in words)


# verbs whose object is always what is moved into place, never whom the act is aimed at
STATIONING = frozenset({"deploy", "redeploy", "station"})
# verbs of taking a place or a thing from whoever held it
TAKING = frozenset({"seize", "capture", "recapture", "retake", "wrest", "grab", "snatch"})
# nouns for a part of a land ('chunks of Iraq', 'parts of Libya')
LAND_PARTS = frozenset(
    {"chunk", "part", "swath", "swathe", "area", "territory", "portion", "half", "stretch",
     "section", "piece", "much", "most", "region", "tract"}
)  # fmt: skip


HOLDING = frozenset({"hold", "control", "occupy"})


def held_by(verb: Token) -> list[Token]:
    """Who held what was taken, when the clause says it: 'Palmyra, once held by ISIS and
    retaken by the army', 'retook the ISIS-held city', 'recaptured the town, which had
    been held by ISIS'."""
    holders: list[Token] = []
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in HOLDING:
        holders.append(verb.head)
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for thing in taken:
        holders += [
            c for c in thing.children
            if c.dep_ in ("amod", "acl", "relcl") and c.lemma_.lower() in HOLDING
        ]  # fmt: skip
    out: list[Token] = []
    for held in holders:
        out += [g for c in held.children if c.dep_ == "agent" for g in _pobjs(c)]
        if held.dep_ == "amod":  # 'the ISIS-held city'
            out += [c for c in held.children if c.dep_ in ("npadvmod", "compound", "nmod")]
    return out


def land_of(verb: Token) -> list[Token]:
    """'seized large chunks of Iraq and Syria', 'captured parts of Libya': the lands a
    part of which is taken (places, countries), or none."""
    out: list[Token] = []
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in LAND_PARTS:
            continue
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                out += [g for g in _pobjs(prep) if g.ent_type_ in PLACE_ENTITIES]
    return out


DEPLOYING = frozenset({"deploy", "station", "send", "dispatch", "move", "position", "redeploy"})
FORCES = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "warship",
        "jet",
        "personnel",
        "unit",
        "battalion",
        "marine",
        "paratrooper",
        "missile",
        "ship",
        "tank",
        "aircraft",
    }
)


# verbs that find fault with something: whose the thing is, is whom they find fault with
FAULTING = frozenset(
    {"criticize", "criticise", "condemn", "denounce", "oppose", "slam", "blast", "decry",
     "attack", "question", "challenge", "reject", "deplore", "lambast", "assail"}
)  # fmt: skip


def _criticized_owner(verb: Token) -> list[Token]:
    """ "criticized Ross' business ties to Russia", "opposing Trump's measures against
    Muslims": a criticism of a thing a named actor owns is aimed at the owner, not at what
    the thing is about or aimed at (the object's own 'to / against X')."""
    if verb.lemma_.lower() not in FAULTING:
        return []
    for child in verb.children:
        if child.dep_ != "dobj" or child.pos_ != "NOUN" or _someone(child):
            continue
        owners = [
            c
            for c in child.children
            if c.dep_ == "poss" and c.pos_ != "PRON" and is_actor(c)
            and c.ent_type_ not in tables.lexicon()["non_actor_entities"]
        ]  # fmt: skip
        found = actor_tokens([t for c in owners for t in conjuncts(c)])
        if found:
            return found
    return []


def _object_preps(verb: Token) -> list[Token]:
    """'break relations with Russia', 'imposed sanctions on X': the object noun's target
    ('criticised US foreign policy on Iran': what a policy is on is its topic)."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN"):
            preps: tuple[str, ...] = NOUN_TARGET_PREPS
            if child.lemma_.lower() in TOPICAL:
                preps = tuple(p for p in preps if p not in TOPIC_PREPS and p not in TOWARDS)
            if child.lemma_.lower() in HANDOVERS:  # "seeks Gulen's extradition from the US"
                preps = ("from", *preps)
            found = actor_tokens(_prep_targets(child, preps) or _punished(child))
            # 'for' + gerund after a noun is a reason ('demanded Quill's resignation for
            # misleading the vice president': the vice president was not asked anything)
            reasons = tuple(p for p in preps if p != "for")
            found = found or actor_tokens(_gerund_objects(child, reasons))
            if found:  # 'imposed tariffs on Chinese goods'
                return found
    return []


def _gerund_objects(noun: Token, preps: Sequence[str]) -> list[Token]:
    """'reaffirmed America's commitment to defending Japan': the object of the gerund
    after the object noun's preposition."""
    return [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
        for o in g.children
        if o.dep_ == "dobj" and is_actor(o)
    ]


# a person handed over: the one asked for it is whom the person is to come from
HANDOVERS = frozenset({"extradition", "return", "handover", "repatriation", "release", "transfer"})


# nouns whose 'on/over/towards X' is what they are about
TOPICAL = frozenset(
    {
        "policy",
        "stance",
        "position",
        "approach",
        "strategy",
        "view",
        "remark",
        "comment",
        "statement",
        "debate",
        "decision",
        "ruling",
        "vote",
        "report",
        "rhetoric",
        "line",
    }
)
TOWARDS = ("toward", "towards")


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
        if child.lower_ == "from" and any(g.lower_ == "to" for g in child.children):
            continue  # 'from Lisbon to Vladivostok': a stretch of places, not a party
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            if _co_agents(child):
                continue  # 'raided a compound together with Iraqi troops': who joined in
            if _fronted(child):
                continue  # 'On the Senate side, Republicans called for ...': a scene
            named = [_shifted_place(g) for g in _pobjs(child) if is_actor(g)]
            if child.lower_ == "at":  # 'arrested at Duesseldorf airport', 'at Nuremberg': where
                named = [g for g in named if g.lemma_.lower() not in PLACE_HEADS and not _town(g)]
            if child.lower_ == "for":  # "endorsed Trump's campaign for president": an office
                named = [g for g in named if not _bare_office(g)]
            if child.lower_ == "on":  # 'complained on Twitter that ...': where it was said
                named = [g for g in named if g.lemma_.lower() not in CHANNELS]
            found = actor_tokens(named)
            if found:
                return found
    return []


def _fronted(prep: Token) -> bool:
    """'On the Senate side, Republicans called for ...': a phrase set off by a comma
    before the verb's subject frames the clause; it names no one acted on."""
    head = prep.head
    after = prep.right_edge.i + 1
    if prep.i > head.i or after >= len(prep.doc) or prep.doc[after].text != ",":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > after for c in head.children)


def _co_agents(prep: Token) -> bool:
    """'together with Iraqi troops', 'along with the army', 'in partnership with the
    government': a 'with' phrase naming who acted beside the source, not the target."""
    if prep.lower_ != "with":
        return False
    if any(
        c.dep_ == "advmod" and c.lower_ in ("together", "along", "jointly") for c in prep.children
    ):
        return True
    if prep.head.lemma_.lower() in JOINT_NOUNS and prep.head.dep_ == "pobj":
        return True
    # 'were conducted "in partnership" with the government': the parser hangs both on the verb
    return any(
        c.dep_ == "prep" and any(g.lemma_.lower() in JOINT_NOUNS for g in c.children)
        for c in prep.head.children
        if c.i < prep.i
    )


# nouns of acting jointly ('in partnership with', 'in coordination with')
JOINT_NOUNS = frozenset(
    {"partnership", "cooperation", "coordination", "conjunction", "concert", "tandem",
     "collaboration"}
)  # fmt: skip


# the services and media something is said or shown on ('on Twitter', 'on television')
CHANNELS = frozenset(
    {"twitter", "facebook", "instagram", "youtube", "telegram", "weibo", "tiktok", "snapchat",
     "vkontakte", "television", "tv", "radio", "air", "website", "blog", "podcast"}
)  # fmt: skip


def _distance(prep: Token) -> bool:
    """'some 30 miles from Krakow': a preposition measured by a distance says how far."""
    return any(
        g.dep_ == "npadvmod" and (g.ent_type_ == "QUANTITY" or g.lemma_.lower() in LENGTHS)
        for g in prep.children
    )


LENGTHS = frozenset({"mile", "km", "kilometre", "kilometer", "metre", "meter", "yard", "foot"})


def _shifted_place(pobj: Token) -> Token:
    """'extradited to Russia Timur Emirbekov': with the object moved after the
    preposition's, the parser runs the place into the name; the place is the
    preposition's object when it leads the phrase with an entity of its own."""
    first = next((c for c in pobj.lefts if c.dep_ == "compound"), None)
    if first is None or first.ent_type_ != "GPE" or pobj.ent_type_ != "PERSON":
        return pobj
    if first.ent_iob_ == "B" and pobj.ent_iob_ == "B":  # two entities, place first
        return first
    return pobj


def _bare_office(noun: Token) -> bool:
    """'president' in 'running for president': a title with no article, owner or name is
    the office sought, not someone who holds it."""
    return (
        noun.tag_ == "NN"
        and noun.ent_type_ == ""
        and not any(
            c.dep_ in ("det", "poss", "compound", "amod", "nummod", "appos") for c in noun.children
        )
    )


# nouns for where something happens, which a place name before them does not make a side
PLACE_HEADS = frozenset(
    {
        "airport",
        "station",
        "border",
        "crossing",
        "checkpoint",
        "home",
        "residence",
        "hotel",
        "hospital",
        "port",
        "terminal",
    }
)


def _allowed(token: Token) -> list[Token]:
    """'agreed to allow Belgian and Dutch jets to fly into its airspace': whom a permission
    is given to, the subject of the allowed act."""
    if token.lemma_.lower() not in ("allow", "permit", "let"):
        return []
    subjects = [
        g
        for c in token.children
        if c.dep_ in ("ccomp", "xcomp")
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    return actor_tokens([t for s in subjects for t in conjuncts(s)])


def _partners(token: Token) -> list[Token]:
    """'ready to return to energy dialogue with the United States': the partner of the
    talks the act goes to (a noun after the verb's preposition, with 'with' someone)."""
    partners = [
        p
        for child in token.children
        if child.dep_ == "prep" and child.lower_ in ("to", "into")
        for g in _pobjs(child)
        if g.pos_ == "NOUN" and not is_actor(g)
        for c in g.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in _pobjs(c)
        if is_actor(p)
    ]
    return actor_tokens(partners)


def _object_owner(verb: Token) -> list[Token]:
    """'rejected an Indian proposal', 'denied charges by Ivory Coast', 'support a Security
    Council resolution': the object's owner (never the verb's own subject)."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for child in [_counted(c) for c in verb.children]:
        # 'A bid by Ryanair was rejected by the court': a passive's subject is what the act
        # was done to, as an active verb's object is
        done_to = ("dobj", "pobj", "nsubjpass") if passive else ("dobj", "pobj")
        if child.dep_ not in done_to or child.pos_ not in ("NOUN", "PROPN"):
            continue
        if is_actor(child):
            continue
        if _own_object(child):
            continue  # 'deployed Iskander missiles': a make of weapon, the deployer's own
        if dashed_off(child):
            continue  # 'refused to do so - a stance backed by Ryan': a gloss, not the object
        if _someone(child):
            continue  # "denounced Trump's nominee": the nominee, whom the owner does not name
        owner = actor_tokens(_owner(child))
        if owner:
            return owner
    return []


def dashed_off(noun: Token) -> bool:
    """Whether the noun's phrase opens right after a dash, or after the '"?' a broken
    encoding leaves where a dash was ('refused to do so "?a stance backed by Ryan'): a
    gloss on the clause before, which the parser may hang on the verb as its object; the
    gloss's owner or author, and an act the gloss names, are no side or part of the
    verb's act. Only after the verb: a dash before it opens the sentence ('integrity.- The
    SDF's offensive was suspended')."""
    i = noun.left_edge.i
    doc = noun.doc
    if i == 0 or i < noun.head.i:
        return False
    before = doc[i - 1]
    if before.text in DASHES or before.text == '"?':
        return True
    glued = i >= 2 and doc[i - 2].text == '"' and not doc[i - 2].whitespace_
    return glued and before.text == "?" and not before.whitespace_


NAMED_BODIES = ("ORG", "GPE", "NORP")
# words for how many of a thing ('many of Trump's proposals')
QUANTIFIERS = frozenset(
    {"many", "some", "all", "most", "several", "much", "few", "each", "any", "dozens",
     "scores", "hundreds", "thousands", "dozen"}
)  # fmt: skip


def _counted(obj: Token) -> Token:
    """'denounced many of Trump's policy proposals': the proposals, what the quantifier
    counts; any other object as it is (not 'some of the protesters', an actor itself)."""
    if obj.dep_ != "dobj" or obj.lower_ not in QUANTIFIERS:
        return obj
    things = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in _pobjs(c)]
    return things[0] if len(things) == 1 else obj


REPORTING = frozenset(tables.lexicon()["reporting_verbs"])


def _someone(noun: Token) -> bool:
    """A noun for a person or people ('nominee', 'wife', 'aides'): its owner is not them.
    A body is its owner's ('the departments of Justice and Homeland Security')."""
    lemma = noun.lemma_.lower()
    return lemma in person_nouns() and lemma not in BODIES and not _action_noun(noun)


# nouns for bodies, which belong to their owner ("Russia's government")
BODIES = frozenset(
    {
        "administration",
        "agency",
        "alliance",
        "army",
        "authority",
        "bloc",
        "cabinet",
        "coalition",
        "committee",
        "council",
        "court",
        "delegation",
        "department",
        "force",
        "government",
        "group",
        "military",
        "ministry",
        "movement",
        "office",
        "opposition",
        "organisation",
        "organization",
        "parliament",
        "party",
        "police",
        "regime",
        "team",
        "union",
    }
)


def _action_noun(noun: Token) -> bool:
    """A nominalised act ('withdrawal', 'deployment', 'release'), not a thing."""
    lemma = noun.lemma_.lower()
    return lemma in tables.noun_patterns() or lemma.endswith(ACTION_SUFFIXES)


def _owner(noun: Token) -> list[Token]:
    """Who a (non-actor) noun belongs to: its possessor, 'by / from X' (an actor, not
    'a video from an al-Qaeda camp'), 'of X' after an action noun ('demanded the
    withdrawal of Serbian forces'), or a nationality or organisation modifier ('an
    Australian ultimatum')."""
    if _remains(noun):
        return []  # "requested the dead diplomat's body": he is not the one asked
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            return []  # 'rebuild his coalition': his own, not a target
        if child.dep_ == "poss" and child.lemma_.lower() in MEETINGS:
            return []  # "praised Astana talks' contribution": the talks, no one's
        if child.dep_ == "poss" and (
            child.ent_type_ not in tables.lexicon()["non_actor_entities"] or named_by_layer(child)
        ):  # "May's earlier statements": the layer names her, the tagger says a date
            return conjuncts(child)
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            # 'criticized a law initiated by the US Senate': the author the participle names
            agents = [g for c in child.children if c.dep_ == "agent" for g in _pobjs(c)]
            found = actor_tokens([g for g in agents if is_actor(g) or _codes(g, strict=True)])
            if found:
                return found
    # 'the withdrawal of X', 'the positions of X', 'the tactics of X' are X's; 'pictures
    # of X' are not
    given = _action_noun(noun) or noun.lemma_.lower() in SERVICES | HOLDINGS | CONDUCT
    preps = ("by", "from", "of") if given else ("by", "from")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            # 'the policy of his successor, Donald Trump': the name apposed to the owner
            owners = [_named(g) for g in _pobjs(child)]
            named = [g for g in owners if is_actor(g) or _codes(g, strict=True)]
            found = actor_tokens(named)
            if found:
                return found
    if noun.lemma_.lower() in DECISIONS:
        issuers = [
            c
            for c in noun.children
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in ISSUERS
        ]
        if issuers:  # 'defy a government order', 'a court ruling': the issuer's
            return issuers[:1]
    meeting = noun.lemma_.lower() in MEETINGS
    return [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod")
        and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")  # 'the Trump plan'
        and not (meeting and _city(c))  # 'the Minsk agreements': where, not whose
        and not _town(c)  # 'a New York City bar': where it is, not whose
        # 'the Shah Noorani shrine', 'the Al-Nuri mosque': a name of the building itself
        and not (noun.lemma_.lower() in BUILDINGS and c.ent_type_ in ("ORG", "PERSON"))
    ][:1]


# what a side holds or keeps and others hit, seize or visit: 'of X' names the holder
# ('destroyed facilities of the Islamic State', 'shelled positions of the army')
HOLDINGS = frozenset(
    {"facility", "base", "position", "camp", "stronghold", "hideout", "depot", "outpost",
     "headquarters", "convoy", "installation", "compound", "warehouse", "arsenal",
     "stockpile", "checkpoint", "barracks", "office", "embassy", "consulate"}
)  # fmt: skip


# what a side does or how it acts: 'of X' names the one acting ('condemned the duties of
# the security forces', 'criticised the tactics of the police')
CONDUCT = frozenset(
    {"duty", "role", "conduct", "behaviour", "behavior", "tactic", "practice", "policy",
     "activity", "method", "stance", "attitude", "rhetoric", "strategy", "approach",
     "handling", "bid", "request"}
)  # fmt: skip


# what is left of a dead person: whose it was is no side of asking for it or handing it over
REMAINS = frozenset({"body", "remains", "corpse", "ashes"})


def _remains(noun: Token) -> bool:
    """A person's remains ("Kim's body", "the dead diplomat's remains") (not "the EU's
    executive body", a body of people: a modifier or an organisation before it)."""
    if noun.lower_ not in REMAINS and noun.lemma_.lower() not in REMAINS:
        return False
    if any(c.dep_ in ("amod", "compound") for c in noun.children):
        return False
    return any(c.dep_ == "poss" and c.ent_type_ not in ("ORG", "NORP") for c in noun.children)


# what a body issues, and the bodies named by a common noun before it ('a government order')
DECISIONS = frozenset(
    {"order", "ruling", "decree", "ban", "decision", "directive", "ultimatum", "demand",
     "request", "verdict", "injunction"}
)  # fmt: skip
ISSUERS = frozenset(
    {"government", "court", "administration", "ministry", "police", "army", "military",
     "parliament", "cabinet", "regime", "council", "junta", "presidency"}
)  # fmt: skip


# buildings and sites whose name stands before them
BUILDINGS = frozenset(
    {"shrine", "mosque", "church", "temple", "synagogue", "cathedral", "hospital", "school",
     "university", "market", "bazaar", "hotel", "stadium", "bridge", "dam", "airport",
     "station", "museum", "monument", "tomb", "palace", "square", "mall", "prison"}
)  # fmt: skip


# what one party gives another, which belongs to the giver: 'sought the help of the FBI'
SERVICES = frozenset(
    {
        "help",
        "support",
        "assistance",
        "cooperation",
        "backing",
        "advice",
        "consent",
        "approval",
        "permission",
        "blessing",
        "protection",
    }
)


# what a meeting is about, not whom it is with ('held meetings on North Korea')
TOPIC_PREPS = frozenset({"on", "over", "about", "for"})


# nouns for meetings and the texts they agree on, which a city names by where they were held
MEETINGS = frozenset(
    {
        "talk",
        "talks",
        "agreement",
        "accord",
        "process",
        "format",
        "summit",
        "conference",
        "meeting",
        "declaration",
        "protocol",
        "ceasefire",
        "truce",
        "deal",
        "negotiation",
        "forum",
        "round",
        "communique",
        "memorandum",
        "treaty",
        "convention",
    }
)


def _city(token: Token) -> bool:
    """A city or capital ('Minsk', 'Astana', 'Geneva'), not a country or a people."""
    text = _phrase(token)
    return not _nation(token) and bool(capital_country(text) or place_country(text))


def _town(token: Token) -> bool:
    """A city that is no capital ('New York City', 'Aleppo'): where a thing is, not its
    owner (a capital may stand for its government: 'the Moscow plan')."""
    return _city(token) and not capital_country(_phrase(token))


def _phrase(token: Token) -> str:
    start, end = actor_span(token)
    return doc_text(token.doc)[start:end]


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


RECEIVING = frozenset({"accept", "receive", "get", "welcome", "decline", "reject", "turn"})


def _receiver(noun: Token) -> list[Token]:
    """'Putin accepted an invitation from Xi': the act is Xi's (from Xi), and the one who
    accepts or declines it is whom it was made to."""
    verb = governing_verb(noun)
    sent = any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children)
    if verb is None or noun.dep_ != "dobj" or not sent or verb.lemma_.lower() not in RECEIVING:
        return []
    return actor_tokens(_verb_subject(verb))


def spoken_in(noun: Token) -> Token | None:
    """The speech verb of a message noun the speaker speaks in ('In a congratulatory
    telegram, Putin said ...': 'said'), or None."""
    prep, verb = noun.head, noun.head.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "through", "via"):
        return None
    if noun.lemma_.lower() not in tables.lexicon()["speech"]["message_nouns"]:
        return None
    return verb if verb.lemma_.lower() in REPORTING else None


def _advised(noun: Token) -> list[Token]:
    """'In a congratulatory telegram, Putin said the French president-elect should try to
    ...': a message that tells someone what they should do is addressed to them."""
    verb = spoken_in(noun)
    if verb is None:
        return []
    for clause in verb.children:
        advice = any(a.lower_ in ("should", "must") for a in clause.children)
        if clause.dep_ != "ccomp" or not advice:
            continue
        told = [c for c in clause.children if c.dep_ == "nsubj"]
        if told and told[0].pos_ in ("PROPN", "NOUN"):  # a title the layer links: 'president-elect'
            return told[:1]
    return []


def _noun_targets(noun: Token) -> list[Token]:
    suffers = undergone(noun)
    if suffers is not None:
        return conjuncts(suffers)
    message = message_of(noun)
    if message is not None:
        return _noun_targets(message)
    preps: tuple[str, ...] = NOUN_TARGET_PREPS
    if noun.lemma_.lower() in MEETINGS or noun.lower_ in MEETINGS:
        preps = tuple(p for p in preps if p not in TOPIC_PREPS)  # 'meetings on North Korea'
    if noun.lemma_.lower() in ATTACKS | FIGHTS:
        preps = tuple(p for p in preps if p != "for")  # 'the battle for Raqqa': the prize
    found = _prep_targets(noun, preps) or _between_others(noun) or _undergoer_of(noun)
    found = found or _ties_probed(noun) or _hung_against(noun)
    found = found or actor_tokens(_punished(noun))  # 'a ban on Iranian oil imports'
    found = found or _gerund_agents(noun)  # 'a ban on lobbying by state officials'
    if not found and noun.pos_ == "NOUN":
        found = _complement_targets(noun)
    if not found:
        found = _receiver(noun) or _advised(noun)
    verb = governing_verb(noun)
    # 'the discussions between the White House and the bureau began with McCabe and
    # Priebus': the parties are named by 'between'; the verb's 'with' is who began them
    between = any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)
    if not found and verb is not None and not between:
        found = [c for c in verb.children if c.dep_ == "dative" and is_actor(c)]
        found = found or _prep_targets(verb, NOUN_TARGET_PREPS)
    return found


def _hung_against(noun: Token) -> list[Token]:
    """Whom an attack is against when the parser hung 'against X' on a noun of the attack's
    own place ('an assault on the base near the airport against ISIL': ISIL, not the
    airport's); not when an act of its own lies between ('a raid on a rally near the
    stadium against the mayor': the rally is against him, not the raid)."""
    if noun.lemma_.lower() not in ATTACKS | FIGHTS:
        return []
    for prep in noun.subtree:
        if prep.dep_ != "prep" or prep.lower_ != "against" or prep.head is noun:
            continue
        between = [a for a in prep.ancestors if a.i > noun.i and noun in a.ancestors]
        if any(a.pos_ == "NOUN" and _action_noun(a) for a in between):
            continue
        return actor_tokens([g for g in _pobjs(prep) if is_actor(g)])
    return []


def _gerund_agents(noun: Token) -> list[Token]:
    """'a ban on lobbying by state officials', 'sanctions against trading by Iranian
    banks': the act a measure falls on is named by a gerund; who does that act (its
    'by' phrase) is whom the measure targets."""
    acts = [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in ("on", "against")
        for g in p.children
        if g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG"
    ]
    doers = [
        o
        for g in acts
        for c in g.children
        if c.dep_ in ("prep", "agent") and c.lower_ == "by"
        for o in _pobjs(c)
        if is_actor(o)
    ]
    return actor_tokens(doers)


# acts done to someone named after 'of' ('the arrest of Yevdokimov', 'mass arrests of
# Palestinians')
UNDERGONE = frozenset(
    {
        "arrest",
        "detention",
        "killing",
        "murder",
        "assassination",
        "deportation",
        "expulsion",
        "extradition",
        "execution",
        "kidnapping",
        "abduction",
        "torture",
        "prosecution",
        "conviction",
        "release",
        "persecution",
        "massacre",
        "investigation",  # 'a probe of Radio Liberty and CNN': the outlets probed
        "probe",
        "inquiry",
    }
)


def _undergoer_of(noun: Token) -> list[Token]:
    if noun.lemma_.lower() not in UNDERGONE:
        return []
    # 'an investigation into Korwin-Mikke': who is looked into
    probe = noun.lemma_.lower() in PROBES
    preps = ("of", "into") if probe else ("of",)
    heads = [noun, noun.head] if probe and noun.dep_ == "dobj" else [noun]  # 'launched ... into'
    return actor_tokens(
        [
            g
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in (preps if h is noun else ("into",))
            for g in _pobjs(c)
        ]
    )


# -- which tokens are actors -------------------------------------------------------------

# Pronouns that never name an actor by themselves: the speaker's group ('we', 'our') and the
# addressee ('you'). 'he' / 'she' stay: the entity layer resolves them.
