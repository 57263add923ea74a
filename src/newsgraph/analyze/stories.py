"""Stories: the reports of one real-world event or development, across outlets and
languages, kept up to date as articles are stored.

Each article's sentence vector is computed once, in the NLP stage's workers
(``attach_vectors``, which ``run/stage.py`` runs after the extraction steps), and travels
in the record (``Article.story_vector``) to the single writer. ``Database.save_batch``
only sketches what the record carries (words, actors, places, the vector: no encoder on
the write path; a record made without one, e.g. read back from JSON, is encoded there,
before the transaction) and, inside the transaction, ``assign`` puts each into a story:
it runs :class:`~newsgraph.analyze.story_cluster.Assigner` over the articles in the
order given, against the stories active within ``[stories] window_days`` of each, and
writes back what changed (new stories, grown stories, merges, memberships, sketches,
word counts). The window is kept in the process between batches
(:class:`WindowCache`): a centroid index of its stories (blocked from 2,048 stories,
so an article's first pass reads the nearest cells, not the window), extended by the
days a batch adds (``ix_stories_last_day``); a story's word counts and members are read
when it is one of the 12 an article is scored against. A token in the store tells the cache
whether its last batch committed and whether another process wrote.

    with newsgraph.open("news.db") as db:
        db.stories(since="2017-01-01")          # the list
        db.story(12)                             # one story with its per-outlet table

The model (weights, threshold) is fitted on dev data by ``eval/stories_eval.py fit``
and written into ``FITTED`` below; ``[stories]`` in defaults.toml overrides the window
and the threshold.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine

from newsgraph.analyze import story_encoder as enc
from newsgraph.analyze.story_cluster import (
    FEATURES,
    FULL_K,
    TOP_K,
    Assigner,
    CentroidIndex,
    Decision,
    DocFreq,
    Model,
    Story,
    Window,
)
from newsgraph.analyze.story_sketch import Sketch, date_span, lead_text, make_sketch
from newsgraph.records import Article
from newsgraph.settings import setting
from newsgraph.store import stories as q

# fitted by `eval/stories_eval.py fit` on the tuning parts of the dev sets (see
# docs/quality.md, "Stories"); weights in FEATURES order. ``weights``/``bias``: the
# comparisons where the article's words meet the story's (same language);
# ``cross_*``: where they cannot (another language), without ``lex``
FITTED = {
    "weights": (7.285, 4.594, 0.789, 1.547, -3.113),
    "bias": -3.578,
    "cross_weights": (6.88, 0.0, 0.789, 1.547, -3.113),
    "cross_bias": -2.695,
    # the threshold that does best in time order and three shuffled orders, by the
    # worst ratio to the three targets on the tuning parts; two stories merge by the
    # same threshold (compared as wholes, by average linkage)
    "threshold": 0.65,
}


def default_model() -> Model:
    """The fitted model with the window and threshold of ``[stories]`` settings (two
    stories merge by the same threshold)."""
    setting_threshold = setting("stories", "threshold")
    threshold = float(setting_threshold) if setting_threshold else float(FITTED["threshold"])  # type: ignore[arg-type]
    return Model(
        weights=tuple(float(w) for w in FITTED["weights"]),  # type: ignore[attr-defined]
        bias=float(FITTED["bias"]),  # type: ignore[arg-type]
        threshold=threshold,
        window_days=int(setting("stories", "window_days")),
        merge_threshold=threshold,
        cross_weights=tuple(float(w) for w in FITTED["cross_weights"]),  # type: ignore[attr-defined]
        cross_bias=float(FITTED["cross_bias"]),  # type: ignore[arg-type]
    )


assert len(FITTED["weights"]) == len(FEATURES) == len(FITTED["cross_weights"])  # type: ignore[arg-type]


# ---- sketches -------------------------------------------------------------------------------


def placement(article: Mapping[str, Any], today: dt.date | None = None) -> tuple[int, int]:
    """The days an article is placed on: its published date at the precision it has (a
    day, a month, a year), else the day it is stored (news is read as it comes)."""
    published = article.get("published") or {}
    span = date_span(published.get("date") if isinstance(published, Mapping) else None)
    if span is None:
        day = (today or dt.datetime.now(dt.UTC).date()).toordinal()
        span = (day, day)
    return span


def attach_vectors(articles: Sequence[Article]) -> list[Article]:
    """The articles, each with its sentence vector (``story_vector``: title and lead
    encoded as one batch). Articles that have one keep it; with ``[stories] encoder``
    off they are returned as they are. Runs in the NLP stage's workers."""
    done = list(articles)
    if not enc.enabled():
        return done
    todo = [i for i, a in enumerate(done) if a.story_vector is None and a.status == "ok"]
    if todo:
        vectors = enc.encode([lead_text(done[i].title, done[i].text) for i in todo])
        for i, vector in zip(todo, vectors, strict=True):
            done[i] = done[i].replace(story_vector=enc.to_bytes(vector))
    return done


