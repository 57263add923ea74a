"""The story tables and the queries story assignment and the story views run.

- ``story_sketches``: what assignment knows of each article, computed once when it is
  stored (sentence vector as float16 bytes, title-and-lead word counts, canonical
  actors and places, the day it was placed on);
- ``stories``: one row per story with the aggregates assignment scores against
  (span of days, size, sum of vectors, word counts per language, actors, places) and
  its headline; a story merged into another keeps its row with ``merged_into`` set;
- ``story_articles``: the story of each article (one row per article), with the day
  and the probability it joined with (NULL: it opened the story);
- ``story_df``: in how many articles each word or entity id occurs (idf), and the
  article count under the key ``DOCS_KEY``.

The tables live on their own ``MetaData`` and are created by the ``stories`` schema
step (``store.migrations``). The active window is read through ``ix_stories_last_day``.

Assignment keeps the active window in its process between batches
(``analyze.stories``); ``story_df`` holds under ``STATE_KEY`` a random token that every
assignment replaces in its transaction (``write_state``), so a process sees from the
token (and the highest story id, ``read_state``) whether the tables changed since it
last wrote them. Anything else that writes the story tables must call ``write_state``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    and_,
    bindparam,
    func,
    insert,
    select,
    update,
)

from newsgraph.store import schema
from newsgraph.store.aggregates import chunked

metadata = MetaData()
DOCS_KEY = " docs"  # no word or entity id holds a space
STATE_KEY = " state"  # the token of the last assignment (``write_state``)

story_sketches = Table(
    "story_sketches",
    metadata,
    Column("article_id", String(64), primary_key=True, autoincrement=False),
    Column("day", Integer, nullable=False),
    Column("language", String(16)),
    Column("vector", LargeBinary, nullable=False),
    Column("terms", JSON, nullable=False),
    Column("actors", JSON, nullable=False),
    Column("places", JSON, nullable=False),
    Column("names", JSON, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("first_day", Integer, nullable=False),
    Column("last_day", Integer, nullable=False),
    Column("size", Integer, nullable=False),
    Column("vec_sum", LargeBinary, nullable=False),
    Column("terms", JSON, nullable=False),
    Column("actors", JSON, nullable=False),
    Column("places", JSON, nullable=False),
    Column("first_report", String(10), nullable=False),  # first_day as an ISO day
    Column("last_report", String(10), nullable=False),
    Column("headline", Text),
    Column("headline_article", String(64)),
    Column("merged_into", Integer),
    Index("ix_stories_last_day", "last_day"),
    Index("ix_stories_merged_into", "merged_into"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(64), primary_key=True, autoincrement=False),
    Column("story_id", Integer, nullable=False),
    Column("day", Integer, nullable=False),
    Column("probability", Float),
    Index("ix_story_articles_story", "story_id", "day", "article_id"),
)

story_df = Table(
    "story_df",
    metadata,
    Column("key", String(300), primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
)

TABLES = (story_sketches, stories, story_articles, story_df)


def create_tables(conn: Connection) -> None:
    """The schema step: create the story tables (checkfirst)."""
    metadata.create_all(conn, tables=list(TABLES), checkfirst=True)


# ---- assignment -----------------------------------------------------------------------------


def unassigned(conn: Connection, article_ids: Iterable[str]) -> set[str]:
    """Which of ``article_ids`` are stored articles without a story yet."""
    a, sa = schema.articles, story_articles
    found: set[str] = set()
    for chunk in chunked(sorted(set(article_ids)), 500):
        stmt = (
            select(a.c.id)
            .select_from(a.outerjoin(sa, sa.c.article_id == a.c.id))
            .where(a.c.id.in_(chunk), sa.c.article_id.is_(None))
        )
        found.update(r[0] for r in conn.execute(stmt))
    return found


def window_rows(conn: Connection, lo_day: int, hi_day: int) -> list[dict[str, Any]]:
    """Stories not merged away whose span touches ``[lo_day, hi_day]`` (the caller
    widens the days by the window): a range read on ``ix_stories_last_day``."""
    s = stories
    stmt = select(s).where(
        s.c.last_day >= lo_day, s.c.first_day <= hi_day, s.c.merged_into.is_(None)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def window_light(conn: Connection, lo_day: int, hi_day: int) -> list[dict[str, Any]]:
    """``window_rows`` without the word, actor and place counts: id, days, size and
    vector sum (what the in-process centroid index holds of every story)."""
    s = stories
    stmt = select(s.c.id, s.c.first_day, s.c.last_day, s.c.size, s.c.vec_sum).where(
        s.c.last_day >= lo_day, s.c.first_day <= hi_day, s.c.merged_into.is_(None)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def story_rows(conn: Connection, story_ids: Iterable[int]) -> list[dict[str, Any]]:
    """The full rows of ``story_ids`` (those not merged away)."""
    s = stories
    found: list[dict[str, Any]] = []
    for chunk in chunked(sorted(set(story_ids)), 500):
        stmt = select(s).where(s.c.id.in_(chunk), s.c.merged_into.is_(None))
        found.extend(dict(r) for r in conn.execute(stmt).mappings())
    return found


def read_state(conn: Connection) -> tuple[int | None, int | None]:
    """The token of the last assignment (None: none wrote one) and the highest story id:
    what a process compares with what it saw to know its cached window is current."""
    token = conn.execute(select(story_df.c.n).where(story_df.c.key == STATE_KEY)).scalar()
    top = conn.execute(select(func.max(stories.c.id))).scalar()
    return (
        int(token) if token is not None else None,
        int(top) if top is not None else None,
    )


def write_state(conn: Connection, old: int | None, new: int) -> bool:
    """Replace the token ``old`` by ``new``; False when the stored token was not ``old``
    (another process wrote the story tables in between: a cached window is stale)."""
    if old is None:
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as upsert
        else:
            from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
        stmt = (
            upsert(story_df)
            .values(key=STATE_KEY, n=new)
            .on_conflict_do_nothing()
            .returning(story_df.c.key)
        )
        if conn.execute(stmt).first() is not None:  # (rowcount is -1 on psycopg)
            return True
    else:
        stmt2 = (
            update(story_df).where(story_df.c.key == STATE_KEY, story_df.c.n == old).values(n=new)
        )
        if conn.execute(stmt2).rowcount == 1:
            return True
    conn.execute(update(story_df).where(story_df.c.key == STATE_KEY).values(n=new))
    return False


def doc_freqs(conn: Connection, keys: Iterable[str]) -> dict[str, int]:
    """Stored counts of ``keys`` (and of ``DOCS_KEY``); missing keys are absent."""
    found: dict[str, int] = {}
    for chunk in chunked(sorted({*keys, DOCS_KEY}), 500):
        stmt = select(story_df.c.key, story_df.c.n).where(story_df.c.key.in_(chunk))
        found.update((k, int(n)) for k, n in conn.execute(stmt))
    return found


def add_doc_freqs(conn: Connection, deltas: Mapping[str, int]) -> None:
    """Add ``deltas`` to the stored counts (rows created as needed): one upsert
    (``INSERT ... ON CONFLICT (key) DO UPDATE SET n = n + excluded.n``) run over the
    keys in order (an executemany), nothing read first (it used to read the stored
    counts, then insert the new keys and update the others: docs/scale.md, "Session 13:
    ingest at scale")."""
    rows = [{"key": k, "n": n} for k, n in sorted(deltas.items()) if n]
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    stmt = upsert(story_df)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[story_df.c.key], set_={"n": story_df.c.n + stmt.excluded.n}
        ),
        rows,
    )


