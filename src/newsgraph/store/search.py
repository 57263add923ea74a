"""Full-text search over articles behind one interface, with a backend per database.

    backend = search_backend(store.engine)
    page = backend.search("Putin AND Macron", SearchFilters(language="en"), limit=20, offset=0)
    page.rows, page.total

SQLite uses the FTS5 table that migration step 2 keeps in sync with triggers; a query
is FTS5 syntax (``word``, ``"a phrase"``, ``pref*``, ``AND``/``OR``/``NOT``,
``title:word``). PostgreSQL matches ``websearch_to_tsquery`` against the GIN-indexed
``search_doc`` column. A query the engine cannot parse raises ``QuerySyntaxError``
(a ``UsageError``, NG301) saying what to fix ("unbalanced quote: ..."), which callers
show as a 400, never as a crash.

A search costs what a page costs, whatever the number of matches: at most
``COUNT_CAP + 1`` matches are read from the index, the first ``RANK_WINDOW`` of them
(SQLite: the most recently stored) are ranked, and a count over the cap is an estimate
(``SearchPage.exact`` False; ``total_text`` says "about 28,000"). On PostgreSQL a query
the planner expects to match many articles reads only its newest days' matches
(``PostgresSearch._newest``): the window is then the newest matches, counted by the
planner's estimate. Without a query, articles come newest first from an index, and
counts come from ``counts``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any, Protocol

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    Text,
    and_,
    case,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.sql.util import ClauseAdapter

from newsgraph.errors import Code, UsageError
from newsgraph.store import aggregates, schema
from newsgraph.store.engine import connect, in_read_scope
from newsgraph.store.queries import next_prefix
from newsgraph.store.raw import fetch, marks, rows_as_dicts
from newsgraph.store.rows import dicts

a, ent, outlets = schema.articles, schema.entities, schema.sources
OPEN, CLOSE = "\ue000", "\ue001"  # snippet match markers: private-use characters
SNIPPET_CHARS = 240
MAX_QUERY_CHARS = 500
# entity types that make an "actor" facet (places and nationalities are left out)
ACTOR_TYPES = ("PERSON", "ORG", "GPE")
# messages of SQLite errors that mean "the query was malformed", not "the database broke"
_SQLITE_QUERY_ERRORS = ("fts5", "syntax error", "no such column", "unterminated", "unknown special")


class QuerySyntaxError(UsageError):
    """A full-text query the engine could not parse (shown to users as a 400)."""


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing conditions; ``since``/``until`` are inclusive ISO prefixes of the
    publication date, ``actor`` an entity id or an entity's exact name."""

    source: str | None = None
    outlet: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    year: str | None = None
    actor: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {f.name: v for f in fields(self) if (v := getattr(self, f.name)) is not None}


@dataclass(frozen=True)
class SearchPage:
    """One page of results (article summaries with a ``snippet``) and the count of all
    matches: exact when ``exact``, else an estimate (see ``estimate_text``)."""

    rows: list[dict[str, Any]]
    total: int
    exact: bool = True

    @property
    def total_text(self) -> str:
        return estimate_text(self.total, self.exact)


@dataclass(frozen=True)
class Window:
    """The first matches of a query a backend read (``_SqlSearch._window``): their keys,
    the count of all matches (exact, or an estimate when ``exact`` is False), and whether
    the keys are the newest matches, newest first (PostgreSQL, for a query with many
    matches: ``PostgresSearch._newest``) rather than the index's own order."""

    keys: list[Any]
    total: int
    exact: bool
    newest: bool = False


class SearchBackend(Protocol):
    """What a full-text search engine must do for the API and the pages."""

    def search(
        self, q: str | None, filters: SearchFilters, limit: int, offset: int
    ) -> SearchPage: ...

    def facets(
        self, q: str | None, filters: SearchFilters, size: int = 10
    ) -> dict[str, list[dict[str, Any]]]: ...

    def search_with_facets(
        self, q: str | None, filters: SearchFilters, limit: int, offset: int, size: int = 10
    ) -> tuple[SearchPage, dict[str, list[dict[str, Any]]]]: ...


def search_backend(engine: Engine) -> SearchBackend:
    """The backend for ``engine``'s dialect."""
    if engine.dialect.name == "postgresql":
        return PostgresSearch(engine)
    return SqliteSearch(engine)


# ---- the shared part: filters, counting, facets -------------------------------------------

COUNT_CAP = 1000  # counts are exact up to here and estimated beyond
RANK_WINDOW = 250  # a query ranks at most this many matches (the newest, on SQLite)
FACET_WINDOW = 100  # facets count at most this many (the first matches, or the newest)
COLUMNS = [
    a.c.id,
    a.c.title,
    a.c.url,
    a.c.source,
    outlets.c.name.label("outlet"),
    a.c.language,
    a.c.published_date,
]
NEWEST = (a.c.published_date.desc().nulls_last(), a.c.id)


