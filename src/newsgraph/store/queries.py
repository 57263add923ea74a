"""Read queries for the CLI and the API: quotes by speaker and date, with their articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, or_, select

from newsgraph.store import schema


def find_quotes(
    conn: Connection,
    *,
    speaker_ids: Sequence[str] = (),
    speaker_text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Quotes, newest first, by speaker (KB ids or a name fragment) and date.

    A quote's date is the day it was said when the text gives one, else its
    article's publication date; ``since``/``until`` are inclusive ISO days.
    """
    stmt = quote_select(list(speaker_ids), speaker_text, since, until)
    stmt = newest_first(stmt).limit(limit).offset(offset)
    return [dict(row) for row in conn.execute(stmt).mappings()]


def quote_select(
    speaker_ids: list[str],
    speaker_text: str | None,
    since: str | None,
    until: str | None,
    article_id: str | None = None,
) -> Select[Any]:
    """Quotes with their article's title, url, source and outlet and their ``date`` (the
    day said, else the publication day): said by one of ``speaker_ids`` or by a speaker
    whose name holds ``speaker_text``; ``since``/``until`` are inclusive ISO prefixes
    (``2017``, ``2017-04``, ``2017-04-24``)."""
    q, a, s = schema.quotes, schema.articles, schema.sources
    day = func.coalesce(q.c.date, a.c.published_date)
    stmt = select(
        q.c.article_id,
        q.c.seq,
        q.c.text,
        q.c.direct,
        q.c.cue,
        q.c.speaker_entity,
        q.c.speaker_name,
        q.c.speaker_text,
        q.c.start,
        q.c.end,
        day.label("date"),
        a.c.title,
        a.c.url,
        a.c.source,
        s.c.name.label("outlet"),
    ).select_from(q.join(a, q.c.article_id == a.c.id).outerjoin(s, a.c.outlet_id == s.c.id))
    who: list[ColumnElement[bool]] = []
    if speaker_ids:
        who.append(q.c.speaker_entity.in_(speaker_ids))
    if speaker_text:
        pattern = f"%{speaker_text.lower()}%"
        who += [
            func.lower(q.c.speaker_name).like(pattern),
            func.lower(q.c.speaker_text).like(pattern),
        ]
    if who:
        stmt = stmt.where(or_(*who))
    if since:
        stmt = stmt.where(func.substr(day, 1, len(since)) >= since)
    if until:
        stmt = stmt.where(func.substr(day, 1, len(until)) <= until)
    if article_id:
        stmt = stmt.where(q.c.article_id == article_id)
    return stmt


def newest_first(stmt: Select[Any]) -> Select[Any]:
    """``quote_select`` ordered newest first (undated last), then by article and place."""
    q = schema.quotes
    return stmt.order_by(stmt.selected_columns["date"].desc().nulls_last(), q.c.article_id, q.c.seq)
