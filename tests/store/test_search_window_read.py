"""SQLite reads a query's window of newest matches as one row (``group_concat`` of the
FTS rowids, ``SqliteSearch._newest_keys``), not one row a match: the same rowids in
the same order, with and without a filter that stays SQL, capped, and none for a word
nothing holds."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from newsgraph.analyze.database import Database as Store
from newsgraph.store import search
from newsgraph.store.search import SearchFilters, search_backend
from webdata import meeting

DAYS = 12


@pytest.fixture
def store(tmp_path):
    articles = []
    for n in range(DAYS):
        day = (date(2021, 3, 1) + timedelta(days=n)).isoformat()
        article = meeting(n, day, "Harbour Gazette" if n % 2 else "Valley Post")
        if n % 3 == 0:
            article = article.replace(title=f"Ferry strike talks in the port ({n})")
        articles.append(article)
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as s:
        s.save_batch(articles, None)
        yield s


def _row_by_row(backend: Any, conn: Any, q: str, where: list[Any], n: int) -> list[int]:
    """The window as ``_matches`` reads it, one row a match."""
    return backend._matches(conn, q, where, "ORDER BY articles_fts.rowid DESC LIMIT ?", n)


@pytest.mark.parametrize("cap", [3, 100])
@pytest.mark.parametrize("source", [None, "fixture/meet-4.txt"])
def test_the_window_is_the_newest_matches_read_in_one_row(
    store: Store, monkeypatch, cap: int, source: str | None
) -> None:
    monkeypatch.setattr(search, "COUNT_CAP", cap)
    backend = search_backend(store.engine)
    sent: list[str] = []

    def seen(_conn, _cursor, statement, *_rest) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        with store.engine.connect() as conn:
            filters = SearchFilters(source=source)
            q, where = backend._narrowed(conn, backend._prepared("talks"), filters)
            assert bool(where) == (source is not None)  # a source filter stays SQL
            sent.clear()
            window = backend._window(conn, q, where, cap)
            reads = [s for s in sent if "MATCH" in s]
            expected = _row_by_row(backend, conn, q, where, cap + 1)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert window.keys == expected
    assert window.keys == sorted(window.keys, reverse=True)
    assert len(window.keys) == (min(cap + 1, DAYS) if source is None else 1)
    assert len(reads) == 1 and reads[0].startswith("SELECT group_concat(")


def test_a_word_nothing_holds_has_an_empty_window(store: Store) -> None:
    backend = search_backend(store.engine)
    with store.engine.connect() as conn:
        window = backend._window(conn, backend._prepared("zeppelin"), [], 10)
    assert window.keys == [] and window.total == 0 and window.exact
    page = backend.search("zeppelin", SearchFilters(), 5, 0)
    assert page.rows == [] and page.total == 0
