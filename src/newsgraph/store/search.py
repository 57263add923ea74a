"""Full-text search over articles behind one interface, with a backend per database.

    backend = search_backend(store.engine)
    page = backend.search("Putin AND Macron", SearchFilters(language="en"), limit=20, offset=0)
    page.rows, page.total

SQLite uses the FTS5 table that migration step 2 keeps in sync with triggers; a query
is FTS5 syntax (``word``, ``"a phrase"``, ``pref*``, ``AND``/``OR``/``NOT``,
``title:word``). PostgreSQL matches ``websearch_to_tsquery`` against the GIN-indexed
``to_tsvector`` expression. A query the engine cannot parse raises ``QuerySyntaxError``
(a ``UsageError``), which callers show as a 400, never as a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.exc import DBAPIError, OperationalError

from newsgraph.errors import Code, UsageError
from newsgraph.store import schema
from newsgraph.store.migrations import PG_DOCUMENT_SQL

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
    """One page of results (article summaries with a ``snippet``) and the full count."""

    rows: list[dict[str, Any]]
    total: int


class SearchBackend(Protocol):
    """What a full-text search engine must do for the API and the pages."""

    def search(
        self, q: str | None, filters: SearchFilters, limit: int, offset: int
    ) -> SearchPage: ...

    def facets(
        self, q: str | None, filters: SearchFilters, size: int = 10
    ) -> dict[str, list[dict[str, Any]]]: ...


def search_backend(engine: Engine) -> SearchBackend:
    """The backend for ``engine``'s dialect."""
    if engine.dialect.name == "postgresql":
        return PostgresSearch(engine)
    return SqliteSearch(engine)


# ---- the shared part: filters, counting, facets -------------------------------------------


