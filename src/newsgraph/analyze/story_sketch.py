"""What story assignment knows of an article: its sketch.

A sketch is computed once per article, when it is stored, and kept
(``store.stories.article_sketches``): the multilingual sentence vector of its title and
lead, the words of its title and lead with their counts (for same-language lexical
similarity), the canonical actors and places it names (KB ids, the same in every
language), its day and language.

    sketch = make_sketch(article_dict, vector)
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

LEAD_CHARS = 600  # title + this much of the body is what a reader sees first
MAX_TERMS = 60  # most distinct words kept per article
WORD = re.compile(r"\w+", re.UNICODE)
# entity id prefixes that name the same actor or place in every language (KB people
# and organisations, countries); ``local:`` ids are names as written, kept for places
# and people only when they come from the same language (see ``names``)
CANONICAL = ("Q", "ng:", "country:")
PLACE_PREFIXES = ("country:", "local:gpe:", "local:loc:")
ACTOR_TYPES = ("PERSON", "ORG", "NORP")


@dataclass
class Sketch:
    """One article as story assignment sees it."""

    id: str
    language: str | None
    span: tuple[int, int]  # first and last day it may be about (date ordinals)
    vector: np.ndarray  # float32, L2-normalised
    terms: dict[str, int] = field(default_factory=dict)  # word -> count in title + lead
    actors: frozenset[str] = frozenset()  # canonical actor ids
    places: frozenset[str] = frozenset()  # countries and named places
    names: frozenset[str] = frozenset()  # non-KB people/orgs as written (same language only)
    outlet: str | None = None
    title: str | None = None


def lead_text(title: str | None, text: str, size: int = LEAD_CHARS) -> str:
    """The title and the first ``size`` characters of the body (cut at a word)."""
    body = " ".join(text[: size * 8].split())  # not a split of a 5,000,000-character text
    if len(body) > size:
        cut = body.rfind(" ", 0, size)
        body = body[: cut if cut > size // 2 else size]
    head = " ".join((title or "").split())
    if head and body.startswith(head):
        return body
    return f"{head}. {body}" if head else body


def words(text: str) -> list[str]:
    """Lower-cased, accent-folded words of three letters or more, no bare numbers."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return [w for w in WORD.findall(folded) if len(w) >= 3 and not w.isdigit()]


def term_counts(title: str | None, text: str) -> dict[str, int]:
    """Word counts of title and lead (the title counted twice), the ``MAX_TERMS`` most
    frequent (ties: first seen)."""
    counts: Counter[str] = Counter(words(title or "") * 2)
    counts.update(words(lead_text(None, text)))
    return dict(counts.most_common(MAX_TERMS))


def date_span(date: str | None) -> tuple[int, int] | None:
    """The days an ISO date covers, as ordinals: one day for ``2017-04-24``, the month
    for ``2017-04``, the year for ``2017``; None for no date or one that is not ISO."""
    if not date:
        return None
    try:
        if len(date) >= 10:
            day = dt.date.fromisoformat(date[:10]).toordinal()
            return day, day
        if len(date) == 7:
            first = dt.date.fromisoformat(date + "-01")
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if len(date) == 4 and date.isdigit():
            year = int(date)
            return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    except ValueError:
        return None
    return None


def entity_keys(entities: Iterable[Mapping[str, Any]]) -> tuple[set[str], set[str], set[str]]:
    """(canonical actors, places, same-language names) among an article's entities."""
    actors: set[str] = set()
    places: set[str] = set()
    names: set[str] = set()
    for ent in entities:
        eid = str(ent.get("id") or "")
        if not eid:
            continue
        if eid.startswith(PLACE_PREFIXES) or ent.get("type") in ("GPE", "LOC"):
            places.add(eid)
        elif eid.startswith(CANONICAL):
            actors.add(eid)
        elif ent.get("type") in ACTOR_TYPES:
            names.add(eid)
    return actors, places, names


def make_sketch(article: Mapping[str, Any], vector: np.ndarray, span: tuple[int, int]) -> Sketch:
    """The sketch of an article in ``Article.to_dict()`` shape, with its sentence vector
    and the days it is placed on (see ``stories.placement``)."""
    actors, places, names = entity_keys(article.get("entities") or ())
    return Sketch(
        id=str(article["id"]),
        language=article.get("language"),
        span=span,
        vector=np.asarray(vector, dtype=np.float32),
        terms=term_counts(article.get("title"), article.get("text") or ""),
        actors=frozenset(actors),
        places=frozenset(places),
        names=frozenset(names),
        outlet=article.get("outlet"),
        title=article.get("title") or first_words(article.get("text") or ""),
    )


def first_words(text: str, n: int = 10) -> str | None:
    """The first ``n`` words of a text, for an untitled article ("..." when cut)."""
    head = text[: 100 * n]
    found = head.split()
    if not found:
        return None
    more = len(found) > n or len(head) < len(text.rstrip())
    return " ".join(found[:n]) + (" …" if more else "")
