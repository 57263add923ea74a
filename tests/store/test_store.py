"""Tests for the store: migrations, batch writes, idempotency, reads, errors."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

from newsgraph.errors import Code, StoreError, UsageError
from newsgraph.records import (
    Article,
    Duplicate,
    Entity,
    Event,
    EventActor,
    Mention,
    Published,
    Quote,
    Rejected,
    Span,
    Speaker,
    TimeExpr,
)
from newsgraph.store import SCHEMA_VERSION, Store, reader, schema
from newsgraph.store.migrations import MIGRATIONS, current_version, migrate

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

TEXT = (
    "Vladimir Putin met Marine Le Pen in Moscow on Friday. "
    '"We respect France," the Kremlin leader said.'
)


def make_article(n: int = 0, *, language: str = "en", outlet: str | None = "TASS") -> Article:
    """An article with every kind of child record, distinct per ``n``."""
    body = f"{TEXT} Story {n}."

    def at(part: str) -> Mention:
        start = body.index(part)
        return Mention(start, start + len(part), part)

    name, leader, lepen_m = at("Vladimir Putin"), at("the Kremlin leader"), at("Marine Le Pen")
    putin = Entity("Q7747", "Vladimir Putin", "PERSON", "RUS", (name, leader))
    lepen = Entity("Q12927", "Marine Le Pen", "PERSON", "FRA", (lepen_m,))
    said, inner = at('"We respect France,"'), at("We respect France")
    quote = Quote(
        said.start,
        said.end,
        said.text,
        True,
        "said",
        Speaker("Q7747", "Vladimir Putin", leader.start, leader.end, leader.text),
        "2017-03-24",
    )
    unattributed = Quote(inner.start, inner.end, inner.text, False)
    day = at("on Friday")
    friday = TimeExpr(day.start, day.end, day.text, "2017-03-24", "DATE")
    meet = Event(
        "CONSULT",
        at("met"),
        Span(0, body.index(".") + 1),
        mode="visit",
        cameo="042",
        source=(EventActor("Q12927", "Marine Le Pen", "FRA", "OPP"),),
        target=(EventActor("Q7747", "Vladimir Putin", "RUS", "GOV"),),
        date="2017-03-24",
        place="Moscow",
        intensity=1.0,
    )
    return Article(
        id=f"a{n}",
        source=f"in/{n}.txt",
        text=body,
        title=f"Story {n}",
        url=f"https://x.test/{n}",
        language=language,
        outlet=outlet,
        content_hash=f"hash{n}",
        published=Published("2017-03-24", "metadata", 0.9, "meta tag"),
        entities=(putin, lepen),
        quotes=(quote, unattributed),
        times=(friday,),
        events=(meet,),
    )


@pytest.fixture
def store(db_url: str):
    with Store.open(db_url) as s:
        yield s


def counts(store: Store) -> dict[str, int]:
    return store.stats()["tables"]


# ---- opening and migrating -----------------------------------------------------------------


def test_open_creates_current_schema(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    tables = set(inspect(store.engine).get_table_names())
    assert {t.name for t in schema.metadata.sorted_tables} <= tables


def test_empty_v0_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).execute("CREATE TABLE unrelated (x INTEGER)").connection.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert current_version(conn) == 0
    engine.dispose()
    with Store.open(str(path)) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert "articles" in inspect(s.engine).get_table_names()
    with Store.open(str(path)) as s:  # opening again applies nothing and keeps one row
        assert s.stats()["tables"]["schema_version"] == SCHEMA_VERSION


def test_failing_migration_step_leaves_database_untouched(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "probe.db")) as s:
        engine = s.engine  # the SQLite engine with transactional DDL

        def create_then_fail(conn) -> None:
            conn.execute(text("CREATE TABLE half_done (x INTEGER)"))
            raise RuntimeError("step 2 broke")

        def fresh(conn) -> None:
            conn.execute(text("CREATE TABLE step_one (x INTEGER)"))

        with engine.begin() as conn:
            conn.execute(text("DROP TABLE schema_version"))
        with pytest.raises(RuntimeError), engine.begin() as conn:
            migrate(conn, [fresh, create_then_fail])
        names = set(inspect(engine).get_table_names())
        assert "half_done" not in names and "step_one" not in names
        with engine.connect() as conn:
            assert current_version(conn) == 0


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store.open(str(path)).close()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO schema_version VALUES (?, '2030-01-01 00:00:00')", (SCHEMA_VERSION + 1,)
    )
    con.commit()
    con.close()
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code is Code.DB_SCHEMA
    assert str(err.value).startswith("NG202")


def test_not_a_database_gives_ng201(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a text file, not SQLite\n" * 200)
    with pytest.raises(StoreError) as err:
        Store.open(str(path))
    assert err.value.code is Code.DB_OPEN
    assert str(err.value).startswith("NG201")
    assert "not a database" in str(err.value)


@pytest.mark.parametrize("where", ["missing/dir/x.db", "."])
def test_bad_paths_give_ng201(tmp_path: Path, where: str) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(str(tmp_path / where))
    assert err.value.code is Code.DB_OPEN


def test_bad_url_gives_ng201() -> None:
    with pytest.raises(StoreError) as err:
        Store.open("nosuchdialect://somewhere/db")
    assert err.value.code is Code.DB_OPEN


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes")
def test_unwritable_database_gives_ng201(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    Store.open(str(folder / "x.db")).close()
    folder.chmod(0o500)
    (folder / "x.db").chmod(0o400)
    try:
        with pytest.raises(StoreError) as err:
            Store.open(str(folder / "x.db"))
        assert err.value.code is Code.DB_OPEN
    finally:
        folder.chmod(0o700)


def test_read_only_database_gives_ng201(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    Store.open(str(path)).close()
    with pytest.raises(StoreError) as err:
        Store.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert err.value.code is Code.DB_OPEN
    assert "readonly" in str(err.value)


def test_schema_compiles_for_postgresql() -> None:
    dialect = postgresql.dialect()
    for table in schema.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=dialect))
        for index in table.indexes:
            assert "CREATE" in str(CreateIndex(index).compile(dialect=dialect))


def test_in_memory_store_works() -> None:
    with Store.open(":memory:") as s:
        assert s.save_batch([make_article(0)], None).added == 1
        assert [r["id"] for r in s.articles()] == ["a0"]


def test_sqlite_url_passes_through_and_pragmas_are_set(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'url.db'}") as s:
        assert s.journal_mode == "wal"
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert (tmp_path / "url.db").exists()


# ---- writing and reading back --------------------------------------------------------------


def test_batch_round_trips_to_dict(store: Store) -> None:
    run = store.begin_run("extract", {"inputs": ["in/"]})
    arts = [make_article(0), make_article(1, language="fr", outlet=None)]
    result = store.save_batch(arts, run)
    assert result.added == 2 and result.skipped == 0
    for art in arts:
        stored = store.article(art.id)
        assert stored == art.to_dict()
        spans = [m for e in stored["entities"] for m in e["mentions"]] + stored["quotes"]
        spans += stored["times"] + [e["trigger"] for e in stored["events"]]
        assert all(stored["text"][x["start"] : x["end"]] == x["text"] for x in spans)
    assert store.article("nope") is None


def test_same_batch_twice_adds_nothing(store: Store) -> None:
    run = store.begin_run("extract", {})
    batch = [make_article(0), make_article(1), Rejected("r0", "in/x.png", "NG102", "binary")]
    first = store.save_batch(batch, run)
    before = counts(store)
    second = store.save_batch(batch, store.begin_run("extract", {}))
    assert (first.added, first.rejected) == (2, 1)
    assert (second.added, second.duplicates, second.rejected, second.skipped) == (0, 0, 0, 3)
    after = counts(store)
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"
    }


def test_duplicate_record_is_kept_as_a_source(store: Store) -> None:
    art = make_article(0)
    near = Duplicate("d1", "in/copy.html", "a0", "near", 0.93, url="https://y.test/copy")
    orphan = Duplicate("d2", "in/other.html", "not-stored", "exact", 1.0)
    result = store.save_batch([art, near, near, orphan], None)
    assert (result.added, result.duplicates, result.skipped) == (1, 1, 2)
    rows = store.article_sources("a0")
    assert [(r["source"], r["duplicate_kind"], r["similarity"]) for r in rows] == [
        ("in/0.txt", None, None),
        ("in/copy.html", "near", 0.93),
    ]
    assert rows[1]["url"] == "https://y.test/copy"


def test_same_text_from_another_source_becomes_exact_duplicate(store: Store) -> None:
    store.save_batch([make_article(0)], None)
    again = make_article(0).replace(id="other-id", source="mirror/0.txt")
    result = store.save_batch([again], None)
    assert (result.added, result.duplicates) == (0, 1)
    kinds = [(r["source"], r["duplicate_kind"]) for r in store.article_sources("a0")]
    assert kinds == [("in/0.txt", None), ("mirror/0.txt", "exact")]
    assert store.article("other-id") is None


def test_rejections_are_unique_per_source_and_code(store: Store) -> None:
    r1 = Rejected("r1", "in/a.png", "NG102", "not text: binary content (PNG image)")
    r2 = Rejected("r1", "in/a.png", "NG103", "too large")
    first = store.save_batch([r1, r1, r2], None)
    second = store.save_batch([r1], None)
    assert (first.rejected, first.skipped, second.rejected) == (2, 1, 0)
    df = store.rejections_df()
    assert sorted(df["code"]) == ["NG102", "NG103"]
    assert set(df["record_id"]) == {"r1"}


def test_known_hash_and_signatures(store: Store) -> None:
    arts = [make_article(0), make_article(1)]
    store.save_batch(arts, None, minhashes={"a0": b"\x01\x02\x03"})
    assert store.known_hash("hash1") == "a1"
    assert store.known_hash("missing") is None
    assert sorted(store.signatures()) == [("a0", "hash0", b"\x01\x02\x03"), ("a1", "hash1", None)]


def test_article_without_hash_gets_one_from_its_text(store: Store) -> None:
    art = make_article(0).replace(content_hash="")
    store.save_batch([art], None)
    stored = store.article("a0")
    assert stored is not None and len(stored["content_hash"]) == 64
    assert store.save_batch([art.replace(id="a9", source="elsewhere")], None).duplicates == 1


# ---- crash safety ---------------------------------------------------------------------------


def test_failing_record_leaves_nothing_partial(store: Store) -> None:
    bad = Rejected("r", "in/bad", None, "no code")  # type: ignore[arg-type]  # NOT NULL fails
    with pytest.raises(Exception, match="(?i)not[ -]null"):
        store.save_batch([make_article(0), make_article(1), bad], None)
    assert all(n == 0 for name, n in counts(store).items() if name != "schema_version")
    with pytest.raises(TypeError):
        store.save_batch([make_article(0), "not a record"], None)  # type: ignore[list-item]
    assert counts(store)["articles"] == 0
    assert store.save_batch([make_article(0)], None).added == 1  # the store still works


def test_concurrent_writers_do_not_lock_each_other_out(db_url: str) -> None:
    path = db_url
    Store.open(path).close()
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            with Store.open(path) as s:
                for b in range(5):
                    n = worker * 100 + b
                    s.save_batch([make_article(n), make_article(n + 50)], None)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as s:
        assert counts(s)["articles"] == 40


# ---- queries, frames, stats -----------------------------------------------------------------


def test_articles_filters_limit_and_paging(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(reader, "PAGE", 2)
    arts = [make_article(n, language="en" if n % 2 else "fr") for n in range(7)]
    store.save_batch(arts, None)
    ids = [r["id"] for r in store.articles()]
    assert ids == sorted(a.id for a in arts)
    assert [r["id"] for r in store.articles(limit=3)] == ids[:3]
    assert {r["language"] for r in store.articles(language="en")} == {"en"}
    assert len(list(store.articles(language="en"))) == 3
    assert len(list(store.articles(outlet="TASS", since="2017-03-01", until="2017-03-31"))) == 7
    assert list(store.articles(until="2016-12-31")) == []
    with pytest.raises(UsageError):
        list(store.articles(colour="red"))


def test_dataframes(store: Store) -> None:
    assert list(store.quotes_df().columns) == [c.name for c in schema.quotes.c]  # empty: columns
    store.save_batch([make_article(0), make_article(1)], None)
    df = store.articles_df()
    assert isinstance(df, pd.DataFrame) and list(df["id"]) == ["a0", "a1"]
    assert set(df["outlet"]) == {"TASS"}
    quotes = store.quotes_df()
    assert len(quotes) == 4
    assert quotes["speaker_entity"].fillna("-").tolist() == ["Q7747", "-", "Q7747", "-"]
    assert len(store.times_df()) == 2 and len(store.entities_df()) == 4
    assert len(store.mentions_df()) == 6
    events = store.events_df()
    assert events.loc[0, "source"] == [
        {
            "entity": "Q12927",
            "name": "Marine Le Pen",
            "country": "FRA",
            "sector": "OPP",
            "code": None,
        }
    ]


def test_stats(store: Store) -> None:
    run = store.begin_run("extract", {"inputs": [Path("x")]})  # paths are stored as strings
    batch = [
        make_article(0),
        make_article(1, language="fr"),
        make_article(2, outlet="RFI"),
        Rejected("r", "in/r", "NG101", "empty"),
    ]
    result = store.save_batch(batch, run)
    store.finish_run(run, {"added": result.added, "rejected": result.rejected})
    stats = store.stats()
    assert stats["tables"]["articles"] == 3
    assert stats["tables"]["rejections"] == 1
    assert stats["tables"]["quotes"] == 6
    assert stats["languages"] == {"en": 2, "fr": 1}
    assert stats["outlets"] == {"TASS": 2, "RFI": 1}
    (last,) = stats["runs"]
    assert last["status"] == "ok" and last["counts"] == {"added": 3, "rejected": 1}
    assert last["args"] == {"inputs": ["x"]} and last["finished"] is not None


def test_event_confidence_column_is_added_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "v8.db"
    Store.open(str(path)).close()
    con = sqlite3.connect(path)  # back to the schema before events.confidence
    con.execute("ALTER TABLE events DROP COLUMN confidence")
    con.execute("DELETE FROM schema_version WHERE version >= 9")  # step 9 and any later
    con.commit()
    con.close()
    with Store.open(str(path)) as s:
        columns = {c["name"] for c in inspect(s.engine).get_columns("events")}
        assert "confidence" in columns and s.schema_version == SCHEMA_VERSION
