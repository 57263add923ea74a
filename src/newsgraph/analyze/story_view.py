"""What the story commands and pages show: the story list and one story with its
per-outlet table and what each outlet left out.

    list_stories(store, since="2017-01-01", actor="Emmanuel Macron")
    story_record(store, 12)          # None when there is no such story

A story's record: id, headline (the title of its most typical article), first and
last report, size, outlets, languages, top actors, the merged events its articles
report, and ``outlets``: one row per outlet with its headline, first report, the
actors it names, the quotes (by speaker) and merged events it carries, and, where the
store has them, its numeric claims and tone. ``omits`` lists, per outlet, the actors,
speakers and merged events that at least one other outlet of the story carries and it
does not. A story merged into another answers with ``merged_into``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, inspect, select, text

from newsgraph.errors import Code, UsageError
from newsgraph.store import schema
from newsgraph.store import stories as q
from newsgraph.store.aggregates import chunked
from newsgraph.store.db import Store

TOP_ACTORS = 8
CANONICAL = ("Q", "ng:")


def iso(day: int | None) -> str | None:
    return dt.date.fromordinal(day).isoformat() if day else None


def _day(value: str | None, option: str) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError as exc:
        raise UsageError(Code.BAD_OPTION, f"{option} {value!r}: use YYYY-MM-DD") from exc


def _actor_ids(actor: str) -> list[str]:
    """Entity ids for an actor given as a KB id (``Q7747``, ``ng:org:nato``), a country
    code (``RUS``), or a name or alias the knowledge base knows."""
    value = actor.strip()
    if re.fullmatch(r"[A-Z]{3}", value):
        return [f"country:{value}"]
    if re.fullmatch(r"(Q\d+|(ng|local|country):\S+)", value):
        return [value]
    from newsgraph.kb.load import default_kb
    from newsgraph.kb.resolve import lookup_name

    found = [a.id for a in lookup_name(default_kb(), value)]
    if not found:
        raise UsageError(Code.BAD_OPTION, f"--actor {actor!r}: no such actor in the knowledge base")
    return found


def list_stories(
    store: Store,
    *,
    since: str | None = None,
    actor: str | Sequence[str] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Stories newest last report first: id, headline, first/last report, size,
    outlets, languages, top actors. ``actor`` (a KB name, alias or id, a country code;
    or several: every one of them) keeps the stories whose articles name it."""
    since_day = _day(since, "--since")
    wanted = [actor] if isinstance(actor, str) else list(actor or [])
    with store.engine.connect() as conn:
        if wanted:
            groups = [_actor_ids(a) for a in wanted]
            rows = _stories_with_actors(conn, groups, since_day, limit, offset)
        else:
            rows = q.list_rows(conn, since_day=since_day, limit=limit, offset=offset)
        outlets = q.story_outlets(conn, [r["id"] for r in rows])
        names = _names(conn, {k for r in rows for k in _top(r["actors"])})
    return [_summary(r, outlets.get(r["id"], []), names) for r in rows]


def _stories_with_actors(
    conn: Connection,
    groups: Sequence[Sequence[str]],
    since_day: int | None,
    limit: int,
    offset: int,
) -> list[dict[str, Any]]:
    """Stories with articles naming one id of every group (``ix_entities_entity_id``)."""
    e = schema.entities
    wanted: set[int] | None = None
    for ids in groups:
        articles = select(e.c.article_id).where(e.c.entity_id.in_(list(ids))).distinct()
        found = [r[0] for r in conn.execute(articles.limit(50_000))]
        have = set(q.stories_of_articles(conn, found).values())
        wanted = have if wanted is None else wanted & have
    if not wanted:
        return []
    rows = q.list_rows(
        conn, since_day=since_day, story_ids=sorted(wanted), limit=limit, offset=offset
    )
    return rows


def _top(actors: dict[str, int] | None) -> list[str]:
    items = Counter(actors or {}).most_common()
    return [k for k, _ in items if k.startswith(CANONICAL)][:TOP_ACTORS]


def _names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """A name for each entity id: its ``actor_stats`` row's (the least of its names),
    one row per id. (Reading the names from ``entities`` read every row of each id,
    one per article naming it: 9 ms an article page at 100,000 articles.)"""
    t = schema.actor_stats
    found: dict[str, str] = {}
    for chunk in chunked(sorted(ids), 500):
        for eid, name in conn.execute(
            select(t.c.entity_id, t.c.name).where(t.c.entity_id.in_(chunk))
        ):
            found.setdefault(eid, name)
    return found


