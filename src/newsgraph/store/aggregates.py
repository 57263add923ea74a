"""Aggregates and lookup tables kept at ingest, so that reads never scan a big table.

Every function runs inside the writer's transaction, next to the rows it summarises:

- ``articles_added(conn, ids)`` after ``writer.save_batch`` stored new articles: row
  counts (per table, language, outlet), one ``actor_stats`` row per entity, the
  names seen per entity, speaker labels, and the day-ordered indexes of quotes and
  stored events (``quote_index``, ``event_index``, ``event_keys``).
- ``merged_added(conn, rows)`` when merged events are created: their keys, the dyads
  they relate, and events per key (``"*"`` for all) and per dyad per day.
- ``mentions_changed(conn, changes)`` when a merged event's report count moves.

Counters are added with ``INSERT ... ON CONFLICT DO UPDATE`` (SQLite and PostgreSQL
spell it the same way through SQLAlchemy). ``backfill(conn)`` builds everything from
the base tables, for a database that predates these tables (migration step 3).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.dialects import postgresql, sqlite

from newsgraph.store import schema

ALL = "*"  # the key of "every merged event" in event_days
ACTOR_TYPES = ("PERSON", "ORG", "GPE")
KEY_CHARS = 140
LABEL_CHARS = 200
CHUNK = 300
BACKFILL_PAGE = 2000

a, src = schema.articles, schema.sources
ent, men, qt, ev = schema.entities, schema.mentions, schema.quotes, schema.events
me, ma, em = schema.merged_events, schema.merged_event_actors, schema.event_mentions
MERGED_AGGREGATES = (
    schema.merged_event_keys,
    schema.merged_event_pairs,
    schema.event_days,
    schema.event_months,
    schema.dyad_days,
)
DAY_KEYS = ["key", "day", "type", "negated"]
MONTH_KEYS = ["key", "month", "type", "negated"]


def chunked(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ---- keys ------------------------------------------------------------------------------------


def entity_key(entity_id: str) -> str:
    """The key of one entity id (exact)."""
    return f"e:{entity_id}"[:KEY_CHARS]


def country_key(code: str) -> str:
    """The key of a country (ISO alpha-3)."""
    return f"c:{code}"[:KEY_CHARS]


def merged_actor_keys(actor: Mapping[str, Any]) -> set[str]:
    """The keys a merged event actor answers to: its entity id, its country, and the
    country a ``country:XXX`` entity names (what ``analyze.parties.Party`` matches)."""
    if not isinstance(actor, Mapping):
        return set()
    keys = set()
    entity = str(actor.get("entity") or "")
    if entity:
        keys.add(entity_key(entity))
        if entity.upper().startswith("COUNTRY:"):
            keys.add(country_key(entity.split(":", 1)[1].upper()))
    country = str(actor.get("country") or "").upper()
    if country:
        keys.add(country_key(country))
    return keys


def merged_keys(source: Sequence[Any], target: Sequence[Any]) -> set[str]:
    """Every key of a merged event's actors."""
    return {k for actor in [*source, *target] for k in merged_actor_keys(actor)}


def dyad_pairs(source: Sequence[Any], target: Sequence[Any]) -> set[tuple[str, str]]:
    """The unordered key pairs (lo <= hi) a merged event relates: each source with each
    target, or, for a joint act with no target, two different sources
    (``analyze.dyads.in_dyad``)."""
    pairs: set[tuple[str, str]] = set()
    sides = [(x, y) for x in source for y in target] if target else []
    if not target:
        sides = [(x, y) for i, x in enumerate(source) for j, y in enumerate(source) if i != j]
    for x, y in sides:
        for kx in merged_actor_keys(x):
            for ky in merged_actor_keys(y):
                pairs.add((min(kx, ky), max(kx, ky)))
    return pairs


