"""Which tokens name actors, their spans, and the actor they code to.

Never pronouns, dates, numbers or bare common nouns; pronouns take their antecedent in
the sentence or nothing; agents, nationalities, capitals and organisations code through
:mod:`newsgraph.kb.actor_codes`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.extractors.doctext import doc_ents, doc_text
from newsgraph.extractors.entities.documents import document_head
from newsgraph.extractors.events import tables
from newsgraph.extractors.events.patterns import named_by_layer, people_nouns
from newsgraph.extractors.times.lexicon import MONTHS
from newsgraph.kb.actor_codes import (
    ORG_PREFIXES,
    agent_sector,
    code_phrase,
    place_country,
)
from newsgraph.records import EventActor
from newsgraph.resources import load_json

SPAN_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "flat", "nummod"})
AGENT_PLACE_PREPS = frozenset({"of", "in", "from", "throughout", "across"})
POLITIES = frozenset({"republic", "kingdom", "state", "emirate", "federation", "principality"})
# parts of a body, which the body after 'of' names ('the Virginia chapter of the Sierra Club')
ORG_PARTS = frozenset({"chapter", "branch", "wing", "affiliate", "arm", "division"})


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
        if _dateline(token):
            # 'Hong Kong (CNN)Two mechanics have been arrested': where it was filed; the
            # name the parser hung on it is the subject ('Dhaka, Bangladesh - The UN ...')
            after = [
                c
                for c in token.children
                if c.dep_ == "appos" and c.i > token.i and not _bracketed(c)
            ]  # not the agency in 'SEOUL (Reuters) - South Korean prosecutors ...'
            if not after:
                continue
            token = after[0]
        found = _as_actor(token)
        if found is not None and all(found.i != t.i for t in out):
            out.append(found)
        if found is not None and found.dep_ == "appos" and found.head.i == token.i:
            # 'his teammates Alexey Petrov, Julia Smirnova and Evgenia Orlova': every name
            # apposed to the group, not only the first
            for joined in _joined(found):
                member = _as_actor(joined)
                if member is not None and all(member.i != t.i for t in out):
                    out.append(member)
        for joined in _agents_of_places(found):
            # 'the foreign ministers of Egypt, Jordan and Qatar': each country's ministers
            member = _as_actor(joined)
            if member is not None and all(member.i != t.i for t in out):
                out.append(member)
        if found is not None and token.lower_ in PLURAL_PRONOUNS and found.i != token.i:
            # 'the US and South Korea are conducting their joint exercises': 'their' is
            # every name of the coordination it stands for, not only the first
            for joined in _joined(found):
                member = _as_actor(joined)
                if member is not None and all(member.i != t.i for t in out):
                    out.append(member)
    return [t for t in out if not _title_of_next(t, out)]


def _title_of_next(role: Token, found: Sequence[Token]) -> bool:
    """A capitalised title set off by commas before the person who holds it, which the
    parser read as one more member of a list ('invited Greek Prime Minister, Nikos Varan,
    and ...'): the name is the actor; the title alone would be resolved to whoever holds
    the office on the article's date. A name of any kind is no title ('Ivan Orlov, Anna
    Berg and ...': a list of names)."""
    doc = role.doc
    if role.ent_type_ or not role.text[:1].isupper() or role.tag_ in ("NNS", "NNPS"):
        return False
    if role.i + 2 >= len(doc) or doc[role.i + 1].text != ",":
        return False
    first = doc[role.i + 2]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B":
        return False
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1  # the person's name: its entity's words
    return any(first.i <= t.i < end for t in found if t is not role)


def _agents_of_places(token: Token | None) -> list[Token]:
    """The places joined to the first after 'of' on a plural agent noun ('the foreign
    ministers of Egypt, Jordan and Qatar': Jordan and Qatar, whose ministers they are
    too); none for a singular ('the president of Russia and China's ally')."""
    if token is None or token.tag_ != "NNS":
        return []
    lemma = token.lemma_.lower()
    if lemma not in tables.lexicon()["actor_nouns"] and not _agent(lemma):
        return []
    place = _of_object(token)
    if place is None or place.ent_type_ != "GPE":
        return []
    # 'of Saudi Arabia, Qatar, the United Arab Emirates ... and Algeria', parsed with
    # 'Qatar' an apposition of the first and the rest joined to it
    listed = [a for a in place.children if a.dep_ == "appos" and a.ent_type_ == "GPE"]
    joined = _joined(place) + [j for a in listed for j in (a, *_joined(a))]
    return [j for j in joined if j.ent_type_ == "GPE"]


def _joined(token: Token) -> list[Token]:
    """The names coordinated with ``token`` after it ('the US and South Korea')."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_joined(child)]
    return out


def _dateline(token: Token) -> bool:
    """A place before an agency's bracket that opens the story ('Hong Kong (CNN)Two ...'),
    or a capitalised place and a date ('RIO DE JANEIRO, March 19. /TASS/.', whatever
    entity type the model gives it)."""
    doc, end = token.doc, token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    name = [t for t in doc[start:end] if t.is_alpha]
    dated = end + 1 < len(doc) and doc[end].text in (",", "-", "\u2013", "\u2014")
    if (
        name
        and all(t.is_upper for t in name)
        and dated
        and doc[end + 1].lower_.rstrip(".") in MONTHS
    ):
        return True
    opens_line = start == 0 or "\n" in doc[start - 1].text_with_ws
    named = token.is_title or token.is_upper
    if token.ent_type_ not in ("GPE", "LOC") and not (opens_line and named):
        return False  # 'Sanaa (CNN)At least 42 ...', 'SEOUL (Reuters) - ...', whatever its tag
    if _dashed_place(doc, token.i):
        return True  # 'Dhaka, Bangladesh - The United Nations has criticised ...'
    return (
        end + 2 < len(doc)
        and doc[end].text == "("
        and (doc[end + 1].text.isupper() or doc[end + 1].text.istitle())  # CNN, Reuters
        and len(doc[end + 1].text) >= 2
        and doc[end + 2].text == ")"
        and (
            end + 3 == len(doc)
            or doc[end + 3].idx == doc[end + 2].idx + 1
            or doc[end + 3].text in DASHES  # 'SEOUL (Reuters) - ...'
        )
    )


def _bracketed(token: Token) -> bool:
    """Whether the token is a word right inside brackets ('(Reuters)')."""
    doc = token.doc
    return (
        token.i > 0
        and doc[token.i - 1].text == "("
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ")"
    )


DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


_PLACE_WORDS = 4  # words of each part of a dashed place line
_PLACE_LINE = 2 * _PLACE_WORDS + 1  # tokens of the longest: 'Word Word, Word Word'


def _dashed_place(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is in a place line-opening a story before a dash, with an
    optional ', Country' ('Dhaka, Bangladesh - The UN ...', 'KABUL - ...')."""
    first = i
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
        if i - first >= _PLACE_LINE:
            return False  # too far into its line for a place opening it (the walk back
            # to the line's start was the cost, per token of every long paragraph)
    j = first
    for part in range(2):
        if part and (j >= len(doc) or doc[j].text != ","):
            break
        j += part
        begin = j
        while j < len(doc) and j - begin < _PLACE_WORDS and doc[j].is_title and doc[j].is_alpha:
            j += 1
        if j == begin:
            return False
    dash = j < len(doc) and doc[j].text in DASHES and doc[j].whitespace_ != ""
    return dash and first <= i < j


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
        "slate",  # 'invited a slate of former intelligence chiefs'
        "handful",
        "pair",
        "couple",
        "panel",
    ]
)


