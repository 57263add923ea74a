"""A story's closest members are scored in full only when they can change a decision
(issue 18: ingest cost at the end of a large store within 1.5x of the start). A
member's full scoring is mostly its word norm, computed again for each article; an
upper bound of its probability (``story_cluster._pair_bound``: its sentence cosine and
day gap, actors and places at their best, the lexical cosine at most the share of the
article's word weight the member's words hold) skips the members that cannot reach the
story's own probability or the threshold. The decisions are the same."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from newsgraph.analyze import story_cluster as sc
from newsgraph.analyze.stories import default_model
from newsgraph.analyze.story_cluster import Assigner, DocFreq, Story, Window
from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch, term_counts

DAY = dt.date(2022, 6, 1).toordinal()

# invented reports: a few events, each told several ways
EVENTS = [
    (
        "Flooded tunnel closes the Marrow Valley railway",
        "Marrow Valley rail tunnel flooded after storm, trains halted",
        "Storm floods railway tunnel in Marrow Valley; repairs to take weeks",
    ),
    (
        "Lakeside council approves new bicycle bridge",
        "Bicycle bridge over Lakeside harbour wins council vote",
        "Council in Lakeside backs harbour bicycle bridge plan",
    ),
    (
        "Copper miners at Redstone strike over night shifts",
        "Redstone copper mine strike enters second week",
        "Night shift dispute: Redstone miners stay out",
    ),
    (
        "Orchard growers warn of late frost damage to apricots",
        "Late frost hits apricot orchards, growers say",
        "Apricot harvest cut by frost, orchard association warns",
    ),
]


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _reports(seed: int) -> list[Sketch]:
    """The invented reports, each event about a direction of its own (noisy), in an
    interleaved order, over a few days; one in another language's words."""
    rng = np.random.default_rng(seed)
    out = []
    for e, titles in enumerate(EVENTS):
        centre = _unit(rng.standard_normal(DIM))
        for r, title in enumerate(titles):
            vector = _unit(centre + 0.7 * _unit(rng.standard_normal(DIM)))
            day = DAY + r
            out.append(
                Sketch(
                    f"e{e}-r{r}",
                    "en" if (e + r) % 5 else "de",
                    (day, day),
                    vector,
                    term_counts(title, ""),
                    frozenset({f"Q{500 + e}"} if r % 2 else set()),
                    frozenset({f"country:{e}"}),
                )
            )
    rng.shuffle(out)
    return out


def _decisions(seed: int, bounded: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    with monkeypatch.context() as m:
        if not bounded:
            m.setattr(sc, "_pair_bound", lambda *args, **kwargs: 1.0)
        window = Window()
        assigner = Assigner(default_model(), window)
        found = []
        for sketch in _reports(seed):
            d = assigner.assign(sketch)
            found.append((d.article_id, d.story, d.probability, d.merged))
        return found


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_skipping_members_that_cannot_reach_the_floor_changes_no_decision(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same stream of invented reports, with every member scored and with the
    bound: the same stories, probabilities and merges."""
    assert _decisions(seed, True, monkeypatch) == _decisions(seed, False, monkeypatch)


def test_the_bound_is_never_below_the_pair_probability() -> None:
    """For every pair of the invented reports (same language or not, sharing words or
    not), the bound is at least what the member scored as a pair gets."""
    model = default_model()
    reports = _reports(7)
    df = DocFreq()
    for s in reports:
        df.add(s)
    window = Window(df=df)
    for a in reports:
        weighted = sc.ArticleWeights(sc._weighted(a.terms, df))
        for b in reports:
            if a is b:
                continue
            one = window.single(b)
            one.norms.clear()
            f = sc.features(a, one, df, model.window_days, weighted)
            exact = model.probability(f, not sc.lexical_possible(a, one))
            assert sc._pair_bound(model, a, b, weighted, model.window_days) >= exact


def _story(
    key: int, titles: tuple[str, ...], centre: np.ndarray, rng: np.random.Generator
) -> Story:
    story = Story(key=key, first_day=DAY, last_day=DAY + 2, sketches=[])
    for i, title in enumerate(titles):
        s = Sketch(
            f"k{key}-{i}",
            "en",
            (DAY + i, DAY + i),
            _unit(centre + 0.4 * _unit(rng.standard_normal(DIM))),
            term_counts(title, ""),
            frozenset({f"Q{700 + key}"}),
            frozenset(),
        )
        story.add(s, DAY + i)
    story.members, story.dirty = [], False
    return story


def _member_scorings(article: Sketch, story: Story, monkeypatch: pytest.MonkeyPatch) -> tuple:
    """How many feature vectors the article is scored with against a window of that
    one story, and the decision."""
    window = Window()
    window.stories[story.key] = story
    calls = {"features": 0}
    features = sc.features

    def counted(*args, **kwargs):
        calls["features"] += 1
        return features(*args, **kwargs)

    monkeypatch.setattr(sc, "features", counted)
    decision = Assigner(default_model(), window).assign(article)
    monkeypatch.setattr(sc, "features", features)
    return calls["features"], decision


def test_an_unrelated_article_scores_no_member_of_a_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'Glacier lodge opens a new ski lift' (a direction at a right angle, no word in
    common) against a story of four railway reports: the story is scored as a whole and
    none of its members (before: its three closest, each a word norm of its own); it
    opens a story of its own either way. A report of the railway story itself still
    scores members and joins."""
    rng = np.random.default_rng(3)
    centre = _unit(rng.standard_normal(DIM))
    story = _story(1, EVENTS[0] + ("Marrow Valley line: tunnel pumps fail again",), centre, rng)
    v = rng.standard_normal(DIM)
    away = _unit(v - np.dot(v, centre) * centre)
    far = Sketch(
        "far", "en", (DAY + 1, DAY + 1), away, term_counts("Glacier lodge opens a new ski lift", "")
    )
    scored, decision = _member_scorings(far, story, monkeypatch)
    assert scored == 1
    assert decision.probability is None

    story = _story(1, EVENTS[0] + ("Marrow Valley line: tunnel pumps fail again",), centre, rng)
    near = Sketch(
        "near",
        "en",
        (DAY + 2, DAY + 2),
        _unit(centre + 0.3 * _unit(rng.standard_normal(DIM))),
        term_counts("Marrow Valley railway tunnel still flooded, trains halted", ""),
        frozenset({"Q701"}),
    )
    scored, decision = _member_scorings(near, story, monkeypatch)
    assert scored > 1
    assert decision.story == 1
