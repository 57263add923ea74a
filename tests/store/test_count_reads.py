"""Issue 18, session 14: a quote list's estimated count over a date range reads the
share of articles published in the range from ``counts``, whose whole is the stored
article count (one row), not a sum over every stored day (6,564 day rows at 102,600
articles). The estimate is what it was."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from newsgraph.store import Store, queries, reader
from webdata import build_db, meeting

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

DAYS = ["2019-03-04", "2019-03-05", "2019-11-20", "2020-01-02", "2020-01-03", "2021-07-09"]


def test_a_date_range_count_reads_no_sum_over_every_day(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # six reports of a meeting, each with two quotes, on days spread over three years
    build_db(db_url, [meeting(n, day, "Agence Exemple") for n, day in enumerate(DAYS)])
    monkeypatch.setattr(queries, "COUNT_CAP", 2)  # so the range's count is an estimate
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    with Store.open(db_url) as store:
        event.listen(store.engine, "before_cursor_execute", listen)
        with store.engine.connect() as conn:
            rows, total, exact = queries.quote_page(conn, since="2019-03", until="2020-01", limit=2)
        event.remove(store.engine, "before_cursor_execute", listen)
    # 5 of the 6 articles fall in the range: 12 stored quotes x 5/6, beyond a cap of 2
    assert (len(rows), total, exact) == (2, 10, False)
    sums = [s for s in seen if "sum(counts.n)" in s]
    assert sums, "the range's share is still read from the day counts"
    assert all(" AND " in s for s in sums), sums  # each bounded by the range's days


def test_stats_read_their_counts_through_the_key_once_analyzed(tmp_path: Any) -> None:
    """Once ``ANALYZE`` has told SQLite that the day counts are most of ``counts``, the
    stats' counts by table, language, outlet and repairs are still read through the
    primary key, not by scanning every day's row; the answer is the same."""
    days = [f"2020-{m:02d}-{d:02d}" for m in range(1, 13) for d in (3, 9, 14, 21, 27)]
    db = build_db(
        tmp_path / "s.db", [meeting(n, day, "Agence Exemple") for n, day in enumerate(days)]
    )
    with Store.open(db) as store:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        seen: list[tuple[str, Any]] = []

        def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
            if "FROM counts" in statement:
                seen.append((statement, params))

        event.listen(store.engine, "before_cursor_execute", listen)
        with store.engine.connect() as conn:
            found = reader.stats(conn)
        event.remove(store.engine, "before_cursor_execute", listen)
        assert found["tables"]["articles"] == len(days)
        assert found["languages"] == {"en": len(days)} and found["outlets"] == {
            "Agence Exemple": 60
        }
        assert seen
        with store.engine.connect() as conn:
            for statement, params in seen:
                plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
                assert not any(str(row[-1]).startswith("SCAN counts") for row in plan), plan