def stored_event_keys(source: Sequence[Any], target: Sequence[Any]) -> set[str]:
    """Keys of a stored event's actors, as ``/api/events`` filters them: the exact
    entity id and the exact country of an actor on either side."""
    keys = set()
    for actor in [*(source or []), *(target or [])]:
        if isinstance(actor, Mapping):
            if actor.get("entity"):
                keys.add(entity_key(str(actor["entity"])))
            if actor.get("country"):
                keys.add(country_key(str(actor["country"])))
    return keys


# ---- search tags: filters as index terms (SQLite: FTS5 tags; PostgreSQL: search_tags) ------


def _word(value: str) -> str:
    """``value`` as one FTS5 token: lower-case letters and digits, hashed when the value
    has anything else (``country:RUS``, ``zh-Hant``) so it cannot split in two."""
    low = value.lower()
    return low if low.isascii() and low.isalnum() else hashlib.md5(low.encode()).hexdigest()[:16]


def outlet_tag(outlet_id: int) -> str:
    return f"o{outlet_id}"


def language_tag(language: str) -> str:
    return f"l{_word(language)}"


def actor_tag(entity_id: str) -> str:
    return f"a{_word(entity_id)}"


def date_tags(day: str | None) -> list[str]:
    """``y2017 m201703 d20170305`` for a publication day (as precise as it is)."""
    if not day or not day[:4].isdigit():
        return []
    tags = [f"y{day[:4]}"]
    if len(day) >= 7 and day[5:7].isdigit():
        tags.append(f"m{day[:4]}{day[5:7]}")
        if len(day) >= 10 and day[8:10].isdigit():
            tags.append(f"d{day[:4]}{day[5:7]}{day[8:10]}")
    return tags


def article_tag_list(
    outlet_id: int | None, language: str | None, day: str | None, entities: Iterable[str]
) -> list[str]:
    """An article's search tags: its outlet, language, days and actors (SQLite: the
    ``tags`` column of ``articles_fts``; PostgreSQL: ``articles.search_tags``)."""
    tags = [outlet_tag(outlet_id)] if outlet_id is not None else []
    if language:
        tags.append(language_tag(language))
    tags += date_tags(day)
    tags += sorted({actor_tag(e) for e in entities})
    return tags


def article_tags(
    outlet_id: int | None, language: str | None, day: str | None, entities: Iterable[str]
) -> str:
    """The ``tags`` column of an article's row in ``articles_fts``."""
    return " ".join(article_tag_list(outlet_id, language, day, entities))


def search_tags_of(
    articles: Iterable[Mapping[str, Any]], entities: Iterable[Mapping[str, Any]]
) -> dict[str, list[str]]:
    """PostgreSQL: each new article row's ``search_tags`` (``article_tag_list``), from
    the rows of one batch about to be inserted: the article rows and their entity rows."""
    named: dict[str, set[str]] = defaultdict(set)
    for row in entities:
        named[row["article_id"]].add(row["entity_id"])
    return {
        row["id"]: article_tag_list(
            row.get("outlet_id"),
            row.get("language"),
            row.get("published_date"),
            named.get(row["id"], ()),
        )
        for row in articles
    }


def _tag_sources(conn: Connection, chunk: list[str]) -> list[tuple[Any, Any, Any, Any, set[str]]]:
    """What an article's search tags are made of, for the stored articles ``chunk``: its
    id, outlet, language, day and the entities it names."""
    entities: dict[str, set[str]] = defaultdict(set)
    for article_id, entity_id in conn.execute(
        select(ent.c.article_id, ent.c.entity_id).where(ent.c.article_id.in_(chunk))
    ):
        entities[article_id].add(entity_id)
    stmt = select(a.c.id, a.c.outlet_id, a.c.language, a.c.published_date).where(a.c.id.in_(chunk))
    return [(i, o, lang, day, entities.get(i, set())) for i, o, lang, day in conn.execute(stmt)]


