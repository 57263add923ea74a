"""``newsgraph dyad | timeline | export | events``: relations over time, an actor's
timeline, exports and merged events, over the store. Thin: the work is in
``newsgraph.analyze``. ``register(app)`` adds the commands to the main app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console

from newsgraph.cli.options import DbOpt, JsonOpt, SinceOpt, UntilOpt
from newsgraph.cli.render import table
from newsgraph.errors import NewsgraphError
from newsgraph.settings import default_db

err = Console(stderr=True)


@contextmanager
def _store(db: str | None) -> Iterator[Any]:
    """The store, with every newsgraph error printed as one line and exit status 2."""
    from newsgraph.analyze.database import Database

    try:
        store = Database.open(db or default_db())
    except NewsgraphError as exc:
        _fail(exc)
    try:
        yield store
    except NewsgraphError as exc:
        _fail(exc)
    finally:
        store.close()


def _fail(exc: NewsgraphError) -> None:
    err.print(f"error {exc}", markup=False, highlight=False)
    raise typer.Exit(2)


def _echo_json(row: Any) -> None:
    typer.echo(json.dumps(row, ensure_ascii=False, default=str))


def _short(text: str | None, size: int = 160) -> str:
    words = " ".join((text or "").split())
    return words if len(words) <= size else words[: size - 1] + "…"


def _names(actors: list[dict[str, Any]] | None) -> str:
    return ", ".join(a.get("name") or "?" for a in actors or []) or "-"


def dyad(
    a: Annotated[
        str, typer.Argument(help="A country (ISO alpha-3, e.g. RUS) or an actor (name or KB id).")
    ],
    b: Annotated[str, typer.Argument(help="The other country or actor.")],
    by: Annotated[str, typer.Option(help="Period: day, week, month or year.")] = "month",
    directed: Annotated[
        bool, typer.Option("--directed", help="Only A acting on B (and joint acts).")
    ] = False,
    negated: Annotated[bool, typer.Option("--negated", help="Count negated events too.")] = False,
    events: Annotated[
        bool, typer.Option("--events", help="List the events behind each cell.")
    ] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Merged events between two countries or actors per period and quad class."""
    from newsgraph.analyze.dyads import dyad_events, series_frame
    from newsgraph.analyze.parties import resolve_party
    from newsgraph.store.events import mention_sources

    with _store(db) as store:
        pa, pb = resolve_party(a), resolve_party(b)
        found = dyad_events(store, pa, pb, directed=directed, include_negated=negated)
        cells = series_frame(found, _period(by)).to_dict("records")
        with store.engine.connect() as conn:
            reports = mention_sources(conn, [e["id"] for e in found]) if events else {}
    in_cells = {i for cell in cells for i in cell["event_ids"]}
    details = {
        e["id"]: _event_detail(e, reports.get(e["id"], [])) for e in found if e["id"] in in_cells
    }
    if as_json:
        for cell in cells:
            if events:
                cell["events"] = [details[i] for i in cell["event_ids"]]
            _echo_json(cell)
        return
    _print_dyad(f"{pa.label} – {pb.label} by {by}", cells, details if events else {})


def _period(by: str) -> str:
    from newsgraph.analyze.dyads import PERIODS
    from newsgraph.errors import Code, UsageError

    if by not in PERIODS:
        _fail(UsageError(Code.BAD_OPTION, f"--by {by!r}: use one of {', '.join(PERIODS)}"))
    return by