class _SqlSearch:
    """Everything but the matching itself, which each dialect supplies."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # each dialect fills these three (and ``_snippets`` when ``_matched`` gives no snippet)
    def _matched(self, q: str) -> tuple[Any, Any]:
        """A subquery (id, rank) of the articles matching ``q``, and the snippet
        expression to select beside it, or None when ``_snippets`` makes them after
        the page is chosen."""
        raise NotImplementedError

    def _snippets(self, conn: Connection, q: str, ids: list[str]) -> dict[str, str]:
        """The snippets of the articles ``ids`` matching ``q``, by id."""
        raise NotImplementedError

    def _is_query_error(self, exc: DBAPIError) -> bool:
        raise NotImplementedError

    def search(self, q: str | None, filters: SearchFilters, limit: int, offset: int) -> SearchPage:
        """Matching articles, best first (newest first without ``q``), and their count."""
        stmt, order = self._base(q, filters)
        page = stmt.order_by(*order).limit(limit).offset(offset)
        count = select(func.count()).select_from(stmt.subquery())
        with self._connection() as conn:
            rows = self._run(conn, page)
            total = int(self._run_scalar(conn, count))
            query = _clean_query(q)
            if query is not None and rows and "snippet" not in rows[0]:
                found = self._snippets(conn, query, [r["id"] for r in rows])
                for row in rows:
                    row["snippet"] = found.get(row["id"], "")
        return SearchPage([_with_snippet(r) for r in rows], total)

    def facets(
        self, q: str | None, filters: SearchFilters, size: int = 10
    ) -> dict[str, list[dict[str, Any]]]:
        """Counts of the matching articles by outlet, language, year and actor."""
        stmt, _ = self._base(q, filters)
        ids = stmt.with_only_columns(a.c.id).subquery()
        m = select(a).where(a.c.id.in_(select(ids.c.id))).subquery()
        year = func.substr(m.c.published_date, 1, 4)
        queries = {
            "outlet": select(outlets.c.name, outlets.c.name, func.count())
            .select_from(m.join(outlets, m.c.outlet_id == outlets.c.id))
            .group_by(outlets.c.name),
            "language": select(m.c.language, m.c.language, func.count())
            .where(m.c.language.is_not(None))
            .group_by(m.c.language),
            "year": select(year, year, func.count())
            .where(m.c.published_date.is_not(None))
            .group_by(year),
            "actor": select(
                ent.c.entity_id, func.min(ent.c.name), func.count(func.distinct(ent.c.article_id))
            )
            .where(ent.c.article_id.in_(select(ids.c.id)), ent.c.type.in_(ACTOR_TYPES))
            .group_by(ent.c.entity_id),
        }
        with self._connection() as conn:
            return {name: _top(self._run(conn, query), size) for name, query in queries.items()}

    def _base(self, q: str | None, filters: SearchFilters) -> tuple[Select[Any], list[Any]]:
        """The filtered article summary query and its ordering."""
        columns = [
            a.c.id,
            a.c.title,
            a.c.url,
            a.c.source,
            outlets.c.name.label("outlet"),
            a.c.language,
            a.c.published_date,
        ]
        joined = a.outerjoin(outlets, a.c.outlet_id == outlets.c.id)
        query = _clean_query(q)
        if query is None:
            snippet = func.substr(a.c.text, 1, SNIPPET_CHARS).label("snippet")
            stmt = select(*columns, snippet).select_from(joined)
            order = [a.c.published_date.desc().nulls_last(), a.c.id]
        else:
            hit, snippet = self._matched(query)
            if snippet is not None:
                columns.append(snippet.label("snippet"))
            stmt = select(*columns).select_from(joined.join(hit, hit.c.id == a.c.id))
            order = [hit.c.rank, a.c.published_date.desc().nulls_last(), a.c.id]
        return _filtered(stmt, filters), order

    def _connection(self) -> Any:
        return self.engine.connect()

    def _run(self, conn: Connection, stmt: Any) -> list[dict[str, Any]]:
        return [dict(r) for r in self._guarded(lambda: conn.execute(stmt).mappings().all())]

    def _run_scalar(self, conn: Connection, stmt: Any) -> Any:
        return self._guarded(lambda: conn.execute(stmt).scalar_one())

    def _guarded(self, call: Any) -> Any:
        """Run ``call``; a malformed query becomes ``QuerySyntaxError``."""
        try:
            return call()
        except DBAPIError as exc:
            if self._is_query_error(exc):
                reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
                raise QuerySyntaxError(Code.BAD_OPTION, f"search query: {reason}") from exc
            raise


def _clean_query(q: str | None) -> str | None:
    """The query stripped; None when blank. Refuses NUL characters and huge queries."""
    if q is None or not q.strip():
        return None
    if "\x00" in q:
        raise QuerySyntaxError(Code.BAD_OPTION, "search query: NUL character")
    if len(q) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(Code.BAD_OPTION, f"search query: over {MAX_QUERY_CHARS} characters")
    return q.strip()


def _filtered(stmt: Select[Any], filters: SearchFilters) -> Select[Any]:
    """``stmt`` narrowed by every filter that is set."""
    day = a.c.published_date
    conditions: dict[str, Any] = {
        "source": lambda v: a.c.source == v,
        "outlet": lambda v: outlets.c.name == v,
        "language": lambda v: a.c.language == v,
        "since": lambda v: func.substr(day, 1, len(v)) >= v,
        "until": lambda v: func.substr(day, 1, len(v)) <= v,
        "year": lambda v: func.substr(day, 1, 4) == v,
        "actor": _has_actor,
    }
    for name, value in filters.as_dict().items():
        stmt = stmt.where(conditions[name](value))
    return stmt


def _has_actor(actor: str) -> ColumnElement[bool]:
    """Articles naming the entity ``actor`` (its id, or its exact name in any case)."""
    who = select(ent.c.article_id).where(
        or_(ent.c.entity_id == actor, func.lower(ent.c.name) == actor.lower())
    )
    return a.c.id.in_(who)


def _top(rows: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    """(value, label, count) rows as dicts, most frequent first."""
    items: list[dict[str, Any]] = [
        {"value": str(value), "label": str(label or value), "count": int(count)}
        for value, label, count in (tuple(r.values()) for r in rows)
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

fts = table("articles_fts", column("id"), column("title"), column("text"))


class SqliteSearch(_SqlSearch):
    """FTS5 with BM25 ranking; the query is FTS5 syntax, except that a word holding
    punctuation FTS5 has no use for (``de-escalation``, ``Putin's``) is taken as a phrase.
    Snippets are made for the page's rows only, once it is chosen: SQLite would make one
    for every match before sorting, ten times the cost of the search itself."""

    def _matched(self, q: str) -> tuple[Any, Any]:
        whole: Any = literal_column("articles_fts")
        hit = (
            select(fts.c.id, func.bm25(whole, 0.0, 4.0, 1.0).label("rank"))
            .where(whole.op("MATCH")(quote_plain_words(q)))
            .subquery("hit")
        )
        return hit, None

    def _snippets(self, conn: Connection, q: str, ids: list[str]) -> dict[str, str]:
        whole: Any = literal_column("articles_fts")
        stmt = select(fts.c.id, func.snippet(whole, 2, OPEN, CLOSE, "…", 24)).where(
            whole.op("MATCH")(quote_plain_words(q)), fts.c.id.in_(ids)
        )
        return {str(i): str(s or "") for i, s in self._guarded(lambda: conn.execute(stmt).all())}

    def _is_query_error(self, exc: DBAPIError) -> bool:
        message = str(exc.orig).lower()
        return isinstance(exc, OperationalError) and any(m in message for m in _SQLITE_QUERY_ERRORS)


_FTS5_SYNTAX = set('"():*^+{}')
_WORDISH = re.compile(r"^[\w.,'’\-/&!?;]+$")


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


# ---- PostgreSQL full-text search ----------------------------------------------------------


class PostgresSearch(_SqlSearch):
    """``websearch_to_tsquery`` over the GIN-indexed document expression of migration 2
    (it accepts any input, so syntax errors cannot happen there)."""

    def _matched(self, q: str) -> tuple[Any, Any]:
        config: Any = literal_column("'english'::regconfig")
        tsquery = func.websearch_to_tsquery(config, q)
        doc: Any = literal_column(PG_DOCUMENT_SQL)
        hit = (
            select(a.c.id, (-func.ts_rank(doc, tsquery)).label("rank"))
            .where(doc.op("@@")(tsquery))
            .subquery("hit")
        )
        options = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=40, MinWords=15"
        return hit, func.ts_headline(config, a.c.text, tsquery, options)

    def _is_query_error(self, exc: DBAPIError) -> bool:
        state = getattr(exc.orig, "sqlstate", None) or ""
        return state.startswith("42") or state == "22023"
