"""The pieces of a quote split by its attribution (``Quote.parts``) in the store:
migration 15 adds ``quotes.parts`` (NULL: one piece) on both backends."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from newsgraph.records import Article, Mention, Published, Quote, Speaker
from newsgraph.store import SCHEMA_VERSION, Store, migrations

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

SPLIT = "'We will go,' he said, 'and soon.'"
BODY = f"The minister spoke on Monday. {SPLIT} Nothing else was said."


def _at(body: str, words: str) -> Mention:
    start = body.index(words)
    return Mention(start, start + len(words), words)


def split_quote(body: str = BODY, first: str = "We will go,", second: str = "and soon.") -> Quote:
    """A direct quote in two pieces around its attribution, as the quote finder makes it."""
    outer = _at(body, f"'{first}' he said, '{second}'")
    he = _at(body, "he")
    return Quote(
        outer.start,
        outer.end,
        outer.text,
        True,
        "said",
        Speaker(None, None, he.start, he.end, he.text),
        parts=(_at(body, first), _at(body, second)),
    )


def article(n: int, quotes: tuple[Quote, ...], body: str = BODY) -> Article:
    return Article(
        id=f"p{n}",
        source=f"in/p{n}.txt",
        text=body,
        language="en",
        published=Published("2021-05-03", "given", 1.0),
        content_hash=f"parts-{n}",
        quotes=quotes,
    )


def test_parts_column_is_added_to_an_older_database(db_url: str) -> None:
    """A database from before step 15 gains ``quotes.parts``; the quotes stored before
    read back in one piece (NULL), new ones keep their pieces."""
    one = Quote(0, 10, BODY[:10], False)
    with Store.open(db_url) as store:
        store.save_batch([article(0, (one,))], store.begin_run("extract", {}))
    step = migrations.MIGRATIONS.index(migrations._quote_parts) + 1
    assert step == 15
    engine = create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    with engine.begin() as conn:  # back to the schema before quotes.parts
        conn.execute(text("ALTER TABLE quotes DROP COLUMN parts"))
        conn.execute(text(f"DELETE FROM schema_version WHERE version >= {step}"))
    engine.dispose()
    with Store.open(db_url) as store:
        columns = {c["name"] for c in inspect(store.engine).get_columns("quotes")}
        assert "parts" in columns and store.schema_version == SCHEMA_VERSION
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT parts FROM quotes")).all() == [(None,)]


def _both(n: int = 1) -> Article:
    """An article with a split quote and, after it, a quote in one piece."""
    tail = _at(BODY, "Nothing else was said.")
    return article(n, (split_quote(), Quote(tail.start, tail.end, tail.text, False)))


def test_parts_round_trip(db_url: str) -> None:
    """Stored and read back, a split quote keeps its pieces and a quote in one piece
    has none, as ``Article.to_dict`` has them; NULL is what one piece is stored as."""
    record = _both()
    with Store.open(db_url) as store:
        store.save_batch([record], store.begin_run("extract", {}))
        found = store.article(record.id)
        with store.engine.connect() as conn:
            stored = conn.execute(text("SELECT parts FROM quotes ORDER BY seq")).all()
    assert found == record.to_dict()
    split, whole = found["quotes"]
    assert [p["text"] for p in split["parts"]] == ["We will go,", "and soon."]
    assert "parts" not in whole
    assert stored[1] == (None,)


def test_quote_lists_carry_parts(db_url: str) -> None:
    """Every reader of quote rows gives ``parts`` (None for one piece): the Python
    API's ``find_quotes`` and ``quotes_df``, and the pages' raw ``quote_rows``."""
    from newsgraph.store.queries import quote_rows

    record = _both()
    want = [{"start": p.start, "end": p.end, "text": p.text} for p in record.quotes[0].parts]
    with Store.open(db_url) as store:
        store.save_batch([record], store.begin_run("extract", {}))
        rows = sorted(store.find_quotes(), key=lambda r: r["seq"])
        frame = store.quotes_df()
        with store.engine.connect() as conn:
            raw = quote_rows(conn, [(record.id, 0), (record.id, 1)])
    assert [r["parts"] for r in rows] == [want, None]
    assert [r["parts"] for r in raw] == [want, None]
    assert frame["parts"].tolist() == [want, None]
