"""Writing a batch of records in one transaction, idempotently.

``save_batch`` first looks up what the database already holds for the batch (content
hashes, article ids, article sources, rejections: a handful of ``IN`` queries), then
decides record by record what is new, then inserts each table's new rows with one
``executemany``. The caller's transaction makes the whole batch atomic.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Column, Connection, MetaData, Table, Text, func, insert, select
from sqlalchemy.dialects import postgresql

from newsgraph.inputs.dedupe import DuplicateIndex, signature_from_bytes
from newsgraph.records import Article, Duplicate, Record, Rejected
from newsgraph.store import aggregates, schema
from newsgraph.store.rows import (
    ArticleRows,
    article_row,
    duplicate_source_row,
    rejection_row,
    source_row,
)

# how many values one IN (...) query carries (well under SQLite's variable limit)
IN_CHUNK = 500


@dataclass(frozen=True)
class BatchResult:
    """What one ``save_batch`` did: new articles, new duplicate sources, new rejections,
    and records that were already stored (or point at nothing) and so were skipped."""

    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: int = 0


def content_hash_of(article: Article) -> str:
    """The article's content hash; SHA-256 of its text when the record carries none."""
    return article.content_hash or hashlib.sha256(article.text.encode("utf-8")).hexdigest()


@dataclass
class _Plan:
    """What the database holds for this batch, and the rows still to write."""

    run_id: int | None
    minhashes: Mapping[str, bytes]
    hash_to_id: dict[str, str]
    article_ids: set[str]
    outlet_ids: dict[str, int]
    sources: set[tuple[str, str]]
    rejections: set[tuple[str, str]]
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    rows: ArticleRows = field(default_factory=ArticleRows)
    # batch article id -> the stored article with the same text, for Duplicates pointing at it
    aliases: dict[str, str] = field(default_factory=dict)
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: int = 0

    def take(self, record: Record) -> None:
        """Decide what ``record`` adds, if anything."""
        if isinstance(record, Article):
            self._take_article(record)
        elif isinstance(record, Duplicate):
            self._take_duplicate(record)
        elif isinstance(record, Rejected):
            self._take_rejection(record)
        else:
            raise TypeError(f"save_batch takes Article, Duplicate or Rejected, not {record!r}")

    def _take_article(self, art: Article) -> None:
        digest = content_hash_of(art)
        earlier = self.hash_to_id.get(digest)
        if earlier is not None:
            # same text already stored: keep this input as one more source of it
            self.aliases[art.id] = earlier
            if self._add_source(
                source_row(earlier, art.source, art.url, self.run_id, "exact", 1.0)
            ):
                self.duplicates += 1
            else:
                self.skipped += 1
            return
        if art.id in self.article_ids:  # same id, other text: the stored version stays
            self.skipped += 1
            return
        outlet_id = self.outlet_ids.get(art.outlet) if art.outlet else None
        row = article_row(
            art,
            outlet_id=outlet_id,
            minhash=self.minhashes.get(art.id),
            run_id=self.run_id,
            created=self.now,
        )
        row["content_hash"] = digest
        self.rows.add_article(art, row)
        self._add_source(source_row(art.id, art.source, art.url, self.run_id))
        self.hash_to_id[digest] = art.id
        self.article_ids.add(art.id)
        self.added += 1

    def _take_duplicate(self, dup: Duplicate) -> None:
        target = self.aliases.get(dup.duplicate_of, dup.duplicate_of)
        row = duplicate_source_row(dup, self.run_id) | {"article_id": target}
        if target in self.article_ids and self._add_source(row):
            self.duplicates += 1
        else:
            self.skipped += 1

    def _take_rejection(self, rej: Rejected) -> None:
        key = (rej.source, rej.code)
        if key in self.rejections:
            self.skipped += 1
            return
        self.rejections.add(key)
        self.rows.rejections.append(rejection_row(rej, self.run_id, self.now))
        self.rejected += 1

    def _add_source(self, row: dict[str, Any]) -> bool:
        """Queue an ``article_sources`` row unless that (article, source) pair is known."""
        key = (row["article_id"], row["source"])
        if key in self.sources:
            return False
        self.sources.add(key)
        self.rows.article_sources.append(row)
        return True

    def result(self) -> BatchResult:
        return BatchResult(self.added, self.duplicates, self.rejected, self.skipped)


