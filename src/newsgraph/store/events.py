"""Store queries for merged events: what is not merged yet, merge candidates, writing
merged events and their mentions, refreshing their counts, and reading them back.

Plain SQLAlchemy Core over ``schema``; the merge decisions live in
``newsgraph.analyze.merge``. Functions take a ``Connection`` and run inside the
caller's transaction; the ``iter_*`` readers take an ``Engine`` and page by id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from newsgraph.store import aggregates, schema
from newsgraph.store.raw import fetch, marks
from newsgraph.store.rows import dicts

IN_CHUNK = 500
PAGE = 1000
# how much of an article's text to read to find where its first paragraph ends
LEAD_CHARS = 4000

e, m, a = schema.events, schema.event_mentions, schema.articles
me, ma, src = schema.merged_events, schema.merged_event_actors, schema.sources


def chunks(values: Iterable[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    """``values`` sorted and cut into lists of at most ``size``."""
    items = sorted(set(values))
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ---- merging --------------------------------------------------------------------------------


def unmerged_events(conn: Connection, article_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Stored events of these articles that no ``event_mentions`` row points at yet, with
    their article's publication date."""
    rows: list[dict[str, Any]] = []
    for chunk in chunks(article_ids):
        stmt = (
            select(e, a.c.published_date)
            .select_from(
                e.join(a, e.c.article_id == a.c.id).outerjoin(
                    m, and_(m.c.article_id == e.c.article_id, m.c.event_seq == e.c.seq)
                )
            )
            .where(e.c.article_id.in_(chunk), m.c.merged_event_id.is_(None))
        )
        rows.extend(dicts(conn.execute(stmt)))
    return rows


def articles_with_unmerged_events(conn: Connection) -> list[str]:
    """Ids of articles having an event no ``event_mentions`` row points at (cheap when
    every event is merged: the counts are compared first)."""
    n_events = conn.execute(select(func.count()).select_from(e)).scalar_one()
    n_mentions = conn.execute(select(func.count()).select_from(m)).scalar_one()
    if n_events == n_mentions:
        return []
    stmt = (
        select(e.c.article_id)
        .select_from(
            e.outerjoin(m, and_(m.c.article_id == e.c.article_id, m.c.event_seq == e.c.seq))
        )
        .where(m.c.merged_event_id.is_(None))
        .distinct()
    )
    return [r[0] for r in conn.execute(stmt)]


def lead_ends(conn: Connection, article_ids: Iterable[str]) -> dict[str, int]:
    """Where each article's first paragraph ends (a character offset into its text)."""
    ends: dict[str, int] = {}
    for chunk in chunks(article_ids):
        stmt = select(a.c.id, func.substr(a.c.text, 1, LEAD_CHARS)).where(a.c.id.in_(chunk))
        for article_id, head in conn.execute(stmt):
            ends[article_id] = first_paragraph_end(head or "")
    return ends


def first_paragraph_end(text: str) -> int:
    """The offset of the line break closing the first non-blank line of ``text``."""
    body = len(text) - len(text.lstrip())
    cut = text.find("\n", body)
    return len(text) if cut < 0 else cut


