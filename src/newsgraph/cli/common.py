"""What every store-reading command shares: opening the database, failing with one
line, JSON Lines output, "showing N of M" titles, and dates of uneven precision.

``--json`` prints JSON Lines everywhere: one JSON object per line, a line per row for
list commands and a single line for ``stats`` and ``actors show``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console

from newsgraph.errors import NewsgraphError
from newsgraph.settings import default_db

err = Console(stderr=True)


def fail(exc: NewsgraphError | str) -> NoReturn:
    """Print ``error <message>`` on stderr and exit with status 2."""
    err.print(f"error {exc}", markup=False, highlight=False)
    raise typer.Exit(2)


@contextmanager
def open_db(db: str | None) -> Iterator[Any]:
    """The database (``--db``, else $NEWSGRAPH_DB, else ./newsgraph.db); every newsgraph
    error inside the block is printed as one line with exit status 2."""
    from newsgraph.analyze.database import Database

    try:
        store = Database.open(db or default_db())
    except NewsgraphError as exc:
        fail(exc)
    try:
        yield store
    except NewsgraphError as exc:
        fail(exc)
    finally:
        store.close()


def existing_db(db: str | None) -> str | None:
    """The database to read when one is optional: ``--db`` when given, else the default
    when it names an existing SQLite file or a URL; None otherwise."""
    if db:
        return db
    target = default_db()
    if "://" in target or Path(target).is_file():
        return target
    return None


def echo_json(row: Any) -> None:
    """One JSON Lines line."""
    typer.echo(json.dumps(row, ensure_ascii=False, default=str))


def note(message: str) -> None:
    """A remark about the output (counts, what was left out), on stderr."""
    err.print(message, markup=False, highlight=False)


def counted(shown: int, total: int, noun: str, *, more: str = "--limit N for more") -> str:
    """``155 quotes`` or ``showing 50 of 155 quotes (--limit N for more)``."""
    if shown >= total:
        return f"{total:,} {noun}"
    return f"showing {shown:,} of {total:,} {noun} ({more})"


_SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")


def start_day(value: str | None) -> dt.date | None:
    """The first day of a TIMEX3 date value (``2017-02-07``, ``2017-02``, ``2017``,
    ``2017-W06``, ``2017-Q1``, ``2017-H2``, ``2017-WI``); None for anything else."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    year = int(value[:4])
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return dt.date.fromisoformat(value[:10])
        if len(value) == 7 and value[5:].isdigit():
            return dt.date(year, int(value[5:]), 1)
        if len(value) == 4:
            return dt.date(year, 1, 1)
        week = _WEEK.match(value)
        if week:
            return dt.date.fromisocalendar(year, int(week.group(2)), 1)
        part = _PART.match(value)
        if part:
            tag = part.group(2)
            if tag in _SEASONS:
                return dt.date(year, _SEASONS[tag], 1)
            month = {"Q": 3 * (int(tag[1]) - 1) + 1, "H": 6 * (int(tag[1]) - 1) + 1}[tag[0]]
            return dt.date(year, month, 1)
    except ValueError:
        return None
    return None


def choose_period(dates: list[str | None]) -> str:
    """``day``, ``week``, ``month`` or ``year``: what spreads these dates (the middle
    90% of those precise to the day) over a readable number of periods
    (``analyze.periods``, shared with the web charts)."""
    from newsgraph.analyze.periods import choose_period as choose

    return choose(dates)
