"""Speaker mentions of quotes and the people they refer to.

:func:`mention_tokens` turns a speaker's head token into a mention span, and
:class:`SpeakerResolver` gives it a name, resolving pronouns and role nouns to a person
named before (used by :mod:`newsgraph.extractors.quotes.finder`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extractors.doctext import doc_ents, doc_text, sentence_numbers
from newsgraph.extractors.entities.furniture import furniture_ranges
from newsgraph.extractors.entities.types import lexicon as entity_lexicon
from newsgraph.extractors.quotes.rules import CueLexicon, cue_lexicon, heading_breaks
from newsgraph.records import Speaker

_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case"}
_STEM = 5
_CONTEXT_WINDOW = 5
_RECENT_SENTENCES = 3
_ORG_SENTENCES = 6
_PEER_TITLES = {"lord", "lady", "baroness", "baron"}  # part of a peer's name: 'Lord Deben'
_NOT_GIVEN = {"GPE", "NORP", "ORG", "LOC", "DATE"}  # 'Turkish', 'Moscow' before a name


def mention_tokens(head: Token) -> tuple[int, int]:
    """First and last token index of the noun phrase ``head`` heads, without clauses."""
    first = last = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS:
            first = min(first, child.left_edge.i)
    for child in head.rights:
        of_phrase = child.dep_ == "prep" and child.lower_ == "of"
        of_phrase = of_phrase and (head.pos_ in ("NOUN", "PROPN") or head.lower_ == "one")
        if child.dep_ in ("compound", "flat") or of_phrase or _name_goes_on(head, child):
            last = max(last, child.right_edge.i)
        if _groups(head, child):  # 'Human rights and media organisations have denounced'
            last = max(last, child.i)
    doc = head.doc
    for i in range(head.i - 1, first - 1, -1):
        if doc[i].is_quote:  # a mention does not run back over a quotation mark
            first = i + 1
            break
    first = _after_furniture(doc, first, head.i)
    first = _after_tweet_signature(doc, first, head.i)
    while first < head.i and (doc[first].is_punct or "\n" in doc[first : head.i + 1].text):
        first += 1
    glued = heading_breaks(doc_text(doc), doc[first].idx, head.idx)
    while glued and first < head.i and doc[first].idx < glued[-1]:
        first += 1  # a title glued before the mention is not part of it
    while last > head.i and (doc[last].is_punct or "\n" in doc[head.i : last + 1].text):
        last -= 1
    return first, last


_NAME_PREPOSITIONS = {"in", "for", "without", "against"}
_NAMED_BODY_WORDS = _NAME_PREPOSITIONS | {"of"}


def _name_goes_on(head: Token, prep: Token) -> bool:
    """A body's name that goes on with a preposition and capitalised words ('Business in
    the Community', 'Doctors without Borders'): the phrase is part of the name. Not after
    a person ('Smith in London') nor before a place ('the Church in Wales' is cut)."""
    if prep.dep_ != "prep" or prep.lower_ not in _NAME_PREPOSITIONS or prep.i != head.i + 1:
        return False
    if not head.is_title or head.ent_type_ == "PERSON":
        return False
    words = list(prep.subtree)[1:]
    objects = [t for t in words if t.dep_ == "pobj"]
    if not objects or objects[0].ent_type_ in ("GPE", "LOC", "PERSON", "NORP"):
        return False
    if head.i == head.sent.start and (
        head.tag_ in ("NNS", "NNPS") or objects[0].ent_type_ != "ORG"
    ):
        return False  # capitalised as the sentence opens: 'Officials in the ministry'
        # is no name; 'Business in the Community says' is, its end tagged a body
    return all(t.dep_ == "det" or (t.is_title and t.pos_ == "PROPN") for t in words)


def _named_body(span: Span) -> bool:
    """A capitalised name with a preposition inside and no person in it ('Friends of the
    Earth', 'Business in the Community'): a body, which 'it' refers back to."""
    words = [t for t in span if not t.is_punct]
    if words and words[0].dep_ == "det":
        words = words[1:]  # 'the Friends of the Earth'; 'the head of Google' is a person
    if len(words) < 3 or not words[0].is_title or any(t.ent_type_ == "PERSON" for t in words):
        return False
    for n, tok in enumerate(words[1:-1], start=1):
        after = [t for t in words[n + 1 :] if t.dep_ != "det"]
        if tok.lower_ in _NAMED_BODY_WORDS and tok.is_lower and after and after[0].is_title:
            return True
    return False


def _after_tweet_signature(doc: Doc, first: int, head: int) -> int:
    """The first token of a mention after an embedded tweet's signature run into it ('News
    (@rtenews) March 29, 2017 Mrs May'): past the handle, its bracket and the date."""
    handle = [i for i in range(first, head) if doc[i].text.startswith("@") and len(doc[i]) > 1]
    if not handle:
        return first
    i = handle[-1] + 1
    while i < head and (doc[i].is_punct or doc[i].like_num or doc[i].ent_type_ == "DATE"):
        i += 1
    return i


def _after_furniture(doc: Doc, first: int, head: int) -> int:
    """The first token of a mention after any page furniture run into it: a share bar, a
    link or an e-mail address before the name ('... Digg reddit Permalink http://... Jutta
    Cordt told', 'desk@paper.com - Tao Feiran proposes'). Only the words before the head
    are scanned (they are few)."""
    if first >= head:
        return first
    start = doc[first].idx
    cut = start + _furniture_end(doc_text(doc)[start : doc[head].idx])
    while first < head and doc[first].idx < cut:
        first += 1
    return first


def _furniture_end(text: str) -> int:
    """Where the last piece of page furniture in ``text`` ends (0 if none), by the
    entity layer's patterns (datelines, bylines, share bars, links, e-mail addresses)."""
    return max((end for _, end in furniture_ranges(text)), default=0)


def _without_furniture(name: str) -> str:
    """A speaker's name without page furniture glued before it (the model's entity
    'Newsvine Permalink http://... Jutta Cordt'): the words after it, if any."""
    rest = name[_furniture_end(name) :].strip(" -\u2013\u2014|/:,")
    return rest if any(c.isalpha() for c in rest) else name


def _groups(head: Token, child: Token) -> bool:
    """Whether ``child`` is a second group joined to a plural noun ('rights and media
    organisations', 'residents and officials'): the mention names both."""
    plural = head.tag_ == "NNS" and child.tag_ == "NNS"
    joined = any(c.dep_ == "cc" and head.i < c.i < child.i for c in head.children)
    return child.dep_ == "conj" and plural and joined


def _stems(words: list[str]) -> set[str]:
    """Lower-case word prefixes, so "presidential" meets "president" and "Russian" "Russia";
    two-letter words only as acronyms ("the PM's spokesman", "the UN envoy")."""
    return {
        w.lower()[:_STEM]
        for w in words
        if w[:1].isalpha() and (len(w) > 2 or (len(w) == 2 and w.isupper()))
    }


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named (or resolved) at ``at``, with the words introducing it."""

    at: int
    sentence: int
    name: str
    gender: str | None
    context: frozenset[str]
    subject: bool
    end: int = -1
    title: frozenset[str] = frozenset()  # the words right before the name and in apposition
    spoke: bool = False  # a quote's speaker, not only a name in the text
    agent: bool = False  # the doer in a 'by' phrase ('the bid by Norvik Group for ...')


def given_word(given: Token, lex: CueLexicon) -> bool:
    """Whether the word before a family name reads as its given name (or a peer's title,
    'Lord'): capitalised, not a date or number entity, a name not an honorific, and no
    role, office or title word."""
    lower = given.lower_
    if not given.is_alpha or not given.is_title or given.ent_type_ in _NOT_GIVEN:
        return False
    peer = lower in _PEER_TITLES
    if not peer and (given.pos_ != "PROPN" or lower in lex.honorifics):
        return False
    return not (lower in lex.role_nouns or lower in lex.office_words or lower in lex.title_words)


class SpeakerResolver:
    """Turns speaker mentions into Speakers; pronouns and role nouns find a person before them.

    Candidates are PERSON entities outside direct quotes, plus every speaker resolved so
    far (the most recent speaker is the likeliest "he"). A pronoun takes the most recent
    gender-compatible person, subjects first, within the last few sentences; a role noun
    ("the Kremlin spokesman") takes the person introduced with the most of its words.
    """

    def __init__(self, doc: Doc, lex: CueLexicon, quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.lex = lex
        self._at_text: dict[str, list[int]] | None = None  # token text -> its indexes
        self._sentence_of = sentence_numbers(doc)
        persons = [e for e in doc_ents(doc) if e.label_ == "PERSON" and _WORD.search(e.text)]
        self._full_names = _full_names(persons)
        self._family_first = _family_first(persons, self._full_names)
        self._quoted = quoted
        outside = [e for e in doc_ents(doc) if not any(a <= e.start_char < b for a, b in quoted)]
        # doc_ents gives the same Spans on every call, and no two entities share a span,
        # so a person is found by identity (a list's 'in' compared Spans one by one)
        person_ids = {id(e) for e in persons}
        people = [
            self._person(e) for e in outside if id(e) in person_ids and not _modifies_a_noun(e, lex)
        ]
        self.people = _share_gender(people)
        self.orgs = [self._person(e) for e in outside if e.label_ == "ORG"]
        self._indefinite_found: list[tuple[int, str, set[str]]] | None = None
        self._unnamed_roles: list[tuple[int, str]] = []  # role speakers left unnamed
        self._groups: list[PersonMention] = []  # plural speakers ('the unions', 'analysts')
        self.kind = "name"
        self.antecedent: tuple[int, int] | None = None
        self.running = False  # a bare role word taken for the speaker the story goes on quoting

    def full_name(self, text: str) -> str:
        """The longest name in the document ending with the same word ("Peskov" -> "Dmitry Peskov")."""
        key = _name_key(text)
        words = _clean_name(text).split()
        if len(words) > 1 and words[0].lower() in given_name_genders():
            return _clean_name(text)  # 'Heidi Cruz' is not 'Ted Cruz', named before
        found = self._full_names.get(key, _clean_name(text))
        if len(words) > 1 and self._place_glued(found, words):
            return _clean_name(text)  # 'Nikos Andreou', not the tagger's 'Cyprus Nikos Andreou'
        if len(found.split()) == 1:
            return self._spelled_out(found) or found
        return found

    def _place_glued(self, found: str, words: list[str]) -> bool:
        """Whether the longer name ``found`` is ``words`` with a place or body the text names
        on its own elsewhere glued before it ('Cyprus' of 'in Cyprus Nikos Andreou')."""
        extra = found.split()
        if len(extra) <= len(words) or extra[-len(words) :] != words:
            return False
        places = _one_word_places(self.doc)
        return all(w in places for w in extra[: -len(words)])

    def _spelled_out(self, word: str) -> str | None:
        """A family name's full form where the tagger did not take it for a person: the
        first 'Given Family' in the text ('Eleonore Sharpston', 'Viktor Maigurov'), or a
        peer's 'Lord Deben'; not a title, a role or a place before the name."""
        lex = self.lex
        if self._at_text is None:  # built once: this ran a whole-document pass per name
            self._at_text = {}
            for tok in self.doc:
                self._at_text.setdefault(tok.text, []).append(tok.i)
        for i in self._at_text.get(word, ()):
            if i > 0 and given_word(self.doc[i - 1], lex):
                return f"{self.doc[i - 1].text} {word}"
        return None

    def _person(self, ent: Span) -> PersonMention:
        before = [t for t in self.doc[max(ent.sent.start, ent.start - _CONTEXT_WINDOW) : ent.start]]
        before = _after_last_break(before)
        words = [t.text for t in before] + _apposition(ent) + _set_off_role(ent)
        gender = _gender(before, self.lex) or self.lex.honorifics.get(ent[0].lower_)
        if gender is None and ent.label_ == "PERSON":
            gender = _given_name_gender(ent)
        subject = ent.root.dep_ in ("nsubj", "nsubjpass")
        name = self.full_name(ent.text) if ent.label_ == "PERSON" else _clean_name(ent.text)
        if other_gender(name, gender):  # 'Mrs Ettedgui' is not 'Joseph Ettedgui', named
            honorific = [t.text for t in before[-1:] if t.lower_ in self.lex.honorifics]
            name = " ".join(honorific + [_clean_name(ent.text)])  # before her
        title = [t.text for t in _title_words(before)] + _apposition(ent) + _set_off_role(ent)
        return PersonMention(
            ent.start_char,
            self._sentence_of[ent.start],
            name,
            gender,
            frozenset(_stems(words + [t.text for t in ent])),
            subject,
            ent.end_char,
            frozenset(_stems(title)),
            agent=_agent(ent.root),
        )

    def speaker(self, head: Token) -> Speaker:
        """The Speaker for the mention ``head`` heads; remembered for later pronouns.

        Sets ``kind`` ("name", "person", "org" or "new": an indefinite mention of someone
        not named before) and ``antecedent``, the offsets of the mention it refers back to.
        """
        first, last = mention_tokens(head)
        span = self.doc[first : last + 1]
        start, end = _trimmed(doc_text(self.doc), span.start_char, span.end_char)
        self.kind, self.antecedent, self.running = "name", None, False
        name = self._name(head, span)
        if name == span.text:
            name = doc_text(self.doc)[start:end]
        name = _without_furniture(_unglued(name))  # 'happened,"?Trump' (a mark glued)
        given = False
        if head.pos_ == "PROPN":
            name = _without_owner(name)  # "Riverford's Emily Muddeman": Emily Muddeman
            untitled = without_title(name)  # 'Labour TD Ann Dwyer': Ann Dwyer
            fuller = self._with_given_name(untitled, head, span)
            given = fuller != name  # a person, whatever the tagger's label of the name
            name = fuller
        gender = (
            self.lex.person_pronouns.get(_word(head))
            or self.lex.gendered_roles.get(head.lower_)
            or self._gender_of(name)
        )
        mention = PersonMention(
            start, self._sentence_of[head.i], name, gender, frozenset(), True, end, spoke=True
        )
        ent = _entity_at(head)
        organisation = self.kind == "org" or (gender is None and _named_body(span))
        organisation = organisation or (
            ent is not None
            and ent.label_ in ("ORG", "GPE", "NORP", "FAC")
            and not role_in_apposition(head, self.lex)
            and not given
        )
        group = plural_group(head) or _word(head) in ("they", "we") or _household(head)
        writer = _word(head) in ("i", "me", "you")  # the writer or the reader is no later
        # 'she' ('I told the nurse ... "Everyone is," she said')
        named = head.tag_ == "NNS" and head.head.tag_ == "VBZ"  # 'Wines believes': a name
        thing = head.pos_ == "NOUN" and name == span.text and not self._a_role(head) and not named
        spoken_for = _body_spoken_for(head)
        if spoken_for is not None and not organisation:
            # 'A spokesman for the Regulation Authority said ... "...," it added': the
            # body spoke through him, and its 'it' is that body
            body = doc_text(self.doc)[spoken_for.start_char : spoken_for.end_char]
            self.orgs.append(
                PersonMention(
                    spoken_for.start_char,
                    self._sentence_of[head.i],
                    body,
                    None,
                    frozenset(),
                    True,
                    spoken_for.end_char,
                    spoke=True,
                )
            )
        if organisation:
            self.orgs.append(mention)  # 'the BBC' is no 'he'
        elif group and _word(head) not in ("they", "we"):
            self._groups.append(mention)
        elif not group and not thing and not writer:  # nor are 'analysts' or 'his
            self.people.append(mention)  # body mass index'
            self._remember_full_name(head, name)
        return Speaker(None, name, start, end, doc_text(self.doc)[start:end])

    def a_person_before(self) -> bool:
        """Whether the last mention resolved refers back to a person met before."""
        at = self.antecedent[0] if self.antecedent else None
        return at is not None and any(p.at == at for p in self.people)

    def _with_given_name(self, name: str, head: Token, span: Span) -> str:
        """A one-word name the tagger took for a place or a body, with the given name the
        mention spells before it ('Tarek El-Messidi said', '"..."-Nadia Karam, a lawyer,
        told': the dash of the page glued to the given name): the full name."""
        ent = _entity_at(head)
        if ent is None or ent.label_ in ("PERSON", "NORP") or ent.end != head.i + 1:
            return name  # a group ('Fellow Republicans') is no one's name
        if head.tag_ != "NNP":
            return name
        if len(name.split()) != 1 or name != _clean_name(ent.text):
            return name
        words: list[str] = []
        i = ent.start - 1
        while i >= max(span.start - 1, 0) and len(words) < 2:
            tok = self.doc[i]
            glued = _GLUED_GIVEN.match(tok.text)
            word = glued.group(1) if glued else tok.text
            inside = i >= span.start or (glued is not None and tok.whitespace_ == " ")
            if not inside or not word.isalpha() or not word.istitle() or tok.ent_type_:
                break
            if tok.pos_ not in ("PROPN", "PUNCT") or self._title_word(word.lower()):
                break
            words.insert(0, word)
            if glued:
                break  # the page's mark opens the name
            i -= 1
        return " ".join([*words, name]) if words else name

    def _title_word(self, lower: str) -> bool:
        """A title, office or role word, which opens no name ('Minister', 'Mr')."""
        lex = self.lex
        return (
            lower in lex.honorifics
            or lower in lex.role_nouns
            or lower in lex.office_words
            or lower in _ENTITY_TITLES
        )

    def _remember_full_name(self, head: Token, name: str) -> None:
        """A person's full name given by a speaker mention ('Pablo Ordonez, chief economist
        at X, says'), kept for later mentions by the family name alone ('Ordonez says'),
        whatever label the tagger gave either (it took 'Ordonez' for an organisation)."""
        words = name.split()
        if head.pos_ != "PROPN" or len(words) < 2 or not all(w[:1].isupper() for w in words):
            return
        key = _name_key(name)
        if len(self._full_names.get(key, "").split()) < 2:
            self._full_names[key] = name

    def _a_role(self, head: Token) -> bool:
        """A noun that stands for a person ('the spokesman', 'a gardener')."""
        lemma = head.lemma_.lower()
        return lemma in self.lex.role_nouns or head.lower_ in self.lex.gendered_roles

    def only_a_modifier(self, name: str) -> bool:
        """Whether every PERSON mention of ``name`` modifies a common noun ('Kara Tepe
        refugee camp'): the text never uses it for a person."""
        key = _name_key(name)  # any form of the name: 'Trump' for 'Donald Trump'
        found = [e for e in doc_ents(self.doc) if e.label_ == "PERSON" and _name_key(e.text) == key]
        return bool(found) and all(_modifies_a_noun(e, self.lex) for e in found)

    def left_unnamed(self, head: Token, speaker: Speaker) -> None:
        """Remember a role speaker left unnamed ('The PM's official spokesman said'): a
        later bare mention of the role ('The spokesman said') is that one again."""
        unnamed = speaker.entity is None and speaker.name == speaker.text
        if unnamed and speaker.start is not None and head.lemma_.lower() in self.lex.role_nouns:
            self._unnamed_roles.append((speaker.start, head.lemma_.lower()))

    def _gender_of(self, name: str) -> str | None:
        """The one gender the text gave a person of this name before, if any (a speaker
        named 'Antonio Tajani' is no later 'she')."""
        genders = {p.gender for p in self.people if p.name == name and p.gender}
        return next(iter(genders)) if len(genders) == 1 else None

    def _name(self, head: Token, span: Span) -> str:
        """Best surface name: a person's full name, an antecedent's, an entity's, or the text."""
        lower = _word(head)
        named = _named_by(head, span)
        if named is not None and (
            head.lemma_.lower() in self.lex.org_nouns or named.label_ == "PERSON"
        ):
            self.kind = "named"  # "Natalie's cousin, Hannah Ortega,", "a statement from X"
            self.antecedent = (named.start_char, named.end_char)
            return self.full_name(named.text) if named.label_ == "PERSON" else named.text
        if lower in self.lex.person_pronouns:
            self.kind = "person"
            gender = self.lex.person_pronouns[lower]
            found = self._recent_person(span.start_char, gender) or self._introduced_next(
                head, gender
            )
            typed = self._speaker_typed_a_body(span.start_char, gender)
            if typed is not None and (found is None or typed.at > found.at):
                found = typed  # 'Speaking on Today with Sean Rourke, PJ Haverty said ...
                # He said': PJ Haverty, whom the tagger called a body, goes on speaking
                self.running = True
            return self._refer(found) or span.text
        if lower == "they":
            found = self._they(head)
            if found is None:
                return span.text
            # an organisation is asked for by its name; a group ('US officials') is the
            # group, as its own mention was left ('the country' is not its officials)
            named = self.doc.char_span(found.at, found.end, alignment_mode="expand")
            group = named is not None and named.root.tag_ in ("NNS", "NNPS")
            self.kind = "new" if group or found not in self.orgs else "named"
            return self._refer(found) or span.text
        if lower in self.lex.org_pronouns:
            document = self._document_before(head)
            author = self._author_of(document) if document is not None else None
            written = self._author(author)
            if written is not None:  # 'The Fed's statement made few changes. But it did
                return written  # note ...': the statement's author, the Fed
            self.kind = "org"
            return self._refer(self._org(span, head, pronoun=True)) or span.text
        family = self._family_name(head, span)
        if family is not None:
            return family
        ent = _entity_at(head)
        if ent is not None and ent.label_ == "CARDINAL":
            ent = None  # 'one of the witnesses': a person, no number
        if ent is not None and head.pos_ == "NOUN" and not ent.start <= head.i < ent.end:
            ent = None  # a name modifying a common noun is not the speaker ("Russian officials")
        if ent is not None and ent.label_ == "PERSON":
            return self.full_name(ent.text)
        if ent is not None and ent.label_ == "NORP" and _one_of_a_group(head, span):
            self.kind = "person"  # 'The Rhode Island Democrat said': a person, the last
            return self._refer(self._last_speaker(span.start_char)) or span.text  # speaker
        lone = ent is not None and len(ent.text.split()) == 1 and head.pos_ == "PROPN"
        key = _name_key(ent.text) if ent is not None else ""
        if lone and len(self._full_names.get(key, "").split()) > 1:
            return self._full_names[key]  # 'Sharpston' tagged a place
            # after the person 'Eleonore Sharpston'
        plural = head.tag_ in ("NNS", "NNPS")
        common = not plural and not head.ent_type_ and head.pos_ == "NOUN"
        paper = common and _authored(head.lemma_.lower(), self.lex)
        if paper and not _owned(head):
            author = _document_author(head, self.lex)  # 'a statement issued by the
            written = self._author(author)
            if written is not None:  # president's office': the office
                return written
        if common and _opens_new(span, self.lex):
            self.kind = "new"
            return span.text
        if paper and not _owned(head):
            author = None
            if span[0].lower_ in ("the", "this", "that"):  # 'The ministry issued a
                author = self._author_of(head)  # statement on Monday. The statement said'
            written = self._author(author)
            if written is not None:
                return written
            self.kind = "new"  # 'The statement went on to say': whose, the text does not say
            return span.text
        named_org = self._org_ending_with(span, head) if common else None
        if named_org is not None:
            self.kind = "org"  # 'The Health Service Executive ... the executive said'
            return self._refer(named_org) or span.text
        if common and head.lemma_.lower() in self.lex.org_nouns:
            self.kind = "org"
            return self._refer(self._org(span, head, pronoun=False)) or span.text
        if head.lemma_.lower() in self.lex.role_nouns and not plural and not head.ent_type_:
            self.kind = "person"
            return self._refer(self._by_role(span, head)) or span.text
        if ent is None and head.pos_ == "PROPN" and _name_key(head.text) in self._full_names:
            return self._full_names[_name_key(head.text)]
        if lone and ent is not None and ent.label_ not in _NOT_GIVEN | {"FAC", "PRODUCT"}:
            spelled = self._spelled_out(head.text)  # 'Shiffrin adds', the tagger calling
            if spelled is not None:  # 'Mikaela Shiffrin' a work of art
                return spelled
        if ent is not None and ent.label_ in ("DATE", "TIME"):
            return span.text  # 'March 29, 2017 Mrs May': the tagger's date took in the name
        return ent.text if ent is not None else span.text

    def _author(self, author: Token | None) -> str | None:
        """A document's author as the speaker: the mention's name, remembering its offsets;
        None without an author, or for an organisation's 'it' that finds no organisation
        (the document stays)."""
        if author is None:
            return None
        first, last = mention_tokens(author)
        mention = self.doc[first : last + 1]
        if _word(author) in self.lex.org_pronouns:  # 'The firm apologized. It said in a
            name = self._refer(self._org(mention, author, pronoun=True))  # statement ...
            if name is not None:  # the statement said': the firm
                self.kind = "org"
            return name
        self.kind = "named"
        self.antecedent = (mention.start_char, mention.end_char)
        ent = _entity_at(author)
        if ent is not None and ent.label_ == "PERSON":
            return self.full_name(ent.text)
        return ent.text if ent is not None else mention.text

    def _author_of(self, document: Token) -> Token | None:
        """Who issued ``document``: its own author, else, for a definite mention ('the
        statement read', 'the report'), the author of the earlier mention of the same
        document, back over mentions that name none ('the royal palace announced in a
        statement ... the statement read ... it continued': the palace), each mention
        within a few sentences of the next; an indefinite
        or owned mention without an author ('a statement', 'its report') starts another
        document, and the search stops there."""
        lemma = document.lemma_.lower()
        sentence = self._sentence_of[document.i]
        tok: Token | None = document
        while tok is not None:
            author = _document_author(tok, self.lex)
            if author is not None:
                return author
            first = self.doc[tok.left_edge.i] if tok.left_edge.i < tok.i else tok
            if first.lower_ not in ("the", "this", "that") or _owned(tok):
                return None
            tok = next(
                (
                    t
                    for t in reversed(self.doc[: tok.i])
                    if t.pos_ == "NOUN" and t.lemma_.lower() == lemma
                ),
                None,
            )
            if tok is not None and sentence - self._sentence_of[tok.i] > _AUTHOR_SENTENCES:
                return None
            if tok is not None:
                sentence = self._sentence_of[tok.i]  # each mention near the one after it
        return None

    def _document_before(self, pronoun: Token) -> Token | None:
        """The document an 'it' stands for: the subject of its own sentence before it, or
        of an earlier sentence (over sentences whose subject is 'it' too), when that
        subject is a document noun or an authored piece of evidence ('The Fed's statement
        made few changes. But it did note ... And it adopted ...', 'A report from the
        committee said ... It said ...'); None when a name or another noun is. Subjects
        inside quotation marks or inside what the pronoun reports are not its antecedent
        ('"To break the deadlock, the king has decided ...," the statement read. The
        king had "urged Benkirane ...," it continued': the statement)."""
        sent = pronoun.sent
        said = {t.i for t in pronoun.head.subtree}
        for _ in range(_RECENT_SENTENCES):
            subjects = [
                t
                for t in sent
                if t.dep_ in ("nsubj", "nsubjpass")
                and t.i < pronoun.i
                and t.i not in said
                and not any(a <= t.idx < b for a, b in self._quoted)
            ]
            if subjects:
                subject = subjects[-1] if sent == pronoun.sent else subjects[0]
                if subject.lower_ != "it":
                    lemma = subject.lemma_.lower()
                    paper = lemma in self.lex.document_nouns or lemma in self.lex.evidence_nouns
                    return subject if subject.pos_ == "NOUN" and paper else None
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
        return None

    def _family_name(self, head: Token, span: Span) -> str | None:
        """A lone word that is the first word of one person's name and the last of none:
        a family name written first ("Wang" after "Wang Yi") or a first name used alone;
        that person, through the mention that named them."""
        if head.pos_ != "PROPN" or len(span) != 1:
            return None
        full = self._family_first.get(_name_key(head.text))
        if full is None:
            return None
        named = [p for p in self.people if p.name == full and p.at < span.start_char]
        if named:
            self.kind = "named"
            self.antecedent = (named[-1].at, named[-1].end)
        else:
            self.kind = "new"  # named only later: left unlinked rather than guessed
        return full

    def _refer(self, found: PersonMention | None) -> str | None:
        """The antecedent's name, remembering its offsets."""
        if found is None:
            return None
        self.antecedent = (found.at, found.end) if found.end >= 0 else None
        return found.name

    def _org_ending_with(self, span: Span, head: Token) -> PersonMention | None:
        """A recent organisation whose name ends with the definite mention's noun ('the
        executive' after 'The Health Service Executive', 'the commission' after 'the
        European Commission'): that organisation, not a person with the role word."""
        if span[0].lower_ != "the" or len(span) != 2:
            return None
        sentence = self._sentence_of[head.i]
        for org in sorted(self.orgs, key=lambda o: o.at, reverse=True):
            if org.at >= span.start_char or sentence - org.sentence >= _ORG_SENTENCES:
                continue
            words = org.name.split()
            if len(words) > 1 and words[-1].lower() == head.lower_ and words[-1].istitle():
                return org  # a proper name ('Executive'), not 'the state news agency'

        return None

    def _org(self, span: Span, head: Token, pronoun: bool) -> PersonMention | None:
        """The organisation a pronoun ("it") or a noun ("the ministry", "the newspaper")
        refers back to: one introduced with the noun's words, else a recent one (a subject
        first); none when no organisation was named in the last few sentences."""
        token = self.doc[span.start]
        sentence = self._sentence_of[token.i]
        window = _RECENT_SENTENCES if pronoun else _ORG_SENTENCES
        found = [
            o
            for o in sorted(self.orgs, key=lambda o: o.at, reverse=True)
            if o.at < span.start_char and sentence - o.sentence < window
        ]
        if not pronoun:  # 'the company' is no other unnamed body ('the union said ...')
            found = [o for o in found if _proper(o.name) or _same_head(o.name, head)]
            found = [o for o in found if not self._other_kind(o.name, head)]
            if head.lemma_.lower() in self.lex.media_nouns:  # 'the newspaper writes': a
                found = [o for o in found if self._a_medium(o, head)]  # 'the newspaper
                # writes': a medium that spoke or acted before, not whichever body its
                # report named last
            key = _stems([t.text for t in span if t.pos_ in ("NOUN", "ADJ", "PROPN")])
            matching = [o for o in found if key & o.context]
            if matching or any(t.text[:1].isupper() for t in span[1:]):
                return matching[0] if matching else None  # "the French interior ministry"
            if head.lemma_.lower() in self.lex.name_org_nouns:
                return None  # 'the coalition' is not whichever group was named last
        found = [o for o in found if sentence - o.sentence < _RECENT_SENTENCES]
        subjects = [o for o in found if o.subject]
        # "it" speaks for an organisation that was itself a subject; a name met only as
        # an object or a modifier ("a motion against X. It asks ...") is not its antecedent
        ranked = subjects if pronoun else subjects or found
        if pronoun and not ranked:  # none a subject: the doer of an act the sentence
            # before names ('the purchase of Halden Foods by Norvik Group ... "...," it said')
            ranked = [o for o in found if o.agent and sentence - o.sentence <= 1]
        return ranked[0] if ranked else None

    def _a_medium(self, body: PersonMention, head: Token) -> bool:
        """Whether a body can be what a media noun ('the newspaper') refers back to: one
        that spoke, was introduced with the noun, or was the subject of a sentence's main
        verb ('The Washington Post published the leak'; not 'What VEB is proposing')."""
        if body.spoke or _same_head(body.name, head):
            return True
        named = self.doc.char_span(body.at, body.end, alignment_mode="expand")
        if named is None:
            return False
        root = named.root
        return root.dep_ == "nsubj" and root.head.dep_ == "ROOT"

    def _other_kind(self, name: str, head: Token) -> bool:
        """Whether a body's name ends with another kind of body than the mention's noun
        ('the Finance Ministry' is no 'newspaper'; 'Acme Corp' may be 'the company')."""
        words = name.lower().split()
        if len(words) < 2:
            return False
        last = words[-1]
        lemma = head.lemma_.lower()
        return last in self.lex.org_nouns and last not in (head.lower_, lemma)

    def _they(self, pronoun: Token) -> PersonMention | None:
        """The speaker 'they' goes on from: an organisation or a group that spoke in the
        same or the previous sentence ('Norsk Ferry said profits fell. They have also
        warned ...'), when no other plural or organisation subject stands between."""
        sentence = self._sentence_of[pronoun.i]
        spoke = [
            p
            for p in self.orgs + self._groups
            if p.spoke and p.end >= 0 and p.at < pronoun.idx and sentence - p.sentence <= 1
        ]
        latest = max(spoke, key=lambda p: p.at) if spoke else None
        if latest is not None and latest.name.lower() in _PRONOUNS:
            return None  # 'it', left unresolved itself
        if latest is not None and any(p.name == latest.name for p in self.people):
            return None  # a person the tagger also called an organisation: no 'they'
        if not spoke:
            return None
        found = max(spoke, key=lambda p: p.at)
        named = self.doc.char_span(found.at, found.end, alignment_mode="expand")
        if named is not None and any(c.dep_ == "conj" for c in named.root.children):
            return None  # 'Lakeland and Riverton say ...': both, which no one name gives
        between = self.doc.char_span(found.end, pronoun.idx, alignment_mode="contract")
        for tok in between or []:
            main = tok.head.dep_ == "ROOT"  # not one in the reported words ('profits fell')
            subject = main and tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ != "it"
            if subject and (tok.tag_ in ("NNS", "NNPS", "PRP") or tok.ent_type_ in _BODIES):
                return None  # 'Norsk Ferry said fares rise. Passengers say they ...'
            if tok.tag_ in ("NNS", "NNPS") and self._people_noun(tok):
                return None  # 'Police said the men were held. They said ...': the men?
        return found

    def _people_noun(self, tok: Token) -> bool:
        """A noun for people who could speak ('the men', 'officials', 'residents')."""
        lemma = tok.lemma_.lower()
        lex = self.lex
        return (
            lemma in lex.role_nouns
            or lemma in lex.source_people
            or lemma in lex.gendered_roles
            or lemma in ("people", "person")
            or tok.ent_type_ in ("NORP", "PERSON")
        )

    def _before(self, at: int, gender: str | None) -> list[PersonMention]:
        """Compatible persons mentioned before ``at``, most recent first."""
        found = [
            p
            for p in self.people
            if p.at < at and (not gender or not p.gender or p.gender == gender)
        ]
        return sorted(found, key=lambda p: p.at, reverse=True)

    def _recent_person(self, at: int, gender: str | None) -> PersonMention | None:
        """The most recent compatible person, a subject first within the last sentences."""
        found = self._before(at, gender)
        if not found:
            return None
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        sentence = self._sentence_of[token.start] if token is not None else found[0].sentence
        recent = [p for p in found if sentence - p.sentence < _RECENT_SENTENCES]
        subjects = [p for p in recent if p.subject]
        return (subjects or recent or found)[0]

    def _speaker_typed_a_body(self, at: int, gender: str | None) -> PersonMention | None:
        """The latest speaker of a quote in this or the sentence before whose name the tagger
        called a body but which opens like a person's: a given name of the pronoun's gender
        or initials ('PJ Haverty', 'Maria Kovac'; not 'Goldman Sachs')."""
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None:
            return None
        sentence = self._sentence_of[token.start]
        for org in sorted(self.orgs, key=lambda o: o.at, reverse=True):
            if org.at >= at or not org.spoke or sentence - org.sentence > 1:
                continue
            words = org.name.split()
            if len(words) not in (2, 3) or not all(w[:1].isupper() for w in words):
                continue
            first = words[0].rstrip(".")
            given = given_name_genders().get(first.lower())
            initials = first.isupper() and first.isalpha() and len(first) <= 2
            if initials or (given is not None and (not gender or given in (gender, "u"))):
                return org
            return None  # the latest speaker is a body: no one else's 'he'
        return None

    def _introduced_next(self, head: Token, gender: str | None) -> PersonMention | None:
        """For a pronoun with no one before it, the person the next sentence opens with
        ('"...," he says. Ben Smith, the mayor, has ...': the writer names him after)."""
        following = self._sentence_of[head.i] + 1
        for person in sorted(self.people, key=lambda p: p.at):
            if person.sentence != following or person.spoke:
                continue
            token = self.doc.char_span(person.at, person.at + 1, alignment_mode="expand")
            first = next((t for t in token.sent if not t.is_punct), None) if token else None
            compatible = not gender or not person.gender or person.gender == gender
            if first is not None and first.idx == person.at and person.subject and compatible:
                return person
            return None
        return None

    def recent_person_except(
        self, at: int, gender: str | None, excluded: Callable[[str], bool]
    ) -> PersonMention | None:
        """The most recent compatible speaker of a quote before ``at`` whose name is not
        ``excluded``, within the last few sentences; else None."""
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None:
            return None
        sentence = self._sentence_of[token.start]
        found = [
            p
            for p in self._before(at, gender)
            if p.spoke and sentence - p.sentence < _RECENT_SENTENCES and not excluded(p.name)
        ]
        return found[0] if found else None

    def _by_role(self, span: Span, head: Token) -> PersonMention | None:
        """The person introduced with most of the role mention's words, else a recent one;
        none when someone unnamed was introduced with this role since ("a senior official
        said ... the official added")."""
        key = _stems([t.text for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")])
        head_stem = _stems([head.text])
        gender = self.lex.gendered_roles.get(head.lower_)
        best, best_score, best_shared = None, 0, 0
        office = _office(span, self.lex)
        owner = _stems([t.text for t in _owner_words(span, head, self.lex)])
        for person in self._before(span.start_char, gender):
            if office and not key & person.title:
                continue  # 'the president' is not whoever stood near the word 'president'
            if owner and not owner & person.context:
                continue  # 'May's spokesman' is not the Commission's spokesman named before
            if owner and owner <= _stems(person.name.split()):
                continue  # nor is it May herself
            shared = len(key & person.context)
            score = 2 * shared + (1 if shared and head_stem <= person.context else 0)
            if score > best_score:  # the role's own noun breaks a tie: 'the Norwegian
                best, best_score, best_shared = person, score, shared  # envoy' is the envoy
                # named before a Norwegian minister
        # no one introduced with the role's words: the latest person only when the
        # mention is a bare role word ("the official"), never an office ("the Prime
        # Minister" is not whoever was named last)
        bare = len(key) <= 1 and head.lower_ not in self.lex.gendered_roles and not owner
        found = best or (
            self._speaker_or_recent(span.start_char, gender) if bare and not office else None
        )
        lemma = head.lemma_.lower()
        described = span[0].lower_ == "the" and not office and not owner
        if found is None and described and lemma not in _STAND_INS:
            found = self._only_person(span.start_char, gender)  # 'Nunes was unsure ...
            # the congressman said Tuesday': the one person the last sentences name
        if self._indefinite_found is None:  # only articles with a role-noun speaker pay
            self._indefinite_found = _indefinite_roles(self.doc, self.lex)
        for at, role in self._unnamed_roles:  # 'The PM's official spokesman said ...
            if role == lemma and at < span.start_char and (found is None or found.at < at):
                self.kind = "new"  # The spokesman said ...': the same unnamed one, not the
                return None  # Commission's spokesman named paragraphs before
        for at, role, words in self._indefinite_found:
            if role != lemma or at >= span.start_char:
                continue
            if found is None or found.at < at or (key <= words and best_shared < len(key)):
                self.kind = "new"  # the one introduced as "a senior White House adviser"
                return None
        return found

    def _speaker_or_recent(self, at: int, gender: str | None) -> PersonMention | None:
        """For a bare role word no one was introduced with ('the diplomat pointed out'):
        the speaker of the last quote within the last few sentences, whom the story goes on
        quoting, rather than someone only named in what was said ('... when Foreign Minister
        X could visit Seoul, he said'); else the most recent person."""
        last = self._last_speaker(at)
        if last is not None and (not gender or not last.gender or last.gender == gender):
            self.running = True
            return last
        return self._recent_only(at, gender)

    def _only_person(self, at: int, gender: str | None) -> PersonMention | None:
        """The one person (a full name) the last few sentences before ``at`` name, when
        they name no other; else None."""
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None:
            return None
        sentence = self._sentence_of[token.start]
        recent = [p for p in self.people if p.at < at and sentence - p.sentence < _RECENT_SENTENCES]
        names = {p.name for p in recent if p.name[:1].isupper()}
        if len(names) != 1 or len(recent) != len([p for p in recent if p.name in names]):
            return None
        found = max(recent, key=lambda p: p.at)
        if gender and found.gender and found.gender != gender:
            return None
        return found if len(found.name.split()) > 1 else None

    def _last_speaker(self, at: int) -> PersonMention | None:
        """The speaker of the last quote before ``at`` within the last few sentences (not
        a person named in what was said: 'Whitehouse said that Comey promised ... The
        Rhode Island Democrat said': Whitehouse)."""
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None:
            return None
        sentence = self._sentence_of[token.start]
        found = [
            p
            for p in self._before(at, None)
            if p.spoke and p.name[:1].isupper() and sentence - p.sentence < _RECENT_SENTENCES
        ]
        return found[0] if found else None

    def _recent_only(self, at: int, gender: str | None) -> PersonMention | None:
        """The most recent compatible person within the last few sentences, else None."""
        found = self._recent_person(at, gender)
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if found is None or token is None:
            return found
        return (
            found if self._sentence_of[token.start] - found.sentence < _RECENT_SENTENCES else None
        )


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Common given names and their gender ('antonio': 'm'), the entity layer's list."""
    return dict(entity_lexicon()["given_name_genders"])


_BODIES = {"ORG", "GPE", "NORP"}
_PRONOUNS = {"it", "they", "we", "he", "she", "i", "you"}
_WORD = re.compile(r"[^\W\d_]{2}")  # a name has a word in it, not only page debris ('-"?a')


def other_gender(name: str | None, gender: str | None) -> bool:
    """Whether a full name opens with a common given name of the other gender than the
    one the text gives ('Joseph Ettedgui' for 'Mrs Ettedgui' or 'she')."""
    words = (name or "").split()
    if gender not in ("m", "f") or len(words) < 2:
        return False
    given = given_name_genders().get(words[0].lower())
    return given in ("m", "f") and given != gender


def role_in_apposition(head: Token, lex: CueLexicon) -> bool:
    """A name introduced with a person's role in apposition ('Bamo Qubumo, an expert on
    ethnic literature, says'): a person, whatever the tagger's label of the name."""
    return any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.role_nouns
        for c in head.children
    )


def plural_group(head: Token) -> bool:
    """A plural common noun ('analysts', 'officials'): a group, no he or she; not a name
    the tagger calls plural, which a singular verb gives away ('Wines believes')."""
    return head.pos_ == "NOUN" and head.tag_ == "NNS" and head.head.tag_ != "VBZ"


_HOUSEHOLDS = {"family", "couple"}


def _household(head: Token) -> bool:
    """A family or a couple ('The Smith family asked for tests. They said ...'): people
    a later 'they' goes on from, though the noun is singular."""
    return head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in _HOUSEHOLDS


def _modifies_a_noun(ent: Span, lex: CueLexicon) -> bool:
    """A name modifying a common noun ('Kara Tepe refugee camp', 'Anren county', 'a
    Connolly wallet'): a place or a thing, no antecedent for 'he' or 'she'; not a noun
    that is a cue verb the parser misread ('But Trump claims that ...')."""
    root = ent.root
    head = root.head
    modifier = root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN"
    return modifier and head.is_lower and not lex.is_cue_verb(head.lemma_.lower())


def _agent(root: Token) -> bool:
    """Whether a name is the doer in a 'by' phrase on an act: a passive verb's agent
    ('was bought by Norvik Group') or the one on a noun ('the bid by Norvik Group')."""
    by = root.head
    if root.dep_ != "pobj" or by.lower_ != "by" or by.dep_ not in ("agent", "prep"):
        return False
    return by.dep_ == "agent" or by.head.pos_ == "NOUN"


def _one_of_a_group(head: Token, span: Span) -> bool:
    """A singular member of a party or nationality named with 'the' ('The Rhode Island
    Democrat', 'the Republican'): one person, not the group."""
    return head.tag_ == "NNP" and head.text[-1:] != "s" and span[0].lower_ == "the"


def _proper(name: str) -> bool:
    """A name with a capitalised word after its first ('Tesco', 'the Labour Court'), not
    a common noun phrase ('the union', 'The company')."""
    words = name.split()
    return any(w[:1].isupper() for w in words[1:]) or (
        bool(words) and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an")
    )


def _same_head(name: str, head: Token) -> bool:
    """Whether an unnamed body's mention ends with the same noun ('the union')."""
    words = name.lower().split()
    return bool(words) and words[-1] in (head.lower_, head.lemma_.lower())


def _title_words(before: list[Token]) -> list[Token]:
    """The words of a title right before a name ('US President' of 'US President Donald
    Trump'; not 'President Donald Trump and first lady' before 'Melania Trump')."""
    title: list[Token] = []
    for tok in reversed(before[-5:]):
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "CCONJ", "ADP", "PRON"):
            break
        title.insert(0, tok)
    return title


def _owner_words(span: Span, head: Token, lex: CueLexicon) -> list[Token]:
    """The words of a role mention naming whose role it is ('Theresa May's' official
    spokesman, the 'Kremlin' spokesman): names, not role words nor nationality
    adjectives ("the Russian spokesman" may be the one introduced as the Kremlin's)."""
    return [
        t
        for t in span
        if t.i != head.i
        and t.pos_ == "PROPN"
        and t.ent_type_ != "NORP"
        and t.lower_ not in lex.role_nouns
        and t.lower_ not in lex.office_words
        and t.text[:1].isupper()
    ]


_PUT_OUT_VERBS = {"issue", "release", "send", "publish", "post", "put", "sign", "write"}
# roles that speak for someone else: 'the spokesman' is not the one person named before
_STAND_INS = {
    "adviser",
    "advisor",
    "aide",
    "attorney",
    "lawyer",
    "official",
    "representative",
    "source",
    "spokesman",
    "spokesperson",
    "spokeswoman",
}
# a publication's own pieces: 'in' the publication names their author
_OWN_VOICE = {"editorial"}
_AUTHOR_SENTENCES = 8  # how far back a definite document's first mention is looked for


def _authored(lemma: str, lex: CueLexicon) -> bool:
    """A noun for a document or a piece of work someone issued ('the statement', 'the
    report', 'the study'): it speaks for its author, never for whichever organisation
    was named last (an organisation noun that is also a document or evidence noun)."""
    return lemma in lex.document_nouns or (lemma in lex.org_nouns and lemma in lex.evidence_nouns)


def _document_author(noun: Token, lex: CueLexicon) -> Token | None:
    """Who a document noun says issued it: its possessor ('the Fed's statement'), 'by' or
    'from' X ('a statement by the ministry', 'a statement issued by the president's
    office'), an organisation's name before it ('a World Bank report'), the named subject
    of the verb that put it out ('The ministry released a statement'), or of the speech
    verb it was said in ('In a statement, the Coast Guard said'). A pronoun author is left
    out, but for an organisation's 'it' ('It said in a statement'), which
    :meth:`SpeakerResolver._author` resolves."""
    found: Token | None = None
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
            found = child  # not 'Today's report', 'last year's statement'
            if child.pos_ == "PRON":
                found = None  # 'X published its annual report': X, from the verb below
                continue
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            # not 'From a power vacuum ... to ..., the report accentuates'
        elif child.dep_ == "compound" and child.ent_type_ == "ORG" and child.i < noun.i:
            found = child  # 'a new World Bank report': the bank's (not 'a Brexit report')
        elif child.dep_ == "prep" and child.lower_ == "in" and noun.lemma_.lower() in _OWN_VOICE:
            paper = next((c for c in child.children if c.dep_ == "pobj"), None)
            if paper is not None and paper.pos_ == "PROPN":
                found = paper  # 'an editorial in the Daily Star': the paper's own words
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() == "attribute":
            to = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            if to is not None:  # 'a statement attributed to ministry sources': theirs
                found = next((c for c in to.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "acl" and child.tag_ == "VBN" and _authors(child):
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                found = next((c for c in agent.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "relcl" and child.i > noun.i and _authors(child):
            found = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if found is not None and found.tag_ in ("WDT", "WP"):
                found = None  # 'a statement that was released': no author named
            # 'a statement his family released', 'the report the agency published'
        if found is not None:
            break
    verb = noun.head
    if found is None and noun.dep_ == "dobj" and verb.lemma_.lower() in _PUT_OUT_VERBS:
        found = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if found is None and noun.dep_ == "nsubjpass" and verb.lemma_.lower() in _PUT_OUT_VERBS:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)  # 'The report
        if agent is not None:  # was issued by the Centers for Medicare ...'
            found = next((c for c in agent.children if c.dep_ == "pobj"), None)
    said = verb.head  # 'In a statement earlier this morning, the Coast Guard said ...'
    spoken_in = verb.lower_ == "in" and said.lemma_.lower() in lex.speech_verbs
    if found is None and noun.dep_ == "pobj" and spoken_in and said.pos_ == "VERB":
        found = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if found is not None and found.pos_ == "PRON" and found.lower_ in lex.org_pronouns:
        return found  # 'It said in a statement': the organisation 'it' stands for
    if found is None or found.pos_ not in ("PROPN", "NOUN"):
        return None
    if found.pos_ == "NOUN" and found.lemma_.lower() in lex.document_nouns:
        return None  # 'the text of the statement'
    return found


_WRITTEN_VERBS = {"compile", "prepare", "produce", "draft", "author", "conduct"}


def _authors(verb: Token) -> bool:
    """A participle that makes its agent the author ('a statement signed by', 'a report
    compiled by'), not one that only passed the document on ('provided by', 'obtained by',
    'commissioned by')."""
    lemma = verb.lemma_.lower()
    return lemma in _PUT_OUT_VERBS or lemma in _WRITTEN_VERBS


def _owned(noun: Token) -> bool:
    """'its statement', 'the ministry's report': the document says whose it is."""
    return any(c.dep_ == "poss" for c in noun.children)


def _office(span: Span, lex: CueLexicon) -> bool:
    """A mention that names a public office ('the Prime Minister', 'the mayor'): its
    holder is who the office says, not the person named last."""
    return any(t.lower_ in lex.office_words for t in span)


def _indefinite_roles(doc: Doc, lex: CueLexicon) -> list[tuple[int, str, set[str]]]:
    """Offsets, lemmas and word stems of role nouns introducing someone unnamed ("a
    lawyer for ...", "a senior White House adviser")."""
    found = []
    for tok in doc:
        lemma = tok.lower_  # singular (NN): the word is its lemma
        if lemma not in lex.role_nouns or tok.tag_ != "NN":
            continue
        phrase = doc[tok.left_edge.i : tok.i + 1]
        if _opens_new(phrase, lex):
            words = _stems([t.text for t in phrase if t.pos_ in ("NOUN", "PROPN", "ADJ")])
            found.append((tok.idx, lemma, words))
    return found


def _opens_new(span: Span, lex: CueLexicon) -> bool:
    """An indefinite mention with no name in it: someone new, not an antecedent."""
    return span[0].lower_ in lex.indefinite_determiners and not any(
        t.ent_type_ == "PERSON" for t in span
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without stray marks or symbols at the edges (``"?The statement``), and
    after a quotation mark glued inside (``on,"?he``)."""
    glued = max(text.rfind(m, start, end) for m in ('"', "\u201c", "\u201d"))
    if glued >= 0 and any(c.isalnum() for c in text[glued:end]):
        start = glued + 1
    while start < end - 1 and not (text[start].isalnum() or text[start] in "@#"):
        start += 1
    while end > start + 1 and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return start, end


_NAMED_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# 'a statement from X', 'a report by X', 'the spokesman of X', 'the team at X'
_ISSUER_PREPOSITIONS = ("from", "by", "of", "at")


def _named_by(head: Token, span: Span) -> Span | None:
    """The name a common-noun mention carries: an apposition ("Natalie's cousin, Hannah
    Ortega,", "the ratings agency Standard & Poor's", a name the model left untagged right
    after the noun: "rocket company SpaceX"), an issuer inside it ("The Care
    Quality Commission review") or after it ("a statement from the Secret Service")."""
    envoy = _envoy_named(head)
    if envoy is not None:
        return envoy
    if head.pos_ != "NOUN":
        return _person_in_apposition(head)
    doc = head.doc
    titled = _second_title_named(head)
    if titled is not None:
        return titled
    # an apposition first: 'The founder of the X Foundation, Jane Roe, writes' is Jane
    # Roe, not the foundation her title names
    for child in head.children:
        if child.dep_ == "appos" or (child.dep_ == "compound" and child.i > head.i):
            ent = _entity_at(child)
            if any(c.dep_ == "conj" for c in child.children):
                continue  # 'the owners, brothers Leonard and Philip Chess': not one person
            if ent is not None and ent.label_ in _NAMED_LABELS:
                return ent
            untagged = ent is None and child.dep_ == "appos" and child.pos_ == "PROPN"
            if untagged and child.left_edge.i == head.i + 1:  # 'rocket company SpaceX'
                return doc[child.left_edge.i : child.i + 1]
        if child.dep_ == "prep":  # 'The chairman of the X Association, Peter Walsh, said':
            # the parser hangs the name on the organisation, which no person stands for
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                for appos in (c for c in obj.children if c.dep_ == "appos"):
                    ent = _entity_at(appos)
                    if ent is not None and ent.label_ == "PERSON" and ent.start <= appos.i:
                        return ent
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _ISSUER_PREPOSITIONS and child.i == head.i + 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            ent = _entity_at(objects[0]) if objects else None
            if ent is not None and ent.label_ in ("ORG", "GPE"):
                if child.lower_ in ("of", "at") and not ent.start <= objects[0].i < ent.end:
                    continue  # 'a survey of EU citizens': the citizens are not the EU
                return ent
    if head.i + 1 < len(doc):
        ent = _entity_at(doc[head.i + 1])
        if ent is not None and ent.start == head.i + 1 and ent.label_ in ("ORG", "PERSON"):
            return ent
    inside = [
        e for e in doc_ents(doc) if span.start <= e.start and e.end <= head.i and e.label_ == "ORG"
    ]
    return inside[-1] if inside else None


SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _body_spoken_for(head: Token) -> Span | None:
    """The organisation a spokesperson speaks for ('a spokesman for the Bank of
    England's Prudential Regulation Authority'), or None."""
    if head.lower_ not in SPOKESPEOPLE:
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            ent = _entity_at(obj)
            if ent is not None and ent.label_ == "ORG" and ent.start <= obj.i < ent.end:
                return ent
    return None


# singular nouns that name a body of people, not one person's title
COLLECTIVES = frozenset(
    {"police", "staff", "family", "government", "military", "army", "management", "team", "crew"}
)


def _second_title_named(head: Token) -> Span | None:
    """'Musician and actor Ron Mesland said': two titles of one person joined by 'and',
    parsed as a role joined to a name that carries the second title as a modifier; the
    person is the name (not 'Musician and Ron Mesland', two speakers). Not after a body
    ('Police and firefighter Tom Reed': two parties)."""
    if head.tag_ != "NN" or head.lower_ in COLLECTIVES:
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        return None
    for conj in (c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN"):
        ent = _entity_at(conj)
        if ent is None or ent.label_ != "PERSON":
            continue
        title = [
            c
            for c in conj.children
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower and c.i < ent.start
        ]
        if title and title[0].i == head.i + 2:  # 'Musician and actor': nothing else between
            return ent
    return None


def _envoy_named(head: Token) -> Span | None:
    """The name after a posting that runs into it with no comma ("Russia's Deputy
    Permanent Representative to the UN Vladimir Safronkov told", "the ambassador to
    Washington Jane Roe said"): the parser hangs the name on the place or body of the
    posting, and the person is the one who speaks. Only with that place or body before
    the name (not 'the envoy to President Roe': whom the envoy is sent to)."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ == "PERSON":
        return None
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in ("to", "at", "in"):
            continue
        for obj in (c for c in child.children if c.dep_ == "pobj"):
            ent = _entity_at(obj)
            if ent is None or ent.label_ != "PERSON" or ent.end - 1 != obj.i:
                continue
            start = ent.start  # a given name the tagger put in the body's name ('the UN Dmitry')
            while start - 1 > child.i and _given_name_part(obj.doc[start - 1], obj):
                start -= 1
            glued = start  # the place the tagger put in the name ('in Cyprus Ivan Petrov')
            while glued < ent.end - 2 and _a_place_elsewhere(obj.doc[glued]):
                glued += 1
            before = [t for t in obj.subtree if t.i < start]
            if glued > start or any(
                t.ent_type_ in ("ORG", "GPE") or (t.is_upper and len(t) > 1) for t in before
            ):
                start = glued
                return ent if start == ent.start else Span(obj.doc, start, ent.end, label="PERSON")
    return None


def _a_place_elsewhere(tok: Token) -> bool:
    """A capitalised word the text names on its own elsewhere as a place or a body ('Cyprus'
    of 'ambassador in Cyprus Ivan Petrov', where 'banks in Cyprus' names the place)."""
    return tok.is_title and tok.text in _one_word_places(tok.doc)


def _one_word_places(doc: Doc) -> frozenset[str]:
    """The one-word places and bodies the tagger names in the text ('Cyprus', 'Reuters')."""
    return frozenset(
        e.text for e in doc_ents(doc) if e.label_ in ("GPE", "LOC", "ORG") and len(e) == 1
    )


def _given_name_part(tok: Token, name: Token) -> bool:
    """A capitalised word hung on a name as its compound, not an acronym ('Dmitry' of
    'the UN Dmitry Volkov', not 'UN' or the place of 'to Washington Sergei Kislyak')."""
    place = tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC")
    return (
        tok.dep_ == "compound"
        and tok.head.i == name.i
        and tok.is_title
        and len(tok) > 1
        and not place
    )


def _person_in_apposition(head: Token) -> Span | None:
    """A person named in apposition to a proper-noun title that is no person itself ('Top
    Democrat on the committee, Rep. Jane Roe, said': Jane Roe, not the Democrats)."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
        return None
    for child in head.children:
        if child.dep_ != "appos" or child.i < head.i:
            continue
        ent = _entity_at(child)
        if ent is not None and ent.label_ == "PERSON" and ent.start <= child.i < ent.end:
            return ent
    return None


def _word(tok: Token) -> str:
    """The token's lower-case word without stray marks glued to it (``"?she``,
    ``now,"?she``)."""
    word = re.split('["?\u201c\u201d]', tok.lower_)[-1] or tok.lower_
    return word.strip("'\u2019`,.;:-")


def _share_gender(people: list[PersonMention]) -> list[PersonMention]:
    """Give every mention of a name the gender any of its mentions shows (a "Mrs." once)."""
    found: dict[str, set[str]] = {}
    for p in people:
        if p.gender:
            found.setdefault(p.name, set()).add(p.gender)
    known = {name: next(iter(genders)) for name, genders in found.items() if len(genders) == 1}
    return [replace(p, gender=known.get(p.name)) if not p.gender else p for p in people]


def _after_last_break(tokens: list[Token]) -> list[Token]:
    """The tokens after the last punctuation or verb (the name's own noun phrase)."""
    cut = 0
    for n, tok in enumerate(tokens):
        if (tok.is_punct and tok.text not in "-") or tok.pos_ in ("VERB", "AUX"):
            cut = n + 1
    return tokens[cut:]


def _apposition(ent: Span) -> list[str]:
    """Words of an apposition right after a name: "Dmitry Peskov, the Kremlin spokesman,"."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return []
    words = []
    for tok in doc[ent.end + 1 : ent.end + 1 + _CONTEXT_WINDOW]:
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            break
        words.append(tok.text)
    return words


def _set_off_role(ent: Span) -> list[str]:
    """Words of the noun phrase a name is set off after, in apposition: "Russia's
    ambassador to Seoul, Aleksandr Timonin, told ..." gives the name 'ambassador'."""
    root = ent.root
    head = root.head
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i < head.i:
        head = head.head.head  # 'envoy to Chile, Lars Brekke': the parser may set the
        # name off the place that ends the role's phrase
    if root.dep_ != "appos" or head.pos_ != "NOUN" or head.i >= ent.start:
        return []
    if ent.start == 0 or ent.doc[ent.start - 1].text != ",":
        return []
    words = [t for t in ent.doc[head.left_edge.i : ent.start - 1] if not t.is_punct]
    return [t.text for t in words[-_CONTEXT_WINDOW:]]


def _gender(before: list[Token], lex: CueLexicon) -> str | None:
    """Gender from an honorific or a gendered role word just before a name; not one of
    another name before it ('showed Mrs Ettedgui a Connolly wallet': no gender for
    'Connolly')."""
    for tok in reversed(before):
        if tok.ent_type_ == "PERSON":
            return None
        found = lex.honorifics.get(tok.lower_) or lex.gendered_roles.get(tok.lower_)
        if found:
            return found
    return None


_OWNER = re.compile(r"^.+?['\u2019]s\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)+)$")


def _without_owner(name: str) -> str:
    """A person's name without the possessive owner the parser left before it
    ("Riverford's Emily Muddeman", "CNN's Anna Lee": the owner is where they work), when
    what follows opens with a common given name."""
    found = _OWNER.match(name)
    if found is None or "'s " in found.group("name") or "\u2019s " in found.group("name"):
        return name
    first = found.group("name").split()[0].lower()
    return found.group("name") if first in given_name_genders() else name


def _given_name_gender(ent: Span) -> str | None:
    """The gender a common given name opening a full name gives ('Antonio Tajani': m),
    from the entity layer's list of given names; None for a one-word name, which may
    be a family name ('Lee')."""
    words = [t for t in ent if t.is_alpha]
    if len(words) < 2:
        return None
    found = given_name_genders().get(words[0].lower_)
    return found if found in ("m", "f") else None


def _entity_at(tok: Token) -> Span | None:
    """The named entity containing ``tok``, or one of its compound modifiers."""
    for cand in [tok, *[c for c in tok.children if c.dep_ == "compound"]]:
        for ent in doc_ents(tok.doc):
            if ent.start <= cand.i < ent.end:
                return ent
    return None


_GLUED_MARK = re.compile('["\u201c\u201d]\\??')
_GLUED_GIVEN = re.compile('^["\u201c\u201d?]*[-\u2013]([A-Z][a-z]+)$')  # '"-Suhad'
_ENTITY_TITLES = frozenset(entity_lexicon()["titles"])
_ABBREVIATED_TITLE = re.compile(r"^[A-Z]{2,4}$")  # 'TD', 'MP', 'MEP'


def without_title(name: str) -> str:
    """A person's name without the title the tagger took into it: the words up to an
    abbreviated title in capitals or a title, office or rank word that a given and a
    family name follow ('Labour TD Ann Dwyer', 'Chief Superintendent Pat Lee': Ann Dwyer,
    Pat Lee); not a body's name ('BBC Radio Ulster')."""
    words = name.split()
    if len(words) < 3:
        return name
    title = words[-3]
    if not _ABBREVIATED_TITLE.match(title) and title.lower() not in _TITLE_WORDS:
        return name
    rest = words[-2:]
    if any(not w[:1].isupper() or w.isupper() or w.lower() in _NOT_NAME_WORDS for w in rest):
        return name
    return " ".join(rest)


_RANKS = {"superintendent", "inspector", "sergeant", "detective", "constable", "lieutenant"}
_TITLE_WORDS = (
    _ENTITY_TITLES
    | _RANKS
    | frozenset(cue_lexicon().role_nouns)
    | frozenset(cue_lexicon().office_words)
)


_NOT_NAME_WORDS = (
    frozenset(entity_lexicon()["org_heads"])
    | frozenset(w for ws in entity_lexicon()["org_kind_words"].values() for w in ws)
    | _ENTITY_TITLES
)


def _unglued(text: str) -> str:
    """The words after a quotation mark glued into a name's token ('happened,"?Trump')."""
    last = _GLUED_MARK.split(text)[-1].strip()
    return last if _WORD.search(last) else text


# a lower-case word glued by a dash to the end of a capitalised name: the verb after it
# ('Ms Keane-states in the letter that ...'); not a hyphenated name ('Al-Haddad')
_GLUED_VERB = re.compile(r"(\b[A-Z][\w'\u2019]*[a-z])-[a-z]+$")


def _clean_name(text: str) -> str:
    """A name without a possessive ending, glued marks, a leading dash or bullet ('- Li')
    or surrounding white space."""
    text = " ".join(_unglued(text).split()).lstrip("-\u2013\u2014\u2022*\u00b7 ")
    text = _GLUED_VERB.sub(r"\1", text)  # "Ms Keane-states in the letter": the page's dash
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _name_key(text: str) -> str:
    """The last word of a name, lower case: the key of its full form."""
    words = _clean_name(text).split()
    return words[-1].lower() if words else ""


def _family_first(persons: list[Span], full_names: dict[str, str]) -> dict[str, str]:
    """First word -> the one multi-word PERSON name starting with it, for words that end
    no name ("wang" -> "Wang Yi"; not "kim" when two Kims are named)."""
    found: dict[str, set[str]] = {}
    for ent in persons:
        words = _clean_name(ent.text).split()
        if len(words) > 1 and words[0][:1].isupper():
            found.setdefault(words[0].lower(), set()).add(" ".join(words))
    return {
        key: next(iter(names))
        for key, names in found.items()
        if len(names) == 1 and len(full_names.get(key, "").split()) < 2  # 'Shen' alone, a
        # PERSON too, ends no longer name
    }


def _full_names(persons: list[Span]) -> dict[str, str]:
    """Last word -> the longest PERSON name with that last word."""
    out: dict[str, str] = {}
    for ent in persons:
        name = _clean_name(ent.text)
        key = _name_key(name)
        if key and len(name.split()) > len(out.get(key, "").split()):
            out[key] = name
    return out
