"""Terminal tables that never interpret article text as markup.

News text is untrusted: "[bold]" or "[link=...]" in a title must print as typed, so
every cell and title goes through ``rich.text.Text`` rather than rich's markup parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.table import Table
from rich.text import Text


def plain(value: Any) -> Text:
    return value if isinstance(value, Text) else Text("" if value is None else str(value))


def table(
    title: str, columns: Sequence[str | tuple[str, dict[str, Any]]], rows: Iterable[Sequence[Any]]
) -> Table:
    """A table whose title and cells are literal text; a column may carry rich options."""
    out = Table(title=plain(title))
    for column in columns:
        name, options = (column, {}) if isinstance(column, str) else column
        out.add_column(plain(name), **options)
    for row in rows:
        out.add_row(*(plain(cell) for cell in row))
    return out
