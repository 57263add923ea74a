"""Ingest while serving: readers in another process see whole batches and never an error.

A third reader goes through the web app with its response cache on, which must never
answer with a count older than the last commit.

A subprocess ingests in small batches (no NLP; each batch waits a little so the run
lasts a couple of seconds) while this process reads the same database from two threads,
one holding a long-lived ``Store`` the way a server does, one opening a new ``Store`` for
every read the way a CLI command does. SQLite runs in WAL mode, so readers take no lock
a writer waits on; "database is locked" must never reach a reader.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from newsgraph.store import Store
from newsgraph.web import create_app

pytest_plugins = ["backends"]

N_ARTICLES = 120
BATCH = 5
PAUSE_S = 0.005  # between reads: a busy client, not a spin loop hogging the 2 CI cores
DRIVER = """
import sys, time
from newsgraph.run.ingest import ingest
from newsgraph.settings import Settings
from fastapi.testclient import TestClient

from newsgraph.store import Store
from newsgraph.web import create_app

def slow_identity(articles):
    time.sleep(0.03)
    return articles

with Store.open(sys.argv[1]) as store:
    ingest([sys.argv[2]], store, Settings(batch_size=int(sys.argv[3])), analyse=slow_identity)
"""


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` distinct short English articles in one JSONL file."""
    lines = []
    for i in range(n):
        words = " ".join(f"w{(i * 7919 + k * 104729) % 100003}" for k in range(30))
        body = f"Report number {i} from the council. The ministers discussed {words} today."
        lines.append(json.dumps({"id": f"c{i}", "title": f"Item {i}", "text": body}))
    path = folder / "stream.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Reader(threading.Thread):
    """Reads ``read(store)`` in a loop until stopped; keeps counts seen and errors raised."""

    def __init__(self, db: str, read: Callable[[Store], int], *, reopen: bool) -> None:
        super().__init__(daemon=True)
        self.db, self.read, self.reopen = db, read, reopen
        self.seen: list[int] = []
        self.errors: list[BaseException] = []
        self.slowest = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        store = None if self.reopen else Store.open(self.db)
        try:
            while not self.stop.wait(PAUSE_S):
                self._read_once(store)
        finally:
            if store is not None:
                store.close()

    def _read_once(self, store: Store | None) -> None:
        started = time.perf_counter()
        try:
            if store is None:
                with Store.open(self.db) as fresh:
                    self.seen.append(self.read(fresh))
            else:
                self.seen.append(self.read(store))
        except Exception as exc:  # collected: the test asserts there are none
            self.errors.append(exc)
        self.slowest = max(self.slowest, time.perf_counter() - started)


def count_from_stats(store: Store) -> int:
    return int(store.stats()["tables"]["articles"])


def count_from_frame(store: Store) -> int:
    return len(store.articles_df())


class CountFromApi:
    """The article count through the web app, whose response cache is on."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.answers: list[str] = []

    def __call__(self, _store: Store) -> int:
        answer = self.client.get("/api/stats")
        assert answer.status_code == 200, answer.text
        self.answers.append(answer.headers.get("x-cache", ""))
        return int(answer.json()["tables"]["articles"])


def test_readers_see_whole_batches_while_a_process_ingests(db_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, N_ARTICLES)
    Store.open(db_url).close()  # migrated before anyone reads
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as client:
        api = CountFromApi(client)
        readers = [
            Reader(db_url, count_from_frame, reopen=False),
            Reader(db_url, count_from_stats, reopen=True),
            Reader(db_url, api, reopen=False),
        ]
        for reader in readers:
            reader.start()
        args = [sys.executable, "-c", DRIVER, db_url, str(corpus), str(BATCH)]
        # what is read here needs no story vectors: spare the writer the sentence encoder
        # (stories are still assigned, from words; tests/analyze/test_stories.py covers it)
        env = {**os.environ, "NEWSGRAPH_STORIES_ENCODER": "false"}
        done = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
        time.sleep(0.2)  # let the readers see the final state
        for reader in readers:
            reader.stop.set()
            reader.join(timeout=30)
    assert done.returncode == 0, done.stderr[-2000:]
    # the server's cache answered some reads and still never lagged behind a commit
    assert "hit" in api.answers and "miss" in api.answers
    for reader in readers:
        assert reader.errors == [], reader.errors[:3]
        assert len(reader.seen) >= 10  # really read during the run
        assert reader.seen == sorted(reader.seen)  # never goes back
        assert all(n % BATCH == 0 for n in reader.seen)  # never half a batch
        assert reader.seen[-1] == N_ARTICLES
        assert reader.slowest < 5.0
    # somebody saw the run in progress, not just before and after
    assert any(0 < n < N_ARTICLES for r in readers for n in r.seen)


def test_sqlite_readers_do_not_block_on_an_open_write_transaction(tmp_path: Path) -> None:
    """A writer holding its transaction open does not stop a reader (WAL)."""
    db = str(tmp_path / "wal.db")
    with Store.open(db) as writer, Store.open(db) as reader:
        assert writer.journal_mode == "wal"
        from newsgraph.store.engine import write_engine

        with write_engine(writer.engine).begin() as conn:
            conn.exec_driver_sql("INSERT INTO sources (name) VALUES ('held')")
            started = time.perf_counter()
            assert reader.stats()["tables"]["sources"] == 0  # the uncommitted row is unseen
            assert time.perf_counter() - started < 1.0
        assert reader.stats()["tables"]["sources"] == 1
