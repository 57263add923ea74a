"""The NLP stage on Ray: Ray Data ``map_batches`` over an actor pool holding the models.

How a run goes (``newsgraph ingest ... --engine ray [--address auto]``):

1. The driver reads, cleans and deduplicates in input order, as with the local engine,
   and spills the batches of new articles to Parquet in a temporary directory on its
   own disk (one row per batch of articles, ``PART_BATCHES`` rows per file), so its
   memory stays flat however large the corpus.
2. Ray Data reads those files (a datasource whose reads are pinned to the driver's
   node, so workers on other nodes need no shared disk) and runs ``map_batches`` over ``BatchAnalyser``
   actors: each actor loads the spaCy models once, in its constructor, and analyses
   one batch of articles per call.
3. The driver iterates the results with ``preserve_order`` and hands them back in input
   order; ``run/ingest.py`` writes them to the store, one transaction per batch.

A row is a whole batch, the same batch the local engine would analyse, so the output
is identical to ``--engine local``. Ray is imported only here, only when asked for.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from newsgraph.errors import Code, UsageError
from newsgraph.extras import require
from newsgraph.records import Article
from newsgraph.run.pipeline import Analyse
from newsgraph.run.stage import default_analyse, preload_models

PART_BATCHES = 8  # batches of articles per Parquet file (a file is a read task)
SCHEMA_FIELDS = ("seq", "articles")


class BatchAnalyser:
    """A Ray Data actor: loads the models once, then analyses a batch of articles per row."""

    def __init__(self, analyse: Analyse | None = None) -> None:
        preload_models()
        self.analyse = analyse or default_analyse()

    def __call__(self, table: Any) -> Any:
        """Rows of (seq, pickled articles) to rows of (seq, pickled analysed articles)."""
        import pyarrow as pa

        done = [
            pickle.dumps(self.analyse(pickle.loads(blob)), pickle.HIGHEST_PROTOCOL)
            for blob in table.column("articles").to_pylist()
        ]
        return pa.table({"seq": table.column("seq"), "articles": pa.array(done, pa.binary())})


def spill(batches: Iterable[list[Article]], directory: Path, per_file: int = PART_BATCHES) -> int:
    """Write the batches to Parquet files in ``directory``, in order; returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    seq = 0
    rows: list[tuple[int, bytes]] = []
    for batch in batches:
        rows.append((seq, pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)))
        seq += 1
        if len(rows) >= per_file:
            _write_part(pq, pa, rows, directory)
            rows = []
    if rows:
        _write_part(pq, pa, rows, directory)
    return seq


def _write_part(pq: Any, pa: Any, rows: list[tuple[int, bytes]], directory: Path) -> None:
    table = pa.table(
        {
            "seq": pa.array([s for s, _ in rows], pa.int64()),
            "articles": pa.array([b for _, b in rows], pa.binary()),
        }
    )
    pq.write_table(table, directory / f"part-{rows[0][0]:09d}.parquet")


def _read_part(path: str) -> Iterator[Any]:
    import pyarrow.parquet as pq

    yield pq.read_table(path)


def spill_source(files: list[str]) -> Any:
    """A Ray Data datasource over the spilled Parquet files, read on the driver's node."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class SpillSource(Datasource):
        """One read task per spilled file; never distributed (the files are local)."""

        @property
        def supports_distributed_reads(self) -> bool:
            return False

        def estimate_inmemory_data_size(self) -> int | None:
            return sum(Path(f).stat().st_size for f in files)

        def get_read_tasks(
            self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
        ) -> list[ReadTask]:
            return [
                ReadTask(
                    partial(_read_part, f),
                    BlockMetadata(
                        num_rows=None,
                        size_bytes=Path(f).stat().st_size,
                        exec_stats=None,
                        input_files=(f,),
                    ),
                    per_task_row_limit=per_task_row_limit,
                )
                for f in files
            ]

    return SpillSource()


class RayEngine:
    """An Engine on a Ray cluster (``address``), or on a local Ray started for the run."""

    def __init__(
        self, address: str | None = None, workers: int | None = None, analyse: Analyse | None = None
    ) -> None:
        if workers is not None and workers < 1:
            raise UsageError(Code.BAD_OPTION, f"--workers must be at least 1, not {workers}")
        for module in ("ray", "pyarrow"):  # spilled batches are Parquet files
            require(module, "ray", "--engine ray")
        self.address = address
        self.workers = workers
        self.analyse = analyse

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Article]]:
        with tempfile.TemporaryDirectory(prefix="newsgraph-ray-") as tmp:
            n = spill(batches, Path(tmp))
            if n == 0:
                return
            started = self._connect()
            try:
                yield from self._analysed(Path(tmp), n)
            finally:
                if started:
                    import ray

                    ray.shutdown()

    def _connect(self) -> bool:
        """Join the cluster (or start a local one); True when this run started Ray."""
        ray = require("ray", "ray", "--engine ray")
        if ray.is_initialized():
            return False
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": True}
        if self.address is None and self.workers is not None:
            options["num_cpus"] = self.workers
        try:
            ray.init(address=self.address, **options)
        except ConnectionError as exc:
            raise UsageError(
                Code.BAD_OPTION, f"cannot reach Ray at {self.address!r}: {exc}"
            ) from None
        return True

    def _pool_size(self) -> int:
        import ray

        cpus = int(ray.cluster_resources().get("CPU", 1))
        return max(1, min(self.workers or cpus, cpus))

    def _analysed(self, directory: Path, n: int) -> Iterator[list[Article]]:
        """Run the actor pool over the spilled batches; yield them back in order."""
        import ray

        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        files = sorted(str(p) for p in directory.glob("part-*.parquet"))
        # num_cpus=0: reading is cheap, and every CPU goes to the actors (else they deadlock)
        dataset = ray.data.read_datasource(spill_source(files), num_cpus=0)
        analysed = dataset.map_batches(
            BatchAnalyser,
            batch_size=1,
            batch_format="pyarrow",
            zero_copy_batch=True,
            fn_constructor_kwargs={"analyse": self.analyse},
            num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=self._pool_size()),
        )
        expected = 0
        for table in analysed.iter_batches(
            batch_size=1, batch_format="pyarrow", prefetch_batches=2
        ):
            for seq, blob in zip(
                table.column("seq").to_pylist(), table.column("articles").to_pylist(), strict=True
            ):
                if seq != expected:
                    raise RuntimeError(f"Ray returned batch {seq} where {expected} was due")
                expected += 1
                yield pickle.loads(blob)
        if expected != n:
            raise RuntimeError(f"Ray returned {expected} of {n} batches")


__all__ = ["BatchAnalyser", "RayEngine", "spill"]