def sketch_input(article: Article) -> dict[str, Any]:
    """What ``make_sketch`` and ``placement`` read of a record (no ``to_dict()``: the
    quotes, events and claims are not needed)."""
    return {
        "id": article.id,
        "language": article.language,
        "title": article.title,
        "text": article.text,
        "outlet": article.outlet,
        "published": {"date": article.published.date},
        "entities": [{"id": e.id, "type": e.type} for e in article.entities],
    }


def sketches_of(articles: Sequence[Article], today: dt.date | None = None) -> list[Sketch]:
    """Sketches of records with the vectors they carry (zeros where none: the encoder
    is off), without encoding anything."""
    out = []
    for article in articles:
        data = sketch_input(article)
        vector = enc.from_bytes(article.story_vector)
        out.append(make_sketch(data, vector, placement(data, today)))
    return out


def sketch_articles(
    articles: Sequence[Article | Mapping[str, Any]], today: dt.date | None = None
) -> list[Sketch]:
    """Sketches of articles (``Article`` records or their ``to_dict()``), one sentence
    vector each, encoded as one batch (zeros with ``[stories] encoder`` off)."""
    dicts = [sketch_input(a) if isinstance(a, Article) else dict(a) for a in articles]
    texts = [lead_text(d.get("title"), d.get("text") or "") for d in dicts]
    vectors = enc.encode(texts) if enc.enabled() else np.zeros((len(dicts), enc.DIM), np.float32)
    return [make_sketch(d, v, placement(d, today)) for d, v in zip(dicts, vectors, strict=True)]


# ---- assignment in the store ----------------------------------------------------------------


def assign(
    conn: Connection,
    sketches: Sequence[Sketch],
    model: Model | None = None,
    *,
    cached: bool = True,
) -> list[Decision]:
    """Put the stored, story-less articles among ``sketches`` into stories, in order,
    inside the caller's transaction; idempotent (an article with a story is skipped).

    ``cached`` (the default): through the process's :class:`WindowCache` of this store,
    which keeps the window's centroid index between batches and reads a story's counts
    and members only when it is a candidate. False: every story of the window is read
    again, counts included (how assignment worked before; the reference the tests and
    ``bench/stories_store_scale.py`` compare with)."""
    todo_ids = q.unassigned(conn, [s.id for s in sketches])
    todo = [s for s in sketches if s.id in todo_ids]
    if not todo:
        return []
    model = model or default_model()
    if not cached:
        window = _load_window(conn, todo, model.window_days)
        assigner = Assigner(model, window)
        with enc.blas_threads():
            decisions = [assigner.assign(s) for s in todo]
        _save(conn, todo, decisions, window)
        q.write_state(conn, q.read_state(conn)[0], _token())
        return decisions
    cache = window_cache(conn)
    with cache.lock:
        try:
            cache.validate(conn)
            window = cache.window(conn, todo, model.window_days)
            cache.prefetch(conn, todo, model.window_days)
            cache.index.begin()
            assigner = Assigner(model, window)
            with enc.blas_threads():
                decisions = [assigner.assign(s) for s in todo]
            ids, deltas = _save(conn, todo, decisions, window, cache.counts)
            cache.stage(conn, window, ids, deltas, _joined(conn, window, todo, decisions, ids))
        except BaseException:
            cache.reset()
            raise
    return decisions


