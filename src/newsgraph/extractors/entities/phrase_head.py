"""What the words of a phrase are to its head: the head noun, and the possessors.

``EntityLayer.resolve(start, end)`` is asked about whole phrases ("his company", "the
president of the company", "Trump's nominee", "the German government"). The referent of
a phrase is what its head noun names; a possessor ("his", "Trump's") owns the referent
and is never it, and another modifier ("German", "Red Cross") only stands in for the
head when nothing names the head. :func:`phrase_parts` finds the head and the possessors
from the spaCy parse when there is one (the span's root; ``poss`` dependents and
possessive pronouns with their subtrees), else by a rule on the words of the span (the
last word before a complement - "of", "in", a comma, a relative pronoun, a bracket - is
the head; a word ending in "'s" before it and the words up to it are a possessor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

# pronouns that own what follows them ("his company", "its troops")
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})

# where the words of a head's complement begin, for a span with no parse
_COMPLEMENT = re.compile(r",|\(|\s(?:of|in|at|from|who|whom|whose|which|that)\s", re.IGNORECASE)
_WORD = re.compile(r"[\w.'’-]+")


@dataclass(frozen=True, slots=True)
class PhraseParts:
    """The head word's character span, and the character spans of the possessors."""

    head: tuple[int, int]
    owners: tuple[tuple[int, int], ...] = ()

    def covers_head(self, start: int, end: int) -> bool:
        return start < self.head[1] and self.head[0] < end

    def owned_by(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` lies in a possessor (not reaching the head)."""
        if self.covers_head(start, end):
            return False
        return any(start < o_end and o_start < end for o_start, o_end in self.owners)


def phrase_parts(doc: Doc | None, text: str, start: int, end: int) -> PhraseParts | None:
    """The head and possessors of the phrase ``start``..``end`` (character offsets), from
    the parse of ``doc`` when given, else from the words; None for an empty span."""
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            words = [t for t in span if not t.is_punct and not t.is_space]
            if words:
                return _parsed(span[words[0].i - span.start : words[-1].i - span.start + 1])
    return _by_words(text, start, end)


def _parsed(span: Span) -> PhraseParts:
    root = span.root
    head = (root.idx, root.idx + len(root.text))
    owners: list[tuple[int, int]] = []
    for tok in span:
        if tok.i == root.i or tok.is_ancestor(root):
            continue
        owner = tok.dep_ == "poss" or (tok.tag_ == "PRP$" and tok.lower_ in POSSESSIVE_PRONOUNS)
        if owner:
            first = max(tok.left_edge.i, span.start)
            last = min(tok.right_edge.i, span.end - 1)
            doc = span.doc
            owners.append((doc[first].idx, doc[last].idx + len(doc[last].text)))
    return PhraseParts(head, tuple(owners))


def _by_words(text: str, start: int, end: int) -> PhraseParts | None:
    piece = text[start:end]
    cut = _COMPLEMENT.search(piece)
    core = piece[: cut.start()] if cut else piece
    words = [m for m in _WORD.finditer(core)]
    if not words:
        words = [m for m in _WORD.finditer(piece)]
        if not words:
            return None
    last = words[-1]
    head = (start + last.start(), start + last.end())
    owners: list[tuple[int, int]] = []
    for m in words[:-1]:
        word = m.group(0).lower()
        if word.endswith(("'s", "’s", "s'", "s’")) or word in POSSESSIVE_PRONOUNS:
            owners = [(start, start + m.end())]  # "Donald Trump's": the words up to it
    return PhraseParts(head, tuple(owners))
