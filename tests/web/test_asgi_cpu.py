"""``bench/asgi_cpu.py`` (CPU per uncached answer, the app called as ASGI in process)
keeps working: every endpoint of the store bench answers 200 and gets a figure."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from webdata import build_db

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_asgi_cpu_measures_every_endpoint(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))  # asgi_cpu imports store_scale beside it
    try:
        spec = importlib.util.spec_from_file_location("asgi_cpu", BENCH / "asgi_cpu.py")
        assert spec is not None and spec.loader is not None
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
        out = bench.main(["--db", build_db(tmp_path / "news.db"), "--rounds", "1"])
    finally:
        sys.path.remove(str(BENCH))
    assert set(out["endpoints_ms"]) >= {"search_word", "article", "timeline", "stats"}
    assert all(ms > 0 for ms in out["endpoints_ms"].values())
    assert out["mean_ms"] > 0
