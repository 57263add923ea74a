"""A versioned schema: ordered migration steps, applied in one transaction on open.

Each step is a function taking a ``Connection`` and moving the schema from version
``n - 1`` to ``n``; applying it records ``n`` in ``schema_version``. A database with
no ``schema_version`` table is version 0 (empty). Steps may branch on
``conn.dialect.name`` for dialect-only objects (this is the seam for full-text search:
an FTS5 virtual table on SQLite, a ``tsvector`` index on PostgreSQL, as a later step).

Step 3 adds tables (the aggregates of ``store.aggregates``) and indexes but changes no
existing table, so step 1 still builds the version-1 tables from ``schema.py``.

Rule for future steps: never edit a released step. Step 1 builds the version-1 tables
from ``schema.py``; when a later step changes a table, freeze step 1's definitions first
(copy the v1 ``Table`` objects into this module) so a fresh database still replays
1, 2, ... in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, inspect, select
from sqlalchemy.exc import DBAPIError

from newsgraph.errors import Code, StoreError
from newsgraph.store import schema

Step = Callable[[Connection], None]


def _v1_create_tables(conn: Connection) -> None:
    """Version 1: the base tables and their indexes (the aggregate tables of step 3
    are left to step 3, so that it finds them empty and fills them)."""
    later = set(schema.AGGREGATE_TABLES)
    tables = [t for t in schema.metadata.sorted_tables if t not in later]
    schema.metadata.create_all(conn, tables=tables, checkfirst=True)


# ---- step 2: full-text search over articles (title, text) -------------------------------

# the PostgreSQL document expression; queries must use exactly this text for the GIN index
PG_DOCUMENT_SQL = "to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)"

_SQLITE_FTS = (
    # a regular FTS5 table holding its own copy, joined to articles on the id: an
    # external-content table keyed on articles' implicit rowid would break after VACUUM
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "id UNINDEXED, title, text, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF id, title, text ON articles "
    "BEGIN DELETE FROM articles_fts WHERE id = old.id; "
    "INSERT INTO articles_fts (id, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO articles_fts (id, title, text) SELECT id, title, text FROM articles",
)


def _v2_search_index(conn: Connection) -> None:
    """Version 2: full-text search. SQLite: an FTS5 table kept in sync by triggers.
    PostgreSQL: a GIN expression index over ``PG_DOCUMENT_SQL`` (needs no sync)."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            conn.exec_driver_sql(statement)
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING GIN ({PG_DOCUMENT_SQL})"
        )


# ---- step 3: aggregates kept at ingest, and indexes in the order pages read -------------

# (name, table, columns): a column is "name", "name DESC" (newest first, undated last) or
# "name FIRST" (ascending, undated first); PostgreSQL needs the NULLS placement spelled out
ORDERED_INDEXES = (
    ("ix_actor_stats_rank", "actor_stats", ("is_actor", "articles DESC", "entity_id")),
    ("ix_articles_source", "articles", ("source",)),
    ("ix_articles_newest", "articles", ("published_date DESC", "id")),
    ("ix_articles_outlet_newest", "articles", ("outlet_id", "published_date DESC", "id")),
    ("ix_articles_language_newest", "articles", ("language", "published_date DESC", "id")),
    ("ix_quote_index_newest", "quote_index", ("day DESC", "article_id", "seq")),
    (
        "ix_quote_index_speaker",
        "quote_index",
        ("speaker_entity", "day DESC", "article_id", "seq"),
    ),
    ("ix_quote_speakers_newest", "quote_speakers", ("name_lower", "day DESC", "article_id", "seq")),
    ("ix_event_index_newest", "event_index", ("day DESC", "article_id", "seq")),
    ("ix_event_index_type", "event_index", ("type", "day DESC", "article_id", "seq")),
    ("ix_event_keys_newest", "event_keys", ("key", "day DESC", "article_id", "seq")),
    ("ix_merged_events_newest", "merged_events", ("date DESC", "id DESC")),
    ("ix_merged_events_type_newest", "merged_events", ("type", "date DESC", "id DESC")),
    (
        "ix_merged_event_keys_newest",
        "merged_event_keys",
        ("key", "date DESC", "merged_event_id DESC"),
    ),
    (
        "ix_merged_event_keys_type",
        "merged_event_keys",
        ("key", "type", "date DESC", "merged_event_id DESC"),
    ),
    (
        "ix_merged_event_pairs_oldest",
        "merged_event_pairs",
        ("lo", "hi", "negated", "date FIRST", "merged_event_id"),
    ),
)