def _summary(row: dict[str, Any], outlets: list[str], names: dict[str, str]) -> dict[str, Any]:
    pairs = [x.split("|", 1) for x in outlets]
    return {
        "id": int(row["id"]),
        "headline": row.get("headline"),
        "headline_article": row.get("headline_article"),
        "first_report": iso(row["first_day"]),
        "last_report": iso(row["last_day"]),
        "articles": int(row["size"]),
        "outlets": sorted({o for o, _ in pairs}),
        "languages": sorted({lang for _, lang in pairs}),
        "actors": [{"id": k, "name": names.get(k, k)} for k in _top(row.get("actors"))],
    }


# ---- one story ------------------------------------------------------------------------------


def story_record(store: Store, story_id: int) -> dict[str, Any] | None:
    """The whole record of a story (see the module doc), or None."""
    with store.engine.connect() as conn:
        row = q.story_row(conn, story_id)
        if row is None:
            return None
        if row["merged_into"] is not None:
            return {"id": story_id, "merged_into": int(row["merged_into"])}
        members = q.member_rows(conn, story_id)
        ids = [m["id"] for m in members]
        ents = _entities(conn, ids)
        quotes = _quotes(conn, ids)
        events, merged = _events(conn, ids)
        claims = _claims(conn, ids)
        tone = _tone(conn, ids)
        outlets = q.story_outlets(conn, [story_id]).get(story_id, [])
        names = _names(conn, set(_top(row["actors"])))
    record = _summary(row, outlets, names)
    record["reports"] = members
    record["events"] = merged
    table = _per_outlet(members, ents, quotes, events, merged, claims, tone)
    record["by_outlet"] = table
    record["omits"] = _omissions(table)
    record["has_claims"] = claims is not None
    record["has_tone"] = tone is not None
    return record


