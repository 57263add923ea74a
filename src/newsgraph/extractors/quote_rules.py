"""Data and rules behind :mod:`newsgraph.extractors.quotes`.

* :func:`cue_lexicon` loads the cue words (speech verbs, role nouns, pronouns...) from
  ``data/cues.json`` once per process;
* :func:`find_quoted_spans` pairs quotation marks paragraph by paragraph, in every
  style news text uses: straight ``"`` and ``''``, curly, ``« »``, ``„ "``, with nested
  quotes, wrong-glyph closers, quotes that run to the end of a paragraph and are
  re-opened in the next one, and stray marks that only spoil their own candidate;
* :func:`mention_tokens` and :class:`SpeakerResolver` turn a speaker's head token into
  a mention span and a name, resolving pronouns and role nouns to a person named before.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from newsgraph.records import Speaker

_MARK = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPEN_ONLY = {"\u00ab", "\u201e", "``"}
_CLOSE_ONLY = {"\u00bb"}
_STRAIGHT = {'"', "''"}
_CLOSES = {
    "\u00ab": {"\u00bb"},
    "\u201e": {"\u201c", "\u201d", '"'},
    "``": {"''", '"'},
    "\u201c": {"\u201d", '"', "''"},
    '"': {'"', "''", "\u201d"},
    "''": {"''", '"', "\u201d"},
    "\u201d": {"\u201d", '"', "''"},
}


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Word lists from ``data/cues.json`` (lemmas, lower case)."""

    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    partial_quote_verbs: frozenset[str]
    phrasal: dict[str, frozenset[str]]
    needs_particle: frozenset[str]
    object_content_verbs: frozenset[str]
    content_prepositions: frozenset[str]
    addressee_verbs: frozenset[str]
    line_labels: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    role_nouns: frozenset[str]
    person_pronouns: dict[str, str]
    honorifics: dict[str, str]
    gendered_roles: dict[str, str]
    not_speakers: frozenset[str]

    def is_cue_verb(self, lemma: str) -> bool:
        """True for a verb that reports speech or a stance."""
        return lemma in self.speech_verbs or lemma in self.belief_verbs


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue word lists shipped in ``newsgraph/extractors/data/cues.json``."""
    raw = json.loads(
        resources.files("newsgraph.extractors").joinpath("data/cues.json").read_text("utf-8")
    )
    return CueLexicon(
        speech_verbs=frozenset(raw["speech_verbs"]),
        belief_verbs=frozenset(raw["belief_verbs"]),
        partial_quote_verbs=frozenset(raw["partial_quote_verbs"]),
        phrasal={k: frozenset(v) for k, v in raw["phrasal"].items()},
        needs_particle=frozenset(raw["needs_particle"]),
        object_content_verbs=frozenset(raw["object_content_verbs"]),
        content_prepositions=frozenset(raw["content_prepositions"]),
        addressee_verbs=frozenset(raw["addressee_verbs"]),
        line_labels=frozenset(raw["line_labels"]),
        according_to=tuple(tuple(p.split()) for p in raw["according_to"]),
        role_nouns=frozenset(raw["role_nouns"]),
        person_pronouns=dict(raw["person_pronouns"]),
        honorifics=dict(raw["honorifics"]),
        gendered_roles=dict(raw["gendered_roles"]),
        not_speakers=frozenset(raw["not_speakers"]),
    )


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Words between quotation marks: ``text[start:end]``, marks excluded.

    ``open_at``/``close_at`` are the offsets of the marks (-1 when a mark is missing:
    a quote left open at the end of its paragraph has ``close_at == -1``).
    """

    start: int
    end: int
    open_at: int
    close_at: int

    @property
    def outer_start(self) -> int:
        """Start including the opening mark."""
        return self.open_at if self.open_at >= 0 else self.start

    @property
    def outer_end(self) -> int:
        """End including the closing mark."""
        return self.close_at + 1 if self.close_at >= 0 else self.end