class _SqlSearch:
    """Browsing (no query), counting and facets; each dialect supplies the matching.

    A query's matches are found in the full-text index in its own order (SQLite: the
    most recently stored first; PostgreSQL: the heap's order) and never more than
    ``COUNT_CAP + 1`` of them are read: the first ``RANK_WINDOW`` are ranked and paged,
    pages past them continue in index order, and a count over the cap is an estimate
    (``SearchPage.exact`` is False). Filters narrow through indexes."""

    rank_window = RANK_WINDOW

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # ---- what each dialect supplies

    def _window(self, conn: Connection, q: str, where: Any, need: int) -> Window:
        """The first ``COUNT_CAP + 1`` matches' keys in index order, the count (exact up
        to the cap, else an estimate) and whether it is exact; at least ``need`` keys
        when there are as many matches (the ranked window, or the facets')."""
        raise NotImplementedError

    def _ranked(
        self, conn: Connection, q: str, where: Any, keys: list[Any], limit: int, offset: int
    ) -> list[dict[str, Any]]:
        """Rows of the matches ``keys`` (the first ``rank_window`` of a window), best first."""
        raise NotImplementedError

    def _beyond(
        self, conn: Connection, q: str, where: Any, found: Window, limit: int, offset: int
    ) -> list[dict[str, Any]]:
        """Rows of the matches after the ranked part of the window ``found`` (its first
        ``rank_window`` keys), in the window's order; ``offset`` counts from there."""
        raise NotImplementedError

    def _ids_of(self, conn: Connection, keys: list[Any]) -> list[str]:
        """Article ids of window keys."""
        raise NotImplementedError

    def _snippets(self, conn: Connection, q: str, rows: list[dict[str, Any]]) -> dict[str, str]:
        """The snippets of the page's articles (``rows``) matching ``q``, by id."""
        raise NotImplementedError

    def _is_query_error(self, exc: DBAPIError) -> bool:
        raise NotImplementedError

    # ---- the interface

    def search(self, q: str | None, filters: SearchFilters, limit: int, offset: int) -> SearchPage:
        """Matching articles, best first (newest first without ``q``), and their count."""
        query = _clean_query(q)
        with self._connection() as conn:
            if query is None:
                where = _conditions(conn, filters)
                newest = self._browse(conn, where, limit, offset)
                total, exact = _browse_count(conn, filters, where)
                return SearchPage([_with_snippet(r) for r in newest], total, exact)
            return self._query_page(conn, query, filters, limit, offset, self.rank_window)[0]

    def search_with_facets(
        self, q: str | None, filters: SearchFilters, limit: int, offset: int, size: int = 10
    ) -> tuple[SearchPage, dict[str, list[dict[str, Any]]]]:
        """``search`` and ``facets`` in one transaction: a query's matches are looked up
        once for both (the search page shows both)."""
        query = _clean_query(q)
        if query is None:
            return self.search(q, filters, limit, offset), self.facets(q, filters, size)
        with self._connection() as conn:
            found, window = self._query_page(conn, query, filters, limit, offset, FACET_WINDOW)
            return found, _facets_of(conn, self._ids_of(conn, window.keys[:FACET_WINDOW]), size)

    def _query_page(
        self,
        conn: Connection,
        query: str,
        filters: SearchFilters,
        limit: int,
        offset: int,
        need: int,
    ) -> tuple[SearchPage, Window]:
        """A page of a query's matches and the window it came from (``_window``, with at
        least ``need`` keys)."""
        asked = query = self._prepared(query)
        query, where = self._narrowed(conn, query, filters)
        found: Window = self._guarded(lambda: self._window(conn, query, where, need))
        window = found.keys[: self.rank_window]
        rows: list[dict[str, Any]] = []
        if offset < len(window):
            rows = self._ranked(conn, query, where, window, limit, offset)
        if len(found.keys) > self.rank_window and len(rows) < limit:
            more = self._beyond(
                conn, query, where, found, limit - len(rows), max(0, offset - len(window))
            )
            rows += more
        if rows:  # the words asked for: the filters' tag terms mark nothing in the text
            snippets = self._snippets(conn, asked, rows)
            for row in rows:
                row["snippet"] = snippets.get(row["id"], "")
        return SearchPage([_with_snippet(r) for r in rows], found.total, found.exact), found

    def facets(
        self, q: str | None, filters: SearchFilters, size: int = 10
    ) -> dict[str, list[dict[str, Any]]]:
        """Counts of the matching articles by outlet, language, year and actor: all of
        them without a query or filter (from the aggregates), else among the first
        ``FACET_WINDOW`` matches (the newest stored, on SQLite)."""
        query = _clean_query(q)
        with self._connection() as conn:
            if query is None and not filters.as_dict():
                return _facets_from_aggregates(conn, size)
            if query is None:
                where = _conditions(conn, filters)
                stmt = select(a.c.id).select_from(_joined()).where(*where)
                ids = [r[0] for r in conn.execute(stmt.order_by(*NEWEST).limit(FACET_WINDOW))]
            else:
                query = self._prepared(query)
                query, where = self._narrowed(conn, query, filters)
                found: Window = self._guarded(
                    lambda: self._window(conn, query, where, FACET_WINDOW)
                )
                ids = self._ids_of(conn, found.keys[:FACET_WINDOW])
            return _facets_of(conn, ids, size)

    # ---- helpers

    def _prepared(self, q: str) -> str:
        return q

    def _narrowed(self, conn: Connection, q: str, filters: SearchFilters) -> tuple[str, Any]:
        """The query and SQL conditions to match with (a dialect may fold filters into
        the query, or keep more than a list of conditions)."""
        return q, _conditions(conn, filters)

    def _browse(
        self, conn: Connection, where: list[Any], limit: int, offset: int
    ) -> list[dict[str, Any]]:
        snippet = func.substr(a.c.text, 1, SNIPPET_CHARS).label("snippet")
        stmt = select(*COLUMNS, snippet).select_from(_joined()).where(*where)
        stmt = stmt.order_by(*NEWEST).limit(limit).offset(offset)
        return dicts(conn.execute(stmt))

    def _connection(self) -> Any:
        return connect(self.engine)

    def _run(self, conn: Connection, stmt: Any) -> list[dict[str, Any]]:
        return [dict(r) for r in self._guarded(lambda: conn.execute(stmt).mappings().all())]

    def _guarded(self, call: Any) -> Any:
        """Run ``call``; a malformed query becomes ``QuerySyntaxError``."""
        try:
            return call()
        except DBAPIError as exc:
            if self._is_query_error(exc):
                reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
                raise QuerySyntaxError(Code.BAD_OPTION, explain_query_error(reason)) from exc
            raise


def _joined() -> Any:
    return a.outerjoin(outlets, a.c.outlet_id == outlets.c.id)


def _clean_query(q: str | None) -> str | None:
    """The query stripped; None when blank. Refuses NUL characters and huge queries."""
    if q is None or not q.strip():
        return None
    if "\x00" in q:
        raise QuerySyntaxError(Code.BAD_OPTION, "search query: NUL character")
    if len(q) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            Code.BAD_OPTION,
            f"search query: over {MAX_QUERY_CHARS} characters; shorten it",
        )
    return q.strip()


def _conditions(conn: Connection, filters: SearchFilters) -> list[Any]:
    """The filters as conditions an index can answer (outlet and actor names are
    looked up first, in their own small tables)."""
    day = a.c.published_date
    found: list[Any] = []
    for name, v in filters.as_dict().items():
        if name == "source":
            found.append(a.c.source == v)
        elif name == "outlet":
            found.append(a.c.outlet_id == _outlet_id(conn, v))
        elif name == "language":
            found.append(a.c.language == v)
        elif name == "since":
            found.append(day >= v)
        elif name == "until":
            found.append(day < next_prefix(v))
        elif name == "year":
            found += [day >= v, day < next_prefix(v)]
        elif name == "actor":
            ids = actor_ids(conn, v)
            found.append(a.c.id.in_(select(ent.c.article_id).where(ent.c.entity_id.in_(ids))))
    return found


def _outlet_id(conn: Connection, name: str) -> int:
    found = fetch(conn, "SELECT id FROM sources WHERE name = ?", (name,))
    return int(found[0][0]) if found else -1


def actor_ids(conn: Connection, actor: str) -> list[str]:
    """The entity ids ``actor`` names: itself, and every entity seen under that exact
    name in any case (``entity_names``)."""
    sql = "SELECT entity_id FROM entity_names WHERE name_lower = ?"
    return sorted({actor, *(r[0] for r in fetch(conn, sql, (actor.lower()[:200],)))})


