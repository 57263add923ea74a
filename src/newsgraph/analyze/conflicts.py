"""Conflicting figures: two claims about the same subject and measure, for the same
time, whose values cannot both be right.

Each stored claim becomes the interval of values its words allow
(:func:`allowed`): the rounding of the number as written ("23.7%" is 23.65..23.75,
"800" is 750..850, "30" is 29.5..30.5), widened by a stated approximation ("about 50" is within 10%), or
a half line for "more than" / "up to". Two claims conflict when their intervals do not
meet and they are comparable (:func:`comparable`): the same subject (a KB entity, or
the same name within one article), the same unit and the same change (levels with
levels, rises with rises), words in common in their sentences beyond the subject's name
and the numbers (the measure: two within an article, three across reports), and the
same time: within an article the time the sentence states, else the day the article was
published; across reports the same day (a day the sentence states, else the day of
publication). A figure that changes between days (a death toll rising, a year's total
revised) is an update, not a conflict.

Within an article only the headline and the standfirst are compared with the body;
across articles, claims of different articles (in the same story when both have one).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, inspect, select, text

from newsgraph.store import schema
from newsgraph.store.claims import claims as claims_table

__all__ = ["allowed", "comparable", "conflicts", "find_conflicts"]

APPROX_SHARE = 0.10  # "about 50" allows 45..55
MIN_SHARED_WORDS = 2  # sentence words in common beyond the subject's name, within an article
MIN_SHARED_WORDS_ACROSS = 3  # ... and across articles (two reports share less context)

_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "in",
        "on",
        "for",
        "that",
        "this",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "with",
        "by",
        "at",
        "from",
        "as",
        "its",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "it",
        "said",
        "says",
        "say",
        "according",
        "about",
        "more",
        "than",
        "less",
        "after",
        "before",
        "over",
        "under",
        "also",
        "has",
        "have",
        "had",
        "which",
        "who",
        "will",
        "would",
        "could",
        "into",
        "per",
        "cent",
        "percent",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "mln",
        "bln",
        "dollars",
        "euros",
        "yuan",
        "pounds",
        "rubles",
        "roubles",
    ]
)


@dataclass(frozen=True)
class ClaimRef:
    """A stored claim with what comparing it needs."""

    article_id: str
    seq: int
    part: str
    text: str
    low: float
    high: float
    unit: str | None
    approx: str
    change: str | None
    measure: str | None
    subject_entity: str | None
    subject_name: str | None
    time: str | None
    published: str | None
    sentence: str
    source: str
    outlet: str | None
    title: str | None
    story: int | None = None

    @property
    def scope(self) -> str | None:
        """The time the figure is about: its own, else the publication day."""
        return self.time or (self.published[:10] if self.published else None)

    @property
    def subject_key(self) -> str | None:
        if self.subject_entity:
            return self.subject_entity
        return f"name:{self.subject_name.lower()}" if self.subject_name else None


def allowed(ref: ClaimRef) -> tuple[float, float]:
    """The values the claim's words allow (closed interval; infinite ends for > <)."""
    rounding = _rounding(ref.text, ref.low)
    low, high = ref.low - rounding, ref.high + rounding
    if ref.approx == "~":
        spread = max(abs(ref.low), abs(ref.high)) * APPROX_SHARE
        low, high = low - spread, high + spread
    elif ref.approx in (">", ">="):
        high = math.inf
    elif ref.approx in ("<", "<="):
        low = -math.inf
    return low, high


def _rounding(written: str, value: float) -> float:
    """Half a unit in the last place written: "23.68" -> 0.005, "800 million" -> 50
    million (the trailing zeros of an integer of three or more digits are rounding),
    "30" -> 0.5, a word number -> 0.5."""
    m = _NUMBER.search(written)
    if m is None or value == 0:
        return 0.5
    digits = m.group(0).replace(",", "")
    try:
        shown = float(digits)
    except ValueError:
        return 0.5
    scale = abs(value) / shown if shown else 1.0
    if m.group(1):
        return 0.5 * 10 ** (-len(m.group(1))) * scale
    whole = digits.split(".")[0]
    # "800" or "2,500" may be rounded to its last non-zero digit; "30" is taken as written
    zeros = len(whole) - len(whole.rstrip("0")) if len(whole) >= 3 and whole.strip("0") else 0
    return 0.5 * 10**zeros * scale


