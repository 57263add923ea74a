"""Cue verbs of quotes and their speakers, and the quote candidate being built.

Shared by direct quotes (:mod:`newsgraph.extractors.quotes.finder`) and reported speech
(:mod:`newsgraph.extractors.quotes.indirect`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extractors.doctext import token_lowers
from newsgraph.extractors.quotes.rules import CueLexicon

Cue = tuple[Token, str, Token | None]  # cue token, cue text, speaker head


@dataclass(slots=True)
class Candidate:
    """A quote being built: content span, cue token, subject head; ``outer`` spans include marks.

    ``parts`` holds the content spans of the quoted pieces of a quote split by its
    attribution (``"A," he said, "B."``), one per piece; empty for a quote in one piece.
    """

    start: int
    end: int
    direct: bool
    outer_start: int
    outer_end: int
    cue: Token | None = None
    cue_text: str | None = None
    subject: Token | None = None
    inherits: bool = False
    parts: tuple[tuple[int, int], ...] = ()


def cue_phrase(tok: Token, lex: CueLexicon) -> str | None:
    """The cue text when ``tok`` is a speech or stance verb (with its particle), else None."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    lemma = tok.lemma_.lower()
    if not lex.is_cue_verb(lemma) or _label_word(tok, lex):
        return None
    if lemma in lex.phrasal or lemma in lex.prepositional_cues:
        found = cue_particle(tok, lex)
        if found is not None:
            return f"{tok.lower_} {found.lower_}"
        if lemma in lex.needs_particle:
            return None
    return tok.lower_


def _label_word(tok: Token, lex: CueLexicon) -> bool:
    """A word of a page label before its colon ('READ MORE:', 'WATCH:'): no cue."""
    doc = tok.doc
    for first in range(max(0, tok.i - 1), tok.i + 1):
        for colon in range(tok.i + 1, min(len(doc), first + 4)):
            if doc[colon].text == ":":
                if lex.is_story_label([t.text for t in doc[first:colon]]):
                    return True
                break
    return False


def cue_particle(verb: Token, lex: CueLexicon) -> Token | None:
    """The particle (``pointed out``) or preposition (``called for``) that makes ``verb`` a cue."""
    lemma = verb.lemma_.lower()
    particles = lex.phrasal.get(lemma, frozenset())
    prepositions = lex.prepositional_cues.get(lemma, frozenset())
    for child in verb.children:
        if (child.dep_ == "prt" and child.lower_ in particles) or (
            child.dep_ == "prep"
            and child.lower_ in prepositions
            and child.i > verb.i  # not 'For unions, the TUC called for ...'
            and not _dated(child)
        ):
            return child
    return None