def entity_ids_named_like(conn: Connection, fragment: str, limit: int) -> list[str]:
    """Up to ``limit`` entity ids seen under a name containing ``fragment`` (any case):
    through SQLite's trigram index ``entity_names_grams`` (a fragment of three characters
    or more is an index lookup; a shorter one reads the index whole), or PostgreSQL's
    ``pg_trgm`` index on ``entity_names`` where migration ``_name_grams`` could make it."""
    pattern = f"%{fragment.strip().lower()}%"
    names = schema.entity_names
    source: Any = names
    if conn.dialect.name == "sqlite":
        source = table("entity_names_grams", column("name_lower"), column("entity_id"))
    stmt = select(source.c.entity_id).where(source.c.name_lower.like(pattern)).distinct()
    return [str(r[0]) for r in conn.execute(stmt.limit(limit))]


def _browse_count(conn: Connection, filters: SearchFilters, where: list[Any]) -> tuple[int, bool]:
    """How many articles pass the filters: from ``counts`` when a single count answers,
    else counted up to the cap and estimated beyond."""
    given = filters.as_dict()
    if not given:
        return _stored_count(conn, "table", "articles"), True
    if set(given) == {"language"}:
        return _stored_count(conn, "language", given["language"]), True
    if set(given) == {"outlet"}:
        return _stored_count(conn, "outlet", given["outlet"][:200]), True
    capped = select(a.c.id).select_from(_joined()).where(*where).limit(COUNT_CAP + 1)
    n = int(conn.execute(select(func.count()).select_from(capped.subquery())).scalar_one())
    if n <= COUNT_CAP:
        return n, True
    return max(n, _estimate(conn, given)), False


def _stored_count(conn: Connection, kind: str, key: str) -> int:
    found = fetch(conn, 'SELECT n FROM counts WHERE kind = ? AND "key" = ?', (kind, key))
    return int(found[0][0] or 0) if found else 0


def _estimate(conn: Connection, given: dict[str, str]) -> int:
    """Articles passing several filters, assuming they are independent: the stored
    count times each filter's share (dates by the days of ``counts``, actors by
    ``actor_stats``)."""
    total = max(1, _stored_count(conn, "table", "articles"))
    share = 1.0
    for name, v in given.items():
        if name == "language":
            share *= _stored_count(conn, "language", v) / total
        elif name == "outlet":
            share *= _stored_count(conn, "outlet", v[:200]) / total
        elif name in ("since", "until", "year"):
            share *= _day_share(conn, name, v, total)
        elif name == "actor":
            share *= min(1.0, _articles_naming(conn, actor_ids(conn, v)) / total)
    return round(total * share)


def _articles_naming(conn: Connection, ids: list[str]) -> int:
    """Stored articles naming the entities ``ids`` (``actor_stats``; an entity named in
    the same article as another is counted twice)."""
    t = schema.actor_stats
    n = conn.execute(select(func.sum(t.c.articles)).where(t.c.entity_id.in_(ids))).scalar()
    return int(n or 0)


def _day_share(conn: Connection, name: str, v: str, total: int) -> float:
    c = schema.counts
    cond = [c.c.kind == "day"]
    if name in ("since", "year"):
        cond.append(c.c.key >= v)
    if name in ("until", "year"):
        cond.append(c.c.key < next_prefix(v))
    n = conn.execute(select(func.sum(c.c.n)).where(*cond)).scalar()
    return min(1.0, int(n or 0) / total)


def estimate_text(total: int, exact: bool) -> str:
    """``"28,847"`` or ``"about 28,000"`` (two significant figures)."""
    if exact or total < 100:
        return f"{total:,}"
    digits = len(str(total)) - 2
    return f"about {round(total, -digits):,}"


def _facets_of(conn: Connection, ids: list[str], size: int) -> dict[str, list[dict[str, Any]]]:
    """Facet counts over the articles ``ids`` (at most ``FACET_WINDOW`` of them)."""
    if not ids:
        return {"outlet": [], "language": [], "year": [], "actor": []}
    listed = marks(len(ids))
    sql = (
        "SELECT sources.name, articles.language, substr(articles.published_date, 1, 4) "
        "FROM articles LEFT OUTER JOIN sources ON articles.outlet_id = sources.id "
        f"WHERE articles.id IN ({listed})"
    )
    by: dict[str, dict[str, int]] = {"outlet": {}, "language": {}, "year": {}}
    for outlet, language, year in fetch(conn, sql, ids):
        for name, value in (("outlet", outlet), ("language", language), ("year", year)):
            if value:
                by[name][value] = by[name].get(value, 0) + 1
    # an entity has one row per article naming it
    sql = (
        "SELECT entity_id, min(name), count(*) AS n FROM entities "
        f"WHERE article_id IN ({listed}) AND type IN ({marks(len(ACTOR_TYPES))}) "
        "GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ?"
    )
    found = {name: _top([(v, v, n) for v, n in rows.items()], size) for name, rows in by.items()}
    found["actor"] = _top(fetch(conn, sql, (*ids, *ACTOR_TYPES, size * 3)), size)
    return found


SUMMARY = (
    "SELECT articles.id, articles.title, articles.url, articles.source, sources.name AS outlet, "
    "articles.language, articles.published_date "
    "FROM articles LEFT OUTER JOIN sources ON articles.outlet_id = sources.id "
    "WHERE articles.id IN ({})"
)
SUMMARY_KEYS = ("id", "title", "url", "source", "outlet", "language", "published_date")
# the two ends of the full-text index, each one step (min and max over the table made
# FTS5 read every row: 300 ms at 100,000 articles)
FTS_ENDS = (
    "SELECT (SELECT rowid FROM articles_fts ORDER BY rowid LIMIT 1), "
    "(SELECT rowid FROM articles_fts ORDER BY rowid DESC LIMIT 1)"
)


