"""The choice of engine for a run: in this process, a local process pool, or Ray."""

from __future__ import annotations

from newsgraph.errors import Code, UsageError
from newsgraph.run.local import ProcessPool, default_workers
from newsgraph.run.pipeline import Analyse, Engine, InProcess
from newsgraph.run.stage import default_analyse

ENGINES = ("local", "ray")


def make_engine(
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    analyse: Analyse | None = None,
) -> Engine:
    """The engine a run asked for: in process (1 worker), a process pool, or Ray."""
    if engine not in ENGINES:
        raise UsageError(
            Code.BAD_OPTION, f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}"
        )
    if engine == "ray":
        from newsgraph.run.ray_engine import RayEngine

        return RayEngine(address=address, workers=workers, analyse=analyse)
    if address is not None:
        raise UsageError(Code.BAD_OPTION, "--address only applies to --engine ray")
    n = default_workers() if workers is None else workers
    if n < 1:
        raise UsageError(Code.BAD_OPTION, f"--workers must be at least 1, not {n}")
    if n == 1:
        return InProcess(analyse or default_analyse())
    return ProcessPool(n, analyse)
