"""The precision of an inferred publication date is stored (issue 13): written, read
back as ``published.granularity``, and added to a database made before it was kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from newsgraph.records import Article, Published
from newsgraph.store import SCHEMA_VERSION, Store, migrations

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured


def article(n: int, published: Published) -> Article:
    text = f"Article {n}: President Donald Trump spoke on Friday."
    return Article(
        id=f"g{n}",
        source=f"in/{n}.txt",
        text=text,
        language="en",
        published=published,
        content_hash=f"hash-{n}",
    )


def test_granularity_round_trips(db_url: str) -> None:
    year = Published("2017", "inferred", 0.95, "to the year: 'President' Donald Trump", "year")
    given = Published("2017-03-24", "given", 1.0)
    with Store.open(db_url) as store:
        run = store.begin_run("extract", {})
        store.save_batch([article(0, year), article(1, given)], run)
        inferred, plain = store.article("g0"), store.article("g1")
    assert inferred is not None and plain is not None
    assert inferred["published"]["granularity"] == "year"
    assert inferred == article(0, year).to_dict()
    assert "granularity" not in plain["published"]  # a given date has none


def test_granularity_column_is_added_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(str(path)).close()
    con = sqlite3.connect(path)  # back to the schema before articles.published_granularity
    con.execute("DROP INDEX IF EXISTS ix_articles_published_granularity")
    con.execute("ALTER TABLE articles DROP COLUMN published_granularity")
    step = migrations.MIGRATIONS.index(migrations._published_granularity) + 1
    con.execute("DELETE FROM schema_version WHERE version >= ?", (step,))  # it and any later
    con.commit()
    con.close()
    with Store.open(str(path)) as store:
        columns = {c["name"] for c in inspect(store.engine).get_columns("articles")}
        assert "published_granularity" in columns and store.schema_version == SCHEMA_VERSION
        run = store.begin_run("extract", {})
        store.save_batch([article(2, Published("2017-02", "inferred", 0.8, "x", "month"))], run)
        found = store.article("g2")
        assert found is not None and found["published"]["granularity"] == "month"
