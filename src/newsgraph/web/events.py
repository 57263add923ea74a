"""Reading stored events (one row per report) for ``/api/events``: filtered lists
with a total. Charts, dyads and timelines read merged events (``web.merged``).

Lists are index ranges: ``event_index`` (each event's effective day and type) and
``event_keys`` (its actors' entity ids and countries), kept at ingest. The events of one
article are read directly; there the actor filters narrow the JSON columns with a
``LIKE`` and check each candidate exactly in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select

from newsgraph.analyze.quads import quad_class, quad_name
from newsgraph.store import aggregates, schema
from newsgraph.store.db import Store
from newsgraph.store.queries import COUNT_CAP, day_range
from newsgraph.store.rows import dicts

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


@cache
def event_select() -> Select[Any]:
    """Events with their effective day, article title and sentence text (built once;
    callers narrow it, which makes a new statement)."""
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
    """One page of events, newest first, and the total count. The page is an index
    range of ``event_index`` (or of ``event_keys`` for an actor or a country); one
    article's events are read directly."""
    if filters.article_id:
        return _article_events(store, filters, limit, offset)
    keep = _exact_check(filters) if (filters.with_actor or filters.with_country) else None
    keys = _event_keys(filters)
    with store.connect() as conn:
        if keep is None:
            ordered = _newest(keys)
            pairs = [(r[0], r[1]) for r in conn.execute(ordered.limit(limit).offset(offset))]
            total = _count(conn, keys, filters)
            return [event_view(r) for r in _rows(conn, pairs)], total
        pairs = [(r[0], r[1]) for r in conn.execute(_newest(keys).limit(MAX_SCAN))]
        rows = _rows(conn, pairs)
    matched = [view for r in rows if keep(view := event_view(r))]
    return matched[offset : offset + limit], len(matched)


def _event_keys(f: EventFilters) -> Any:
    """(article_id, seq, day) of the events matching the type, actor or country and days."""
    ix, ek = schema.event_index, schema.event_keys
    key = None
    if f.actor:
        key = aggregates.entity_key(f.actor)
    elif f.country:
        key = aggregates.country_key(f.country)
    elif f.with_actor or f.with_country:
        other = f.with_actor or f.with_country or ""
        key = (aggregates.entity_key if f.with_actor else aggregates.country_key)(other)
    if key is None:
        stmt = select(ix.c.article_id, ix.c.seq, ix.c.day)
        day = ix.c.day
    else:
        stmt = select(ek.c.article_id, ek.c.seq, ek.c.day).where(ek.c.key == key)
        day = ek.c.day
        if f.type:
            stmt = stmt.join(ix, (ix.c.article_id == ek.c.article_id) & (ix.c.seq == ek.c.seq))
    if f.type:
        stmt = stmt.where(ix.c.type == f.type.upper())
    return stmt.where(*day_range(day, f.since, f.until, f.month))


def _newest(keys: Any) -> Any:
    cols = keys.selected_columns
    return keys.order_by(cols["day"].desc().nulls_last(), cols["article_id"], cols["seq"])


def _count(conn: Any, keys: Any, f: EventFilters) -> int:
    """The stored count without filters, else counted up to ``COUNT_CAP`` (a page's
    "next" link needs no more), then estimated."""
    if not (f.type or f.actor or f.country or f.since or f.until or f.month):
        c = schema.counts
        stmt = select(c.c.n).where(c.c.kind == "table", c.c.key == "events")
        return int(conn.execute(stmt).scalar() or 0)
    capped = keys.limit(COUNT_CAP + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(capped)).scalar_one())


def _rows(conn: Any, pairs: list[tuple[str, int]]) -> list[Any]:
    """``event_select`` rows of these (article_id, seq) pairs, in their order."""
    if not pairs:
        return []
    wanted = set(pairs)  # by article (an index prefix), then the pairs asked for
    stmt = event_select().where(e.c.article_id.in_(sorted({p[0] for p in pairs})))
    found = {
        key: r for r in dicts(conn.execute(stmt)) if (key := (r["article_id"], r["seq"])) in wanted
    }
    return [found[p] for p in pairs if p in found]


def _article_events(
    store: Store, filters: EventFilters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """The events of one article (a primary key range), filtered in SQL and Python."""
    stmt = _sql_filtered(event_select(), filters)
    stmt = stmt.order_by(EVENT_DAY.desc().nulls_last(), e.c.article_id, e.c.seq)
    keep = _exact_check(filters)
    with store.connect() as conn:
        rows = conn.execute(stmt.limit(MAX_SCAN)).mappings().all()
    matched = [view for r in rows if keep is None or keep(view := event_view(r))]
    views = [event_view(r) for r in rows] if keep is None else matched
    return views[offset : offset + limit], len(views)


def event_view(row: Any) -> dict[str, Any]:
    """An event row in the record contract's shape plus ``date`` (effective day),
    ``quad``/``quad_label`` and the article it came from."""
    quad = quad_class(row["type"])
    return {
        "article_id": row["article_id"],
        "seq": row["seq"],
        "type": row["type"],
        "cameo": row["cameo"],
        "quad": quad,
        "quad_label": quad_name(quad),
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
