"""SQLite: the shared merged events a batch's reports could join are read through the
date index, not ``ix_merged_events_scope`` (issue 18, ingest at scale, session 18).
``ANALYZE`` averages the scope index over its values, most of them one article's scope,
so ``scope = ''`` looked like a dozen rows where it is most merged events: each batch
walked every shared merged event (15.5 ms a batch of 50 at 102,600 articles)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert

from newsgraph.store import Store, schema
from newsgraph.store.events import candidate_rows

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _row(i: int, kind: str, source: str, target: str, scope: str, day: str) -> dict[str, Any]:
    return {
        "type": kind,
        "source": [],
        "target": [],
        "source_key": source,
        "target_key": target,
        "scope": scope,
        "date": day,
        "negated": False,
        "created": NOW,
    }


def test_shared_candidates_come_through_the_days_and_are_the_same(tmp_path: Path) -> None:
    rows = []
    # invented: harbour authorities and fishing crews over two years, shared events,
    # and many events scoped to one article each (the anonymous-side reports)
    for i in range(2000):
        day = (dt.date(2023, 1, 1) + dt.timedelta(days=i % 700)).isoformat()
        pair = (f"e:harbour-{i % 9}", f"e:crew-{i % 13}")
        rows.append(_row(i, ("PROTEST", "CONSULT", "AID")[i % 3], *pair, "", day))
        rows.append(_row(i, "PROTEST", pair[0], "", f"art-{i:05d}", day))
    with Store.open(str(tmp_path / "m.db")) as store:
        with store.engine.begin() as conn:
            conn.execute(insert(schema.merged_events), rows)
            conn.exec_driver_sql("ANALYZE")
        keys = {("PROTEST", "e:harbour-1", "e:crew-1"), ("AID", "e:harbour-2", "e:crew-5")}
        days = {"2023-03-10", "2023-03-11", "2024-06-01"}
        sent: list[tuple[str, Any]] = []
        with store.engine.connect() as conn:
            event.listen(conn, "before_cursor_execute", lambda *a: sent.append((a[2], a[3])))
            found = candidate_rows(conn, keys, days=days, scopes=[])
            raw = conn.connection.driver_connection
            sql, params = next((s, p) for s, p in sent if s.startswith("SELECT"))
            plan = " ".join(str(r[-1]) for r in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    expected = {
        (r["type"], r["source_key"], r["target_key"], r["date"])
        for r in rows
        if r["scope"] == ""
        and r["date"] in days
        and r["type"] in {k[0] for k in keys}
        and r["source_key"] in {k[1] for k in keys}
        and r["target_key"] in {k[2] for k in keys}
    }
    assert {(r["type"], r["source_key"], r["target_key"], r["date"]) for r in found} == expected
    assert all(r["scope"] == "" for r in found)
    assert "ix_merged_events_scope" not in plan, plan
    assert "(date=?)" in plan, plan
