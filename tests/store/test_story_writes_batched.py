"""A batch's story writes in few statements (issue 18, ingest at scale, session 18):
the stories a batch grew are updated by one executemany (two: with a new headline and
without), and each story the batch opened is inserted with its final values (headline
included), not inserted and then updated. Before: one ``UPDATE stories`` statement per
grown story, and every new story written twice. The rows stored are what they were."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from sqlalchemy import Connection, event, insert, select

from newsgraph.analyze import stories as st
from newsgraph.analyze.database import Database
from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch
from newsgraph.store import schema
from newsgraph.store import stories as q
from newsgraph.store.engine import write_engine

pytest_plugins = ["backends"]

DAY0 = dt.date(2022, 5, 2).toordinal()
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
# invented events: a few words of each report, the actor it names
EVENTS = {
    "bridge": (["bridge", "closed", "cracks", "river"], "Q-bridge-authority"),
    "orchard": (["orchard", "frost", "apples", "harvest"], "Q-growers-union"),
    "choir": (["choir", "festival", "cathedral", "concert"], "Q-city-choir"),
    "tram": (["tram", "strike", "drivers", "depot"], "Q-tram-workers"),
}


@contextmanager
def sent(conn: Connection) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((" ".join(statement.split()), parameters))

    event.listen(conn, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(conn, "before_cursor_execute", note)


def _reports(event_name: str, first: int, n: int, day: int) -> list[Sketch]:
    rng = np.random.default_rng(len(event_name) * 7 + first)
    words, actor = EVENTS[event_name]
    centre = np.zeros(DIM, dtype=np.float32)
    centre[list(EVENTS).index(event_name)] = 1.0
    out = []
    for i in range(first, first + n):
        v = centre + 0.05 * rng.standard_normal(DIM).astype(np.float32)
        v = (v / np.linalg.norm(v)).astype(np.float32)
        out.append(
            Sketch(
                f"{event_name}-{i}",
                "en",
                (day, day),
                v,
                {w: 1 for w in words},
                frozenset({actor}),
                title=f"{event_name.title()} report {i}",
            )
        )
    return out


def _store_articles(store: Database, sketches: list[Sketch]) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(schema.articles),
            [
                {
                    "id": s.id,
                    "content_hash": s.id,
                    "source": "t",
                    "text": "x",
                    "title": s.title,
                    "created": NOW,
                    "published_confidence": 0.0,
                }
                for s in sketches
            ],
        )


def _rows(conn: Connection) -> dict[int, dict[str, Any]]:
    return {int(r["id"]): dict(r) for r in conn.execute(select(q.stories)).mappings()}


def test_grown_stories_are_updated_in_one_statement_and_new_ones_written_once(
    db_url: str,
) -> None:
    first = _reports("bridge", 0, 3, DAY0) + _reports("orchard", 0, 3, DAY0)
    # the second batch grows both stories and opens two more
    second = (
        _reports("bridge", 3, 2, DAY0 + 1)
        + _reports("orchard", 3, 2, DAY0 + 1)
        + _reports("choir", 0, 2, DAY0 + 1)
        + _reports("tram", 0, 2, DAY0 + 1)
    )
    with Database.open(db_url) as store:
        _store_articles(store, first + second)
        st.drop_window_caches()
        with write_engine(store.engine).begin() as conn:
            st.assign(conn, first)
        with write_engine(store.engine).begin() as conn:
            before = _rows(conn)
            with sent(conn) as statements:
                decisions = st.assign(conn, second)
            after = _rows(conn)
    assert len(before) == 2
    joined = {d.article_id for d in decisions if d.probability is not None}
    # the grown stories' reports, and the second report of each new story
    assert joined == {"bridge-3", "bridge-4", "orchard-3", "orchard-4", "choir-1", "tram-1"}
    assert len(after) == 4
    updates = [(s, p) for s, p in statements if s.startswith("UPDATE stories SET")]
    inserts = [(s, p) for s, p in statements if s.startswith("INSERT INTO stories")]
    # the two grown stories: one statement for those whose headline changed, one for the
    # others (here one of each, or both in one), two parameter sets in all, each a grown
    # story's (the story id: the last parameter, or psycopg's named one)
    assert len(updates) <= 2
    # (an executemany of one parameter set is sent as one execute)
    sets = [
        ps for _, params in updates for ps in (params if isinstance(params, list) else [params])
    ]
    ids = [int(ps["story_key"] if isinstance(ps, dict) else ps[-1]) for ps in sets]
    assert sorted(ids) == sorted(before)
    # the two new stories: one insert each at most (SQLAlchemy sends an executemany with
    # RETURNING in the order of its rows one row at a time); nothing updates them after
    assert len(inserts) <= 2
    new = set(after) - set(before)
    assert len(new) == 2
    for key in new:
        row = after[key]
        assert row["size"] == 2
        assert row["headline_article"] in {"choir-0", "choir-1", "tram-0", "tram-1"}
        assert row["headline"].endswith(("report 0", "report 1"))
        assert row["terms"]["_norms"]["en"] > 0
    for key in before:
        assert after[key]["size"] == 5
        assert after[key]["last_day"] == DAY0 + 1


def test_update_stories_sets_each_story_its_own_values(db_url: str) -> None:
    row = {
        "first_day": DAY0,
        "last_day": DAY0,
        "first_report": "2022-05-02",
        "last_report": "2022-05-02",
        "size": 1,
        "vec_sum": np.zeros(4, dtype=np.float32).tobytes(),
        "terms": {"en": {"ferry": 1}},
        "actors": {},
        "places": {},
    }
    with Database.open(db_url) as store, write_engine(store.engine).begin() as conn:
        keys = q.insert_stories(conn, [row, row | {"size": 2}, row | {"size": 3}])
        assert [r["size"] for r in (_rows(conn)[k] for k in keys)] == [1, 2, 3]
        q.update_stories(
            conn,
            [
                (keys[0], {"size": 7, "terms": {"en": {"ferry": 4, "harbour": 1}}}),
                (keys[2], {"size": 9, "terms": {"en": {"gull": 2}}}),
                (keys[1], {"headline": "Ferry back", "headline_article": "f-1"}),
            ],
        )
        rows = _rows(conn)
    assert rows[keys[0]]["size"] == 7 and rows[keys[0]]["terms"] == {
        "en": {"ferry": 4, "harbour": 1}
    }
    assert rows[keys[2]]["size"] == 9 and rows[keys[2]]["terms"] == {"en": {"gull": 2}}
    assert rows[keys[1]]["size"] == 2 and rows[keys[1]]["headline"] == "Ferry back"
    assert rows[keys[1]]["headline_article"] == "f-1"
