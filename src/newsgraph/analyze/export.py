"""Exports of the store: articles (each with its ``story``), events, quotes, merged
events or stories as JSON Lines, CSV, Parquet, or GDELT 2.0's event table.

    export(store, "csv", what="quotes", out="quotes.csv")
    export(store, "gdelt", out=sys.stdout)           # merged events, 61 columns, no header

Everything streams: rows are read a page at a time (keyset pagination) and written
as they come, so no export holds a whole table in memory. Parquet is written one row
group per page, and needs a file path.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, Select, and_, select

from newsgraph.analyze.gdelt import gdelt_row
from newsgraph.errors import Code, UsageError
from newsgraph.extras import require
from newsgraph.store import events as q
from newsgraph.store import reader, schema
from newsgraph.store import stories as story_store
from newsgraph.store.db import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
WHATS = ("articles", "events", "quotes", "merged", "stories")
Out = str | Path | IO[str] | None


def export(store: Store, fmt: str, *, what: str | None = None, out: Out = None) -> int:
    """Write ``what`` (default: ``merged`` for gdelt, else ``articles``) in format ``fmt``
    to ``out`` (a path, an open text stream, or None for stdout); returns the rows
    written. Raises ``UsageError`` for an unknown format or table, a gdelt export of
    anything but merged events, or parquet without a path."""
    what = what or ("merged" if fmt == "gdelt" else "articles")
    _check(fmt, what, out)
    stmt, keys = table_select(what)
    pages = q.iter_pages(store.engine, stmt, keys)
    if fmt == "parquet":
        assert out is not None and not hasattr(out, "write")
        return _write_parquet(pages, stmt, Path(str(out)))
    writer = _WRITERS[fmt]
    with _text_out(out) as stream:
        if fmt == "gdelt":
            return writer(_with_reports(store, pages), stmt, stream)
        return writer(pages, stmt, stream)


def _check(fmt: str, what: str, out: Out) -> None:
    if fmt not in FORMATS:
        raise UsageError(Code.BAD_OPTION, f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise UsageError(Code.BAD_OPTION, f"--what {what!r}: use one of {', '.join(WHATS)}")
    if fmt == "gdelt" and what != "merged":
        raise UsageError(Code.BAD_OPTION, "--format gdelt exports merged events only")
    if fmt == "parquet" and (out is None or hasattr(out, "write")):
        raise UsageError(Code.BAD_OPTION, "--format parquet needs --out PATH")


def table_select(what: str) -> tuple[Select[Any], list[str]]:
    """The statement behind an export and the unique columns it pages by."""
    a, src = schema.articles, schema.sources
    if what == "articles":  # each with its story id (null: none yet)
        return story_store.with_story(reader.article_select(), schema.articles.c.id), ["id"]
    if what == "stories":
        return story_store.export_select(), ["id"]
    if what == "merged":
        return select(schema.merged_events), ["id"]
    table = schema.events if what == "events" else schema.quotes
    columns: list[Any] = [table, a.c.published_date, src.c.name.label("outlet")]
    joined = table.join(a, table.c.article_id == a.c.id).outerjoin(src, a.c.outlet_id == src.c.id)
    if what == "events":
        m = schema.event_mentions
        columns.append(m.c.merged_event_id)
        joined = joined.outerjoin(
            m, and_(m.c.article_id == table.c.article_id, m.c.event_seq == table.c.seq)
        )
    return select(*columns).select_from(joined), ["article_id", "seq"]


@contextmanager
def _text_out(out: Out) -> Iterator[IO[str]]:
    if out is None:
        yield sys.stdout
    elif hasattr(out, "write"):
        yield out  # type: ignore[misc]
    else:
        with open(out, "w", encoding="utf-8", newline="") as handle:  # noqa: PTH123
            yield handle


# ---- formats --------------------------------------------------------------------------------


def _write_jsonl(pages: Iterator[list[dict[str, Any]]], stmt: Select[Any], out: IO[str]) -> int:
    n = 0
    for page in pages:
        for row in page:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _write_csv(pages: Iterator[list[dict[str, Any]]], stmt: Select[Any], out: IO[str]) -> int:
    names = [c.name for c in stmt.selected_columns]
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    n = 0
    for page in pages:
        writer.writerows(_flat(row, stmt) for row in page)
        n += len(page)
    return n


def _write_gdelt(
    pages: Iterator[list[tuple[dict[str, Any], dict[str, Any]]]], stmt: Select[Any], out: IO[str]
) -> int:
    n = 0
    for page in pages:
        for event, report in page:
            row = gdelt_row(event, report)
            if row is None:  # no valid day (see analyze/gdelt.py): GDELT has no such row
                continue
            out.write("\t".join(row) + "\n")
            n += 1
    return n


_WRITERS: dict[str, Callable[..., int]] = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "gdelt": _write_gdelt,
}


def _with_reports(
    store: Store, pages: Iterator[list[dict[str, Any]]]
) -> Iterator[list[tuple[dict[str, Any], dict[str, Any]]]]:
    """Each page of merged events with the earliest report of each."""
    for page in pages:
        with store.engine.connect() as conn:
            reports = q.first_reports(conn, [r["id"] for r in page])
        yield [(row, reports.get(row["id"], {})) for row in page]


def _write_parquet(pages: Iterator[list[dict[str, Any]]], stmt: Select[Any], path: Path) -> int:
    pa = require("pyarrow", "parquet", "export --format parquet")
    import pyarrow.parquet as pq

    arrow_schema = pa.schema([(c.name, _arrow_type(c.type)) for c in stmt.selected_columns])
    n = 0
    with pq.ParquetWriter(path, arrow_schema) as writer:
        for page in pages:
            rows = [_flat(row, stmt) for row in page]
            writer.write_table(pa.Table.from_pylist(rows, schema=arrow_schema))
            n += len(rows)
        if n == 0:
            writer.write_table(arrow_schema.empty_table())
    return n


def _arrow_type(sql_type: Any) -> Any:
    """The Arrow type a column is written as (JSON and timestamps as text)."""
    import pyarrow as pa

    if isinstance(sql_type, Boolean):
        return pa.bool_()
    if isinstance(sql_type, Integer):
        return pa.int64()
    if isinstance(sql_type, Float):
        return pa.float64()
    return pa.string()


def _flat(row: dict[str, Any], stmt: Select[Any]) -> dict[str, Any]:
    """A row with JSON columns as JSON text and timestamps as ISO text (CSV, Parquet)."""
    flat = dict(row)
    for col in stmt.selected_columns:
        value = flat.get(col.name)
        if value is None:
            continue
        if isinstance(col.type, JSON):
            flat[col.name] = json.dumps(value, ensure_ascii=False)
        elif isinstance(col.type, DateTime):
            flat[col.name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
        elif isinstance(value, bytes):
            flat[col.name] = value.hex()
    return flat
