"""Story assignment through the store with the window kept in the process
(``analyze.stories.WindowCache``) and a blocked centroid index: the same stories as
reading the whole window again for each batch, reads bounded by the candidates, and
a cache that follows commits, rollbacks and other writers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import delete, insert

from newsgraph.analyze import stories as st
from newsgraph.analyze import story_cluster as sc
from newsgraph.analyze.database import Database
from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch
from newsgraph.store import schema
from newsgraph.store import stories as q
from newsgraph.store.engine import write_engine

pytest_plugins = ["backends"]

DAY0 = dt.date(2021, 3, 1).toordinal()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def stream(seed: int, events: int = 30, reports: int = 4, days: int = 120) -> list[Sketch]:
    """Reports of ``events`` events in time order: each event a direction, a few words of
    its own and an actor; its reports that direction plus noise (some close to the
    threshold), over a few days; some events close to another (shared words, actor)."""
    rng = np.random.default_rng(seed)
    centres = _unit(rng.standard_normal((events, DIM)))
    out = []
    for e in range(events):
        start = DAY0 + int(rng.integers(0, days))
        twin = e - 1 if e and rng.random() < 0.3 else e  # a neighbouring event
        for r in range(int(rng.integers(1, reports + 1))):
            noise = float(rng.uniform(0.3, 1.1))
            v = _unit(centres[e] + noise * _unit(rng.standard_normal(DIM)))
            words = {f"e{e}w{i}": 1 for i in range(int(rng.integers(1, 4)))}
            words.update({f"e{twin}w0": 1, f"c{int(rng.integers(0, 20))}": 1})
            day = start + int(rng.integers(0, 4))
            out.append(
                Sketch(f"s{seed}-{e}-{r}", "en", (day, day), v, words, frozenset({f"Q{twin}"}))
            )
    out.sort(key=lambda s: (s.span[0], s.id))
    return out


def _store_articles(store: Database, ids: list[str]) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(schema.articles),
            [
                {
                    "id": i,
                    "content_hash": i,
                    "source": "t",
                    "text": "x",
                    "created": NOW,
                    "published_confidence": 0.0,
                }
                for i in ids
            ],
        )


def _clear_stories(store: Database) -> None:
    with store.engine.begin() as conn:
        for table in (q.story_articles, q.story_sketches, q.stories, q.story_df):
            conn.execute(delete(table))


def _assign(
    store: Database, batches: list[list[Sketch]], cached: bool, check: bool = False
) -> None:
    for batch in batches:
        with write_engine(store.engine).begin() as conn:
            st.assign(conn, batch, st.default_model(), cached=cached)
        if check:
            _cache_matches_store(store, st.window_cache_of(store.engine))


def _cache_matches_store(store: Database, cache: st.WindowCache) -> None:
    """After the next batch's first step (``validate``), what the cache holds of each
    story (its row with the counts, its members) is what the store holds."""
    with store.engine.connect() as conn:
        cache.validate(conn)
        rows = {int(r["id"]): r for r in q.story_rows(conn, list(cache.rows))}
        members = q.member_sketches(conn, list(cache.members))
    for key, row in cache.rows.items():
        assert rows.get(key) == row, key
    for key, held in cache.members.items():
        stored = [((int(r["member_day"]), r["article_id"]), r) for r in members.get(key, [])]
        assert [(rank, _as_read(s)) for rank, s in held] == [
            (rank, _as_read(st._sketch_from_row(r))) for rank, r in stored
        ], key
    _index_matches_store(store, cache)


def _as_read(sketch: Sketch) -> tuple[object, ...]:
    """What assignment reads of a member sketch, the order of its words included (the
    order of the sums of its word norm)."""
    return (
        sketch.id,
        sketch.language,
        sketch.span,
        sketch.vector.tobytes(),
        list(sketch.terms.items()),
        list(sketch.actors),
        list(sketch.places),
        list(sketch.names),
    )


def _groups(store: Database) -> set[frozenset[str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(q.story_articles.select()).mappings().all()
    by: dict[int, set[str]] = {}
    for r in rows:
        by.setdefault(int(r["story_id"]), set()).add(r["article_id"])
    return {frozenset(v) for v in by.values()}


def _probabilities(store: Database) -> dict[str, float | None]:
    """The probability each article joined its story with (None: it opened it)."""
    with store.engine.connect() as conn:
        rows = conn.execute(q.story_articles.select()).mappings().all()
    return {r["article_id"]: r["probability"] for r in rows}


def _batches(sketches: list[Sketch], size: int) -> list[list[Sketch]]:
    return [sketches[i : i + size] for i in range(0, len(sketches), size)]


def _index_matches_store(store: Database, cache: st.WindowCache) -> None:
    """Every live story of the cached index is a stored story, with its size, days and
    vector sum."""
    ix = cache.index
    with store.engine.connect() as conn:
        stored = {int(r["id"]): r for r in q.window_light(conn, -(10**9), 10**9)}
    for key, row in ix.rows.items():
        if ix.alive[row]:
            assert key in stored
            assert int(ix.sizes[row]) == int(stored[key]["size"])
            assert (int(ix.first[row]), int(ix.last[row])) == (
                stored[key]["first_day"],
                stored[key]["last_day"],
            )
            stored_sum = np.frombuffer(bytes(stored[key]["vec_sum"]), dtype=np.float32)
            assert np.allclose(ix.sums[row], stored_sum, atol=1e-5)


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.drop_window_caches()
    yield
    st.drop_window_caches()


def test_the_cached_window_gives_the_stories_of_the_full_window(db_url):
    """Across many batches (the window moving with time, stories growing and opening,
    some merging), the cached path puts the articles into the same stories as the path
    that reads every story of the window again for each batch, with the same join
    probabilities (so it scored them against the same stories, counts and members)."""
    sketches = stream(1) + stream(2)
    sketches.sort(key=lambda s: (s.span[0], s.id))
    with Database.open(db_url) as store:
        _store_articles(store, [s.id for s in sketches])
        _assign(store, _batches(sketches, 15), cached=False)
        full, full_p = _groups(store), _probabilities(store)
        _clear_stories(store)
        _assign(store, _batches(sketches, 15), cached=True, check=True)
        cached, cached_p = _groups(store), _probabilities(store)
        _index_matches_store(store, st.window_cache_of(store.engine))
    assert any(len(g) > 1 for g in full) and len(full) > 10
    assert cached == full
    assert cached_p.keys() == full_p.keys()
    for aid, p in full_p.items():
        assert cached_p[aid] == (None if p is None else pytest.approx(p, rel=1e-6)), aid


def test_a_batch_reads_its_candidates_not_the_window(db_url, monkeypatch):
    """With 1,500 stories in the window: the window is read once, by the first batch;
    a later batch reads the counts of at most its candidates' stories, and the first
    pass (blocked) scores a part of the window; each report still finds its story."""
    monkeypatch.setattr(sc, "BLOCKED_FROM", 256)
    rng = np.random.default_rng(7)
    n = 1500
    centres = _unit(rng.standard_normal((n, DIM)))
    with Database.open(db_url) as store:
        with store.engine.begin() as conn:
            conn.execute(
                insert(q.stories),
                [
                    {
                        "id": k + 1,
                        "first_day": DAY0 + k % 40,
                        "last_day": DAY0 + k % 40,
                        "size": 1,
                        "first_report": "2021-03-01",
                        "last_report": "2021-03-01",
                        "vec_sum": centres[k].tobytes(),
                        "terms": {"en": {f"k{k}": 1}},
                        "actors": {},
                        "places": {},
                    }
                    for k in range(n)
                ],
            )
            conn.execute(insert(q.story_df), [{"key": q.DOCS_KEY, "n": n}])
        picks = rng.choice(n, 40, replace=False)
        reports = [
            Sketch(
                f"r{i}",
                "en",
                (DAY0 + int(k) % 40,) * 2,
                _unit(centres[k] + 0.5 * _unit(rng.standard_normal(DIM))),
                {f"k{k}": 1},
            )
            for i, k in enumerate(picks)
        ]
        _store_articles(store, [r.id for r in reports])
        cache = st.window_cache_of(store.engine)
        with write_engine(store.engine).begin() as conn:
            first = st.assign(conn, reports[:20])
        window_reads = cache.reads["window_rows"]
        assert window_reads >= n  # the first batch read the window (light rows)
        story_rows = cache.reads["story_rows"]
        probed = cache.index.probed_total
        with write_engine(store.engine).begin() as conn:
            second = st.assign(conn, reports[20:])
        assert cache.reads["window_rows"] == window_reads  # not read again
        assert cache.reads["story_rows"] - story_rows <= 20 * sc.TOP_K
        assert (cache.index.probed_total - probed) / 20 < n / 2
    joined = {d.article_id: d.story for d in first + second}
    assert joined == {r.id: int(k) + 1 for r, k in zip(reports, picks, strict=True)}


def test_a_rolled_back_batch_is_undone_in_the_cache(db_url):
    sketches = stream(3)
    batches = _batches(sketches, 12)
    with Database.open(db_url) as store:
        _store_articles(store, [s.id for s in sketches])
        _assign(store, batches, cached=False)
        full = _groups(store)
        _clear_stories(store)
        _assign(store, batches[:1], cached=True)
        with pytest.raises(RuntimeError), write_engine(store.engine).begin() as conn:
            st.assign(conn, batches[1])
            raise RuntimeError("the batch's transaction fails after assignment")
        cache = st.window_cache_of(store.engine)
        with store.engine.connect() as conn:
            cache.validate(conn)  # what the next batch does first
        _index_matches_store(store, cache)  # the batch's stories and growth are gone
        _assign(store, batches[1:], cached=True)
        assert _groups(store) == full
        _index_matches_store(store, st.window_cache_of(store.engine))


def test_another_writer_makes_the_cache_read_the_store_again(db_url):
    """A batch assigned by another process (here the uncached path, which writes the
    state token too) and a story written straight into the table are both seen."""
    sketches = stream(4)
    batches = _batches(sketches, 10)
    with Database.open(db_url) as store:
        _store_articles(store, [s.id for s in sketches])
        _assign(store, batches, cached=False)
        full = _groups(store)
        _clear_stories(store)
        _assign(store, batches[:1], cached=True)
        _assign(store, batches[1:3], cached=False)  # "another process"
        _assign(store, batches[3:], cached=True)
        assert _groups(store) == full
        # a story written straight into the table (no token): the highest id moves
        late = Sketch("late", "en", (DAY0 + 500,) * 2, _unit(np.ones(DIM)), {"late": 1})
        _store_articles(store, ["late"])
        with store.engine.begin() as conn:
            conn.execute(
                insert(q.stories).values(
                    id=10_000,
                    first_day=DAY0 + 500,
                    last_day=DAY0 + 500,
                    size=1,
                    first_report="x",
                    last_report="x",
                    vec_sum=late.vector.tobytes(),
                    terms={"en": {"late": 1}},
                    actors={},
                    places={},
                )
            )
        with write_engine(store.engine).begin() as conn:
            (d,) = st.assign(conn, [late])
        assert d.story == 10_000


def test_the_state_token_is_replaced_only_from_the_one_seen(db_url):
    with Database.open(db_url) as store, store.engine.begin() as conn:
        assert q.read_state(conn) == (None, None)
        assert q.write_state(conn, None, 5)
        assert q.read_state(conn)[0] == 5
        assert q.write_state(conn, 5, 6)
        assert not q.write_state(conn, 5, 7)  # someone wrote 6 meanwhile
        assert q.read_state(conn)[0] == 7


def test_a_blocked_index_finds_the_close_stories_reading_a_part_of_it():
    rng = np.random.default_rng(11)
    n = 6000
    centres = _unit(rng.standard_normal((n, DIM)))
    index = sc.CentroidIndex(blocked_from=1000)
    exact = sc.CentroidIndex(blocked_from=10**9)
    for k in range(n):
        size = int(rng.integers(1, 6))
        members = _unit(centres[k] + 0.5 * _unit(rng.standard_normal((size, DIM))))
        for ix in (index, exact):
            ix.put(k, members.sum(axis=0), size, DAY0, DAY0 + 2)
    index.maybe_block()
    exact.maybe_block()
    assert index.centres is not None and exact.centres is None
    found = probed = 0
    for k in rng.choice(n, 200, replace=False):
        v = _unit(centres[k] + 0.5 * _unit(rng.standard_normal(DIM)))
        top = index.nearest(v, (DAY0, DAY0), 45, sc.TOP_K)
        probed += index.probed
        found += top[0] == exact.nearest(v, (DAY0, DAY0), 45, sc.TOP_K)[0] == k
    assert found >= 198
    assert probed / 200 < n / 4


def test_the_index_journal_puts_back_what_a_batch_changed():
    rng = np.random.default_rng(5)
    index = sc.CentroidIndex(blocked_from=50)
    vecs = _unit(rng.standard_normal((120, DIM)))
    for k in range(100):
        index.put(k, vecs[k], 1, DAY0, DAY0)
    index.maybe_block()
    before = {
        k: (index.sums[r].copy(), index.sizes[r], index.cell[r]) for k, r in index.rows.items()
    }
    index.begin()
    index.put(3, vecs[3] + vecs[110], 2, DAY0, DAY0 + 1)  # grows
    index.put(4, vecs[4], 1, DAY0, DAY0, alive=False)  # merged away
    index.put(-1, vecs[111], 1, DAY0, DAY0)  # opened
    index.rekey(-1, 500)  # stored as 500
    index.rollback()
    assert set(index.rows) == set(before)
    for k, r in index.rows.items():
        assert np.array_equal(index.sums[r], before[k][0])
        assert index.sizes[r] == before[k][1] and index.cell[r] == before[k][2]
        assert index.alive[r]
        assert r in index.cells[index.cell[r]]


def test_a_story_that_grows_keeps_its_members_in_the_cache(db_url):
    """A flood reported once a day, each report its own committed batch: on SQLite the
    story's members are read from the store once (when the second report joins) and
    then kept in the cache as batches add to them, as the store holds them (checked
    after every batch); elsewhere they are read again after each batch that changed
    them. Either way every report joins the one story."""
    rng = np.random.default_rng(11)
    centre = _unit(rng.standard_normal(DIM))
    reports = [
        Sketch(
            f"flood-{i}",
            "en",
            (DAY0 + i, DAY0 + i),
            _unit(centre + 0.2 * _unit(rng.standard_normal(DIM))),
            {"flood": 1, "levee": 1, "river": 1, f"street{i}": 1},
            frozenset({"Q1297"}),
        )
        for i in range(6)
    ]
    with Database.open(db_url) as store:
        _store_articles(store, [r.id for r in reports])
        _assign(store, [[r] for r in reports], cached=True, check=True)
        cache = st.window_cache_of(store.engine)
        sqlite = store.engine.dialect.name == "sqlite"
        assert _groups(store) == {frozenset(r.id for r in reports)}
    read = cache.reads["member_rows"]
    assert read == 1 if sqlite else read == sum(range(1, 6))
