"""Crash safety: an ingest killed with SIGKILL and then re-run stores every input once.

The kill is deterministic: ``$NEWSGRAPH_TEST_KILL_AFTER_BATCHES=N`` makes ``run.ingest``
SIGKILL its own process right after the N-th committed batch. The store is then checked
for whole batches only, the re-run for exactly-once results, and SQLite for integrity.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from newsgraph.run.ingest import KILL_AFTER_ENV
from newsgraph.store import Store

pytest_plugins = ["backends"]

N_ARTICLES = 60
BATCH = 5
# ingest with a small batch and no NLP (the pipeline's analyse step is the identity), so a
# run takes a second; the CLI test below runs the real thing
DRIVER = """
import sys
from newsgraph.run.ingest import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store

with Store.open(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, Settings(batch_size=int(sys.argv[3])), analyse=lambda arts: arts)
"""
WORDS = tuple(
    [
        "minister",
        "talks",
        "border",
        "trade",
        "summit",
        "treaty",
        "army",
        "court",
        "vote",
        "grain",
        "port",
        "oil",
        "gas",
        "price",
        "union",
        "strike",
        "council",
        "envoy",
        "rally",
        "harvest",
        "river",
        "bridge",
        "loan",
        "bank",
        "drought",
        "flood",
        "school",
        "hospital",
        "railway",
        "election",
        "reform",
        "protest",
        "ceasefire",
        "budget",
        "tariff",
        "embassy",
        "sanction",
    ]
)


def write_corpus(folder: Path, n: int = N_ARTICLES) -> Path:
    """One JSONL file of ``n`` short English articles with distinct texts."""
    rng = random.Random(7)
    lines = []
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(40))
        body = f"Report {i}. The {words}. Officials said the matter of item {i} was settled."
        lines.append(json.dumps({"id": f"art-{i}", "title": f"Story {i}", "text": body}))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_driver(db: str, corpus: Path, kill_after: int | None, batch: int = BATCH) -> int:
    """Run one ingest in a subprocess; its return code (-9 when it killed itself)."""
    env = {k: v for k, v in os.environ.items() if k != KILL_AFTER_ENV}
    if kill_after is not None:
        env[KILL_AFTER_ENV] = str(kill_after)
    args = [sys.executable, "-c", DRIVER, db, str(corpus), str(batch)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, -signal.SIGKILL), done.stderr[-2000:]
    return done.returncode


def table_counts(db: str) -> dict[str, int]:
    """Articles, distinct content hashes, source rows, distinct (article, source) pairs."""
    with Store.open(db) as store, store.engine.connect() as conn:
        one = lambda sql: int(conn.execute(text(sql)).scalar() or 0)  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "hashes": one("SELECT count(DISTINCT content_hash) FROM articles"),
            "sources": one("SELECT count(*) FROM article_sources"),
            "pairs": one(
                "SELECT count(*) FROM (SELECT DISTINCT article_id, source"
                " FROM article_sources) AS p"
            ),
            "unfinished": one("SELECT count(*) FROM runs WHERE finished IS NULL"),
        }


def integrity(db: str) -> str:
    """``PRAGMA integrity_check`` of a SQLite file; "ok" on PostgreSQL (the server's job)."""
    if db.startswith("postgresql"):
        return "ok"
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
    finally:
        engine.dispose()


def test_killed_twice_then_resumed_stores_each_article_once(db_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    assert run_driver(db_url, corpus, kill_after=2) == -signal.SIGKILL
    first = table_counts(db_url)
    assert first["articles"] == 2 * BATCH  # whole batches only
    assert first["unfinished"] == 1  # the killed run never recorded its end
    assert integrity(db_url) == "ok"

    # the re-run reads from the start: its first two batches are all already stored
    assert run_driver(db_url, corpus, kill_after=4) == -signal.SIGKILL
    assert table_counts(db_url)["articles"] == 4 * BATCH
    assert integrity(db_url) == "ok"

    assert run_driver(db_url, corpus, kill_after=None) == 0
    final = table_counts(db_url)
    assert final["articles"] == final["hashes"] == N_ARTICLES
    assert final["sources"] == final["pairs"] == N_ARTICLES
    assert integrity(db_url) == "ok"

    assert run_driver(db_url, corpus, kill_after=None) == 0  # a fourth run adds nothing
    assert table_counts(db_url) | {"unfinished": 0} == final | {"unfinished": 0}


def test_kill_in_the_last_partial_batch(db_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, n=23)  # batches of 5,5,5,5,3
    assert run_driver(db_url, corpus, kill_after=5) == -signal.SIGKILL  # after the last commit
    assert table_counts(db_url)["articles"] == 23
    assert run_driver(db_url, corpus, kill_after=None) == 0
    counts = table_counts(db_url)
    assert counts["articles"] == counts["sources"] == counts["pairs"] == 23


def run_cli(args: list[str], env: dict[str, str], log: Path) -> int:
    """Run ``newsgraph`` in its own session; afterwards kill whatever it left behind.

    Output goes to a file, not a pipe: NLP worker processes orphaned by a SIGKILL would
    hold a pipe open. Killing the session afterwards removes those orphans.
    """
    exe = str(Path(sys.executable).parent / "newsgraph")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [exe, *args], env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            return proc.wait(timeout=300)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)


def test_cli_ingest_killed_after_a_batch_resumes(tmp_path: Path) -> None:
    """The real ``newsgraph ingest`` (NLP included, default batch size) on SQLite."""
    from newsgraph.settings import Settings

    batch = Settings().batch_size
    corpus = write_corpus(tmp_path, n=batch + 10)
    db = str(tmp_path / "cli.db")
    args, log = ["ingest", str(corpus), "--db", db, "-q"], tmp_path / "cli.log"
    env = dict(os.environ, **{KILL_AFTER_ENV: "1"})
    assert run_cli(args, env, log) == -signal.SIGKILL, log.read_text()[-2000:]
    assert table_counts(db)["articles"] == batch
    env.pop(KILL_AFTER_ENV)
    assert run_cli(args, env, log) == 0, log.read_text()[-2000:]
    counts = table_counts(db)
    assert counts["articles"] == counts["hashes"] == counts["pairs"] == batch + 10
    assert integrity(db) == "ok"


@pytest.mark.parametrize("value", ["", "0", "x"])
def test_kill_hook_is_inert_unless_set_to_a_batch_number(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.run.ingest import ingest
    from newsgraph.settings import Settings

    monkeypatch.setenv(KILL_AFTER_ENV, value)
    corpus = write_corpus(tmp_path, n=12)
    with Store.open(str(tmp_path / "inert.db")) as store:
        summary = ingest([str(corpus)], store, Settings(batch_size=5), analyse=lambda a: a)
    assert summary.added == 12