def _as_actor(token: Token) -> Token | None:
    lower = token.lower_
    if _leaning_word(token):
        return None  # 'invited the two pro-Russia, government-tolerated groups': not Russia
    if token.ent_type_ != "PERSON":
        for child in token.children:
            if child.dep_ != "appos" or child.i < token.i:
                continue
            if child.ent_type_ == "PERSON":
                return child  # 'Its Labour MP, Tristram Hunt, opposed it': the MP, not Labour
            if child.ent_type_ == "ORG" and token.pos_ == "NOUN":
                return child  # 'the main Irish nationalist party, Sinn Fein,': the party
    if _relational(token):
        # 'Democratic Party opponents of Trump': the party; 'Kremlin critics': no one
        member = _relational_member(token)
        return _as_actor(member) if member is not None else None
    if token.like_num or lower in GROUP_HEADS:
        member = _of_object(token)
        if member is not None:
            return _as_actor(member)
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
        if lower in SINGULAR_PRONOUNS or lower in PLURAL_PRONOUNS:
            return antecedent(token)
        return token if lower in PERSON_PRONOUNS or lower in SPEAKER_PRONOUNS else None
    if token.like_num or (
        token.ent_type_ in tables.lexicon()["non_actor_entities"] and not _named_person(token)
    ):
        return None  # 'Saturday', '2017'; not 'May has promised' (tagged a date)
    if (lower in TIME_WORDS and not _named_person(token)) or (
        token.is_lower and lower in NEVER_ACTORS
    ):
        return None
    if token.ent_type_ == "ORG" and _document(token):
        return None  # 'the Ethics in Government Act', 'the Paris Agreement': a text
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or named_by_layer(token):
        return token
    if token.pos_ == "PROPN":
        return token
    return token if _codes(token) else None


