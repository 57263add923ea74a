"""One event from many reports (GDELT's events + mentions model).

Stored events (one per report: article, seq) are grouped into ``merged_events``: same
PLOVER type, same source and target actor sets, same negation, dates within a day;
never across different actors, and an event with an empty side (or an anonymous
actor, or no day) only inside its own article (see ``newsgraph.analyze.keys`` for who
counts as the same actor). Every report stays as an ``event_mentions`` row
pointing at its article and sentence.

    merge_new_events(store, article_ids)   # after each ingest batch; cheap, idempotent
    rebuild(store)                         # everything again, from the events table
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from newsgraph.analyze.keys import MergeKey, closest, compatible_dates, is_day, merge_key
from newsgraph.analyze.quads import quad_class
from newsgraph.store import events as q
from newsgraph.store.db import Store
from newsgraph.store.engine import write_engine


@dataclass
class MergeResult:
    """What one merge did: reports newly attached, and how many merged events they made."""

    mentions: int = 0
    new_events: int = 0
    touched: set[int] = field(default_factory=set)

    def as_dict(self) -> dict[str, int]:
        return {
            "mentions": self.mentions,
            "new_events": self.new_events,
            "events_touched": len(self.touched),
        }


def merge_new_events(target: Store | Connection, article_ids: Iterable[str]) -> MergeResult:
    """Attach the not-yet-merged events of ``article_ids`` to merged events, creating
    those that do not exist. Re-running over the same articles adds nothing. Given a
    ``Store`` it runs in its own write transaction; given a ``Connection``, in the
    caller's."""
    ids = list(article_ids)
    if isinstance(target, Store):
        with write_engine(target.engine).begin() as conn:
            return _merge(conn, ids)
    return _merge(target, ids)


def merge_pending(store: Store) -> MergeResult:
    """Merge whatever stored events are not merged yet (none, usually: then it costs two
    counts). Ingest calls it first, so a store filled before merging existed catches up."""
    with store.engine.connect() as conn:
        pending = q.articles_with_unmerged_events(conn)
    return merge_new_events(store, pending) if pending else MergeResult()


def rebuild(store: Store) -> MergeResult:
    """Drop every merged event and merge all stored events again, in one transaction."""
    total = MergeResult()
    with write_engine(store.engine).begin() as conn:
        q.clear_merged(conn)
        last: str | None = None
        while page := q.article_ids_page(conn, last):
            result = _merge(conn, page)
            total.mentions += result.mentions
            total.new_events += result.new_events
            total.touched |= result.touched
            last = page[-1]
    return total


def _merge(conn: Connection, article_ids: list[str]) -> MergeResult:
    result = MergeResult()
    rows = q.unmerged_events(conn, article_ids) if article_ids else []
    if not rows:
        return result
    leads = q.lead_ends(conn, {r["article_id"] for r in rows})
    merger = _Merger(conn, rows)
    placed = [(row, merger.place(row)) for row in sorted(rows, key=_report_order)]
    real_ids = merger.flush()
    mentions = [
        {
            "article_id": row["article_id"],
            "event_seq": row["seq"],
            "merged_event_id": real_ids.get(merged_id, merged_id),
            "in_lead": row["sentence_start"] < leads.get(row["article_id"], 0),
        }
        for row, merged_id in placed
    ]
    q.insert_mentions(conn, mentions)
    touched = {m["merged_event_id"] for m in mentions}
    q.refresh_merged(conn, touched)
    result.mentions = len(mentions)
    result.new_events = len(real_ids)
    result.touched = touched
    return result


def _report_order(row: dict[str, Any]) -> tuple[str, str, str, int]:
    """Reports in date order, then publication, article and position: merging is
    deterministic whatever order the batch came in."""
    return (row.get("date") or "", row.get("published_date") or "", row["article_id"], row["seq"])


class _Merger:
    """Places a batch's reports: loads the merged events they could join in two queries,
    decides in memory (new merged events get temporary negative ids), then writes the
    new merged events in one statement."""

    def __init__(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        self.conn = conn
        self.index: dict[tuple[MergeKey, str | None], list[int]] = defaultdict(list)
        self.new_rows: list[dict[str, Any]] = []
        keys = [merge_key(r) for r in rows]
        shared = {(k.type, k.source_key, k.target_key) for k in keys if not k.scope}
        days = {d for r in rows if is_day(r.get("date")) for d in compatible_dates(r["date"]) if d}
        scopes = {k.scope for k in keys if k.scope}
        for found in q.candidate_rows(conn, shared, days=days, scopes=scopes):
            self._remember(_stored_key(found), found["date"], int(found["id"]))

    def place(self, row: dict[str, Any]) -> int:
        """The id (negative while unwritten) of the merged event ``row`` reports."""
        key, day = merge_key(row), row.get("date")
        pool = [(i, d) for d in compatible_dates(day) for i in self.index.get((key, d), [])]
        merged_id = closest(pool, day)
        if merged_id is None:
            self.new_rows.append(merged_row(row, key))
            merged_id = -len(self.new_rows)
            self._remember(key, day, merged_id)
        return merged_id

    def flush(self) -> dict[int, int]:
        """Write the new merged events; returns temporary id -> real id."""
        ids = q.insert_merged(self.conn, self.new_rows)
        return {-(n + 1): real for n, real in enumerate(ids)}

    def _remember(self, key: MergeKey, day: str | None, merged_id: int) -> None:
        self.index[(key, day)].append(merged_id)


def _stored_key(row: dict[str, Any]) -> MergeKey:
    return MergeKey(
        row["type"], row["source_key"], row["target_key"], bool(row["negated"]), row["scope"]
    )


def merged_row(row: dict[str, Any], key: MergeKey) -> dict[str, Any]:
    """A new ``merged_events`` row from its first report."""
    return {
        "type": row["type"],
        "mode": row.get("mode"),
        "cameo": row.get("cameo"),
        "source": row.get("source") or [],
        "target": row.get("target") or [],
        "source_key": key.source_key,
        "target_key": key.target_key,
        "scope": key.scope,
        "date": row.get("date"),
        "place": row.get("place"),
        "intensity": row.get("intensity"),
        "quad_class": quad_class(row["type"]),
        "negated": key.negated,
    }