def summaries(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    """The summary columns (``COLUMNS``) of the articles ``ids``, in no set order."""
    if not ids:
        return []
    return rows_as_dicts(SUMMARY_KEYS, fetch(conn, SUMMARY.format(marks(len(ids))), ids))


def _facets_from_aggregates(conn: Connection, size: int) -> dict[str, list[dict[str, Any]]]:
    """Facets of every stored article, from ``counts`` and ``actor_stats``."""
    c, t = schema.counts, schema.actor_stats
    rows: dict[str, list[tuple[Any, Any, Any]]] = {"outlet": [], "language": [], "year": []}
    years: dict[str, int] = {}
    stmt = select(c.c.kind, c.c.key, c.c.n).where(c.c.kind.in_(("outlet", "language", "day")))
    for kind, key, n in conn.execute(stmt):
        if kind == "day":
            if key[:4].isdigit():
                years[key[:4]] = years.get(key[:4], 0) + int(n)
        elif key:
            rows[kind].append((key, key, n))
    rows["year"] = [(y, y, n) for y, n in years.items()]
    found = {name: _top(values, size) for name, values in rows.items()}
    top = (
        select(t.c.entity_id, t.c.name, t.c.articles)
        .where(t.c.is_actor.is_(True))
        .order_by(t.c.articles.desc().nulls_last(), t.c.entity_id)
        .limit(size * 2)
    )
    found["actor"] = _top([tuple(r) for r in conn.execute(top)], size)
    return found


def _top(rows: list[tuple[Any, ...]], size: int) -> list[dict[str, Any]]:
    """(value, label, count) rows as dicts, most frequent first."""
    items: list[dict[str, Any]] = [
        {"value": str(value), "label": str(label or value), "count": int(count)}
        for value, label, count in rows
        if value not in (None, "")
    ]
    items.sort(key=lambda x: (-int(x["count"]), str(x["label"])))
    return items[:size]


def _with_snippet(row: dict[str, Any]) -> dict[str, Any]:
    """The row with ``snippet`` as plain text and ``snippet_marks`` as (start, end) pairs
    of the matched words, so a page can highlight them after escaping."""
    raw = row.get("snippet") or ""
    plain: list[str] = []
    marks: list[list[int]] = []
    size = 0
    for i, part in enumerate(raw.split(OPEN)):
        inside, sep, after = part.partition(CLOSE) if i else ("", "", part)
        if not sep:  # no marker pair: the text as it is
            inside, after = "", inside + after
        inside, after = inside.replace(CLOSE, ""), after.replace(CLOSE, "")
        if sep:
            marks.append([size, size + len(inside)])
        plain += [inside, after]
        size += len(inside) + len(after)
    row["snippet"] = "".join(plain)
    row["snippet_marks"] = marks
    return row


# ---- SQLite FTS5 --------------------------------------------------------------------------

# FTS5's own copy of the rows (``articles_fts_content``, ``id`` is its first column,
# ``c0``): an article id by FTS rowid read there decodes only that column, where
# selecting ``articles_fts.id`` loads the whole stored row, text included (250 ids: 1.4
# -> 0.13 ms at 100,000 articles)


class SqliteSearch(_SqlSearch):
    """FTS5 with BM25 ranking; the query is FTS5 syntax, except that a word holding
    punctuation FTS5 has no use for (``de-escalation``, ``Putin's``) is taken as a phrase.
    Matches are read newest stored first (descending FTS rowid, which FTS5 walks without
    sorting), so a common word costs what a rare one does; equal ranks put the newest
    stored first. Snippets are made for the page's rows only."""

    def _prepared(self, q: str) -> str:
        check_fts_query(q)
        return quote_plain_words(q)

    def _narrowed(self, conn: Connection, q: str, filters: SearchFilters) -> tuple[str, list[Any]]:
        """Filters as terms of the ``tags`` column (outlet, language, days, actors), so
        the full-text index intersects them with the words: counts like an unfiltered
        query's, newest matches first, nothing read but the index. A source filter stays
        SQL. (The SQL conditions are built only then: the outlet and actor lookups they
        need are not made twice.)"""
        if not filters.as_dict():
            return q, []
        terms = tag_terms(conn, filters)
        if terms is None:
            return q, _conditions(conn, filters)
        return f"({q}) AND " + " AND ".join(terms), []

    def _matches(
        self, conn: Connection, q: str, where: list[Any], tail: str, *params: Any
    ) -> list[int]:
        """FTS rowids of the matches passing ``where``, with ``tail`` (more conditions on
        ``articles_fts.rowid``, an order, a limit) and its parameters.

        Only rowids are selected: the index alone answers them, while reading any
        column of ``articles_fts`` (even ``id``) loads the match's stored row with its
        whole text (a window of 1,001 matches: 0.3-0.5 ms for rowids, 5-10 ms with ids
        at 100,000 articles, far more with a cold page cache). The page's ids come
        after (``_summaries``).

        Written as SQL: a filter joins the article through ``ix_articles_filter``
        (``INDEXED BY``: it covers what filters read; SQLite would otherwise pick the
        unique index on the id and read every matching article's row), which
        SQLAlchemy cannot spell; the filters themselves are compiled by SQLAlchemy."""
        sql, values = _match_sql(conn, where, tail)
        call = lambda: fetch(conn, sql, (q, *values, *params))  # noqa: E731
        return [int(r[0]) for r in self._guarded(call)]

    def _newest_keys(self, conn: Connection, q: str, where: list[Any], n: int) -> list[int]:
        """The ``n`` newest matches' FTS rowids, newest first: ``_matches`` ordered by
        rowid, read as one row (``group_concat`` over them) instead of one row a match.
        Each row the driver steps is a Python tuple and a hand-over of the GIL; a
        window of 1,001 rowids cost 0.33 ms of CPU that way against 0.25 as one string
        (in process, 102,600 articles). The rowids are sorted again here, so the order
        does not rest on ``group_concat`` keeping its input's."""
        inner, values = _match_sql(conn, where, "ORDER BY articles_fts.rowid DESC LIMIT ?", "key")
        sql = f"SELECT group_concat(key) FROM ({inner})"
        call = lambda: fetch(conn, sql, (q, *values, n))  # noqa: E731
        found = self._guarded(call)
        text = found[0][0] if found else None
        if not text:
            return []
        return sorted(map(int, str(text).split(",")), reverse=True)

    def _window(self, conn: Connection, q: str, where: list[Any], need: int) -> Window:
        keys = self._newest_keys(conn, q, where, COUNT_CAP + 1)
        if len(keys) <= COUNT_CAP:
            return Window(keys, len(keys), True)
        # beyond the cap, an estimate: counting every match exactly cost FTS5 1-2 ms of
        # CPU for a common word or a phrase at 100,000 articles (as much as the ranking)
        return Window(keys, max(len(keys), self._estimate(conn, keys)), False)

    def _estimate(self, conn: Connection, keys: list[int]) -> int:
        """Matches in the whole index if they were as dense as in the newest rowids
        read: ``len(keys)`` over the span they cover, times the whole span."""
        ends = fetch(conn, FTS_ENDS)
        if not ends or ends[0][0] is None or ends[0][1] is None:
            return len(keys)
        low, high = ends[0]
        whole = int(high) - int(low) + 1
        seen = max(1, int(high) - keys[-1] + 1)
        return round(len(keys) * whole / seen)

    def _ranked(
        self, conn: Connection, q: str, where: list[Any], keys: list[Any], limit: int, offset: int
    ) -> list[dict[str, Any]]:
        tail = (
            "AND articles_fts.rowid >= ? ORDER BY bm25(articles_fts, 0.0, 4.0, 1.0, 0.0), "
            "articles_fts.rowid DESC LIMIT ? OFFSET ?"
        )
        found = self._matches(conn, q, where, tail, min(keys), limit, offset)
        return self._summaries(conn, found)

    def _beyond(
        self, conn: Connection, q: str, where: list[Any], found: Window, limit: int, offset: int
    ) -> list[dict[str, Any]]:
        tail = "AND articles_fts.rowid < ? ORDER BY articles_fts.rowid DESC LIMIT ? OFFSET ?"
        lowest = min(found.keys[: self.rank_window])
        return self._summaries(conn, self._matches(conn, q, where, tail, lowest, limit, offset))

    def _summaries(self, conn: Connection, found: list[int]) -> list[dict[str, Any]]:
        """Article summaries of the FTS rowids ``found``, in their order, each with its
        rowid for the snippet."""
        if not found:
            return []
        sql = f"SELECT id, c0 FROM articles_fts_content WHERE id IN ({marks(len(found))})"
        ids = {int(k): str(i) for k, i in fetch(conn, sql, found)}
        rows = {r["id"]: r for r in summaries(conn, list(ids.values()))}
        return [rows[ids[k]] | {"fts_rowid": k} for k in found if ids.get(k) in rows]

    def _ids_of(self, conn: Connection, keys: list[Any]) -> list[str]:
        if not keys:
            return []
        sql = f"SELECT c0 FROM articles_fts_content WHERE id IN ({marks(len(keys))})"
        return [str(r[0]) for r in fetch(conn, sql, keys)]

    def _snippets(self, conn: Connection, q: str, rows: list[dict[str, Any]]) -> dict[str, str]:
        """The page's snippets: the matches between the page's lowest and highest rowid,
        read in one pass, and a snippet made for the page's own rows only. (A plain
        ``rowid IN (...)`` beside ``MATCH`` makes FTS5 seek every term's doclist once
        per value: 1.1-2.5 ms for 20 rows at 100,000 articles, against 0.2-0.5 ms for
        the pass over a ranked window; ``+rowid`` keeps the list out of the index.)"""
        keys = [r["fts_rowid"] for r in rows]
        sql = (
            "SELECT articles_fts.id, snippet(articles_fts, 2, ?, ?, ?, 24) FROM articles_fts "
            "WHERE articles_fts MATCH ? AND articles_fts.rowid BETWEEN ? AND ? "
            f"AND +articles_fts.rowid IN ({marks(len(keys))})"
        )
        params = (OPEN, CLOSE, "…", q, min(keys), max(keys), *keys)
        found = {str(i): str(s or "") for i, s in self._guarded(lambda: fetch(conn, sql, params))}
        for row in rows:
            row.pop("fts_rowid", None)
        return found

    def _is_query_error(self, exc: DBAPIError) -> bool:
        message = str(exc.orig).lower()
        return isinstance(exc, OperationalError) and any(m in message for m in _SQLITE_QUERY_ERRORS)


def _match_sql(
    conn: Connection, where: list[Any], tail: str, name: str = ""
) -> tuple[str, list[Any]]:
    """The SQL of ``SqliteSearch._matches`` (the FTS rowids matching ``?``, named
    ``name`` if given, joined to the articles when ``where`` holds conditions, then
    ``tail``) and the conditions' parameters, which follow the query's."""
    source = "articles_fts"
    condition, values = "", []
    if where:
        source += " JOIN articles INDEXED BY ix_articles_filter ON articles.id = articles_fts.id"
        compiled = and_(*where).compile(
            dialect=conn.dialect, compile_kwargs={"render_postcompile": True}
        )
        condition = f" AND ({compiled.string})"
        values = [compiled.params[key] for key in compiled.positiontup or ()]
    column = f"articles_fts.rowid AS {name}" if name else "articles_fts.rowid"
    sql = f"SELECT {column} FROM {source} WHERE articles_fts MATCH ?{condition} {tail}"
    return sql, values


_FTS5_SYNTAX = set('"():*^+{}')
_WORDISH = re.compile(r"^[\w.,'’\-/&!?;]+$")
_OPERATORS = ("AND", "OR", "NOT")
QUERY_HELP = 'words, "a phrase", prefix*, AND / OR / NOT between words, title:word'


def tag_groups(conn: Connection, filters: SearchFilters) -> list[list[str]] | None:
    """The filters as search tags (``aggregates.article_tag_list``): one group per
    filter, an article passing when it holds a tag of every group (an empty group: no
    article passes); None when a filter has no tag (``source``)."""
    given = filters.as_dict()
    if "source" in given:
        return None
    groups = []
    if "outlet" in given:
        groups.append([aggregates.outlet_tag(_outlet_id(conn, given["outlet"]))])
    if "language" in given:
        groups.append([aggregates.language_tag(given["language"])])
    if "actor" in given:
        groups.append([aggregates.actor_tag(i) for i in actor_ids(conn, given["actor"])])
    if {"since", "until", "year"} & set(given):
        days = _day_bounds(conn, given)
        groups.append(day_tags(*days) if days else [])
    return groups


def tag_terms(conn: Connection, filters: SearchFilters) -> list[str] | None:
    """FTS5 terms on ``tags`` for each filter (``tag_groups``); None when a filter has
    no tag (``source``)."""
    groups = tag_groups(conn, filters)
    if groups is None:
        return None
    return [f"tags:({' OR '.join(tags)})" if tags else "tags:nodate" for tags in groups]


def _day_bounds(conn: Connection, given: dict[str, str]) -> tuple[date, date] | None:
    """The first and last day the date filters allow (the stored days bound an open
    side); None when no day is left."""
    # two subqueries: each is one step into the primary key, while min and max together
    # in one query read every day's row (1.8 ms at 100,000 articles)
    sql = (
        "SELECT (SELECT min(\"key\") FROM counts WHERE kind = 'day' AND \"key\" != ''), "
        "(SELECT max(\"key\") FROM counts WHERE kind = 'day' AND \"key\" != '')"
    )
    low, high = fetch(conn, sql)[0]
    first, last = _as_day(low, False), _as_day(high, True)
    if first is None or last is None:
        return None
    for name, value in given.items():
        start, end = _as_day(value, False), _as_day(value, True)
        if name in ("since", "year") and start is not None:
            first = max(first, start)
        if name in ("until", "year") and end is not None:
            last = min(last, end)
    return (first, last) if first <= last else None


def _as_day(value: str | None, end: bool) -> date | None:
    """The first (or last) day of an ISO prefix: ``2017`` -> 2017-01-01 (2017-12-31)."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:7]), 1)
            return date.fromisoformat(next_prefix(value) + "-01") - timedelta(1) if end else first
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def day_tags(first: date, last: date) -> list[str]:
    """The fewest ``y``/``m``/``d`` tags covering the days ``first`` to ``last``: whole
    years, then whole months, then days (at most about a hundred)."""
    tags, day = [], first
    while day <= last:
        if day.month == 1 and day.day == 1 and date(day.year, 12, 31) <= last:
            tags.append(f"y{day.year}")
            day = date(day.year + 1, 1, 1)
            continue
        month_end = date.fromisoformat(next_prefix(f"{day:%Y-%m}") + "-01") - timedelta(1)
        if day.day == 1 and month_end <= last:
            tags.append(f"m{day:%Y%m}")
            day = month_end + timedelta(1)
            continue
        tags.append(f"d{day:%Y%m%d}")
        day += timedelta(1)
    return tags


def quote_plain_words(q: str) -> str:
    """Wrap in double quotes each whitespace-separated word that carries inner
    punctuation but no FTS5 syntax character, so it matches as a phrase instead of
    failing to parse. Operators, prefixes, columns and phrases pass through as written."""
    words = []
    for word in q.split():
        plain = _WORDISH.match(word) and not (_FTS5_SYNTAX & set(word))
        needs_quotes = plain and not word.replace("_", "").isalnum()
        words.append(f'"{word}"' if needs_quotes else word)
    return " ".join(words)


def check_fts_query(q: str) -> None:
    """Raise ``QuerySyntaxError`` with what to fix for the mistakes people make most:
    an unclosed quote or parenthesis, an operator with nothing to join, an unknown
    column. Anything else is left to FTS5 (and ``explain_query_error``)."""

    def bad(detail: str) -> QuerySyntaxError:
        return QuerySyntaxError(Code.BAD_OPTION, f"search query {q!r}: {detail}")

    if q.count('"') % 2:
        raise bad('unbalanced quote: a phrase needs a closing " (or remove the ")')
    outside = re.sub(r'"[^"]*"', " ", q)
    if outside.count("(") != outside.count(")"):
        raise bad("unbalanced parenthesis: close every ( with a ) (or quote the words)")
    words = outside.replace("(", " ( ").replace(")", " ) ").split()
    for i, word in enumerate(words):
        if word in _OPERATORS:
            before = words[i - 1] if i else None
            after = words[i + 1] if i + 1 < len(words) else None
            if before in (None, "(", *_OPERATORS) or after in (None, ")", *_OPERATORS):
                raise bad(
                    f"{word} joins two words (x {word} y); to search the word itself,"
                    f' quote it: "{word.lower()}"'
                )
    for word in outside.split():
        column_name, colon, rest = word.partition(":")
        if colon and column_name.lstrip("-^(") not in ("title", "text", ""):
            raise bad(
                f"{column_name}: is not a field (the fields are title: and text:);"
                f' to search the words, quote them: "{word}"'
            )
    if outside.strip() in ("*", "NEAR(", "NEAR"):
        raise bad(f"nothing to search for; use {QUERY_HELP}")


def explain_query_error(reason: str) -> str:
    """The database's complaint about a query, turned into what to fix."""
    text = reason.removeprefix("fts5: ")
    if "unterminated string" in text:
        return 'search query: unbalanced quote: a phrase needs a closing "'
    if "no such column" in text:
        name = text.rsplit(":", 1)[-1].strip()
        return f"search query: {name}: is not a field (the fields are title: and text:)"
    near = re.search(r'syntax error near "(.*)"', text)
    if near:
        where = f'near "{near.group(1)}"' if near.group(1) else "at the end"
        return f"search query: cannot read it {where}; use {QUERY_HELP}"
    return f"search query: {text}; use {QUERY_HELP}"


# ---- PostgreSQL full-text search ----------------------------------------------------------

_DOC: Any = literal_column("articles.search_doc")
# what a match is ranked by: its title and lead (migration ``_pg_search_costs``), kept
# in the row, where the whole document's vector lives in TOAST
_RANK_DOC: Any = literal_column("articles.rank_doc")
# the characters of the text in ``rank_doc`` (``migrations.PG_RANK_DOC_SQL``), weight B
RANK_LEAD_CHARS = 1000
_CONFIG: Any = literal_column("'english'::regconfig")


class PostgresSearch(_SqlSearch):
    """``websearch_to_tsquery`` over the stored ``search_doc`` of migration 3, GIN-indexed
    with ``search_tags`` (migration 16; it accepts any input, so syntax errors cannot
    happen there). The GIN index gives matches in no order: the first ``COUNT_CAP + 1``
    the heap yields are read, the first ``rank_window`` of them ranked with ``ts_rank``
    on ``rank_doc`` (title and lead, kept in the row: no TOAST read), and a count over
    the cap is the planner's estimate (kept from the index's statistics). A query the
    planner expects to match over ``newest_from`` articles reads its newest days' matches
    instead (``_newest``): the index would build the bitmap of a common word's every
    article before the first row (220,000 for "Trump" at 1,000,000 articles, 90-150 ms);
    the window is the newest matches, ranked likewise, and pages after it go on newest
    first."""

    # ranking 100 candidates by rank_doc: 0.5 ms warm at 304,150 articles (by the whole
    # search_doc 0.8-1.0 ms warm, 11 ms and more when its TOAST pages were not cached);
    # 1,000 would cost 7.5-9 ms (search_doc: 20 ms)
    rank_window = 100
    # headlines are made from the start of the text only: ts_headline parses all it is
    # given (20 pages' headlines over whole texts: 38 ms at 43,000 articles; 20 ms over
    # their first 3,000 characters); a match further in leaves the text's start shown
    HEADLINE_CHARS = 3000

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        """A connection whose transaction plans without sequential scans. The planner
        prices ``search_doc @@ q`` as cheap and, under a LIMIT, would read the table in
        order and test each row, unpacking every stored vector from TOAST: 77 ms for a
        common word's first 1,001 matches at 43,000 articles, 1.4 s with an actor
        filter, against 5 and 27 ms through the GIN index."""
        with connect(self.engine) as conn:
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            yield conn
            if in_read_scope(self.engine):  # the request's other queries share it
                conn.exec_driver_sql("SET LOCAL enable_seqscan = DEFAULT")

    def _tsquery(self, q: str) -> Any:
        return func.websearch_to_tsquery(_CONFIG, q)

    # an actor named in at most this many stored articles is filtered through its entity
    # rows (at most as many index entries and article rows as a window holds); a more
    # frequent one through the tags (below)
    actor_join_max = COUNT_CAP

    def _narrowed(self, conn: Connection, q: str, filters: SearchFilters) -> tuple[str, _PgFilters]:
        """An actor named in many articles, an outlet and a language as overlaps with
        ``search_tags``, which the words' GIN index holds too (migration
        ``_pg_search_index``), so one index scan reads the words and the tags together
        and only the rows passing both are read: "police" with an actor named in 21,715
        of 505,000 articles read every one of them (85 ms; 8 ms through the tags). An
        actor named in at most ``actor_join_max`` articles is the index-only walk of its
        entity rows it was (1.4-2.2 ms there, where the tags build the word's whole
        bitmap: 2.7-12.5 ms for a common word); dates stay a range of ``published_date``,
        whose btree bitmap the planner ANDs as well (the day tags took 1-5 ms more); a
        source filter stays SQL."""
        dated = SearchFilters(since=filters.since, until=filters.until, year=filters.year)
        dates = dated.as_dict()
        if filters.source is not None:
            return q, _PgFilters([], _conditions(conn, filters), dates)
        where = _conditions(conn, dated)
        tagged = SearchFilters(outlet=filters.outlet, language=filters.language)
        groups = tag_groups(conn, tagged) or []
        if filters.actor is not None:
            ids = actor_ids(conn, filters.actor)
            if _articles_naming(conn, ids) <= self.actor_join_max:
                where.append(a.c.id.in_(select(ent.c.article_id).where(ent.c.entity_id.in_(ids))))
            else:
                groups.append([aggregates.actor_tag(i) for i in ids])
        return q, _PgFilters([_overlaps(group) for group in groups], where, dates)

    def _matches(self, q: str, where: list[Any], *columns: Any) -> Select[Any]:
        return (
            select(*columns).select_from(_joined()).where(_DOC.op("@@")(self._tsquery(q)), *where)
        )

    def _window(self, conn: Connection, q: str, where: _PgFilters, need: int) -> Window:
        """A query the planner expects to match more than ``newest_from`` articles reads
        the newest ``need`` of them (``_newest``), its count an estimate; any other the
        first ``COUNT_CAP + 1`` matches in the index's order (the heap's), counted
        exactly up to the cap and estimated beyond."""
        estimate = self._estimate(conn, q, where.conditions)
        if estimate > self.newest_from:
            # one past the ranked window: whether pages go on after it
            newest = self._newest(conn, q, where, max(need, self.rank_window + 1), estimate)
            if newest is not None:
                return Window(newest, max(len(newest), estimate), False, newest=True)
        stmt = self._matches(q, where.conditions, a.c.id).limit(COUNT_CAP + 1)
        keys = [str(r[0]) for r in conn.execute(stmt)]
        if len(keys) <= COUNT_CAP:
            return Window(keys, len(keys), True)
        return Window(keys, max(len(keys), estimate), False)

    def _estimate(self, conn: Connection, q: str, where: list[Any]) -> int:
        """The planner's count of the matches, from the index's statistics (a plan, no
        match is read)."""
        compiled = self._matches(q, where, a.c.id).compile(
            conn, compile_kwargs={"render_postcompile": True}
        )
        plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + compiled.string, compiled.params)
        return int(_plan(plan.scalar_one()).get("Plan Rows", 0))

    # a query expected to match more stored articles than this is read from its newest
    # days (``_newest``): its word's whole posting list is what the index would build
    newest_from = 5 * COUNT_CAP
    # the newest days read first are expected to hold this many times the matches
    # wanted; then days holding ``NEWEST_GROWTH`` times more; then the whole index
    NEWEST_MARGIN = 2
    NEWEST_GROWTH = 8

    def _newest(
        self, conn: Connection, q: str, where: _PgFilters, n: int, estimate: int
    ) -> list[str] | None:
        """The ``n`` newest matches, newest first (``NEWEST``), read from the newest
        days alone: the fewest newest days expected to hold ``NEWEST_MARGIN * n``
        matches if the ``estimate`` is spread over the days the filters allow as the
        stored articles are (``counts``), as tags of those days (``day_tags``) beside
        the words in the GIN index, so the index reads no more of a common word than
        those days hold; then days expected to hold ``NEWEST_GROWTH`` times more. None
        when those hold fewer than ``n`` matches (or would be every day), for the
        caller to read the whole index.

        The days found are every day from the first of them to the last the filters
        allow, so what they hold is the newest matches whatever the order of the index;
        the filters that are not tags (dates, a source) are tested on those matches."""
        days = _day_bounds(conn, where.dates)
        if days is None or estimate <= 0:
            return None
        first, last = days
        if where.dates:
            stored = _articles_between(conn, first, last)
        else:
            stored = _stored_count(conn, "table", "articles")
        shares = [self.NEWEST_MARGIN * n * self.NEWEST_GROWTH**step / estimate for step in (0, 1)]
        wanted = [int(share * stored) + 1 for share in shares if share < 1]
        open_end = not {"until", "year"} & set(where.dates)
        for start in _newest_days(conn, first, last, wanted):
            keys = self._newest_in(conn, q, where, _days_tags(start, last, open_end), n)
            if len(keys) >= n:
                return keys
        return None

    def _newest_in(
        self, conn: Connection, q: str, where: _PgFilters, tags: list[str], n: int
    ) -> list[str]:
        """The ``n`` newest matches among the articles holding one of the day ``tags``.
        The matches are read first (a materialized CTE: under the ``LIMIT`` the planner
        would walk ``ix_articles_newest`` and unpack every article's ``search_doc``),
        then the plain filters tested and the newest kept; the plain filters stay out of
        the index scan, where a date range's btree bitmap would be ANDed in whole.

        A phrase is read as its words (``_loose``), which the GIN index answers without
        reading a row, and the phrase itself is checked on the newest candidates only,
        until ``n`` pass: the index cannot check the words' positions, and checking
        them unpacks each candidate's ``search_doc`` from TOAST ("White House" at
        1,000,000 articles: 1,800 candidates in the days read, 32 ms)."""
        asked = self._tsquery(q)
        loose = _loose(str(conn.execute(select(sql_cast(asked, Text))).scalar_one()))
        matched = asked if loose is None else sql_cast(literal(loose), postgresql.TSQUERY)
        found = (
            select(a.c.id, a.c.published_date, a.c.source, a.c.outlet_id, a.c.language)
            .where(_DOC.op("@@")(matched), *where.indexed, _overlaps(tags))
            .cte("days")
            .prefix_with("MATERIALIZED")
        )
        on_found = ClauseAdapter(found)
        newest = select(found.c.id).where(*(on_found.traverse(c) for c in where.plain))
        newest = newest.order_by(found.c.published_date.desc().nulls_last(), found.c.id)
        if loose is None:
            return [str(r[0]) for r in conn.execute(newest.limit(n))]
        ordered = newest.offset(0).subquery("newest")  # OFFSET 0: checked in this order
        checked = a.alias("checked")
        doc = (
            select(literal_column("checked.search_doc"))
            .select_from(checked)
            .where(checked.c.id == ordered.c.id)
            .scalar_subquery()
        )
        stmt = select(ordered.c.id).where(doc.op("@@")(asked)).limit(n)
        return [str(r[0]) for r in conn.execute(stmt)]

    def _ranked(
        self, conn: Connection, q: str, where: _PgFilters, keys: list[Any], limit: int, offset: int
    ) -> list[dict[str, Any]]:
        rank = func.ts_rank(_RANK_DOC, self._tsquery(q))
        stmt = select(*COLUMNS).select_from(_joined()).where(a.c.id.in_(keys))
        stmt = stmt.order_by(rank.desc(), *NEWEST).limit(limit).offset(offset)
        return self._run(conn, stmt)

    def _beyond(
        self, conn: Connection, q: str, where: _PgFilters, found: Window, limit: int, offset: int
    ) -> list[dict[str, Any]]:
        """Past the ranked window: the other matches by id, or, when the window was the
        newest matches, the next newest (from the window while it lasts)."""
        ranked = found.keys[: self.rank_window]
        if not found.newest:
            stmt = self._matches(q, [*where.conditions, a.c.id.not_in(ranked)], *COLUMNS)
            return self._run(conn, stmt.order_by(a.c.id).limit(limit).offset(offset))
        start = len(ranked) + offset
        keys = found.keys
        if start + limit > len(keys):
            newest = self._newest(conn, q, where, start + limit, found.total)
            if newest is None:
                stmt = self._matches(q, where.conditions, a.c.id).order_by(*NEWEST)
                newest = [str(r[0]) for r in conn.execute(stmt.limit(start + limit))]
            keys = newest
        ids = keys[start : start + limit]
        rows = {r["id"]: r for r in summaries(conn, ids)}
        return [rows[i] for i in ids if i in rows]

    def _ids_of(self, conn: Connection, keys: list[Any]) -> list[str]:
        return [str(k) for k in keys]

    def _snippets(self, conn: Connection, q: str, rows: list[dict[str, Any]]) -> dict[str, str]:
        """Headlines from the text's start: its first ``RANK_LEAD_CHARS`` when the words
        are there (``rank_doc``'s lead, weight B, says so without parsing the text),
        else its first ``HEADLINE_CHARS``. (20 headlines at 1,000,000 articles: 10-13 ms
        over 3,000 characters each, 2.3 ms over 1,000.)"""
        ids = [r["id"] for r in rows]
        options = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=40, MinWords=15"
        in_lead = func.ts_filter(_RANK_DOC, literal_column("'{b}'::\"char\"[]")).op("@@")(
            self._tsquery(q)
        )
        start = case(
            (in_lead, func.left(a.c.text, RANK_LEAD_CHARS)),
            else_=func.left(a.c.text, self.HEADLINE_CHARS),
        )
        headline = func.ts_headline(_CONFIG, start, self._tsquery(q), options)
        stmt = select(a.c.id, headline).where(a.c.id.in_(ids))
        return {str(i): str(s or "") for i, s in self._guarded(lambda: conn.execute(stmt).all())}

    def _is_query_error(self, exc: DBAPIError) -> bool:
        state = getattr(exc.orig, "sqlstate", None) or ""
        return state.startswith("42") or state == "22023"


