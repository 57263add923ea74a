"""Pronoun resolution: he, him, his, she, her resolved to a person of the article.

A pronoun resolves to a person subject of the same sentence, else to the speaker of
the last speech sentence when the pronoun itself speaks, else to the last person
subject of a previous sentence; an object pronoun never refers to the subject of its
own verb.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.types import lexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
QUOTE_MARKS = frozenset('"“”«»„')


class _Focus:
    """Who the text is about: the last person subject and the last speaker."""

    def __init__(self) -> None:
        self.subject: str | None = None
        self.speaker: str | None = None


def resolve_pronouns(art: CorefArticle) -> None:
    """Resolve he/him/his/she/her in reading order, updating the focus per sentence."""
    focus = _Focus()
    pronouns = lexicon()["pronouns"]
    for sent in art.doc.sents:
        subjects: list[Token] = []
        for tok in sent:
            if tok.lower_ in pronouns and tok.tag_ in ("PRP", "PRP$") and tok.i not in art.owner:
                entity = _pronoun_entity(art, tok, subjects, focus)
                if entity is not None:
                    art.add_reference(art.doc[tok.i : tok.i + 1], entity, "pronoun")
            if tok.dep_ in SUBJECT_DEPS and art.is_person(art.owner.get(tok.i)):
                subjects.append(tok)
        _update_focus(art, sent, subjects, focus)


def _pronoun_entity(
    art: CorefArticle, tok: Token, subjects: list[Token], focus: _Focus
) -> str | None:
    """The person a pronoun most likely refers to (no gender data: position decides)."""
    if tok.dep_ in OBJECT_DEPS:
        # an object pronoun never refers to the subject of its own verb
        clause = _clause_of(tok)
        own = {art.owner[s.i] for s in subjects if s.head in clause}
        others = [art.owner[s.i] for s in subjects if art.owner[s.i] not in own]
        if others:
            return others[-1]
        if focus.subject and focus.subject not in own:
            return focus.subject
        return art.last_person_before(tok.i, None, exclude=own)
    if subjects:
        return art.owner[subjects[-1].i]
    if _is_speaker_position(tok) and focus.speaker:
        return focus.speaker
    return focus.subject or focus.speaker or art.last_person_before(tok.i, None)


def _clause_of(tok: Token) -> list[Token]:
    """The heads from ``tok`` up to the root of its clause (a ROOT, ccomp or relcl verb)."""
    chain = []
    current = tok
    while current.head.i != current.i:
        current = current.head
        chain.append(current)
        if current.dep_ in ("ccomp", "relcl", "ROOT"):
            break
    return chain


def _is_speaker_position(tok: Token) -> bool:
    return tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in _speech_verbs()


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(lexicon()["speech_verbs"])


def _update_focus(art: CorefArticle, sent: Span, subjects: list[Token], focus: _Focus) -> None:
    """After a sentence: its person subject is in focus; a speaking subject is the speaker."""
    if not subjects:
        return
    speaking = [s for s in subjects if s.head.lemma_.lower() in _speech_verbs()]
    has_quote = any(ch in QUOTE_MARKS for ch in sent.text)
    main = speaking[0] if speaking else subjects[0]
    focus.subject = art.owner[main.i]
    if speaking or has_quote:
        focus.speaker = art.owner[main.i]
