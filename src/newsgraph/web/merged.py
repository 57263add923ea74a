"""Merged events for the web layer (``newsgraph.analyze``): one row per event however
many articles report it, shown with its first report's evidence and every report.

An actor id from a page (``Q7747``, ``country:RUS``, ``local:org:kremlin``) matches the
merged event actors' entity exactly; a country code matches every actor of the country.
Events are merged when they are stored (``Store.save_batch``), so readers only read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, select

from newsgraph.analyze.dyads import dyad_events, period_of
from newsgraph.analyze.parties import Party
from newsgraph.analyze.periods import choose_period_counts, period_kind, period_range
from newsgraph.analyze.quads import PLOVER_QUAD, QUAD_NAMES, quad_class, quad_name
from newsgraph.store import aggregates, queries, schema
from newsgraph.store import events as q
from newsgraph.store.db import Store
from newsgraph.store.rows import dicts
from newsgraph.web.events import EventFilters
from newsgraph.web.series import cooperation_points

MAX_EVENTS = 50_000  # most merged events a series or a filtered list reads


def actor_party(actor_id: str) -> Party:
    """The party of one entity id (matched exactly, whatever its prefix)."""
    return Party(actor_id, entities=(actor_id,))


def side_party(side: dict[str, str]) -> Party:
    """A dyad side (``{"kind": "country"|"actor", "id"}``) as a party."""
    if side["kind"] == "country":
        return Party(side["id"], country=side["id"])
    return actor_party(side["id"])


def asserted(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events that are not negated ("did not meet", a denied threat): what charts count."""
    return [r for r in rows if not r["negated"]]


def filtered_events(store: Store, f: EventFilters) -> list[dict[str, Any]]:
    """Merged events matching the timeline filters, newest first (bounded by
    ``MAX_EVENTS``). ``actor`` and ``country`` must both hold when both are given."""
    entities = (f.actor,) if f.actor else ()
    with store.connect() as conn:
        rows = q.find_merged(
            conn,
            entities=entities,
            country=None if f.actor else f.country,
            type=f.type,
            since=f.since,
            until=f.until,
            limit=MAX_EVENTS,
        )
        reported = _merged_ids_of_article(conn, f.article_id) if f.article_id else None
    if f.actor and f.country:
        country = Party(f.country, country=f.country)
        rows = [r for r in rows if country.among([*r["source"], *r["target"]])]
    if f.month:
        rows = [r for r in rows if period_of(r.get("date"), "month") == f.month]
    if reported is not None:
        rows = [r for r in rows if r["id"] in reported]
    return rows


def _merged_ids_of_article(conn: Any, article_id: str) -> set[int]:
    em = schema.event_mentions
    stmt = select(em.c.merged_event_id).where(em.c.article_id == article_id)
    return {int(r[0]) for r in conn.execute(stmt)}


def dyad_rows(store: Store, a: Party, b: Party, period: str | None = None) -> list[dict[str, Any]]:
    """Merged events between two parties (both directions, negated ones left out), in
    date order, optionally only those of one period (``2017-02``, ``2017-W06``, ...)."""
    rows = dyad_events(store, a, b)
    kind = period_kind(period) if period else None
    if period:
        rows = [r for r in rows if kind and period_of(r.get("date"), kind) == period]
    return rows


