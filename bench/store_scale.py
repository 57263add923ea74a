"""The store at scale: build N stored articles, then time every GET endpoint, uncached.

    .venv/bin/python bench/store_scale.py --n 100000 --backend sqlite --json
    .venv/bin/python bench/store_scale.py --n 1000000 --backend postgres \\
        --db postgresql://postgres@127.0.0.1:5432/news --json

1. **Build.** The articles are real extracted records (entities, quotes, times, events)
   read from ``--source`` (a newsgraph database, by default ``.cache/demo.db`` that
   ``DEMO_NO_SERVE=1 make demo`` builds, or a JSON Lines file of ``newsgraph extract``
   records), copied with new ids and content hashes. Copy ``i`` is moved in time (its
   publication, quote and event days shifted by whole days, spread over ``--years``
   years) and, for most copies, its actors are varied: every KB person becomes another
   KB person and every country another country, consistently within the copy (a
   permutation per copy), so the store holds many actors, dyads and days, not one
   corpus repeated. Copies are stored ``--batch`` at a time through ``Database.save_batch``
   (what ``newsgraph ingest`` does: one transaction per batch, events merged and
   stories assigned in it), timing each batch. Each copy carries its source's story
   vector, computed once, as the NLP stage's workers would have (the writer encodes
   nothing). An existing database is reused and topped up to ``--n``; the cost
   of its first batches is kept beside it (``<db>.scale.json``) so ``first`` stays the
   cost at the start of the whole build.
   With ``--copy-blocks`` the database is topped up instead by copying
   itself, as it was the first time, in SQL: block after block of the same articles
   with new ids, hashes and merged-event ids, the same days and actors, and the
   aggregates' counters added to (``copy_blocks`` on PostgreSQL: about 7 ms an article
   against 28-300 ms through ``save_batch``, which made a million a 12-hour build;
   ``copy_blocks_sqlite``, which also indexes each copy's text with its template's
   tags: 34,000 -> 102,000 in 145 s). Stories, claims and tones are not copied.
2. **Measure.** ``newsgraph serve --cache-mb 0 --workers W`` on loopback; each endpoint
   gets ``--requests`` requests from 1 client, then all endpoints are mixed over
   ``--clients`` concurrent keep-alive clients for ``--seconds`` seconds, each sending
   its next request as soon as it has an answer (a closed loop: the server is never
   idle, and the latency is the queue). ``--think-ms T`` adds a third run, reported
   beside it as ``c50_think``, where each client waits a random time (mean T) between
   requests, as people reading the pages do. ``--compare SRC`` replaces both runs by a
   side-by-side one: the newsgraph of the source tree ``SRC`` served beside this one
   over the same database, each endpoint's requests alternated between the two, and
   each server's CPU per answer (``compare``): on a shared machine the only fair
   before/after. With ``--crowd-turns K`` it then runs the ``--clients`` closed loop
   against each server alone, in K alternating turns each (other, this, this, other,
   ...), and reports both sides' latencies, answers a second and CPU per answer.

3. **Ingest into a store as it is** (``--ingest-into DB``, instead of 1 and 2): the
   writer's cost per article on DB now, for issue 18's "ingest at the end within 1.5x of
   the start": ``--ingest-n`` new copies (past every copy a build stores, under ids of
   their own) stored ``--batch`` at a time through ``Database.save_batch``, each batch
   timed and split into store, events merged and stories assigned, ``--ingest-reps``
   times. Each repetition is one transaction with a savepoint per batch, rolled back at
   its end, so a large store keeps what it had (the commit itself is left out);
   ``--ingest-commit`` commits each batch instead (a fresh store, or a copy). A new path
   is a fresh store: the start. ``--ingest-statements`` sums each statement's time.
   Each batch's CPU time in this process is reported beside its wall-clock time
   (``cpu_median``; on SQLite the whole writer, on PostgreSQL without the server's
   part): on a machine shared with other work it moves less with the load.

Prints one JSON object (with ``--json``; a table otherwise)::

    {"n": N, "backend": "sqlite", "endpoints": {name: {"p50": ms, "p95": ms, "p99": ms,
     "c50": {"p50": ms, "p95": ms, "p99": ms, "requests": k}}},
     "ingest_ms_per_article": {"first": ms, "last": ms}, "errors": {...}, ...}

``p50/p95/p99`` are one client's, ``server_cpu_ms`` the server's CPU per answer over
them; ``c50`` the same endpoint's under ``--clients`` clients; ``c50_all`` every answer of that run, with the answers per second. Targets (issue 18): search p95 < 50 ms with one client, every endpoint p99 <
200 ms with 50 clients, ``last`` within 1.5x of ``first``. ``make bench-scale`` runs it
at 100,000 articles on SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from sqlalchemy import func, inspect, select

from newsgraph.analyze.database import Database
from newsgraph.analyze.stories import attach_vectors
from newsgraph.kb import default_kb
from newsgraph.records import (
    Article,
    Entity,
    Event,
    EventActor,
    Mention,
    Published,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)
from newsgraph.store import schema
from newsgraph.store.engine import make_engine
from newsgraph.store.rows import article_dict

HOST = "127.0.0.1"
FIRST_ARTICLES = 1000  # "first" and "last" ingest costs are means over this many articles
START = date(2005, 1, 1)


# ---- source records -----------------------------------------------------------------------


def load_sources(source: str, limit: int) -> list[dict[str, Any]]:
    """Extracted records in ``Article.to_dict()`` shape: from a newsgraph database (read
    without migrating it) or a JSON Lines file of ``newsgraph extract`` output."""
    path = Path(source)
    if path.suffix in (".jsonl", ".json"):
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        return [r for r in rows if r.get("status", "ok") == "ok"][:limit]
    if "://" not in source and not path.exists():
        raise SystemExit(f"{source}: no such database (DEMO_NO_SERVE=1 make demo builds one)")
    engine = make_engine(source)
    try:
        with engine.connect() as conn:
            a = schema.articles
            ids = [r[0] for r in conn.execute(select(a.c.id).order_by(a.c.id).limit(limit))]
            found = [_read(conn, i) for i in ids]
    finally:
        engine.dispose()
    return [r for r in found if r]


def _stored_columns(conn: Any, t: Any) -> list[Any]:
    """The columns of ``t`` the database has: a source database made before a column was
    added (``quotes.parts``, schema step 15) is read without it."""
    have = conn.info.setdefault("store_scale_columns", {})
    if t.name not in have:
        have[t.name] = {c["name"] for c in inspect(conn).get_columns(t.name)}
    return [c for c in t.c if c.name in have[t.name]]


def _read(conn: Any, article_id: str) -> dict[str, Any] | None:
    """One stored article in ``Article.to_dict()`` shape, from the base tables only (the
    source database is read as it is, whatever later tables and columns it lacks)."""
    a, s = schema.articles, schema.sources
    row = (
        conn.execute(
            select(*_stored_columns(conn, a), s.c.name.label("outlet"))
            .select_from(a.outerjoin(s, a.c.outlet_id == s.c.id))
            .where(a.c.id == article_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    children = {}
    for t in (schema.entities, schema.mentions, schema.quotes, schema.times, schema.events):
        order = [t.c.entity_seq, t.c.seq] if "entity_seq" in t.c else [t.c.seq]
        stmt = select(*_stored_columns(conn, t)).where(t.c.article_id == article_id)
        stmt = stmt.order_by(*order)
        children[t.name] = [dict(r) for r in conn.execute(stmt).mappings()]
    return article_dict(dict(row), outlet=row["outlet"], **children)


def to_article(d: dict[str, Any]) -> Article:
    """An ``Article`` from its ``to_dict()`` shape."""
    pub = d.get("published") or {}
    return Article(
        id=d["id"],
        source=d["source"],
        text=d["text"],
        title=d.get("title"),
        url=d.get("url"),
        language=d.get("language"),
        published=Published(
            pub.get("date"), pub.get("origin"), pub.get("confidence") or 0.0, pub.get("evidence")
        ),
        outlet=d.get("outlet"),
        content_hash=d.get("content_hash") or "",
        entities=tuple(
            Entity(
                e["id"],
                e["name"],
                e["type"],
                e.get("country"),
                tuple(Mention(m["start"], m["end"], m["text"]) for m in e.get("mentions", [])),
            )
            for e in d.get("entities", [])
        ),
        quotes=tuple(_quote(q) for q in d.get("quotes", [])),
        times=tuple(
            TimeExpr(t["start"], t["end"], t["text"], t.get("value"), t.get("type") or "DATE")
            for t in d.get("times", [])
        ),
        events=tuple(_event(e) for e in d.get("events", [])),
    )


def _quote(q: dict[str, Any]) -> Quote:
    s = q.get("speaker")
    speaker = (
        Speaker(s.get("entity"), s.get("name"), s.get("start"), s.get("end"), s.get("text"))
        if s
        else None
    )
    return Quote(
        q["start"],
        q["end"],
        q["text"],
        bool(q["direct"]),
        q.get("cue"),
        speaker,
        q.get("date"),
        # a quote split by its attribution keeps its pieces (absent: one piece)
        parts=tuple(Mention(p["start"], p["end"], p["text"]) for p in q.get("parts") or ()),
    )


def _event(e: dict[str, Any]) -> Event:
    def actors(side: list[dict[str, Any]]) -> tuple[EventActor, ...]:
        return tuple(
            EventActor(x.get("entity"), x.get("name") or "", x.get("country"), x.get("sector"))
            for x in side
        )

    trigger = e.get("trigger") or {}
    sentence = e.get("sentence") or {}
    return Event(
        type=e["type"],
        trigger=Mention(trigger.get("start", 0), trigger.get("end", 0), trigger.get("text", "")),
        sentence=Span(sentence.get("start", 0), sentence.get("end", 0)),
        mode=e.get("mode"),
        cameo=e.get("cameo"),
        source=actors(e.get("source") or []),
        target=actors(e.get("target") or []),
        date=e.get("date"),
        place=e.get("place"),
        intensity=e.get("intensity"),
        negated=bool(e.get("negated")),
        modality=e.get("modality"),
    )


# ---- copies -------------------------------------------------------------------------------


class Copier:
    """Copy ``i`` of the source records: new id, hash, days and (mostly) actors."""

    def __init__(self, sources: list[Article], years: int, seed: int = 18) -> None:
        # each source's story vector once, as the NLP stage's workers compute it; copies
        # carry it (their lead is the source's), so the build times the writer only
        self.sources = attach_vectors(sources)
        self.days = max(1, years * 365)
        kb = default_kb()
        self.people = sorted(kb.people)
        self.countries = sorted(c for c in kb.countries if len(c) == 3)
        self.seed = seed

    def article(self, i: int) -> Article:
        base = self.sources[i % len(self.sources)]
        rng = random.Random(self.seed * 1_000_003 + i)
        shift = rng.randrange(self.days)
        anchor = _day(base.published.date) or START
        when = START + timedelta(days=shift)
        delta = (when - anchor).days
        people, countries = self._maps(rng, i)
        text = f"{base.text}\n\n(copy {i})"
        return base.replace(
            id=f"scale-{i:07d}",
            source=f"scale:{i}",
            url=f"https://scale.example/{i}",
            text=text,
            content_hash=f"scale-{i:07d}-{base.content_hash or base.id}"[:128],
            published=Published(when.isoformat(), "given", 1.0, None),
            entities=tuple(
                e.__class__(
                    people.get(e.id, _country_id(e.id, countries)),
                    e.name,
                    e.type,
                    countries.get(e.country or "", e.country),
                    e.mentions,
                )
                for e in base.entities
            ),
            quotes=tuple(_moved_quote(q, delta, people) for q in base.quotes),
            times=base.times,
            events=tuple(_moved_event(e, delta, people, countries) for e in base.events),
        )

    def _maps(self, rng: random.Random, i: int) -> tuple[dict[str, str], dict[str, str]]:
        """Person and country permutations for copy ``i`` (none for a fifth of copies)."""
        if i % 5 == 0:
            return {}, {}
        people = self.people[:]
        countries = self.countries[:]
        rng.shuffle(people)
        rng.shuffle(countries)
        return dict(zip(self.people, people, strict=True)), dict(
            zip(self.countries, countries, strict=True)
        )


def _country_id(entity_id: str, countries: dict[str, str]) -> str:
    if entity_id.startswith("country:"):
        code = entity_id.split(":", 1)[1]
        return f"country:{countries.get(code, code)}"
    return entity_id


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _shifted(value: str | None, delta: int) -> str | None:
    day = _day(value)
    return (day + timedelta(days=delta)).isoformat() if day else value


def _moved_quote(q: Quote, delta: int, people: dict[str, str]) -> Quote:
    speaker = q.speaker
    if speaker is not None and speaker.entity in people:
        speaker = Speaker(
            people[speaker.entity], speaker.name, speaker.start, speaker.end, speaker.text
        )
    # a copy's text is its source's with a line added at the end: the offsets stay, and a
    # split quote keeps its pieces where they were
    return Quote(
        q.start,
        q.end,
        q.text,
        q.direct,
        q.cue,
        speaker,
        _shifted(q.date, delta),
        parts=q.parts,
    )


def _moved_event(e: Event, delta: int, people: dict[str, str], countries: dict[str, str]) -> Event:
    def actor(x: EventActor) -> EventActor:
        entity = people.get(x.entity or "", _country_id(x.entity or "", countries)) or None
        country = countries.get(x.country or "", x.country)
        return EventActor(entity, x.name, country, x.sector, x.code)

    return Event(
        type=e.type,
        trigger=e.trigger,
        sentence=e.sentence,
        mode=e.mode,
        cameo=e.cameo,
        source=tuple(actor(x) for x in e.source),
        target=tuple(actor(x) for x in e.target),
        date=_shifted(e.date, delta),
        place=e.place,
        intensity=e.intensity,
        negated=e.negated,
        modality=e.modality,
    )


# ---- build --------------------------------------------------------------------------------


def stored_count(db: str) -> int:
    with Database.open(db) as store:
        return int(store.stats()["tables"]["articles"])


def sidecar(db: str) -> Path:
    """Where the ingest costs of a store's first batches are kept: beside a SQLite file,
    or under ``.cache/`` for a PostgreSQL URL, one file per database (a file shared by
    every database would report another store's template)."""
    if "://" not in db:
        return Path(f"{db}.scale.json")
    key = hashlib.sha1(db.encode("utf-8")).hexdigest()[:12]
    return Path(f".cache/store_scale_pg-{key}.json")


def build(db: str, copier: Copier, n: int, batch: int) -> dict[str, float]:
    """Top the database up to ``n`` articles; the ingest cost per article (ms) of the
    first and the last ``FIRST_ARTICLES`` (the first ones from the sidecar when the
    build started earlier)."""
    side = sidecar(db)
    state = json.loads(side.read_text()) if side.exists() else {}
    have = stored_count(db)
    timings: list[tuple[int, float]] = []
    with Database.open(db) as store:
        for start in range(have, n, batch):
            records = [copier.article(i) for i in range(start, min(n, start + batch))]
            began = time.perf_counter()
            store.save_batch(records, None)
            timings.append((len(records), (time.perf_counter() - began) * 1000))
            if start + batch >= FIRST_ARTICLES and "first" not in state and have == 0:
                state["first"] = _mean(timings, FIRST_ARTICLES, first=True)
                side.write_text(json.dumps(state))
    if timings:
        state["last"] = _mean(timings, FIRST_ARTICLES, first=False)
        state.setdefault("first", _mean(timings, FIRST_ARTICLES, first=True))
        side.write_text(json.dumps(state))
    return {"first": round(state.get("first", 0.0), 3), "last": round(state.get("last", 0.0), 3)}


def _mean(timings: list[tuple[int, float]], articles: int, *, first: bool) -> float:
    picked = timings if first else list(reversed(timings))
    count, ms = 0, 0.0
    for size, spent in picked:
        count, ms = count + size, ms + spent
        if count >= articles:
            break
    return ms / max(1, count)


# ---- ingest into an existing store --------------------------------------------------------

INGEST_FROM = 10_000_000  # copy numbers of the measured articles: past every stored copy


class _Savepoints:
    """Stands in for ``Store._writer``: each of its transactions is a savepoint of one
    open transaction on ``conn``, which the caller rolls back (the store is left as it
    was)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    @contextlib.contextmanager
    def begin(self) -> Iterator[Any]:
        with self.conn.begin_nested():
            yield self.conn


def ingest_articles(copier: Copier, n: int, rep: int, stored: int = 0) -> list[Article]:
    """``n`` copies (the same ones at every repetition, from ``INGEST_FROM`` on) under
    new ids, hashes, sources and urls (``ingest-<stored>-<rep>-<i>``, ``stored`` the
    articles the store held before: a run that committed its copies changes it, so the
    next run's ids are new too): nothing a store built by this bench holds."""
    out = []
    for i in range(n):
        a = copier.article(INGEST_FROM + i)
        key = f"ingest-{stored}-{rep}-{i:06d}"
        out.append(
            a.replace(
                id=key,
                source=f"ingest:{stored}:{rep}:{i}",
                url=f"https://ingest.example/{stored}/{rep}/{i}",
                content_hash=f"{key}-{a.content_hash}"[:128],
            )
        )
    return out


def ingest_into(
    db: str,
    copier: Copier,
    n: int,
    batch: int,
    reps: int,
    *,
    commit: bool = False,
    statements: bool = False,
) -> dict[str, Any]:
    """The writer's cost per article on the store ``db`` as it is: ``reps`` times, ``n``
    copies (``ingest_articles``) stored ``batch`` at a time through ``Database.save_batch``
    (what ``newsgraph ingest`` calls after the NLP stage: rows, aggregates, search index,
    events merged, stories assigned), each batch timed. Without ``commit`` every
    repetition is one transaction (the writer's lock taken at its start) and each batch
    a savepoint in it, rolled back at the end: the store keeps what it had, and the
    figure leaves out only the commit itself. With ``commit`` each batch commits (for a
    fresh store or a copy: the articles stay). Each repetition starts with the stories
    window cache dropped, so the first batch of each pays the window's read, as the first
    batch of an ingest does; the medians are over batches. Each batch's time is split
    into ``events`` (``merge.merge_new_events``), ``stories`` (``stories.assign``) and
    ``store`` (the rest: rows, aggregates, search index, claims). With ``statements``
    the time of each statement the writer sent is summed too (its first 120 characters).
    Each batch's CPU time in this process (``time.process_time``) is kept beside it
    (``cpu_median``, ``cpu_batches``, ``cpu_ms_per_article_median``)."""
    from sqlalchemy import event

    from newsgraph.analyze import merge as merge_module
    from newsgraph.analyze import stories as stories_module
    from newsgraph.analyze.stories import drop_window_caches
    from newsgraph.store.engine import write_engine

    spent: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])

    def before(conn: Any, _cursor: Any, _stmt: str, _params: Any, context: Any, _many: Any) -> None:
        if context is not None:  # ``store.raw.fetch`` (reads) announces its SQL with none
            context._ingest_began = time.perf_counter()

    def after(conn: Any, _cursor: Any, stmt: str, _params: Any, context: Any, _many: Any) -> None:
        if not hasattr(context, "_ingest_began"):
            return
        row = spent[" ".join(stmt.split())[:120]]
        row[0] += 1
        row[1] += (time.perf_counter() - context._ingest_began) * 1000

    # the batch's phases: events merged, stories assigned (the rest: rows, aggregates,
    # search index); Database.merge_in calls merge.merge_new_events, then stories.assign
    phase = {"events": 0.0, "stories": 0.0}
    phase_cpu = {"events": 0.0, "stories": 0.0}  # the same phases in this process's CPU

    def timed(name: str, call: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            began, cpu_began = time.perf_counter(), time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                phase[name] += (time.perf_counter() - began) * 1000
                phase_cpu[name] += (time.process_time() - cpu_began) * 1000

        return run

    out: dict[str, Any] = {"db": db, "mode": "commit" if commit else "rollback"}
    runs: list[dict[str, Any]] = []
    scored = {"articles": 0, "candidates": 0}  # the stories each article was scored against
    with Database.open(db) as store, contextlib.ExitStack() as patched:
        from newsgraph.analyze.story_cluster import Window

        candidates = Window.candidates

        def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
            found = candidates(self, *args, **kwargs)
            scored["articles"] += 1
            scored["candidates"] += len(found)
            return found

        Window.candidates = counted  # type: ignore[method-assign]
        patched.callback(setattr, Window, "candidates", candidates)
        out["articles_before"] = int(store.stats()["tables"]["articles"])
        if statements:
            event.listen(store.engine, "before_cursor_execute", before)
            event.listen(store.engine, "after_cursor_execute", after)
        for module, name in ((merge_module, "merge_new_events"), (stories_module, "assign")):
            call = getattr(module, name)
            setattr(module, name, timed("events" if module is merge_module else "stories", call))
            patched.callback(setattr, module, name, call)
        for rep in range(reps):
            records = ingest_articles(copier, n, rep, out["articles_before"])
            drop_window_caches()
            per_article: list[float] = []
            cpu_per_article: list[float] = []  # this process's CPU (SQLite: the whole writer)
            parts: dict[str, list[float]] = {"store": [], "events": [], "stories": []}
            parts_cpu: dict[str, list[float]] = {"store": [], "events": [], "stories": []}
            with contextlib.ExitStack() as stack:
                if not commit:
                    conn = stack.enter_context(write_engine(store.engine).connect())
                    outer = conn.begin()
                    stack.callback(outer.rollback)
                    writer, store._writer = store._writer, _Savepoints(conn)  # type: ignore[assignment]
                    stack.callback(setattr, store, "_writer", writer)
                for start in range(0, n, batch):
                    chunk = records[start : start + batch]
                    phase["events"] = phase["stories"] = 0.0
                    phase_cpu["events"] = phase_cpu["stories"] = 0.0
                    began, cpu_began = time.perf_counter(), time.process_time()
                    result = store.save_batch(chunk, None)
                    total = (time.perf_counter() - began) * 1000
                    per_article.append(total / len(chunk))
                    cpu = (time.process_time() - cpu_began) * 1000
                    cpu_per_article.append(cpu / len(chunk))
                    for name, ms in phase.items():
                        parts[name].append(ms / len(chunk))
                        parts_cpu[name].append(phase_cpu[name] / len(chunk))
                    parts["store"].append((total - sum(phase.values())) / len(chunk))
                    parts_cpu["store"].append((cpu - sum(phase_cpu.values())) / len(chunk))
                    if result.added != len(chunk):
                        raise SystemExit(f"batch at {start}: {result.added} of {len(chunk)} stored")
            runs.append(
                {
                    "median": round(statistics.median(per_article), 3),
                    "mean": round(statistics.fmean(per_article), 3),
                    "first_batch": round(per_article[0], 3),
                    "batches": [round(x, 2) for x in per_article],
                    "cpu_median": round(statistics.median(cpu_per_article), 3),
                    "cpu_batches": [round(x, 2) for x in cpu_per_article],
                    "parts_median": {k: round(statistics.median(v), 3) for k, v in parts.items()},
                    "parts": {k: [round(x, 2) for x in v] for k, v in parts.items()},
                    "parts_cpu_median": {
                        k: round(statistics.median(v), 3) for k, v in parts_cpu.items()
                    },
                    "parts_cpu": {k: [round(x, 2) for x in v] for k, v in parts_cpu.items()},
                }
            )
        out["articles_after"] = int(store.stats()["tables"]["articles"])
    every = [x for run in runs for x in run["batches"]]
    out |= {
        "n": n,
        "batch": batch,
        "reps": runs,
        "ms_per_article_median": round(statistics.median(every), 3),
        "ms_per_article_median_of_reps": [run["median"] for run in runs],
        "cpu_ms_per_article_median": round(
            statistics.median(x for run in runs for x in run["cpu_batches"]), 3
        ),
        "parts_ms_per_article_median": {
            k: round(statistics.median(x for run in runs for x in run["parts"][k]), 3)
            for k in ("store", "events", "stories")
        },
        "candidates_per_article": round(scored["candidates"] / max(1, scored["articles"]), 2),
        "parts_cpu_ms_per_article_median": {
            k: round(statistics.median(x for run in runs for x in run["parts_cpu"][k]), 3)
            for k in ("store", "events", "stories")
        },
    }
    if statements:
        top = sorted(spent.items(), key=lambda kv: -kv[1][1])[:20]
        out["statements"] = [
            {"sql": sql, "count": int(count), "ms": round(ms, 1)} for sql, (count, ms) in top
        ]
        out["statements_ms"] = round(sum(ms for _, ms in spent.values()), 1)
        # the article inserts run, whether or not they are among the 20 slowest
        out["article_inserts"] = int(
            sum(c for sql, (c, _) in spent.items() if sql.startswith("INSERT INTO articles "))
        )
    return out


# ---- PostgreSQL: a million by copying blocks in SQL ---------------------------------------

# every table a block copy writes, with the columns it rewrites ({a}: an article id,
# {m}: a merged event id); the other columns are copied as they are
ARTICLE = "'scale-' || lpad((substr({col}, 7)::bigint + :shift)::text, 7, '0')"
BLOCK_COPIED: dict[str, dict[str, str]] = {
    "articles": {
        "id": ARTICLE,
        "content_hash": "content_hash || '~' || :block",
        "url": "url || '~' || :block",
        "source": "source || '~' || :block",
    },
    "entities": {"article_id": ARTICLE},
    "mentions": {"article_id": ARTICLE},
    "quotes": {"article_id": ARTICLE},
    "times": {"article_id": ARTICLE},
    "events": {"article_id": ARTICLE},
    "merged_events": {"id": "id + :merged"},
    "merged_event_actors": {"merged_event_id": "merged_event_id + :merged"},
    "event_mentions": {"article_id": ARTICLE, "merged_event_id": "merged_event_id + :merged"},
    "article_sources": {
        "id": "id + :sources",
        "article_id": ARTICLE,
        "source": "source || '~' || :block",
    },
    "event_index": {"article_id": ARTICLE},
    "event_keys": {"article_id": ARTICLE},
    "quote_index": {"article_id": ARTICLE},
    "quote_speakers": {"article_id": ARTICLE},
    "merged_event_keys": {"merged_event_id": "merged_event_id + :merged"},
    "merged_event_pairs": {"merged_event_id": "merged_event_id + :merged"},
}
# aggregates whose counters add up: (table, key columns, counter columns)
BLOCK_ADDED = (
    ("actor_stats", ("entity_id",), ("articles", "mentions")),
    ("dyad_days", ("lo", "hi", "day", "type", "negated"), ("events", "mentions")),
    ("event_days", ("key", "day", "type", "negated"), ("events", "mentions")),
    ("event_months", ("key", "month", "type", "negated"), ("events", "mentions")),
    ("speaker_names", ("name_lower",), ("quotes",)),
    ("counts", ("kind", "key"), ("n",)),
)
# counts that grow with a block: rows per copied table, articles per outlet, language, day
BLOCK_COUNTS = (
    "kind IN ('outlet', 'language', 'day', 'repairs') OR (kind = 'table' AND key IN ({tables}))"
)


def copy_blocks(db: str, n: int) -> dict[str, Any]:
    """Top a PostgreSQL database up towards ``n`` articles by copying, in SQL, the whole
    database as it was when this first ran (the template: ``scale-0000000`` to
    ``scale-{T-1}``, kept in tables ``ng_template_*``) as blocks of T articles: new article
    ids, hashes, sources and merged-event ids; the same days, outlets and actors (so each
    block makes every day denser); the aggregates' counters added to. Story, claim and
    tone rows are not copied, and the copies' search vectors are computed by PostgreSQL
    as for any insert. One transaction per block; returns the blocks' timings."""
    from sqlalchemy import text as sql

    engine = make_engine(db)
    timings: list[dict[str, Any]] = []
    try:
        with engine.begin() as conn:
            made = conn.execute(
                sql("SELECT to_regclass('ng_template_meta') IS NOT NULL")
            ).scalar_one()
            if not made:
                names = [*BLOCK_COPIED, *(t for t, _, _ in BLOCK_ADDED), "entity_names"]
                for name in names:
                    conn.execute(sql(f"CREATE TABLE ng_template_{name} AS SELECT * FROM {name}"))
                conn.execute(
                    sql(
                        "CREATE TABLE ng_template_meta AS SELECT "
                        "(SELECT count(*) FROM articles) AS articles, "
                        "(SELECT coalesce(max(id), 0) + 1 FROM merged_events) AS merged, "
                        "(SELECT coalesce(max(id), 0) + 1 FROM article_sources) AS sources"
                    )
                )
            size, merged, sources = conn.execute(sql("SELECT * FROM ng_template_meta")).one()
            _template_search_tags(conn)
            first, last = conn.execute(
                sql("SELECT min(id), max(id) FROM ng_template_articles")
            ).one()
            if first != "scale-0000000" or last != f"scale-{size - 1:07d}":
                raise SystemExit(f"the template is not scale-0000000..scale-{size - 1:07d}")
            columns = {
                name: [
                    r[0]
                    for r in conn.execute(
                        sql(
                            "SELECT column_name FROM information_schema.columns WHERE "
                            "table_schema = current_schema() AND table_name = :t AND "
                            "is_generated = 'NEVER' ORDER BY ordinal_position"
                        ),
                        {"t": name},
                    )
                ]
                for name in [*BLOCK_COPIED, *(t for t, _, _ in BLOCK_ADDED)]
            }
        while True:
            have = stored_count(db)
            block = have // size
            if have + size > n or have % size:
                break
            began = time.perf_counter()
            params = {
                "shift": block * size,
                "block": str(block),
                "merged": block * merged,
                "sources": block * sources,
            }
            with engine.begin() as conn:
                for name, changed in BLOCK_COPIED.items():
                    cols = columns[name]
                    values = [changed.get(c, f'"{c}"').format(col=f'"{c}"') for c in cols]
                    listed = ", ".join(f'"{c}"' for c in cols)
                    conn.execute(
                        sql(
                            f"INSERT INTO {name} ({listed}) "
                            f"SELECT {', '.join(values)} FROM ng_template_{name}"
                        ),
                        params,
                    )
                conn.execute(
                    sql(
                        "INSERT INTO entity_names SELECT * FROM ng_template_entity_names "
                        "ON CONFLICT DO NOTHING"
                    )
                )
                tables = ", ".join(f"'{t}'" for t in BLOCK_COPIED if t in TABLE_COUNTED)
                for name, keys, counters in BLOCK_ADDED:
                    cols = [f'"{c}"' for c in columns[name]]
                    where = (
                        " WHERE " + BLOCK_COUNTS.format(tables=tables) if name == "counts" else ""
                    )
                    adds = ", ".join(f'"{c}" = {name}."{c}" + excluded."{c}"' for c in counters)
                    keys = tuple(f'"{k}"' for k in keys)
                    conn.execute(
                        sql(
                            f"INSERT INTO {name} ({', '.join(cols)}) SELECT {', '.join(cols)} "
                            f"FROM ng_template_{name}{where} "
                            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {adds}"
                        )
                    )
                for name in ("merged_events", "article_sources"):
                    conn.execute(
                        sql(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"(SELECT max(id) FROM {name}))"
                        )
                    )
            spent = time.perf_counter() - began
            timings.append({"block": block, "articles": size, "s": round(spent, 1)})
            print(
                f"block {block}: {have + size:,} articles, {spent:.0f} s",
                file=sys.stderr,
                flush=True,
            )
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(sql("ANALYZE"))
    finally:
        engine.dispose()
    return {"blocks": timings}


def _template_search_tags(conn: Any) -> None:
    """A template made before migration ``_pg_search_tags`` gets the search tags its
    articles were given by the migration (the copies' outlets, days and actors are the
    template's, so are their tags)."""
    from sqlalchemy import text as sql

    def has(table: str) -> bool:
        found = conn.execute(
            sql(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = :t AND column_name = 'search_tags'"
            ),
            {"t": table},
        )
        return found.first() is not None

    if has("articles") and not has("ng_template_articles"):
        conn.execute(sql("ALTER TABLE ng_template_articles ADD COLUMN search_tags text[]"))
        conn.execute(
            sql(
                "UPDATE ng_template_articles t SET search_tags = a.search_tags "
                "FROM articles a WHERE a.id = t.id"
            )
        )


def copy_blocks_sqlite(db: str, n: int) -> dict[str, Any]:
    """``copy_blocks`` on SQLite: the same blocks of the template (new article ids,
    hashes, sources and merged-event ids; the same days, outlets and actors; the
    aggregates' counters added to), and each copy's row in the full-text index with the
    template's tags (its outlet, days and actors are the template's). Story, claim and
    tone rows are not copied. One transaction per block."""
    import sqlite3

    article = "'scale-' || printf('%07d', CAST(substr({col}, 7) AS INTEGER) + :shift)"
    conn = sqlite3.connect(db, isolation_level=None)
    timings: list[dict[str, Any]] = []
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        made = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'ng_template_meta'"
        ).fetchone()
        if not made:
            conn.execute("BEGIN IMMEDIATE")
            names = [*BLOCK_COPIED, *(t for t, _, _ in BLOCK_ADDED), "entity_names"]
            for name in names:
                conn.execute(f"CREATE TABLE ng_template_{name} AS SELECT * FROM {name}")
            conn.execute(
                "CREATE TABLE ng_template_fts AS SELECT c0, c1, c2, c3 FROM articles_fts_content"
            )
            conn.execute(
                "CREATE TABLE ng_template_meta AS SELECT "
                "(SELECT count(*) FROM articles) AS articles, "
                "(SELECT coalesce(max(id), 0) + 1 FROM merged_events) AS merged, "
                "(SELECT coalesce(max(id), 0) + 1 FROM article_sources) AS sources"
            )
            conn.execute("COMMIT")
        size, merged, sources = conn.execute("SELECT * FROM ng_template_meta").fetchone()
        first, last = conn.execute("SELECT min(id), max(id) FROM ng_template_articles").fetchone()
        if first != "scale-0000000" or last != f"scale-{size - 1:07d}":
            raise SystemExit(f"the template is not scale-0000000..scale-{size - 1:07d}")
        columns = {
            name: [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
            for name in [*BLOCK_COPIED, *(t for t, _, _ in BLOCK_ADDED)]
        }
        while True:
            have = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            block = have // size
            if have + size > n or have % size:
                break
            began = time.perf_counter()
            params = {
                "shift": block * size,
                "block": str(block),
                "merged": block * merged,
                "sources": block * sources,
            }
            conn.execute("BEGIN IMMEDIATE")
            for name, changed in BLOCK_COPIED.items():
                cols = columns[name]
                rules = {k: v.replace(ARTICLE, article) for k, v in changed.items()}
                values = [rules.get(c, f'"{c}"').format(col=f'"{c}"') for c in cols]
                listed = ", ".join(f'"{c}"' for c in cols)
                sql = f"INSERT INTO {name} ({listed}) SELECT {', '.join(values)} FROM ng_template_{name}"
                conn.execute(sql, {k: v for k, v in params.items() if f":{k}" in sql})
            new_id = article.format(col="c0")
            conn.execute(
                f"INSERT INTO articles_fts (id, title, text, tags) "
                f"SELECT {new_id}, c1, c2, c3 FROM ng_template_fts",
                {"shift": params["shift"]},
            )
            conn.execute(
                "INSERT OR IGNORE INTO entity_names SELECT * FROM ng_template_entity_names"
            )
            tables = ", ".join(f"'{t}'" for t in BLOCK_COPIED if t in TABLE_COUNTED)
            for name, keys, counters in BLOCK_ADDED:
                cols = [f'"{c}"' for c in columns[name]]
                where = BLOCK_COUNTS.format(tables=tables) if name == "counts" else "1"
                adds = ", ".join(f'"{c}" = {name}."{c}" + excluded."{c}"' for c in counters)
                keyed = ", ".join(f'"{k}"' for k in keys)
                conn.execute(
                    f"INSERT INTO {name} ({', '.join(cols)}) SELECT {', '.join(cols)} "
                    f"FROM ng_template_{name} WHERE {where} "
                    f"ON CONFLICT ({keyed}) DO UPDATE SET {adds}"
                )
            conn.execute("COMMIT")
            spent = time.perf_counter() - began
            timings.append({"block": block, "articles": size, "s": round(spent, 1)})
            print(f"block {block}: {have + size:,} articles, {spent:.0f} s", file=sys.stderr)
        conn.execute("ANALYZE")
    finally:
        conn.close()
    return {"blocks": timings}


# rows per table that ``counts`` keeps (kind "table")
TABLE_COUNTED = (
    "articles",
    "entities",
    "mentions",
    "quotes",
    "times",
    "events",
    "merged_events",
    "merged_event_actors",
    "event_mentions",
    "article_sources",
)


# ---- requests -----------------------------------------------------------------------------


def endpoints(db: str) -> dict[str, list[str]]:
    """Paths per endpoint name, chosen from what the database holds."""
    engine = make_engine(db)
    with engine.connect() as conn:
        t = schema.actor_stats
        top = [
            r[0]
            for r in conn.execute(
                select(t.c.entity_id)
                .where(t.c.type == "PERSON", t.c.entity_id.like("Q%"))
                .order_by(t.c.articles.desc().nulls_last())
                .limit(20)
            )
        ]
        a = schema.articles
        total = conn.execute(select(func.count()).select_from(schema.counts)).scalar()
        ids = [r[0] for r in conn.execute(select(a.c.id).order_by(a.c.id).limit(200))]
        outlet = conn.execute(
            select(schema.sources.c.name).order_by(schema.sources.c.id).limit(1)
        ).scalar()
    engine.dispose()
    assert total, "the database holds no aggregates"
    actor = top[0] if top else "Q22686"
    words = ["Trump", "government", "police", "election", "Merkel", "refugees", "war"]
    api = "/api"

    def q(path: str, **params: Any) -> str:
        return f"{path}?{urlencode(params)}" if params else path

    return {
        "search_word": [q(f"{api}/articles", q=w) for w in words],
        "search_phrase": [
            q(f"{api}/articles", q='"White House"'),
            q(f"{api}/articles", q='"prime minister"'),
        ],
        "search_word_actor": [q(f"{api}/articles", q=w, actor=actor) for w in words[:3]],
        "search_word_outlet": [q(f"{api}/articles", q=w, outlet=outlet or "") for w in words[:3]],
        "search_word_dates": [
            q(f"{api}/articles", q=w, since="2010", until="2012-06") for w in words[:3]
        ],
        "search_page": [q("/search", q=w) for w in words[:3]],
        "articles_newest": [q(f"{api}/articles"), q(f"{api}/articles", offset=200)],
        "articles_language": [q(f"{api}/articles", language="en", year="2015")],
        "article": [f"{api}/articles/{quote(i)}" for i in ids[:50]],
        "actors": [q(f"{api}/actors"), q(f"{api}/actors", q="put")],
        "actor": [f"{api}/actors/{quote(x)}" for x in top[:10]] or [f"{api}/actors/Q22686"],
        "actor_page": [f"/actors/{quote(x)}" for x in top[:5]] or ["/actors/Q22686"],
        "quotes": [q(f"{api}/quotes"), q(f"{api}/quotes", since="2015-01", until="2015-06")],
        "quotes_speaker": [q(f"{api}/quotes", speaker=x) for x in top[:5]]
        + [q(f"{api}/quotes", speaker="Trump")],
        "events": [q(f"{api}/events"), q(f"{api}/events", type="CONSULT")],
        "events_actor": [q(f"{api}/events", actor=x) for x in top[:5]],
        "dyad": [q(f"{api}/dyad", a="RUS", b="USA"), q(f"{api}/dyad", a="FRA", b="DEU")],
        "dyad_events": [q(f"{api}/dyad/events", a="RUS", b="USA")],
        "timeline": [q(f"{api}/timeline"), q(f"{api}/timeline", actor=actor)],
        "stats": [f"{api}/stats"],
    }


class Client:
    """One keep-alive HTTP/1.1 connection (asyncio streams, Content-Length bodies)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """The status of ``GET path``; a kept-alive connection the server has closed
        meanwhile (uvicorn drops idle ones after 5 s) is opened again, once."""
        if self.writer is not None:
            try:
                return await self._get(path)
            except (asyncio.IncompleteReadError, ConnectionError):
                await self.close()
        self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        return await self._get(path)

    async def _get(self, path: str) -> int:
        assert self.reader is not None and self.writer is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(Exception):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def one_client(
    port: int,
    paths: dict[str, list[str]],
    requests: int,
    pid: int | None = None,
    cpu: dict[str, float] | None = None,
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Each endpoint ``requests`` times in turn; with the server's ``pid``, ``cpu``
    gets each endpoint's server CPU (user + system, from /proc) per answer, in ms: what
    an answer costs whatever else shares the cores (the latencies do not say that on
    a loaded machine). On PostgreSQL it leaves out the database's own processes."""
    client, times, errors = Client(port), defaultdict(list), defaultdict(int)
    for name, options in paths.items():
        spent = server_cpu_s(pid) if pid else 0.0
        for i in range(requests):
            started = time.perf_counter()
            status = await client.get(options[i % len(options)])
            times[name].append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors[f"{name} {status}"] += 1
        if pid and cpu is not None:
            cpu[name] = round((server_cpu_s(pid) - spent) * 1000 / max(1, requests), 1)
    await client.close()
    return times, errors


async def many_clients(
    port: int, paths: dict[str, list[str]], clients: int, seconds: float, think_ms: float = 0.0
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """``clients`` keep-alive clients mixing the endpoints for ``seconds``: closed loop
    (each sends its next request as soon as an answer arrives) unless ``think_ms`` > 0,
    when each waits a random time (exponential, that mean) between requests, as a
    reader does."""
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    names = sorted(paths)
    stop = time.monotonic() + seconds

    async def run(k: int) -> None:
        client = Client(port)
        rng = random.Random(k)
        while time.monotonic() < stop:
            name = names[rng.randrange(len(names))]
            options = paths[name]
            started = time.perf_counter()
            status = await client.get(options[rng.randrange(len(options))])
            times[name].append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors[f"{name} {status}"] += 1
            if think_ms > 0:
                await asyncio.sleep(rng.expovariate(1000.0 / think_ms))
        await client.close()

    await asyncio.gather(*(run(k) for k in range(clients)))
    return times, errors


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return round(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))], 1)


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": pct(values, 50), "p95": pct(values, 95), "p99": pct(values, 99)}


