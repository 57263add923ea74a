"""Reading events for the web layer: filtered lists, an actor's or a dyad's events,
and other reports of the same event.

Event actors live in JSON columns, so an actor or country filter first narrows the
rows with a ``LIKE`` on the JSON text (``"Q7747"`` as a quoted value) and then checks
each candidate exactly in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select

from newsgraph.store import schema
from newsgraph.store.db import Store
from newsgraph.web.series import QUADS, month_of, quad_class

e, a = schema.events, schema.articles
EVENT_DAY = func.coalesce(e.c.date, a.c.published_date)
MAX_SCAN = 50_000  # most candidate rows an actor filter reads


@dataclass(frozen=True)
class EventFilters:
    """Conditions on events: ``actor`` an entity id, ``country`` an ISO alpha-3 code,
    ``with_actor``/``with_country`` the other side of a dyad, ``month`` ``YYYY-MM``."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    with_actor: str | None = None
    with_country: str | None = None
    since: str | None = None
    until: str | None = None
    month: str | None = None
    article_id: str | None = None


def event_select() -> Select[Any]:
    """Events with their effective day, article title and sentence text."""
    length = e.c.sentence_end - e.c.sentence_start
    return select(
        e,
        EVENT_DAY.label("day"),
        a.c.title.label("article_title"),
        a.c.published_date.label("published_date"),
        func.substr(a.c.text, e.c.sentence_start + 1, length).label("sentence_text"),
    ).select_from(e.join(a, e.c.article_id == a.c.id))