_TAGS: Any = literal_column("articles.search_tags")


def _overlaps(tags: list[str]) -> Any:
    """``search_tags && ARRAY[tags]``: the article holds one of ``tags``."""
    return _TAGS.op("&&")(sql_cast(array(tags), postgresql.ARRAY(Text)))


@dataclass(frozen=True)
class _PgFilters:
    """A PostgreSQL search's filters: ``indexed``, overlaps with ``search_tags``, which
    the words' GIN index reads with the words; ``plain``, the other SQL conditions
    (dates, a source, a rare actor's entity rows); ``dates``, the date filters asked
    (``since``, ``until``, ``year``)."""

    indexed: list[Any]
    plain: list[Any]
    dates: dict[str, str]

    @property
    def conditions(self) -> list[Any]:
        return [*self.plain, *self.indexed]


def _days_tags(start: date, last: date, open_end: bool) -> list[str]:
    """Tags of the days from ``start`` to ``last`` (``day_tags``), in fewer terms where
    that reads no other match: to the end of ``last``'s year when nothing is stored
    after it (``open_end``), and from the first of ``start``'s month (year) when the
    days span over four months (years), so that at most a quarter more days are read.
    An index key of many tags costs the GIN scan time for each (44 tags took 6 ms where
    7 months took 2.8, at 1,000,000 articles), more days cost their matches' rows (a
    phrase reads each candidate's ``search_doc`` to check the words' positions)."""
    if open_end:
        last = date(last.year, 12, 31)
    if (last - start).days > 4 * 366:
        start = date(start.year, 1, 1)
    elif (last - start).days > 4 * 31:
        start = start.replace(day=1)
    return day_tags(start, last)


