"""Online story clustering: each new article joins the best active story or opens one.

Pure and in memory: a :class:`Window` holds the stories active around the days being
assigned (loaded from the store by ``analyze.stories``, or empty for an experiment),
and :class:`Assigner` puts articles into it one at a time, in the order given.

An article is scored against each active story whose days lie within ``window_days``
of its own (the window is the only candidate set: no article is ever compared with
the whole store). The score is a logistic combination of

- ``use``: the mean cosine of the article's multilingual sentence vector with the
  vectors of the story's articles (any pair of languages);
- ``lex``: TF-IDF cosine of the article's title and lead words with the words of the
  story's articles in the same language (0 when the story has none in that language);
- ``actors`` / ``places``: the share of the article's canonical actors and places
  (KB ids, weighted by rarity) that the story's articles name too, each counted by the
  share of the story's articles that name it;
- ``gap``: days between the article and the story's span, over the window;

with weights fitted on dev data (``eval/stories_eval.py fit``). A story's probability
is the better of two: the article against the story as a whole (the features above) and
against the closest of its members taken alone (``MEMBER_K`` closest by vector, each
scored as a pair). The article joins the best story whose probability is at least
``threshold``; otherwise it opens a new one.

``use``, ``actors`` and ``places`` are averages over the story's members (average
linkage), read off the story's sums without keeping the members: the mean cosine is the
dot product with the sum of the (unit) member vectors over the size, and the mean
overlap counts each key by how many members name it. The weights are fitted on pairs of
articles, and for a story of one article these are the pair's features; against a
story of several they stay what the pairs measured. A centroid or a union would not: a
story whose reports differ has a centroid near the common ground of the whole stream
(for the US politics of the dev set: Obama, Congress, the White House) and a union of
many actors and places, both closer to any new article than any of its members are, so
each wrong join made the next more likely (docs/quality.md, "Stories").

The whole-story average alone made the grouping depend on the order: two reports of one
event joined when the second came while the first was alone, and missed each other when
the first had taken another report in the meantime. The closest member keeps the pair
model's question ("is this the same story as that report?") in every order; a member's
sketch comes from the store for stories stored earlier (``Window.loader``).

When an article also clears the threshold with a second story, and the two stories
compared as wholes (``story_features``: average linkage over every pair of their
members) clear ``merge_threshold``, the smaller merges into the larger: a later report
that bridges two stories joins them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsgraph.analyze.story_encoder import DIM
from newsgraph.analyze.story_sketch import Sketch

FEATURES = ("use", "lex", "actors", "places", "gap")
STORY_TERMS = 200  # most distinct words a story keeps per language
STORY_KEYS = 80  # most actors / places a story keeps


@dataclass(frozen=True)
class Model:
    """Logistic weights over ``FEATURES``, the joining threshold and the window.

    ``cross_weights`` / ``cross_bias``: a second model for comparisons where no lexical
    one is possible (the story has no words in the article's language: another
    language, or no text). There ``lex`` is missing, not 0: one model over both would
    read its absence as evidence of another story, and a threshold low enough to let
    reports in other languages join would let in same-language reports that share few
    words. Without them, the one model scores both."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    window_days: int
    merge_threshold: float
    cross_weights: tuple[float, ...] | None = None
    cross_bias: float | None = None

    def probability(self, features: np.ndarray, cross: bool = False) -> float:
        """The probability of the same story; ``cross``: no lexical comparison possible."""
        if cross and self.cross_weights is not None and self.cross_bias is not None:
            z = self.cross_bias + float(np.dot(self.cross_weights, features))
        else:
            z = self.bias + float(np.dot(self.weights, features))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


class _IdfTable(dict[str, float]):
    """``log((docs + 1) / (count + 1)) + 1`` of each key asked for, kept."""

    def __init__(self, docs: int, counts: dict[str, int]) -> None:
        super().__init__()
        self.docs, self.counts = docs, counts

    def __missing__(self, key: str) -> float:
        value = self[key] = math.log((self.docs + 1) / (self.counts.get(key, 0) + 1)) + 1.0
        return value


class _TfTable(dict[int, float]):
    """``1 + log(count)`` of each count asked for, kept."""

    def __missing__(self, count: int) -> float:
        value = self[count] = 1.0 + math.log(count)
        return value


_TF = _TfTable()


