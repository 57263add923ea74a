"""The tables, as SQLAlchemy Core ``Table`` objects on one ``MetaData``.

Portable types only (``JSON``, ``LargeBinary``, ``DateTime``), so the same schema runs on
SQLite and PostgreSQL. Child tables carry a ``seq`` column that keeps the order the
extractor produced, so an article reads back exactly as ``Article.to_dict()`` wrote it.
Column names ``start``/``end`` follow the record contract; SQLAlchemy quotes ``end``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

_ARTICLE_FK = "articles.id"

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied", DateTime(timezone=True), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started", DateTime(timezone=True), nullable=False),
    Column("finished", DateTime(timezone=True)),
    Column("command", String(64), nullable=False),
    Column("args", JSON, nullable=False),
    Column("counts", JSON),
    Column("status", String(16), nullable=False),
)

# outlets (the ``outlet`` of an article: "TASS", "Le Monde"); ``kind`` is free (agency, paper...)
sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("kind", String(32)),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True, autoincrement=False),
    Column("content_hash", String(128), nullable=False, unique=True),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text, nullable=False),
    Column("outlet_id", Integer, ForeignKey("sources.id")),
    Column("language", String(16)),
    Column("published_date", String(32)),
    Column("published_origin", String(16)),
    Column("published_confidence", Float, nullable=False, default=0.0),
    Column("published_evidence", Text),
    # an inferred date's precision: day, month or year (issue 13); NULL when given
    Column("published_granularity", String(8)),
    Column("text", Text, nullable=False),
    Column("minhash", LargeBinary),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("created", DateTime(timezone=True), nullable=False),
    # words changed by the mojibake repair at ingest (inputs.repair); NULL before step 10
    Column("repairs", Integer),
)

# every input that carried an article: the first one (duplicate_kind NULL) and its duplicates
article_sources = Table(
    "article_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", String(64), ForeignKey(_ARTICLE_FK), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("duplicate_kind", String(8)),  # NULL | exact | near
    Column("similarity", Float),
    UniqueConstraint("article_id", "source", name="uq_article_sources_article_source"),
    Index("ix_article_sources_source", "source"),
)

entities = Table(
    "entities",
    metadata,
    Column("article_id", String(64), ForeignKey(_ARTICLE_FK), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("entity_id", String(128), nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("country", String(3)),
    Index("ix_entities_entity_id", "entity_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("entity_seq", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("entity_id", String(128), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(["article_id", "entity_seq"], ["entities.article_id", "entities.seq"]),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(64), ForeignKey(_ARTICLE_FK), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("cue", Text),
    Column("speaker_entity", String(128)),
    Column("speaker_name", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("speaker_text", Text),
    Column("date", String(32)),
    # a direct quote split by its attribution: its quoted pieces, in order, as the record's
    # ``parts`` ([{"start", "end", "text"}, ...]); NULL for a quote in one piece (and for
    # every quote stored before migration 15)
    Column("parts", JSON(none_as_null=True)),
    Index("ix_quotes_speaker_entity", "speaker_entity"),
)

times = Table(
    "times",
    metadata,
    Column("article_id", String(64), ForeignKey(_ARTICLE_FK), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(64)),
    Column("type", String(16), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("article_id", String(64), ForeignKey(_ARTICLE_FK), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("source", JSON, nullable=False),  # list of EventActor dicts
    Column("target", JSON, nullable=False),
    Column("date", String(32)),
    Column("place", Text),
    Column("intensity", Float),
    Column("negated", Boolean, nullable=False),
    Column("modality", String(32)),
    Column("confidence", Float),  # how sure the coder is, 0..1 (added by migration 9)
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
)

# one event reported by one or more articles (GDELT's events table); ``scope`` is "" for an
# event that can merge across articles, else the one article it may merge within
merged_events = Table(
    "merged_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("source", JSON, nullable=False),  # list of EventActor dicts (first mention's)
    Column("target", JSON, nullable=False),
    Column("source_key", Text, nullable=False),  # sorted actor keys joined by "|"
    Column("target_key", Text, nullable=False),
    Column("scope", String(64), nullable=False, default=""),
    Column("date", String(32)),
    Column("place", Text),
    Column("intensity", Float),
    Column("quad_class", Integer),  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material
    Column("negated", Boolean, nullable=False),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
    Column("n_sources", Integer, nullable=False, default=0),
    Column("first_seen", String(32)),  # earliest publication date of a reporting article
    Column("last_seen", String(32)),
    Column("created", DateTime(timezone=True), nullable=False),
    Index("ix_merged_events_key", "type", "source_key", "target_key", "negated", "scope"),
    Index("ix_merged_events_date", "date"),
    # the events scoped to one article, which a batch's reports may join
    # (``events.candidate_rows``): without it, each batch scanned every merged event
    Index("ix_merged_events_scope", "scope"),
)

# the actors of a merged event, one row each, so dyads and timelines find them by index
merged_event_actors = Table(
    "merged_event_actors",
    metadata,
    Column("merged_event_id", Integer, ForeignKey("merged_events.id"), primary_key=True),
    Column("role", String(8), primary_key=True),  # source | target
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("entity", String(128)),
    Column("country", String(3)),
    Column("name", Text),
    Index("ix_merged_event_actors_entity", "entity"),
    Index("ix_merged_event_actors_country", "country"),
)

# every report of a merged event: the stored event (article, seq) it came from
event_mentions = Table(
    "event_mentions",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("event_seq", Integer, primary_key=True, autoincrement=False),
    Column("merged_event_id", Integer, ForeignKey("merged_events.id"), nullable=False),
    Column("in_lead", Boolean, nullable=False, default=False),  # sentence in the first paragraph
    ForeignKeyConstraint(["article_id", "event_seq"], ["events.article_id", "events.seq"]),
    Index("ix_event_mentions_merged_event_id", "merged_event_id"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_id", String(64)),  # the Rejected.id
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("source", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "code", name="uq_rejections_source_code"),
)

# the child tables of an article, in the order they are deleted/written
CHILD_TABLES = (mentions, entities, quotes, times, events, article_sources)

# ---- aggregates and lookup tables kept at ingest (schema version 3) ------------------------
# Written by ``store.aggregates`` in the transaction that stores the rows they summarise,
# so every read of the API and the pages is an index lookup, never a scan of a big table.

# row counts: ("table", name), ("language", code or ""), ("outlet", name or ""), ("actors", "")
counts = Table(
    "counts",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("n", Integer, nullable=False, default=0),
)

# one row per entity id: names, type and country as extracted, how often it is seen
actor_stats = Table(
    "actor_stats",
    metadata,
    Column("entity_id", String(128), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("country", String(3)),
    Column("is_actor", Boolean, nullable=False),  # some row typed PERSON, ORG or GPE
    Column("articles", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
)

# every (lower-cased name, entity id) seen: actor filters by name, actor search by fragment
entity_names = Table(
    "entity_names",
    metadata,
    Column("name_lower", String(200), primary_key=True),
    Column("entity_id", String(128), primary_key=True),
    Index("ix_entity_names_entity_id", "entity_id"),
)

# every lower-cased speaker name or speaker mention text of a quote, with its count
speaker_names = Table(
    "speaker_names",
    metadata,
    Column("name_lower", String(200), primary_key=True),
    Column("quotes", Integer, nullable=False),
)

# which quotes carry a speaker label (lower-cased name or mention text): fragment search
quote_speakers = Table(
    "quote_speakers",
    metadata,
    Column("name_lower", String(200), primary_key=True),
    Column("article_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("day", String(32)),
)

# each quote's effective day (said, else published) and speaker: quote lists by index
quote_index = Table(
    "quote_index",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("day", String(32)),
    Column("speaker_entity", String(128)),
)

# each stored event's effective day (its own date, else published) and type
event_index = Table(
    "event_index",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("day", String(32)),
    Column("type", String(16), nullable=False),
)

# the actors of stored events (one row per event and key: "e:<entity>", "c:<country>"),
# with the event's effective day, so /api/events pages an actor's events by index
event_keys = Table(
    "event_keys",
    metadata,
    Column("key", String(140), primary_key=True),
    Column("article_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("day", String(32)),
)

# the keys of merged events ("e:<entity>", "c:<country code>"): actor pages and timelines
merged_event_keys = Table(
    "merged_event_keys",
    metadata,
    Column("key", String(140), primary_key=True),
    Column("merged_event_id", Integer, primary_key=True, autoincrement=False),
    Column("date", String(32)),
    Column("type", String(16), nullable=False),
    Column("negated", Boolean, nullable=False),
)

# unordered pairs of keys (lo <= hi) a merged event relates (source x target, or two
# sources of a joint act): dyad event lists
merged_event_pairs = Table(
    "merged_event_pairs",
    metadata,
    Column("lo", String(140), primary_key=True),
    Column("hi", String(140), primary_key=True),
    Column("merged_event_id", Integer, primary_key=True, autoincrement=False),
    Column("date", String(32)),
    Column("negated", Boolean, nullable=False),
)

# merged events per key ("*" for all) per day, type and negation; mentions are the
# reports behind them: actor and timeline charts
event_days = Table(
    "event_days",
    metadata,
    Column("key", String(140), primary_key=True),
    Column("day", String(32), primary_key=True),
    Column("type", String(16), primary_key=True),
    Column("negated", Boolean, primary_key=True),
    Column("events", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
)

# event_days summed by month ("2017-03"; "2017" for a year-only date): monthly charts of
# keys with many days (every event, a big country) read a few hundred rows
event_months = Table(
    "event_months",
    metadata,
    Column("key", String(140), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("type", String(16), primary_key=True),
    Column("negated", Boolean, primary_key=True),
    Column("events", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
)

# merged events per dyad (unordered pair of keys) per day, type and negation: dyad charts
dyad_days = Table(
    "dyad_days",
    metadata,
    Column("lo", String(140), primary_key=True),
    Column("hi", String(140), primary_key=True),
    Column("day", String(32), primary_key=True),
    Column("type", String(16), primary_key=True),
    Column("negated", Boolean, primary_key=True),
    Column("events", Integer, nullable=False),
    Column("mentions", Integer, nullable=False),
)

AGGREGATE_TABLES = (
    counts,
    actor_stats,
    entity_names,
    speaker_names,
    quote_speakers,
    quote_index,
    event_index,
    event_keys,
    merged_event_keys,
    merged_event_pairs,
    event_days,
    event_months,
    dyad_days,
)
# tables whose row counts ``counts`` keeps (the others are small enough to count)
COUNTED_TABLES = (
    "articles",
    "article_sources",
    "entities",
    "mentions",
    "quotes",
    "times",
    "events",
    "rejections",
    "merged_events",
    "merged_event_actors",
    "event_mentions",
)

# ---- what grows with the corpus -------------------------------------------------------------
# The tables whose rows grow with the stored articles, on both backends (these tables,
# ``store.claims``' and ``store.stories``'): a read the API or the pages run must never
# scan one whole, only look up keys, read an index range or walk an index in order under
# a LIMIT. tests/store/test_query_plans.py checks every GET endpoint's statements against
# it; bench/store_scale.py reports the full scans it sees at scale.
GROWING_TABLES = frozenset(
    {
        *COUNTED_TABLES,
        "actor_stats",
        "entity_names",
        "quote_index",
        "quote_speakers",
        "event_index",
        "event_keys",
        "merged_event_keys",
        "merged_event_pairs",
        "event_days",
        "event_months",
        "dyad_days",
        "claims",
        "article_tones",
        "quote_tones",
        "stories",
        "story_articles",
        "story_sketches",
        "story_df",
    }
)
# SQLite only: the FTS5 tables that grow with the corpus, ``articles_fts`` (and its copy of
# the rows, ``articles_fts_content``) and the trigram index of names ``entity_names_grams``.
# A MATCH or a rowid lookup on one shows in a plan as "SCAN <table> VIRTUAL TABLE INDEX
# n:<how>", which is the index answering, not a full scan.
GROWING_FULLTEXT = frozenset({"articles_fts", "articles_fts_content", "entity_names_grams"})
