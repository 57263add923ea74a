"""``newsgraph actors``: search the actor knowledge base and show an actor's dated roles."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from newsgraph.cli.common import echo_json, existing_db, open_db
from newsgraph.cli.render import table

app = typer.Typer(
    help="Search the actor knowledge base and show actors' dated roles.", no_args_is_help=True
)
KbOpt = Annotated[
    list[str] | None, typer.Option("--kb", help="Extra KB file or folder of *.jsonl (repeatable).")
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="JSON Lines: one object per actor instead of a table.")
]
ActorDbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Also count each actor's quotes and events in this database (default: "
        "$NEWSGRAPH_DB, else ./newsgraph.db when it exists).",
    ),
]


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
    db: ActorDbOpt = None,
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
    matches = search_actors(base, text, limit=limit + 1)
    found += [a for a in matches if a not in found]
    more = len(found) > limit
    found = found[:limit]
    counts = _counts(db, [a.id for a in found])
    if as_json:
        for actor in found:
            echo_json({**actor.to_dict(), **_in_db(counts, actor.id)})
        return
    if not found:
        typer.echo(f"no actor matches {text!r}", err=True)
        raise typer.Exit(1)
    columns: list = ["id", "name", "country", "latest role"]
    if counts is not None:
        columns.append(("in the database", {"overflow": "fold"}))
    title = f"actors matching {text!r}" + (
        f" (the first {limit}: --limit N for more)" if more else ""
    )
    Console().print(
        table(
            title,
            columns,
            (
                [a.id, a.name, a.country, _latest_role(a)]
                + ([_presence(counts, a.id)] if counts is not None else [])
                for a in found
            ),
        )
    )


def _counts(db: str | None, ids: list[str]) -> dict[str, tuple[int, int]] | None:
    """Quotes said by and merged events involving each actor id in the database, or None
    without a database to read."""
    from sqlalchemy import func, select

    from newsgraph.store import schema

    target = existing_db(db)
    if target is None or not ids:
        return None
    q, ma = schema.quotes, schema.merged_event_actors
    with open_db(target) as store, store.engine.connect() as conn:
        quotes = dict(
            conn.execute(
                select(q.c.speaker_entity, func.count())
                .where(q.c.speaker_entity.in_(ids))
                .group_by(q.c.speaker_entity)
            ).all()
        )
        events = dict(
            conn.execute(
                select(ma.c.entity, func.count(func.distinct(ma.c.merged_event_id)))
                .where(ma.c.entity.in_(ids))
                .group_by(ma.c.entity)
            ).all()
        )
    return {i: (int(quotes.get(i, 0)), int(events.get(i, 0))) for i in ids}


def _in_db(counts: dict[str, tuple[int, int]] | None, actor_id: str) -> dict[str, int]:
    if counts is None:
        return {}
    quotes, events = counts.get(actor_id, (0, 0))
    return {"db_quotes": quotes, "db_events": events}


def _presence(counts: dict[str, tuple[int, int]] | None, actor_id: str) -> str:
    quotes, events = (counts or {}).get(actor_id, (0, 0))
    return f"{quotes} quotes, {events} events"


def _latest_role(actor) -> str:
    latest = max(actor.roles, key=lambda r: r.start, default=None)
    return f"{latest.title} ({latest.start} – {latest.end or 'now'})" if latest else ""


@app.command("show")
def show(name: str, kb: KbOpt = None, db: ActorDbOpt = None, as_json: JsonOpt = False) -> None:
    """One actor (by id or name) with aliases and every role in date order."""
    from newsgraph.kb.search import describe_actor

    try:
        data = describe_actor(_kb(kb), name)
    except LookupError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    counts = _counts(db, [data["id"]])
    if as_json:
        echo_json({**data, **_in_db(counts, data["id"])})
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
    if counts is not None:
        quotes, events = counts[data["id"]]
        out.print(
            Text(
                f"in the database: {quotes} quotes (newsgraph quotes --speaker {data['name']!r}), "
                f"{events} events (newsgraph timeline --actor {data['name']!r})"
            )
        )
