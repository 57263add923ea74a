"""SQLite ranks the newest ``RANK_WINDOW`` (250) matches of a query: the best of them
come first, and older matches follow newest first; every match is still on some page
once, and the count is unchanged."""

from __future__ import annotations

from newsgraph.analyze.database import Database as Store
from newsgraph.records import Article, Published
from newsgraph.store.search import SearchFilters, search_backend

WINDOW = 250  # the matches SQLite ranks (search.RANK_WINDOW)


def _note(n: int, title: str, text: str) -> Article:
    return Article(
        id=f"note-{n:04d}",
        source=f"fixture/note-{n}.txt",
        text=text,
        title=title,
        language="en",
        published=Published("2021-05-04", "given", 1.0),
        content_hash=f"hash-note-{n}",
    )


def test_the_newest_window_is_ranked_and_older_matches_follow(tmp_path) -> None:
    """The oldest stored note says "heron" in its title three times (the best BM25
    match of all); the newer ones once in a long text. It is past the newest 250
    matches, so it no longer heads the first page: it comes after the ranked window,
    as the newest of the older matches."""
    older = 5
    best = _note(0, "Heron heron heron at the lake", "A heron stood at the lake.")
    plain = "The walkers passed the lake early in the morning and saw a heron there. "
    notes = [best] + [
        _note(n, f"Walk number {n}", plain + "They went home after lunch.")
        for n in range(1, WINDOW + older + 1)
    ]
    with Store.open(str(tmp_path / "notes.db")) as store:
        store.save_batch(notes, None)
        backend = search_backend(store.engine)
        first = backend.search("heron", SearchFilters(), 20, 0)
        assert first.total == len(notes) and first.exact
        assert first.rows[0]["id"] != "note-0000"
        after = backend.search("heron", SearchFilters(), 20, WINDOW)
        # past the ranked window: the older matches, newest stored first
        assert [r["id"] for r in after.rows] == [f"note-{n:04d}" for n in range(older, -1, -1)]
        seen = []
        for offset in range(0, len(notes), 50):
            seen += [r["id"] for r in backend.search("heron", SearchFilters(), 50, offset).rows]
        assert sorted(seen) == sorted(n.id for n in notes)


FACETS = 100  # the matches facets count (search.FACET_WINDOW, both backends)


def test_facets_count_the_newest_hundred_matches(tmp_path) -> None:
    """Five older notes from one outlet, then a hundred newer from another: the search
    page's facets count the newest hundred matches only, so the older outlet is not
    among them (the total still counts every match)."""
    notes = [
        _note(n, f"Walk number {n}", "A heron stood at the lake.").replace(outlet="Old Post")
        for n in range(5)
    ] + [
        _note(n, f"Walk number {n}", "A heron flew over the lake.").replace(outlet="New Post")
        for n in range(5, 5 + FACETS)
    ]
    with Store.open(str(tmp_path / "notes.db")) as store:
        store.save_batch(notes, None)
        found, facets = search_backend(store.engine).search_with_facets(
            "heron", SearchFilters(), 20, 0
        )
        assert found.total == len(notes)
        assert [(f["value"], f["count"]) for f in facets["outlet"]] == [("New Post", FACETS)]
