"""``Store``: the database behind newsgraph, SQLite by default, PostgreSQL by URL.

    with Store.open("news.db") as store:
        run = store.begin_run("extract", {"inputs": ["a.jsonl"]})
        result = store.save_batch(records, run)
        store.finish_run(run, {"added": result.added})
        store.article(article_id)      # the Article.to_dict() shape back

Every write is one transaction; ``save_batch`` writes a whole batch or nothing, and
saving the same batch twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

import pandas as pd
from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from newsgraph.errors import Code, StoreError
from newsgraph.records import Article, Record
from newsgraph.store import aggregates, claims, queries, reader, schema, writer
from newsgraph.store.engine import connect, journal_mode, make_engine, read_scope, write_engine
from newsgraph.store.migrations import current_version, migrate
from newsgraph.store.writer import BatchResult


class Store:
    """A migrated database. Make one with ``Store.open``; close it (or use ``with``)."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name
        self._writer = write_engine(engine)

    # ---- opening and closing -----------------------------------------------------------

    @classmethod
    def open(cls, url_or_path: str) -> Self:
        """Open (creating if needed) and migrate the database at ``url_or_path``.

        A bare path is a SQLite file; ``sqlite:///`` and ``postgresql://`` URLs pass
        through. Raises ``StoreError`` NG201 when it cannot be opened, NG202 when its
        schema is newer than this code.
        """
        engine: Engine | None = None
        try:
            engine = make_engine(url_or_path)
            with write_engine(engine).begin() as conn:
                migrate(conn)
                _check_writable(conn)
        except StoreError:
            if engine is not None:
                engine.dispose()
            raise
        except (SQLAlchemyError, OSError, ValueError) as exc:
            if engine is not None:
                engine.dispose()
            raise StoreError(Code.DB_OPEN, f"{url_or_path}: {_reason(exc)}") from exc
        return cls(engine, url_or_path)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.name!r})"

    def reading(self) -> AbstractContextManager[Connection]:
        """One connection and read transaction for every read inside (``engine.read_scope``):
        the web app wraps each request's view in it."""
        return read_scope(self.engine)

    def connect(self) -> AbstractContextManager[Connection]:
        """A connection for reading: the enclosing ``reading()``'s, else a new one."""
        return connect(self.engine)

    @property
    def schema_version(self) -> int:
        """The schema version the database is at."""
        with self.engine.connect() as conn:
            return current_version(conn)

    @property
    def journal_mode(self) -> str | None:
        """SQLite's journal mode (``wal``); None on other databases."""
        return journal_mode(self.engine)

    # ---- runs --------------------------------------------------------------------------

    def begin_run(self, command: str, args: Mapping[str, Any]) -> int:
        """Record the start of a run of ``command``; returns the run id."""
        stmt = insert(schema.runs).values(
            started=_now(), command=command, args=dict(args), status="running"
        )
        with self._writer.begin() as conn:
            key = conn.execute(stmt).inserted_primary_key
        assert key is not None
        return int(key[0])

    def finish_run(self, run_id: int, counts: Mapping[str, Any], status: str = "ok") -> None:
        """Record the end of a run, with what it counted and how it ended."""
        stmt = (
            update(schema.runs)
            .where(schema.runs.c.id == run_id)
            .values(finished=_now(), counts=dict(counts), status=status)
        )
        with self._writer.begin() as conn:
            conn.execute(stmt)

    # ---- writing -----------------------------------------------------------------------

    def save_batch(
        self,
        records: Sequence[Record],
        run_id: int | None,
        minhashes: Mapping[str, bytes] | None = None,
        *,
        merge: bool = True,
        concurrent: writer.ConcurrentDuplicates | None = None,
    ) -> BatchResult:
        """Write articles (with all child rows), duplicates and rejections in ONE
        transaction. Already-stored content hashes, sources and rejections are skipped.
        ``minhashes`` maps article id to its MinHash signature bytes; ``concurrent``
        (an ingest's) first makes Duplicates of the batch's articles that duplicate what
        other runs stored since it last looked, in the same transaction. With ``merge``,
        :meth:`merge_in` runs in the same transaction: a plain Store merges nothing;
        the analysis layer's ``Database`` (what ``newsgraph.open`` returns) merges the
        new articles' events into merged events there, so readers never write."""
        records = list(records)
        with self._writer.begin() as conn:
            if concurrent is not None:
                records = concurrent.settle(conn, records, run_id, minhashes or {})
            batch_ids = {r.id for r in records if isinstance(r, Article)}
            before = _stored_ids(conn, batch_ids)
            result = writer.save_batch(conn, records, run_id, minhashes)
            added = sorted(_stored_ids(conn, batch_ids - before)) if result.added else []
            aggregates.articles_added(conn, added)
            new = set(added)
            claims.save(conn, [r for r in records if isinstance(r, Article) and r.id in new])
            aggregates.bump_tables(
                conn,
                {
                    "article_sources": result.added + result.duplicates,
                    "rejections": result.rejected,
                },
            )
            if merge:
                self.merge_in(conn, [r for r in records if isinstance(r, Article)])
            return result

    def merge_in(self, conn: Connection, articles: Sequence[Article]) -> None:
        """Called by :meth:`save_batch` inside its transaction with the batch's article
        records (stored now or before); a hook for the layers above
        (``newsgraph.analyze.database.Database`` merges events and assigns stories here)."""

    # ---- reading -----------------------------------------------------------------------

    def known_hash(self, content_hash: str) -> str | None:
        """The id of the stored article with this content hash, if any."""
        a = schema.articles
        with self.connect() as conn:
            return conn.execute(
                select(a.c.id).where(a.c.content_hash == content_hash)
            ).scalar_one_or_none()

    def signatures(self) -> Iterator[tuple[str, str, bytes | None]]:
        """(article id, content hash, MinHash bytes or None) of every stored article,
        for re-loading the duplicate index."""
        return reader.iter_signatures(self.engine)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article in ``Article.to_dict()`` shape, or None."""
        with self.connect() as conn:
            return reader.read_article(conn, article_id)

    def article_sources(self, article_id: str) -> list[dict[str, Any]]:
        """Every input that carried the article (its first source, then duplicates)."""
        with self.connect() as conn:
            return reader.article_sources(conn, article_id)

    def articles(self, limit: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Article rows (no child lists), ordered by id. Filters: language, outlet,
        run_id, source, since/until (inclusive ISO bounds on the published date)."""
        return reader.iter_articles(self.engine, limit, **filters)

    def articles_df(self, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """``articles(...)`` as a DataFrame."""
        return reader.articles_frame(self.engine, limit, **filters)

    def find_quotes(
        self,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes by a speaker (KB name, alias or a name fragment) and date range, newest first."""
        from newsgraph.kb.load import default_kb
        from newsgraph.kb.resolve import lookup_name

        ids = [actor.id for actor in lookup_name(default_kb(), speaker)] if speaker else []
        with self.engine.connect() as conn:
            return queries.find_quotes(
                conn,
                speaker_ids=ids,
                speaker_text=speaker,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
            )

    def quotes_df(self) -> pd.DataFrame:
        """Every quote, one row each, with its article id and speaker columns."""
        return self._frame(schema.quotes, ["article_id", "seq"])

    def times_df(self) -> pd.DataFrame:
        """Every time expression."""
        return self._frame(schema.times, ["article_id", "seq"])

    def entities_df(self) -> pd.DataFrame:
        """Every entity of every article (mentions are in the ``mentions`` table)."""
        return self._frame(schema.entities, ["article_id", "seq"])

    def mentions_df(self) -> pd.DataFrame:
        """Every entity mention."""
        return self._frame(schema.mentions, ["article_id", "entity_seq", "seq"])

    def events_df(self) -> pd.DataFrame:
        """Every event; ``source``/``target`` hold lists of actor dicts."""
        return self._frame(schema.events, ["article_id", "seq"])

    def rejections_df(self) -> pd.DataFrame:
        """Every rejected input with its code and message."""
        return self._frame(schema.rejections, ["id"])

    def runs_df(self) -> pd.DataFrame:
        """Every run."""
        return self._frame(schema.runs, ["id"])

    def stats(self) -> dict[str, Any]:
        """Counts per table, articles per language and outlet, and the latest runs."""
        with self.connect() as conn:
            return reader.stats(conn)

    # ---- merged events ------------------------------------------------------------------

    def merged_events_df(self) -> pd.DataFrame:
        """Every merged event (one row per event however many articles report it)."""
        return self._frame(schema.merged_events, ["id"])

    def event_mentions_df(self) -> pd.DataFrame:
        """Every report of a merged event: (article_id, event_seq) -> merged_event_id."""
        return self._frame(schema.event_mentions, ["merged_event_id", "article_id", "event_seq"])

    def _frame(self, table: Any, order: list[str]) -> pd.DataFrame:
        with self.engine.connect() as conn:
            return reader.frame(conn, table, order)


def _stored_ids(conn: Connection, ids: set[str]) -> set[str]:
    """Which of ``ids`` name stored articles."""
    a = schema.articles
    found: set[str] = set()
    for chunk in aggregates.chunked(sorted(ids), 500):
        found.update(r[0] for r in conn.execute(select(a.c.id).where(a.c.id.in_(chunk))))
    return found


def _check_writable(conn: Connection) -> None:
    """Fail now, not at the first save, when the database cannot be written: a write
    statement that matches no rows still needs write access."""
    v = schema.schema_version.c.version
    conn.execute(delete(schema.schema_version).where(v < 0))


def _now() -> datetime:
    return datetime.now(UTC)


def _reason(exc: BaseException) -> str:
    """The driver's own words when there are some ("file is not a database")."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