def _dated(prep: Token) -> bool:
    """'called Macron on Monday': the preposition of a time, not of the cue."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def subject_of(verb: Token, lex: CueLexicon) -> Token | None:
    """The speaker head of a cue verb: its subject, a relative clause's noun, or a
    governing verb's subject for ``..., saying`` / ``and added``."""
    for child in _nearest_subject_first(verb):
        relative = child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"
        if child.dep_ in ("nsubj", "nsubjpass") and relative:
            noun = _nearest_conjunct(verb.head, child)
            if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and _can_be_source(noun, lex):
                return noun.head  # 'Ann Dolby - the teacher who said ...': Ann Dolby
            return noun if _can_be_source(noun, lex) else None
        if child.dep_ == "nsubj" and child.lower_ in lex.reflexive_pronouns:
            named = _beside_reflexive(child)
            if named is not None:
                return named
        one = _one_of(child, lex) if child.dep_ == "nsubj" else None
        if one is not None:
            return one
        if child.dep_ in ("nsubj", "nsubjpass") and _can_speak(child, lex):
            if child.dep_ == "nsubjpass" and verb.lemma_ in ("quote", "cite"):
                return child
            if child.dep_ != "nsubj":
                return None
            return _after_tweet_signature(child, verb) or _after_glued_heading(child, verb, lex)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None  # its own subject cannot speak ('most of us would call'): no other's
    fronted = _fronted_subject(verb) or _name_set_off_before(verb)
    if fronted is not None:
        return fronted
    if verb.dep_ == "relcl" and _can_be_source(verb.head, lex):
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        quoted = verb.head.head  # 'X was quoted by Reuters as saying that ...': X speaks
        if quoted.lemma_.lower() in ("quote", "cite"):
            return next((c for c in quoted.children if c.dep_ == "nsubjpass"), None)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _issuer(verb.head, lex)  # 'issued a statement saying that ...'
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be":
        return None  # 'the best way is to tell them': the way says nothing
    if verb.dep_ == "conj" and not _joined(verb):
        return None  # 'Cubans ... try to reach the US Mexico's minister has suggested':
        # two sentences run together (a heading), not one subject's two acts
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        reporter = _reporter_of(verb.head, lex)
        if reporter is not None and verb.dep_ in ("advcl", "conj"):
            # 'X said the people had spoken, adding: "..."', 'Sessions, who said crime is
            # up and also promised to ...': the parser hangs the second cue on the
            # reported clause; it continues the reporter's words
            return subject_of(reporter, lex)
        if verb.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in verb.children):
            for child in verb.head.children:  # 'Raney was encouraged ... but cautioned, "..."':
                # the passive's subject is the active second verb's
                if child.dep_ == "nsubjpass" and child.i < verb.head.i and _can_speak(child, lex):
                    return child
        return subject_of(verb.head, lex)
    return None


def _nearest_conjunct(noun: Token, relative: Token) -> Token:
    """The noun a relative pronoun follows: the last name joined to ``noun`` before it ('a
    more measured tone than either the Mexicans or Trump, who on Thursday said ...':
    Trump, where the parser hangs the clause on the first conjunct); a plural verb speaks
    for them all."""
    verb = relative.head
    plural = any(t.tag_ == "VBP" or t.lower_ in ("are", "were") for t in (verb, *verb.children))
    if plural:
        return noun  # 'both Democrats and Republicans, who have questioned': all of them
    nearest = noun
    for conj in noun.conjuncts:
        if nearest.i < conj.i < relative.i and conj.tag_ == "NNP":
            nearest = conj
    return nearest


def _nearest_subject_first(verb: Token) -> list[Token]:
    """The verb's children, its subjects nearest before it first: of two subjects the parser
    gave one verb, the farther one is a heading or a dateline glued before the sentence
    ('Repeated denials Fillon has denied ...', '(08.02.2017) A UNDP report says ...')."""
    subjects = sorted(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
        key=lambda c: -c.i,
    )
    return subjects + [c for c in verb.children if c not in subjects]


def _after_glued_heading(subject: Token, verb: Token, lex: CueLexicon) -> Token:
    """A name glued after a heading the parser made the subject: 'Latest updates and reaction
    to family stabbings Police said ...' (no comma before 'Police', the heading's noun no
    speaker): the name right before the verb speaks."""
    if subject.pos_ != "NOUN" or _can_be_source(subject, lex):
        return subject
    last = max(subject.subtree, key=lambda t: t.i)
    doc = verb.doc
    between = doc[last.i + 1 : verb.i]
    if any(t.dep_ not in ("aux", "neg", "advmod") for t in between):
        return subject
    if last.dep_ == "appos" and last.pos_ == "PROPN" and doc[last.i - 1].pos_ != "PUNCT":
        first = last.left_edge.i
        if first > 0 and doc[first - 1].pos_ != "PUNCT" and doc[first - 1].is_lower:
            return last
    return subject


def _after_tweet_signature(subject: Token, verb: Token) -> Token | None:
    """The name after an embedded tweet's signature that the parser made one subject with
    it ('... News (@rtenews) March 29, 2017 Mrs May said ...'): the tweet's author and date
    are page furniture; the name right before the verb speaks."""
    handle = any(t.text.startswith("@") and len(t.text) > 1 for t in subject.subtree)
    if not handle:
        return None
    for child in subject.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.right_edge.i + 1 == verb.i:
            return child
    return None


