"""Reading the store back: article rows, whole articles, table frames, counts.

Plain Core ``select`` statements; nothing here writes. Article listings page by id
(keyset pagination), so a long iteration never holds one read transaction open.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import pandas as pd
from sqlalchemy import Column, Connection, Engine, Select, Table, bindparam, desc, func, select

from newsgraph.errors import Code, UsageError
from newsgraph.store import claims, schema
from newsgraph.store.raw import fetch
from newsgraph.store.rows import article_dict, dicts

PAGE = 1000
a = schema.articles

# the columns an article listing shows (the text, but not the MinHash blob)
ARTICLE_COLUMNS = [
    a.c.id,
    a.c.title,
    a.c.url,
    a.c.source,
    schema.sources.c.name.label("outlet"),
    a.c.language,
    a.c.published_date,
    a.c.published_origin,
    a.c.published_confidence,
    a.c.published_evidence,
    a.c.published_granularity,
    a.c.content_hash,
    a.c.text,
    a.c.run_id,
    a.c.created,
]
FILTERS = ("language", "outlet", "run_id", "since", "until", "source")


def article_select() -> Select[Any]:
    """Articles joined to their outlet's name."""
    return select(*ARTICLE_COLUMNS).select_from(
        a.outerjoin(schema.sources, a.c.outlet_id == schema.sources.c.id)
    )


def filtered(stmt: Select[Any], filters: Mapping[str, Any]) -> Select[Any]:
    """``stmt`` narrowed by ``filters`` (see ``FILTERS``; ``since``/``until`` are inclusive
    bounds on ``published_date`` as ISO strings). Unknown names raise ``UsageError``."""
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise UsageError(Code.BAD_OPTION, f"unknown article filter {unknown}; use {FILTERS}")
    conditions = {
        "language": lambda v: a.c.language == v,
        "outlet": lambda v: schema.sources.c.name == v,
        "run_id": lambda v: a.c.run_id == v,
        "since": lambda v: a.c.published_date >= v,
        "until": lambda v: a.c.published_date <= v,
        "source": lambda v: a.c.source == v,
    }
    for name, value in filters.items():
        if value is not None:
            stmt = stmt.where(conditions[name](value))
    return stmt


