"""``newsgraph stories`` and ``newsgraph story ID``: the stories the store holds (reports
of one event across outlets and languages) and one story told outlet by outlet.
Thin: the work is in ``newsgraph.analyze.stories`` and ``analyze.story_view``.
``register(app)`` adds the commands to the main app."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from newsgraph.cli.common import counted, echo_json, fail, note, open_db
from newsgraph.cli.options import DbOpt, JsonOpt, SinceOpt
from newsgraph.cli.render import entry
from newsgraph.errors import Code, UsageError


def _names(items: list[dict[str, Any]], size: int = 6) -> str:
    names = [i.get("name") or i.get("id") or "?" for i in items]
    more = f" +{len(names) - size}" if len(names) > size else ""
    return ", ".join(names[:size]) + more or "-"


def stories(
    db: DbOpt = None,
    since: SinceOpt = None,
    actor: Annotated[
        str | None, typer.Option(help="Only stories naming this actor (KB name, alias or id).")
    ] = None,
    limit: Annotated[int, typer.Option(help="Most stories to show.")] = 50,
    assign_pending: Annotated[
        bool,
        typer.Option(
            "--assign-pending",
            help="First put stored articles without a story (stored before stories existed) "
            "into stories.",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Stories, newest last report first: reports of one event across outlets and languages."""
    since_day = since if since is None or len(since) == 10 else _first_day(since)
    with open_db(db) as store:
        if assign_pending:
            note(f"{store.assign_pending_stories()} stored articles put into stories")
        rows = store.stories(since=since_day, actor=actor, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    if as_json:
        for row in rows:
            echo_json(row)
        return
    if not rows:
        note(
            "no stories"
            + (" in that period" if since else "")
            + (f" naming {actor}" if actor else "")
        )
        return
    # the store reads one story past the limit: there are more, not how many more
    title = (
        f"showing the {len(rows):,} newest stories; there are more (--limit N for more)"
        if more
        else counted(len(rows), len(rows), "stories")
    )
    out = Console()
    out.print(title, markup=False, highlight=False)
    for row in rows:
        entry(
            out,
            [
                f"#{row['id']}",
                f"{row['first_report']}..{row['last_report']}",
                _reports(row["articles"]),
                "/".join(row["languages"]),
            ],
            f"{row['headline'] or '(untitled)'} | outlets: {', '.join(row['outlets'])}"
            f" | actors: {_names(row['actors'])}",
            rule=True,
        )


def _first_day(value: str) -> str:
    return value + ("-01-01" if len(value) == 4 else "-01")


def story(
    story_id: Annotated[int, typer.Argument(help="The story id (see `newsgraph stories`).")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One story: its reports, each outlet's account and what each outlet leaves out."""
    with open_db(db) as store:
        record = store.story(story_id)
    if record is None:
        fail(UsageError(Code.BAD_OPTION, f"no story {story_id} (see `newsgraph stories`)"))
    if "merged_into" in record:
        note(f"story {story_id} was merged into story {record['merged_into']}")
        with open_db(db) as store:
            record = store.story(record["merged_into"])
        assert record is not None
    if as_json:
        echo_json(record)
        return
    _print_story(record)


def _print_story(record: dict[str, Any]) -> None:
    out = Console()
    entry(
        out,
        [
            f"story #{record['id']}",
            f"{record['first_report']}..{record['last_report']}",
            _reports(record["articles"]),
            f"{len(record['outlets'])} outlet{'' if len(record['outlets']) == 1 else 's'}",
            "/".join(record["languages"]),
        ],
        record["headline"] or "(untitled)",
        rule=True,
    )
    # one entry per outlet (head line of short fields, headline and actors wrapped
    # below): a table of eight columns is unreadable at 80 columns
    out.print("by outlet:", markup=False, highlight=False)
    for r in record["by_outlet"]:
        head = [
            r["outlet"],
            r["first_report"] or "?",
            f"{r['quotes']} quotes",
            f"{len(r['events'])} events",
        ]
        if record["has_claims"]:
            head.append(f"{len(r.get('claims') or [])} claims")
        if record["has_tone"]:
            head.append("tone -" if r.get("tone") is None else f"tone {r['tone']:+.2f}")
        actors = _names(r["actors"])
        body = (r["headline"] or "(untitled)") + (f" | actors: {actors}" if actors else "")
        entry(out, head, body)
    if not (record["has_claims"] and record["has_tone"]):
        note("claims and tone appear once the store holds claims and tone")
    for e in record["events"]:
        out.print(f"  event #{e['id']}: " + _event(e), markup=False, highlight=False)
    omits = [o for o in record["omits"] if o["actors"] or o["speakers"] or o["events"]]
    if omits:
        out.print("what each outlet leaves out that others carry:", markup=False)
    for o in omits:
        parts = []
        if o["actors"]:
            parts.append("actors: " + _names(o["actors"], 10))
        if o["speakers"]:
            parts.append("quoted: " + ", ".join(o["speakers"][:10]))
        if o["events"]:
            parts.append("events: " + "; ".join(e["label"] for e in o["events"][:5]))
        entry(out, [o["outlet"]], " | ".join(parts))


def _event(e: dict[str, Any]) -> str:
    src = ", ".join(a.get("name") or "?" for a in e.get("source") or []) or "?"
    tgt = ", ".join(a.get("name") or "?" for a in e.get("target") or []) or "?"
    neg = " (negated)" if e.get("negated") else ""
    return (
        f"{src} {e['type']}{neg} {tgt}, {e.get('date') or 'undated'}, {_reports(e['n_articles'])}"
    )


def _reports(n: int) -> str:
    return f"{n} report{'' if n == 1 else 's'}"


def register(app: typer.Typer) -> None:
    app.command("stories")(stories)
    app.command("story")(story)
