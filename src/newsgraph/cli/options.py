"""Options shared by several commands, declared once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from newsgraph.errors import Code, UsageError


def _day(param: typer.CallbackParam, value: str | None) -> str | None:
    """A ``--since``/``--until`` value: a real YYYY, YYYY-MM or YYYY-MM-DD (NG301 if not)."""
    if value is None:
        return None
    padded = {4: "-01-01", 7: "-01", 10: ""}.get(len(value))
    try:
        if padded is None or not value[:4].isdigit():
            raise ValueError(value)
        dt.date.fromisoformat(value + padded)
    except ValueError:
        name = param.opts[0] if param.opts else str(param.name)
        raise UsageError(
            Code.BAD_OPTION, f"{name} {value!r}: use a date as YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None
    return value


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite path or database URL (default: $NEWSGRAPH_DB, else ./newsgraph.db)."
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(callback=_day, help="From this day, month or year (YYYY[-MM[-DD]]), inclusive."),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(callback=_day, help="Up to this day, month or year (YYYY[-MM[-DD]]), inclusive."),
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="JSON Lines (one JSON object per line) instead of a table.")
]