def _joined(verb: Token) -> bool:
    """Whether a conjoined verb is joined to its head by a conjunction ('and', 'but')."""
    head = verb.head
    low, high = sorted((head.i, verb.i))
    return any(c.dep_ == "cc" and low < c.i < high for c in head.children)


def _issuer(noun: Token, lex: CueLexicon) -> Token | None:
    """Who speaks through a statement, a letter or a speech noun that a participle cue
    hangs on ('X issued a statement saying ...', 'X's letter saying ...'): its possessor,
    or the subject of the verb it is the object of."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or not (lemma in lex.document_nouns or lemma in lex.speech_nouns):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner if _can_speak(owner, lex) else None
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        found = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return found if found is not None and _can_speak(found, lex) else None
    return None


def _beside_reflexive(reflexive: Token) -> Token | None:
    """The name a reflexive taken for the subject stands beside ('Ortega had himself
    called on ...'): the verb's other noun before it, else the name right before it."""
    verb = reflexive.head
    for head in (verb, verb.head):  # 'Ortega had himself called': the parse splits at 'had'
        for child in head.children:
            beside = child.dep_ in ("npadvmod", "appos", "dep", "nsubj") and child.i < reflexive.i
            if beside and child != reflexive and child.pos_ == "PROPN":
                return child
    before = reflexive.doc[reflexive.i - 1] if reflexive.i > 0 else None
    return before if before is not None and before.pos_ == "PROPN" else None


def _fronted_subject(verb: Token) -> Token | None:
    """The name the parser hung inside a fronted participle it took for a clausal subject
    ('Dismissing the critics, Ana Ruiz, a spokeswoman, told ...': 'Ana Ruiz' is set in
    apposition to 'the critics')."""
    for child in verb.children:
        if child.dep_ == "csubj" and child.tag_ == "VBG" and child.i < verb.i:
            for tok in child.subtree:
                if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
                    return tok
    return None


def _name_set_off_before(verb: Token) -> Token | None:
    """A name right before a cue with no subject, set off from the noun before it, that
    the parser hung on that noun ('after talks with John Kelly,-Videgaray said ...'), also
    with the age after it ('Responding to the poll, Stevens, 41, said: "..."')."""
    doc = verb.doc
    at = verb.i - 1
    if at >= 3 and doc[at].text == "," and doc[at - 1].like_num and doc[at - 2].text == ",":
        at -= 3  # ', 41,': an age set off after the name
    name = doc[at] if at >= 0 else None
    if name is None or name.pos_ != "PROPN" or name.dep_ not in ("appos", "conj"):
        return None
    first = name
    while (
        first.i > 0
        and doc[first.i - 1].dep_ in ("compound", "flat")
        and doc[first.i - 1].head == name
    ):
        first = doc[first.i - 1]
    before = doc[first.i - 1] if first.i > 0 else None
    return name if before is not None and before.is_punct and not before.is_quote else None


def _reporter_of(clause: Token, lex: CueLexicon) -> Token | None:
    """The cue verb whose reported clause ``clause`` is ('said' in 'said [crime is up]')."""
    head = clause.head
    if clause.dep_ != "ccomp" or head == clause:
        return None
    return head if head.pos_ == "VERB" and lex.is_cue_verb(head.lemma_.lower()) else None


_SPEAKER_POS = {"NOUN", "PROPN", "PRON"}
_SPEAKER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def _can_speak(subject: Token, lex: CueLexicon) -> bool:
    """A noun, name or pronoun that can be a speaker (not "there", a number or a verb the
    parser took for a subject: "set", "23 rejecting it")."""
    if subject.lower_ in lex.not_speakers:
        return False
    return subject.pos_ in _SPEAKER_POS or subject.ent_type_ in _SPEAKER_ENTS or aged(subject)


def aged(word: Token) -> bool:
    """'the 14-year-old', 'a 70-year-old': an age standing for the person ('old' with its
    'year' or 'month' before it)."""
    return word.lower_ == "old" and any(
        c.lower_ in ("year", "years", "month", "months") and c.i < word.i for c in word.children
    )


def _one_of(subject: Token, lex: CueLexicon) -> Token | None:
    """The subject 'one' (a number to the tagger) standing for a person: the name in
    apposition ('One of the great historians, Arthur Penrose, wrote'), else the one of
    people named by role ('one of the witnesses said'); None otherwise."""
    if subject.lower_ != "one":
        return None
    named = next(
        (c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
    )
    if named is not None:
        return named
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is not None and noun.tag_ == "NNS" and noun.lemma_.lower() in lex.role_nouns:
        return subject
    return None


def _can_be_source(noun: Token, lex: CueLexicon) -> bool:
    """A noun a relative clause's cue can be said by (``the official who said``, ``a letter
    that says``), not a thing (``a step that recognized``, ``a problem that demands``)."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in _SPEAKER_ENTS:
        return True
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (
        lemma in lex.role_nouns or lemma in lex.org_nouns or lemma in lex.source_nouns
    )