def _leaning_word(token: Token) -> bool:
    """A name right after 'pro-' / 'anti-' that the parser made an argument of its own
    ('invited the two pro-Russia, government-tolerated opposition groups', parsed with
    'Russia' the object): it only says whom the groups lean to or oppose."""
    doc = token.doc
    if token.i < 2 or token.dep_ in ("amod", "compound", "nmod", "npadvmod"):
        return False
    return doc[token.i - 1].text in ("-", "\u2011") and doc[token.i - 2].lower_ in ("pro", "anti")


def _document(token: Token) -> bool:
    """A named law, treaty or bill: its entity's head is a document word."""
    for ent in doc_ents(token.doc):
        if ent.start <= token.i < ent.end:
            return document_head(ent) is not None
    return False


def _named_person(token: Token) -> bool:
    """'Theresa May', 'Mr May', 'May has promised': a name that is also a month or a day
    word (a month never acts: as a verb's subject, 'May' is the person; as an owner,
    "May's statements", when the entity layer names her)."""
    acting = (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.lower_ in MONTH_NAMES
        and token.text[:1].isupper()
        and not any(c.like_num for c in token.children)
    )
    # "May's earlier statements": an owner the entity layer names as a person
    owning = token.dep_ == "poss" and named_by_layer(token)
    return (
        acting
        or owning
        or token.ent_type_ == "PERSON"
        or any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == token.i - 1
            for c in token.children
        )
    )


MONTH_NAMES = frozenset({"april", "may", "june", "august"})  # also people's names


# nouns that name people by their relation to someone ('US allies' are not the US)
RELATIONAL = frozenset(
    {"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary"}
    | {"opponent", "critic", "detractor"}
)