# PostgreSQL keeps the search document in a stored column: ranking reads it instead of
# parsing every candidate's text again
_PG_SEARCH = (
    f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_doc tsvector "
    f"GENERATED ALWAYS AS ({PG_DOCUMENT_SQL}) STORED",
    "CREATE INDEX IF NOT EXISTS ix_articles_search_doc ON articles USING GIN (search_doc)",
    "DROP INDEX IF EXISTS ix_articles_fts",
)


def _index_sql(dialect: str, name: str, table: str, columns: Sequence[str]) -> str:
    parts = []
    for column in columns:
        field, _, how = column.partition(" ")
        if how == "DESC":
            parts.append(f'"{field}" DESC' + (" NULLS LAST" if dialect == "postgresql" else ""))
        elif how == "FIRST":
            parts.append(f'"{field}"' + (" ASC NULLS FIRST" if dialect == "postgresql" else ""))
        else:
            parts.append(f'"{field}"')
    return f'CREATE INDEX IF NOT EXISTS {name} ON "{table}" ({", ".join(parts)})'


def _v3_aggregates(conn: Connection) -> None:
    """Version 3: the aggregate and lookup tables of ``schema.AGGREGATE_TABLES``, filled
    from what is stored (``aggregates.backfill``); indexes in page order; on PostgreSQL
    a stored ``search_doc`` tsvector with its GIN index in place of the expression index."""
    from newsgraph.store import aggregates

    for table in schema.AGGREGATE_TABLES:
        table.create(conn, checkfirst=True)
    for name, table_name, columns in ORDERED_INDEXES:
        conn.exec_driver_sql(_index_sql(conn.dialect.name, name, table_name, columns))
    if conn.dialect.name == "postgresql":
        for statement in _PG_SEARCH:
            conn.exec_driver_sql(statement)
    aggregates.backfill(conn)


def _v4_filter_index(conn: Connection) -> None:
    """Version 4: an index covering what search filters read of an article (id, outlet,
    language, day), so filtering full-text matches never reads the article rows."""
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_articles_filter ON articles "
        "(id, outlet_id, language, published_date)"
    )


_FTS_WITH_TAGS = (
    "CREATE VIRTUAL TABLE articles_fts_tagged USING fts5("
    "id UNINDEXED, title, text, tags, tokenize = 'porter unicode61 remove_diacritics 2')"
)
_FTS_UPDATE = (
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN "
    "UPDATE articles_fts SET id = new.id, title = new.title, text = new.text "
    "WHERE id = old.id; END"
)


