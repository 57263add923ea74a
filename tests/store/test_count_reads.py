"""Issue 18, session 14: a quote list's estimated count over a date range reads the
share of articles published in the range from ``counts``, whose whole is the stored
article count (one row), not a sum over every stored day (6,564 day rows at 102,600
articles). The estimate is what it was."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from newsgraph.store import Store, queries
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