def _topic(ref: ClaimRef) -> set[str]:
    words = {w.rstrip("s") for w in _WORD.findall(ref.sentence.lower()) if len(w) > 2}
    name = {w.rstrip("s") for w in _WORD.findall((ref.subject_name or "").lower())}
    return words - name - _STOP


def _same_time(a: ClaimRef, b: ClaimRef) -> bool:
    if a.article_id != b.article_id:
        # across reports, a figure for a whole year or month told on two different days
        # may be a revised one: compare only figures of the same day
        sa, sb = _day_scope(a), _day_scope(b)
        return sa is not None and sa == sb
    sa, sb = a.scope, b.scope
    if sa is None or sb is None:
        return sa == sb
    return sa.startswith(sb) or sb.startswith(sa)


def _day_scope(ref: ClaimRef) -> str | None:
    if ref.time and len(ref.time) >= 10:
        return ref.time[:10]
    return ref.published[:10] if ref.published and len(ref.published) >= 10 else None


def comparable(a: ClaimRef, b: ClaimRef) -> bool:
    """Whether two claims state the same figure (see the module doc)."""
    if a.subject_key is None or a.subject_key != b.subject_key:
        return False
    if a.subject_entity is None and a.article_id != b.article_id:
        return False  # a bare name is only trusted within one article
    if a.unit is None or a.unit != b.unit or a.change != b.change:
        return False
    if a.story is not None and b.story is not None and a.story != b.story:
        return False
    if not _same_time(a, b):
        return False
    same_measure = bool(a.measure) and (a.measure or "").lower() == (b.measure or "").lower()
    need = MIN_SHARED_WORDS if a.article_id == b.article_id else MIN_SHARED_WORDS_ACROSS
    return same_measure or len(_topic(a) & _topic(b)) >= need


def conflicts(refs: Sequence[ClaimRef]) -> list[dict[str, Any]]:
    """Every conflicting pair among ``refs``: within an article (headline or standfirst
    against the body) and across articles."""
    groups: dict[tuple[str, str], list[ClaimRef]] = defaultdict(list)
    for ref in refs:
        if ref.subject_key and ref.unit:
            groups[(ref.subject_key, ref.unit)].append(ref)
    out = []
    seen: set[tuple[Any, ...]] = set()
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                kind = _pair_kind(a, b)
                if kind and comparable(a, b) and not _overlap(allowed(a), allowed(b)):
                    found = _conflict(kind, a, b)
                    # one line per pair of articles and values (a headline repeated in
                    # the body is one disagreement, not four)
                    key: tuple[Any, ...] = (kind, found["a"]["article"], found["b"]["article"])
                    key += (str(found["a"]["value"]), str(found["b"]["value"]))
                    if key not in seen:
                        seen.add(key)
                        out.append(found)
    out.sort(key=lambda c: (c["a"]["published"] or "", c["a"]["article"], c["a"]["seq"]))
    return out


def _pair_kind(a: ClaimRef, b: ClaimRef) -> str | None:
    if a.article_id != b.article_id:
        return "across"
    heads = {"title", "lead"}
    if (a.part in heads) != (b.part in heads):
        return "within"
    return None


def _overlap(x: tuple[float, float], y: tuple[float, float]) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def _side(ref: ClaimRef) -> dict[str, Any]:
    value: Any = ref.low if ref.low == ref.high else [ref.low, ref.high]
    return {
        "article": ref.article_id,
        "seq": ref.seq,
        "source": ref.source,
        "outlet": ref.outlet,
        "title": ref.title,
        "published": ref.published,
        "part": ref.part,
        "text": ref.text,
        "value": value,
        "approx": ref.approx,
        "time": ref.time,
        "sentence": ref.sentence,
    }


def _conflict(kind: str, a: ClaimRef, b: ClaimRef) -> dict[str, Any]:
    if kind == "within" and (b.part in ("title", "lead")) and a.part == "body":
        a, b = b, a  # the headline first
    if kind == "across" and (b.published or "", b.article_id) < (a.published or "", a.article_id):
        a, b = b, a  # the earlier report first
    return {
        "kind": kind,
        "subject": {"entity": a.subject_entity, "name": a.subject_name or b.subject_name},
        "unit": a.unit,
        "change": a.change,
        "measure": a.measure or b.measure,
        "story": a.story if a.story == b.story else None,
        "a": _side(a),
        "b": _side(b),
    }