def _search_tags(conn: Connection) -> None:
    """SQLite: ``articles_fts`` gains a ``tags`` column holding an article's outlet,
    language, days and actors as terms (``aggregates.article_tags``), so a filtered
    search is one full-text match. Rows are added by ``aggregates.index_text`` once the
    article's entities are stored, not by a trigger; the table is rebuilt here."""
    if conn.dialect.name != "sqlite":
        return
    from newsgraph.store import aggregates

    for name in ("articles_fts_insert", "articles_fts_update", "articles_fts_delete"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts_tagged")
    conn.exec_driver_sql(_FTS_WITH_TAGS)
    conn.exec_driver_sql("DROP TABLE IF EXISTS articles_fts")
    conn.exec_driver_sql("ALTER TABLE articles_fts_tagged RENAME TO articles_fts")
    conn.exec_driver_sql(_FTS_UPDATE)
    conn.exec_driver_sql(_SQLITE_FTS[2])  # the delete trigger, as step 2 made it
    a = schema.articles
    after = ""
    while True:
        stmt = select(a.c.id).where(a.c.id > after).order_by(a.c.id).limit(2000)
        ids = [r[0] for r in conn.execute(stmt)]
        if not ids:
            return
        for chunk in aggregates.chunked(ids):
            aggregates.index_text(conn, chunk)
        after = ids[-1]


def _event_months(conn: Connection) -> None:
    """``event_months``: ``event_days`` summed by month, for monthly charts."""
    schema.event_months.create(conn, checkfirst=True)
    conn.execute(schema.event_months.delete())
    conn.exec_driver_sql(
        "INSERT INTO event_months (key, month, type, negated, events, mentions) "
        "SELECT key, substr(day, 1, 7), type, negated, sum(events), sum(mentions) "
        "FROM event_days GROUP BY key, substr(day, 1, 7), type, negated"
    )


def _claims_tone_tables(conn: Connection) -> None:
    """Numeric claims and tone (issue 15): the tables of ``store.claims``."""
    from newsgraph.store import claims

    claims.create_tables(conn)


def _stories_tables(conn: Connection) -> None:
    """Stories (issue 15): the tables of ``store.stories`` (sketches, stories,
    memberships, word counts). Stored articles get their stories from
    ``Database.assign_pending_stories`` (the encoder lives above the store)."""
    from newsgraph.store import stories

    stories.create_tables(conn)


def _event_confidence(conn: Connection) -> None:
    """``events.confidence``: how sure the coder is of each event (issue 17); NULL for
    events stored before it was measured. A database built by step 1 from the current
    ``schema.py`` has the column already."""
    columns = {c["name"] for c in inspect(conn).get_columns(schema.events.name)}
    if "confidence" not in columns:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN confidence FLOAT")


def _article_repairs(conn: Connection) -> None:
    """``articles.repairs``: the words the mojibake repair changed in each article
    (issue 14), summed into ``counts`` (kind "repairs") for ``newsgraph stats``; NULL
    for articles stored before it was counted, whose number is kept as the count
    ("repairs", "uncounted") so that stats can say so. A database built by step 1 from
    the current ``schema.py`` has the column already."""
    columns = {c["name"] for c in inspect(conn).get_columns(schema.articles.name)}
    if "repairs" not in columns:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN repairs INTEGER")
    c, a = schema.counts, schema.articles
    before = conn.execute(select(func.count()).where(a.c.repairs.is_(None))).scalar_one()
    if before:
        conn.execute(insert(c).values(kind="repairs", key="uncounted", n=int(before)))


def _published_granularity(conn: Connection) -> None:
    """``articles.published_granularity``: the precision an inferred publication date is
    vouched for (day, month or year; issue 13); NULL for a given date and for articles
    stored before it was kept. A database built by step 1 from the current ``schema.py``
    has the column already."""
    columns = {c["name"] for c in inspect(conn).get_columns(schema.articles.name)}
    if "published_granularity" not in columns:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN published_granularity VARCHAR(8)")


# SQLite: every seen name in a trigram index, so an actor search by fragment (``put``)
# is an index lookup (0.3 ms) instead of a LIKE over every name (21 ms of CPU for the
# 59,000 names at 100,000 articles). Rows come from the insert trigger; entity_names is
# only ever emptied whole (``aggregates.backfill``), which empties this table too.
_SQLITE_NAME_GRAMS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS entity_names_grams USING fts5("
    "name_lower, entity_id UNINDEXED, tokenize = 'trigram')",
    "CREATE TRIGGER IF NOT EXISTS entity_names_grams_insert AFTER INSERT ON entity_names "
    "BEGIN INSERT INTO entity_names_grams (name_lower, entity_id) "
    "VALUES (new.name_lower, new.entity_id); END",
    "DELETE FROM entity_names_grams",
    "INSERT INTO entity_names_grams (name_lower, entity_id) "
    "SELECT name_lower, entity_id FROM entity_names",
)


def _name_grams(conn: Connection) -> None:
    """Actor search by name fragment through a trigram index: an FTS5 ``trigram`` table
    on SQLite (``entity_names_grams``), a ``pg_trgm`` GIN index on PostgreSQL, where a
    ``LIKE '%put%'`` on ``entity_names`` then uses it by itself. Where the extension
    cannot be created (not installed, no right to), the step leaves PostgreSQL as it
    was: the search still works, by reading every name."""
    if conn.dialect.name == "sqlite":
        for statement in _SQLITE_NAME_GRAMS:
            conn.exec_driver_sql(statement)
        return
    if conn.dialect.name != "postgresql":
        return
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            # the operator class by its schema: the extension may live in another
            # schema than the one this database's tables are in
            where = conn.exec_driver_sql(
                "SELECT quote_ident(n.nspname) FROM pg_extension e "
                "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
            ).scalar_one()
            conn.exec_driver_sql(
                "CREATE INDEX IF NOT EXISTS ix_entity_names_grams ON entity_names "
                f"USING GIN (name_lower {where}.gin_trgm_ops)"
            )
    except DBAPIError:
        return


# PostgreSQL: what a search ranks by, small enough to stay in the article's row: the
# title (weight A) and the first 1,000 characters of the text (weight B). Ranking read
# the full ``search_doc`` of each candidate, unpacked from TOAST (11 ms for 100
# candidates at 43,000 articles, under load); matching still uses ``search_doc``.
PG_RANK_DOC_SQL = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(text, 1000)), 'B')"
)


