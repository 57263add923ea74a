"""Issue 12: concurrent ingests of near-duplicates end as one run over all inputs would,
and a killed run is marked as such when the next one starts.

Near-duplicates across runs are decided in the store's transaction
(``store.writer.ConcurrentDuplicates``): a run whose duplicate index was loaded before
another run stored a near copy still finds it when it writes.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from newsgraph.run.ingest import KILL_AFTER_ENV, ingest, mark_killed_runs, this_process
from newsgraph.settings import Settings
from newsgraph.store import Store

pytest_plugins = ["backends"]

WORDS = ("minister", "talks", "border", "trade", "summit", "treaty", "army", "court", "vote")
# slow enough that two runs interleave their batches
DRIVER = """
import sys, time
from newsgraph.run.ingest import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store

def slow_identity(articles):
    time.sleep(0.05)
    return articles

with Store.open(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, Settings(batch_size=2), analyse=slow_identity)
"""


def texts(n: int, seed: int = 3) -> list[str]:
    """``n`` distinct texts of 200 words."""
    rng = random.Random(seed)
    return [f"Report {i}. " + " ".join(rng.choice(WORDS) for _ in range(200)) for i in range(n)]


def write_jsonl(path: Path, prefix: str, bodies: list[str]) -> Path:
    lines = [json.dumps({"id": f"{prefix}{i}", "text": body}) for i, body in enumerate(bodies)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def near_copies(bodies: list[str]) -> list[str]:
    """Each text with its last word changed: a near duplicate (Jaccard about 0.99)."""
    return [body.rsplit(" ", 1)[0] + " ceasefire" for body in bodies]


def state(db: str) -> dict[str, int]:
    with Store.open(db) as store, store.engine.connect() as conn:
        one = lambda sql: int(conn.execute(text(sql)).scalar() or 0)  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "sources": one("SELECT count(*) FROM article_sources"),
            "near": one("SELECT count(*) FROM article_sources WHERE duplicate_kind = 'near'"),
        }


def identity(articles):
    return articles


def test_a_near_copy_stored_meanwhile_by_another_run_is_found(db_url: str, tmp_path: Path):
    """Run B stores near copies after run A loaded its index and before A writes: A's
    articles become duplicates of B's, as in one run over both files."""
    bodies = texts(6)
    a_file = write_jsonl(tmp_path / "a.jsonl", "a", bodies)
    b_file = write_jsonl(tmp_path / "b.jsonl", "b", near_copies(bodies))
    ran_b = []

    def analyse_then_let_b_in(articles):
        if not ran_b:  # A has read and deduplicated; B runs to its end before A writes
            with Store.open(db_url) as other:
                ran_b.append(ingest([str(b_file)], other, Settings(), analyse=identity))
        return articles

    with Store.open(db_url) as store:
        summary = ingest(
            [str(a_file)], store, Settings(batch_size=4), analyse=analyse_then_let_b_in
        )
    assert ran_b[0].added == 6
    assert summary.added == 0 and summary.duplicates == 6
    assert state(db_url) == {"articles": 6, "sources": 12, "near": 6}

    single = str(tmp_path / "single.db")  # the same inputs in one run
    with Store.open(single) as store:
        ingest([str(b_file), str(a_file)], store, Settings(), analyse=identity)
    assert state(single) == state(db_url)
    with Store.open(db_url) as store:
        rows = store.article_sources("b0")
    kinds = {(r["duplicate_kind"], Path(r["source"].rsplit(":", 1)[0]).name) for r in rows}
    assert kinds == {(None, "b.jsonl"), ("near", "a.jsonl")}