def server_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its children
    (uvicorn's workers), from /proc; 0.0 where /proc is not there."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, todo, seen = 0.0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
    return total


@contextlib.contextmanager
def serving(db: str, workers: int = 1, pythonpath: str | None = None) -> Iterator[tuple[int, int]]:
    """``newsgraph serve --cache-mb 0 --workers N`` on a free loopback port (with
    ``pythonpath``: the newsgraph of that source tree)."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        port = int(s.getsockname()[1])
    exe = shutil.which("newsgraph", path=str(Path(sys.executable).parent)) or "newsgraph"
    cmd = [exe, "serve", "--db", db, "--host", HOST, "--port", str(port), "--cache-mb", "0"]
    cmd += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": pythonpath} if pythonpath else None
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise SystemExit(f"newsgraph serve exited with {server.returncode}")
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), 1):
                break
            if time.monotonic() > deadline:
                raise SystemExit("newsgraph serve did not start")
            time.sleep(0.2)
        yield port, server.pid
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(10)
        if server.poll() is None:
            server.kill()


def compare(
    db: str,
    other: str,
    requests: int,
    clients: int = 0,
    seconds: float = 0.0,
    workers: int = 1,
    slices: int = 4,
    other_workers: int | None = None,
) -> dict[str, Any]:
    """Server CPU per answer of each endpoint, this code against the newsgraph of the
    source tree ``other`` (``git worktree add /tmp/x COMMIT``, then ``/tmp/x/src``): two
    servers over the same database, each request sent to one then the other (in turn
    which first), one at a time, so both meet the same load. On a shared machine the
    CPU an answer costs moves with the load by more than most changes; side by side it
    moves for both.

    With ``clients`` and ``seconds``, then the closed loop of ``clients`` against each
    server alone, in ``slices`` turns of ``seconds / slices`` each, in the order other,
    this, this, other, other, this, ... (so a load that drifts meets both alike); each
    side's figures (``c<clients>``) pool its turns: per endpoint p50/p95/p99, and for
    all answers the answers a second and the server CPU per answer."""
    paths = endpoints(db)
    with (
        serving(db, workers if other_workers is None else other_workers, other) as (
            port_a,
            pid_a,
        ),
        serving(db, workers) as (port_b, pid_b),
    ):

        async def run() -> dict[str, Any]:
            pair = {"other": (Client(port_a), pid_a), "this": (Client(port_b), pid_b)}
            for options in paths.values():  # warm up, and the same answers' status
                for path in options:
                    for client, _ in pair.values():
                        await client.get(path)
            out: dict[str, Any] = {}
            for name, options in paths.items():
                cpu = dict.fromkeys(pair, 0.0)
                times: dict[str, list[float]] = {k: [] for k in pair}
                for i in range(requests):
                    order = list(pair) if i % 2 == 0 else list(reversed(pair))
                    for side in order:
                        client, pid = pair[side]
                        spent, started = server_cpu_s(pid), time.perf_counter()
                        await client.get(options[i % len(options)])
                        times[side].append((time.perf_counter() - started) * 1000)
                        cpu[side] += server_cpu_s(pid) - spent
                out[name] = {
                    side: {"server_cpu_ms": round(cpu[side] * 1000 / requests, 2)}
                    | summary(times[side])
                    for side in pair
                }
            for client, _ in pair.values():
                await client.close()
            return out

        found = asyncio.run(run()) if requests > 0 else {}
        crowd = {}
        if clients > 0 and seconds > 0:
            servers = {"other": (port_a, pid_a), "this": (port_b, pid_b)}
            crowd = _crowd_turns(paths, servers, clients, seconds, slices)
    means = {
        side: round(sum(v[side]["server_cpu_ms"] for v in found.values()) / max(1, len(found)), 2)
        for side in ("other", "this")
    }
    out: dict[str, Any] = {"other": other, "endpoints": found, "mean_server_cpu_ms": means}
    if crowd:
        out[f"c{clients}"] = crowd
        out["server_workers"] = {"other": other_workers or workers, "this": workers}
    return {"compare": out}


def _crowd_turns(
    paths: dict[str, list[str]],
    servers: dict[str, tuple[int, int]],
    clients: int,
    seconds: float,
    slices: int,
) -> dict[str, Any]:
    """``compare``'s closed-loop turns: each side's answers pooled over its turns."""
    turn = seconds / max(1, slices)
    times: dict[str, dict[str, list[float]]] = {k: defaultdict(list) for k in servers}
    errors: dict[str, dict[str, int]] = {k: defaultdict(int) for k in servers}
    spent = dict.fromkeys(servers, 0.0)
    cpu = dict.fromkeys(servers, 0.0)
    sides = list(servers)
    for k in range(slices * 2):
        side = sides[(k + 1) // 2 % 2]  # other, this, this, other, other, this, ...
        port, pid = servers[side]
        began, used = time.perf_counter(), server_cpu_s(pid)
        got, failed = asyncio.run(many_clients(port, paths, clients, turn))
        spent[side] += time.perf_counter() - began
        cpu[side] += server_cpu_s(pid) - used
        for name, values in got.items():
            times[side][name] += values
        for name, n in failed.items():
            errors[side][name] += n
    out: dict[str, Any] = {}
    for side in servers:
        every = [x for values in times[side].values() for x in values]
        out[side] = {
            "endpoints": {
                name: summary(times[side][name]) | {"requests": len(times[side][name])}
                for name in paths
            },
            "all": summary(every)
            | {
                "answers_per_s": round(len(every) / max(spent[side], 1e-9), 1),
                "server_cpu_ms_per_answer": round(cpu[side] * 1000 / max(1, len(every)), 2),
                "worst_endpoint_p99": max(
                    (pct(times[side][name], 99) for name in paths), default=0.0
                ),
            },
            "errors": dict(errors[side]),
        }
    return out


# tables that grow with the store: a full scan of one is what a hot query must not do
# (schema.GROWING_TABLES; SQLite's FTS5 tables, schema.GROWING_FULLTEXT, are left to
# tests/store/test_query_plans.py: the check below would take a MATCH for a scan)
GROWING = schema.GROWING_TABLES


def plans(db: str) -> dict[str, Any]:
    """Each endpoint's statements, as the app runs them (captured in process), explained
    on the same database with the planner's real settings: on PostgreSQL ``EXPLAIN
    (ANALYZE, BUFFERS)`` replaying the request's ``SET LOCAL`` lines in order in one
    transaction; on SQLite ``EXPLAIN QUERY PLAN``. Per endpoint: the statements, the
    full scans of growing tables, and on PostgreSQL the slowest statement's execution
    time and plan nodes."""
    from fastapi.testclient import TestClient
    from sqlalchemy import event

    from newsgraph.web import create_app

    app = create_app(db, cache_mb=0)
    engine = app.state.store.engine
    postgres = engine.dialect.name == "postgresql"
    out: dict[str, Any] = {}
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH", "SET")):
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", listen)
    with TestClient(app, base_url=f"http://{HOST}") as client:
        for name, options in endpoints(db).items():
            seen.clear()
            status = client.get(options[0]).status_code
            statements = list(seen)
            out[name] = {"path": options[0], "status": status} | (
                _explain_pg(engine, statements) if postgres else _explain_sqlite(engine, statements)
            )
    event.remove(engine, "before_cursor_execute", listen)
    return {"plans": out}


def _explain_pg(engine: Any, statements: list[tuple[str, Any]]) -> dict[str, Any]:
    scans: list[str] = []
    slowest: tuple[float, str, list[str]] = (0.0, "", [])
    total = 0.0
    with engine.connect() as conn:
        raw = conn.connection.driver_connection  # one transaction: the SET LOCALs hold
        for statement, params in statements:
            if statement.lstrip().upper().startswith("SET"):
                raw.execute(statement)
                continue
            plan = raw.execute(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + statement, params or None
            ).fetchone()[0][0]
            nodes = list(_nodes(plan["Plan"]))
            ms = float(plan["Execution Time"])
            total += ms
            for node in nodes:
                if node.startswith("Seq Scan on ") and node.split()[3] in GROWING:
                    scans.append(node)
            if ms > slowest[0]:
                slowest = (ms, " ".join(statement.split())[:300], nodes)
        raw.rollback()
    return {
        "statements": sum(1 for s, _ in statements if not s.lstrip().upper().startswith("SET")),
        "sql_ms": round(total, 2),
        "full_scans": scans,
        "slowest_ms": round(slowest[0], 2),
        "slowest_sql": slowest[1],
        "slowest_plan": slowest[2],
    }


def _nodes(plan: dict[str, Any]) -> Iterator[str]:
    """'Node Type on relation using index' of a JSON plan and its children."""
    label = plan["Node Type"]
    if "Relation Name" in plan:
        label += f" on {plan['Relation Name']}"
    if "Index Name" in plan:
        label += f" using {plan['Index Name']}"
    yield label
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _explain_sqlite(engine: Any, statements: list[tuple[str, Any]]) -> dict[str, Any]:
    scans: list[str] = []
    with engine.connect() as conn:
        for statement, params in statements:
            if statement.lstrip().upper().startswith("SET"):
                continue
            for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all():
                line = str(row[-1])
                found = line.split()[1] if line.startswith("SCAN ") else ""
                if found in GROWING and not ("USING" in line and "LIMIT" in statement.upper()):
                    scans.append(line)
    return {"statements": len(statements), "full_scans": scans}


def measure(
    db: str, requests: int, clients: int, seconds: float, workers: int = 1, think_ms: float = 0.0
) -> dict[str, Any]:
    """One client, then ``clients`` in a closed loop; with ``think_ms``, a third run of
    ``clients`` that pause between requests (reported beside, never instead)."""
    paths = endpoints(db)
    with serving(db, workers) as (port, pid):
        asyncio.run(one_client(port, {k: v[:1] for k, v in paths.items()}, 1))  # warm up
        cpu_ms: dict[str, float] = {}
        single, errors = asyncio.run(one_client(port, paths, requests, pid, cpu_ms))
        began, cpu, mine = time.perf_counter(), server_cpu_s(pid), time.process_time()
        crowd, crowd_errors = asyncio.run(many_clients(port, paths, clients, seconds))
        spent, cpu = time.perf_counter() - began, server_cpu_s(pid) - cpu
        mine = time.process_time() - mine  # the load generator's own CPU (this process)
        paced: dict[str, list[float]] = {}
        if think_ms > 0:
            began_paced = time.perf_counter()
            paced, paced_errors = asyncio.run(many_clients(port, paths, clients, seconds, think_ms))
            spent_paced = time.perf_counter() - began_paced
            crowd_errors = dict(crowd_errors) | {f"paced {k}": v for k, v in paced_errors.items()}
    result = {}
    for name in paths:
        result[name] = summary(single[name]) | {
            "server_cpu_ms": cpu_ms.get(name),
            f"c{clients}": summary(crowd[name]) | {"requests": len(crowd[name])},
        }
        if paced:
            result[name][f"c{clients}_think"] = summary(paced[name]) | {
                "requests": len(paced[name])
            }
    out: dict[str, Any] = {"endpoints": result, "errors": dict(errors) | dict(crowd_errors)}
    every = [x for values in crowd.values() for x in values]
    out[f"c{clients}_all"] = summary(every) | {
        "answers_per_s": round(len(every) / spent, 1),
        # what an answer costs the server, whoever else shares the cores
        "server_cpu_ms_per_answer": round(cpu * 1000 / max(1, len(every)), 2),
        # the server's share of a core over the run, and what the clients (this
        # process, on the same cores) spent: they compete with the server for the CPU
        "server_cores": round(cpu / spent, 2),
        "client_cpu_ms_per_answer": round(mine * 1000 / max(1, len(every)), 2),
        "client_cores": round(mine / spent, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
    }
    if paced:
        every = [x for values in paced.values() for x in values]
        out[f"c{clients}_think_all"] = summary(every) | {
            "answers_per_s": round(len(every) / spent_paced, 1),
            "think_ms": think_ms,
        }
    return out


# ---- main ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="stored articles")
    ap.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--db", help="SQLite path or PostgreSQL URL (default: .cache/store_scale/)")
    ap.add_argument("--source", default=".cache/demo.db", help="database or JSONL of records")
    ap.add_argument("--sources", type=int, default=500, help="source records to copy")
    ap.add_argument("--years", type=int, default=20, help="publication days spread over")
    ap.add_argument("--batch", type=int, default=50, help="articles per transaction")
    ap.add_argument("--requests", type=int, default=40, help="requests per endpoint, 1 client")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the 50-client run")
    ap.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    ap.add_argument(
        "--think-ms",
        type=float,
        default=0.0,
        help="also run the clients pausing this long on average between requests "
        "(reported as c<clients>_think, beside the closed-loop figures)",
    )
    ap.add_argument("--build-only", action="store_true", help="build, do not measure")
    ap.add_argument(
        "--copy-blocks",
        action="store_true",
        help="top up by copying the database as it first was, in SQL, block by block "
        "(copy_blocks, copy_blocks_sqlite; far faster than storing each copy, see docs/scale.md)",
    )
    ap.add_argument(
        "--compare",
        metavar="SRC",
        help="instead of the 1- and 50-client runs: each endpoint's server CPU per answer "
        "against the newsgraph of the source tree SRC, requests alternated between the two "
        "servers (compare)",
    )
    ap.add_argument(
        "--crowd-turns",
        type=int,
        default=0,
        metavar="K",
        help="with --compare: also the closed loop of --clients against each server alone, "
        "K turns each of --seconds / K, alternated (other, this, this, other, ...), "
        "with --workers server processes each",
    )
    ap.add_argument(
        "--compare-workers",
        type=int,
        metavar="W",
        help="with --compare: server processes of the other tree's server (default --workers)",
    )
    ap.add_argument(
        "--plans",
        action="store_true",
        help="instead of timing: each endpoint's statements explained on the database "
        "(PostgreSQL: EXPLAIN ANALYZE with the request's settings), full scans of growing "
        "tables and the slowest statement (plans)",
    )
    ap.add_argument(
        "--ingest-into",
        metavar="DB",
        help="instead of building and timing: the writer's cost per article on the store DB "
        "as it is (SQLite path or PostgreSQL URL; a new path is a fresh store): "
        "--ingest-n new copies stored --batch at a time through save_batch, each batch "
        "timed, --ingest-reps times, rolled back (ingest_into)",
    )
    ap.add_argument("--ingest-n", type=int, default=1000, help="articles per repetition")
    ap.add_argument("--ingest-reps", type=int, default=3, help="repetitions")
    ap.add_argument(
        "--ingest-commit",
        action="store_true",
        help="commit each batch (the articles stay: for a fresh store or a copy)",
    )
    ap.add_argument(
        "--ingest-statements",
        action="store_true",
        help="also sum the time of each statement the writer sends",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    if args.ingest_into:
        sources = [to_article(d) for d in load_sources(args.source, args.sources)]
        if not sources:
            raise SystemExit(f"{args.source}: no articles")
        found = ingest_into(
            args.ingest_into,
            Copier(sources, args.years),
            args.ingest_n,
            args.batch,
            args.ingest_reps,
            commit=args.ingest_commit,
            statements=args.ingest_statements,
        )
        print(json.dumps(found) if args.json else _ingest_table(found))
        return found
    db = args.db
    if db is None:
        if args.backend == "postgres":
            raise SystemExit("--backend postgres needs --db postgresql://...")
        Path(".cache/store_scale").mkdir(parents=True, exist_ok=True)
        db = f".cache/store_scale/scale-{args.n}.db"
    if (args.backend == "postgres") != db.startswith(("postgresql", "postgres:")):
        raise SystemExit(f"--backend {args.backend} does not match --db {db}")
    sources = [to_article(d) for d in load_sources(args.source, args.sources)]
    if not sources:
        raise SystemExit(f"{args.source}: no articles")
    began = time.perf_counter()
    copied: dict[str, Any] = {}
    if args.copy_blocks:
        if args.backend == "postgres":
            copied = copy_blocks(db, args.n)
        else:
            copied = copy_blocks_sqlite(db, args.n)
        side = sidecar(db)  # the costs of the stored template
        state = json.loads(side.read_text()) if side.exists() else {}
        ingest = {k: round(float(v), 3) for k, v in state.items()}
    else:
        ingest = build(db, Copier(sources, args.years), args.n, args.batch)
    out: dict[str, Any] = {
        "n": stored_count(db),
        "backend": args.backend,
        "build_s": round(time.perf_counter() - began, 1),
    }
    if copied:
        out["copied"] = copied
    if args.plans:
        out |= plans(db)
    elif args.compare and not args.build_only:
        out |= compare(
            db,
            args.compare,
            args.requests,
            args.clients if args.crowd_turns else 0,
            args.seconds,
            args.workers,
            args.crowd_turns,
            args.compare_workers,
        )
    elif not args.build_only:
        out |= measure(db, args.requests, args.clients, args.seconds, args.workers, args.think_ms)
        out["server_workers"] = args.workers
    out["ingest_ms_per_article"] = ingest
    if args.json:
        print(json.dumps(out))
    else:
        _table(out, args.clients)
    return out


def _ingest_table(found: dict[str, Any]) -> str:
    lines = [
        f"{found['db']}: {found['articles_before']:,} articles, {found['n']} a repetition, "
        f"batches of {found['batch']}, {found['mode']}",
        f"ms per article, median over batches: {found['ms_per_article_median']} "
        f"(repetitions: {found['ms_per_article_median_of_reps']}); of which, medians: "
        f"{found['parts_ms_per_article_median']}; this process's CPU: "
        f"{found['cpu_ms_per_article_median']} ms per article, of which, medians: "
        f"{found['parts_cpu_ms_per_article_median']}; stories scored an article: "
        f"{found['candidates_per_article']}",
    ]
    for row in found.get("statements", []):
        lines.append(f"{row['ms']:>10} ms {row['count']:>6}x  {row['sql']}")
    return "\n".join(lines)


def _table(out: dict[str, Any], clients: int) -> None:
    if "plans" in out:
        for name, row in out["plans"].items():
            print(
                f"{name:<22}{row['status']:>4}{row['statements']:>4} statements"
                f"{row.get('sql_ms', '-'):>9} ms  slowest {row.get('slowest_ms', '-')} ms"
                f"  full scans: {row['full_scans'] or 'none'}"
            )
            if row.get("slowest_plan"):
                print(f"{'':<26}{' / '.join(row['slowest_plan'])}")
        return
    if "compare" in out:
        found = out["compare"]
        print(f"{'endpoint':<22}{'cpu ms, other':>15}{'this':>8}{'p50, other':>12}{'this':>8}")
        for name, row in found["endpoints"].items():
            a, b = row["other"], row["this"]
            print(
                f"{name:<22}{a['server_cpu_ms']:>15}{b['server_cpu_ms']:>8}"
                f"{a['p50']:>12}{b['p50']:>8}"
            )
        means = found["mean_server_cpu_ms"]
        print(f"{'mean':<22}{means['other']:>15}{means['this']:>8}")
        crowd = found.get(f"c{clients}")
        if crowd:
            print(f"{clients} clients: p99 per endpoint, other / this")
            for name in crowd["this"]["endpoints"]:
                a, b = crowd["other"]["endpoints"][name], crowd["this"]["endpoints"][name]
                print(f"{name:<22}{a['p99']:>10}{b['p99']:>10}")
            for side in ("other", "this"):
                print(f"{side}: {crowd[side]['all']} errors {crowd[side]['errors']}")
        return
    print(
        f"{out['n']:,} articles, {out['backend']}; ingest ms/article {out['ingest_ms_per_article']}"
    )
    print(
        f"{'endpoint':<22}{'p50':>8}{'p95':>8}{'p99':>8}{'cpu ms':>8}"
        f"   {clients} clients: p50 p95 p99"
    )
    for name, row in out.get("endpoints", {}).items():
        crowd = row[f"c{clients}"]
        print(
            f"{name:<22}{row['p50']:>8}{row['p95']:>8}{row['p99']:>8}"
            f"{row.get('server_cpu_ms') or '-':>8}"
            f"   {crowd['p50']:>7}{crowd['p95']:>8}{crowd['p99']:>8}"
        )
    for key in (f"c{clients}_all", f"c{clients}_think_all"):
        if key in out:
            print(f"{key}: {out[key]}")
    if out.get("errors"):
        print("errors:", out["errors"])


if __name__ == "__main__":
    main()
