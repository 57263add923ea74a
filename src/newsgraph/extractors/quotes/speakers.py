"""Speaker mentions of quotes and the people they refer to.

:func:`mention_tokens` turns a speaker's head token into a mention span, and
:class:`SpeakerResolver` gives it a name, resolving pronouns and role nouns to a person
named before (used by :mod:`newsgraph.extractors.quotes.finder`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.extractors.doctext import sentence_numbers
from newsgraph.extractors.quotes.rules import CueLexicon
from newsgraph.records import Speaker

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
        self._sentence_of = sentence_numbers(doc)
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
