"""SQLite: a connection's page cache is widened once it writes (issue 18, ingest at
scale, session 18). A batch's inserts land all over the big indexes; with the default
2,000 KiB almost every leaf a batch touched was evicted before the next one, and read
again (docs/scale.md, "Session 18: ingest at scale")."""

from __future__ import annotations

from pathlib import Path

from newsgraph.store.engine import WRITER_CACHE_KIB, make_engine, write_engine


def test_a_write_transaction_has_the_writer_cache_and_reads_the_default(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "cache.db"))
    try:
        with engine.connect() as conn:  # a reader that never wrote
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -2000
        with write_engine(engine).begin() as conn:
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -WRITER_CACHE_KIB
            conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            conn.exec_driver_sql("PRAGMA cache_size = -3000")
        with write_engine(engine).begin() as conn:
            # set once per connection (the pool keeps it), not at every BEGIN
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -3000
    finally:
        engine.dispose()
    assert WRITER_CACHE_KIB >= 64 * 1024
