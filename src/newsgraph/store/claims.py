"""The tables of numeric claims and tone, and their reads and writes.

- ``claims``: one row per claim of a stored article, in extraction order (``seq``),
  with its value (``value``, and ``value_high`` for a range), unit, approximation,
  change, measure, subject, time, attribution, part (title, lead, body) and sentence;
- ``article_tones``: the tone of each stored article;
- ``quote_tones``: the tone of each stored quote (``quotes`` row ``article_id, seq``).

The tables live on their own ``MetaData`` and are created by the claims/tone schema
step (``store.migrations``). ``save`` writes the rows of newly stored articles inside
``Store.save_batch``'s transaction; ``attach`` puts them back into the
``Article.to_dict()`` shape that ``Store.article`` returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    Text,
    bindparam,
    insert,
    select,
)

from newsgraph.records import Article, Claim
from newsgraph.store.aggregates import chunked
from newsgraph.store.rows import dicts

metadata = MetaData()

claims = Table(
    "claims",
    metadata,
    Column("article_id", String(64), primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("part", String(8), nullable=False),  # title | lead | body
    Column("start", Integer, nullable=False),  # into the title when part is "title"
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float, nullable=False),  # the low end of a range
    Column("value_high", Float),  # NULL unless a range
    Column("unit", String(64)),
    Column("approx", String(2), nullable=False),
    Column("change", String(4)),
    Column("measure", Text),
    Column("subject_entity", String(128)),
    Column("subject_name", Text),
    Column("time", String(32)),
    Column("attribution_kind", String(8)),
    Column("attribution_name", Text),
    Column("attribution_entity", String(128)),
    Column("attribution_quote", Integer),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Index("ix_claims_subject", "subject_entity", "unit"),
)

article_tones = Table(
    "article_tones",
    metadata,
    Column("article_id", String(64), primary_key=True, autoincrement=False),
    Column("tone", Float, nullable=False),
)

quote_tones = Table(
    "quote_tones",
    metadata,
    Column("article_id", String(64), primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("tone", Float, nullable=False),
)

TABLES = (claims, article_tones, quote_tones)


def create_tables(conn: Connection) -> None:
    """Create the claim and tone tables (the schema step)."""
    metadata.create_all(conn, tables=list(TABLES), checkfirst=True)


# ---- rows ------------------------------------------------------------------------------


def claim_row(article_id: str, seq: int, claim: Claim) -> dict[str, Any]:
    """The ``claims`` row of one claim."""
    low, high = (
        (float(claim.value[0]), float(claim.value[1]))
        if isinstance(claim.value, tuple | list)
        else (float(claim.value), None)
    )
    subject, who, sentence = claim.subject, claim.attribution, claim.sentence
    return {
        "article_id": article_id,
        "seq": seq,
        "part": claim.part,
        "start": claim.start if claim.start is not None else claim.title_start or 0,
        "end": claim.end if claim.end is not None else claim.title_end or 0,
        "text": claim.text,
        "value": low,
        "value_high": high,
        "unit": claim.unit,
        "approx": claim.approx,
        "change": claim.change,
        "measure": claim.measure,
        "subject_entity": subject.entity if subject else None,
        "subject_name": subject.name if subject else None,
        "time": claim.time,
        "attribution_kind": who.kind if who else None,
        "attribution_name": who.name if who else None,
        "attribution_entity": who.entity if who else None,
        "attribution_quote": who.quote if who else None,
        "sentence_start": sentence.start if sentence else None,
        "sentence_end": sentence.end if sentence else None,
    }


def claim_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """A ``claims`` row back in the ``Claim`` shape of ``Article.to_dict()``."""
    value: Any = row["value"]
    if row["value_high"] is not None:
        value = [row["value"], row["value_high"]]
    subject = None
    if row["subject_entity"] is not None or row["subject_name"] is not None:
        subject = {"entity": row["subject_entity"], "name": row["subject_name"]}
    who = None
    if row["attribution_kind"] is not None:
        who = {
            "kind": row["attribution_kind"],
            "name": row["attribution_name"],
            "entity": row["attribution_entity"],
            "quote": row["attribution_quote"],
        }
    sentence = None
    if row["sentence_start"] is not None:
        sentence = {"start": row["sentence_start"], "end": row["sentence_end"]}
    in_title = row["part"] == "title"
    return {
        "start": None if in_title else row["start"],
        "end": None if in_title else row["end"],
        "text": row["text"],
        "value": value,
        "unit": row["unit"],
        "approx": row["approx"],
        "change": row["change"],
        "measure": row["measure"],
        "subject": subject,
        "time": row["time"],
        "attribution": who,
        "part": row["part"],
        "sentence": sentence,
        "title_start": row["start"] if in_title else None,
        "title_end": row["end"] if in_title else None,
    }


# ---- writing and reading ----------------------------------------------------------------


def save(conn: Connection, articles: Iterable[Article]) -> None:
    """Insert the claim and tone rows of ``articles`` (newly stored ones)."""
    claim_rows: list[dict[str, Any]] = []
    tone_rows: list[dict[str, Any]] = []
    quote_rows: list[dict[str, Any]] = []
    for art in articles:
        claim_rows.extend(claim_row(art.id, seq, c) for seq, c in enumerate(art.claims))
        if art.tone is not None:
            tone_rows.append({"article_id": art.id, "tone": art.tone})
        quote_rows.extend(
            {"article_id": art.id, "seq": seq, "tone": q.tone}
            for seq, q in enumerate(art.quotes)
            if q.tone is not None
        )
    for table, rows in (
        (claims, claim_rows),
        (article_tones, tone_rows),
        (quote_tones, quote_rows),
    ):
        if rows:
            conn.execute(insert(table), rows)


def attach(conn: Connection, article_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (an article in ``to_dict`` shape) with its claims, tone and quote tones."""
    claims_stmt, tone_stmt, quote_stmt = _attach_stmts()
    key = {"article_id": article_id}
    data["claims"] = [claim_dict(r) for r in dicts(conn.execute(claims_stmt, key))]
    data["tone"] = conn.execute(tone_stmt, key).scalar_one_or_none()
    tones: dict[int, Any] = {seq: tone for seq, tone in conn.execute(quote_stmt, key)}
    for seq, quote in enumerate(data.get("quotes") or []):
        quote["tone"] = tones.get(seq)
    return data


