"""``bench/store_scale.py --ingest-into`` splits the writer's CPU by phase (rows and
aggregates, events merged, stories assigned) and counts the stories each article was
scored against: the figures issue 18's "ingest at the end within 1.5x of the start" is
read from on a shared machine, where the wall clock moves with the load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_store_scale import load_bench

from newsgraph.analyze import story_cluster
from webdata import sample_articles


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ingest_parts") / "records.jsonl"
    path.write_text("\n".join(json.dumps(a.to_dict()) for a in sample_articles()) + "\n")
    return str(path)


def test_ingest_into_reports_each_phase_cpu_and_the_stories_scored(
    source: str, tmp_path: Path
) -> None:
    bench = load_bench()
    copier = bench.Copier([bench.to_article(d) for d in bench.load_sources(source, 10)], 1)
    out = bench.ingest_into(str(tmp_path / "fresh.db"), copier, 12, 4, 1, commit=True)
    parts = out["parts_cpu_ms_per_article_median"]
    assert set(parts) == {"store", "events", "stories"}
    assert parts["store"] > 0 and parts["stories"] > 0
    run = out["reps"][0]
    assert all(len(v) == len(run["batches"]) for v in run["parts_cpu"].values())
    # the phases are parts of the batch's CPU, not more
    for i, whole in enumerate(run["cpu_batches"]):
        assert sum(v[i] for v in run["parts_cpu"].values()) == pytest.approx(whole, abs=0.05)
    assert 0 < out["candidates_per_article"] <= story_cluster.TOP_K
    assert story_cluster.Window.candidates.__name__ == "candidates"  # the count is undone
