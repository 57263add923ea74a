"""``newsgraph conflicts``: figures the stored articles state that cannot both be right
(a headline against its own body, or two reports of the same thing). Thin: the work is
in :mod:`newsgraph.analyze.conflicts`. ``register(app)`` adds the command."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from newsgraph.cli.common import counted, echo_json, note, open_db
from newsgraph.cli.options import DbOpt, JsonOpt
from newsgraph.cli.render import entry

StoryOpt = Annotated[
    int | None,
    typer.Option("--story", help="Only the conflicts among this story's articles (its id)."),
]
LimitOpt = Annotated[int, typer.Option(help="Most conflicts to show.")]


def _value(side: dict[str, Any]) -> str:
    approx = "" if side["approx"] == "=" else f"{side['approx']} "
    return f"{approx}{side['text']}"


def _where(side: dict[str, Any]) -> str:
    outlet = side.get("outlet") or side.get("source") or side["article"]
    return f"{outlet}, {side['part']}, {side.get('published') or 'undated'}"


def conflicts(
    db: DbOpt = None, story: StoryOpt = None, limit: LimitOpt = 100, as_json: JsonOpt = False
) -> None:
    """Figures that cannot both be right, across a headline and its body or reports.

    Same subject and measure, same time, values apart beyond rounding and stated
    approximation (one JSON object a line with --json).
    """
    from newsgraph.analyze.conflicts import find_conflicts, has_stories

    with open_db(db) as store:
        if story is not None:
            with store.engine.connect() as conn:
                if not has_stories(conn):
                    note("this database has no stories yet: --story finds nothing")
        found = find_conflicts(store, story=story)
    shown = found[:limit]
    if as_json:
        for row in shown:
            echo_json(row)
        return
    if not found:
        note("no conflicting figures" + (f" in story {story}" if story is not None else ""))
        return
    out = Console()
    out.print(counted(len(shown), len(found), "conflicts"), markup=False, highlight=False)
    for row in shown:
        a, b = row["a"], row["b"]
        subject = row["subject"]["name"] or row["subject"]["entity"] or "?"
        head = [row["kind"], subject, row["measure"] or "", f"{_value(a)} vs {_value(b)}"]
        body = f"[{_where(a)}] {a['sentence']} || [{_where(b)}] {b['sentence']}"
        entry(out, head, body, rule=True)


def register(app: typer.Typer) -> None:
    app.command("conflicts")(conflicts)
