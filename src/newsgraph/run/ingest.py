"""Ingest: the pipeline written to the store in batches, one transaction per batch.

Idempotent by content hash: the duplicate index is loaded from the store first, so a
second run over the same inputs adds nothing, and a run killed mid-way resumes
without duplicates (each committed batch is whole). Near-duplicates of what other runs
commit meanwhile are decided in each batch's transaction (``ConcurrentDuplicates``), so
concurrent ingests end as one run would; a run whose process was killed is marked
``killed`` when the next one starts.
"""

from __future__ import annotations

import itertools
import os
import signal
import socket
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from newsgraph.analyze.database import Database
from newsgraph.analyze.merge import merge_pending
from newsgraph.inputs.dedupe import DuplicateIndex
from newsgraph.records import Article, Duplicate, Record, Rejected
from newsgraph.run.memory import release_memory
from newsgraph.run.pipeline import Engine, Progress, process
from newsgraph.settings import Settings
from newsgraph.store import schema
from newsgraph.store.db import Store
from newsgraph.store.writer import ConcurrentDuplicates

# crash-safety tests only (tests/test_crash.py): SIGKILL this process after N committed batches
KILL_AFTER_ENV = "NEWSGRAPH_TEST_KILL_AFTER_BATCHES"
_committed = itertools.count(1)


@dataclass
class IngestSummary:
    """What one ingest run did."""

    run_id: int
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: int = 0
    codes: Counter[str] = field(default_factory=Counter)

    @property
    def read(self) -> int:
        return self.added + self.duplicates + self.skipped

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "added": self.added,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "already_stored": self.skipped,
            "rejection_codes": dict(self.codes),
        }


def load_index(store: Store, threshold: float) -> DuplicateIndex:
    """The duplicate index over everything already stored."""
    index = DuplicateIndex(threshold)
    for article_id, digest, signature in store.signatures():
        index.add_signature(article_id, digest, signature)
    return index


def batched(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    inputs: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    command: str = "ingest",
    analyse: Callable[[list[Article]], list[Article]] | None = None,
    on_record: Callable[[Record], None] | None = None,
    engine: Engine | None = None,
) -> IngestSummary:
    """Run the pipeline over ``inputs`` and store every record; returns the summary.

    ``engine`` (a process pool, Ray) runs the NLP stage instead of ``analyse`` in this
    process; either way the records reach the store here, in input order.
    """
    settings = settings or Settings()
    inputs = list(inputs)
    store = Database.over(store)  # each batch's events are merged in its transaction
    mark_killed_runs(store)
    args = {"inputs": inputs[:100], "n_inputs": len(inputs), "process": this_process()}
    run_id = store.begin_run(command, args)
    summary = IngestSummary(run_id)
    with store.engine.connect() as conn:  # before the index: what others add after it
        watermark = ConcurrentDuplicates.watermark(conn)
    index = load_index(store, settings.near_duplicate_jaccard)
    concurrent = ConcurrentDuplicates(index, watermark)
    merge_pending(store)  # events stored by a version that did not merge them yet
    status = "failed"
    try:
        records = process(
            inputs, settings, index=index, progress=progress, analyse=analyse, engine=engine
        )
        for batch in batched(records, settings.batch_size):
            release_memory()  # what the NLP stage and the encoder freed, before the writer
            _save(store, batch, run_id, summary, index, concurrent)
            if on_record:
                for record in batch:
                    on_record(record)
        status = "ok"
    finally:
        store.finish_run(run_id, summary.as_dict(), status=status)
        release_memory()  # a server's next request does not start on this run's free heap
    return summary


def _save(
    store: Store,
    batch: list[Record],
    run_id: int,
    summary: IngestSummary,
    index: DuplicateIndex,
    concurrent: ConcurrentDuplicates,
) -> None:
    minhashes = {
        r.id: sig
        for r in batch
        if isinstance(r, Article) and (sig := index.signature_of(r.id)) is not None
    }
    result = store.save_batch(batch, run_id, minhashes=minhashes, concurrent=concurrent)
    summary.added += result.added
    summary.duplicates += result.duplicates
    summary.rejected += result.rejected
    summary.skipped += result.skipped
    for record in batch:
        if isinstance(record, Rejected):
            summary.codes[record.code] += 1
    _kill_if_asked()


def this_process() -> dict[str, Any]:
    """Who runs an ingest, as its run row keeps it: host, pid and the pid's start time
    (so that a pid used again by another process is not taken for the run)."""
    return {"host": socket.gethostname(), "pid": os.getpid(), "start": _start_time(os.getpid())}


def mark_killed_runs(store: Store) -> list[int]:
    """Mark ``killed`` every run still ``running`` whose process, on this host, is gone
    (killed with SIGKILL, by the OOM killer, a power cut: it never recorded its end).
    A run of another host, or from before runs kept their process, is left as it is.
    Returns the ids marked."""
    r = schema.runs
    host = socket.gethostname()
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(r.c.id, r.c.args).where(r.c.status == "running", r.c.finished.is_(None))
        ).all()
    marked = []
    for run_id, args in rows:
        process = (args or {}).get("process") if isinstance(args, dict) else None
        if not isinstance(process, dict) or process.get("host") != host:
            continue
        pid, start = process.get("pid"), process.get("start")
        if isinstance(pid, int) and _alive(pid, start):
            continue
        note = {"killed": True, "noticed": "its process was gone when a later run started"}
        store.finish_run(int(run_id), note, status="killed")
        marked.append(int(run_id))
    return marked


def _alive(pid: int, start: Any) -> bool:
    """Whether ``pid`` runs and is the process that started at ``start`` (when known)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process holds the pid
        return start is None
    now = _start_time(pid)
    return start is None or now is None or now == start


def _start_time(pid: int) -> int | None:
    """The process's start time in clock ticks after boot (Linux ``/proc``), else None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return int(stat.read().rsplit(b")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def _kill_if_asked() -> None:
    """Die at once (SIGKILL: no cleanup) after the N-th committed batch when asked to by
    ``$NEWSGRAPH_TEST_KILL_AFTER_BATCHES=N``; a test then checks a re-run adds each input once."""
    if os.environ.get(KILL_AFTER_ENV) == str(next(_committed)):
        os.kill(os.getpid(), signal.SIGKILL)


__all__ = ["Duplicate", "IngestSummary", "ingest"]
