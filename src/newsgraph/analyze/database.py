"""The store with its analyses as methods: what ``newsgraph.open`` returns.

:class:`~newsgraph.store.db.Store` reads and writes records and knows nothing above
it; :class:`Database` adds the functions of ``newsgraph.analyze`` (merged events,
dyads, timelines, exports) as methods, so that a notebook needs one object::

    with newsgraph.open("news.db") as db:
        db.dyad_df("RUS", "FRA", by="month")
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from sqlalchemy import Connection

from newsgraph.analyze import merge, stories, story_view
from newsgraph.analyze import story_encoder as enc
from newsgraph.analyze.dyads import dyad_series
from newsgraph.analyze.export import export
from newsgraph.analyze.timeline import timeline
from newsgraph.records import Article, Record
from newsgraph.store import stories as story_store
from newsgraph.store.db import Store
from newsgraph.store.writer import BatchResult, ConcurrentDuplicates


class Database(Store):
    """A :class:`Store` plus merged events, dyads, timelines and exports. Saving a batch
    merges its events in the same transaction."""

    @classmethod
    def over(cls, store: Store) -> Database:
        """``store`` itself when it is a Database, else a Database over the same engine
        (closing it is the caller's business: the view does not own the engine)."""
        return store if isinstance(store, Database) else cls(store.engine, store.name)

    def save_batch(
        self,
        records: Sequence[Record],
        run_id: int | None,
        minhashes: Mapping[str, bytes] | None = None,
        *,
        merge: bool = True,
        concurrent: ConcurrentDuplicates | None = None,
    ) -> BatchResult:
        """``Store.save_batch``; with ``merge``, the batch's new articles are put into
        stories inside the transaction (``analyze.stories``), with the sentence vectors
        their records carry from the NLP stage. A record without one (made outside the
        pipeline, e.g. read back from JSON) is encoded here first, outside the write
        transaction, unless its article is already in a story."""
        records = list(records)
        if merge:
            records = self._with_vectors(records)
        return super().save_batch(records, run_id, minhashes, merge=merge, concurrent=concurrent)

    def _with_vectors(self, records: list[Record]) -> list[Record]:
        lacking = {r.id for r in records if isinstance(r, Article) and r.story_vector is None}
        if not lacking or not enc.enabled():
            return records
        with self.engine.connect() as conn:
            done = story_store.stories_of_articles(conn, lacking)
        todo = [
            r for r in records if isinstance(r, Article) and r.id in lacking and r.id not in done
        ]
        filled = {a.id: a for a in stories.attach_vectors(todo)}
        return [filled.get(r.id, r) if isinstance(r, Article) else r for r in records]

    def merge_in(self, conn: Connection, articles: Sequence[Article]) -> None:
        merge.merge_new_events(conn, [a.id for a in articles])
        todo = story_store.unassigned(conn, [a.id for a in articles])
        stories.assign(conn, stories.sketches_of([a for a in articles if a.id in todo]))

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

    def stories(
        self,
        *,
        since: str | None = None,
        actor: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stories, newest last report first (see ``analyze.story_view``)."""
        return story_view.list_stories(self, since=since, actor=actor, limit=limit, offset=offset)

    def story(self, story_id: int) -> dict[str, Any] | None:
        """One story with its reports, per-outlet table and omissions; None if unknown."""
        return story_view.story_record(self, story_id)

    def assign_pending_stories(self, batch: int = 200) -> int:
        """Put stored articles that have no story yet (stored before stories existed)
        into stories, oldest first; returns how many."""
        return stories.assign_pending(self, batch)

    def export(self, fmt: str, *, what: str | None = None, out: Any = None) -> int:
        """Write a table as jsonl, csv, parquet or gdelt (see ``analyze.export``)."""
        return export(self, fmt, what=what, out=out)
