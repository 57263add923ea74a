"""A batch reads its candidate stories' rows and member sketches up front, one query
each for the batch (``analyze.stories.WindowCache.prefetch``), not one per article, and
its articles go where they went when each read its own."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from sqlalchemy import insert

from newsgraph.analyze import stories as st
from newsgraph.analyze.database import Database
from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch
from newsgraph.store import schema
from newsgraph.store import stories as q
from newsgraph.store.engine import write_engine

pytest_plugins = ["backends"]

DAY0 = dt.date(2022, 9, 1).toordinal()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fresh_caches():
    st.drop_window_caches()
    yield
    st.drop_window_caches()


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def _reports(events: int, per_event: int, seed: int) -> list[list[Sketch]]:
    """``per_event`` rounds of one report of each of ``events`` events (a direction, a
    word and an actor of its own, days spread over two years: about 50 stories in an
    article's window, so each article has candidates of its own)."""
    rng = np.random.default_rng(seed)
    centres = _unit(rng.standard_normal((events, DIM)))
    days = [DAY0 + int(d) for d in rng.integers(0, 730, events)]
    rounds = []
    for r in range(per_event):
        rounds.append(
            [
                Sketch(
                    f"e{e}-r{r}",
                    "en",
                    (days[e] + r, days[e] + r),
                    _unit(centres[e] + 0.4 * _unit(rng.standard_normal(DIM))),
                    {f"e{e}": 1, f"w{int(rng.integers(0, 30))}": 1},
                    frozenset({f"Q{e}"}),
                )
                for e in range(events)
            ]
        )
    return rounds


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


def _run(db_url: str, monkeypatch: pytest.MonkeyPatch, prefetch: bool):
    """Two rounds of 400 events stored, then, with the window cache dropped (a cold
    start), a batch of 50 reports of a third round: its decisions and the queries of
    story rows and members."""
    rounds = _reports(400, 3, seed=5)
    calls = {"story_rows": 0, "member_sketches": 0}
    with Database.open(db_url) as store:
        _store_articles(store, [s.id for r in rounds for s in r])
        for batch in [r[i : i + 100] for r in rounds[:2] for i in range(0, 400, 100)]:
            with write_engine(store.engine).begin() as conn:
                st.assign(conn, batch)
        st.drop_window_caches()
        with monkeypatch.context() as m:
            if not prefetch:
                m.setattr(
                    st.WindowCache,
                    "prefetch",
                    lambda self, conn, sketches, days: None,
                    raising=False,
                )
            for name in calls:
                real = getattr(q, name)

                def counted(*a, _real=real, _name=name, **k):  # type: ignore[no-untyped-def]
                    calls[_name] += 1
                    return _real(*a, **k)

                m.setattr(q, name, counted)
            with write_engine(store.engine).begin() as conn:
                decisions = st.assign(conn, rounds[2][::8])
        with store.engine.connect() as conn:
            stories = {int(r["id"]): r for r in q.window_light(conn, 0, 10**7)}
            groups: dict[int, set[str]] = {}
            for r in conn.execute(q.story_articles.select()).mappings():
                groups.setdefault(int(r["story_id"]), set()).add(r["article_id"])
    # the decisions with each story named by its articles (PostgreSQL's ids go on
    # from the first run's)
    named = [
        (d.article_id, frozenset(groups[d.story]), d.probability, len(d.merged)) for d in decisions
    ]
    return decisions, named, calls, stories


def test_a_batch_reads_its_candidates_in_one_query_each(db_url, monkeypatch):
    decisions, named, calls, stories = _run(db_url, monkeypatch, prefetch=True)
    st.drop_window_caches()
    # the same store made again, each article reading its own candidates
    with Database.open(db_url) as store, store.engine.begin() as conn:
        for table in (q.story_articles, q.story_sketches, q.stories, q.story_df, schema.articles):
            conn.execute(table.delete())
    _, alone, alone_calls, _ = _run(db_url, monkeypatch, prefetch=False)
    assert named == alone
    joined = [d for d in decisions if d.probability is not None]
    assert len(joined) == len(decisions) == 50  # each report joined its event's story
    assert all(stories[d.story]["size"] == 3 for d in joined)
    assert alone_calls["story_rows"] >= 20 and alone_calls["member_sketches"] >= 20
    # one query each for the batch, and a second for a story an article meets because
    # the batch's own joins moved the stories around it (``FULL_K`` of the first
    # pass's 40 are scored: a story that gains a report turns, so another may enter an
    # article's 12 that none had among them when the batch was read; 174 of 400 here)
    assert 1 <= calls["story_rows"] <= 2 and 1 <= calls["member_sketches"] <= 2