def _entities(conn: Connection, ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    e = schema.entities
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for chunk in chunked(list(ids), 500):
        stmt = select(e.c.article_id, e.c.entity_id, e.c.name, e.c.type).where(
            e.c.article_id.in_(chunk), e.c.type.in_(("PERSON", "ORG"))
        )
        for aid, eid, name, _ in conn.execute(stmt):
            out[aid].append((eid, name))
    return out


def _quotes(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    t = schema.quotes
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in chunked(list(ids), 500):
        stmt = select(t.c.article_id, t.c.speaker_name, t.c.speaker_text).where(
            t.c.article_id.in_(chunk)
        )
        for aid, name, said in conn.execute(stmt):
            out[aid].append(name or said or "?")
    return out


def _events(
    conn: Connection, ids: Sequence[str]
) -> tuple[dict[str, set[int]], list[dict[str, Any]]]:
    m, me = schema.event_mentions, schema.merged_events
    per_article: dict[str, set[int]] = defaultdict(set)
    for chunk in chunked(list(ids), 500):
        stmt = select(m.c.article_id, m.c.merged_event_id).where(m.c.article_id.in_(chunk))
        for aid, mid in conn.execute(stmt):
            per_article[aid].add(int(mid))
    all_ids = sorted({i for s in per_article.values() for i in s})
    merged: list[dict[str, Any]] = []
    for chunk in chunked(all_ids, 500):
        stmt = select(
            me.c.id,
            me.c.type,
            me.c.cameo,
            me.c.source,
            me.c.target,
            me.c.date,
            me.c.negated,
            me.c.n_articles,
        ).where(me.c.id.in_(chunk))
        merged.extend(dict(r) for r in conn.execute(stmt).mappings())
    merged.sort(key=lambda r: (r["date"] or "", r["id"]))
    return per_article, merged


def _claims(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]] | None:
    """Numeric claims per article when the store has a ``claims`` table (issue 15,
    items 3-4); None when it has none."""
    inspector = inspect(conn)
    if not inspector.has_table("claims"):
        return None
    columns = {c["name"] for c in inspector.get_columns("claims")}
    if "article_id" not in columns:
        return None
    shown = "text" if "text" in columns else "article_id"
    out: dict[str, list[str]] = defaultdict(list)
    for chunk in chunked(list(ids), 500):
        marks = ", ".join(f":a{i}" for i in range(len(chunk)))
        stmt = text(f"SELECT article_id, {shown} FROM claims WHERE article_id IN ({marks})")
        for aid, value in conn.execute(stmt, {f"a{i}": v for i, v in enumerate(chunk)}):
            out[aid].append(str(value))
    return out


def _tone(conn: Connection, ids: Sequence[str]) -> dict[str, float] | None:
    """Article tone from ``article_tones`` (``store.claims``) when the store has it;
    None otherwise."""
    if not inspect(conn).has_table("article_tones"):
        return None
    out: dict[str, float] = {}
    for chunk in chunked(list(ids), 500):
        marks = ", ".join(f":a{i}" for i in range(len(chunk)))
        stmt = text(f"SELECT article_id, tone FROM article_tones WHERE article_id IN ({marks})")
        for aid, value in conn.execute(stmt, {f"a{i}": v for i, v in enumerate(chunk)}):
            out[aid] = float(value)
    return out


def _per_outlet(
    members: list[dict[str, Any]],
    ents: dict[str, list[tuple[str, str]]],
    quotes: dict[str, list[str]],
    events: dict[str, set[int]],
    merged: list[dict[str, Any]],
    claims: dict[str, list[str]] | None,
    tone: dict[str, float] | None,
) -> list[dict[str, Any]]:
    labels = {e["id"]: _event_label(e) for e in merged}
    rows: dict[str, dict[str, Any]] = {}
    for art in members:  # oldest first: the first article of an outlet gives its headline
        outlet = art["outlet"] or "(unknown outlet)"
        row = rows.setdefault(
            outlet,
            {
                "outlet": outlet,
                "headline": art["title"],
                "article": art["id"],
                "first_report": art["published_date"],
                "articles": 0,
                "languages": set(),
                "actors": {},
                "speakers": Counter(),
                "events": set(),
                "claims": [],
                "tones": [],
            },
        )
        row["articles"] += 1
        row["languages"].add(art["language"] or "?")
        if art["published_date"] and (
            not row["first_report"] or art["published_date"] < row["first_report"]
        ):
            row["first_report"] = art["published_date"]
        for eid, name in ents.get(art["id"], []):
            row["actors"].setdefault(eid, name)
        row["speakers"].update(quotes.get(art["id"], []))
        row["events"] |= events.get(art["id"], set())
        if claims is not None:
            row["claims"].extend(claims.get(art["id"], []))
        if tone is not None and art["id"] in tone:
            row["tones"].append(tone[art["id"]])
    out = []
    for row in rows.values():
        done = {
            "outlet": row["outlet"],
            "headline": row["headline"],
            "article": row["article"],
            "first_report": row["first_report"],
            "articles": row["articles"],
            "languages": sorted(row["languages"]),
            "actors": [
                {"id": k, "name": v} for k, v in sorted(row["actors"].items(), key=lambda kv: kv[1])
            ],
            "quotes": sum(row["speakers"].values()),
            "speakers": dict(row["speakers"].most_common()),
            "events": [{"id": i, "label": labels.get(i, str(i))} for i in sorted(row["events"])],
        }
        if claims is not None:
            done["claims"] = row["claims"]
        if tone is not None:
            done["tone"] = round(sum(row["tones"]) / len(row["tones"]), 3) if row["tones"] else None
        out.append(done)
    out.sort(key=lambda r: (r["first_report"] or "9999", r["outlet"]))
    return out


def _event_label(e: dict[str, Any]) -> str:
    def side(actors: list[dict[str, Any]] | None) -> str:
        return ", ".join(a.get("name") or "?" for a in actors or []) or "?"

    neg = "not " if e.get("negated") else ""
    return (
        f"{side(e['source'])} {neg}{e['type']} {side(e['target'])} ({e.get('date') or 'undated'})"
    )


def _omissions(table: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per outlet: what other outlets of the story carry and it does not (actors named,
    speakers quoted, merged events reported); outlets that leave out nothing are not
    listed. Only for stories told by two outlets or more."""
    if len(table) < 2:
        return []
    out = []
    for row in table:
        others = [r for r in table if r is not row]
        mine_actors = {a["id"] for a in row["actors"]}
        actors = {
            a["id"]: a["name"]
            for r in others
            for a in r["actors"]
            if a["id"] not in mine_actors and a["id"].startswith(CANONICAL)
        }
        speakers = sorted({s for r in others for s in r["speakers"]} - set(row["speakers"]))
        mine_events = {e["id"] for e in row["events"]}
        events = {
            e["id"]: e["label"] for r in others for e in r["events"] if e["id"] not in mine_events
        }
        if not (actors or speakers or events):
            continue
        out.append(
            {
                "outlet": row["outlet"],
                "actors": [
                    {"id": k, "name": v} for k, v in sorted(actors.items(), key=lambda kv: kv[1])
                ],
                "speakers": speakers,
                "events": [{"id": k, "label": v} for k, v in sorted(events.items())],
            }
        )
    return out


def article_story(store: Store, article_id: str) -> dict[str, Any] | None:
    """The story an article belongs to, as a list summary (None: none yet)."""
    with store.connect() as conn:  # the request's connection inside ``Store.reading``
        sid = q.story_of(conn, article_id)
        if sid is None:
            return None
        row = q.story_row(conn, sid)
        if row is None:
            return None
        outlets = q.story_outlets(conn, [sid]).get(sid, [])
        names = _names(conn, set(_top(row["actors"])))
    return _summary(row, outlets, names)
