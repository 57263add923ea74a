"""The local process pool: same records in the same order as one process, bounded in flight."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_path
from newsgraph.errors import UsageError
from newsgraph.records import Article
from newsgraph.run.engines import make_engine
from newsgraph.run.local import IN_FLIGHT_PER_WORKER, ProcessPool
from newsgraph.run.pipeline import InProcess, process
from newsgraph.run.stage import default_analyse

WORDS = [
    "minister",
    "talks",
    "border",
    "trade",
    "council",
    "vote",
    "army",
    "river",
    "bank",
    "court",
    "energy",
    "grain",
    "port",
    "city",
    "union",
    "treaty",
    "summit",
    "rally",
    "budget",
    "strike",
    "harbour",
    "election",
]


def tag_articles(batch: list[Article]) -> list[Article]:
    """A stand-in NLP stage: sleeps a random while (so workers finish out of order) and
    writes the worker's view of the batch into the title."""
    time.sleep(random.random() * 0.05)
    return [a.replace(title=f"{a.id}:{len(batch)}") for a in batch]


def write_corpus(path: Path, n: int, *, duplicates: int = 0) -> Path:
    """``n`` distinct articles as JSONL, with a few exact duplicates and an empty record."""
    rng = random.Random(7)
    lines = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(80)) + f" Story number {i}."
        lines.append({"id": f"a{i:03d}", "text": text, "language": "en"})
    lines += [dict(lines[i], id=f"dup{i}") for i in range(duplicates)]
    lines.insert(n // 2, {"id": "empty", "text": "", "language": "en"})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def as_jsonl(records) -> list[str]:
    return [json.dumps(r.to_dict(), ensure_ascii=False) for r in records]


def test_pool_keeps_input_order_and_records(tmp_path: Path) -> None:
    corpus = [str(write_corpus(tmp_path / "c.jsonl", 60, duplicates=5))]
    one = as_jsonl(process(corpus, engine=InProcess(tag_articles), batch=4))
    pool = ProcessPool(2, tag_articles, preload=None, eager=True)
    two = as_jsonl(process(corpus, engine=pool, batch=4))
    assert pool.started
    assert two == one
    statuses = [json.loads(x)["status"] for x in one]
    assert statuses.count("ok") == 60 and statuses.count("duplicate") == 5
    assert statuses.count("rejected") == 1


def test_pool_holds_a_bounded_number_of_batches() -> None:
    pulled = 0

    def batches():
        nonlocal pulled
        for i in range(40):
            pulled += 1
            yield [Article(id=f"x{i}", source="s", text="t")]

    pool = ProcessPool(2, tag_articles, preload=None, eager=True)
    results = pool.map(batches())
    first = next(results)
    assert first[0].title == "x0:1"
    assert pulled <= IN_FLIGHT_PER_WORKER * 2 + 1  # never the whole input
    rest = list(results)
    assert [b[0].id for b in rest] == [f"x{i}" for i in range(1, 40)]


def test_single_batch_runs_in_process(tmp_path: Path) -> None:
    corpus = [str(write_corpus(tmp_path / "c.jsonl", 5))]
    pool = ProcessPool(2, tag_articles, preload=None)
    records = list(process(corpus, engine=pool))
    assert not pool.started
    assert sum(isinstance(r, Article) for r in records) == 5


def test_seeds_identical_with_one_and_two_workers() -> None:
    seeds = [str(shared_path("corpus", "seeds"))]
    one = as_jsonl(process(seeds, analyse=default_analyse(), batch=2))
    pool = ProcessPool(2, eager=True)
    two = as_jsonl(process(seeds, engine=pool, batch=2))  # three batches over two workers
    assert pool.started
    assert len(one) == 5
    assert two == one


@pytest.mark.parametrize(
    ("engine", "workers", "address"),
    [("spark", None, None), ("local", 0, None), ("local", 2, "auto")],
)
def test_bad_engine_options_are_usage_errors(engine, workers, address) -> None:
    with pytest.raises(UsageError):
        make_engine(engine, workers, address)


def test_engine_choice_by_workers() -> None:
    assert isinstance(make_engine("local", 1), InProcess)
    assert isinstance(make_engine("local", 3), ProcessPool)


def test_local_engine_never_imports_ray(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    code = (
        "import sys\nfrom newsgraph.cli.main import app\n"
        "from typer.testing import CliRunner\n"
        f"r = CliRunner().invoke(app, ['extract', '-q', '--workers', '2', {str(corpus)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert r.output.count('\\n') == 4, r.output\n"
        "print('ray' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "False"


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def test_workers_exit_when_the_driver_is_killed(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 80)
    driver = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsgraph.cli.main",
            "extract",
            str(corpus),
            "--workers",
            "2",
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = [
                p
                for p in _children(driver.pid)
                if "spawn_main" in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")
            ]
        assert workers, "the pool never started"
    finally:
        driver.kill()
        driver.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in workers):
        time.sleep(0.2)
    alive = [
        p
        for p in workers
        if Path(f"/proc/{p}").exists()
        and "Z" not in Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
    ]
    assert alive == []
