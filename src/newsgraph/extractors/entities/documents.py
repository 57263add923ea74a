"""Names of texts (laws, treaties, bills) that never act, read at the name's head.

Read by the entity layer, which drops the model's organisation over such a name, and by
the event layer, which takes no such token for an actor: one list for both."""

from __future__ import annotations

from spacy.tokens import Span, Token

# Last words of names of texts, which never act ('the Ethics in Government Act', 'the
# Paris Agreement', 'the First Amendment'). The one list of both layers: the entity layer
# (name_spans) drops the model's ORG whose head is one; the event layer takes no such
# token for an actor
DOCUMENT_HEADS = frozenset(
    {"act", "accord", "accords", "agreement", "amendment", "bill", "charter", "constitution",
     "convention", "directive", "law", "protocol", "treaty"}
)  # fmt: skip


# words that end a name's head ('the Convention on Human Rights', 'the Government of
# National Accord', 'the Court of Arbitration for Sport')
_HEAD_ENDS = frozenset({"of", "on", "against", "for"})


def document_head(name: Span) -> Token | None:
    """The head of a named law, treaty or bill ('the Paris Agreement', 'the Convention
    against Torture'); None for any other name. The head is the word before the name's
    first 'of', 'on', 'against' or 'for', else its last word: 'the Government of National
    Accord' is a body, 'the Convention on Human Rights' a text."""
    head = next((t.i - 1 for t in name[1:] if t.lower_ in _HEAD_ENDS), name.end - 1)
    token = name.doc[head]
    return token if token.lower_ in DOCUMENT_HEADS else None
