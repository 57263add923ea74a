"""The NLP stage in a local process pool.

The driver reads, cleans and deduplicates in input order (``run/pipeline.py``); only
the batches of new articles go to the workers. Each worker is a fresh ``spawn``ed
process that loads the spaCy models once, in its initializer. At most ``2 x workers``
batches are in flight, so memory stays flat however large the corpus, and results are
yielded in the order the batches were submitted, so ``--workers 4`` writes exactly
what ``--workers 1`` writes.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from newsgraph.errors import Code, UsageError
from newsgraph.records import Article
from newsgraph.run.pipeline import Analyse, InProcess
from newsgraph.run.stage import default_analyse, preload_models

IN_FLIGHT_PER_WORKER = 2
PR_SET_PDEATHSIG = 1  # linux/prctl.h

_worker_analyse: Analyse | None = None


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(analyse: Analyse, preload: Callable[[], None] | None, driver: int) -> None:
    """Pool initializer: remember the analyse function and load the models once."""
    global _worker_analyse
    _worker_analyse = analyse
    _exit_with_parent(driver)
    if preload is not None:
        preload()


def _exit_with_parent(parent: int, every_s: float = 1.0) -> None:
    """A killed driver (SIGKILL leaves no chance to stop the pool) must not leave workers
    holding models forever: each worker exits once its parent is gone. ``parent`` is the
    driver's pid as the driver saw it, in case it died before this worker started."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_s)
        os._exit(1)

    _kill_with_parent()
    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _kill_with_parent() -> None:
    """On Linux, also ask the kernel to SIGKILL this worker when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``): it works even while the worker is inside a long C call
    that keeps the watch thread from running. Elsewhere the watch thread alone does it."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return


def _run_batch(batch: list[Article]) -> list[Article]:
    """One batch in a worker."""
    if _worker_analyse is None:
        raise RuntimeError("worker used before its initializer ran")
    return _worker_analyse(batch)


class ProcessPool:
    """An Engine over ``workers`` spawned processes.

    ``eager=False`` runs a corpus of a single batch in this process instead, so a
    small ``extract`` does not pay for starting workers; the output is the same.
    """

    def __init__(
        self,
        workers: int,
        analyse: Analyse | None = None,
        *,
        preload: Callable[[], None] | None = preload_models,
        eager: bool = False,
        start_method: str = "spawn",
    ) -> None:
        if workers < 1:
            raise UsageError(Code.BAD_OPTION, f"--workers must be at least 1, not {workers}")
        self.workers = workers
        self.analyse = analyse or default_analyse()
        self.preload = preload
        self.eager = eager
        self.start_method = start_method
        self.started = False

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Article]]:
        batches = iter(batches)
        first = list(islice(batches, 2))
        if not self.eager and len(first) < 2:
            yield from InProcess(self.analyse).map(first)
            return
        yield from self._pooled(chain(first, batches))

    def _pooled(self, batches: Iterator[list[Article]]) -> Iterator[list[Article]]:
        """Submit batches while fewer than the limit are in flight; yield in order."""
        limit = IN_FLIGHT_PER_WORKER * self.workers
        context = multiprocessing.get_context(self.start_method)
        pool = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.analyse, self.preload, os.getpid()),
        )
        self.started = True
        in_flight: deque[Future[list[Article]]] = deque()
        try:
            for batch in batches:
                in_flight.append(pool.submit(_run_batch, batch))
                if len(in_flight) >= limit:
                    yield _result(in_flight.popleft())
            while in_flight:
                yield _result(in_flight.popleft())
        finally:
            for future in in_flight:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[list[Article]]) -> list[Article]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise RuntimeError(f"a worker process died (out of memory?): {exc}") from exc


__all__ = ["ProcessPool", "default_workers"]