def _event_detail(event: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    keep = (
        "id",
        "date",
        "type",
        "cameo",
        "quad_class",
        "intensity",
        "negated",
        "place",
        "n_mentions",
        "n_articles",
        "source",
        "target",
    )
    detail = {k: event.get(k) for k in keep}
    detail["reports"] = [
        {k: r.get(k) for k in ("article_id", "outlet", "title", "published_date", "sentence")}
        for r in reports
    ]
    return detail


def _print_dyad(title: str, cells: list[dict[str, Any]], details: dict[int, Any]) -> None:
    out = Console()
    columns: list[Any] = [
        "period",
        "quad class",
        ("events", {"justify": "right"}),
        ("mentions", {"justify": "right"}),
        ("mean intensity", {"justify": "right"}),
        "ids",
    ]
    out.print(
        table(
            title,
            columns,
            (
                [
                    c["period"],
                    c["quad"],
                    c["count"],
                    c["mentions"],
                    c["mean_intensity"],
                    " ".join(str(i) for i in c["event_ids"]),
                ]
                for c in cells
            ),
        )
    )
    if details:
        rows = []
        for event in details.values():
            first = (event["reports"] or [{}])[0]
            rows.append(
                [
                    event["id"],
                    event["date"],
                    f"{event['type']} {event['cameo'] or ''}",
                    _names(event["source"]),
                    _names(event["target"]),
                    event["n_mentions"],
                    first.get("outlet") or first.get("article_id"),
                    _short(first.get("sentence")),
                ]
            )
        cols: list[Any] = [
            "id",
            ("date", {"no_wrap": True}),
            "event",
            "source",
            "target",
            "reports",
            "first report",
            ("sentence", {"overflow": "fold"}),
        ]
        out.print(table("events behind the cells", cols, rows))


def timeline(
    actor: Annotated[
        str, typer.Option("--actor", help="An actor (name or KB id) or a country (ISO alpha-3).")
    ],
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(help="Most items to show (0: all).")] = 0,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """An actor's dated events and quotes, oldest first, with their sources."""
    with _store(db) as store:
        frame = store.timeline_df(actor, since=since, until=until)
    rows = [
        {k: (None if _missing(v) else v) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]
    rows = rows[:limit] if limit else rows
    if as_json:
        for row in rows:
            _echo_json(row)
        return
    columns: list[Any] = [
        ("date", {"no_wrap": True}),
        "kind",
        "role",
        "what",
        "with",
        ("text", {"overflow": "fold"}),
        "source",
    ]
    Console().print(
        table(
            f"timeline of {actor}: {len(rows)} items",
            columns,
            (
                [
                    r["date"],
                    r["kind"],
                    r["role"],
                    r["what"],
                    r["counterpart"],
                    _short(r["text"]),
                    _source_label(r),
                ]
                for r in rows
            ),
        )
    )


def _missing(value: Any) -> bool:
    return isinstance(value, float) and value != value  # NaN from pandas


def _source_label(row: dict[str, Any]) -> str:
    label = row.get("outlet") or row.get("title") or row.get("article_id") or ""
    extra = len(row.get("sources") or []) - 1
    return f"{label} (+{extra})" if extra > 0 else str(label)


def export(
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet or gdelt.")
    ] = "jsonl",
    what: Annotated[
        str | None,
        typer.Option(
            help="articles, events, quotes or merged (default: merged for gdelt, else articles)."
        ),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", help="Output file (default: stdout; parquet needs one)."),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Export a table of the store (streamed page by page)."""
    with _store(db) as store:
        n = store.export(format, what=what, out=out)
    if out:
        err.print(f"{n} rows written to {out}", markup=False, highlight=False)


def events(
    actor: Annotated[
        str | None, typer.Option(help="Only events with this actor or country.")
    ] = None,
    type: Annotated[
        str | None, typer.Option("--type", help="Only this PLOVER type (e.g. CONSULT).")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(help="Most events to show.")] = 50,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Merge every stored event again first.")
    ] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Merged events (one per event however many articles report it), newest first."""
    from newsgraph.analyze.timeline import merged_events_for

    with _store(db) as store:
        if rebuild:
            result = store.rebuild_merged_events()
            err.print(
                f"merged {result.mentions} reports into {result.new_events} events",
                markup=False,
                highlight=False,
            )
        rows = merged_events_for(
            store, actor=actor, type=type, since=since, until=until, limit=limit
        )
    if as_json:
        for row in rows:
            _echo_json(row)
        return
    columns: list[Any] = [
        "id",
        ("date", {"no_wrap": True}),
        "event",
        "source",
        "target",
        ("reports", {"justify": "right"}),
        ("articles", {"justify": "right"}),
        "neg",
    ]
    Console().print(
        table(
            f"{len(rows)} merged events",
            columns,
            (
                [
                    r["id"],
                    r["date"],
                    f"{r['type']} {r['cameo'] or ''}",
                    _names(r["source"]),
                    _names(r["target"]),
                    r["n_mentions"],
                    r["n_articles"],
                    "yes" if r["negated"] else "",
                ]
                for r in rows
            ),
        )
    )


def register(app: typer.Typer) -> None:
    """Add ``dyad``, ``timeline``, ``export`` and ``events`` to the ``newsgraph`` app."""
    app.command("dyad")(dyad)
    app.command("timeline")(timeline)
    app.command("export")(export)
    app.command("events")(events)