def items(store: Store, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merged event rows as list items: the event, its counts, the first report's
    article, trigger and sentence, and every report's article."""
    with store.connect() as conn:
        reports = q.mention_sources(conn, [r["id"] for r in rows])
    return [item(row, reports.get(int(row["id"]), [])) for row in rows]


def item(row: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One merged event in the shape of a stored event row (``EventRow``) plus
    ``merged_event_id``, its counts and ``reports``."""
    first = reports[0] if reports else {}
    quad = row.get("quad_class")
    return {
        "merged_event_id": int(row["id"]),
        "article_id": first.get("article_id") or "",
        "seq": int(first.get("event_seq") or 0),
        "article_title": first.get("title"),
        "type": row["type"],
        "cameo": row.get("cameo"),
        "mode": row.get("mode"),
        "quad": quad,
        "quad_label": quad_name(quad),
        "source": list(row.get("source") or []),
        "target": list(row.get("target") or []),
        "date": row.get("date"),
        "place": row.get("place"),
        "intensity": row.get("intensity"),
        "negated": bool(row.get("negated")),
        "modality": first.get("modality"),
        "trigger": {"text": first.get("trigger_text")},
        "sentence": {
            "start": first.get("sentence_start"),
            "end": first.get("sentence_end"),
            "text": first.get("sentence"),
        },
        "n_mentions": int(row.get("n_mentions") or 0),
        "n_articles": int(row.get("n_articles") or 0),
        "n_sources": int(row.get("n_sources") or 0),
        "first_seen": row.get("first_seen"),
        "last_seen": row.get("last_seen"),
        "reports": [_report(r) for r in reports],
    }


def _report(mention: dict[str, Any]) -> dict[str, Any]:
    return {
        "article_id": mention["article_id"],
        "seq": mention["event_seq"],
        "title": mention.get("title"),
        "outlet": mention.get("outlet"),
        "published": mention.get("published_date"),
        "in_lead": bool(mention.get("in_lead")),
    }


def same_event_reports(store: Store, article_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Other articles reporting one of this article's events (through ``event_mentions``),
    one row per article, in date order."""
    found: dict[str, dict[str, Any]] = {}
    with store.connect() as conn:
        for row in dicts(conn.execute(_reports_stmt(), {"article_id": article_id})):
            found.setdefault(row["article_id"], row)
    return list(found.values())[:limit]


def merged_ids_by_event(store: Store, article_id: str) -> dict[int, dict[str, Any]]:
    """For each event seq of the article: its merged event's id and counts."""
    with store.connect() as conn:
        return {
            int(seq): {"merged_event_id": int(mid), "n_articles": n_art, "n_sources": n_src}
            for seq, mid, n_art, n_src in conn.execute(
                _merged_ids_stmt(), {"article_id": article_id}
            )
        }


# the article page's statements, built once with the article id as a parameter
@cache
def _reports_stmt() -> Select[Any]:
    em, me, a = schema.event_mentions, schema.merged_events, schema.articles
    article_id: Any = bindparam("article_id")
    mine = select(em.c.merged_event_id).where(em.c.article_id == article_id)
    return (
        select(em.c.article_id, a.c.title, me.c.type, me.c.date)
        .select_from(
            em.join(me, em.c.merged_event_id == me.c.id).join(a, em.c.article_id == a.c.id)
        )
        .where(em.c.merged_event_id.in_(mine), em.c.article_id != article_id)
        .order_by(me.c.date, em.c.article_id)
    )


@cache
def _merged_ids_stmt() -> Select[Any]:
    em, me = schema.event_mentions, schema.merged_events
    return (
        select(em.c.event_seq, me.c.id, me.c.n_articles, me.c.n_sources)
        .select_from(em.join(me, em.c.merged_event_id == me.c.id))
        .where(em.c.article_id == bindparam("article_id"))
    )


# ---- pages and charts from the aggregates kept at ingest ------------------------------------


def party_keys(party: Party) -> list[str]:
    """The aggregate keys of a party (``c:RUS``; ``e:Q7747`` for each entity id)."""
    if party.country:
        return [aggregates.country_key(party.country)]
    return [aggregates.entity_key(e) for e in party.entities]


DayRows = list[tuple[str, Any, bool, int, int]]


def _points(rows: Iterable[tuple[str, Any, bool, int, int]], by: str) -> list[dict[str, Any]]:
    """Chart points from (day, quad class, negated, events, mentions) counts
    (``queries.day_counts`` with ``classes=PLOVER_QUAD``): asserted events per period
    (``by``: day, week, month or year) and quad class, periods in order; an event dated
    less precisely than the period is left out."""
    points: dict[str, dict[str, Any]] = {}
    periods: dict[str, str | None] = {}  # a label's period, worked out once per label
    names = QUAD_NAMES  # a class's name, looked up once a row (quad_name checks None first)
    for day, quad, negated, events, mentions in rows:
        period = periods[day] if day in periods else periods.setdefault(day, period_of(day, by))
        if negated or period is None or quad is None or not events:
            continue
        point = points.get(period)
        if point is None:  # built once a period, not once a row
            point = points[period] = {
                "period": period,
                "quads": dict.fromkeys(QUAD_NAMES.values(), 0),
                "total": 0,
                "mentions": 0,
            }
        point["quads"][names[quad]] += events
        point["total"] += events
        point["mentions"] += mentions
    return [points[p] for p in sorted(points)]


def _charted(rows: Iterable[tuple[str, Any, bool, int, int]]) -> list[tuple[str, int]]:
    """(day, events) of the rows a chart counts (asserted, with a quad class), one pair
    per day or month label (its classes summed: the period chosen is the same, and a
    20-year timeline has 240 labels to weigh instead of 960 rows)."""
    totals: dict[str, int] = {}
    for day, quad, negated, events, _ in rows:
        if quad is not None and not negated:
            totals[day] = totals.get(day, 0) + events
    return list(totals.items())


def chart(counts: Callable[[bool], DayRows], by: str | None) -> tuple[list[dict[str, Any]], str]:
    """The chart points and their period: ``by`` when given, else the period the span
    of the dates calls for (``analyze.periods``). ``counts(days)`` reads the day counts
    by month (the small ``event_months`` table), or by day when ``days``; the days are
    read only when the months span less than a year or a day/week chart is asked for."""
    months = counts(False)
    if by is None:
        by = choose_period_counts(_charted(months))
        if by in ("day", "week"):
            days = counts(True)
            by = choose_period_counts(_charted(days))
            return _points(days, by), by
    if by in ("day", "week"):
        return _points(counts(True), by), by
    return _points(months, by), by


def _event_counts(events: list[dict[str, Any]]) -> DayRows:
    """Merged event rows as the day counts of ``chart``."""
    return [
        (
            r.get("date") or "",
            quad_class(r["type"]),
            bool(r["negated"]),
            1,
            int(r.get("n_mentions") or 0),
        )
        for r in events
    ]


def _series_of(events: list[dict[str, Any]], by: str | None) -> tuple[list[dict[str, Any]], str]:
    """``chart`` of a list of merged event rows."""
    rows = _event_counts(events)
    return chart(lambda _days: rows, by)


def _ordered(conn: Any, ids: list[int]) -> list[dict[str, Any]]:
    by_id = {int(r["id"]): r for r in q.merged_rows(conn, ids)}
    return [by_id[i] for i in ids if i in by_id]


def actor_series(
    store: Store, actor_id: str, by: str | None = None
) -> tuple[list[dict[str, Any]], str]:
    """The actor's asserted merged events per period by quad class (``event_days``),
    and the period (``by``, else chosen from their span)."""
    key = aggregates.entity_key(actor_id)

    def counts(days: bool) -> DayRows:
        with store.connect() as conn:
            return queries.day_counts(conn, key=key, classes=PLOVER_QUAD, days=days, asserted=True)

    return chart(counts, by)


def recent_events(store: Store, actor_id: str, n: int) -> list[dict[str, Any]]:
    """The actor's ``n`` newest merged events (an index range of ``merged_event_keys``)."""
    with store.connect() as conn:
        ids = queries.merged_page(conn, key=aggregates.entity_key(actor_id), limit=n)
        return _ordered(conn, ids)


def timeline_page(
    store: Store, f: EventFilters, limit: int, offset: int, by: str | None = None
) -> tuple[list[dict[str, Any]], int, list[dict[str, Any]], str]:
    """One page of the merged events matching the timeline filters (newest first), how
    many match, their series and its period (``by``, else chosen from their span); from
    the aggregates unless the filters need the merged events themselves (an article,
    or an actor and a country at once)."""
    if f.article_id or (f.actor and f.country):
        events = filtered_events(store, f)
        return events[offset : offset + limit], len(events), *_series_of(events, by)
    key = None
    if f.actor:
        key = aggregates.entity_key(f.actor)
    elif f.country:
        key = aggregates.country_key(f.country)

    def counts(days: bool) -> DayRows:
        with store.connect() as conn:
            return queries.day_counts(
                conn,
                key=key or aggregates.ALL,
                type=f.type,
                since=f.since,
                until=f.until,
                month=f.month,
                classes=PLOVER_QUAD,
                days=days,
                asserted=True,
            )

    with store.connect() as conn:
        ids = queries.merged_page(
            conn,
            key=key,
            type=f.type,
            since=f.since,
            until=f.until,
            month=f.month,
            limit=limit,
            offset=offset,
        )
        rows = _ordered(conn, ids)
    months = counts(False)
    points, by = chart(lambda days: counts(True) if days else months, by)
    return rows, sum(d[3] for d in months), points, by


def dyad_page(
    store: Store, a: Party, b: Party, period: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of the asserted merged events between two parties (oldest first) and
    how many there are, from ``merged_event_pairs`` and ``dyad_days``; with ``period``
    (a chart point: ``2017``, ``2017-02``, ``2017-W06``, ``2017-02-07``) only the
    events dated within it."""
    keys_a, keys_b = party_keys(a), party_keys(b)
    if len(keys_a) != 1 or len(keys_b) != 1:
        rows = dyad_rows(store, a, b, period)
        return rows[offset : offset + limit], len(rows)
    since, until = (period_range(period) if period else None) or (None, None)
    pair = (keys_a[0], keys_b[0])
    with store.connect() as conn:
        ids = queries.dyad_page(conn, pair, since=since, until=until, limit=limit, offset=offset)
        days = queries.day_counts(
            conn, key="", pair=pair, since=since, until=until, classes=PLOVER_QUAD
        )
        rows = _ordered(conn, ids)
    return rows, sum(d[3] for d in days if not d[2])


def dyad_chart(
    store: Store, a: Party, b: Party, by: str | None = None
) -> tuple[list[dict[str, Any]], int, str]:
    """Cooperation and conflict between two parties per period, how many asserted
    merged events relate them (``dyad_days``) and the period (``by``, else chosen from
    their span)."""
    keys_a, keys_b = party_keys(a), party_keys(b)
    if len(keys_a) != 1 or len(keys_b) != 1:
        rows = dyad_rows(store, a, b)
        points, by = _series_of(rows, by)
        return cooperation_points(points), len(rows), by
    pair = (keys_a[0], keys_b[0])

    def counts(days: bool) -> DayRows:
        with store.connect() as conn:
            return queries.day_counts(
                conn, key="", pair=pair, classes=PLOVER_QUAD, days=days, asserted=True
            )

    months = counts(False)
    points, by = chart(lambda days: counts(True) if days else months, by)
    return cooperation_points(points), sum(d[3] for d in months if not d[2]), by