class ConcurrentDuplicates:
    """Near-duplicates decided in the store's transaction, so that concurrent ingests end
    as one run over all their inputs would.

    A run's pipeline checks each text against the duplicate index loaded when the run
    began (``index``); an article another run commits afterwards is not in it. Inside
    each batch's write transaction (writers queue: SQLite's ``BEGIN IMMEDIATE``,
    PostgreSQL's advisory lock), :meth:`settle` reads the articles other runs committed
    since the last look (their first ``article_sources`` row has a higher id than any
    seen: ids grow in commit order because writers queue, and the primary key finds
    them without a scan), adds them to the index, and turns each of the batch's
    articles that duplicates one of them, exactly or near, into a ``Duplicate`` of it:
    whichever run commits first keeps the article, the other records one more source
    of it. Later duplicates of an article turned so point at the stored one.
    """

    def __init__(self, index: DuplicateIndex, last_source_id: int) -> None:
        self.index = index
        self.others = DuplicateIndex(index.threshold, index.num_perm)
        self.last = last_source_id
        # an article of this run made a duplicate -> (the stored one, kind, similarity)
        self.aliases: dict[str, tuple[str, Literal["exact", "near"], float]] = {}

    @staticmethod
    def watermark(conn: Connection) -> int:
        """The highest ``article_sources`` id now (take it before loading the index)."""
        s = schema.article_sources
        return int(conn.execute(select(func.max(s.c.id))).scalar() or 0)

    def settle(
        self,
        conn: Connection,
        records: Sequence[Record],
        run_id: int | None,
        minhashes: Mapping[str, bytes],
    ) -> list[Record]:
        """``records`` with the articles other runs stored meanwhile made Duplicates."""
        a, s = schema.articles, schema.article_sources
        stmt = (
            select(s.c.id, a.c.id, a.c.content_hash, a.c.minhash)
            .join(a, a.c.id == s.c.article_id)
            .where(s.c.id > self.last, s.c.duplicate_kind.is_(None))
        )
        if run_id is not None:
            stmt = stmt.where((s.c.run_id != run_id) | s.c.run_id.is_(None))
        newest = self.watermark(conn)  # under the write lock: nothing newer is coming
        for _, article_id, digest, signature in conn.execute(stmt.where(s.c.id <= newest)):
            if article_id not in self.others:
                self.others.add_signature(article_id, digest, signature)
            if article_id not in self.index:
                self.index.add_signature(article_id, digest, signature)
        self.last = newest  # this run's own rows since are skipped for good too
        if not len(self.others) and not self.aliases:
            return list(records)
        return [self._settled(record, minhashes) for record in records]

    def _settled(self, record: Record, minhashes: Mapping[str, bytes]) -> Record:
        if isinstance(record, Duplicate):
            alias = self.aliases.get(record.duplicate_of)
            if alias is None:
                return record
            target, kind, similarity = alias
            if record.kind == "exact":  # the same text as what it copies: the same verdict
                return dataclasses.replace(
                    record, duplicate_of=target, kind=kind, similarity=similarity
                )
            return dataclasses.replace(record, duplicate_of=target)
        if not isinstance(record, Article) or record.id in self.others:
            return record
        signature = minhashes.get(record.id)
        hit = self.others.check_fingerprint(
            record.id,
            record.content_hash or content_hash_of(record),
            signature_from_bytes(signature) if signature is not None else None,
        )
        if hit is None:
            return record
        kind, earlier, similarity = hit
        self.aliases[record.id] = (earlier, kind, round(similarity, 4))
        return Duplicate.of(record, earlier, kind, similarity)