@dataclass
class DocFreq:
    """How many articles carried each word or entity id (the ``idf`` of both)."""

    docs: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    # the idfs computed since ``docs`` and the number of keys last changed (``add``
    # changes ``docs``; the store's counts are only ever added for keys not loaded
    # yet): the same numbers, computed once per article instead of once per candidate
    _table: _IdfTable | None = field(default=None, repr=False, compare=False)
    _stamp: tuple[int, int, int] = field(default=(-1, -1, -1), repr=False, compare=False)

    def idf(self, key: str) -> float:
        return self.table()[key]

    def table(self) -> _IdfTable:
        """The idf of every key by ``table[key]`` (computed when first asked for, as
        ``idf``), for the current counts: ask again after changing them."""
        stamp = (self.docs, len(self.counts), id(self.counts))
        if self._table is None or stamp != self._stamp:
            self._table, self._stamp = _IdfTable(self.docs, self.counts), stamp
        return self._table

    def add(self, sketch: Sketch) -> None:
        self.docs += 1
        for key in (*sketch.terms, *sketch.actors, *sketch.places, *sketch.names):
            self.counts[key] = self.counts.get(key, 0) + 1


@dataclass
class Story:
    """A story as assignment sees it: aggregates of its articles, nothing per article."""

    key: int  # the stored id; negative for a story opened in this run, not stored yet
    first_day: int
    last_day: int
    size: int = 0
    vec_sum: np.ndarray = field(default_factory=lambda: np.zeros(DIM, dtype=np.float32))
    terms: dict[str, Counter[str]] = field(default_factory=dict)  # language -> word counts
    actors: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)  # articles added in this run
    merged_into: int | None = None
    dirty: bool = False
    norms: dict[str, float] = field(default_factory=dict)  # cached TF-IDF norms per language
    # the sketches of its articles when known (None: a stored story whose members are not
    # loaded yet; ``Window.load_members``), for comparing an article with each member
    sketches: list[Sketch] | None = None
    _vectors: np.ndarray | None = field(default=None, repr=False)  # of ``sketches``

    def member_vectors(self) -> np.ndarray:
        """The vectors of ``sketches`` as one matrix (kept until members are added)."""
        members = self.sketches or []
        if self._vectors is None or len(self._vectors) != len(members):
            self._vectors = (
                np.stack([m.vector for m in members])
                if members
                else np.zeros((0, DIM), dtype=np.float32)
            )
        return self._vectors

    def add(self, sketch: Sketch, day: int) -> None:
        self.first_day, self.last_day = min(self.first_day, day), max(self.last_day, day)
        self.size += 1
        self.vec_sum = self.vec_sum + sketch.vector
        lang = sketch.language or "?"
        self.terms.setdefault(lang, Counter()).update(sketch.terms)
        self.actors.update(sketch.actors | sketch.names)
        self.places.update(sketch.places)
        self.members.append(sketch.id)
        if self.sketches is not None:
            self.sketches.append(sketch)
        self.dirty = True
        self.norms.pop(lang, None)

    def absorb(self, other: Story) -> None:
        self.first_day = min(self.first_day, other.first_day)
        self.last_day = max(self.last_day, other.last_day)
        self.size += other.size
        self.vec_sum = self.vec_sum + other.vec_sum
        for lang, counts in other.terms.items():
            self.terms.setdefault(lang, Counter()).update(counts)
        self.actors.update(other.actors)
        self.places.update(other.places)
        self.members.extend(other.members)
        if self.sketches is not None and other.sketches is not None:
            self.sketches.extend(other.sketches)
        other.merged_into = self.key
        self.dirty = True
        self.norms.clear()

    def trim(self) -> None:
        """Keep the most frequent words, actors and places (bounded size on disk)."""
        self.terms = {k: Counter(dict(v.most_common(STORY_TERMS))) for k, v in self.terms.items()}
        self.actors = Counter(dict(self.actors.most_common(STORY_KEYS)))
        self.places = Counter(dict(self.places.most_common(STORY_KEYS)))

    def norm(self, lang: str, df: DocFreq) -> float:
        """The TF-IDF norm of the story's words in ``lang`` (cached until it changes)."""
        if lang not in self.norms:
            # the squares of ``_weighted``'s weights summed in its order, without
            # building the dict (a member's norm is computed again for every article)
            idf, tf = df.table(), _TF
            self.norms[lang] = math.sqrt(
                sum((w := tf[c] * idf[t]) * w for t, c in self.terms.get(lang, {}).items() if c > 0)
            )
        return self.norms[lang]

    def mean_cosine(self, vector: np.ndarray) -> float:
        """The mean cosine of a unit vector with the story's member vectors (all unit,
        or zero without the encoder): their sum's dot product over the size."""
        return float(np.dot(vector, self.vec_sum)) / max(self.size, 1)

    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vec_sum))
        return self.vec_sum / norm if norm else self.vec_sum


def _weighted(counts: dict[str, int] | Counter[str], df: DocFreq) -> dict[str, float]:
    idf, tf = df.table(), _TF
    return {t: tf[c] * idf[t] for t, c in counts.items() if c > 0}