def _relational(token: Token) -> bool:
    """A relational noun ('opponents', 'allies') with a name before it and no name of
    its own (not 'US allies Japan and South Korea', an apposition)."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in RELATIONAL:
        return False
    if token.ent_type_ or any(c.dep_ == "appos" for c in token.rights):
        return False
    return bool(_named_modifiers(token))


def _named_modifiers(token: Token) -> list[Token]:
    return [
        c
        for c in token.lefts
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "NORP", "GPE")
    ]


def _relational_member(token: Token) -> Token | None:
    """The name before a relational noun whose other side follows in an 'of' phrase or
    owns it ('Democratic Party opponents of Trump', 'Republican critics of the
    president', "Assad's Russian allies"): the body or people they belong to, which is
    the actor. Without such another side the name is the other side ('US allies',
    'Kremlin critics') and no actor is taken from it."""
    owned = any(c.dep_ == "poss" for c in token.children)  # "Assad's Russian allies"
    if _of_object(token) is None and not owned:
        return None
    return _named_modifiers(token)[-1]


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
    code = code_phrase(doc_text(token.doc)[start:end])
    if code is None:
        return False
    if not strict or code.code.startswith(ORG_PREFIXES):
        return True
    # an object coded only by a modifier is a thing ('denied any military ambitions',
    # 'rejected an Australian ultimatum'): the head itself must be a place or a people
    return code_phrase(token.text) is not None


def antecedent(pronoun: Token) -> Token | None:
    """The actor an 'it' / 'its' / 'they' / 'their' stands for, found in its own sentence.

    The subject of a clause that governs the pronoun's clause ('Hungary has said it will
    support', 'the ILO reiterated its demand', 'rebels rejected the plan and said they
    opposed'); a subject pronoun never stands for its own clause's subject. 'it' wants a
    singular non-person, 'they' a plural, a coordination or a people. An object 'it' /
    'them' is left alone (it is usually a thing: 'withholding it'). None when no such
    subject is found: a side is better empty than wrong.
    """
    if pronoun.dep_ == "dobj" and pronoun.lower_ == "them":
        return _object_before(pronoun)
    if pronoun.dep_ in ("dobj", "pobj", "dative", "iobj", "attr"):
        return None
    if pronoun.lower_ == "it" and pronoun.head.lemma_ in ("be", "seem", "appear"):
        return None  # 'it would be useful to ...', 'it is wrong to say': no one
    plural = pronoun.lower_ in PLURAL_PRONOUNS
    node = pronoun
    for _ in range(8):
        head = node.head
        if head == node:
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


def _object_before(pronoun: Token) -> Token | None:
    """'took Norwegian authorities to court, accusing them of ...': an object 'them' of a
    participle clause hung on a verb stands for that verb's plural object (else no one)."""
    verb = pronoun.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj"):
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < pronoun.i]
    if len(objects) != 1 or not _fits_number(objects[0], True):
        return None
    return _as_actor(objects[0])


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
    for ent in doc_ents(token.doc) if token.ent_type_ else ():
        if ent.start <= token.i < ent.end:
            start, end = ent[0], ent[-1]
    for child in token.lefts:
        if child.dep_ in SPAN_DEPS:
            first = child.left_edge
            start = first if first.i < start.i else start
            break
    while start.i < end.i and (start.is_punct or start.dep_ == "det"):
        start = start.doc[start.i + 1]
    while end.i > start.i and end.tag_ == "POS":  # "North Korea's" tagged with its 's
        end = end.doc[end.i - 1]
    if (not token.ent_type_ and token.pos_ == "NOUN") or _capitalised_agent(token):
        end = _place_of_agent(token) or end
    elif token.ent_type_ == "PERSON":
        end = _role_apposition(token) or end
    role = token.head
    titled = token.dep_ == "appos" and role.i < token.i and role.pos_ in ("NOUN", "PROPN")
    if titled and token.ent_type_ in ("PERSON", "ORG") and _agent_noun(role):
        # 'its Labour MP, Tristram Hunt', 'the main Irish nationalist party, Sinn Fein':
        # the title before the name gives its code
        start = role.left_edge
        while start.i < role.i and (start.dep_ in ("det", "poss", "case") or start.is_punct):
            start = start.doc[start.i + 1]
    begin, finish = start.idx, end.idx + len(end.text)
    text = doc_text(token.doc)
    cut = text.rfind("\n", begin, token.idx)
    begin = cut + 1 if cut >= 0 else begin
    dateline = DATELINE.match(text, begin, token.idx)  # '(CNN)Authorities in Tennessee'
    return (dateline.end() if dateline else begin), finish


# '(CNN)', 'Hong Kong (CNN)Two': a dateline glued to the first words of the story (not
# 'Montenegro Municipality Association (AKK) officials')
DATELINE = re.compile(
    r"\([A-Z]{2,}\)\s*|(?:[A-Z][\w.'-]*(?:,? [A-Z][\w.'-]*){0,3} )\([A-Z]{2,}\)(?=[A-Z])"
)


# agents sent somewhere: a place they are in is not their country
VISITORS = frozenset({"delegation", "delegate", "envoy", "emissary", "negotiator", "mission"})


def _place_of_agent(noun: Token) -> Token | None:
    """'the president of Armenia', 'rebels in Darfur', 'leaders of the opposition
    coalition', 'the republic of Slovenia': the place or body after an agent noun, which
    gives the agent its country or sector (the last token of that phrase)."""
    lemma = noun.lemma_.lower()
    agentive = lemma in tables.lexicon()["actor_nouns"] or lemma in POLITIES or lemma in ORG_PARTS
    if not agentive and not _agent(noun.lower_):
        return None
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in AGENT_PLACE_PREPS:
            continue
        if child.lower_ == "in" and lemma in VISITORS:
            continue  # 'delegations in Geneva', 'the envoy in Moscow': where they are sent
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            if pobj.ent_type_ in ("GPE", "NORP", "LOC") or (
                pobj.ent_type_ == "ORG" and child.lower_ in ("of", "from")
            ):  # 'inspectors of the International Atomic Energy Agency'
                return next((e[-1] for e in doc_ents(noun.doc) if e.start <= pobj.i < e.end), pobj)
            last = pobj.right_edge
            if child.lower_ == "of" and last.i - noun.i <= 8 and _agent(pobj.lower_):
                return last if not last.is_punct else pobj
    return _seat_after(noun)


