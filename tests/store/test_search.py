"""Full-text search: the index follows inserts, queries parse or fail with a coded
error, filters and facets narrow, and the PostgreSQL backend answers the same way."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from newsgraph.analyze.database import Database as Store
from newsgraph.store.migrations import MIGRATIONS, migrate
from newsgraph.store.search import (
    PostgresSearch,
    QuerySyntaxError,
    SearchFilters,
    SqliteSearch,
    quote_plain_words,
    search_backend,
)
from webdata import meeting, sample_articles, sanction

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured


@pytest.fixture
def store(db_url: str):
    with Store.open(db_url) as s:
        s.save_batch(sample_articles(), None)
        yield s


def ids(page) -> set[str]:
    return {row["id"] for row in page.rows}


def test_backend_follows_the_dialect(store: Store) -> None:
    expected = PostgresSearch if store.engine.dialect.name == "postgresql" else SqliteSearch
    assert isinstance(search_backend(store.engine), expected)


def test_index_follows_inserts(store: Store) -> None:
    backend = search_backend(store.engine)
    assert backend.search("sanctionné", SearchFilters(), 10, 0).total == 1
    assert backend.search("Berlin", SearchFilters(), 10, 0).total == 0
    late = meeting(9, "2023-01-01", "Reuters").replace(
        id="late",
        content_hash="late",
        text="Talks in Berlin ended.",
        entities=(),
        quotes=(),
        times=(),
        events=(),
    )
    store.save_batch([late], None)
    found = backend.search("Berlin", SearchFilters(), 10, 0)
    assert (ids(found), found.total) == ({"late"}, 1)


def test_words_phrases_and_stems(store: Store) -> None:
    backend = search_backend(store.engine)
    assert ids(backend.search("security Europe", SearchFilters(), 10, 0)) == {
        "meet-1",
        "meet-2",
        "meet-3",
    }
    assert backend.search('"talks were useful"', SearchFilters(), 10, 0).total == 3
    assert backend.search("meeting", SearchFilters(), 10, 0).total == 3  # stemmed: meets
    assert backend.search("Berlin", SearchFilters(), 10, 0).total == 0
    assert backend.search("talk", SearchFilters(), 10, 0).total == 3  # stemmed: talks


def test_filters_and_paging(store: Store) -> None:
    backend = search_backend(store.engine)
    everything = backend.search(None, SearchFilters(), 2, 0)
    assert everything.total == 4 and len(everything.rows) == 2
    assert everything.rows[0]["id"] == "sanction-1"  # newest first without a query
    assert ids(backend.search(None, SearchFilters(year="2021"), 10, 0)) == {"meet-3"}
    assert ids(backend.search("Macron", SearchFilters(outlet="Le Monde"), 10, 0)) == {
        "meet-2",
        "sanction-1",
    }
    window = SearchFilters(since="2022-02", until="2022-02-28")
    assert ids(backend.search(None, window, 10, 0)) == {"meet-1", "meet-2"}
    assert ids(backend.search(None, SearchFilters(actor="vladimir putin"), 10, 0)) == {
        "meet-1",
        "meet-2",
        "meet-3",
    }


def test_snippet_marks_point_at_the_match(store: Store) -> None:
    row = search_backend(store.engine).search("Moscow", SearchFilters(), 10, 0).rows[0]
    start, end = row["snippet_marks"][0]
    assert row["snippet"][start:end] == "Moscow"


def test_facets_count_the_matches(store: Store) -> None:
    facets = search_backend(store.engine).facets("Macron", SearchFilters())
    assert {f["value"]: f["count"] for f in facets["outlet"]} == {"TASS": 2, "Le Monde": 2}
    assert facets["actor"][0] == {"value": "Q3052772", "label": "Emmanuel Macron", "count": 4}


@pytest.mark.parametrize("q", ['"open', "AND", "title:(", "foo:bar", "NEAR(", "x" * 600])
def test_bad_queries_raise_a_coded_error_on_sqlite(tmp_path, q: str) -> None:
    with Store.open(str(tmp_path / "s.db")) as store:
        store.save_batch([sanction("2022-03-03")], None)
        with pytest.raises(QuerySyntaxError) as caught:
            search_backend(store.engine).search(q, SearchFilters(), 10, 0)
    assert caught.value.code.value == "NG301"


def test_plain_words_with_punctuation_become_phrases(tmp_path) -> None:
    assert quote_plain_words("de-escalation talks") == '"de-escalation" talks'
    assert quote_plain_words('title:Putin "a b" pre* NOT x') == 'title:Putin "a b" pre* NOT x'
    with Store.open(str(tmp_path / "s.db")) as store:
        store.save_batch(sample_articles(), None)
        backend = search_backend(store.engine)
        assert backend.search("Putin's", SearchFilters(), 10, 0).total >= 0
        assert backend.search("co-operation", SearchFilters(), 10, 0).total == 0


def test_migration_indexes_articles_stored_before_it(tmp_path) -> None:
    db = str(tmp_path / "old.db")
    with Store.open(db) as store:  # build at v2, then roll the index back to a v1 database
        store.save_batch([sanction("2022-03-03")], None)
        with store.engine.begin() as conn:
            for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
            conn.execute(text("DROP TABLE articles_fts"))
            conn.execute(text("DELETE FROM schema_version WHERE version >= 2"))
    with Store.open(db) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert search_backend(store.engine).search("Russie", SearchFilters(), 10, 0).total == 1
        with store.engine.begin() as conn:
            assert migrate(conn) == []


def test_a_count_over_the_cap_is_an_estimate(store: Store, monkeypatch) -> None:
    """Beyond ``COUNT_CAP`` matches nothing counts them all: the total is an estimate
    (SQLite: the density of the matches read over the whole index; PostgreSQL: the
    planner's), never below what was read, and says so."""
    from newsgraph.store import search

    backend = search_backend(store.engine)
    exact = backend.search("Macron", SearchFilters(), 10, 0)
    assert (exact.total, exact.exact) == (4, True)
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    monkeypatch.setattr(backend, "rank_window", 2)
    found = backend.search("Macron", SearchFilters(), 10, 0)
    assert not found.exact and found.total >= 3
    assert found.total_text == f"{found.total:,}"  # under 100: no "about"
    assert {r["id"] for r in found.rows} == {r["id"] for r in exact.rows}  # the page is whole


def test_snippets_of_a_ranked_page_are_each_rows_own(store: Store) -> None:
    """Snippets are read for the page's rows only (SQLite: one pass over the matches
    between the page's lowest and highest rowid): each row gets the snippet of its
    own text, whatever rows lie between them."""
    backend = search_backend(store.engine)
    page = backend.search("Putin OR sanctionné", SearchFilters(), 2, 1)
    assert len(page.rows) == 2
    for row in page.rows:
        number = row["id"].rsplit("-", 1)[1]
        if row["id"].startswith("meet"):
            assert f"(report {number})" in row["snippet"]
        start, end = row["snippet_marks"][0]
        assert row["snippet"][start:end] in ("Putin", "sanctionné")


def test_a_word_in_the_title_ranks_first(store: Store) -> None:
    """Ranking weighs the title above the text on both backends (PostgreSQL ranks by
    ``rank_doc``: the title, then the text's first 1,000 characters)."""
    backend = search_backend(store.engine)
    ranked = [row["id"] for row in backend.search("Macron", SearchFilters(), 10, 0).rows]
    assert sorted(ranked) == ["meet-1", "meet-2", "meet-3", "sanction-1"]
    assert ranked[-1] == "sanction-1"  # Macron in its text only


def _indexes(store: Store) -> dict[str, str]:
    sql = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles'"
    with store.engine.connect() as conn:
        return {str(n): str(d) for n, d in conn.execute(text(sql))}


def test_migration_puts_words_and_tags_in_one_index(store: Store) -> None:
    """Step ``_pg_search_index`` (PostgreSQL) replaces the words' and the tags' GIN
    indexes by one over both: a database rolled back before it gets that index on
    opening, loses the two, and finds what it found."""
    from newsgraph.store.migrations import SCHEMA_VERSION, _pg_search_index

    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    backend = search_backend(store.engine)
    asked = [
        ("Macron OR talks", SearchFilters()),
        ("Macron OR talks OR Russie", SearchFilters(outlet="TASS")),
    ]
    before = [sorted(r["id"] for r in backend.search(q, f, 100, 0).rows) for q, f in asked]
    assert all(before)
    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_articles_search"))
        conn.execute(text("CREATE INDEX ix_articles_search_doc ON articles USING GIN (search_doc)"))
        conn.execute(
            text("CREATE INDEX ix_articles_search_tags ON articles USING GIN (search_tags)")
        )
        step = MIGRATIONS.index(_pg_search_index) + 1
        conn.execute(text(f"DELETE FROM schema_version WHERE version >= {step}"))
    assert "ix_articles_search" not in _indexes(store)
    url = store.engine.url.render_as_string(hide_password=False)
    with Store.open(url) as again:
        assert again.schema_version == SCHEMA_VERSION
        found = _indexes(again)
        assert "gin (search_doc, search_tags)" in found["ix_articles_search"]
        assert not {"ix_articles_search_doc", "ix_articles_search_tags"} & set(found)
        backend = search_backend(again.engine)
        after = [sorted(r["id"] for r in backend.search(q, f, 100, 0).rows) for q, f in asked]
        assert after == before


def test_a_match_past_the_lead_is_marked_too(store: Store) -> None:
    """A snippet marks the words whether they are in the text's first 1,000 characters
    or further on (PostgreSQL makes the headline from the lead when ``rank_doc`` says
    the words are there, else from the first 3,000 characters)."""
    filler = "Officials met again to review the agenda of the summit. " * 25  # 1,400 chars
    for n, body in enumerate(("Zanzibar hosts the talks. " + filler, filler + "Zanzibar hosts.")):
        late = meeting(20 + n, "2023-01-0" + str(n + 1), "Reuters").replace(
            id=f"zanzibar-{n}",
            content_hash=f"zanzibar-{n}",
            text=body,
            entities=(),
            quotes=(),
            times=(),
            events=(),
        )
        store.save_batch([late], None)
    rows = search_backend(store.engine).search("Zanzibar", SearchFilters(), 10, 0).rows
    assert {row["id"] for row in rows} == {"zanzibar-0", "zanzibar-1"}
    for row in rows:
        start, end = row["snippet_marks"][0]
        assert row["snippet"][start:end] == "Zanzibar"


def test_a_query_with_a_colon_is_counted_beyond_the_cap(store: Store, monkeypatch) -> None:
    """PostgreSQL: the estimate of a count over the cap plans the query with its words
    as a parameter: a word after a colon (``Macron :talks``) was read as a bind
    parameter of a ``text()`` statement, and the search failed."""
    from newsgraph.store import search

    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: FTS5 reads the colon as a column")
    monkeypatch.setattr(search, "COUNT_CAP", 2)
    found = search_backend(store.engine).search("Macron :talks", SearchFilters(), 10, 0)
    assert not found.exact and found.total >= 3


def test_migration_indexes_the_scoped_merged_events(store: Store) -> None:
    """Step ``_merged_events_scope`` gives ``merged_events.scope`` an index, so the
    events scoped to a batch's articles are read by it: a database rolled back before
    the step gets it on opening, and (SQLite) the scoped candidates' plan uses it."""
    from newsgraph.store.events import candidate_rows
    from newsgraph.store.migrations import SCHEMA_VERSION, _merged_events_scope

    with store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_merged_events_scope"))
        step = MIGRATIONS.index(_merged_events_scope) + 1
        conn.execute(text(f"DELETE FROM schema_version WHERE version >= {step}"))
    url = store.engine.url.render_as_string(hide_password=False)
    with Store.open(url) as again:
        assert again.schema_version == SCHEMA_VERSION
        if again.engine.dialect.name == "postgresql":
            sql = "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_merged_events_scope'"
            with again.engine.connect() as conn:
                assert "(scope)" in str(conn.execute(text(sql)).scalar_one())
            return
        with again.engine.connect() as conn:
            plan = " ".join(
                str(r[-1])
                for r in conn.execute(
                    text(
                        "EXPLAIN QUERY PLAN SELECT id FROM merged_events WHERE scope IN ('a', 'b')"
                    )
                )
            )
            assert "ix_merged_events_scope" in plan, plan
            assert candidate_rows(conn, [], days=[], scopes=["no-such-article"]) == []