def _looks_like_closer(text: str, at: int, length: int) -> bool:
    """A mark with a word character right before it and none right after closes."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + length] if at + length < len(text) else " "
    return not before.isspace() and before not in "([{-\u2013\u2014" and not after.isalnum()


def _after_digit(text: str, mark: re.Match[str]) -> bool:
    """A straight mark right after a digit is an inch or second sign."""
    return mark.start() > 0 and text[mark.start() - 1].isdigit()


def _orphan_closer(text: str, mark: re.Match[str]) -> bool:
    """A closing-shaped mark with no quote open (a missing opener, or an inch sign)."""
    glyph = mark.group()
    if glyph not in _STRAIGHT and glyph != "\u201d":
        return False
    return _after_digit(text, mark) or _looks_like_closer(text, mark.start(), len(glyph))


def _later_closer(marks: list[re.Match[str]], index: int, closers: set[str]) -> bool:
    """Whether a mark after ``index`` in the paragraph can close the current quote."""
    return any(m.group() in closers and m.group() != "\u201c" for m in marks[index + 1 :])


def _pairs_in_paragraph(text: str, begin: int, end: int) -> list[tuple[int, int, int, int]]:
    """Top-level (open_at, close_at, open_len, close_len) pairs; close_at -1 when left open."""
    marks = list(_MARK.finditer(text, begin, end))
    stack: list[re.Match[str]] = []
    pairs: list[tuple[int, int, int, int]] = []
    for index, mark in enumerate(marks):
        glyph = mark.group()
        top = stack[-1].group() if stack else None
        if top is not None and _closes(text, marks, index, top, len(stack)):
            opener = stack.pop()
            if not stack:
                pairs.append((opener.start(), mark.start(), len(opener.group()), len(glyph)))
        elif glyph in _CLOSE_ONLY or (not stack and _orphan_closer(text, mark)):
            if not stack and not pairs and index == 0 and not _after_digit(text, mark):
                pairs.append((-1, mark.start(), 0, len(glyph)))
        else:
            stack.append(mark)
    if stack:
        pairs.append((stack[0].start(), -1, len(stack[0].group()), 0))
    return pairs


def _closes(text: str, marks: list[re.Match[str]], index: int, top: str, depth: int) -> bool:
    """Whether mark ``index`` closes the open quote whose opening glyph is ``top``."""
    glyph = marks[index].group()
    if glyph in _OPEN_ONLY:
        return False
    if glyph == "\u201c":
        if top == "\u201e":
            return True
        # a curly opener where a closer belongs (`fast, “Putin said`): closes when
        # nothing later in the paragraph could close the quote instead
        return top == "\u201c" and not _later_closer(marks, index, _CLOSES[top])
    if glyph in _STRAIGHT and top not in _STRAIGHT and top != "``":
        return depth > 1 or _looks_like_closer(text, marks[index].start(), len(glyph))
    return glyph in _CLOSES.get(top, set()) or glyph in _CLOSE_ONLY


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(text: str) -> list[tuple[int, int, int, int, int]]:
    """Quoted spans per paragraph as (start, end, open_at, close_at, paragraph_index)."""
    found = []
    for number, para in enumerate(_PARAGRAPH.finditer(text)):
        for open_at, close_at, open_len, _ in _pairs_in_paragraph(text, para.start(), para.end()):
            inner_start = open_at + open_len if open_at >= 0 else para.start()
            inner_end = close_at if close_at >= 0 else para.end()
            start, end = _strip(text, inner_start, inner_end)
            if end > start:
                found.append((start, end, open_at, close_at, number))
    return found


def _first_in_paragraph(text: str, open_at: int) -> bool:
    """Whether only white space precedes ``open_at`` on its line."""
    line_start = text.rfind("\n", 0, open_at) + 1
    return not text[line_start:open_at].strip()


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Top-level quotations in ``text``, in order; a paragraph-continued quote is one span.

    A quote left open at the end of a paragraph joins the next paragraph's quote when
    that paragraph opens with a quotation mark (the news convention); otherwise it
    ends with its paragraph. A stray mark only affects the quote it sits in.
    """
    spans: list[QuotedSpan] = []
    previous_para = -2
    for start, end, open_at, close_at, para in _paragraph_spans(text):
        last = spans[-1] if spans else None
        continues = (
            last is not None
            and last.close_at == -1
            and para == previous_para + 1
            and open_at >= 0
            and _first_in_paragraph(text, open_at)
        )
        if continues and last is not None:
            spans[-1] = QuotedSpan(last.start, end, last.open_at, close_at)
        else:
            spans.append(QuotedSpan(start, end, open_at, close_at))
        previous_para = para
    return spans


# --- speaker mentions and their antecedents ------------------------------------------

_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case"}
_STEM = 5
_CONTEXT_WINDOW = 5
_RECENT_SENTENCES = 3


def mention_tokens(head: Token) -> tuple[int, int]:
    """First and last token index of the noun phrase ``head`` heads, without clauses."""
    first = last = head.i
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS:
            first = min(first, child.left_edge.i)
    for child in head.rights:
        of_phrase = child.dep_ == "prep" and child.lower_ == "of" and head.pos_ in ("NOUN", "PROPN")
        if child.dep_ in ("compound", "flat") or of_phrase:
            last = max(last, child.right_edge.i)
    doc = head.doc
    while first < head.i and (doc[first].is_punct or "\n" in doc[first : head.i + 1].text):
        first += 1
    while last > head.i and (doc[last].is_punct or "\n" in doc[head.i : last + 1].text):
        last -= 1
    return first, last


