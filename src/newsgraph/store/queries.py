"""Read queries for the CLI and the API: quotes by speaker and date, with their articles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, or_, select

from newsgraph.store import schema
from newsgraph.store.raw import fetch, marks
from newsgraph.store.rows import dicts, quote_parts


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
    return dicts(conn.execute(stmt))


def quote_select(
    speaker_ids: list[str],
    speaker_text: str | None,
    since: str | None,
    until: str | None,
    article_id: str | None = None,
) -> Select[Any]:
    """Quotes with their article's title, url, source, outlet and language and their ``date`` (the
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
        q.c.parts,
        day.label("date"),
        a.c.title,
        a.c.url,
        a.c.source,
        s.c.name.label("outlet"),
        a.c.language,
    ).select_from(q.join(a, q.c.article_id == a.c.id).outerjoin(s, a.c.outlet_id == s.c.id))
    who: list[ColumnElement[bool]] = []
    if speaker_ids:
        who.append(q.c.speaker_entity.in_(speaker_ids))
    if speaker_text:
        pattern = f"%{like_escaped(speaker_text.lower())}%"
        who += [
            func.lower(q.c.speaker_name).like(pattern, escape="\\"),
            func.lower(q.c.speaker_text).like(pattern, escape="\\"),
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


# ---- merged events through the aggregates (actor pages, timelines, dyads) -------------------

me, mk, mp = schema.merged_events, schema.merged_event_keys, schema.merged_event_pairs
ed, dd = schema.event_days, schema.dyad_days


def next_prefix(value: str) -> str:
    """The first ISO date prefix after every date starting with ``value``: ``2017`` ->
    ``2018``, ``2017-12`` -> ``2018-01``, ``2017-02-28`` -> ``2017-03-01``; so
    ``day < next_prefix(v)`` says ``day[:len(v)] <= v`` in a way an index can answer."""
    from datetime import date, timedelta

    parts = value.split("-")
    try:
        if len(parts) == 1:
            return f"{int(parts[0]) + 1:04d}"
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
        return (date.fromisoformat(value[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return value + "\uffff"


def day_range(
    day: Any, since: str | None, until: str | None, month: str | None
) -> list[ColumnElement[bool]]:
    """Conditions on a date column: ``since`` and ``until`` inclusive prefixes, ``month``
    one month (dates less precise than a month are outside every month)."""
    found: list[ColumnElement[bool]] = []
    if since:
        found.append(day >= since)
    if until:
        found.append(day < next_prefix(until))
    if month:
        found += [day >= month, day < next_prefix(month)]
    return found


def merged_page(
    conn: Connection,
    *,
    key: str | None,
    type: str | None = None,  # noqa: A002
    since: str | None = None,
    until: str | None = None,
    month: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[int]:
    """Ids of merged events, newest first (undated last, then newest id), of one key
    (``e:<entity>``, ``c:<country>``; None for all), type and dates: an index range."""
    if key is None:  # the whole table, along ix_merged_events_date
        table, column, where, params = "merged_events", "id", [], []
    else:  # an index range of merged_event_keys
        table, column, where, params = "merged_event_keys", "merged_event_id", ['"key" = ?'], [key]
    found, values = raw_day_range("date", since, until, month)
    where += found
    params += values
    if type:
        where.append("type = ?")
        params.append(type.upper())
    sql = (
        f"SELECT {column} FROM {table}{_where(where)} "
        f"ORDER BY date DESC NULLS LAST, {column} DESC LIMIT ? OFFSET ?"
    )
    return [int(r[0]) for r in fetch(conn, sql, (*params, limit, offset))]


def raw_day_range(
    day: str, since: str | None, until: str | None, month: str | None
) -> tuple[list[str], list[str]]:
    """``day_range`` as SQL text on the column ``day`` and its parameters."""
    where, params = [], []
    if since:
        where.append(f"{day} >= ?")
        params.append(since)
    if until:
        where.append(f"{day} < ?")
        params.append(next_prefix(until))
    if month:
        where += [f"{day} >= ?", f"{day} < ?"]
        params += [month, next_prefix(month)]
    return where, params


def _where(conditions: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(conditions) if conditions else ""


def day_counts(
    conn: Connection,
    *,
    key: str,
    type: str | None = None,  # noqa: A002
    since: str | None = None,
    until: str | None = None,
    month: str | None = None,
    pair: tuple[str, str] | None = None,
    classes: Mapping[str, int] | None = None,
    days: bool = False,
    asserted: bool = False,
) -> list[tuple[str, Any, bool, int, int]]:
    """(month, type, negated, events, mentions) from ``event_days`` of ``key`` (``"*"``:
    every merged event), or from ``dyad_days`` of the unordered ``pair`` of keys; the
    month is the first seven characters of the day (``2017`` for a year-only date).
    With ``classes`` (type -> class), the second value is the class (None for a type
    it lacks) and the database sums by class: a few rows a month, whatever the types.
    With ``days`` the first value is the day itself (for charts by day or week). With
    ``asserted`` only the rows a chart counts are read: not negated, and with a class
    when ``classes`` is given (a third fewer rows for the whole timeline)."""
    by_day = days or any(v and len(v) > 7 for v in (since, until))
    params: list[Any] = []
    if pair is not None:
        table, day = "dyad_days", "day"
        where = ["lo = ?", "hi = ?"]
        params += sorted(pair)
    else:  # a range with a day in it: the days (then summed by month), else the months
        table, day = ("event_days", "day") if by_day else ("event_months", "month")
        where = ['"key" = ?']
        params.append(key)
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if asserted:
        where.append("negated = ?")
        params.append(False)
        if classes is not None:
            where.append(f"type IN ({marks(len(classes))})")
            params += sorted(classes)
    found, values = raw_day_range(day, since, until, month)
    kind, kinds = "type", []
    if classes is not None:  # the classes are small integers of the KB, written in the SQL
        kind = "CASE type " + " ".join(f"WHEN ? THEN {int(v)}" for v in classes.values())
        kind += " ELSE NULL END"
        kinds = list(classes)
    # a stored month is already its first seven characters: grouped as it is, it costs
    # no call a row (2,952 rows for the whole timeline at 102,050 articles)
    period = day if table == "event_months" else f"substr({day}, 1, {10 if days else 7})"
    sql = (
        f"SELECT {period}, {kind}, negated, sum(events), "
        f"sum(mentions) FROM {table}{_where(where + found)} GROUP BY 1, 2, 3"
    )
    rows = fetch(conn, sql, (*kinds, *params, *values))
    return [(str(d), k, bool(n), int(e), int(m)) for d, k, n, e, m in rows]


def dyad_page(
    conn: Connection,
    pair: tuple[str, str],
    *,
    month: str | None = None,
    limit: int = 20,
    offset: int = 0,
    since: str | None = None,
    until: str | None = None,
) -> list[int]:
    """Ids of the asserted merged events relating the two keys, oldest first (undated
    first, as ``analyze.dyads`` sorts them), optionally of one month or date range."""
    lo, hi = sorted(pair)
    stmt = (
        select(mp.c.merged_event_id)
        .where(
            mp.c.lo == lo,
            mp.c.hi == hi,
            mp.c.negated.is_(False),
            *day_range(mp.c.date, since, until, month),
        )
        .order_by(mp.c.date.asc().nulls_first(), mp.c.merged_event_id)
        .limit(limit)
        .offset(offset)
    )
    return [int(r[0]) for r in conn.execute(stmt)]


# ---- quotes through ``quote_index`` ---------------------------------------------------------

COUNT_CAP = 1000  # list totals are exact up to here, estimated beyond
MAX_LABELS = 1000  # speaker labels a name fragment may bring in


def quote_page(
    conn: Connection,
    *,
    speaker_ids: Sequence[str] = (),
    speaker_text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int, bool]:
    """A page of quotes newest first (the semantics of ``quote_select``) read through
    ``quote_index`` and ``quote_speakers``, the count (exact up to ``COUNT_CAP``, else
    estimated) and whether it is exact."""
    if speaker_ids or speaker_text:
        return _speaker_quote_page(
            conn, list(speaker_ids), speaker_text, since, until, limit, offset
        )
    keys = _quote_keys(conn, list(speaker_ids), speaker_text, since, until)
    if keys is None:
        return [], 0, True
    ordered = keys.order_by(
        keys.selected_columns["day"].desc().nulls_last(),
        keys.selected_columns["article_id"],
        keys.selected_columns["seq"],
    )
    page = [tuple(r) for r in conn.execute(ordered.limit(limit).offset(offset))]
    total, exact = _capped_count(conn, keys, speaker_ids or speaker_text, since, until)
    return quote_rows(conn, [(a, s) for a, s, _ in page]), total, exact


def _quote_keys(
    conn: Connection,
    speaker_ids: list[str],
    speaker_text: str | None,
    since: str | None,
    until: str | None,
) -> Any:
    """(article_id, seq, day) of the matching quotes as a selectable, or None when the
    speaker names nothing stored."""
    qi, qs = schema.quote_index, schema.quote_speakers
    if not speaker_ids and not speaker_text:
        return select(qi.c.article_id, qi.c.seq, qi.c.day).where(
            *day_range(qi.c.day, since, until, None)
        )
    parts = []
    if speaker_ids:
        parts.append(
            select(qi.c.article_id, qi.c.seq, qi.c.day).where(
                qi.c.speaker_entity.in_(speaker_ids), *day_range(qi.c.day, since, until, None)
            )
        )
    labels = speaker_labels(conn, speaker_text) if speaker_text else []
    if labels:
        parts.append(
            select(qs.c.article_id, qs.c.seq, qs.c.day).where(
                qs.c.name_lower.in_(labels), *day_range(qs.c.day, since, until, None)
            )
        )
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    from sqlalchemy import union

    both = union(*parts).subquery()
    return select(both.c.article_id, both.c.seq, both.c.day)


def _speaker_parts(
    conn: Connection,
    speaker_ids: list[str],
    speaker_text: str | None,
    since: str | None,
    until: str | None,
) -> list[tuple[str, list[Any]]]:
    """One query of (article_id, seq, day) per speaker id and per stored label, as SQL
    (``store.raw``) with its parameters: each is one walk of an index in page order
    (``speaker_entity`` or ``name_lower`` first, then newest first)."""
    dates, values = raw_day_range("day", since, until, None)
    within = "".join(f" AND {d}" for d in dates)
    parts = [
        (f"SELECT article_id, seq, day FROM quote_index WHERE speaker_entity = ?{within}", [i])
        for i in sorted(set(speaker_ids))
    ]
    labels = speaker_labels(conn, speaker_text) if speaker_text else []
    parts += [
        (f"SELECT article_id, seq, day FROM quote_speakers WHERE name_lower = ?{within}", [label])
        for label in labels
    ]
    return [(sql, [*params, *values]) for sql, params in parts]


def _speaker_quote_page(
    conn: Connection,
    speaker_ids: list[str],
    speaker_text: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int, bool]:
    """``quote_page`` for a speaker: the first ``offset + limit`` keys of each speaker
    id and label, merged newest first. A union of them all sorted in SQL read every
    quote of the speaker (41,600 rows for 'Trump' at 100,000 articles: 160 ms, and
    as much again to count them). The count is exact up to ``COUNT_CAP``."""
    parts = _speaker_parts(conn, speaker_ids, speaker_text, since, until)
    if not parts:
        return [], 0, True
    found: dict[tuple[str, int], Any] = {}
    newest = " ORDER BY day DESC NULLS LAST, article_id, seq LIMIT ?"
    for sql, params in parts:
        for article_id, seq, day in fetch(conn, sql + newest, (*params, offset + limit)):
            found[(article_id, seq)] = day
    ordered = sorted(found.items(), key=lambda kv: kv[0])  # article, seq within a day
    ordered.sort(key=lambda kv: kv[1] or "", reverse=True)  # newest first, undated last
    page = [key for key, _ in ordered[offset : offset + limit]]
    total, exact = _speaker_count(conn, parts)
    return quote_rows(conn, page), total, exact


def _speaker_count(conn: Connection, parts: list[tuple[str, list[Any]]]) -> tuple[int, bool]:
    """Distinct quotes of the parts: exact up to ``COUNT_CAP``, else ``COUNT_CAP + 1``
    and not exact. Each part is counted up to the cap in the index first; only when
    none passes it are the keys read and merged (one quote can be in several parts); a
    single part's count is the answer (a speaker id alone: the actor page)."""
    keys: set[tuple[str, int]] = set()
    for sql, params in parts:
        capped = f"SELECT count(*) FROM ({sql} LIMIT ?) AS capped"
        n = int(fetch(conn, capped, (*params, COUNT_CAP + 1))[0][0])
        if n > COUNT_CAP:
            return COUNT_CAP + 1, False
        if len(parts) == 1:
            return n, True
    for sql, params in parts:
        keys.update((a, s) for a, s, _ in fetch(conn, sql + " LIMIT ?", (*params, COUNT_CAP + 1)))
        if len(keys) > COUNT_CAP:
            return COUNT_CAP + 1, False
    return len(keys), True


def speaker_labels(conn: Connection, text: str) -> list[str]:
    """Stored speaker labels (lower-cased names and mention texts) holding ``text``."""
    names = schema.speaker_names
    pattern = f"%{like_escaped(text.strip().lower())}%"
    holds = names.c.name_lower.like(pattern, escape="\\")
    stmt = select(names.c.name_lower).where(holds).limit(MAX_LABELS)
    return [r[0] for r in conn.execute(stmt)]


def like_escaped(text: str) -> str:
    """``text`` matched literally inside a LIKE pattern: ``%``, ``_`` and the escape
    character stand for themselves ('speaker=%' no longer matches every quote)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _capped_count(
    conn: Connection, keys: Any, filtered: Any, since: str | None, until: str | None
) -> tuple[int, bool]:
    """How many rows ``keys`` selects: the stored count when nothing filters, else
    counted up to ``COUNT_CAP`` and, beyond, estimated from the share of the articles
    published in the date range."""
    c = schema.counts
    stored = conn.execute(select(c.c.n).where(c.c.kind == "table", c.c.key == "quotes")).scalar()
    if not filtered and not since and not until:
        return int(stored or 0), True
    capped = keys.limit(COUNT_CAP + 1).subquery()
    n = int(conn.execute(select(func.count()).select_from(capped)).scalar_one())
    if n <= COUNT_CAP or filtered:
        return n, n <= COUNT_CAP
    share = _article_share(conn, since, until)
    return max(n, round(int(stored or 0) * share)), False


def _article_share(conn: Connection, since: str | None, until: str | None) -> float:
    """The share of stored articles published within the dates (``counts`` by day).
    Every stored article adds one to its day's count (``""`` when undated) and one to
    the articles' row count, so the whole is that one row, not a sum over every day
    stored (7,300 rows over 20 years: 1-2 ms at 100,000 articles)."""
    c = schema.counts
    within = select(func.sum(c.c.n)).where(
        c.c.kind == "day", *day_range(c.c.key, since, until, None)
    )
    whole = conn.execute(select(c.c.n).where(c.c.kind == "table", c.c.key == "articles"))
    return int(conn.execute(within).scalar() or 0) / max(1, int(whole.scalar() or 0))


def quote_rows(conn: Connection, pairs: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """``quote_select`` rows of these (article_id, seq) pairs, in their order."""
    if not pairs:
        return []
    wanted = set(pairs)  # by article (an index prefix), then the pairs asked for
    articles = sorted({p[0] for p in pairs})
    found = {}
    for values in fetch(conn, QUOTES.format(marks(len(articles))), articles):
        if (key := (values[0], values[1])) in wanted:
            found[key] = row = dict(zip(QUOTE_KEYS, values, strict=True))
            row["direct"] = bool(row["direct"])
            row["parts"] = quote_parts(row["parts"])
    return [found[p] for p in pairs if p in found]


# ``quote_select``'s columns (``store.raw``: the pages' quotes), of the quotes of some articles
QUOTE_KEYS = (
    "article_id",
    "seq",
    "text",
    "direct",
    "cue",
    "speaker_entity",
    "speaker_name",
    "speaker_text",
    "start",
    "end",
    "parts",
    "date",
    "title",
    "url",
    "source",
    "outlet",
    "language",
)
QUOTES = (
    "SELECT q.article_id, q.seq, q.text, q.direct, q.cue, q.speaker_entity, q.speaker_name, "
    'q.speaker_text, q.start, q."end", q.parts, coalesce(q.date, a.published_date), a.title, '
    "a.url, a.source, s.name, a.language FROM quotes AS q JOIN articles AS a ON q.article_id = a.id "
    "LEFT OUTER JOIN sources AS s ON a.outlet_id = s.id WHERE q.article_id IN ({})"
)