def iter_articles(
    engine: Engine, limit: int | None = None, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Article rows as dicts, ordered by id, at most ``limit`` of them."""
    yield from paged(engine, filtered(article_select(), filters), a.c.id, limit)


def iter_signatures(engine: Engine) -> Iterator[tuple[str, str, bytes | None]]:
    """(article id, content hash, MinHash bytes or None) for every stored article."""
    stmt = select(a.c.id, a.c.content_hash, a.c.minhash)
    for row in paged(engine, stmt, a.c.id):
        yield row["id"], row["content_hash"], row["minhash"]


def paged(
    engine: Engine, stmt: Select[Any], key: Column[Any], limit: int | None = None
) -> Iterator[dict[str, Any]]:
    """Rows of ``stmt`` ordered by the unique ``key`` (which it must select), fetched
    ``PAGE`` at a time, each page in its own short connection."""
    base = stmt.order_by(key)
    last: Any = None
    left = limit
    while left is None or left > 0:
        size = PAGE if left is None else min(PAGE, left)
        page_stmt = base if last is None else base.where(key > last)
        with engine.connect() as conn:
            page = [dict(r) for r in conn.execute(page_stmt.limit(size)).mappings()]
        yield from page
        if len(page) < size:
            return
        last = page[-1][key.name]
        left = None if left is None else left - len(page)


CHILD_TABLES = (schema.entities, schema.mentions, schema.quotes, schema.times, schema.events)


def read_article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The article in ``Article.to_dict()`` shape, or None when it is not stored."""
    found = dicts(conn.execute(_article_stmt(), {"article_id": article_id}))
    if not found:
        return None
    row = found[0]
    children = {t.name: _children(conn, t, article_id) for t in CHILD_TABLES}
    data = article_dict(row, outlet=row["outlet"], **children)
    return claims.attach(conn, article_id, data)


# Statements read per article are built once, with the id as a parameter: building
# ``select(table)`` costs more than running it on an indexed id (0.13 of 0.27 ms for an
# article's entities), and a statement kept keeps its compiled-cache key.
@cache
def _article_stmt() -> Select[Any]:
    return (
        select(a, schema.sources.c.name.label("outlet"))
        .select_from(a.outerjoin(schema.sources, a.c.outlet_id == schema.sources.c.id))
        .where(a.c.id == bindparam("article_id"))
    )


@cache
def _children_stmt(table: Table) -> Select[Any]:
    order = [table.c.entity_seq, table.c.seq] if "entity_seq" in table.c else [table.c.seq]
    return select(table).where(table.c.article_id == bindparam("article_id")).order_by(*order)


def _children(conn: Connection, table: Table, article_id: str) -> list[dict[str, Any]]:
    """The rows of a child table for one article, in the order they were extracted."""
    return dicts(conn.execute(_children_stmt(table), {"article_id": article_id}))


def article_sources(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    """Every input that carried the article: its first source and its duplicates."""
    return dicts(conn.execute(_sources_stmt(), {"article_id": article_id}))


@cache
def _sources_stmt() -> Select[Any]:
    t = schema.article_sources
    return select(t).where(t.c.article_id == bindparam("article_id")).order_by(t.c.id)


def frame(conn: Connection, table: Table, order: list[str] | None = None) -> pd.DataFrame:
    """A whole table as a DataFrame (JSON columns decoded), with its columns even when empty."""
    stmt = select(table)
    if order:
        stmt = stmt.order_by(*(table.c[name] for name in order))
    rows = conn.execute(stmt).mappings().all()
    return pd.DataFrame([dict(r) for r in rows], columns=[c.name for c in table.c])


def articles_frame(engine: Engine, limit: int | None = None, **filters: Any) -> pd.DataFrame:
    """``iter_articles`` as a DataFrame."""
    names = [c.name for c in ARTICLE_COLUMNS]
    return pd.DataFrame(list(iter_articles(engine, limit, **filters)), columns=names)


# one index range per kind: with ``kind IN (...)`` SQLite's planner, told by ``ANALYZE``
# that a kind holds a fifth of the rows (most are days), scanned the whole table instead
# (6,584 rows at 102,600 articles: 0.44 ms against 0.02)
STATS_KINDS = ("table", "language", "outlet", "repairs")
STATS_COUNTS = " UNION ALL ".join(
    ['SELECT kind, "key", n FROM counts WHERE kind = ?'] * len(STATS_KINDS)
)


def stats(conn: Connection, recent_runs: int = 20) -> dict[str, Any]:
    """Counts per table, articles per language and per outlet, and the latest runs:
    from ``counts`` (kept at ingest) for the big tables, counted for the small ones."""
    kept: dict[str, dict[Any, int]] = {kind: {} for kind in STATS_KINDS}
    for kind, key, n in fetch(conn, STATS_COUNTS, STATS_KINDS):
        if int(n):
            kept[kind][key or None] = int(n)
    tables = {
        t.name: kept["table"].get(t.name, 0) if t.name in schema.COUNTED_TABLES else _count(conn, t)
        for t in _listed_tables()
    }
    r = schema.runs
    runs = [
        dict(x)
        for x in conn.execute(select(r).order_by(desc(r.c.id)).limit(recent_runs)).mappings()
    ]
    return {
        "tables": tables,
        "languages": kept["language"],
        "outlets": kept["outlet"],
        # mojibake repaired at ingest: how many articles, how many words; "uncounted":
        # articles stored before repairs were counted
        "repairs": {k: kept["repairs"].get(k, 0) for k in ("articles", "words", "uncounted")},
        "runs": runs,
    }


@cache
def _listed_tables() -> tuple[Table, ...]:
    """The tables ``stats`` lists, in dependency order (``sorted_tables`` sorts them
    again at every call: a third of the stats answer's own time)."""
    return tuple(t for t in schema.metadata.sorted_tables if t not in schema.AGGREGATE_TABLES)


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())