def fill_search_tags(conn: Connection, chunk: list[str]) -> None:
    """PostgreSQL: (re)compute ``articles.search_tags`` of the stored articles ``chunk``
    from their rows and entities (the migration that adds the column)."""
    rows = [
        {"i": i, "tags": article_tag_list(o, lang, day, names)}
        for i, o, lang, day, names in _tag_sources(conn, chunk)
    ]
    if rows:
        conn.execute(
            sql_text("UPDATE articles SET search_tags = CAST(:tags AS text[]) WHERE id = :i"), rows
        )


def index_text(conn: Connection, chunk: list[str]) -> None:
    """Add these articles to ``articles_fts`` with their tags (SQLite; PostgreSQL keeps
    its search column by itself)."""
    rows = [
        {"id": i, "tags": article_tags(o, lang, day, names)}
        for i, o, lang, day, names in _tag_sources(conn, chunk)
    ]
    if rows:
        conn.exec_driver_sql(
            "INSERT INTO articles_fts (id, title, text, tags) "
            "SELECT id, title, text, ? FROM articles WHERE id = ?",
            [(r["tags"], r["id"]) for r in rows],
        )


# ---- adding to counters ----------------------------------------------------------------------


def _upsert(conn: Connection, table: Table) -> Any:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def add_counts(
    conn: Connection, table: Table, keys: Sequence[str], deltas: Mapping[tuple[Any, ...], Counter]
) -> None:
    """Add ``deltas`` (key tuple -> {counter column: amount}) to ``table``'s rows, creating
    the rows that do not exist yet."""
    counters = [c.name for c in table.c if c.name not in keys]
    rows = [
        {**dict(zip(keys, key, strict=True)), **{c: int(amounts[c]) for c in counters}}
        for key, amounts in deltas.items()
        if any(amounts.values())
    ]
    if not rows:
        return
    stmt = _upsert(conn, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c[k] for k in keys],
        set_={c: table.c[c] + stmt.excluded[c] for c in counters},
    )
    for part in chunked(rows, 500):
        conn.execute(stmt, part)


def bump_tables(conn: Connection, amounts: Mapping[str, int]) -> None:
    """Add to the row counts of tables (``counts`` kind "table")."""
    deltas = {("table", name): Counter(n=n) for name, n in amounts.items() if n}
    add_counts(conn, schema.counts, ["kind", "key"], deltas)


# ---- articles --------------------------------------------------------------------------------


def articles_added(
    conn: Connection, ids: Sequence[str], *, index: bool = True, repairs: bool = True
) -> None:
    """Everything the newly stored articles ``ids`` add (see the module doc); with
    ``index``, their rows of the full-text index too (SQLite)."""
    for chunk in chunked(sorted(set(ids))):
        if index and conn.dialect.name == "sqlite":
            index_text(conn, chunk)
        _row_counts(conn, chunk)
        if repairs:  # not in the step-3 backfill: articles.repairs comes with step 10
            _repair_counts(conn, chunk)
        _actors(conn, chunk)
        _quotes(conn, chunk)
        _events(conn, chunk)


def _row_counts(conn: Connection, chunk: list[str]) -> None:
    tables = {"articles": len(chunk)}
    for table in (ent, men, qt, schema.times, ev):
        stmt = select(func.count()).select_from(table).where(table.c.article_id.in_(chunk))
        tables[table.name] = int(conn.execute(stmt).scalar_one())
    bump_tables(conn, tables)
    deltas: dict[tuple[Any, ...], Counter] = defaultdict(Counter)
    kinds = (
        select(a.c.language, src.c.name, a.c.published_date)
        .select_from(a.outerjoin(src, a.c.outlet_id == src.c.id))
        .where(a.c.id.in_(chunk))
    )
    for language, outlet, published in conn.execute(kinds):
        deltas[("language", language or "")]["n"] += 1
        deltas[("outlet", (outlet or "")[:200])]["n"] += 1
        deltas[("day", (published or "")[:10])]["n"] += 1
    add_counts(conn, schema.counts, ["kind", "key"], deltas)


