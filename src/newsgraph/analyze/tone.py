"""Tone over time: the mean tone of the articles that name an actor, per period, and of
the quotes an actor said.

    with newsgraph.open("news.db") as db:
        actor_tone(db, "Q7747", by="month")   # [{"period": "2017-03", "articles": 12,
                                              #   "tone": -1.8, "quotes": 5, "quote_tone": 0.4}]

Reads ``entities`` (which articles name the actor), ``quotes`` (what the actor said)
and the tone tables of :mod:`newsgraph.store.claims`, through their indexes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select

from newsgraph.errors import Code, UsageError
from newsgraph.store import schema
from newsgraph.store.claims import article_tones, quote_tones

__all__ = ["actor_tone"]

_PERIOD = {"year": 4, "month": 7, "day": 10}


def actor_tone(store: Any, entity_id: str, *, by: str = "month") -> list[dict[str, Any]]:
    """Per period (by the article's publication date; undated articles left out): how
    many articles name ``entity_id`` and their mean tone, how many of its quotes carry a
    tone and their mean. Oldest period first."""
    if by not in _PERIOD:
        raise UsageError(Code.BAD_OPTION, f"--by {by!r}: one of {', '.join(_PERIOD)}")
    width = _PERIOD[by]
    a, e, q = schema.articles, schema.entities, schema.quotes
    period = func.substr(a.c.published_date, 1, width)
    articles = (
        select(period, func.count(), func.avg(article_tones.c.tone))
        .select_from(
            e.join(a, a.c.id == e.c.article_id).join(
                article_tones, article_tones.c.article_id == a.c.id
            )
        )
        .where(e.c.entity_id == entity_id, a.c.published_date.is_not(None))
        .group_by(period)
    )
    quoted = (
        select(period, func.count(), func.avg(quote_tones.c.tone))
        .select_from(
            q.join(a, a.c.id == q.c.article_id).join(
                quote_tones,
                (quote_tones.c.article_id == q.c.article_id) & (quote_tones.c.seq == q.c.seq),
            )
        )
        .where(q.c.speaker_entity == entity_id, a.c.published_date.is_not(None))
        .group_by(period)
    )
    rows: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"articles": 0, "tone": None, "quotes": 0, "quote_tone": None}
    )
    with store.engine.connect() as conn:
        for key, n, mean in conn.execute(articles):
            if len(key or "") == width:
                rows[key].update(articles=int(n), tone=round(float(mean), 3))
        for key, n, mean in conn.execute(quoted):
            if len(key or "") == width:
                rows[key].update(quotes=int(n), quote_tone=round(float(mean), 3))
    return [{"period": key, **rows[key]} for key in sorted(rows)]