# bodies that a capital or a country right after them ('in Kyiv') says whose they are
SEATED = frozenset({"government", "authorities", "regime", "administration", "leadership"})


def _seat_after(noun: Token) -> Token | None:
    """'accused the government in Kyiv of ...': 'in <place>' right after a government
    word, which the parser hung on the verb, is still whose government it is."""
    doc = noun.doc
    if noun.lemma_.lower() not in SEATED or noun.i + 2 >= len(doc):
        return None
    prep = doc[noun.i + 1]
    if prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.i != noun.head.i:
        return None
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if place is None or not (place.ent_type_ == "GPE" or place_country(place.text)):
        return None
    return next((e[-1] for e in doc_ents(doc) if e.start <= place.i < e.end), place)


def _capitalised_agent(token: Token) -> bool:
    """An agent noun capitalised as the first word of a sentence or a line, which the
    tagger takes for a name of its own ('Pirates in Somalia have hijacked', 'Rebels in
    Darfur'): a one-word name, or none, that is an agent noun of the lexicon or the
    Phoenix agents."""
    opens = token.i == token.sent.start or "\n" in token.doc[token.i - 1].text_with_ws
    if not opens or not token.is_title:
        return False
    if token.ent_type_ and not (token.ent_iob_ == "B" and _ends_entity(token)):
        return False
    return _agent_noun(token) or _agent(token.lower_)


def _ends_entity(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I"


def _agent_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in tables.lexicon()["actor_nouns"] or _agent(noun.lower_)


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


def default_actor(text: str) -> EventActor:
    """An unresolved actor named by its text, coded by ``kb.actor_codes`` where it can be
    ('Jordanian police' -> JOR, COP, JORCOP); a pronoun or plain noun gets no country,
    nor does a group by where it is based ('a Qatar-based network')."""
    code = code_phrase(actor_phrase(text))
    if code is None:
        return EventActor(entity=None, name=text, country=None, sector=sector_of(text))
    return EventActor(
        entity=None,
        name=code.name if code.code.startswith(ORG_PREFIXES) else text,
        country=code.country,
        sector=code.sector,
        code=code.code,
    )


# after a place or a backer: 'Qatar-based', 'London based', 'Kremlin-backed hackers',
# 'US-backed Syrian Democratic Forces': where a group sits or who stands behind it, not who
# it is; nor whom it leans to ('the island's China-friendly former president')
BASED = (
    r"(?:[-\u2011 ]based|[-\u2011](?:backed|sponsored|funded|supported|trained|armed"
    r"|friendly|leaning|allied|aligned))\b"
)
BASED_IN = re.compile(r"\b[\w.'’ ]+?" + BASED, re.IGNORECASE)
BASED_AFTER = re.compile(BASED, re.IGNORECASE)

# the country an envoy is sent to: 'Russia's ambassador to the United States' is no
# American, whatever name follows
ENVOY_TO = re.compile(
    r"\b(ambassadors?|envoys?|consuls?(?: general)?|emissar(?:y|ies)|high commissioners?)"
    r"\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
)


def actor_phrase(text: str) -> str:
    """The words of a side that say who it is, for coding: without a place it is based
    in or a backer ('a Qatar-based network'), nor the country an envoy is sent to."""
    return ENVOY_TO.sub(r"\1", BASED_IN.sub(" ", text))


def country_of(text: str) -> str | None:
    """ISO alpha-3 (or "IGO") for the country a phrase names: a country, a nationality
    adjective, a capital or city, or an international organisation (None when unclear;
    never for a pronoun: 'it' is not Italy)."""
    code = code_phrase(text)
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
    code = code_phrase(text)
    if code is not None and code.sector:
        return code.sector
    words = tables.sector_words()
    for word in text.lower().replace("-", " ").split():
        sector = words.get(word.strip(",.()'s")) or words.get(word.rstrip("s"))
        if sector:
            return sector
    return None


# -- flags --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns for people and bodies of people, and nouns naming someone by relation
    ('nominee', 'aides', 'his rival'): ``data/confidence.json``."""
    table = load_json("newsgraph.extractors.events", "data/confidence.json")
    return people_nouns() | frozenset(table["relational_nouns"])
