"""``newsgraph actors``: search the actor knowledge base and show an actor's dated roles."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from newsgraph.cli.render import table

app = typer.Typer(
    help="Search the actor knowledge base and show actors' dated roles.", no_args_is_help=True
)
KbOpt = Annotated[
    list[str] | None, typer.Option("--kb", help="Extra KB file or folder of *.jsonl (repeatable).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _kb(extra: list[str] | None):
    from pathlib import Path

    from newsgraph.kb.load import default_kb, load_kb

    return load_kb([Path(p) for p in extra]) if extra else default_kb()


@app.command("search")
def search(
    text: str,
    limit: Annotated[int, typer.Option(help="Most actors to list.")] = 20,
    on: Annotated[
        str | None, typer.Option(help="Date (YYYY-MM-DD) for role phrases; default today.")
    ] = None,
    kb: KbOpt = None,
    as_json: JsonOpt = False,
) -> None:
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
    found += [a for a in search_actors(base, text, limit=limit) if a not in found][
        : limit - len(found)
    ]
    if as_json:
        typer.echo(json.dumps([a.to_dict() for a in found], ensure_ascii=False, indent=1))
        return
    if not found:
        typer.echo(f"no actor matches {text!r}", err=True)
        raise typer.Exit(1)
    Console().print(
        table(
            f"actors matching {text!r}",
            ("id", "name", "country", "sector", "latest role"),
            ([a.id, a.name, a.country, a.sector, _latest_role(a)] for a in found),
        )
    )


def _latest_role(actor) -> str:
    latest = max(actor.roles, key=lambda r: r.start, default=None)
    return f"{latest.title} ({latest.start} – {latest.end or 'now'})" if latest else ""


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
    out.print(
        Text.assemble(
            (data["name"], "bold"),
            f"  {data['id']}  {data.get('country') or ''} {data.get('sector') or ''}",
        )
    )
    for lang, names in (data.get("aliases") or {}).items():
        out.print(Text(f"  {lang}: " + ", ".join(names)))
    out.print(
        table(
            "roles",
            ("from", "to", "role", "title"),
            (
                [r["start"], r.get("end") or "now", r["role"], r.get("title")]
                for r in data.get("roles", [])
            ),
        )
    )