_OPENING_WORDS: dict[int, tuple[tuple[tuple[str, ...], ...], frozenset[str] | None]] = {}


def _opening_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str] | None:
    """The first words of ``phrases`` (None when one is empty), kept per phrase tuple."""
    known = _OPENING_WORDS.get(id(phrases))
    if known is None or known[0] is not phrases:
        firsts = None if any(not p for p in phrases) else frozenset(p[0] for p in phrases)
        known = _OPENING_WORDS[id(phrases)] = (phrases, firsts)
    return known[1]


def according_to(tok: Token, lex: CueLexicon) -> Token | None:
    """The source noun of an ``according to X`` phrase starting at ``tok``, else None."""
    doc = tok.doc
    lowers = token_lowers(doc)
    firsts = _opening_words(lex.according_to)
    if firsts is not None and lowers[tok.i] not in firsts:
        return None  # asked of every token: most open no phrase (no slice per phrase)
    for phrase in lex.according_to:
        if tuple(lowers[tok.i : tok.i + len(phrase)]) == phrase:
            last = doc[tok.i + len(phrase) - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "agent", "dobj")]
            if objects and objects[0].lemma_.lower() in lex.measure_nouns:
                return None  # 'elected according to the share of the vote': a manner
            if any(c.dep_ == "nsubjpass" for c in doc[tok.i].children):
                return None  # 'X was quoted by Reuters as saying that ...': X speaks
            if objects:
                return objects[0]
    return None


def cue_with_subject(tok: Token, lex: CueLexicon) -> Cue | None:
    """(cue token, cue text, speaker head) when a cue starts at ``tok``."""
    source = according_to(tok, lex)
    if source is not None:
        return tok, "according to", source
    phrase = cue_phrase(tok, lex)
    if phrase is None:
        return None
    return tok, phrase, subject_of(tok, lex)


def paragraph_end(text: str, at: int) -> int:
    """Offset of the newline ending the paragraph holding ``at``."""
    stop = text.find("\n", at)
    return len(text) if stop < 0 else stop


def that_clause_taken_for_adjunct(verb: Token, clause: Token) -> Token | None:
    """The 'that'-clause right after the cue when the parser hung it, as an adverbial
    clause, on the next main clause and took that for the complement ('Long before Plato
    said that "X", some writer took the idea and came up with "Y"': the writer's own
    sentence goes on after Plato's words). A clause opened by a bare 'that' is a
    complement, never an adverbial ('so that', 'in that' have a word before it)."""
    for child in clause.children:
        opener = child.left_edge
        if child.dep_ != "advcl" or opener.i != verb.i + 1 or opener.lower_ != "that":
            continue
        if opener.dep_ == "mark" and opener.head.i == child.i and child.i < clause.i:
            return child
    return None
