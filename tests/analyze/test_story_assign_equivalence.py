"""The faster paths of story assignment give what the straightforward ones gave: the
blocked index's first pass (cells ranked in one pass over the day arrays) against the
loop over the cells' row sets it replaced, and the memoised idf against the formula,
through whole assignments."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

from newsgraph.analyze import story_cluster as sc
from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch

DAY0 = dt.date(2021, 3, 1).toordinal()


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def reference_nearest(
    ix: sc.CentroidIndex, vector: np.ndarray, span: tuple[int, int], window: int, k: int
) -> tuple[list[int], int]:
    """``CentroidIndex.nearest`` as it was written first: the cells' row sets read in
    order, twice as many cells each time (returns the keys and the rows probed)."""
    lo, hi = span

    def near(rows: np.ndarray) -> np.ndarray:
        live = ix.alive[rows]
        return rows[live & (ix.first[rows] - window <= hi) & (lo <= ix.last[rows] + window)]

    if ix.centres is None:
        rows = near(np.arange(len(ix.keys)))
    else:
        order: list[int] = np.argsort(-(ix.centres @ vector), kind="stable").tolist()
        parts: list[np.ndarray] = []
        found, start, step = 0, 0, sc.PROBE_CELLS
        while start < len(order) and (start == 0 or found < sc.PROBE_ROWS):
            block = order[start : start + step]
            part = near(np.fromiter((r for c in block for r in ix.cells[c]), dtype=np.int64))
            parts.append(part)
            found += len(part)
            start, step = start + step, 2 * step
        rows = np.sort(np.concatenate(parts))
    if not len(rows):
        return [], 0
    sims = (ix.sums[rows] @ vector) / ix.sizes[rows]
    top = [ix.keys[rows[i]] for i in np.argsort(-sims, kind="stable")[:k]]
    return [key for key in top if key is not None], len(rows)


def test_the_blocked_first_pass_reads_the_cells_the_loop_read():
    rng = np.random.default_rng(12)
    n = 3000
    ix = sc.CentroidIndex(blocked_from=500)
    vecs = _unit(rng.standard_normal((n + 200, DIM)))
    for key in range(n):  # stories over 400 days: most cells hold few of an article's days
        day = DAY0 + int(rng.integers(0, 400))
        ix.put(key, vecs[key] * 2, 2, day, day + int(rng.integers(0, 3)))
    ix.maybe_block()
    assert ix.centres is not None
    for key in range(0, 300, 3):  # grown, merged away, removed, opened after the cells
        ix.put(key, vecs[key] + vecs[n + key % 200], 3, DAY0 + 5, DAY0 + 9)
        ix.put(key + 1, vecs[key + 1], 1, DAY0, DAY0, alive=False)
        ix.remove(key + 2)
    for key in range(n, n + 50):
        ix.put(key, vecs[key], 1, DAY0 + 7, DAY0 + 7)
    probes = [int(p) for p in rng.integers(0, n, 150)]
    rounds = {"few": 0, "more": 0}
    for i, p in enumerate(probes):
        v = _unit(vecs[p] + 0.7 * _unit(rng.standard_normal(DIM)))
        span = (DAY0 + i * 3 % 400, DAY0 + i * 3 % 400 + (0 if i % 4 else 30))
        for window in (0, 3, 45):
            want, probed = reference_nearest(ix, v, span, window, sc.TOP_K)
            assert ix.nearest(v, span, window, sc.TOP_K) == want
            assert ix.probed == probed
            rounds["few" if probed < sc.PROBE_ROWS else "more"] += 1
    assert rounds["few"] and rounds["more"]  # both ends of the doubling were met


def test_the_idf_is_the_formula_after_articles_and_loaded_counts():
    df = sc.DocFreq(docs=10, counts={"a": 3})

    def formula(key: str) -> float:
        return math.log((df.docs + 1) / (df.counts.get(key, 0) + 1)) + 1.0

    assert df.idf("a") == formula("a") and df.idf("b") == formula("b")
    df.counts.update({"b": 7})  # loaded from the store after "b" was weighed as unseen
    assert df.idf("b") == formula("b")
    df.add(Sketch("x", "en", (DAY0, DAY0), np.zeros(DIM, np.float32), {"a": 1, "c": 2}))
    for key in ("a", "b", "c", "d"):
        assert df.idf(key) == formula(key)


class _FreshIdf:
    def __init__(self, df: sc.DocFreq) -> None:
        self.df = df

    def __getitem__(self, key: str) -> float:
        return math.log((self.df.docs + 1) / (self.df.counts.get(key, 0) + 1)) + 1.0


class _ReferenceDocFreq(sc.DocFreq):
    """Every idf computed from the counts as they are when it is asked for."""

    def idf(self, key: str) -> float:
        return _FreshIdf(self)[key]

    def table(self):  # type: ignore[no-untyped-def, override]
        return _FreshIdf(self)


class _ReferenceIndex(sc.CentroidIndex):
    def nearest(self, vector, span, window, k):  # type: ignore[no-untyped-def]
        keys, self.probed = reference_nearest(self, vector, span, window, k)
        return keys


def _stream(seed: int, events: int = 400, reports: int = 4) -> list[Sketch]:
    rng = np.random.default_rng(seed)
    centres = _unit(rng.standard_normal((events, DIM)))
    out = []
    for e in range(events):
        day = DAY0 + int(rng.integers(0, 200))
        near = (e * 7) % events
        for r in range(reports):
            v = _unit(centres[e] + rng.uniform(0.3, 1.2) * _unit(rng.standard_normal(DIM)))
            words = {f"e{e}w{j}": 1 for j in range(int(rng.integers(2, 6)))}
            words.update({f"e{near}w0": 1, "common": 2})
            out.append(
                Sketch(
                    f"a{e}-{r}",
                    "en" if r % 3 else "de",
                    (day + r, day + r),
                    v,
                    words,
                    actors=frozenset({f"Q{e}", f"Q{near}"}),
                    places=frozenset({f"country:{e % 9}"}),
                )
            )
    order = rng.permutation(len(out))
    return [out[i] for i in order]


def test_assignments_are_those_of_the_reference_paths():
    model = sc.Model(
        weights=(7.285, 4.594, 0.789, 1.547, -3.113),
        bias=-3.578,
        threshold=0.65,
        window_days=3,
        merge_threshold=0.65,
        cross_weights=(6.88, 0.0, 0.789, 1.547, -3.113),
        cross_bias=-2.695,
    )
    runs = []
    for df, index in (
        (sc.DocFreq(), sc.CentroidIndex(blocked_from=100)),
        (_ReferenceDocFreq(), _ReferenceIndex(blocked_from=100)),
    ):
        assigner = sc.Assigner(model, sc.Window(df=df, index=index))
        sketches, decisions = _stream(4), []
        for start in range(0, len(sketches), 100):  # batches: the cells are made between them
            decisions += [assigner.assign(s) for s in sketches[start : start + 100]]
            index.maybe_block()
        assert index.centres is not None  # blocked for most of the stream
        runs.append([(d.article_id, d.story, d.probability, d.merged) for d in decisions])
    assert runs[0] == runs[1]
    assert len({d[1] for d in runs[0]}) < len(runs[0])  # articles joined stories