@cache
def _attach_stmts() -> tuple[Select[Any], Select[Any], Select[Any]]:
    """``attach``'s statements, built once with the article id as a parameter."""
    article_id: Any = bindparam("article_id")
    return (
        select(claims).where(claims.c.article_id == article_id).order_by(claims.c.seq),
        select(article_tones.c.tone).where(article_tones.c.article_id == article_id),
        select(quote_tones.c.seq, quote_tones.c.tone).where(quote_tones.c.article_id == article_id),
    )


def claims_of(conn: Connection, article_ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Claim rows (with ``article_id`` and ``seq``) of the given articles, or of every
    article whose claims name a subject (``article_ids`` None): conflict candidates."""
    out: list[dict[str, Any]] = []
    if article_ids is None:
        stmt = select(claims).where(claims.c.subject_entity.is_not(None))
        return [dict(r) for r in conn.execute(stmt).mappings()]
    for chunk in chunked(sorted(set(article_ids)), 500):
        stmt = select(claims).where(claims.c.article_id.in_(chunk))
        out.extend(dict(r) for r in conn.execute(stmt).mappings())
    return out


def tones_of(conn: Connection, article_ids: Sequence[str]) -> dict[str, float]:
    """Article id -> tone, for the articles that have one."""
    out: dict[str, float] = {}
    for chunk in chunked(sorted(set(article_ids)), 500):
        stmt = select(article_tones).where(article_tones.c.article_id.in_(chunk))
        out.update({r.article_id: r.tone for r in conn.execute(stmt)})
    return out