def _repair_counts(conn: Connection, chunk: list[str]) -> None:
    """``counts`` kind "repairs": articles whose mojibake was repaired at ingest, and
    the words repaired (``articles.repairs``)."""
    stmt = select(func.count(), func.sum(a.c.repairs)).where(a.c.id.in_(chunk), a.c.repairs > 0)
    articles, words = conn.execute(stmt).one()
    deltas = {
        ("repairs", "articles"): Counter(n=int(articles or 0)),
        ("repairs", "words"): Counter(n=int(words or 0)),
    }
    add_counts(conn, schema.counts, ["kind", "key"], deltas)


def _actors(conn: Connection, chunk: list[str]) -> None:
    """``actor_stats`` and ``entity_names`` for the entities of these articles."""
    stmt = select(ent.c.article_id, ent.c.entity_id, ent.c.name, ent.c.type, ent.c.country).where(
        ent.c.article_id.in_(chunk)
    )
    found: dict[str, dict[str, Any]] = {}
    names: set[tuple[str, str]] = set()
    for article_id, entity_id, name, kind, country in conn.execute(stmt):
        row = found.setdefault(
            entity_id,
            {"name": name, "type": kind, "country": country, "actor": False, "arts": set()},
        )
        row["name"], row["type"] = min(row["name"], name), min(row["type"], kind)
        if country and (row["country"] is None or country < row["country"]):
            row["country"] = country
        row["actor"] = row["actor"] or kind in ACTOR_TYPES
        row["arts"].add(article_id)
        names.add((str(name).lower()[:LABEL_CHARS], entity_id))
    if not found:
        return
    per_entity = (
        select(men.c.entity_id, func.count())
        .where(men.c.article_id.in_(chunk))
        .group_by(men.c.entity_id)
    )
    mentions = {str(e): int(n) for e, n in conn.execute(per_entity)}
    _merge_actor_stats(conn, found, mentions)
    _insert_new(
        conn,
        schema.entity_names,
        ["name_lower", "entity_id"],
        [{"name_lower": n, "entity_id": e} for n, e in sorted(names)],
    )


def _merge_actor_stats(
    conn: Connection, found: dict[str, dict[str, Any]], mentions: dict[str, int]
) -> None:
    t = schema.actor_stats
    have = {
        r.entity_id: r
        for part in chunked(sorted(found))
        for r in conn.execute(select(t).where(t.c.entity_id.in_(part)))
    }
    new_rows, changed = [], []
    new_actors = 0
    for entity_id, row in sorted(found.items()):
        old = have.get(entity_id)
        if old is None:
            new_actors += int(row["actor"])
            new_rows.append(
                {
                    "entity_id": entity_id,
                    "name": row["name"],
                    "type": row["type"],
                    "country": row["country"],
                    "is_actor": row["actor"],
                    "articles": len(row["arts"]),
                    "mentions": mentions.get(entity_id, 0),
                }
            )
            continue
        new_actors += int(row["actor"] and not old.is_actor)
        countries = [c for c in (old.country, row["country"]) if c]
        changed.append(
            {
                "key": entity_id,
                "new_name": min(old.name, row["name"]),
                "new_type": min(old.type, row["type"]),
                "new_country": min(countries) if countries else None,
                "new_is_actor": bool(old.is_actor or row["actor"]),
                "new_articles": old.articles + len(row["arts"]),
                "new_mentions": old.mentions + mentions.get(entity_id, 0),
            }
        )
    if new_rows:
        conn.execute(insert(t), new_rows)
    if changed:
        columns = ["name", "type", "country", "is_actor", "articles", "mentions"]
        stmt = (
            update(t)
            .where(t.c.entity_id == bindparam("key"))
            .values({c: bindparam(f"new_{c}") for c in columns})
        )
        conn.execute(stmt, changed)
    add_counts(conn, schema.counts, ["kind", "key"], {("actors", ""): Counter(n=new_actors)})


