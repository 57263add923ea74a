"""What the words of a phrase are to its head: the head noun, its modifiers, its owners.

``EntityLayer.resolve(start, end)`` is asked about whole phrases ("his company", "the
president of the company", "Trump's nominee", "the German government"). The referent of
a phrase is what its head noun names. When nothing names the head, a modifier before it
stands in ("the German government": Germany, "Red Cross officials"), and so does the
body a group belongs to ("officials of the Red Cross", "members of Hamas"); a possessor
("his", "Trump's") owns the referent and is never it, nor is anything after the head
("Mexico's exports to the US" is not the US, "the annexation of Crimea" not Crimea, "the
president of the company" not the company). :func:`phrase_parts` reads this from the
spaCy parse when there is one (the span's root; ``poss`` dependents and possessive
pronouns with their subtrees), else from the words of the span (the last word before a
complement - "of", "in", a comma, a relative pronoun, a bracket - is the head; a word
ending in "'s" before it and the words up to it are a possessor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extractors.entities.types import lexicon

# pronouns that own what follows them ("his company", "its troops")
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})

# where the words of a head's complement begin, for a span with no parse
_COMPLEMENT = re.compile(r",|\(|\s(?:of|in|at|from|who|whom|whose|which|that)\s", re.IGNORECASE)
_WORD = re.compile(r"[\w.'’-]+")
# dependencies that hang a complement or an owner on a noun ("of the bank", "the Fed's")
_COMPLEMENT_DEPS = frozenset({"pobj", "poss", "pcomp", "relcl", "acl"})


@dataclass(frozen=True, slots=True)
class PhraseParts:
    """Character spans: the head word, the possessors, and the modifiers that may stand
    in for the head (the words before it that are no possessor, a group's "of" body)."""

    head: tuple[int, int]
    owners: tuple[tuple[int, int], ...] = ()
    modifiers: tuple[tuple[int, int], ...] = ()
    head_token: Token | None = None  # from the parse
    # where a name after the head names it: a title's holder ("US Special Envoy for
    # Syria Michael Ratney", "the US ambassador to the UN, Nikki Haley"), a place of
    # "the city of Gaziantep"; -1 when none can
    named_from: int = -1
    holder: bool = False  # the head is a person's title: the name after it is a person
    apposed: bool = False  # ... named after a comma ("the chief, Arseny Pavlov"): any actor

    def covers_head(self, start: int, end: int) -> bool:
        return start < self.head[1] and self.head[0] < end

    def owned_by(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` lies in a possessor (not reaching the head)."""
        return not self.covers_head(start, end) and _meets(start, end, self.owners)

    def modifies(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` lies in a modifier that may stand in for the head."""
        if self.covers_head(start, end) or self.owned_by(start, end):
            return False
        return _meets(start, end, self.modifiers)

    def inside_complement(self, start: int, end: int) -> bool:
        """Whether the head lies in a complement or possessor of the mention
        ``start``..``end`` rather than heading it: "the Fed's regional bank" inside
        "the head of the Fed's regional bank" (Kashkari) is the bank, not its head; a
        title before a name ("President" of "President Putin") heads nothing of its own."""
        tok = self.head_token
        if tok is None:
            return False
        mention = tok.doc.char_span(start, end, alignment_mode="expand")
        if mention is None or not mention.start <= tok.i < mention.end:
            return False
        root = mention.root
        while tok.i != root.i and mention.start <= tok.i < mention.end:
            if tok.dep_ in _COMPLEMENT_DEPS:
                return True
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return False


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


def _meets(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


def _parsed(span: Span) -> PhraseParts:
    root = span.root
    doc = span.doc
    head = (root.idx, root.idx + len(root.text))
    owners: list[tuple[int, int]] = []
    for tok in span:
        if tok.i == root.i or tok.is_ancestor(root):
            continue
        owner = tok.dep_ == "poss" or (tok.tag_ == "PRP$" and tok.lower_ in POSSESSIVE_PRONOUNS)
        if owner:
            first = max(tok.left_edge.i, span.start)
            last = min(tok.right_edge.i, span.end - 1)
            owners.append((doc[first].idx, doc[last].idx + len(doc[last].text)))
    modifiers = [(span.start_char, root.idx)] if root.i > span.start else []
    named_from, holder, apposed = -1, False, False
    if root.lemma_.lower() in RELATIONAL_HEADS or root.lower_ in RELATIONAL_HEADS:
        # "US allies" are not the US; "US allies Japan and South Korea" are Japan, ...
        modifiers = []
        named = [c for c in root.rights if c.dep_ == "appos" and c.i < span.end]
        if named:
            named_from = doc[named[0].left_edge.i].idx
        return PhraseParts(head, tuple(owners), (), root, named_from)
    opening = [t for t in span if t.text == "(" and t.i > root.i]
    closed = opening and any(t.text == ")" and t.i > opening[-1].i for t in span)
    if opening and not closed and span[-1].i > opening[-1].i and root.is_title:
        named_from = opening[-1].idx  # "the Joint FAO/WHO Expert Committee ... (JECFA)"
    elif root.lower_ in PLACE_HEADS:  # "the Syrian capital of Damascus"
        named_from = next((c.idx for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"), -1)
    elif _title(root.lower_) or (root.is_title and root.pos_ in ("NOUN", "PROPN")):
        # "The Archbishop of Canterbury Justin Welby": a capitalised title before a name
        after = [t for t in span if t.i > root.i]
        comma = next((t.idx for t in after if t.text == ","), -1)
        named_from, holder = (root.idx if root.is_title else comma), True
        apposed = not root.is_title
    if _group(root.lower_, root.tag_ in ("NNS", "NNPS")) or _part(root):
        for prep in root.rights:  # "officials of the Red Cross", "77 percent of Koreans"
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < span.end:
                objects = [c for c in prep.children if c.dep_ == "pobj" and c.i < span.end]
                for obj in objects:  # the body's own words, not what follows it
                    modifiers.append((doc[obj.left_edge.i].idx, obj.idx + len(obj.text)))
    return PhraseParts(head, tuple(owners), tuple(modifiers), root, named_from, holder, apposed)


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
    modifiers = [(start, head[0])] if head[0] > start else []
    word = last.group(0).lower()
    if cut and cut.group(0).strip().lower() == "of" and _group(word, word.endswith("s")):
        after = _COMPLEMENT.search(piece, cut.end())
        modifiers.append((start + cut.start(), start + (after.start() if after else len(piece))))
    return PhraseParts(head, tuple(owners), tuple(modifiers))


# heads that name those in a relation to their modifier, never the modifier itself ("US
# allies", "Assad's opponents")
RELATIONAL_HEADS = frozenset(
    {
        "ally",
        "allies",
        "partner",
        "neighbour",
        "neighbor",
        "rival",
        "enemy",
        "foe",
        "adversary",
        "opponent",
        "critic",
    }
)


# heads that name a part of what their "of" names ("77 percent of South Koreans")
PART_HEADS = frozenset(
    {
        "percent",
        "majority",
        "minority",
        "most",
        "many",
        "some",
        "half",
        "part",
        "number",
        "share",
        "proportion",
        "rest",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "tens",
    }
)


def _part(root: Token) -> bool:
    return root.lower_ in PART_HEADS or root.like_num


def _title(word: str) -> bool:
    """A singular person's title or role ("envoy", "ambassador", "spokesman")."""
    lex = lexicon()
    return word in lex["role_nouns"] or word in lex["unnamed_person_nouns"]


# heads whose "of" names them: "the city of Gaziantep", "the Syrian capital of Damascus"
PLACE_HEADS = frozenset(
    {"city", "town", "village", "capital", "province", "region", "island", "port", "district"}
)


def _group(word: str, plural: bool) -> bool:
    """A head that names a group belonging to a body ("officials", "the government",
    "members"): its "of" complement may stand in for it; a single person's role ("the
    president of the company") or a thing ("the annexation of Crimea") is not the body."""
    if word in GROUP_HEADS:
        return True
    if not plural:
        return False
    lex = lexicon()
    singular = word[:-1] if word.endswith("s") else word
    return singular in lex["unnamed_person_nouns"] or singular in lex["role_nouns"]


# heads that name a body's people or a part of a body as a whole
GROUP_HEADS = frozenset(
    {
        "government",
        "administration",
        "regime",
        "authorities",
        "army",
        "military",
        "forces",
        "troops",
        "police",
        "militia",
        "militants",
        "fighters",
        "rebels",
        "leadership",
        "delegation",
        "staff",
        "members",
        "officials",
        "people",
        "supporters",
    }
)