_PHRASE = re.compile(r"<(?:-|\d+)>")


def _loose(tsquery: str) -> str | None:
    """A tsquery's text with its phrase operators (``<->``, ``<2>``) as ``&``: every
    article matching it matches the loose one; None when it has no phrase, or has a
    negation (``!``), under which the loose query would match fewer articles."""
    if not _PHRASE.search(tsquery) or "!" in tsquery:
        return None
    return _PHRASE.sub("&", tsquery)


def _articles_between(conn: Connection, first: date, last: date) -> int:
    """Stored articles dated from ``first`` to ``last`` (``counts``)."""
    sql = 'SELECT sum(n) FROM counts WHERE kind = \'day\' AND "key" >= ? AND "key" <= ?'
    found = fetch(conn, sql, (first.isoformat(), last.isoformat()))
    return int(found[0][0] or 0) if found else 0


# stored days read at a time, newest first, by ``_newest_days``
DAYS_PAGE = 128


def _newest_days(conn: Connection, first: date, last: date, wanted: list[int]) -> list[date]:
    """For each count in ``wanted``, the newest day from which the stored days up to
    ``last`` hold that many articles (``counts``, read newest first a page at a time);
    a count the days from ``first`` do not reach gives no day."""
    sql = (
        'SELECT "key", n FROM counts WHERE kind = \'day\' AND "key" >= ? AND "key" < ? '
        f'ORDER BY "key" DESC LIMIT {DAYS_PAGE}'
    )
    found: list[date] = []
    held, before, todo = 0, (last + timedelta(1)).isoformat(), sorted(wanted)
    while todo:
        rows = fetch(conn, sql, (first.isoformat(), before))
        for key, n in rows:
            held += int(n)
            while todo and held >= todo[0]:
                todo.pop(0)
                if (day := _as_day(str(key), False)) is not None:
                    found.append(day)
        if len(rows) < DAYS_PAGE:
            break
        before = str(rows[-1][0])
    return sorted(set(found), reverse=True)


def _plan(found: Any) -> dict[str, Any]:
    """The top node of an ``EXPLAIN (FORMAT JSON)`` answer."""
    if isinstance(found, str):
        found = json.loads(found)
    return dict(found[0]["Plan"]) if found else {}
