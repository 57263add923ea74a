"""``newsgraph actors``: search the actor knowledge base and show an actor's dated roles."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Search the actor knowledge base and show actors' dated roles.",
                  no_args_is_help=True)
KbOpt = Annotated[list[str] | None, typer.Option("--kb", help="Extra KB file or folder of *.jsonl (repeatable).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _kb(extra: list[str] | None):
    from pathlib import Path

    from newsgraph.kb.load import default_kb, load_kb

    return load_kb([Path(p) for p in extra]) if extra else default_kb()


@app.command("search")
def search(text: str, limit: Annotated[int, typer.Option(help="Most actors to list.")] = 20,
           on: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for role phrases; default today.")] = None,
           kb: KbOpt = None, as_json: JsonOpt = False) -> None:
    """Actors whose names or aliases match TEXT (exact aliases first, then fuzzy).

    A role phrase ("the French president", "the Kremlin spokesman") lists who held the
    role on --on (default: today) first.
    """
    from datetime import date

    from newsgraph.kb.resolve import resolve_role_phrase
    from newsgraph.kb.search import search_actors

    base = _kb(kb)
    holder = resolve_role_phrase(base, text, on or date.today().isoformat())
    found = [holder] if holder is not None else []
    found += [a for a in search_actors(base, text, limit=limit) if a not in found][: limit - len(found)]
    if as_json:
        typer.echo(json.dumps([a.to_dict() for a in found], ensure_ascii=False, indent=1))
        return
    if not found:
        typer.echo(f"no actor matches {text!r}", err=True)
        raise typer.Exit(1)
    table = Table(title=f"actors matching {text!r}")
    for col in ("id", "name", "country", "sector", "latest role"):
        table.add_column(col)
    for actor in found:
        latest = max(actor.roles, key=lambda r: r.start, default=None)
        role = f"{latest.title} ({latest.start} – {latest.end or 'now'})" if latest else ""
        table.add_row(actor.id, actor.name, actor.country or "", actor.sector or "", role)
    Console().print(table)


@app.command("show")
def show(name: str, kb: KbOpt = None, as_json: JsonOpt = False) -> None:
    """One actor (by id or name) with aliases and every role in date order."""
    from newsgraph.kb.search import describe_actor

    try:
        data = describe_actor(_kb(kb), name)
    except LookupError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    out = Console()
    out.print(f"[bold]{_esc(data['name'])}[/bold]  {data['id']}  {data.get('country') or ''} "
              f"{data.get('sector') or ''}")
    for lang, names in (data.get("aliases") or {}).items():
        out.print(f"  {lang}: " + ", ".join(names), markup=False, highlight=False)
    table = Table(title="roles")
    for col in ("from", "to", "role", "title"):
        table.add_column(col)
    for role in data.get("roles", []):
        table.add_row(role["start"], role.get("end") or "now", role["role"], role.get("title") or "")
    out.print(table)


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