class ArticleWeights(dict[str, float]):
    """An article's TF-IDF weights (``_weighted``), computed once and compared with every
    candidate story, with what ``lexical`` needs of them kept: their norm and each
    word's position (the shared words are summed in the order of the weights)."""

    def __init__(self, weights: dict[str, float]) -> None:
        super().__init__(weights)
        self.norm = math.sqrt(sum(w * w for w in self.values()))
        self.position = {t: i for i, t in enumerate(self)}


def lexical(
    sketch: Sketch, story: Story, df: DocFreq, weighted: dict[str, float] | None = None
) -> float:
    """TF-IDF cosine of the article's words with the story's words in its language (0
    when either has none). ``weighted``: the article's TF-IDF weights when the caller
    has them already (the same for every candidate story)."""
    lang = sketch.language or "?"
    theirs = story.terms.get(lang)
    if not sketch.terms or not theirs:
        return 0.0
    wa = _weighted(sketch.terms, df) if weighted is None else weighted
    shared = wa.keys() & theirs.keys()
    if not shared:
        return 0.0
    # the shared words in the order of ``wa``: the same sum, term by term, as over all
    # of ``wa`` skipping the words the story lacks
    if isinstance(wa, ArticleWeights):
        order: list[str] = sorted(shared, key=wa.position.__getitem__)
    else:
        order = [t for t in wa if t in shared]
    idf, tf = df.table(), _TF
    dot = sum(wa[t] * tf[theirs[t]] * idf[t] for t in order if theirs[t])
    if not dot:
        return 0.0
    na = wa.norm if isinstance(wa, ArticleWeights) else math.sqrt(sum(w * w for w in wa.values()))
    return dot / (na * story.norm(lang, df))


def lexical_possible(sketch: Sketch, story: Story) -> bool:
    """Whether the article's words can be compared with the story's: it has words and
    the story has words in its language (``Model.probability``'s ``cross`` is the
    opposite)."""
    return bool(sketch.terms) and bool(story.terms.get(sketch.language or "?"))


def overlap(keys: Iterable[str], other: Counter[str], df: DocFreq, size: int = 1) -> float:
    """The idf-weighted share of ``keys`` that ``other`` holds too, each key counted by
    the share of the ``size`` members that name it (``other`` counts members per key):
    the mean over the members of the share each of them holds."""
    total = shared = 0.0
    size = max(size, 1)
    idf = df.table()
    for key in keys:
        w = idf[key]
        total += w
        n = other.get(key, 0)
        if n:
            shared += w * min(1.0, n / size)
    return shared / total if total else 0.0


def gap_days(span: tuple[int, int], story: Story) -> int:
    """Days between the article's span and the story's (0 when they overlap)."""
    return span_gap(span, (story.first_day, story.last_day))


def span_gap(span: tuple[int, int], other: tuple[int, int]) -> int:
    """Days between two spans of days (0 when they overlap)."""
    (lo, hi), (first, last) = span, other
    if hi < first:
        return first - hi
    if lo > last:
        return lo - last
    return 0


def nearest_day(span: tuple[int, int], story: Story) -> int:
    """The day of ``span`` closest to the story's span (where the article is placed)."""
    lo, hi = span
    return min(max(story.last_day, lo), hi) if hi >= story.first_day else hi


def features(
    sketch: Sketch,
    story: Story,
    df: DocFreq,
    window: int,
    weighted: dict[str, float] | None = None,
) -> np.ndarray:
    """The feature vector (``FEATURES`` order) of an article against a story."""
    use = story.mean_cosine(sketch.vector)
    lex = lexical(sketch, story, df, weighted)
    actors = overlap(sketch.actors | sketch.names, story.actors, df, story.size)
    places = overlap(sketch.places, story.places, df, story.size)
    gap = min(gap_days(sketch.span, story), window) / max(window, 1)
    return np.array([use, lex, actors, places, gap], dtype=np.float64)


def _story_lexical(a: Story, b: Story, df: DocFreq) -> tuple[float, bool]:
    """TF-IDF cosine of two stories' words in the language they share most words in
    (each story's word counts as it keeps them), and whether they share a language."""
    langs = [lang for lang in a.terms if a.terms[lang] and b.terms.get(lang)]
    if not langs:
        return 0.0, False
    lang = max(langs, key=lambda k: (sum(a.terms[k].values()) + sum(b.terms[k].values()), k))
    wa, wb = _weighted(a.terms[lang], df), _weighted(b.terms[lang], df)
    dot = sum(w * wb[t] for t, w in wa.items() if t in wb)
    if not dot:
        return 0.0, True
    na = math.sqrt(sum(w * w for w in wa.values()))
    nb = math.sqrt(sum(w * w for w in wb.values()))
    return dot / (na * nb), True