def _pg_search_costs(conn: Connection) -> None:
    """PostgreSQL only: ``articles.rank_doc`` (``PG_RANK_DOC_SQL``, a stored generated
    column: adding it rewrites the table once) for ranking, and an index on entities'
    ``(entity_id, article_id)``, so an actor filter reads the articles naming the actor
    from the index alone (the index on ``entity_id`` sent it to every entity row)."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS rank_doc tsvector "
        f"GENERATED ALWAYS AS ({PG_RANK_DOC_SQL}) STORED"
    )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_entities_entity_article ON entities (entity_id, article_id)"
    )


def _pg_search_tags(conn: Connection) -> None:
    """PostgreSQL only: ``articles.search_tags``, each article's outlet, language, days
    and actors as terms (``aggregates.article_tag_list``, SQLite's ``tags`` column of
    ``articles_fts``), with a GIN index, so a search's outlet, language and frequent
    actor filters are index terms too (``PostgresSearch._narrowed``): the planner ANDs
    their bitmap with the words' bitmap of ``search_doc`` and reads only the rows that
    pass both. (A join to the entities read every article naming a frequent actor or
    holding the word: 45-154 ms at 505,000 articles.) New rows get their tags at insert
    (``writer``); the rows stored before are filled here, ``BACKFILL_PAGE`` at a time."""
    if conn.dialect.name != "postgresql":
        return
    from newsgraph.store import aggregates

    conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_tags text[]")
    a = schema.articles
    after = ""
    while True:
        stmt = select(a.c.id).where(a.c.id > after).order_by(a.c.id)
        ids = [r[0] for r in conn.execute(stmt.limit(aggregates.BACKFILL_PAGE))]
        if not ids:
            break
        for chunk in aggregates.chunked(ids, aggregates.BACKFILL_PAGE):
            aggregates.fill_search_tags(conn, chunk)
        after = ids[-1]
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_articles_search_tags ON articles USING GIN (search_tags)"
    )


def _quote_parts(conn: Connection) -> None:
    """``quotes.parts``: the quoted pieces of a direct quote split by its attribution
    (``'"A," he said, "B."'``), the record's ``parts`` as JSON; NULL means one piece, as
    for every quote stored before (their pieces were not kept).
    A database built by step 1 from the current ``schema.py`` has the column already."""
    columns = {c["name"] for c in inspect(conn).get_columns(schema.quotes.name)}
    if "parts" not in columns:
        conn.exec_driver_sql("ALTER TABLE quotes ADD COLUMN parts JSON")


# PostgreSQL: the words and the tags in one GIN index. A search for a common word
# restricted to its newest days (``PostgresSearch``: tags of those days ANDed with the
# words) walks both posting lists in step inside this one index, so it costs what the
# days hold; with an index each, the word's whole posting list is made into a bitmap
# first (220,000 entries for "Trump" at 1,000,000 articles: 90-150 ms).
PG_SEARCH_INDEX = "ix_articles_search"
# memory for building it (the server's own setting when larger)
PG_INDEX_BUILD_MEMORY = 256 * 1024 * 1024


def _pg_search_index(conn: Connection) -> None:
    """PostgreSQL only: ``ix_articles_search``, one GIN index over ``search_doc`` and
    ``search_tags``, in place of ``ix_articles_search_doc`` and
    ``ix_articles_search_tags`` (a condition on either column alone reads only that
    column's entries of it)."""
    if conn.dialect.name != "postgresql":
        return
    have = conn.exec_driver_sql("SELECT pg_size_bytes(current_setting('maintenance_work_mem'))")
    if int(have.scalar_one()) < PG_INDEX_BUILD_MEMORY:
        conn.exec_driver_sql(
            f"SET LOCAL maintenance_work_mem = '{PG_INDEX_BUILD_MEMORY // 1024}kB'"
        )
    conn.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {PG_SEARCH_INDEX} ON articles "
        "USING GIN (search_doc, search_tags)"
    )
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_search_doc")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_articles_search_tags")


def _merged_events_scope(conn: Connection) -> None:
    """``ix_merged_events_scope``: the merged events scoped to the articles of a batch
    (``events.candidate_rows``, ``scope IN (...)``) are read through an index. The key
    index leads with the type, so it could not serve them: at 1,000,000 articles on
    PostgreSQL each batch was a parallel scan of 760,000 merged events (76.6 ms)."""
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_merged_events_scope ON merged_events (scope)"
    )