def save_sketches(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert(story_sketches), list(rows))


def insert_story(conn: Connection, row: Mapping[str, Any]) -> int:
    key = conn.execute(insert(stories).values(**row)).inserted_primary_key
    assert key is not None
    return int(key[0])


def insert_stories(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Insert ``rows`` (``insert_story``'s, a headline or not); their ids in the order
    of ``rows`` (an executemany with RETURNING in parameter order: without a sentinel
    column SQLAlchemy sends it a row at a time)."""
    if not rows:
        return []
    full = [{"headline": None, "headline_article": None, **row} for row in rows]
    stmt = insert(stories).returning(stories.c.id, sort_by_parameter_order=True)
    return [int(key) for key in conn.execute(stmt, full).scalars()]


def update_story(conn: Connection, story_id: int, values: Mapping[str, Any]) -> None:
    conn.execute(update(stories).where(stories.c.id == story_id).values(**values))


def update_stories(conn: Connection, changes: Sequence[tuple[int, Mapping[str, Any]]]) -> None:
    """``update_story`` of each (id, values) pair: one executemany for the pairs that set
    the same columns (a batch's grown stories: about one statement an article, each
    with its own round of statement overhead, before)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for story_id, values in changes:
        row = {f"v_{k}": v for k, v in values.items()} | {"story_key": story_id}
        groups.setdefault(tuple(sorted(values)), []).append(row)
    for columns, rows in groups.items():
        stmt = (
            update(stories)
            .where(stories.c.id == bindparam("story_key"))
            .values({c: bindparam(f"v_{c}", type_=stories.c[c].type) for c in columns})
        )
        conn.execute(stmt, rows)


def save_memberships(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(insert(story_articles), list(rows))


def move_members(conn: Connection, from_id: int, to_id: int) -> None:
    """Every article of story ``from_id`` now belongs to ``to_id`` (a merge)."""
    sa = story_articles
    conn.execute(update(sa).where(sa.c.story_id == from_id).values(story_id=to_id))
    conn.execute(update(stories).where(stories.c.merged_into == from_id).values(merged_into=to_id))


def sketch_vectors(conn: Connection, article_ids: Iterable[str]) -> dict[str, bytes]:
    """Stored sentence vectors of ``article_ids``."""
    found: dict[str, bytes] = {}
    for chunk in chunked(sorted(set(article_ids)), 500):
        stmt = select(story_sketches.c.article_id, story_sketches.c.vector).where(
            story_sketches.c.article_id.in_(chunk)
        )
        found.update((k, bytes(v)) for k, v in conn.execute(stmt))
    return found


MEMBERS_READ = 200  # the latest members of a story read (``member_sketches``)


def member_sketches(
    conn: Connection, story_ids: Iterable[int], most: int = MEMBERS_READ
) -> dict[int, list[dict[str, Any]]]:
    """The stored sketch rows of the articles of ``story_ids``, by story, at most the
    ``most`` latest of each (by day, then id), oldest first. The bound is in the query
    (each story's members ranked on ``ix_story_articles_story``): a story of thousands of
    articles sends ``most`` sketches, not all of them. ``member_day``: each one's day in
    the story (the order's)."""
    sa, sk = story_articles, story_sketches
    found: dict[int, list[dict[str, Any]]] = {}
    for chunk in chunked(sorted(set(story_ids)), 500):
        ranked = (
            select(
                sa.c.story_id,
                sa.c.article_id,
                sa.c.day,
                func.row_number()
                .over(
                    partition_by=sa.c.story_id, order_by=(sa.c.day.desc(), sa.c.article_id.desc())
                )
                .label("latest"),
            )
            .where(sa.c.story_id.in_(chunk))
            .subquery()
        )
        stmt = (
            select(ranked.c.story_id, ranked.c.day.label("member_day"), sk)
            .select_from(ranked.join(sk, sk.c.article_id == ranked.c.article_id))
            .where(ranked.c.latest <= most)
            .order_by(ranked.c.story_id, ranked.c.day, ranked.c.article_id)
        )
        for row in conn.execute(stmt).mappings():
            found.setdefault(int(row["story_id"]), []).append(dict(row))
    return found


def headline_articles(conn: Connection, story_ids: Iterable[int]) -> dict[int, str]:
    """The headline article of each of ``story_ids`` that has one (not the whole rows:
    their word, actor and place counts are large and not needed here)."""
    s = stories
    found: dict[int, str] = {}
    for chunk in chunked(sorted(set(story_ids)), 500):
        stmt = select(s.c.id, s.c.headline_article).where(
            s.c.id.in_(chunk), s.c.headline_article.is_not(None)
        )
        found.update((int(k), str(v)) for k, v in conn.execute(stmt) if v)
    return found


def titles(conn: Connection, article_ids: Iterable[str]) -> dict[str, str | None]:
    a = schema.articles
    found: dict[str, str | None] = {}
    for chunk in chunked(sorted(set(article_ids)), 500):
        found.update(conn.execute(select(a.c.id, a.c.title).where(a.c.id.in_(chunk))).tuples())
    return found


# ---- reading --------------------------------------------------------------------------------


def story_row(conn: Connection, story_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(stories).where(stories.c.id == story_id)).mappings().first()
    return dict(row) if row else None


def story_of(conn: Connection, article_id: str) -> int | None:
    sa = story_articles
    found = conn.execute(select(sa.c.story_id).where(sa.c.article_id == article_id)).scalar()
    return int(found) if found is not None else None


def member_rows(conn: Connection, story_id: int, limit: int = 1000) -> list[dict[str, Any]]:
    """The articles of a story, oldest first: id, title, outlet, language, published
    date, the day it was placed on and its join probability."""
    sa, a, src = story_articles, schema.articles, schema.sources
    stmt = (
        select(
            a.c.id,
            a.c.title,
            a.c.url,
            a.c.language,
            a.c.published_date,
            src.c.name.label("outlet"),
            sa.c.day,
            sa.c.probability,
        )
        .select_from(
            sa.join(a, a.c.id == sa.c.article_id).outerjoin(src, a.c.outlet_id == src.c.id)
        )
        .where(sa.c.story_id == story_id)
        .order_by(sa.c.day, a.c.id)
        .limit(limit)
    )
    return [dict(r) for r in conn.execute(stmt).mappings()]


def list_rows(
    conn: Connection,
    *,
    since_day: int | None = None,
    story_ids: Sequence[int] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories not merged away, newest last report first; only those active on or after
    ``since_day``; only ``story_ids`` when given."""
    s = stories
    stmt = select(
        s.c.id,
        s.c.first_day,
        s.c.last_day,
        s.c.size,
        s.c.headline,
        s.c.headline_article,
        s.c.actors,
        s.c.places,
    ).where(s.c.merged_into.is_(None))
    if since_day is not None:
        stmt = stmt.where(s.c.last_day >= since_day)
    if story_ids is not None:
        stmt = stmt.where(s.c.id.in_(list(story_ids)))
    stmt = stmt.order_by(s.c.last_day.desc(), s.c.id.desc()).limit(limit).offset(offset)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def stories_of_articles(conn: Connection, article_ids: Iterable[str]) -> dict[str, int]:
    sa = story_articles
    found: dict[str, int] = {}
    for chunk in chunked(sorted(set(article_ids)), 500):
        stmt = select(sa.c.article_id, sa.c.story_id).where(sa.c.article_id.in_(chunk))
        found.update((k, int(v)) for k, v in conn.execute(stmt))
    return found


def story_outlets(conn: Connection, story_ids: Sequence[int]) -> dict[int, list[str]]:
    """The outlets (and languages) of each story's articles, for the list view."""
    sa, a, src = story_articles, schema.articles, schema.sources
    out: dict[int, list[str]] = {}
    for chunk in chunked(sorted(set(story_ids)), 500):
        stmt = (
            select(sa.c.story_id, src.c.name, a.c.language)
            .select_from(
                sa.join(a, a.c.id == sa.c.article_id).outerjoin(src, a.c.outlet_id == src.c.id)
            )
            .where(sa.c.story_id.in_(chunk))
            .distinct()
        )
        for sid, outlet, lang in conn.execute(stmt):
            out.setdefault(int(sid), []).append(f"{outlet or '?'}|{lang or '?'}")
    return out


def export_select() -> Any:
    """Every story that was not merged away (for exports; ``articles`` exports carry
    each article's story id)."""
    s = stories
    return select(
        s.c.id,
        s.c.headline,
        s.c.headline_article,
        s.c.first_report,
        s.c.last_report,
        s.c.size.label("articles"),
        s.c.actors,
        s.c.places,
    ).where(s.c.merged_into.is_(None))


def with_story(stmt: Any, article_id_column: Any) -> Any:
    """``stmt`` with a ``story`` column: the story id of ``article_id_column``'s article."""
    sa = story_articles
    return stmt.add_columns(sa.c.story_id.label("story")).outerjoin(
        sa, and_(sa.c.article_id == article_id_column)
    )


def pending_articles(conn: Connection, limit: int) -> list[str]:
    """Up to ``limit`` stored articles without a story, oldest published first."""
    a, sa = schema.articles, story_articles
    stmt = (
        select(a.c.id)
        .select_from(a.outerjoin(sa, sa.c.article_id == a.c.id))
        .where(sa.c.article_id.is_(None))
        .order_by(a.c.published_date, a.c.id)
        .limit(limit)
    )
    return [r[0] for r in conn.execute(stmt)]