def _mean_overlap(a: Counter[str], a_size: int, b: Counter[str], b_size: int, df: DocFreq) -> float:
    """``overlap`` of a story's keys with another's, over the first story's members: each
    key weighted by its idf and the share of the first story's members that name it,
    held by the share of the second's members that name it."""
    total = shared = 0.0
    for key, n in a.items():
        w = df.idf(key) * min(1.0, n / max(a_size, 1))
        total += w
        m = b.get(key, 0)
        if m:
            shared += w * min(1.0, m / max(b_size, 1))
    return shared / total if total else 0.0


def story_features(a: Story, b: Story, df: DocFreq, window: int) -> tuple[np.ndarray, bool]:
    """The features of two stories compared as wholes, by average linkage as an
    article is compared with a story (``features``): ``use`` is the mean cosine over
    every pair of their members (the dot product of the two vector sums over both
    sizes); ``actors`` and ``places`` the mean of both directions of the member-weighted
    overlap; ``lex`` the cosine of their words in the language they share most; ``gap``
    the days between their spans. Returns the features and ``cross`` (no common
    language: the cross model scores them). For two stories of one article each these
    are the pair's features (up to ``actors`` being averaged both ways)."""
    use = float(np.dot(a.vec_sum, b.vec_sum)) / (max(a.size, 1) * max(b.size, 1))
    lex, common = _story_lexical(a, b, df)
    actors = (
        _mean_overlap(a.actors, a.size, b.actors, b.size, df)
        + _mean_overlap(b.actors, b.size, a.actors, a.size, df)
    ) / 2
    places = (
        _mean_overlap(a.places, a.size, b.places, b.size, df)
        + _mean_overlap(b.places, b.size, a.places, a.size, df)
    ) / 2
    gap = min(gap_days((a.first_day, a.last_day), b), window) / max(window, 1)
    return np.array([use, lex, actors, places, gap], dtype=np.float64), not common


def _pair_bound(
    model: Model,
    sketch: Sketch,
    member: Sketch,
    weighted: dict[str, float] | None,
    window: int,
) -> float:
    """An upper bound of ``model``'s probability for the article and one member taken
    alone (``features`` against a story of that member), without the member's word norm:
    ``use`` and ``gap`` as they are, ``actors`` and ``places`` at their best (1, or 0
    for a negative weight), and ``lex`` at most ``sqrt(sum of the article's squared
    weights over the words both have) / the article's norm`` (Cauchy-Schwarz: the dot
    product over the shared words is at most the article's part of it times the whole
    member's norm). Rounding is allowed for (``BOUND_SLACK``). 1.0 (no bound) when the
    article's weights are not given."""
    if weighted is None:
        return 1.0
    lang = sketch.language or "?"
    same = bool(sketch.terms) and bool(member.terms) and (member.language or "?") == lang
    cross = not same
    if cross and model.cross_weights is not None and model.cross_bias is not None:
        weights, z = model.cross_weights, model.cross_bias
    else:
        weights, z = model.weights, model.bias
    lex = 0.0
    if same:
        shared = [t for t in member.terms if member.terms[t] > 0 and t in weighted]
        norm = weighted.norm if isinstance(weighted, ArticleWeights) else None
        if norm is None:
            norm = math.sqrt(sum(x * x for x in weighted.values()))
        part = math.sqrt(sum(weighted[t] * weighted[t] for t in shared))
        lex = min(1.0, part / norm) if norm > 0 else 0.0
    gap = min(span_gap(sketch.span, member.span), window) / max(window, 1)
    exact = {"use": float(np.dot(sketch.vector, member.vector)), "gap": gap}
    shares = {"lex": lex, "actors": 1.0, "places": 1.0}  # each at least 0, at most this
    for name, weight in zip(FEATURES, weights, strict=True):
        z += weight * exact[name] if name in exact else max(weight * shares[name], 0.0)
    z += BOUND_SLACK
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


# what ``_pair_bound`` adds to its logit for the rounding of the exact scoring's sums
BOUND_SLACK = 1e-6


