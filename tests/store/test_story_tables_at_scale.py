"""The story tables' writes and reads that the ingest sends every batch (issue 18, ingest
at scale): what they send to the store, checked on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, event, insert, select

from newsgraph.analyze.database import Database
from newsgraph.store import stories as q
from newsgraph.store.engine import write_engine

pytest_plugins = ["backends"]


@contextmanager
def sent(conn: Connection, raw: list[tuple[str, Any]] | None = None) -> Iterator[list[str]]:
    """The statements executed on ``conn`` meanwhile (each cursor execution once, its
    whitespace collapsed); ``raw`` gets each as sent, with its parameters."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append(" ".join(statement.split()))
        if raw is not None:
            raw.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(conn, "before_cursor_execute", note)


def stored_counts(conn: Connection) -> dict[str, int]:
    return {k: int(n) for k, n in conn.execute(select(q.story_df.c.key, q.story_df.c.n))}


def test_add_doc_freqs_adds_in_one_upsert_per_chunk_without_reading(db_url: str) -> None:
    """1,200 keys, half of them stored: the counts come out as the sums, written by
    upserts and none read first (before: a read of the stored counts in chunks of 500,
    then the new keys inserted and the stored ones updated)."""
    old = {f"w{i:04d}": 1 + i % 7 for i in range(0, 1200, 2)}
    deltas = {f"w{i:04d}": 1 + i % 3 for i in range(1200)} | {q.DOCS_KEY: 50, "zero": 0}
    with Database.open(db_url) as store, write_engine(store.engine).begin() as conn:
        conn.execute(insert(q.story_df), [{"key": k, "n": n} for k, n in old.items()])
        before = stored_counts(conn)
        with sent(conn) as statements:
            q.add_doc_freqs(conn, deltas)
        after = stored_counts(conn)
    expected = dict(before)
    for key, n in deltas.items():
        if n:
            expected[key] = expected.get(key, 0) + n
    assert after == expected
    assert "zero" not in after
    assert statements
    assert all(s.startswith("INSERT INTO story_df") and "ON CONFLICT" in s for s in statements)


def test_add_doc_freqs_with_nothing_to_add_sends_nothing(db_url: str) -> None:
    with Database.open(db_url) as store, write_engine(store.engine).begin() as conn:
        with sent(conn) as statements:
            q.add_doc_freqs(conn, {"a": 0})
            q.add_doc_freqs(conn, {})
        assert statements == []
        assert "a" not in stored_counts(conn)


def _sketch(article_id: str, day: int) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "day": day,
        "language": "en",
        "vector": bytes(8),
        "terms": {"w": 1},
        "actors": [],
        "places": [],
        "names": [],
    }


def test_member_sketches_reads_only_the_latest_of_a_story(db_url: str) -> None:
    """A story of 250 articles and one of 3: the latest ``most`` of each (by day, then
    id), oldest first, and the store sends no more than those (before: every member
    was read and the list cut in Python)."""
    big = [(f"b{i:03d}", 700_000 + (i * 37) % 90) for i in range(250)]
    small = [("s1", 700_010), ("s0", 700_010), ("s2", 700_001)]
    with Database.open(db_url) as store, write_engine(store.engine).begin() as conn:
        q.save_sketches(conn, [_sketch(a, d) for a, d in big + small])
        q.save_memberships(
            conn,
            [{"article_id": a, "story_id": 1, "day": d, "probability": None} for a, d in big]
            + [{"article_id": a, "story_id": 2, "day": d, "probability": 0.9} for a, d in small],
        )
        raw: list[tuple[str, Any]] = []
        with sent(conn, raw) as statements:
            found = q.member_sketches(conn, [2, 1, 3], most=200)
        latest = sorted(big, key=lambda ad: (ad[1], ad[0]))[-200:]
        assert [r["article_id"] for r in found[1]] == [a for a, _ in latest]
        assert [r["article_id"] for r in found[2]] == ["s2", "s0", "s1"]
        assert 3 not in found
        assert found[2][0]["terms"] == {"w": 1} and found[2][0]["day"] == 700_001
        # what the store sent back: the statement run again on the driver's cursor
        assert len(statements) == 1
        statement, parameters = raw[0]
        assert len(conn.exec_driver_sql(statement, parameters).fetchall()) == 200 + 3
