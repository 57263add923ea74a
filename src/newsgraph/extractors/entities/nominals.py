"""Organisation nominals: "the newspaper", "the agency", "the ministry" resolved to the
organisation the article named last whose kind fits.

"The Washington Post reported ... the newspaper wrote" makes "the newspaper" a mention of
the Washington Post, so a quote it speaks keeps the organisation's id. A nominal only
looks back (``LOOKBACK`` tokens) and only at organisations named in the text; the kind
of organisation a noun asks for is read from the name ("... News", "... Ministry") or
from the KB's sector and kind.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.extractors.doctext import token_lowers
from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.types import Link, lexicon

LOOKBACK = 400  # tokens


def resolve_org_nominals(art: CorefArticle, orgs: dict[str, Link]) -> None:
    """Add a reference for every definite organisation noun that has a fitting antecedent."""
    nouns = _nouns()
    if not orgs:
        return
    named = [n for n in art.names if n.entity in orgs and orgs[n.entity].type == "ORG"]
    if not named:
        return
    for i, lower in enumerate(token_lowers(art.doc)):
        kind = nouns.get(lower)
        if kind is None or i in art.owner:
            continue
        tok = art.doc[i]
        if tok.tag_ not in ("NN", "NNP"):
            continue
        start = _definite_start(tok)
        if start is None:
            continue
        entity = _antecedent(art, named, orgs, tok.i, start, kind)
        if entity is not None:
            art.add_reference(art.doc[start : tok.i + 1], entity, "role")


def _definite_start(tok: Token) -> int | None:
    """Where "the (news) agency" starts; None unless the noun phrase is "the" + noun."""
    i = tok.i - 1
    doc = tok.doc
    while i >= 0 and doc[i].dep_ in ("compound", "amod") and doc[i].head.i == tok.i:
        if not doc[i].is_lower:
            return None  # "the Russian news agency" names a country: left to the KB
        i -= 1
    if i >= 0 and doc[i].lower_ == "the" and doc[i].head.i == tok.i:
        return i
    return None


def _antecedent(
    art: CorefArticle, named: list, orgs: dict[str, Link], i: int, start: int, kind: str
) -> str | None:
    for name in reversed(named):
        if name.start >= start:
            continue
        if i - name.start > LOOKBACK:
            return None
        if _fits(orgs[name.entity], kind):
            return str(name.entity)
    return None


def _fits(link: Link, kind: str) -> bool:
    words = {w.lower().strip(".") for w in link.name.split()}
    cues = _kind_words()
    if kind == "any":
        return link.type == "ORG"
    if link.type != "ORG":
        return False
    if kind == "media":
        return link.sector == "MED" or bool(words & cues["media"])
    if kind == "government":
        return link.sector == "GOV" or bool(words & cues["government"])
    if kind == "party":
        return link.sector == "PTY" or "party" in words
    if kind == "business":
        return link.sector == "BUS" or bool(words & cues["business"]) or link.sector is None
    return False


@lru_cache(maxsize=1)
def _nouns() -> dict[str, str]:
    return dict(lexicon()["org_nominals"])


@lru_cache(maxsize=1)
def _kind_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lexicon()["org_kind_words"].items()}
