"""A query with many matches on PostgreSQL is read from its newest days
(``PostgresSearch._newest``): the window is the newest matches, pages continue newest
first and together hold every match once, filters hold, and a word the newest days do
not hold falls back to the whole index. Paging is checked on both backends."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import pytest

from newsgraph.analyze.database import Database as Store
from newsgraph.store import search
from newsgraph.store.search import PostgresSearch, SearchFilters, search_backend
from webdata import meeting

pytest_plugins = ["backends"]

DAYS = 40  # one article a day; the oldest five say "archive" in their title
OLD = 5


def _articles() -> list[Any]:
    found = []
    for n in range(DAYS):
        day = (date(2020, 1, 1) + timedelta(days=n)).isoformat()
        article = meeting(n, day, "TASS" if n % 3 == 0 else "Le Monde")
        if n < OLD:
            article = article.replace(title=f"Putin meets Macron ({n}) archive")
        found.append(article)
    random.Random(7).shuffle(found)  # stored in no date order: the heap's order is not the news'
    return found


@pytest.fixture
def store(db_url: str):
    with Store.open(db_url) as s:
        s.save_batch(_articles(), None)
        yield s


def newest_first(filters: SearchFilters | None = None) -> list[str]:
    """What the stored articles are, newest first, narrowed like ``filters`` (outlet,
    since, until)."""
    filters = filters or SearchFilters()
    rows = []
    for n in range(DAYS):
        day = (date(2020, 1, 1) + timedelta(days=n)).isoformat()
        outlet = "TASS" if n % 3 == 0 else "Le Monde"
        if filters.outlet and outlet != filters.outlet:
            continue
        if filters.since and day < filters.since or filters.until and day > filters.until:
            continue
        rows.append((day, f"meet-{n}"))
    return [i for _, i in sorted(rows, reverse=True)]  # one article a day


def every_page(backend: Any, q: str, filters: SearchFilters, size: int) -> list[str]:
    found: list[str] = []
    while True:
        page = backend.search(q, filters, size, len(found))
        if not page.rows:
            return found
        found += [row["id"] for row in page.rows]


@pytest.fixture
def small_windows(monkeypatch):
    """Windows of a few matches: ranked 2, facets and the newest window 3, counts to 2."""
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(search, "FACET_WINDOW", 3)
    monkeypatch.setattr(search.SqliteSearch, "rank_window", 2)
    monkeypatch.setattr(search.PostgresSearch, "rank_window", 2)


def counted(self, conn, q, where) -> int:
    """``PostgresSearch._estimate`` as a planner that counts right (its estimate on a
    few rows is whatever its defaults give)."""
    from sqlalchemy import func, select

    stmt = self._matches(q, where, search.a.c.id).subquery()
    return int(conn.execute(select(func.count()).select_from(stmt)).scalar_one())


@pytest.mark.parametrize(
    "filters",
    [SearchFilters(), SearchFilters(outlet="TASS", since="2020-01-08", until="2020-02-02")],
)
def test_pages_hold_every_match_once(store: Store, small_windows, monkeypatch, filters) -> None:
    """Past the ranked window, pages continue (in the window's order) without repeating
    or skipping a match, on both backends and on PostgreSQL both ways of reading."""
    backend = search_backend(store.engine)
    expected = set(newest_first(filters))
    for newest_from in (0, 10**9):  # PostgreSQL: from the newest days, then the whole index
        monkeypatch.setattr(PostgresSearch, "newest_from", newest_from)
        found = every_page(backend, "talks", filters, 4)
        assert len(found) == len(set(found)) and set(found) == expected


def test_a_frequent_word_is_read_from_its_newest_days(store: Store, small_windows, monkeypatch):
    """PostgreSQL: a query expected to match more than ``newest_from`` articles reads
    its window from the fewest newest days expected to hold it (a tags overlap beside
    the words in the GIN index, not every day), so the window is the newest matches;
    equal ranks leave them newest first, and the pages after go on newest first. Its
    count is the planner's estimate. The filters hold: an outlet as a tag, dates tested
    on the days' matches."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    read: list[int] = []
    days_of = PostgresSearch._newest_in

    def spy(self, conn, q, where, tags, n):
        read.append(len(tags))
        return days_of(self, conn, q, where, tags, n)

    monkeypatch.setattr(PostgresSearch, "_newest_in", spy)
    monkeypatch.setattr(PostgresSearch, "newest_from", 0)
    monkeypatch.setattr(PostgresSearch, "_estimate", counted)
    backend = search_backend(store.engine)
    page = backend.search("talks", SearchFilters(), 4, 0)
    assert [row["id"] for row in page.rows] == newest_first()[:4]
    assert not page.exact
    assert read and read[0] < DAYS  # the newest days, not all of them
    assert every_page(backend, "talks", SearchFilters(), 4) == newest_first()
    narrow = SearchFilters(outlet="TASS", since="2020-01-08", until="2020-02-02")
    assert every_page(backend, "talks", narrow, 2) == newest_first(narrow)


def test_a_word_the_newest_days_lack_reads_the_whole_index(
    store: Store, small_windows, monkeypatch
) -> None:
    """PostgreSQL: when the newest days hold fewer matches than the window wants (the
    planner expected the word in every article; it is in the oldest only), the window
    is read from the whole index and counted exactly, as without the newest days."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    tried: list[int] = []
    days_of = PostgresSearch._newest_in

    def spy(self, conn, q, where, tags, n):
        found = days_of(self, conn, q, where, tags, n)
        tried.append(len(found))
        return found

    monkeypatch.setattr(PostgresSearch, "_newest_in", spy)
    monkeypatch.setattr(PostgresSearch, "newest_from", 0)
    monkeypatch.setattr(PostgresSearch, "_estimate", lambda *_: DAYS)
    monkeypatch.setattr(search, "COUNT_CAP", 10)
    page = search_backend(store.engine).search("archive", SearchFilters(), 10, 0)
    assert tried and max(tried) < 3  # the newest days were tried and came short
    assert (page.total, page.exact) == (OLD, True)
    assert {row["id"] for row in page.rows} == {f"meet-{n}" for n in range(OLD)}


def test_a_phrase_read_from_its_newest_days_is_checked(
    store: Store, small_windows, monkeypatch
) -> None:
    """PostgreSQL: from the newest days a phrase is read as its words and checked as a
    phrase on the candidates: the words in the phrase's order find every article (newest
    first), the same words in another order find none."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    monkeypatch.setattr(PostgresSearch, "newest_from", 0)
    monkeypatch.setattr(PostgresSearch, "_estimate", counted)
    backend = search_backend(store.engine)
    assert every_page(backend, '"talks were useful"', SearchFilters(), 4) == newest_first()
    monkeypatch.setattr(PostgresSearch, "_estimate", lambda *_: DAYS)
    monkeypatch.setattr(search, "COUNT_CAP", 10)
    wrong = backend.search('"useful talks"', SearchFilters(), 10, 0)
    assert (wrong.rows, wrong.total, wrong.exact) == ([], 0, True)


def test_a_phrase_is_loosened_only_without_negation() -> None:
    assert search._loose("'white' <-> 'hous'") == "'white' & 'hous'"
    assert search._loose("'a' <2> 'b' | 'c'") == "'a' & 'b' | 'c'"
    assert search._loose("'white' & 'hous'") is None
    assert search._loose("!( 'white' <-> 'hous' )") is None
