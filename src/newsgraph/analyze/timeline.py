"""An actor's timeline: dated events (as source or target) and quotes (as speaker), in
date order, each with the articles it comes from.

    timeline(store, "Emmanuel Macron", since="2017-01-01")

Events are merged events (one row however many articles report it; ``sources`` lists
them all). A quote's date is the day it was said when the text gives one, else its
article's publication date. Undated events are left out.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Connection, func, select

from newsgraph.analyze.parties import Party, resolve_party
from newsgraph.analyze.quads import quad_name
from newsgraph.store import events as q
from newsgraph.store import schema
from newsgraph.store.db import Store

COLUMNS = [
    "date",
    "kind",
    "role",
    "what",
    "counterpart",
    "text",
    "negated",
    "modality",
    "outlet",
    "title",
    "article_id",
    "url",
    "n_sources",
    "sources",
    "merged_event_id",
]


def timeline(
    store: Store, actor: str, *, since: str | None = None, until: str | None = None
) -> pd.DataFrame:
    """The actor's dated events and quotes, oldest first (``since``/``until`` are
    inclusive ISO days)."""
    party = resolve_party(actor)
    with store.engine.connect() as conn:
        rows = _event_items(conn, party) + _quote_items(conn, party)
    rows = [r for r in rows if r["date"] and _within(r["date"], since, until)]
    rows.sort(key=lambda r: (r["date"], r["kind"], r["article_id"] or ""))
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)


def _within(day: str, since: str | None, until: str | None) -> bool:
    """Whether a (maybe partial) date falls in the inclusive range: ``2017`` is in a
    range that overlaps 2017."""
    if since and day < since[: len(day)]:
        return False
    return not (until and day[: len(until)] > until)


def _event_items(conn: Connection, party: Party) -> list[dict[str, Any]]:
    ids = q.merged_ids_with_actor(conn, entities=party.entities, country=party.country)
    events = q.merged_rows(conn, ids)
    sources = q.mention_sources(conn, ids)
    return [_event_item(e, party, sources.get(e["id"], [])) for e in events]


def _event_item(
    event: dict[str, Any], party: Party, mentions: list[dict[str, Any]]
) -> dict[str, Any]:
    """One timeline row for a merged event; its text is the first report's sentence."""
    as_source = party.among(event["source"] or [])
    others = (event["target"] if as_source else event["source"]) or []
    if as_source and not others:  # a joint act: the other sources are the counterparts
        others = [x for x in event["source"] if not party.matches(x)]
    first = mentions[0] if mentions else {}
    what = f"{event['type']} {event['cameo'] or ''}".strip()
    quad = quad_name(event.get("quad_class"))
    return {
        "date": event["date"],
        "kind": "event",
        "role": "source" if as_source else "target",
        "what": f"{what} ({quad})" if quad else what,
        "counterpart": ", ".join(x.get("name") or "?" for x in others),
        "text": first.get("sentence"),
        "negated": bool(event["negated"]),
        "modality": first.get("modality"),
        "outlet": first.get("outlet"),
        "title": first.get("title"),
        "article_id": first.get("article_id"),
        "url": first.get("url"),
        "n_sources": event.get("n_sources"),
        "sources": [_source(x) for x in mentions],
        "merged_event_id": event["id"],
    }


def _source(mention: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": mention["article_id"],
        "outlet": mention["outlet"],
        "title": mention["title"],
        "published": mention["published_date"],
        "sentence": mention["sentence"],
    }


def _quote_items(conn: Connection, party: Party) -> list[dict[str, Any]]:
    """Quotes whose speaker is the party (by entity id; a country party matches
    speakers resolved to the country itself)."""
    speakers = list(party.entities) or [f"country:{party.country}"]
    qt, a, s = schema.quotes, schema.articles, schema.sources
    day = func.coalesce(qt.c.date, a.c.published_date)
    stmt = (
        select(
            qt.c.article_id,
            qt.c.seq,
            qt.c.text,
            qt.c.direct,
            qt.c.cue,
            day.label("date"),
            a.c.title,
            a.c.url,
            a.c.published_date,
            s.c.name.label("outlet"),
        )
        .select_from(qt.join(a, qt.c.article_id == a.c.id).outerjoin(s, a.c.outlet_id == s.c.id))
        .where(qt.c.speaker_entity.in_(speakers))
    )
    return [_quote_item(dict(r)) for r in conn.execute(stmt).mappings()]


def _quote_item(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": row["date"],
        "kind": "quote",
        "role": "speaker",
        "what": f"quote ({'direct' if row['direct'] else 'indirect'}, {row['cue'] or 'no cue'})",
        "counterpart": "",
        "text": row["text"],
        "negated": False,
        "modality": None,
        "outlet": row["outlet"],
        "title": row["title"],
        "article_id": row["article_id"],
        "url": row["url"],
        "n_sources": 1,
        "sources": [
            {
                "article_id": row["article_id"],
                "outlet": row["outlet"],
                "title": row["title"],
                "published": row["published_date"],
                "sentence": None,
            }
        ],
        "merged_event_id": None,
    }


def merged_events_for(
    store: Store,
    *,
    actor: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Merged events, newest first, optionally of one actor or country and one type."""
    party = resolve_party(actor) if actor else None
    with store.engine.connect() as conn:
        return q.find_merged(
            conn,
            entities=party.entities if party else (),
            country=party.country if party else None,
            type=type,
            since=since,
            until=until,
            limit=limit,
        )