def _insert_new(
    conn: Connection, table: Table, keys: list[str], rows: list[dict[str, Any]]
) -> None:
    """Insert the rows whose primary key is not in ``table`` yet."""
    if not rows:
        return
    stmt = _upsert(conn, table).on_conflict_do_nothing(index_elements=[table.c[k] for k in keys])
    for part in chunked(rows, 500):
        conn.execute(stmt, part)


def _quotes(conn: Connection, chunk: list[str]) -> None:
    """``quote_index``, ``quote_speakers`` and ``speaker_names`` of these articles' quotes."""
    day = func.coalesce(qt.c.date, a.c.published_date)
    stmt = (
        select(qt.c.article_id, qt.c.seq, day, qt.c.speaker_entity, qt.c.speaker_name)
        .add_columns(qt.c.speaker_text)
        .select_from(qt.join(a, qt.c.article_id == a.c.id))
        .where(qt.c.article_id.in_(chunk))
    )
    index, speakers = [], []
    labels: dict[tuple[Any, ...], Counter] = defaultdict(Counter)
    for article_id, seq, when, entity, name, text in conn.execute(stmt):
        index.append({"article_id": article_id, "seq": seq, "day": when, "speaker_entity": entity})
        for label in {str(x).lower()[:LABEL_CHARS] for x in (name, text) if x}:
            speakers.append(
                {"name_lower": label, "article_id": article_id, "seq": seq, "day": when}
            )
            labels[(label,)]["quotes"] += 1
    for table, rows in ((schema.quote_index, index), (schema.quote_speakers, speakers)):
        for part in chunked(rows, 500):
            conn.execute(insert(table), part)
    add_counts(conn, schema.speaker_names, ["name_lower"], labels)


def _events(conn: Connection, chunk: list[str]) -> None:
    """``event_index`` and ``event_keys`` of these articles' stored events."""
    day = func.coalesce(ev.c.date, a.c.published_date)
    stmt = (
        select(ev.c.article_id, ev.c.seq, day, ev.c.type, ev.c.source, ev.c.target)
        .select_from(ev.join(a, ev.c.article_id == a.c.id))
        .where(ev.c.article_id.in_(chunk))
    )
    index, keys = [], []
    for article_id, seq, when, kind, source, target in conn.execute(stmt):
        index.append({"article_id": article_id, "seq": seq, "day": when, "type": kind})
        for key in sorted(stored_event_keys(source or [], target or [])):
            keys.append({"key": key, "article_id": article_id, "seq": seq, "day": when})
    for table, rows in ((schema.event_index, index), (schema.event_keys, keys)):
        for part in chunked(rows, 500):
            conn.execute(insert(table), part)


# ---- merged events ---------------------------------------------------------------------------