# ---- reading the store --------------------------------------------------------------------


def find_conflicts(store: Any, *, story: int | None = None) -> list[dict[str, Any]]:
    """The conflicts among the stored claims; with ``story``, among that story's
    articles only. ``store`` is a :class:`~newsgraph.store.db.Store` (or ``Database``)."""
    with store.engine.connect() as conn:
        ids = None
        if story is not None:
            ids = story_articles(conn, story)
            if not ids:
                return []
        return conflicts(claim_refs(conn, ids))


def has_stories(conn: Connection) -> bool:
    """Whether the store has the story tables (``store.stories``)."""
    return inspect(conn).has_table("story_articles")


def story_articles(conn: Connection, story: int) -> list[str]:
    """The ids of the articles of story ``story`` (none when there are no stories)."""
    if not has_stories(conn):
        return []
    rows = conn.execute(
        text("SELECT article_id FROM story_articles WHERE story_id = :story"), {"story": story}
    )
    return [r[0] for r in rows]


def _stories_of(conn: Connection, ids: Iterable[str]) -> dict[str, int]:
    if not has_stories(conn):
        return {}
    out: dict[str, int] = {}
    ids = sorted(set(ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        rows = conn.execute(
            text(f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})"),
            {f"i{n}": v for n, v in enumerate(chunk)},
        )
        out.update({r[0]: int(r[1]) for r in rows})
    return out


def claim_refs(conn: Connection, article_ids: Sequence[str] | None) -> list[ClaimRef]:
    """Stored claims with a subject and a unit, with their sentences and articles."""
    c, a, s = claims_table, schema.articles, schema.sources
    length = c.c.sentence_end - c.c.sentence_start
    stmt = (
        select(
            c,
            a.c.title,
            a.c.source,
            a.c.url,
            a.c.published_date,
            s.c.name.label("outlet"),
            func.substr(a.c.text, c.c.sentence_start + 1, length).label("body_sentence"),
        )
        .select_from(c.join(a, a.c.id == c.c.article_id).outerjoin(s, a.c.outlet_id == s.c.id))
        .where(c.c.unit.is_not(None))
        .where(c.c.subject_entity.is_not(None) | c.c.subject_name.is_not(None))
    )
    rows: list[dict[str, Any]] = []
    if article_ids is None:
        rows = [
            dict(r) for r in conn.execute(stmt.where(c.c.subject_entity.is_not(None))).mappings()
        ]
        rows += [
            dict(r)
            for r in conn.execute(
                stmt.where(c.c.subject_entity.is_(None)).where(c.c.part.in_(["title", "lead"]))
            ).mappings()
        ]
        rows += _body_rows_of(
            conn, stmt, {r["article_id"] for r in rows if not r["subject_entity"]}
        )
    else:
        ids = sorted(set(article_ids))
        for i in range(0, len(ids), 500):
            rows += [
                dict(r)
                for r in conn.execute(stmt.where(c.c.article_id.in_(ids[i : i + 500]))).mappings()
            ]
    stories = _stories_of(conn, {r["article_id"] for r in rows})
    return [_ref(r, stories.get(r["article_id"])) for r in rows]


def _body_rows_of(conn: Connection, stmt: Any, ids: set[str]) -> list[dict[str, Any]]:
    """Body claims without an entity subject of the articles whose headline has one."""
    c = claims_table
    out: list[dict[str, Any]] = []
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        query = stmt.where(c.c.subject_entity.is_(None), c.c.part == "body")
        out += [dict(r) for r in conn.execute(query.where(c.c.article_id.in_(chunk))).mappings()]
    return out


def _ref(row: Mapping[str, Any], story: int | None) -> ClaimRef:
    sentence = (row["title"] or "") if row["part"] == "title" else (row["body_sentence"] or "")
    high = row["value_high"] if row["value_high"] is not None else row["value"]
    return ClaimRef(
        article_id=row["article_id"],
        seq=row["seq"],
        part=row["part"],
        text=row["text"],
        low=float(row["value"]),
        high=float(high),
        unit=row["unit"],
        approx=row["approx"],
        change=row["change"],
        measure=row["measure"],
        subject_entity=row["subject_entity"],
        subject_name=row["subject_name"],
        time=row["time"],
        published=row["published_date"],
        sentence=sentence.strip(),
        source=row["url"] or row["source"],
        outlet=row["outlet"],
        title=row["title"],
        story=story,
    )
