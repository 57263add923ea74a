"""One event from many reports (GDELT's events + mentions model).

Stored events (one per report: article, seq) are grouped into ``merged_events``: same
PLOVER type, same source and target actor sets, same negation, dates within a day
(see ``newsgraph.analyze.keys`` for who counts as the same actor and which events may
merge only inside their article). Every report stays as an ``event_mentions`` row
pointing at its article and sentence.

    merge_new_events(store, article_ids)   # after each ingest batch; cheap, idempotent
    rebuild(store)                         # everything again, from the events table
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from newsgraph.analyze.keys import MergeKey, closest, compatible_dates, merge_key
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
    counts). Readers call it so a store filled before merging existed still answers."""
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
    if not article_ids:
        return result
    rows = q.unmerged_events(conn, article_ids)
    if not rows:
        return result
    leads = q.lead_ends(conn, {r["article_id"] for r in rows})
    merger = _Merger(conn)
    mentions = []
    for row in sorted(rows, key=_report_order):
        merged_id = merger.place(row)
        mentions.append(
            {
                "article_id": row["article_id"],
                "event_seq": row["seq"],
                "merged_event_id": merged_id,
                "in_lead": row["sentence_start"] < leads.get(row["article_id"], 0),
            }
        )
    q.insert_mentions(conn, mentions)
    q.refresh_merged(conn, merger.touched)
    result.mentions = len(mentions)
    result.new_events = merger.created
    result.touched = merger.touched
    return result


def _report_order(row: dict[str, Any]) -> tuple[str, str, str, int]:
    """Reports in date order, then publication, article and position: merging is
    deterministic whatever order the batch came in."""
    return (row.get("date") or "", row.get("published_date") or "", row["article_id"], row["seq"])


class _Merger:
    """Finds or makes the merged event of each report, caching candidates per key."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.known: dict[tuple[MergeKey, str | None], list[tuple[int, str | None]]] = {}
        self.touched: set[int] = set()
        self.created = 0

    def place(self, row: dict[str, Any]) -> int:
        """The id of the merged event ``row`` reports (new when none fits)."""
        key = merge_key(row)
        pool = self._candidates(key, row.get("date"))
        merged_id = closest(pool, row.get("date"))
        if merged_id is None:
            merged_id = q.insert_merged(self.conn, merged_row(row, key))
            self.created += 1
            for dates_key in self._keys_covering(key, row.get("date")):
                self.known[dates_key].append((merged_id, row.get("date")))
        self.touched.add(merged_id)
        return merged_id

    def _candidates(self, key: MergeKey, day: str | None) -> list[tuple[int, str | None]]:
        cache_key = (key, day)
        if cache_key not in self.known:
            fields = {
                "type": key.type,
                "source_key": key.source_key,
                "target_key": key.target_key,
                "negated": key.negated,
                "scope": key.scope,
            }
            self.known[cache_key] = q.candidates(self.conn, fields, compatible_dates(day))
        return self.known[cache_key]

    def _keys_covering(self, key: MergeKey, day: str | None) -> list[tuple[MergeKey, str | None]]:
        """Cached candidate lists a new event dated ``day`` belongs in."""
        return [(key, d) for d in compatible_dates(day) if (key, d) in self.known]


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
