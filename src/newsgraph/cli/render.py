"""Terminal tables that never interpret article text as markup.

News text is untrusted: "[bold]" or "[link=...]" in a title must print as typed, so
every cell and title goes through ``rich.text.Text`` rather than rich's markup parser.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

INDENT = 4


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


def entry(
    console: Console, head: Sequence[Any], body: str | None = None, *, rule: bool = False
) -> None:
    """One item as a head line of short fields and, below it, its long text wrapped to
    the terminal's width and indented: readable at 80 columns, where a table would
    squeeze a sentence column to a few characters."""
    fields = [plain(x) for x in head if x not in (None, "")]
    console.print(Text("  ").join(fields), highlight=False, overflow="fold")
    if body:
        width = max(20, console.width - INDENT)
        for line in textwrap.wrap(" ".join(body.split()), width, break_long_words=True):
            console.print(Text(" " * INDENT + line), highlight=False, soft_wrap=True)
    if rule:
        console.print()