def _stems(words: list[str]) -> set[str]:
    """Lower-case word prefixes, so "presidential" meets "president" and "Russian" "Russia"."""
    return {w.lower()[:_STEM] for w in words if w[:1].isalpha() and len(w) > 2}


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named (or resolved) at ``at``, with the words introducing it."""

    at: int
    sentence: int
    name: str
    gender: str | None
    context: frozenset[str]
    subject: bool


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
        self._sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
        persons = [e for e in doc.ents if e.label_ == "PERSON"]
        self._full_names = _full_names(persons)
        people = [
            self._person(e) for e in persons if not any(a <= e.start_char < b for a, b in quoted)
        ]
        self.people = _share_gender(people)

    def full_name(self, text: str) -> str:
        """The longest name in the document ending with the same word ("Peskov" -> "Dmitry Peskov")."""
        key = _name_key(text)
        return self._full_names.get(key, _clean_name(text))

    def _person(self, ent: Span) -> PersonMention:
        before = [t for t in self.doc[max(ent.sent.start, ent.start - _CONTEXT_WINDOW) : ent.start]]
        before = _after_last_break(before)
        words = [t.text for t in before] + _apposition(ent)
        gender = _gender(before, self.lex)
        subject = ent.root.dep_ in ("nsubj", "nsubjpass")
        return PersonMention(
            ent.start_char,
            self._sentence_of[ent.start],
            self.full_name(ent.text),
            gender,
            frozenset(_stems(words)),
            subject,
        )

    def speaker(self, head: Token) -> Speaker:
        """The Speaker for the mention ``head`` heads; remembered for later pronouns."""
        first, last = mention_tokens(head)
        span = self.doc[first : last + 1]
        name = self._name(head, span)
        gender = self.lex.person_pronouns.get(head.lower_) or self.lex.gendered_roles.get(
            head.lower_
        )
        self.people.append(
            PersonMention(
                span.start_char, self._sentence_of[head.i], name, gender, frozenset(), True
            )
        )
        return Speaker(None, name, span.start_char, span.end_char, span.text)

    def _name(self, head: Token, span: Span) -> str:
        """Best surface name: a person's full name, an antecedent's, an entity's, or the text."""
        lower = head.lower_
        if lower in self.lex.person_pronouns:
            found = self._recent_person(span.start_char, self.lex.person_pronouns[lower])
            return found.name if found else span.text
        ent = _entity_at(head)
        if ent is not None and ent.label_ == "PERSON":
            return self.full_name(ent.text)
        plural = head.tag_ in ("NNS", "NNPS")
        if head.lemma_.lower() in self.lex.role_nouns and not plural and not head.ent_type_:
            found = self._by_role(span, head)
            return found.name if found else span.text
        if ent is None and head.pos_ == "PROPN" and _name_key(head.text) in self._full_names:
            return self._full_names[_name_key(head.text)]
        return ent.text if ent is not None else span.text

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

    def _by_role(self, span: Span, head: Token) -> PersonMention | None:
        """The person introduced with most of the role mention's words, else a recent one."""
        key = _stems([t.text for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ")])
        gender = self.lex.gendered_roles.get(head.lower_)
        best, best_score = None, 0
        for person in self._before(span.start_char, gender):
            score = len(key & person.context)
            if score > best_score:
                best, best_score = person, score
        return best or self._recent_person(span.start_char, gender)


def _share_gender(people: list[PersonMention]) -> list[PersonMention]:
    """Give every mention of a name the gender any of its mentions shows (a "Mrs." once)."""
    known = {p.name: p.gender for p in people if p.gender}
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


def _gender(before: list[Token], lex: CueLexicon) -> str | None:
    """Gender from an honorific or a gendered role word just before a name."""
    for tok in reversed(before):
        found = lex.honorifics.get(tok.lower_) or lex.gendered_roles.get(tok.lower_)
        if found:
            return found
    return None


def _entity_at(tok: Token) -> Span | None:
    """The named entity containing ``tok``, or one of its compound modifiers."""
    for cand in [tok, *[c for c in tok.children if c.dep_ == "compound"]]:
        for ent in tok.doc.ents:
            if ent.start <= cand.i < ent.end:
                return ent
    return None


def _clean_name(text: str) -> str:
    """A name without a possessive ending or surrounding white space."""
    text = " ".join(text.split())
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _name_key(text: str) -> str:
    """The last word of a name, lower case: the key of its full form."""
    words = _clean_name(text).split()
    return words[-1].lower() if words else ""


def _full_names(persons: list[Span]) -> dict[str, str]:
    """Last word -> the longest PERSON name with that last word."""
    out: dict[str, str] = {}
    for ent in persons:
        name = _clean_name(ent.text)
        key = _name_key(name)
        if key and len(name.split()) > len(out.get(key, "").split()):
            out[key] = name
    return out