def candidate_rows(
    conn: Connection,
    keys: Iterable[tuple[str, str, str]],
    *,
    days: Iterable[str],
    scopes: Iterable[str],
) -> list[dict[str, Any]]:
    """Merged events a batch's reports could join: shared ones (scope "") with one of the
    (type, source_key, target_key) ``keys`` dated one of ``days``, and those scoped to one
    of the batch's articles (``scopes``). May return more (the key parts are matched one
    by one); the caller compares whole keys."""
    cols = [
        me.c.id,
        me.c.type,
        me.c.source_key,
        me.c.target_key,
        me.c.negated,
        me.c.scope,
        me.c.date,
    ]
    keys = set(keys)
    rows: list[dict[str, Any]] = []
    # SQLite: the shared candidates through ``ix_merged_events_date`` (the batch's days).
    # Its planner took ``ix_merged_events_scope`` for ``scope = ''`` (ANALYZE averages
    # over the scopes, mostly one article's each: 14 rows a value, where '' holds most
    # merged events), a walk of every shared merged event: 15.5 ms a batch of 50 at
    # 102,600 articles, 3.0 through the days. The key parts and the scope as
    # expressions (``x || ''``, the same values) leave it the date index. PostgreSQL
    # plans this from its own statistics (a BitmapAnd of the date and key indexes).
    bare = (lambda c: c.concat("")) if conn.dialect.name == "sqlite" else (lambda c: c)
    for part in chunks(keys, IN_CHUNK // 3):
        types, sources, targets = ({k[i] for k in part} for i in range(3))
        for chunk in chunks(days):
            stmt = select(*cols).where(
                bare(me.c.type).in_(types),
                bare(me.c.source_key).in_(sources),
                bare(me.c.target_key).in_(targets),
                bare(me.c.scope) == "",
                me.c.date.in_(chunk),
            )
            rows.extend(dicts(conn.execute(stmt)))
    for chunk in chunks(scopes):
        stmt = select(*cols).where(me.c.scope.in_(chunk))
        rows.extend(dicts(conn.execute(stmt)))
    return rows


def insert_merged(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Add merged events (and their actors, from ``source``/``target``) in one statement
    each; returns their ids in the order of ``rows``."""
    if not rows:
        return []
    now = datetime.now(UTC)
    stmt = insert(me).returning(me.c.id, sort_by_parameter_order=True)
    ids = [int(r[0]) for r in conn.execute(stmt, [dict(r) | {"created": now} for r in rows])]
    actors = [
        {
            "merged_event_id": merged_id,
            "role": role,
            "seq": seq,
            "entity": actor.get("entity"),
            "country": actor.get("country"),
            "name": actor.get("name"),
        }
        for merged_id, row in zip(ids, rows, strict=True)
        for role in ("source", "target")
        for seq, actor in enumerate(row[role] or [])
    ]
    if actors:
        conn.execute(insert(ma), actors)
    aggregates.merged_added(conn, [dict(r) | {"id": i} for i, r in zip(ids, rows, strict=True)])
    aggregates.bump_tables(conn, {"merged_events": len(ids), "merged_event_actors": len(actors)})
    return ids


def insert_mentions(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Add ``event_mentions`` rows (article_id, event_seq, merged_event_id, in_lead)."""
    if rows:
        conn.execute(insert(m), [dict(r) for r in rows])
        aggregates.bump_tables(conn, {"event_mentions": len(rows)})


_AGGREGATES = (
    "n_mentions",
    "n_articles",
    "n_sources",
    "first_seen",
    "last_seen",
    "intensity",
    "place",
)


def refresh_merged(conn: Connection, merged_ids: Iterable[int]) -> None:
    """Recompute counts, first/last seen, mean intensity and place of merged events
    from their mentions (one read and one ``executemany`` update per chunk)."""
    stmt = (
        update(me)
        .where(me.c.id == bindparam("merged_id"))
        .values({name: bindparam(f"new_{name}") for name in _AGGREGATES})
    )
    for chunk in chunks(merged_ids):
        query = (
            select(
                m.c.merged_event_id,
                m.c.article_id,
                a.c.outlet_id,
                a.c.published_date,
                e.c.intensity,
                e.c.place,
            )
            .select_from(
                m.join(a, m.c.article_id == a.c.id).join(
                    e, and_(e.c.article_id == m.c.article_id, e.c.seq == m.c.event_seq)
                )
            )
            .where(m.c.merged_event_id.in_(chunk))
            .order_by(m.c.merged_event_id, a.c.published_date, m.c.article_id, m.c.event_seq)
        )
        groups: dict[int, list[Any]] = defaultdict(list)
        for row in conn.execute(query):
            groups[int(row[0])].append(row)
        before = {
            int(r["id"]): dict(r)
            for r in conn.execute(select(*_KEY_COLUMNS).where(me.c.id.in_(chunk))).mappings()
        }
        params, changes = [], []
        for merged_id, rows in groups.items():
            values = _aggregate(rows)
            params.append({"merged_id": merged_id} | {f"new_{k}": v for k, v in values.items()})
            old = before.get(merged_id)
            if old is not None:
                changes.append((old, values["n_mentions"] - int(old["n_mentions"] or 0)))
        if params:
            conn.execute(stmt, params)
        aggregates.mentions_changed(conn, changes)


# what the day counts of ``aggregates`` need to know of a merged event
_KEY_COLUMNS = (
    me.c.id,
    me.c.type,
    me.c.date,
    me.c.negated,
    me.c.source,
    me.c.target,
    me.c.n_mentions,
)


def _aggregate(rows: Sequence[Any]) -> dict[str, Any]:
    """Counts and summaries of one merged event's mention rows."""
    articles = {r.article_id for r in rows}
    sources = {
        ("outlet", r.outlet_id) if r.outlet_id is not None else ("article", r.article_id)
        for r in rows
    }
    seen = sorted(r.published_date for r in rows if r.published_date)
    scores = [float(r.intensity) for r in rows if r.intensity is not None]
    places = [r.place for r in rows if r.place]
    return {
        "n_mentions": len(rows),
        "n_articles": len(articles),
        "n_sources": len(sources),
        "first_seen": seen[0] if seen else None,
        "last_seen": seen[-1] if seen else None,
        "intensity": round(sum(scores) / len(scores), 3) if scores else None,
        "place": places[0] if places else None,
    }


def clear_merged(conn: Connection) -> None:
    """Delete every merged event, actor row and mention (before a rebuild)."""
    for table in (m, ma, me):
        conn.execute(delete(table))
    aggregates.merged_cleared(conn)


def article_ids_page(conn: Connection, after: str | None, size: int = PAGE) -> list[str]:
    """The next ``size`` article ids after ``after``, in id order."""
    stmt = select(a.c.id).order_by(a.c.id).limit(size)
    if after is not None:
        stmt = stmt.where(a.c.id > after)
    return [r[0] for r in conn.execute(stmt)]


# ---- reading --------------------------------------------------------------------------------


def merged_ids_with_actor(
    conn: Connection, *, entities: Sequence[str] = (), country: str | None = None
) -> set[int]:
    """Ids of merged events one of whose actors is one of ``entities`` or from ``country``."""
    who: list[ColumnElement[bool]] = []
    if entities:
        who.append(ma.c.entity.in_(list(entities)))
    if country:
        who.append(ma.c.country == country)
    if not who:
        return set()
    stmt = select(ma.c.merged_event_id).where(or_(*who)).distinct()
    return {int(r[0]) for r in conn.execute(stmt)}


def merged_rows(conn: Connection, merged_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Merged event rows by id, in id order."""
    rows: list[dict[str, Any]] = []
    for chunk in chunks(merged_ids):
        stmt = select(me).where(me.c.id.in_(chunk)).order_by(me.c.id)
        rows.extend(dicts(conn.execute(stmt)))
    return rows


def mention_sources(conn: Connection, merged_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """Each merged event's mentions with their article (title, url, outlet, published)
    and evidence (trigger, sentence offsets), in publication order."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in chunks(merged_ids):
        for values in fetch(conn, MENTIONS.format(marks(len(chunk))), chunk):
            row = dict(zip(MENTION_KEYS, values, strict=True))
            row["in_lead"] = bool(row["in_lead"])
            found[int(row["merged_event_id"])].append(row)
    return dict(found)


# mentions joined to their event and article, with the sentence text cut out: plain SQL
# (``store.raw``), run for every page of merged events
MENTION_KEYS = (
    "merged_event_id",
    "article_id",
    "event_seq",
    "in_lead",
    "trigger_text",
    "sentence_start",
    "sentence_end",
    "sentence",
    "event_date",
    "modality",
    "title",
    "url",
    "source",
    "published_date",
    "outlet",
)
MENTIONS = (
    "SELECT m.merged_event_id, m.article_id, m.event_seq, m.in_lead, e.trigger_text, "
    "e.sentence_start, e.sentence_end, "
    "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), e.date, "
    "e.modality, a.title, a.url, a.source, a.published_date, s.name "
    "FROM event_mentions AS m "
    "JOIN events AS e ON e.article_id = m.article_id AND e.seq = m.event_seq "
    "JOIN articles AS a ON m.article_id = a.id "
    "LEFT OUTER JOIN sources AS s ON a.outlet_id = s.id "
    "WHERE m.merged_event_id IN ({}) "
    "ORDER BY m.merged_event_id, a.published_date, m.article_id, m.event_seq"
)


def iter_pages(
    engine: Engine, stmt: Select[Any], keys: Sequence[str]
) -> Iterator[list[dict[str, Any]]]:
    """Pages of ``stmt``'s rows in order of the (unique, selected) columns ``keys``, at most
    ``PAGE`` rows each, each fetched in its own short connection (keyset pagination)."""
    cols = [stmt.selected_columns[k] for k in keys]
    base = stmt.order_by(*cols)
    last: tuple[Any, ...] | None = None
    while True:
        page_stmt = base if last is None else base.where(_after(cols, last))
        with engine.connect() as conn:
            page = [dict(r) for r in conn.execute(page_stmt.limit(PAGE)).mappings()]
        if page:
            yield page
        if len(page) < PAGE:
            return
        last = tuple(page[-1][k] for k in keys)


def first_reports(conn: Connection, merged_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Per merged event: the URL (or source) of its earliest report and whether any
    report has it in the article's first paragraph."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in chunks(merged_ids):
        stmt = (
            select(m.c.merged_event_id, m.c.in_lead, a.c.url, a.c.source)
            .select_from(m.join(a, m.c.article_id == a.c.id))
            .where(m.c.merged_event_id.in_(chunk))
            .order_by(m.c.merged_event_id, a.c.published_date, m.c.article_id, m.c.event_seq)
        )
        for merged_id, in_lead, url, source in conn.execute(stmt):
            entry = found.setdefault(int(merged_id), {"url": url or source, "in_lead": False})
            entry["in_lead"] = entry["in_lead"] or bool(in_lead)
    return found


def _after(cols: Sequence[Any], last: Sequence[Any]) -> Any:
    """``(cols) > (last)`` spelled with AND/OR, which every dialect takes."""
    terms = []
    for i, col in enumerate(cols):
        equal = [cols[j] == last[j] for j in range(i)]
        terms.append(and_(*equal, col > last[i]))
    return or_(*terms)


def find_merged(
    conn: Connection,
    *,
    entities: Sequence[str] = (),
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Merged events, newest first, with an actor among ``entities`` or from ``country``
    (when given), of a PLOVER ``type``, dated within ``since``/``until`` (inclusive days)."""
    stmt = select(me)
    who: list[ColumnElement[bool]] = []
    if entities:
        who.append(ma.c.entity.in_(list(entities)))
    if country:
        who.append(ma.c.country == country)
    if who:
        stmt = stmt.where(me.c.id.in_(select(ma.c.merged_event_id).where(or_(*who))))
    if type:
        stmt = stmt.where(me.c.type == type.upper())
    if since:
        stmt = stmt.where(me.c.date >= since)
    if until:
        stmt = stmt.where(func.substr(me.c.date, 1, len(until)) <= until)
    stmt = stmt.order_by(me.c.date.desc().nulls_last(), me.c.id.desc()).limit(limit)
    return dicts(conn.execute(stmt))