def _token() -> int:
    return 1 + secrets.randbelow(2**31 - 2)


# what a process keeps of a store's window between batches (``WindowCache``)
CACHED_STORIES = 3000  # stories' word, actor and place counts (least recently used go)
CACHED_MEMBERS = 20_000  # member sketches (by story, least recently used go)
CACHED_KEYS = 500_000  # document counts of words and entity ids (all go past it)


# a member as the cache keeps it: its rank in its story (the day of its membership, its
# article id: the order of ``store.stories.member_sketches``) and its stored sketch
Member = tuple[tuple[int, str], Sketch]


@dataclass
class _Pending:
    state: tuple[int | None, int | None]  # (token, highest story id) after the batch
    ok: bool  # the token replaced was the one the cache had seen
    dirty: set[int]  # stored ids of the stories the batch changed (merged ones too)
    deltas: Counter[str]
    # what the batch did to the members of the stored stories it kept (``_joined``):
    # those it added, and the stories merged into each, by stored id
    joined: dict[int, list[Member]] = field(default_factory=dict)
    merged: dict[int, list[int]] = field(default_factory=dict)


class WindowCache:
    """One store's active window, kept in this process between batches.

    - ``index``: a :class:`~newsgraph.analyze.story_cluster.CentroidIndex` of every
      story that touches the days loaded (``lo``-``hi``): id, days, size, vector sum (no
      counts). A batch whose window reaches outside those days reads only the stories of
      the days added (``store.stories.window_light``); stories that ended more than
      ``EVICT_DAYS`` windows before a batch are dropped. From ``BLOCKED_FROM`` stories
      on, the index is blocked (an inverted file over the stories' directions), so an
      article's first pass reads about sqrt(n) rows of it, not the window.
    - ``rows``: the full rows (word, actor and place counts) of the stories that were
      candidates lately, read when a story is first a candidate (``fetch``).
    - ``members``: the member sketches of such stories, read when first needed; a
      committed batch adds the members it gave a story to its list (on SQLite), so a
      story that grows batch after batch is not read again each time.
    - ``df``: the document counts read so far.

    It is current while the store's state (``store.stories.read_state``: the token
    every assignment writes, and the highest story id) is the one it saw or wrote. A
    batch changes the index as it assigns (journalled); at the next batch, the store's
    state says whether that transaction committed (keep; forget the cached counts of the
    stories it changed, and the members of those it merged), rolled back (undo) or
    whether another process wrote meanwhile (start again from the store)."""

    EVICT_DAYS = 2

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.state: tuple[int | None, int | None] | None = None
        self.pending: _Pending | None = None
        self.index = CentroidIndex()
        self.lo: int | None = None
        self.hi: int | None = None
        self.rows: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self.members: OrderedDict[int, list[Member]] = OrderedDict()
        self.member_count = 0
        self.df: dict[str, int | None] = {}
        self.docs: int | None = None
        # what was read from the store: window rows, story rows, member rows, counts
        self.reads: Counter[str] = Counter()

    def validate(self, conn: Connection) -> None:
        """Bring the cache to the store's current state (see the class)."""
        now = q.read_state(conn)
        pending, self.pending = self.pending, None
        if pending is not None and pending.ok and now == pending.state:
            self.index.commit()
            self._apply(pending)
            self.state = now
        elif pending is not None and now == self.state:
            self.index.rollback()
        elif now != self.state:
            self.reset()
            self.state = now

    def _apply(self, pending: _Pending) -> None:
        # every kept list first: a story's reads the lists of those merged into it
        grown = {key: self._grown(key, pending) for key in pending.dirty}
        for key in pending.dirty:
            self.rows.pop(key, None)
            kept = grown[key]
            if kept is not None:
                self.member_count += len(kept) - len(self.members[key])
                self.members[key] = kept
                continue
            gone = self.members.pop(key, None)
            self.member_count -= len(gone or ())
        for word, d in pending.deltas.items():
            if word == q.DOCS_KEY:
                self.docs = (self.docs or 0) + d
            elif word in self.df:
                self.df[word] = (self.df[word] or 0) + d
        if len(self.df) > CACHED_KEYS:
            self.df.clear()

    def _grown(self, key: int, pending: _Pending) -> list[Member] | None:
        """The members story ``key`` has after the committed batch ``pending``, from
        the cached lists of it and of the stories merged into it and the members the
        batch added (the latest ``MEMBERS_READ`` of the union: a member older than a
        cached list's first was not among the latest of its story, so not of the
        union either); None when one of those lists is not cached or the batch did not
        say what it did to the story (another backend than SQLite)."""
        if key not in pending.joined and key not in pending.merged:
            return None
        parts = [self.members.get(k) for k in (key, *pending.merged.get(key, ()))]
        if any(part is None for part in parts):
            return None
        return _latest([m for part in parts for m in part or ()] + pending.joined.get(key, []))

    def window(self, conn: Connection, sketches: Sequence[Sketch], days: int) -> Window:
        """The window of a batch: the cached index, counts and members read on demand."""
        lo = min(s.span[0] for s in sketches) - days
        hi = max(s.span[1] for s in sketches) + days
        self._load(conn, lo, hi, days)
        keys = {k for s in sketches for k in (*s.terms, *s.actors, *s.places, *s.names)}
        counts = self.counts(conn, keys)  # reads ``self.docs`` too
        df = DocFreq(docs=self.docs or 0, counts=counts)
        window = Window(
            df=df,
            index=self.index,
            loader=lambda keys: self.member_sketches(conn, keys, df),
            fetch=lambda keys: self.fetch(conn, keys),
        )
        if any(not s.vector.any() for s in sketches):  # no encoder: every story is compared
            ix = self.index
            live = sorted(
                k
                for k, r in ix.rows.items()
                if ix.alive[r] and ix.last[r] >= lo and ix.first[r] <= hi
            )
            window.stories.update(self.fetch(conn, live))
        return window

    def _load(self, conn: Connection, lo: int, hi: int, days: int) -> None:
        if self.lo is not None and lo - self.lo > self.EVICT_DAYS * days:
            # time moved on: what ended before ``lo`` is no candidate of this batch (an
            # older batch later reads the days it needs again)
            self.index.evict(lo)
            self.lo = lo
        parts = (
            [(lo, hi)]
            if self.lo is None or self.hi is None
            else [(lo, self.lo - 1), (self.hi + 1, hi)]
        )
        for a, b in parts:
            if a > b:
                continue
            for row in q.window_light(conn, a, b):
                self.reads["window_rows"] += 1
                key = int(row["id"])
                if key in self.index.rows:
                    continue
                vec = np.frombuffer(bytes(row["vec_sum"]), dtype=np.float32)
                self.index.put(
                    key, vec, int(row["size"]), int(row["first_day"]), int(row["last_day"])
                )
        self.lo = lo if self.lo is None else min(lo, self.lo)
        self.hi = hi if self.hi is None else max(hi, self.hi)
        self.index.maybe_block()

    def prefetch(self, conn: Connection, sketches: Sequence[Sketch], days: int) -> None:
        """Read the rows and member sketches of the stored stories the batch's articles
        have as candidates in the index as the batch finds it (each article's ``FULL_K``
        of its ``TOP_K`` nearest), one query each for the whole batch, where ``fetch`` and
        ``member_sketches`` would read them an article at a time. It only fills the
        cache: the store does not change before the batch writes, so an article's
        candidates come out as they would have been read (an article whose candidates
        moved with the batch's own assignments reads the others when it meets them)."""
        ix = self.index
        probed = ix.probed, ix.probed_total  # not an article's first pass
        keys: set[int] = set()
        for s in sketches:
            if s.vector.any():
                keys.update(ix.scored(s.vector, ix.nearest(s.vector, s.span, days, TOP_K), FULL_K))
        ix.probed, ix.probed_total = probed
        stored = sorted(k for k in keys if k > 0)[: CACHED_STORIES // 2]
        rows = [k for k in stored if k not in self.rows]
        if rows:
            for row in q.story_rows(conn, rows):
                self.reads["story_rows"] += 1
                self.rows[int(row["id"])] = row
            while len(self.rows) > CACHED_STORIES:
                self.rows.popitem(last=False)
        # members as ``Assigner.assign`` loads them first (of candidates of 2 or more),
        # up to half the members the cache keeps
        members, budget = [], CACHED_MEMBERS // 2
        for k in stored:
            size = int(ix.sizes[ix.rows[k]]) if k in ix.rows else 0
            if size >= 2 and k not in self.members and budget >= min(size, q.MEMBERS_READ):
                members.append(k)
                budget -= min(size, q.MEMBERS_READ)
        if members:
            found = _read_members(conn, members)
            for key in members:
                got = found.get(key, [])
                self.reads["member_rows"] += len(got)
                self.members[key] = got
                self.member_count += len(got)
            while self.member_count > CACHED_MEMBERS and len(self.members) > len(members):
                _, gone = self.members.popitem(last=False)
                self.member_count -= len(gone)

    def counts(self, conn: Connection, keys: Iterable[str]) -> dict[str, int]:
        """The stored document counts of ``keys`` that the store has (as
        ``store.stories.doc_freqs``, without ``DOCS_KEY``)."""
        keys = set(keys)
        missing = [k for k in keys if k not in self.df]
        if missing or self.docs is None:
            found = q.doc_freqs(conn, missing)
            self.reads["counts"] += len(missing)
            self.docs = found.pop(q.DOCS_KEY, 0)
            for k in missing:
                self.df[k] = found.get(k)
        return {k: n for k in keys if (n := self.df.get(k)) is not None}

    def fetch(self, conn: Connection, keys: Sequence[int]) -> dict[int, Story]:
        """Stories ``keys`` with their counts, each a new object (a batch changes it)."""
        missing = [k for k in keys if k not in self.rows]
        if missing:
            for row in q.story_rows(conn, missing):
                self.reads["story_rows"] += 1
                self.rows[int(row["id"])] = row
        out = {}
        for key in keys:
            found = self.rows.get(key)
            if found is not None:
                self.rows.move_to_end(key)
                out[key] = _story_from_row(found)
        while len(self.rows) > CACHED_STORIES:
            self.rows.popitem(last=False)
        return out

    def member_sketches(
        self, conn: Connection, keys: Sequence[int], df: DocFreq
    ) -> dict[int, list[Sketch]]:
        """``Window.loader``: the stored member sketches of stories ``keys`` (each list a
        new one), with the document counts of their words added to ``df``."""
        missing = [k for k in keys if k not in self.members]
        if missing:
            for key, rows in _read_members(conn, missing).items():
                self.reads["member_rows"] += len(rows)
                self.members[key] = rows
                self.member_count += len(rows)
            for key in missing:
                self.members.setdefault(key, [])
        found = {}
        for key in keys:
            self.members.move_to_end(key)
            found[key] = [sketch for _, sketch in self.members[key]]
        while self.member_count > CACHED_MEMBERS and len(self.members) > len(keys):
            _, gone = self.members.popitem(last=False)
            self.member_count -= len(gone)
        # key by key: ``set - dict.keys()`` walks every key of the dict (23 ms against
        # 0.03 for 670 words and 300,000 counts), and the counts loaded grow with the store
        loaded = df.counts
        missing_words = {
            k for rows in found.values() for s in rows for k in s.terms if k not in loaded
        }
        if missing_words:
            df.counts.update(self.counts(conn, missing_words))
        return found

    def stage(
        self,
        conn: Connection,
        window: Window,
        ids: Mapping[int, int],
        deltas: Counter[str],
        joined: tuple[dict[int, list[Member]], dict[int, list[int]]] | None = None,
    ) -> None:
        """After ``_save``: the batch's stories under their stored ids, and what to keep
        if its transaction commits (``validate`` at the next batch finds out)."""
        token = _token()
        ok = q.write_state(conn, self.state[0] if self.state else None, token)
        for key, stored in ids.items():
            if key < 0:
                self.index.rekey(key, stored)
        dirty = {
            ids[s.key]
            for s in window.stories.values()
            if (s.dirty or s.merged_into is not None) and s.key in ids
        }
        added, merged = joined or ({}, {})
        self.pending = _Pending((token, q.read_state(conn)[1]), ok, dirty, deltas, added, merged)


_CACHES: dict[str, WindowCache] = {}
_CACHES_LOCK = threading.Lock()


def window_cache(conn: Connection) -> WindowCache:
    """This process's :class:`WindowCache` of the store ``conn`` is connected to."""
    return window_cache_of(conn.engine)


def window_cache_of(engine: Engine) -> WindowCache:
    """This process's :class:`WindowCache` of the store of ``engine`` (by its URL)."""
    key = engine.url.render_as_string(hide_password=False)
    with _CACHES_LOCK:
        cache = _CACHES.get(key)
        if cache is None:
            cache = _CACHES[key] = WindowCache()
    return cache


def drop_window_caches() -> None:
    """Forget every cached window (the next batch of each store reads it again)."""
    with _CACHES_LOCK:
        _CACHES.clear()


def _load_window(conn: Connection, sketches: Sequence[Sketch], days: int) -> Window:
    lo = min(s.span[0] for s in sketches) - days
    hi = max(s.span[1] for s in sketches) + days
    keys = {k for s in sketches for k in (*s.terms, *s.actors, *s.places, *s.names)}
    counts = q.doc_freqs(conn, keys)
    df = DocFreq(docs=counts.pop(q.DOCS_KEY, 0), counts=counts)
    window = Window(df=df, loader=lambda keys: _member_sketches(conn, keys, df))
    for row in q.window_rows(conn, lo, hi):
        story = _story_from_row(row)
        window.stories[story.key] = story
    return window


def _read_members(conn: Connection, keys: Sequence[int]) -> dict[int, list[Member]]:
    """The stored members of stories ``keys`` (``store.stories.member_sketches``), each
    with its rank in its story."""
    return {
        key: [((int(r["member_day"]), str(r["article_id"])), _sketch_from_row(r)) for r in rows]
        for key, rows in q.member_sketches(conn, keys).items()
    }


def _latest(members: Iterable[Member]) -> list[Member]:
    """The ``MEMBERS_READ`` latest of ``members`` (one story's), oldest first: what
    ``store.stories.member_sketches`` reads of them."""
    return sorted(members, key=lambda m: m[0])[-q.MEMBERS_READ :]


def _joined(
    conn: Connection,
    window: Window,
    sketches: Sequence[Sketch],
    decisions: Sequence[Decision],
    ids: Mapping[int, int],
) -> tuple[dict[int, list[Member]], dict[int, list[int]]]:
    """What ``_save`` wrote of the members of each story the batch kept, by stored id:
    the members it added (the member day of ``save_memberships``, the sketch of
    ``save_sketches`` as it reads back: its vector through float16), and the stored
    stories merged into it (``move_members``: their members are now its own).

    SQLite only (none on another backend): there a sketch's words come back in the
    order written; PostgreSQL's ``jsonb`` orders them by length, and the order of the
    words is the order of the sums of a member's word norm, so there the cache reads a
    changed story again."""
    added: dict[int, list[Member]] = {}
    merged: dict[int, list[int]] = {}
    if conn.dialect.name != "sqlite":
        return added, merged
    for story in window.stories.values():
        if story.merged_into is not None and story.key > 0:
            merged.setdefault(ids[_final(window, story.merged_into)], []).append(story.key)
    for sketch, decision in zip(sketches, decisions, strict=True):
        story = window.stories[decision.story]
        final = decision.story if story.merged_into is None else _final(window, story.key)
        added.setdefault(ids[final], []).append(
            ((_member_day(sketch, story), sketch.id), _sketch_from_row(_sketch_row(sketch)))
        )
    return added, merged


def _member_sketches(
    conn: Connection, keys: Sequence[int], df: DocFreq | None = None
) -> dict[int, list[Sketch]]:
    """The stored sketches of the members of stories ``keys`` (``Window.loader``); with
    ``df``, the stored document frequencies of their words are added
    to it (a member is compared through all its words, not only the batch's)."""
    found = {
        key: [_sketch_from_row(r) for r in rows]
        for key, rows in q.member_sketches(conn, keys).items()
    }
    if df is not None:
        members = [s for rows in found.values() for s in rows]
        _complete_df(conn, df, {k for s in members for k in s.terms})
    return found


def _complete_df(
    conn: Connection,
    df: DocFreq,
    keys: set[str],
    counts: Callable[[Connection, Iterable[str]], dict[str, int]] | None = None,
) -> None:
    """Read the stored counts of the ``keys`` that ``df`` has not loaded (through
    ``counts``, a ``WindowCache``'s, when given).
    The window loads the counts of the batch's keys only; a key missing from ``df``
    weighs as if no stored article had it (the highest idf), so the TF-IDF norms of
    stored members and stories came out too large and their lexical cosine too small."""
    missing = {k for k in keys if k not in df.counts}  # not ``keys - df.counts.keys()``
    if missing:
        df.counts.update((counts or _stored_counts)(conn, missing))


def _stored_counts(conn: Connection, keys: Iterable[str]) -> dict[str, int]:
    """The stored document counts of ``keys`` (without ``DOCS_KEY``)."""
    found = q.doc_freqs(conn, keys)
    found.pop(q.DOCS_KEY, None)
    return found


def _sketch_from_row(row: Mapping[str, Any]) -> Sketch:
    return Sketch(
        id=str(row["article_id"]),
        language=row["language"],
        span=(int(row["day"]), int(row["day"])),
        vector=enc.unpack(row["vector"]),
        terms=dict(row["terms"] or {}),
        actors=frozenset(row["actors"] or ()),
        places=frozenset(row["places"] or ()),
        names=frozenset(row["names"] or ()),
    )


def _story_from_row(row: Mapping[str, Any]) -> Story:
    return Story(
        key=int(row["id"]),
        first_day=int(row["first_day"]),
        last_day=int(row["last_day"]),
        size=int(row["size"]),
        vec_sum=np.frombuffer(bytes(row["vec_sum"]), dtype=np.float32).copy(),
        terms={lang: Counter(c) for lang, c in (row["terms"] or {}).items() if lang != "_norms"},
        actors=Counter(row["actors"] or {}),
        places=Counter(row["places"] or {}),
        norms=dict((row["terms"] or {}).get("_norms") or {}),
    )


def _save(
    conn: Connection,
    sketches: Sequence[Sketch],
    decisions: Sequence[Decision],
    window: Window,
    counts: Callable[[Connection, Iterable[str]], dict[str, int]] | None = None,
) -> tuple[dict[int, int], Counter[str]]:
    """Write what the batch changed; returns the stored id of each story of the window
    it wrote (by window key) and the document counts it added."""
    ids: dict[int, int] = {}  # window key -> stored id
    by_article = {s.id: s for s in sketches}
    merges: list[tuple[int, int]] = []
    stories = list(window.stories.values())
    missing: set[str] = set()
    for story in stories:
        if story.dirty and story.merged_into is None:
            missing.update(k for counts in story.terms.values() for k in counts)
    _complete_df(conn, window.df, missing, counts)  # the norms below weigh every word
    # the headlines first (they read the stored stories' headlines only): a new story is
    # inserted with its final values, not inserted and then updated
    headlines = _headlines(conn, window, by_article)
    opened = [s for s in stories if s.key < 0 and s.dirty]
    new_rows = [
        _story_values(s, headlines.get(s.key) if s.merged_into is None else None, window.df)
        for s in opened
    ]
    ids.update(zip([s.key for s in opened], q.insert_stories(conn, new_rows), strict=True))
    for story in stories:
        if story.key not in ids:
            ids[story.key] = story.key
    for story in stories:
        if story.merged_into is not None:
            merges.append((ids[story.key], ids[_final(window, story.merged_into)]))
    q.save_sketches(conn, [_sketch_row(s) for s in sketches])
    q.save_memberships(
        conn,
        [
            {
                "article_id": d.article_id,
                "story_id": ids[d.story],
                "day": _member_day(by_article[d.article_id], window.stories[d.story]),
                "probability": d.probability,
            }
            for d in decisions
        ],
    )
    for old, new in merges:
        q.move_members(conn, old, new)
        q.update_story(conn, old, {"merged_into": new})
    q.update_stories(
        conn,
        [
            (story.key, _story_values(story, headlines.get(story.key), window.df))
            for story in stories
            if story.key > 0 and story.dirty and story.merged_into is None
        ],
    )
    deltas: Counter[str] = Counter({q.DOCS_KEY: len(sketches)})
    for s in sketches:
        deltas.update({*s.terms, *s.actors, *s.places, *s.names})
    q.add_doc_freqs(conn, deltas)
    return ids, deltas


def _final(window: Window, key: int) -> int:
    while (nxt := window.stories[key].merged_into) is not None:
        key = nxt
    return key


def _member_day(sketch: Sketch, story: Story) -> int:
    lo, hi = sketch.span
    return min(max(story.last_day, lo), hi) if lo <= story.last_day else lo


def _story_values(
    story: Story, headline: tuple[str, str | None] | None, df: DocFreq
) -> dict[str, Any]:
    story.trim()
    story.norms.clear()
    for lang in story.terms:
        story.norm(lang, df)
    terms: dict[str, Any] = {lang: dict(c) for lang, c in story.terms.items()}
    terms["_norms"] = dict(story.norms)
    values: dict[str, Any] = {
        "first_day": story.first_day,
        "last_day": story.last_day,
        "first_report": dt.date.fromordinal(story.first_day).isoformat(),
        "last_report": dt.date.fromordinal(story.last_day).isoformat(),
        "size": story.size,
        "vec_sum": np.asarray(story.vec_sum, dtype=np.float32).tobytes(),
        "terms": terms,
        "actors": dict(story.actors),
        "places": dict(story.places),
    }
    if headline is not None:
        values["headline_article"], values["headline"] = headline
    return values


def _headlines(
    conn: Connection, window: Window, by_article: Mapping[str, Sketch]
) -> dict[int, tuple[str, str | None]]:
    """For each changed story: the titled article closest to its centroid among its
    headline so far and the articles it gained (the most typical report names it)."""
    keys = [s.key for s in window.stories.values() if s.dirty and s.key > 0]
    # one query for their headlines, not each story's whole row (its counts decoded)
    current = q.headline_articles(conn, keys) if keys else {}
    stored = q.sketch_vectors(conn, current.values())
    chosen: dict[int, tuple[str, str | None]] = {}
    for story in window.stories.values():
        if not story.dirty or story.merged_into is not None:
            continue
        centre = story.centroid()
        options = [
            (by_article[m].vector, m, by_article[m].title)
            for m in story.members
            if m in by_article and by_article[m].title
        ]
        old = current.get(story.key)
        if old and old in stored:
            options.append((enc.unpack(stored[old]), old, None))
        if not options:
            continue
        best = max(options, key=lambda o: float(np.dot(o[0], centre)))
        if best[1] != old:
            chosen[story.key] = (best[1], best[2])
    return chosen


def _sketch_row(s: Sketch) -> dict[str, Any]:
    return {
        "article_id": s.id,
        "day": s.span[0] if s.span[0] == s.span[1] else (s.span[0] + s.span[1]) // 2,
        "language": s.language,
        "vector": enc.pack(s.vector),
        "terms": s.terms,
        "actors": sorted(s.actors),
        "places": sorted(s.places),
        "names": sorted(s.names),
    }


def assign_pending(store: Any, batch: int = 200) -> int:
    """Sketch and assign the stored articles without a story, oldest first, ``batch``
    at a time, each batch in its own transaction."""
    from newsgraph.store.engine import write_engine

    done = 0
    while True:
        with store.engine.connect() as conn:
            ids = q.pending_articles(conn, batch)
        if not ids:
            return done
        articles = [a for a in (store.article(i) for i in ids) if a is not None]
        sketches = sketch_articles(articles)
        with write_engine(store.engine).begin() as conn:
            assign(conn, sketches)
        done += len(ids)
