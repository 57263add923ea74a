"""The store with its analyses as methods: what ``newsgraph.open`` returns.

:class:`~newsgraph.store.db.Store` reads and writes records and knows nothing above
it; :class:`Database` adds the functions of ``newsgraph.analyze`` (merged events,
dyads, timelines, exports) as methods, so that a notebook needs one object::

    with newsgraph.open("news.db") as db:
        db.dyad_df("RUS", "FRA", by="month")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
from sqlalchemy import Connection

from newsgraph.analyze import merge
from newsgraph.analyze.dyads import dyad_series
from newsgraph.analyze.export import export
from newsgraph.analyze.timeline import timeline
from newsgraph.store.db import Store


class Database(Store):
    """A :class:`Store` plus merged events, dyads, timelines and exports. Saving a batch
    merges its events in the same transaction."""

    @classmethod
    def over(cls, store: Store) -> Database:
        """``store`` itself when it is a Database, else a Database over the same engine
        (closing it is the caller's business: the view does not own the engine)."""
        return store if isinstance(store, Database) else cls(store.engine, store.name)

    def merge_in(self, conn: Connection, article_ids: Sequence[str]) -> None:
        merge.merge_new_events(conn, article_ids)

    def merge_events(self, article_ids: Sequence[str] | None = None) -> merge.MergeResult:
        """Merge the events of ``article_ids`` (None: every event not merged yet) into
        merged events; idempotent."""
        if article_ids is None:
            return merge.merge_pending(self)
        return merge.merge_new_events(self, article_ids)

    def rebuild_merged_events(self) -> merge.MergeResult:
        """Drop and rebuild every merged event from the events table."""
        return merge.rebuild(self)

    def dyad_df(
        self,
        a: str,
        b: str,
        *,
        by: str = "month",
        directed: bool = False,
        include_negated: bool = False,
    ) -> pd.DataFrame:
        """Merged events between two countries or actors per period and quad class."""
        return dyad_series(self, a, b, by=by, directed=directed, include_negated=include_negated)

    def timeline_df(
        self, actor: str, *, since: str | None = None, until: str | None = None
    ) -> pd.DataFrame:
        """An actor's dated events and quotes in date order, with their sources."""
        return timeline(self, actor, since=since, until=until)

    def export(self, fmt: str, *, what: str | None = None, out: Any = None) -> int:
        """Write a table as jsonl, csv, parquet or gdelt (see ``analyze.export``)."""
        return export(self, fmt, what=what, out=out)
