"""A batch's changed stories' headlines are read in one query of their headline column
(issue 18: ingest at scale), not as each story's whole row: a grown story's row holds
up to 200 words a language, its actors and places, decoded for one column."""

from __future__ import annotations

import numpy as np
from sqlalchemy import create_engine, event

from newsgraph.store import stories as q


def _story(conn, headline: str | None) -> int:
    row = {
        "first_day": 738000,
        "last_day": 738001,
        "first_report": "2021-07-10",
        "last_report": "2021-07-11",
        "size": 2,
        "vec_sum": np.zeros(4, dtype=np.float32).tobytes(),
        "terms": {"en": {"ferry": 3, "harbour": 2}},
        "actors": {"Q42": 2},
        "places": {},
    }
    if headline is not None:
        row |= {"headline_article": headline, "headline": "Ferry strike ends at the harbour"}
    return q.insert_story(conn, row)


def test_the_headlines_of_changed_stories_come_in_one_query_without_their_counts() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        q.create_tables(conn)
        with_headline = [_story(conn, f"art-{i}") for i in range(3)]
        without = _story(conn, None)
        sent: list[str] = []
        event.listen(
            conn, "before_cursor_execute", lambda *args: sent.append(str(args[2])), named=False
        )
        found = q.headline_articles(conn, [*with_headline, without, 999])
        assert found == {k: f"art-{i}" for i, k in enumerate(with_headline)}
        assert len(sent) == 1
        assert "terms" not in sent[0] and "actors" not in sent[0]
