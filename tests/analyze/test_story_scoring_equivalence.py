"""The article-against-story scoring sums only the words both share and keeps the
article's norm (``story_cluster.ArticleWeights``), and a story's norm is summed without
building its weights: the same numbers, to the last bit, as the code it replaced (kept
here as the reference), word by word and through whole assignments."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import numpy as np
import pytest

from newsgraph.analyze import story_cluster as sc
from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch

DAY0 = dt.date(2022, 5, 1).toordinal()


def reference_lexical(
    sketch: Sketch, story: sc.Story, df: sc.DocFreq, weighted: dict[str, float] | None = None
) -> float:
    lang = sketch.language or "?"
    theirs = story.terms.get(lang)
    if not sketch.terms or not theirs:
        return 0.0
    wa = sc._weighted(sketch.terms, df) if weighted is None else weighted
    idf, tf = df.table(), sc._TF
    dot = sum(w * tf[theirs[t]] * idf[t] for t, w in wa.items() if theirs.get(t))
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in wa.values()))
    return dot / (na * reference_norm(story, lang, df))


def reference_norm(story: sc.Story, lang: str, df: sc.DocFreq) -> float:
    if lang not in story.norms:
        weights = sc._weighted(story.terms.get(lang, {}), df)
        story.norms[lang] = math.sqrt(sum(w * w for w in weights.values()))
    return story.norms[lang]


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def _words(rng: np.random.Generator, n: int, vocab: int = 300) -> dict[str, int]:
    return {f"w{int(i)}": int(rng.integers(1, 5)) for i in rng.integers(0, vocab, n)}


def test_lexical_and_norms_are_the_reference_to_the_bit():
    rng = np.random.default_rng(31)
    df = sc.DocFreq(docs=5000, counts={f"w{i}": int(rng.integers(1, 900)) for i in range(250)})
    zero = np.zeros(DIM, np.float32)
    seen = {"shared": 0, "none": 0, "zero count": 0}
    for i in range(400):
        sketch = Sketch(f"a{i}", "en" if i % 5 else "de", (DAY0, DAY0), zero, _words(rng, 40))
        story = sc.Story(key=i, first_day=DAY0, last_day=DAY0, size=3)
        story.terms = {"en": Counter(_words(rng, int(rng.integers(0, 120))))}
        if i % 7 == 0 and story.terms["en"]:  # a count of 0 kept in the counter
            story.terms["en"][next(iter(sketch.terms))] = 0
            seen["zero count"] += 1
        plain = sc._weighted(sketch.terms, df)
        want = reference_lexical(sketch, story, df, plain)
        seen["shared" if want else "none"] += 1
        for weighted in (None, plain, sc.ArticleWeights(plain)):
            story.norms.clear()
            assert sc.lexical(sketch, story, df, weighted) == want
            story.norms.clear()
            for lang in ("en", "de"):
                ref = sc.Story(key=0, first_day=DAY0, last_day=DAY0, terms=story.terms)
                assert story.norm(lang, df) == reference_norm(ref, lang, df)
        df.add(sketch)  # the idfs move between articles as in an assignment
    assert all(seen.values())


def _stream(seed: int, events: int = 300, reports: int = 5) -> list[Sketch]:
    rng = np.random.default_rng(seed)
    centres = _unit(rng.standard_normal((events, DIM)))
    out = []
    for e in range(events):
        day = DAY0 + int(rng.integers(0, 150))
        near = (e * 11) % events
        for r in range(reports):
            v = _unit(centres[e] + rng.uniform(0.3, 1.2) * _unit(rng.standard_normal(DIM)))
            words = {f"e{e}w{j}": int(rng.integers(1, 3)) for j in range(int(rng.integers(2, 9)))}
            words.update({f"e{near}w0": 1, "common": 2, f"x{int(rng.integers(0, 40))}": 1})
            out.append(
                Sketch(
                    f"a{e}-{r}",
                    "en" if r % 4 else "de",
                    (day + r, day + r),
                    v,
                    words,
                    actors=frozenset({f"Q{e}", f"Q{near}"}),
                    places=frozenset({f"country:{e % 7}"}),
                )
            )
    return [out[i] for i in rng.permutation(len(out))]


def test_assignments_are_those_of_the_reference_scoring(monkeypatch: pytest.MonkeyPatch):
    model = sc.Model(
        weights=(7.285, 4.594, 0.789, 1.547, -3.113),
        bias=-3.578,
        threshold=0.65,
        window_days=3,
        merge_threshold=0.65,
        cross_weights=(6.88, 0.0, 0.789, 1.547, -3.113),
        cross_bias=-2.695,
    )

    def run() -> list[tuple[str, int, float | None, tuple[int, ...]]]:
        assigner = sc.Assigner(model, sc.Window(index=sc.CentroidIndex(blocked_from=100)))
        sketches = _stream(8)
        decisions = []
        for start in range(0, len(sketches), 100):
            decisions += [assigner.assign(s) for s in sketches[start : start + 100]]
            assigner.window.index.maybe_block()
        return [(d.article_id, d.story, d.probability, d.merged) for d in decisions]

    fast = run()
    with monkeypatch.context() as m:
        m.setattr(sc, "lexical", reference_lexical)
        m.setattr(sc.Story, "norm", lambda self, lang, df: reference_norm(self, lang, df))
        reference = run()
    assert fast == reference
    assert len({d[1] for d in fast}) < len(fast)  # articles joined stories
    assert any(d[2] is not None and d[2] < 1.0 for d in fast)
