"""'The North', 'the South': a divided country's half, named by the story's own country.

A story that names North Korea calls it 'the North' further on ("North Korea fired a
missile ... The US ruled out engaging the North"), and one that names South Korea calls
it 'the South'. Such a mention is that country, for every use of the entity layer
(quotes' speakers as well as events' sides), when the story names exactly one country
whose name begins with that word; with none, or several ('North Korea' and 'North
Macedonia'), it stays what the model made of it. Only 'the' + the bare word counts: not
'the North Atlantic', 'the South China Sea', 'the North Korean leader'.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extractors.entities.types import Candidate, Link

HALVES = ("North", "South")


def join_halves(doc: Doc, candidates: list[Candidate], links: dict[str, Link]) -> None:
    """Give each lone 'the North' / 'the South' the key of the one country of the story
    whose name begins with that word: the model's candidate for it is re-keyed, and a
    candidate is added where the model found none. Changes ``candidates`` in place."""
    countries = {
        word: [
            key
            for key, link in links.items()
            if str(link.id).startswith("country:") and (link.name or "").split()[:1] == [word]
        ]
        for word in HALVES
    }
    if not any(len(keys) == 1 for keys in countries.values()):
        return
    covered = {i: c for c in candidates for i in range(c.start, c.end)}
    for tok in doc:
        keys = countries.get(tok.text, [])
        if len(keys) != 1 or not _lone_half(doc, tok.i):
            continue
        found = covered.get(tok.i)
        if found is None:
            candidates.append(Candidate(tok.i, tok.i + 1, "GPE", entity=keys[0]))
        elif found.start == tok.i and found.end == tok.i + 1:
            found.entity, found.label = keys[0], "GPE"


def _lone_half(doc: Doc, i: int) -> bool:
    """'the North' standing alone: after 'the', before no word that goes on the name."""
    if i == 0 or doc[i - 1].lower_ != "the":
        return False
    if i + 1 < len(doc):
        after = doc[i + 1]
        if after.is_alpha and (after.is_title or after.is_upper) and after.i != after.sent.start:
            return False  # 'the North Atlantic', 'the South China Sea'
        if after.text in ("-", "\u2013", "/"):
            return False  # 'the North-South divide'
    return True