def test_an_exact_copy_within_the_later_run_follows_the_article_given_up(
    db_url: str, tmp_path: Path
):
    bodies = texts(2, seed=5)
    a_file = write_jsonl(tmp_path / "a.jsonl", "a", bodies + bodies)  # a2, a3 copy a0, a1
    b_file = write_jsonl(tmp_path / "b.jsonl", "b", near_copies(bodies))
    done = []

    def analyse_then_let_b_in(articles):
        if not done:
            with Store.open(db_url) as other:
                done.append(ingest([str(b_file)], other, Settings(), analyse=identity))
        return articles

    with Store.open(db_url) as store:
        ingest([str(a_file)], store, Settings(batch_size=10), analyse=analyse_then_let_b_in)
        sources = store.article_sources("b0")
    # a0 and its copy a2 are both sources of b0, both near (as one run over b, a says)
    assert [r["duplicate_kind"] for r in sources] == [None, "near", "near"]
    assert state(db_url) == {"articles": 2, "sources": 6, "near": 4}
    single = str(tmp_path / "single.db")
    with Store.open(single) as store:
        ingest([str(b_file), str(a_file)], store, Settings(), analyse=identity)
    assert state(single) == state(db_url)


def test_two_concurrent_ingests_agree_with_one_run(db_url: str, tmp_path: Path):
    bodies = texts(16, seed=11)
    a_file = write_jsonl(tmp_path / "a.jsonl", "a", bodies)
    b_file = write_jsonl(tmp_path / "b.jsonl", "b", near_copies(bodies))
    runs = [
        subprocess.Popen([sys.executable, "-c", DRIVER, db_url, str(f)], stderr=subprocess.PIPE)
        for f in (a_file, b_file)
    ]
    for run in runs:
        _, err = run.communicate(timeout=180)
        assert run.returncode == 0, err.decode()[-2000:]
    assert state(db_url) == {"articles": 16, "sources": 32, "near": 16}
    with Store.open(db_url) as store:  # a re-run of either adds nothing
        again = ingest([str(a_file), str(b_file)], store, Settings(), analyse=identity)
    assert again.added == 0 and state(db_url)["articles"] == 16


KILLED_DRIVER = """
import sys
from newsgraph.run.ingest import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store

with Store.open(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, Settings(batch_size=2), analyse=lambda arts: arts)
"""


def runs(db: str) -> list[tuple[int, str, bool]]:
    with Store.open(db) as store, store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, status, finished FROM runs ORDER BY id"))
        return [(int(i), str(s), f is not None) for i, s, f in rows]


def test_a_killed_run_is_marked_killed_on_the_next_start(db_url: str, tmp_path: Path):
    corpus = write_jsonl(tmp_path / "c.jsonl", "c", texts(8, seed=2))
    env = {**os.environ, KILL_AFTER_ENV: "2"}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_DRIVER, db_url, str(corpus)], env=env, capture_output=True
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]
    assert runs(db_url) == [(1, "running", False)]
    with Store.open(db_url) as store:
        summary = ingest([str(corpus)], store, Settings(batch_size=2), analyse=identity)
        (counts,) = store.runs_df().query("id == 1")["counts"]
    assert runs(db_url) == [(1, "killed", True), (2, "ok", True)]
    assert counts["killed"] is True
    assert summary.added == 4  # the killed run had committed two batches of two


def test_only_runs_whose_process_is_gone_are_marked(db_url: str):
    with Store.open(db_url) as store:
        alive = store.begin_run("ingest", {"process": this_process()})
        elsewhere = store.begin_run("ingest", {"process": {"host": "not-" + socket.gethostname()}})
        reused = this_process() | {"start": -1}  # this pid, but another process's start
        gone = store.begin_run("ingest", {"process": reused})
        unknown = store.begin_run("ingest", {"inputs": []})  # from before runs kept it
        assert mark_killed_runs(store) == [gone]
        assert mark_killed_runs(store) == []
    states = {i: s for i, s, _ in runs(db_url)}
    assert states == {alive: "running", elsewhere: "running", gone: "killed", unknown: "running"}


@pytest.mark.parametrize("pid", [2**22 + 7])
def test_a_pid_no_process_holds_is_gone(db_url: str, pid: int):
    with Store.open(db_url) as store:
        run = store.begin_run("ingest", {"process": this_process() | {"pid": pid}})
        assert mark_killed_runs(store) == [run]
