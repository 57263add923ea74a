"""The Python API: everything the CLI does, as functions over plain records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.records import Record
from newsgraph.settings import Settings, default_db


def nlp_engine(
    workers: int | None = 1,
    engine: str = "local",
    address: str | None = None,
    *,
    story_vectors: bool = True,
):
    """Where the NLP stage runs: in this process (``workers=1``), a process pool, or Ray.

    The library defaults to one process (``None``: one per core, as the CLI); a pool
    uses ``spawn``, so a script that asks for ``workers > 1`` needs the usual
    ``if __name__ == "__main__":`` guard.
    """
    from newsgraph.run.engines import make_engine
    from newsgraph.run.stage import default_analyse

    # the stories' sentence vectors only for a run that stores (extract prints none)
    return make_engine(engine, workers, address, default_analyse(story_vectors=story_vectors))


def extract(
    inputs: Iterable[str] | str,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    engine: str = "local",
    address: str | None = None,
    **options: Any,
) -> Iterator[Record]:
    """Yield one record (Article, Duplicate or Rejected) per input article, in input order.

    ``options`` override Settings fields, e.g. ``allow_private=True`` or ``glob="*.html"``;
    ``workers``/``engine``/``address`` are those of ``newsgraph extract``.
    """
    from newsgraph.run.pipeline import process

    if isinstance(inputs, str):
        inputs = [inputs]
    settings = (settings or Settings()).replace(**options)
    nlp = nlp_engine(workers, engine, address, story_vectors=False)
    yield from process(inputs, settings, engine=nlp)


def open(db: str | None = None):  # noqa: A001 - mirrors sqlite3.connect / dataset.connect
    """Open (creating and migrating when needed) the store at ``db``: a
    :class:`~newsgraph.analyze.database.Database`, the store with its analyses."""
    from newsgraph.analyze.database import Database

    return Database.open(db or default_db())


def ingest(
    inputs: Iterable[str] | str,
    db: str | None = None,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    engine: str = "local",
    address: str | None = None,
    **options: Any,
):
    """Ingest ``inputs`` into ``db``; returns the run's IngestSummary."""
    from newsgraph.run.ingest import ingest as run_ingest

    if isinstance(inputs, str):
        inputs = [inputs]
    settings = (settings or Settings()).replace(**options)
    store = open(db)
    try:
        return run_ingest(inputs, store, settings, engine=nlp_engine(workers, engine, address))
    finally:
        store.close()