def list_events(
    store: Store, filters: EventFilters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of events, newest first, and the total count."""
    stmt = _sql_filtered(event_select(), filters)
    stmt = stmt.order_by(EVENT_DAY.desc().nulls_last(), e.c.article_id, e.c.seq)
    keep = _exact_check(filters)
    with store.engine.connect() as conn:
        if keep is None:
            total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
            rows = conn.execute(stmt.limit(limit).offset(offset)).mappings().all()
            return [event_view(r) for r in rows], int(total)
        rows = conn.execute(stmt.limit(MAX_SCAN)).mappings().all()
    matched = [view for r in rows if keep(view := event_view(r))]
    return matched[offset : offset + limit], len(matched)


def all_events(store: Store, filters: EventFilters) -> list[dict[str, Any]]:
    """Every matching event (bounded by ``MAX_SCAN``), for series."""
    rows, _ = list_events(store, filters, MAX_SCAN, 0)
    return rows


def event_view(row: Any) -> dict[str, Any]:
    """An event row in the record contract's shape plus ``date`` (effective day),
    ``quad``/``quad_label`` and the article it came from."""
    quad = quad_class(row["type"], row["cameo"])
    return {
        "article_id": row["article_id"],
        "seq": row["seq"],
        "type": row["type"],
        "cameo": row["cameo"],
        "quad": quad,
        "quad_label": QUADS.get(quad) if quad else None,
        "mode": row["mode"],
        "source": list(row["source"] or []),
        "target": list(row["target"] or []),
        "date": row["day"],
        "event_date": row["date"],
        "place": row["place"],
        "intensity": row["intensity"],
        "negated": bool(row["negated"]),
        "modality": row["modality"],
        "trigger": {
            "start": row["trigger_start"],
            "end": row["trigger_end"],
            "text": row["trigger_text"],
        },
        "sentence": {
            "start": row["sentence_start"],
            "end": row["sentence_end"],
            "text": row["sentence_text"],
        },
        "article_title": row["article_title"],
    }


def _sql_filtered(stmt: Select[Any], f: EventFilters) -> Select[Any]:
    """Conditions SQL can decide exactly, plus a ``LIKE`` prefilter for actors."""
    day = func.substr(EVENT_DAY, 1, 10)
    if f.type:
        stmt = stmt.where(e.c.type == f.type.upper())
    if f.article_id:
        stmt = stmt.where(e.c.article_id == f.article_id)
    if f.since:
        stmt = stmt.where(func.substr(day, 1, len(f.since)) >= f.since)
    if f.until:
        stmt = stmt.where(func.substr(day, 1, len(f.until)) <= f.until)
    if f.month:
        stmt = stmt.where(func.substr(day, 1, 7) == f.month)
    for value in (f.actor, f.country, f.with_actor, f.with_country):
        if value:
            stmt = stmt.where(_mentions_value(value))
    return stmt


def _mentions_value(value: str) -> Any:
    """Events whose source or target JSON holds ``value`` as a quoted string."""
    pattern = '%"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"%'
    return or_(cast(e.c.source, String).like(pattern), cast(e.c.target, String).like(pattern))


def _exact_check(f: EventFilters) -> Callable[[dict[str, Any]], bool] | None:
    """A Python test for the actor/country conditions, or None when there are none."""
    one = _side_test(f.actor, f.country)
    other = _side_test(f.with_actor, f.with_country)
    if one is None and other is None:
        return None
    if other is None:
        assert one is not None
        return lambda ev: one(ev["source"]) or one(ev["target"])
    if one is None:
        return lambda ev: other(ev["source"]) or other(ev["target"])
    return lambda ev: (
        (one(ev["source"]) and other(ev["target"])) or (other(ev["source"]) and one(ev["target"]))
    )


def _side_test(actor: str | None, country: str | None) -> Callable[[list[Any]], bool] | None:
    """Whether a list of event actors holds the entity ``actor`` / the country ``country``."""
    if actor:
        return lambda side: any(isinstance(x, dict) and x.get("entity") == actor for x in side)
    if country:
        return lambda side: any(isinstance(x, dict) and x.get("country") == country for x in side)
    return None


def same_event_reports(
    store: Store, article_id: str, events: list[dict[str, Any]], limit: int = 20
) -> list[dict[str, Any]]:
    """Other articles reporting an event of this article: through the store's merged
    events when the article's events were merged, else by a same-type, same-day event
    sharing an actor entity."""
    merged = merged_reports(store, article_id, limit)
    return merged if merged is not None else similar_reports(store, article_id, events, limit)


def merged_reports(store: Store, article_id: str, limit: int) -> list[dict[str, Any]] | None:
    """Reports sharing a merged event with the article; None when none of its events
    were merged (or the store has no merged events)."""
    em = getattr(schema, "event_mentions", None)
    me = getattr(schema, "merged_events", None)
    if em is None or me is None:
        return None
    mine = select(em.c.merged_event_id).where(em.c.article_id == article_id)
    stmt = (
        select(em.c.article_id, a.c.title, me.c.type, me.c.date)
        .select_from(
            em.join(me, em.c.merged_event_id == me.c.id).join(a, em.c.article_id == a.c.id)
        )
        .where(em.c.merged_event_id.in_(mine), em.c.article_id != article_id)
        .order_by(me.c.date, em.c.article_id)
    )
    with store.engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(mine.subquery())).scalar_one() == 0:
            return None
        rows = conn.execute(stmt).mappings().all()
    found: dict[str, dict[str, Any]] = {}
    for row in rows:
        found.setdefault(row["article_id"], dict(row))
    return list(found.values())[:limit]


def similar_reports(
    store: Store, article_id: str, events: list[dict[str, Any]], limit: int = 20
) -> list[dict[str, Any]]:
    """Articles with an event of the same type on the same day sharing an actor entity."""
    found: dict[str, dict[str, Any]] = {}
    for event in events:
        day, actors = event.get("date"), _entities(event)
        if not day or not actors or month_of(day) is None:
            continue
        filters = EventFilters(type=event["type"], since=day[:10], until=day[:10])
        for other in all_events(store, filters):
            if other["article_id"] == article_id or not actors & _entities(other):
                continue
            found.setdefault(
                other["article_id"],
                {
                    "article_id": other["article_id"],
                    "title": other["article_title"],
                    "type": other["type"],
                    "date": other["date"],
                },
            )
    return list(found.values())[:limit]


def _entities(event: dict[str, Any]) -> set[str]:
    return {
        x["entity"]
        for x in [*event["source"], *event["target"]]
        if isinstance(x, dict) and x.get("entity")
    }