# the two covering indexes of step 18
ENTITIES_ACTOR_INDEX = "ix_entities_article_actor"
EVENT_MONTHS_INDEX = "ix_event_months_cover"


def _covering_reads(conn: Connection) -> None:
    """Two statements of the hot pages answered from an index alone (no table rows):

    - ``ix_event_months_cover`` (``key``, ``negated``, ``month``, ``type``, ``events``,
      ``mentions``), both backends: the months of a timeline (``queries.day_counts``)
      were read through the primary key, then each row from the table (2,952 rows for
      the whole timeline at 102,050 articles).
    - ``ix_entities_article_actor`` (``article_id``, ``type``, ``entity_id``, ``name``),
      SQLite only: the actor facet of a search page (``search._facets_of``) read each
      entity row of its 250 articles from the table (about 7,000) to test its type.
      Not on PostgreSQL, where a key with the whole name would fail an ingest whose
      entity name passes the B-tree's row size (about 2,700 bytes); there the facet
      keeps the primary key and the heap."""
    conn.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS {EVENT_MONTHS_INDEX} ON event_months "
        '("key", negated, month, type, events, mentions)'
    )
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS {ENTITIES_ACTOR_INDEX} ON entities "
            "(article_id, type, entity_id, name)"
        )


# indexes no statement reads (step 19): each row an ingest stores paid their inserts
UNREAD_INDEXES = (
    # prefixes of ``ix_articles_newest``, ``_language_newest`` and ``_outlet_newest``
    "ix_articles_published_date",
    "ix_articles_language",
    "ix_articles_outlet_id",
    # mentions are read by article only (``aggregates``, ``reader``)
    "ix_mentions_entity_id",
    # a quote's or event's day is read as ``coalesce(date, published_date)`` (no index
    # serves it), lists go through ``quote_index`` / ``event_index``, and an article's
    # own events through the primary key
    "ix_quotes_date",
    "ix_events_type",
    "ix_events_date",
)
# PostgreSQL: a prefix of ``ix_entities_entity_article`` (``_pg_search_costs``); SQLite has
# no such index and keeps it
PG_UNREAD_INDEXES = ("ix_entities_entity_id",)


def _unread_indexes(conn: Connection) -> None:
    """Drop ``UNREAD_INDEXES`` (and on PostgreSQL ``PG_UNREAD_INDEXES``): no read
    statement uses them (each is a prefix of another index, or its column is read only
    through an expression or another table), while every article stored inserted into
    each of them at a place not keyed by the article (issue 18: the store part of an
    ingest at 102,600 articles)."""
    names = UNREAD_INDEXES + (PG_UNREAD_INDEXES if conn.dialect.name == "postgresql" else ())
    for name in names:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


MIGRATIONS: Sequence[Step] = (
    _v1_create_tables,
    _v2_search_index,
    _v3_aggregates,
    _v4_filter_index,
    _search_tags,
    _event_months,
    _claims_tone_tables,
    _stories_tables,
    _event_confidence,
    _article_repairs,
    _published_granularity,
    _name_grams,
    _pg_search_costs,
    _pg_search_tags,
    _quote_parts,
    _pg_search_index,
    _merged_events_scope,
    _covering_reads,
    _unread_indexes,
)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The schema version recorded in the database; 0 when it has never been migrated."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    found = conn.execute(select(func.max(schema.schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(conn: Connection, steps: Sequence[Step] = MIGRATIONS) -> list[int]:
    """Bring the schema up to ``len(steps)``; returns the versions applied (maybe none).

    Run it inside a transaction (``engine.begin()``): a failing step then leaves the
    database as it was. Raises ``StoreError(DB_SCHEMA)`` for a database newer than the code.
    """
    have, want = current_version(conn), len(steps)
    if have > want:
        raise StoreError(
            Code.DB_SCHEMA,
            f"database is at schema version {have}, this newsgraph knows up to {want};"
            " upgrade newsgraph",
        )
    applied = []
    for version in range(have + 1, want + 1):
        steps[version - 1](conn)
        _record(conn, version)
        applied.append(version)
    return applied


def _record(conn: Connection, version: int) -> None:
    """Note in ``schema_version`` that ``version`` has been applied."""
    if not inspect(conn).has_table(schema.schema_version.name):
        schema.schema_version.create(conn)
    conn.execute(insert(schema.schema_version).values(version=version, applied=datetime.now(UTC)))