def save_batch(
    conn: Connection,
    records: Sequence[Record],
    run_id: int | None,
    minhashes: Mapping[str, bytes] | None = None,
) -> BatchResult:
    """Write ``records`` through ``conn`` (inside the caller's transaction)."""
    plan = _plan_for(conn, records, run_id, minhashes or {})
    for record in records:
        plan.take(record)
    _insert_rows(conn, plan.rows)
    return plan.result()


def _plan_for(
    conn: Connection,
    records: Sequence[Record],
    run_id: int | None,
    minhashes: Mapping[str, bytes],
) -> _Plan:
    """Look up everything the batch could collide with, in a few bulk queries."""
    arts = [r for r in records if isinstance(r, Article)]
    dups = [r for r in records if isinstance(r, Duplicate)]
    rejs = [r for r in records if isinstance(r, Rejected)]
    a = schema.articles
    hashes = dict(
        _select_in(
            conn, [a.c.content_hash, a.c.id], a.c.content_hash, {content_hash_of(x) for x in arts}
        )
    )
    wanted_ids = {x.id for x in arts} | {d.duplicate_of for d in dups} | set(hashes.values())
    ids = {row[0] for row in _select_in(conn, [a.c.id], a.c.id, wanted_ids)}
    s = schema.article_sources
    sources = set(_select_in(conn, [s.c.article_id, s.c.source], s.c.article_id, wanted_ids))
    r = schema.rejections
    rejections = set(_select_in(conn, [r.c.source, r.c.code], r.c.source, {x.source for x in rejs}))
    outlets = outlet_ids(conn, {x.outlet for x in arts if x.outlet})
    return _Plan(run_id, minhashes, hashes, ids, outlets, sources, rejections)


def outlet_ids(conn: Connection, names: set[str]) -> dict[str, int]:
    """Ids of the outlets named, adding to ``sources`` the ones not there yet."""
    if not names:
        return {}
    t = schema.sources
    have = dict(_select_in(conn, [t.c.name, t.c.id], t.c.name, names))
    missing = sorted(names - have.keys())
    if missing:
        conn.execute(insert(t), [{"name": n} for n in missing])
        have.update(_select_in(conn, [t.c.name, t.c.id], t.c.name, set(missing)))
    return have


def _select_in(
    conn: Connection, columns: list[Column[Any]], key: Column[Any], values: Iterable[Any]
) -> Iterator[tuple[Any, ...]]:
    """Rows of ``columns`` where ``key`` is one of ``values``, queried in chunks."""
    values = sorted(values)
    for i in range(0, len(values), IN_CHUNK):
        chunk = values[i : i + IN_CHUNK]
        for row in conn.execute(select(*columns).where(key.in_(chunk))):
            yield tuple(row)


def _insert_rows(conn: Connection, rows: ArticleRows) -> None:
    """Insert the batch's rows, parents before children."""
    order: list[tuple[Table, list[dict[str, Any]]]] = [
        (schema.articles, rows.articles),
        (schema.article_sources, rows.article_sources),
        (schema.entities, rows.entities),
        (schema.mentions, rows.mentions),
        (schema.quotes, rows.quotes),
        (schema.times, rows.times),
        (schema.events, rows.events),
        (schema.rejections, rows.rejections),
    ]
    if conn.dialect.name == "postgresql" and rows.articles:
        # the search tags (migration ``_pg_search_tags``) go in with the row: an UPDATE
        # after would write each new article twice, with its search_doc's index entries
        tags = aggregates.search_tags_of(rows.articles, rows.entities)
        tagged = [row | {"search_tags": tags[row["id"]]} for row in rows.articles]
        conn.execute(insert(_pg_articles()), tagged)
        order = order[1:]
    for table, table_rows in order:
        if table_rows:
            conn.execute(insert(table), table_rows)


@functools.cache
def _pg_articles() -> Table:
    """``articles`` with the PostgreSQL-only ``search_tags`` column, for inserting."""
    copy = schema.articles.to_metadata(MetaData())
    copy.append_column(Column("search_tags", postgresql.ARRAY(Text)))
    return copy
