"""Actors for the web layer: search over the KB and the store, one actor's profile,
and quotes by speaker with a total count.

An actor id is whatever the store's entities carry: a KB person (``Q7747``), a
country (``country:RUS``), a KB organisation (``ng:org:un``) or a local name
(``local:org:kremlin``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from newsgraph.kb import KnowledgeBase, default_kb, describe_actor, lookup_name, search_actors
from newsgraph.store import schema
from newsgraph.store.db import Store
from newsgraph.store.queries import newest_first, quote_page, quote_select
from newsgraph.store.rows import dicts
from newsgraph.store.search import entity_ids_named_like

ent = schema.entities
COUNTRY_PREFIX = "country:"


def kb() -> KnowledgeBase:
    """The shipped knowledge base (loaded once)."""
    return default_kb()


def actor_profile(store: Store, actor_id: str) -> dict[str, Any] | None:
    """What the KB and the store know of ``actor_id``; None when neither knows it."""
    known = _kb_view(actor_id)
    seen = _store_view(store, actor_id)
    if known is None and seen is None:
        return None
    profile: dict[str, Any] = {
        "id": actor_id,
        "kind": "local",
        "roles": [],
        "aliases": {},
        "articles": 0,
        "mentions": 0,
        "in_kb": known is not None,
    }
    profile.update(seen or {})
    profile.update(known or {})
    if seen:  # the store's counts win over anything the KB entry carries
        profile.update(articles=seen["articles"], mentions=seen["mentions"])
    return profile


def _kb_view(actor_id: str) -> dict[str, Any] | None:
    """The KB's entry for a person, country or organisation id."""
    base = kb()
    if actor_id in base.people:
        data = describe_actor(base, actor_id)
        return {**data, "kind": "person"}
    code = actor_id.removeprefix(COUNTRY_PREFIX)
    if actor_id.startswith(COUNTRY_PREFIX) and code in base.countries:
        country = base.countries[code]
        return {
            "name": country.name,
            "country": code,
            "kind": "country",
            "country_name": country.name,
            "capital": country.capital,
        }
    if actor_id in base.organisations:
        org = base.organisations[actor_id].to_dict()
        return {**org, "kind": "organisation", "org_kind": org.get("kind")}
    return None


def _store_view(store: Store, actor_id: str) -> dict[str, Any] | None:
    """Name, type and country as extracted, and how many articles mention the actor
    (one row of ``actor_stats``, kept at ingest)."""
    t = schema.actor_stats
    with store.connect() as conn:
        row = conn.execute(select(t).where(t.c.entity_id == actor_id)).mappings().first()
    if row is None:
        return None
    return {
        "name": row["name"],
        "type": row["type"],
        "country": row["country"],
        "articles": int(row["articles"]),
        "mentions": int(row["mentions"]),
    }


MAX_NAME_MATCHES = 200  # entity ids a name fragment brings in from the store


def search_actor_list(
    store: Store, text: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """Actors matching ``text`` (KB first, then names seen in the store), or the most
    mentioned actors in the store when ``text`` is empty."""
    if not text or not text.strip():
        return _top_actors(store, limit, offset)
    found: dict[str, dict[str, Any]] = {}
    for actor in search_actors(kb(), text, limit=100):
        found[actor.id] = {
            "id": actor.id,
            "name": actor.name,
            "country": actor.country,
            "type": "PERSON",
            "in_kb": True,
            "articles": 0,
        }
    with store.connect() as conn:
        ids = entity_ids_named_like(conn, text, MAX_NAME_MATCHES)
        seen = _stats_rows(conn, set(ids) | set(found))
    for entity_id, row in seen.items():
        if entity_id in found:
            found[entity_id]["articles"] = row["articles"]
        else:
            found[entity_id] = {**row, "in_kb": False}
    ranked = sorted(found.values(), key=lambda x: (not x["in_kb"], -x["articles"], x["name"]))
    return ranked[offset : offset + limit], len(ranked)


def _stats_rows(conn: Any, ids: set[str]) -> dict[str, dict[str, Any]]:
    """``actor_stats`` rows of these entity ids, in the shape of an actor summary."""
    t = schema.actor_stats
    found: dict[str, dict[str, Any]] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        stmt = select(
            t.c.entity_id.label("id"), t.c.name, t.c.country, t.c.type, t.c.articles
        ).where(t.c.entity_id.in_(ordered[i : i + 500]))
        for r in dicts(conn.execute(stmt)):
            found[r["id"]] = {**r, "articles": int(r["articles"])}
    return found


def _top_actors(store: Store, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """The actors (people, organisations, places) named in the most articles, from
    ``actor_stats``; the total from ``counts``."""
    t, c = schema.actor_stats, schema.counts
    stmt = (
        select(t.c.entity_id.label("id"), t.c.name, t.c.country, t.c.type, t.c.articles)
        .where(t.c.is_actor.is_(True))
        .order_by(t.c.articles.desc().nulls_last(), t.c.entity_id)
        .limit(limit)
        .offset(offset)
    )
    total = select(c.c.n).where(c.c.kind == "actors", c.c.key == "")
    with store.connect() as conn:
        rows = [
            {**r, "articles": int(r["articles"]), "in_kb": r["id"] in kb().people}
            for r in dicts(conn.execute(stmt))
        ]
        count = conn.execute(total).scalar()
    return rows, int(count or 0)


# ---- quotes --------------------------------------------------------------------------------


def speaker_terms(speaker: str | None) -> tuple[list[str], str | None]:
    """(entity ids, name fragment) a speaker query means: an id as itself; a name as
    the KB actors it names plus a fragment of the extracted speaker names."""
    if not speaker or not speaker.strip():
        return [], None
    speaker = speaker.strip()
    base = kb()
    if speaker in base.people or ":" in speaker:
        return [speaker], None
    return [x.id for x in lookup_name(base, speaker)], speaker


def list_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    article_id: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Quotes newest first by speaker and day (the semantics of ``Store.find_quotes``),
    one page of them and the total."""
    ids, fragment = speaker_terms(speaker)
    if article_id:  # one article's quotes: few, read directly
        stmt = quote_select(ids, fragment, since, until, article_id)
        with store.connect() as conn:
            total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
            rows = conn.execute(newest_first(stmt).limit(limit).offset(offset)).mappings().all()
        return [dict(r) for r in rows], int(total)
    with store.connect() as conn:
        found, count, _exact = quote_page(
            conn,
            speaker_ids=ids,
            speaker_text=fragment,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    return found, count