def merged_added(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Keys, dyad pairs and day counts of new merged events (rows with ``id``)."""
    keys, pairs = [], []
    days: dict[tuple[Any, ...], Counter] = defaultdict(Counter)
    dyads: dict[tuple[Any, ...], Counter] = defaultdict(Counter)
    for row in rows:
        source, target = list(row.get("source") or []), list(row.get("target") or [])
        date, kind, negated = row.get("date"), row["type"], bool(row["negated"])
        base = {"merged_event_id": row["id"], "date": date, "negated": negated}
        event_keys = merged_keys(source, target)
        keys += [{**base, "key": k, "type": kind} for k in sorted(event_keys)]
        for k in [ALL, *event_keys]:
            days[(k, date or "", kind, negated)]["events"] += 1
        for lo, hi in sorted(dyad_pairs(source, target)):
            pairs.append({**base, "lo": lo, "hi": hi})
            dyads[(lo, hi, date or "", kind, negated)]["events"] += 1
    for table, table_rows in ((schema.merged_event_keys, keys), (schema.merged_event_pairs, pairs)):
        for part in chunked(table_rows, 500):
            conn.execute(insert(table), part)
    _add_days(conn, days)
    add_counts(conn, schema.dyad_days, ["lo", "hi", "day", "type", "negated"], dyads)


def _add_days(conn: Connection, days: Mapping[tuple[Any, ...], Counter]) -> None:
    """Add to ``event_days`` and to ``event_months``, its monthly sums."""
    add_counts(conn, schema.event_days, DAY_KEYS, days)
    months: dict[tuple[Any, ...], Counter] = defaultdict(Counter)
    for (key, day, kind, negated), amounts in days.items():
        months[(key, day[:7], kind, negated)].update(amounts)
    add_counts(conn, schema.event_months, MONTH_KEYS, months)


def mentions_changed(conn: Connection, changes: Sequence[tuple[Mapping[str, Any], int]]) -> None:
    """Add to the ``mentions`` of the day counts: (merged event row, change) pairs."""
    days: dict[tuple[Any, ...], Counter] = defaultdict(Counter)
    dyads: dict[tuple[Any, ...], Counter] = defaultdict(Counter)
    for row, change in changes:
        if not change:
            continue
        source, target = list(row.get("source") or []), list(row.get("target") or [])
        day, kind, negated = row.get("date") or "", row["type"], bool(row["negated"])
        for k in [ALL, *merged_keys(source, target)]:
            days[(k, day, kind, negated)]["mentions"] += change
        for lo, hi in dyad_pairs(source, target):
            dyads[(lo, hi, day, kind, negated)]["mentions"] += change
    _add_days(conn, days)
    add_counts(conn, schema.dyad_days, ["lo", "hi", "day", "type", "negated"], dyads)


def merged_cleared(conn: Connection) -> None:
    """Forget every merged event's aggregates (before a rebuild)."""
    for table in MERGED_AGGREGATES:
        conn.execute(delete(table))
    c = schema.counts
    names = ("merged_events", "merged_event_actors", "event_mentions")
    conn.execute(delete(c).where(c.c.kind == "table", c.c.key.in_(names)))


# ---- building everything from the base tables ------------------------------------------------


def clear_name_grams(conn: Connection) -> None:
    """Empty SQLite's trigram index of ``entity_names`` (migration ``_name_grams``) as
    ``entity_names`` is emptied: its insert trigger fills it again, and it has no delete
    trigger (one would search the index for each row deleted)."""
    if conn.dialect.name != "sqlite":
        return
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'entity_names_grams'"
    ).first()
    if found is not None:
        conn.exec_driver_sql("DELETE FROM entity_names_grams")


def backfill(conn: Connection) -> None:
    """Build every aggregate from the stored rows, replacing what the tables held."""
    for table in schema.AGGREGATE_TABLES:
        conn.execute(delete(table))
    clear_name_grams(conn)
    after: str | None = None
    while True:
        stmt = select(a.c.id).order_by(a.c.id).limit(BACKFILL_PAGE)
        if after is not None:
            stmt = stmt.where(a.c.id > after)
        ids = [r[0] for r in conn.execute(stmt)]
        if not ids:
            break
        articles_added(conn, ids, index=False, repairs=False)  # the text index has its own step
        after = ids[-1]
    small = {
        "article_sources": schema.article_sources,
        "rejections": schema.rejections,
        "merged_event_actors": ma,
        "event_mentions": em,
    }
    bump_tables(
        conn,
        {
            name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for name, t in small.items()
        },
    )
    _backfill_merged(conn)


def _backfill_merged(conn: Connection) -> None:
    last = 0
    while True:
        stmt = select(me).where(me.c.id > last).order_by(me.c.id).limit(BACKFILL_PAGE)
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
        if not rows:
            return
        merged_added(conn, rows)
        mentions_changed(conn, [(r, int(r["n_mentions"] or 0)) for r in rows])
        bump_tables(conn, {"merged_events": len(rows)})
        last = int(rows[-1]["id"])
