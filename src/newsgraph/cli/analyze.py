"""``newsgraph dyad | timeline | export | events``: relations over time, an actor's
timeline, exports and merged events, over the store. Thin: the work is in
``newsgraph.analyze``. ``register(app)`` adds the commands to the main app."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from newsgraph.cli.common import (
    choose_period,
    counted,
    echo_json,
    fail,
    note,
    open_db,
    start_day,
)
from newsgraph.cli.options import DbOpt, JsonOpt, SinceOpt, UntilOpt
from newsgraph.cli.render import entry, table

MAX_EVENTS = 50_000  # most merged events `events` reads to sort and filter


def _short(text: str | None, size: int = 300) -> str:
    words = " ".join((text or "").split())
    return words if len(words) <= size else words[: size - 1] + "…"


def _names(actors: list[dict[str, Any]] | None) -> str:
    return ", ".join(a.get("name") or "?" for a in actors or []) or "-"


def _event_label(event: dict[str, Any]) -> str:
    label = f"{event['type']} {event.get('cameo') or ''}".strip()
    return label + (" (negated)" if event.get("negated") else "")


def dyad(
    a: Annotated[
        str, typer.Argument(help="A country (ISO alpha-3, e.g. RUS) or an actor (name or KB id).")
    ],
    b: Annotated[str, typer.Argument(help="The other country or actor.")],
    by: Annotated[
        str | None,
        typer.Option(
            help="Period: day, week, month or year (default: chosen from the events' time span)."
        ),
    ] = None,
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

    with open_db(db) as store:
        pa, pb = resolve_party(a), resolve_party(b)
        found = dyad_events(store, pa, pb, directed=directed, include_negated=negated)
        period = _period(by) if by else choose_period([e.get("date") for e in found])
        cells = series_frame(found, period).to_dict("records")
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
            echo_json(cell)
        return
    title = f"{pa.label} – {pb.label} by {period}"
    if not cells:
        undated = len(found) - len(in_cells)
        note(
            f"{title}: no events between them in the database"
            + (f" dated to the {period} ({undated} less precisely dated)" if undated else "")
            + ("" if negated else "; --negated counts negated ones too")
        )
        return
    _print_dyad(title, cells, details if events else {})


def _period(by: str) -> str:
    from newsgraph.analyze.dyads import PERIODS
    from newsgraph.errors import Code, UsageError

    if by not in PERIODS:
        fail(UsageError(Code.BAD_OPTION, f"--by {by!r}: use one of {', '.join(PERIODS)}"))
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
        ("period", {"no_wrap": True}),
        "quad class",
        ("events", {"justify": "right"}),
        ("reports", {"justify": "right"}),
        ("mean intensity", {"justify": "right"}),
    ]
    rows = ([c["period"], c["quad"], c["count"], c["mentions"], c["mean_intensity"]] for c in cells)
    out.print(table(title, columns, rows))
    if not details:
        note("--events lists the events behind each cell")
        return
    out.print()
    out.print(Text(f"{len(details)} events behind the cells", style="bold"))
    for event in details.values():
        first = (event["reports"] or [{}])[0]
        reports = event["n_mentions"] or 0
        entry(
            out,
            [
                f"#{event['id']}",
                event["date"],
                _event_label(event),
                f"{_names(event['source'])} → {_names(event['target'])}",
                f"{first.get('outlet') or first.get('article_id') or ''}"
                + (f" (+{reports - 1})" if reports > 1 else ""),
            ],
            _short(first.get("sentence")),
        )


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
    from newsgraph.analyze.parties import resolve_party

    with open_db(db) as store:
        party = resolve_party(actor)
        frame = store.timeline_df(actor, since=since, until=until)
    rows = [
        {k: (None if _missing(v) else v) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]
    total = len(rows)
    rows = rows[:limit] if limit else rows
    if as_json:
        for row in rows:
            echo_json(row)
        return
    if not rows:
        window = " in that period" if since or until else ""
        note(
            f"timeline of {party.label}: no dated events or quotes{window} in the database "
            "(an actor counts when an event or quote is resolved to them; "
            f"`newsgraph quotes --speaker {actor!r}` matches names more loosely)"
        )
        return
    out = Console()
    heading = f"timeline of {party.label}: {counted(len(rows), total, 'items')}"
    out.print(Text(heading, style="bold"))
    for r in rows:
        entry(
            out,
            [
                r["date"],
                r["kind"],
                r["role"],
                r["what"],
                f"with {r['counterpart']}" if r["counterpart"] else None,
                _source_label(r),
            ],
            _short(r["text"]),
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
    with open_db(db) as store:
        n = store.export(format, what=what, out=out)
    if out:
        note(f"{n} rows written to {out}")


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
    future: Annotated[
        bool,
        typer.Option(
            "--future",
            help="Also events dated after every article reporting them (plans, forecasts, "
            "misread dates).",
        ),
    ] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Merge every stored event again first.")
    ] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Merged events (one per event however many articles report it), newest first.

    Ordered by the first day of their date; undated ones last.
    """
    from newsgraph.analyze.timeline import merged_events_for

    with open_db(db) as store:
        if rebuild:
            result = store.rebuild_merged_events()
            note(f"merged {result.mentions} reports into {result.new_events} events")
        rows = merged_events_for(
            store, actor=actor, type=type, since=since, until=until, limit=MAX_EVENTS
        )
    ahead = [r for r in rows if _reported_before(r)]
    if not future:
        rows = [r for r in rows if not _reported_before(r)]
    rows.sort(key=_newest_first_key, reverse=True)
    shown = rows[:limit]
    if as_json:
        for row in shown:
            echo_json(row)
        return
    title = counted(len(shown), len(rows), "merged events")
    if ahead and not future:
        title += f"; {len(ahead)} dated after their reports left out (--future)"
    if not shown:
        note(f"no merged events{' of ' + actor if actor else ''} match ({title})")
        return
    columns: list[Any] = [
        ("id", {"justify": "right"}),
        ("date", {"no_wrap": True}),
        "event",
        "source",
        "target",
        ("reports", {"justify": "right"}),
    ]
    Console().print(
        table(
            title,
            columns,
            (
                [
                    r["id"],
                    r["date"] or "undated",
                    _event_label(r),
                    _names(r["source"]),
                    _names(r["target"]),
                    _reports(r),
                ]
                for r in shown
            ),
        )
    )


def _reports(row: dict[str, Any]) -> str:
    mentions, articles = row.get("n_mentions") or 0, row.get("n_articles") or 0
    return str(mentions) if mentions == articles else f"{mentions} in {articles} art."


def _reported_before(row: dict[str, Any]) -> bool:
    """True when the event's date starts after the last article reporting it appeared."""
    first = start_day(row.get("date"))
    seen = start_day(str(row.get("last_seen") or "")[:10])
    return first is not None and seen is not None and first > seen


def _newest_first_key(row: dict[str, Any]) -> tuple[dt.date, int, int]:
    day = start_day(row.get("date"))
    precision = len(row.get("date") or "")
    return (day or dt.date.min, precision, int(row["id"]))


def register(app: typer.Typer) -> None:
    """Add ``dyad``, ``timeline``, ``export`` and ``events`` to the ``newsgraph`` app."""
    app.command("dyad")(dyad)
    app.command("timeline")(timeline)
    app.command("export")(export)
    app.command("events")(events)