class CentroidIndex:
    """The window's stories' vector sums as one matrix, with their sizes and day spans,
    kept up to date as stories open, grow and merge: the first pass of an assignment
    (the mean cosine with each story's members, ``use``) is a matrix-vector product and
    a mask over the day arrays, instead of a Python loop over the stories.

    With ``blocked_from`` live stories or more the index is **blocked** (an inverted
    file over the stories' directions): the rows are put in about sqrt(n) cells by
    k-means over their unit vector sums, and an article's first pass scores only the
    rows of the ``PROBE_CELLS`` cells whose centres are closest to its vector (more
    cells, in order, while they hold fewer than ``PROBE_ROWS`` stories of the article's
    days). Its cost is then the cells, one vectorised mask over the day arrays (which
    rows are of the article's days, and their cells' ranks) and the rows scored (about
    ``PROBE_CELLS`` x sqrt(n) when the index holds the article's days), not a product
    over the window. The stories that can clear the threshold are close to the article by vector
    and sit in the cells nearest it; the far end of the 40 (mean cosines near zero,
    which never join) may differ from an exhaustive pass.

    ``analyze.stories`` keeps one index per store across batches: ``begin`` starts a
    journal of the rows a batch changes, ``rollback`` puts them back (the batch's
    transaction did not commit), ``commit`` forgets it."""

    def __init__(self, blocked_from: int | None = None) -> None:
        self.keys: list[int | None] = []  # None: a free row
        self.rows: dict[int, int] = {}
        self.sums = np.zeros((0, DIM), dtype=np.float32)  # vec_sum of each story
        self.sizes = np.zeros(0, dtype=np.float32)
        self.first = np.zeros(0, dtype=np.int64)
        self.last = np.zeros(0, dtype=np.int64)
        self.alive = np.zeros(0, dtype=bool)
        self.blocked_from = BLOCKED_FROM if blocked_from is None else blocked_from
        self.centres: np.ndarray | None = None  # unit cell centres (blocked)
        self.cell = np.zeros(0, dtype=np.int32)  # each row's cell (-1: none)
        self.cells: list[set[int]] = []
        self.built_at = 0  # live rows when the cells were made
        self.free: list[int] = []
        self.journal: dict[int, tuple[Any, ...] | None] | None = None
        self.probed = 0  # rows scored by the last ``nearest`` (for tests and benches)
        self.probed_total = 0

    def __len__(self) -> int:
        return len(self.rows)

    def sync(self, stories: dict[int, Story]) -> None:
        """Add the stories the index has not seen (put in the window directly)."""
        if len(self.rows) != len(stories):
            for story in stories.values():
                if story.key not in self.rows:
                    self.update(story)

    def update(self, story: Story) -> None:
        self.put(
            story.key,
            story.vec_sum,
            story.size,
            story.first_day,
            story.last_day,
            story.merged_into is None,
        )

    def put(
        self, key: int, vec_sum: np.ndarray, size: int, first: int, last: int, alive: bool = True
    ) -> None:
        """Add or change the row of story ``key``."""
        self._note(key)
        row = self.rows.get(key)
        if row is None:
            if self.free:
                row = self.free.pop()
            else:
                row = len(self.keys)
                if row == len(self.sums):
                    self._grow(max(64, row + row // 2))
                self.keys.append(None)
            self.rows[key] = row
            self.keys[row] = key
            self.cell[row] = -1
        self.sums[row] = vec_sum
        self.sizes[row] = max(size, 1)
        self.first[row], self.last[row] = first, last
        self.alive[row] = alive
        if alive:
            self._place(row)
        else:
            self._unplace(row)

    def remove(self, key: int) -> None:
        """Forget story ``key`` (evicted, or opened by a batch that did not commit)."""
        self._note(key)
        row = self.rows.pop(key, None)
        if row is None:
            return
        self._unplace(row)
        self.keys[row] = None
        self.alive[row] = False
        self.free.append(row)

    def rekey(self, old: int, new: int) -> None:
        """Story ``old`` (a key of this batch) is stored as ``new``."""
        if old == new or old not in self.rows:
            return
        values = self._values(self.rows[old])
        self.remove(old)
        self.put(new, *values)

    def evict(self, before_day: int) -> int:
        """Forget the stories whose last day is before ``before_day``; returns how many."""
        gone = [k for k, r in self.rows.items() if self.last[r] < before_day or not self.alive[r]]
        for key in gone:
            self.remove(key)
        return len(gone)

    # ---- the journal of one batch ----

    def begin(self) -> None:
        self.journal = {}

    def commit(self) -> None:
        self.journal = None
        self.maybe_block()

    def rollback(self) -> None:
        journal, self.journal = self.journal or {}, None
        for key, before in journal.items():
            if before is None:
                self.remove(key)
            else:
                self.put(key, *before)

    def _note(self, key: int) -> None:
        if self.journal is None or key in self.journal:
            return
        row = self.rows.get(key)
        self.journal[key] = None if row is None else self._values(row)

    def _values(self, row: int) -> tuple[np.ndarray, int, int, int, bool]:
        """Row ``row`` as ``put``'s arguments after the key (a copy)."""
        return (
            self.sums[row].copy(),
            int(self.sizes[row]),
            int(self.first[row]),
            int(self.last[row]),
            bool(self.alive[row]),
        )

    # ---- blocks ----

    def maybe_block(self) -> None:
        """Make the cells when the index reaches ``blocked_from`` live rows, and again
        when it has doubled or halved since; drop them below it."""
        live = len(self.rows)
        if live < self.blocked_from:
            if self.centres is not None:
                self.centres, self.cells = None, []
                self.cell[:] = -1
            return
        if self.centres is None or live > 2 * self.built_at or 2 * live < self.built_at:
            self._block()

    def _block(self, iterations: int = 6, sample: int = 20_000) -> None:
        rows = np.fromiter(self.rows.values(), dtype=np.int64)
        dirs = _unit_rows(self.sums[rows])
        n_cells = max(16, int(math.sqrt(len(rows))))
        rng = np.random.default_rng(len(rows))
        pick = rows if len(rows) <= sample else rng.choice(rows, sample, replace=False)
        train = _unit_rows(self.sums[pick])
        centres = train[rng.choice(len(train), n_cells, replace=False)]
        for _ in range(iterations):  # spherical k-means
            nearest = np.argmax(train @ centres.T, axis=1)
            sums = np.zeros_like(centres)
            np.add.at(sums, nearest, train)
            empty = ~sums.any(axis=1)
            sums[empty] = centres[empty]
            centres = _unit_rows(sums)
        self.centres = centres.astype(np.float32)
        self.cells = [set() for _ in range(n_cells)]
        self.cell[:] = -1
        for row, c in zip(
            rows.tolist(), np.argmax(dirs @ self.centres.T, axis=1).tolist(), strict=True
        ):
            self.cell[row] = c
            self.cells[c].add(row)
        self.built_at = len(rows)

    def _place(self, row: int) -> None:
        if self.centres is None:
            return
        self._unplace(row)
        c = int(np.argmax(self.centres @ self.sums[row]))
        self.cell[row] = c
        self.cells[c].add(row)

    def _unplace(self, row: int) -> None:
        c = int(self.cell[row]) if row < len(self.cell) else -1
        if c >= 0 and self.cells:
            self.cells[c].discard(row)
        if row < len(self.cell):
            self.cell[row] = -1

    def _grow(self, size: int) -> None:
        n = len(self.sums)
        for name in ("sums", "sizes", "first", "last", "alive", "cell"):
            old = getattr(self, name)
            new = np.zeros((size, *old.shape[1:]), dtype=old.dtype)
            new[:n] = old
            if name == "cell":
                new[n:] = -1
            setattr(self, name, new)

    def nearest(self, vector: np.ndarray, span: tuple[int, int], window: int, k: int) -> list[int]:
        """The keys of the ``k`` live stories within ``window`` days of ``span`` whose
        members are closest to ``vector`` on average (``Story.mean_cosine``; ties: row
        order); blocked, among the rows of the cells nearest ``vector``."""
        lo, hi = span

        def near(rows: np.ndarray) -> np.ndarray:
            live = self.alive[rows]
            return rows[live & (self.first[rows] - window <= hi) & (lo <= self.last[rows] + window)]

        if self.centres is None:
            rows = near(np.arange(len(self.keys)))
        else:
            # the nearest cells first; more (twice as many each time) while they hold
            # fewer than ``PROBE_ROWS`` stories of the article's days (the index may
            # hold other days: a cell's stories are of any day). One pass over the
            # day arrays: each live row of the article's days has the rank of its cell
            # in that order, and the cells read are the first ``end`` ranks
            order = np.argsort(-(self.centres @ vector), kind="stable")
            rank = np.empty(len(order), dtype=np.int64)
            rank[order] = np.arange(len(order))
            days = near(np.arange(len(self.keys)))
            cells = self.cell[days]
            placed = cells >= 0
            days, ranks = days[placed], rank[cells[placed]]
            end = step = PROBE_CELLS
            while end < len(order) and np.count_nonzero(ranks < end) < PROBE_ROWS:
                step *= 2
                end += step
            rows = days[ranks < end]
        self.probed = len(rows)
        self.probed_total += len(rows)
        if not len(rows):
            return []
        sims = (self.sums[rows] @ vector) / self.sizes[rows]
        top = [self.keys[rows[i]] for i in np.argsort(-sims, kind="stable")[:k]]
        return [key for key in top if key is not None]

    def scored(self, vector: np.ndarray, keys: list[int], k: int) -> list[int]:
        """Of ``keys`` (``nearest``'s), the ``k`` whose centroid is closest to ``vector``
        in direction (the cosine with their vector sum: the mean cosine over the length
        of the members' mean vector; ties: the order of ``keys``), in that order.

        The stories an article is scored against in full. The mean cosine ranks a story
        of many different reports low, since its members point many ways, however close
        one of them is; the member model (``Assigner._closest_member``) is what joins an
        article to such a story. Over the first pass's own order, 23 of 693 joins of the
        stories eval came from beyond its 10th story, every one through a member; in this
        order none came from beyond the 12th (docs/scale.md, "Session 15")."""
        sums = self.sums[[self.rows[key] for key in keys]]
        norms = np.linalg.norm(sums, axis=1)
        cos = (sums @ vector) / np.where(norms > 0, norms, 1.0)
        order = np.argsort(-cos, kind="stable")[:k]
        return [keys[i] for i in order]


def _unit_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms > 0, norms, 1.0)


@dataclass
class Window:
    """The active stories, by key, and the document frequencies assignment weighs with."""

    stories: dict[int, Story] = field(default_factory=dict)
    df: DocFreq = field(default_factory=DocFreq)
    next_key: int = -1
    index: CentroidIndex = field(default_factory=CentroidIndex, repr=False)
    # the member sketches of stored stories, by story key (``analyze.stories`` reads
    # them from the store); None: stories loaded without their members are compared
    # through their sums alone
    loader: Callable[[list[int]], dict[int, list[Sketch]]] | None = field(default=None, repr=False)
    # the stories of ``index`` not in ``stories`` yet, by key (``analyze.stories`` keeps
    # the index of a store's window between batches and reads a story's counts when it
    # is a candidate); None: every story of the index is in ``stories``
    fetch: Callable[[list[int]], dict[int, Story]] | None = field(default=None, repr=False)
    singles: dict[str, Story] = field(default_factory=dict, repr=False)

    def active(self, span: tuple[int, int], window: int) -> list[Story]:
        lo, hi = span
        return [
            s
            for s in self.stories.values()
            if s.merged_into is None and s.first_day - window <= hi and lo <= s.last_day + window
        ]

    def open(self, day: int) -> Story:
        story = Story(key=self.next_key, first_day=day, last_day=day, sketches=[])
        self.next_key -= 1
        self.stories[story.key] = story
        return story

    def load_members(self, stories: Iterable[Story], least: int = 1) -> None:
        """Read the member sketches of the stored stories among ``stories`` of at least
        ``least`` articles whose members are not known yet (one query). A story's
        members are loaded before it gains an article in this run, so what the store
        holds is all of them."""
        todo = [s for s in stories if s.sketches is None and s.size >= least]
        if not todo:
            return
        found = self.loader([s.key for s in todo]) if self.loader is not None else {}
        for story in todo:
            story.sketches = found.get(story.key, [])

    def single(self, sketch: Sketch) -> Story:
        """A story of ``sketch`` alone (cached): how a member is compared as a pair."""
        story = self.singles.get(sketch.id)
        if story is None:
            story = Story(key=0, first_day=sketch.span[0], last_day=sketch.span[1])
            story.add(sketch, sketch.span[0])
            self.singles[sketch.id] = story
        return story

    def candidates(self, sketch: Sketch, window: int, k: int) -> list[Story]:
        """The stories an article is scored against in full: of the ``k`` live stories
        of its window closest to it by sentence vector (the mean cosine with their
        members, through the index), the ``FULL_K`` closest in direction
        (``CentroidIndex.scored``); or without a vector, the ``k`` that share most of
        its words, actors and places."""
        if not sketch.vector.any():  # [stories] encoder off
            active = self.active(sketch.span, window)
            order = np.argsort(-_shared_keys(sketch, active), kind="stable")[:k]
            return [active[i] for i in order]
        if self.fetch is None:
            self.index.sync(self.stories)
        keys = self.index.nearest(sketch.vector, sketch.span, window, k)
        keys = self.index.scored(sketch.vector, keys, FULL_K)
        missing = [key for key in keys if key not in self.stories]
        if missing and self.fetch is not None:
            self.stories.update(self.fetch(missing))
        return [self.stories[key] for key in keys if key in self.stories]


@dataclass
class Decision:
    """Where one article went: its story key, the probability it joined with (None for
    a new story) and the stories merged into that one on its account."""

    article_id: str
    story: int
    probability: float | None
    merged: tuple[int, ...] = ()


class Assigner:
    """Assign sketches to stories in a :class:`Window`, one at a time."""

    def __init__(self, model: Model, window: Window) -> None:
        self.model = model
        self.window = window

    def assign(self, sketch: Sketch) -> Decision:
        """Put ``sketch`` into a story; returns the decision."""
        m, w = self.model, self.window
        w.df.add(sketch)
        scored = []
        candidates = w.candidates(sketch, m.window_days, TOP_K)
        if candidates:
            weighted = ArticleWeights(_weighted(sketch.terms, w.df))  # once, not per candidate
            w.load_members(candidates, least=2)  # one member: its average is the pair
            for story in candidates:
                f = features(sketch, story, w.df, m.window_days, weighted)
                p = m.probability(f, not lexical_possible(sketch, story))
                floor = max(p, m.threshold)
                scored.append((max(p, self._closest_member(sketch, story, weighted, floor)), story))
        scored.sort(key=lambda ps: (-ps[0], -ps[1].size, ps[1].key))
        if not scored or scored[0][0] < m.threshold:
            day = (sketch.span[0] + sketch.span[1]) // 2
            story = w.open(day)
            story.add(sketch, day)
            w.index.update(story)
            return Decision(sketch.id, story.key, None)
        best_p, best = scored[0]
        w.load_members([best])
        best.add(sketch, nearest_day(sketch.span, best))
        w.index.update(best)
        merged = self._merge_others(best, [s for p, s in scored[1:] if p >= m.threshold])
        return Decision(sketch.id, best.key, best_p, merged)

    def _closest_member(
        self,
        sketch: Sketch,
        story: Story,
        weighted: dict[str, float] | None = None,
        floor: float = 0.0,
    ) -> float:
        """The best probability of the article with one of the story's members taken
        alone (the ``MEMBER_K`` closest by sentence vector are scored as pairs); 0 for a
        story of one article (its average is that pair) or with unknown members.

        An article joins a story when it is the same story as the story's members on
        average, or as one of them (the pair model's own question). Average alone made
        the result depend on the order: two reports of one event joined when the second
        came while the first was alone, and missed each other when the first had taken
        an unrelated report in the meantime (docs/quality.md, "Stories").

        ``floor``: what the member must reach to change anything (the story's own
        probability, or the threshold when that is lower). A member whose probability
        cannot reach it (``_pair_bound``: its sentence cosine and day gap with the
        article, the shares of its actors and places at most 1, and at most the share
        of the article's word weight its words hold for the lexical cosine) is not
        scored; the result is then below ``floor`` as it would have been (exact at or
        above it), so no decision changes. Most of a member's scoring was its word
        norm, computed again for each article (the document counts move)."""
        members = story.sketches
        if story.size < 2 or not members:
            return 0.0
        if len(members) > MEMBER_K:
            sims = story.member_vectors() @ sketch.vector
            members = [members[i] for i in np.argsort(-sims, kind="stable")[:MEMBER_K]]
        w, m = self.window, self.model
        best = 0.0
        for member in members:
            if _pair_bound(m, sketch, member, weighted, m.window_days) < max(floor, best):
                continue
            one = w.single(member)
            one.norms.clear()  # the document frequencies have moved since it was cached
            f = features(sketch, one, w.df, m.window_days, weighted)
            best = max(best, m.probability(f, not lexical_possible(sketch, one)))
        return best

    def _merge_others(self, best: Story, others: list[Story]) -> tuple[int, ...]:
        merged = []
        for other in others:
            if other.merged_into is not None:
                continue
            self.window.load_members([other])
            f, cross = story_features(best, other, self.window.df, self.model.window_days)
            if self.model.probability(f, cross) >= self.model.merge_threshold:
                big, small = (best, other) if best.size >= other.size else (other, best)
                big.absorb(small)
                self.window.index.update(big)
                self.window.index.update(small)
                merged.append(small.key)
                best = big
        return tuple(merged)


# the stories of the window closest to an article by sentence vector (a cheap first
# pass: one matrix product over the window's vector sums), of which ``FULL_K`` are scored
TOP_K = 40
# of those, the stories closest in direction (``CentroidIndex.scored``) scored in full:
# their counts and members read, the article scored against each and its closest
# members. A bound that does not grow with the store: at 102,600 articles every article
# had ``TOP_K`` (40) such stories, in a young store a handful
FULL_K = 12
# the members of a candidate story, closest by sentence vector, scored as pairs
MEMBER_K = 3
# live stories from which a ``CentroidIndex`` is blocked, and the cells an article's
# first pass reads then (about sqrt(n) cells: 2,048 rows in 45 cells, 16,000 in 126)
BLOCKED_FROM = 2048
PROBE_CELLS = 12
PROBE_ROWS = 5 * TOP_K


def _shared_keys(sketch: Sketch, stories: list[Story]) -> np.ndarray:
    """The first pass without sentence vectors: how many of the article's words (in its
    language), actors and places each story holds."""
    lang = sketch.language or "?"
    keys = sketch.actors | sketch.names
    out = np.zeros(len(stories), dtype=np.float64)
    for i, story in enumerate(stories):
        words: Mapping[str, int] = story.terms.get(lang) or {}
        out[i] = (
            sum(1 for t in sketch.terms if t in words)
            + sum(1 for k in keys if k in story.actors)
            + sum(1 for k in sketch.places if k in story.places)
        )
    return out
