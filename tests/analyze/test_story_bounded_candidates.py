"""Story assignment costs the same for an article whatever the size of its window
(issue 18: ingest cost at the end of a large store within 1.5x of the start): of the
first pass's ``TOP_K`` stories (mean cosine through the centroid index), the ``FULL_K``
closest in direction are scored in full, and a story's members are scored ``MEMBER_K``
at most, however many stories the window holds and however large each is."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from newsgraph.analyze import story_cluster as sc
from newsgraph.analyze.stories import default_model
from newsgraph.analyze.story_cluster import Assigner, Story, Window
from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch, term_counts

DAY = dt.date(2021, 3, 10).toordinal()


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _sketch(i: str, day: int, vector: np.ndarray, title: str, actors: tuple[str, ...]) -> Sketch:
    return Sketch(
        i, "en", (day, day), vector, term_counts(title, ""), frozenset(actors), frozenset()
    )


def _window(stories: int, members: int, rng: np.random.Generator) -> Window:
    """``stories`` stored stories of ``members`` reports each, all within days of DAY,
    each on a topic of its own (an invented title and actor, a direction)."""
    window = Window()
    for key in range(1, stories + 1):
        centre = _unit(rng.standard_normal(DIM))
        sketches = [
            _sketch(
                f"s{key}-{m}",
                DAY - 2 + m % 3,
                _unit(centre + 0.5 * _unit(rng.standard_normal(DIM))),
                f"Harbour board {key} reviews the tariff of pier {key}",
                (f"Q{1000 + key}",),
            )
            for m in range(members)
        ]
        story = Story(key=key, first_day=DAY - 2, last_day=DAY, sketches=[])
        for s in sketches:
            story.add(s, s.span[0])
        story.members, story.dirty = [], False
        window.stories[key] = story
    return window


def _scored(monkeypatch: pytest.MonkeyPatch, stories: int, members: int) -> tuple[int, int]:
    """How many stories and feature vectors one article is scored against."""
    rng = np.random.default_rng(18)
    window = _window(stories, members, rng)
    calls = {"features": 0}
    features = sc.features

    def counted(*args, **kwargs):
        calls["features"] += 1
        return features(*args, **kwargs)

    monkeypatch.setattr(sc, "features", counted)
    seen: list[int] = []
    candidates = window.candidates

    def spy(*args, **kwargs):
        found = candidates(*args, **kwargs)
        seen.append(len(found))
        return found

    window.candidates = spy  # type: ignore[method-assign]
    article = _sketch(
        "new",
        DAY,
        _unit(rng.standard_normal(DIM)),
        "Glacier lodge opens a new ski lift",
        ("Q99",),
    )
    Assigner(default_model(), window).assign(article)
    return seen[0], calls["features"]


def test_an_article_is_scored_against_as_many_stories_in_a_dense_window_as_in_a_sparse_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """30 stories in the window or 300, of 4 reports or of 40: the article is scored
    against ``FULL_K`` stories (12) and at most ``MEMBER_K`` (3) members of each.
    Before, every one of the first pass's 40 was: an article of a dense store paid
    three times what one of a young store paid (30 stories: 30, 300: 40)."""
    sparse = _scored(monkeypatch, 30, 4)
    dense = _scored(monkeypatch, 300, 4)
    large = _scored(monkeypatch, 300, 40)
    assert sparse == dense == large
    stories, features = dense
    assert stories == sc.FULL_K == 12
    assert features <= stories * (1 + sc.MEMBER_K)


def test_a_report_finds_its_story_among_hundreds_in_its_window() -> None:
    """The bound keeps the story an article belongs to: its reports are the nearest by
    sentence vector, so it stands first in the first pass among 300 others of the same
    days, and the new report joins it."""
    rng = np.random.default_rng(5)
    window = _window(300, 3, rng)
    own = window.stories[17]
    centre = _unit(own.vec_sum)
    article = _sketch(
        "again",
        DAY,
        _unit(centre + 0.3 * _unit(rng.standard_normal(DIM))),
        "Harbour board 17 reviews the tariff of pier 17",
        ("Q1017",),
    )
    decision = Assigner(default_model(), window).assign(article)
    assert decision.story == 17


def test_a_story_of_many_different_reports_is_scored_when_one_is_close() -> None:
    """A story of 20 reports pointing many ways, one of them a report of the article's
    own event, has a low mean cosine with the article (about 0.05), below 30 tight
    stories of other events (about 0.12): the first pass's order puts it 31st. In
    direction (the cosine with its centroid, about 0.2) it comes first, so it is among
    the 12 scored, and the article joins it through that member."""
    rng = np.random.default_rng(11)
    a = _unit(rng.standard_normal(DIM))

    def away() -> np.ndarray:  # a direction at a right angle to the article's
        v = rng.standard_normal(DIM)
        return _unit(v - np.dot(v, a) * a)

    window = Window()
    for key in range(1, 31):
        centre = _unit(0.12 * a + np.sqrt(1 - 0.12**2) * away())
        story = Story(key=key, first_day=DAY - 1, last_day=DAY, sketches=[])
        for m in range(3):
            title = f"Orchard cooperative {key} sells pears to market {key}"
            v = _unit(centre + 0.05 * away())
            story.add(_sketch(f"d{key}-{m}", DAY - 1, v, title, (f"Q{2000 + key}",)), DAY - 1)
        window.stories[key] = story
    wide = Story(key=99, first_day=DAY - 3, last_day=DAY, sketches=[])
    close = _unit(a + 0.3 * away())
    wide.add(
        _sketch("w0", DAY - 1, close, "Ferry to Isla Verde halted by the volcano ash", ("Q77",)),
        DAY - 1,
    )
    for m in range(1, 20):
        title = f"Isla Verde council debates topic number {m} of its budget"
        wide.add(_sketch(f"w{m}", DAY - 2, away(), title, ("Q77",)), DAY - 2)
    window.stories[99] = wide
    article = _sketch(
        "ash", DAY, _unit(a), "Volcano ash halts the Isla Verde ferry again", ("Q77",)
    )
    by_mean = sorted(window.stories, key=lambda k: -window.stories[k].mean_cosine(article.vector))
    assert by_mean.index(99) >= sc.FULL_K
    assert 99 in [s.key for s in window.candidates(article, 45, sc.TOP_K)]
    assert Assigner(default_model(), window).assign(article).story == 99
