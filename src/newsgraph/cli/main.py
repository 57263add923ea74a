"""The ``newsgraph`` command: a thin mirror of the Python API."""

from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from newsgraph.cli.common import counted, echo_json, note, open_db
from newsgraph.cli.options import DbOpt, JsonOpt, SinceOpt, UntilOpt
from newsgraph.cli.render import table
from newsgraph.errors import NewsgraphError
from newsgraph.records import Article, Record, quote_pieces
from newsgraph.settings import Settings

app = typer.Typer(
    help="newsgraph: who said what, who did what to whom, and when, from news.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)


def _register_subcommands() -> None:
    from newsgraph.cli import actors, analyze, conflicts, serve, stories

    app.add_typer(actors.app, name="actors")
    analyze.register(app)
    stories.register(app)
    conflicts.register(app)
    serve.register(app)


PROGRESS_MIN_INPUTS = 4


def _tone(value: float | None) -> str:
    return "-" if value is None else f"{value:+.1f}"


class Format(StrEnum):
    jsonl = "jsonl"
    pretty = "pretty"


InputsArg = Annotated[
    list[str],
    typer.Argument(help="Files, folders (recursive), http(s) URLs, or - for JSONL on stdin."),
]
GlobOpt = Annotated[
    str | None,
    typer.Option("--glob", help="Only files matching this pattern in folders, e.g. '*.html'."),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
PrivateOpt = Annotated[
    bool, typer.Option("--allow-private", help="Allow fetching private and loopback addresses.")
]
MaxBytesOpt = Annotated[
    int | None, typer.Option("--max-bytes", help="Refuse inputs larger than this (bytes).")
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--languages", help="Comma-separated ISO 639-1 codes language identification chooses from."
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        help="Processes for the NLP stage (default: the number of cores; 1 = in this process).",
    ),
]
EngineOpt = Annotated[
    str, typer.Option("--engine", help="Where the NLP stage runs: local (process pool) or ray.")
]
AddressOpt = Annotated[
    str | None,
    typer.Option(
        "--address",
        help="Ray cluster address, e.g. auto (only with --engine ray) (default: a local Ray).",
    ),
]


def _settings(
    glob: str | None, allow_private: bool, max_bytes: int | None, languages: str | None
) -> Settings:
    langs = tuple(x.strip() for x in languages.split(",") if x.strip()) if languages else None
    return Settings().replace(
        glob=glob, allow_private=allow_private or None, max_bytes=max_bytes, languages=langs
    )


@contextmanager
def progress_bar(quiet: bool, label: str):
    """A rich progress bar on stderr; yields a callback (done, total) or None when quiet."""
    if quiet:
        yield None
        return
    bar = Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < PROGRESS_MIN_INPUTS:
            return
        if task is None:
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()


def _summary_line(counts: Counter[str], codes: Counter[str]) -> str:
    parts = [
        f"{counts['ok']} ok",
        f"{counts['duplicate']} duplicate",
        f"{counts['rejected']} rejected",
    ]
    if codes:
        parts.append("(" + ", ".join(f"{c}×{n}" for c, n in sorted(codes.items())) + ")")
    return " ".join(parts)


def _print_pretty(record: Record) -> None:
    out = Console()
    if isinstance(record, Article):
        pub = record.published
        out.print(Text(record.title or "(untitled)", style="bold"), highlight=False)
        out.print(f"  id {record.id}  source {record.source}", markup=False, highlight=False)
        out.print(
            f"  language {record.language}  outlet {record.outlet}  published {pub.date} "
            f"({pub.origin}, {pub.confidence:.2f})  {len(record.text):,} chars",
            markup=False,
        )
        out.print(
            f"  entities {len(record.entities)}  quotes {len(record.quotes)}  "
            f"times {len(record.times)}  events {len(record.events)}  "
            f"claims {len(record.claims)}  tone {_tone(record.tone)}",
            markup=False,
        )
        first = record.text.strip().split("\n", 1)[0]
        out.print(
            "  " + (first[:160] + ("…" if len(first) > 160 else "")), markup=False, highlight=False
        )
    else:
        out.print(json.dumps(record.to_dict(), ensure_ascii=False), markup=False, highlight=False)


@app.command()
def extract(
    inputs: InputsArg,
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.jsonl,
    glob: GlobOpt = None,
    quiet: QuietOpt = False,
    allow_private: PrivateOpt = False,
    max_bytes: MaxBytesOpt = None,
    languages: LangOpt = None,
    workers: WorkersOpt = None,
    engine: EngineOpt = "local",
    address: AddressOpt = None,
) -> None:
    """Read articles and print one record per article (no database)."""
    from newsgraph.api import nlp_engine as make_engine
    from newsgraph.run.pipeline import process

    settings = _settings(glob, allow_private, max_bytes, languages)
    nlp_engine = make_engine(workers, engine, address, story_vectors=False)
    counts: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    with progress_bar(quiet, "extract") as update:
        for record in process(inputs, settings, progress=update, engine=nlp_engine):
            counts[record.status] += 1
            if record.status == "rejected":
                codes[record.code] += 1  # type: ignore[union-attr]
            if isinstance(record, Article) and "note" in record.extensions:
                counts["no_pipeline"] += 1
            if format is Format.jsonl:
                sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            else:
                _print_pretty(record)
    sys.stdout.flush()
    if not quiet:
        err.print(_summary_line(counts, codes), markup=False, highlight=False)
        if counts["no_pipeline"]:
            err.print(
                f"warning: {counts['no_pipeline']} article(s) in a language without a pipeline "
                "(only en, fr, ru are analysed): metadata only, see each record's extensions.note",
                markup=False,
                highlight=False,
            )
    if counts["ok"] + counts["duplicate"] == 0:
        raise typer.Exit(2)


@app.command()
def ingest(
    inputs: InputsArg,
    db: DbOpt = None,
    glob: GlobOpt = None,
    quiet: QuietOpt = False,
    allow_private: PrivateOpt = False,
    max_bytes: MaxBytesOpt = None,
    languages: LangOpt = None,
    workers: WorkersOpt = None,
    engine: EngineOpt = "local",
    address: AddressOpt = None,
) -> None:
    """Read articles and store them (idempotent: what is stored already is skipped)."""
    from newsgraph.api import nlp_engine as make_engine
    from newsgraph.run.ingest import ingest as run_ingest

    settings = _settings(glob, allow_private, max_bytes, languages)
    nlp_engine = make_engine(workers, engine, address)
    with open_db(db) as store, progress_bar(quiet, "ingest") as update:
        summary = run_ingest(inputs, store, settings, progress=update, engine=nlp_engine)
        unparsed = _unparsed_languages(store, summary.run_id) if summary.added else {}
    if not quiet:
        codes = ", ".join(f"{c}×{n}" for c, n in sorted(summary.codes.items()))
        err.print(
            f"run {summary.run_id}: {summary.added} added, {summary.duplicates} duplicate, "
            f"{summary.skipped} already stored, {summary.rejected} rejected"
            + (f" ({codes})" if codes else ""),
            markup=False,
            highlight=False,
        )
        if summary.added == 0 and summary.read:
            err.print("nothing new to store", markup=False)
        if unparsed:
            err.print(
                f"warning: {sum(unparsed.values())} stored article(s) in a language without a "
                f"pipeline ({', '.join(f'{k}×{n}' for k, n in sorted(unparsed.items()))}; only "
                f"{', '.join(_parsed_languages())} are analysed): metadata only",
                markup=False,
                highlight=False,
            )
    if summary.read == 0:
        raise typer.Exit(2)


def _parsed_languages() -> list[str]:
    from newsgraph.registry import languages

    return sorted(languages())


def _unparsed_languages(store: Any, run_id: int) -> dict[str, int]:
    """Articles this run stored in a language no pipeline analyses, per language."""
    from sqlalchemy import func, select

    from newsgraph.store import schema

    a = schema.articles
    stmt = select(a.c.language, func.count()).where(a.c.run_id == run_id).group_by(a.c.language)
    parsed = set(_parsed_languages())
    with store.engine.connect() as conn:
        return {
            str(lang or "unknown"): int(n)
            for lang, n in conn.execute(stmt)
            if lang not in parsed and int(n)
        }


@app.command()
def stats(
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on one line.")] = False,
) -> None:
    """Counts of what the database holds."""
    with open_db(db) as store:
        data = store.stats()
    if as_json:
        echo_json(data)
        return
    out = Console()
    out.print(
        _count_table("newsgraph database", "table", data.get("tables", {}), sort=False, top=0)
    )
    for key in ("languages", "outlets"):
        if data.get(key):
            out.print(_count_table(key, key.rstrip("s"), data[key]))
    out.print(repairs_line(data.get("repairs") or {}))
    runs = data.get("runs") or []
    if runs:
        out.print(
            table(
                "recent runs",
                ("id", "command", "started", "status", "counts"),
                (
                    [
                        run.get("id"),
                        run.get("command"),
                        str(run.get("started"))[:19],
                        run.get("status"),
                        _counts_text(run.get("counts")),
                    ]
                    for run in runs[:10]
                ),
            )
        )


def repairs_line(repairs: dict) -> str:
    """What the mojibake repair at ingest changed, in words."""
    articles, words = repairs.get("articles", 0), repairs.get("words", 0)
    uncounted = repairs.get("uncounted", 0)
    told = (
        f"{words:,} words in {articles:,} article{'s' if articles != 1 else ''}"
        if articles
        else "none"
    )
    if uncounted:
        told += (
            f" (not counted for the {uncounted:,} article{'s' if uncounted != 1 else ''} "
            "stored before newsgraph counted repairs)"
        )
    return f"mojibake repaired at ingest: {told}"


def _counts_text(counts: dict | None) -> str:
    return ", ".join(f"{k} {v}" for k, v in (counts or {}).items() if isinstance(v, int))


def _count_table(title: str, label: str, counts: dict, *, sort: bool = True, top: int = 15):
    """A two-column table of counts: the ``top`` largest (0: every row, in order)."""
    items = sorted(counts.items(), key=lambda kv: -kv[1]) if sort else list(counts.items())
    if top and len(items) > top:
        title += f" (the {top} largest of {len(items)}; --json for all)"
    return table(
        title,
        (label, ("count", {"justify": "right"})),
        ([name, f"{n:,}"] for name, n in (items[:top] if top else items)),
    )


@app.command()
def quotes(
    db: DbOpt = None,
    speaker: Annotated[
        str | None, typer.Option(help="Speaker: a name, alias or fragment (e.g. Peskov).")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(help="Most quotes to show.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Stored quotes, newest first, by speaker and date. A quote split by its attribution
    shows its pieces joined by ' … ' (--json gives its text and parts)."""
    with open_db(db) as store:
        rows = store.find_quotes(speaker=speaker, since=since, until=until, limit=limit)
        total = _quote_total(store, speaker, since, until) if len(rows) >= limit else len(rows)
    if as_json:
        for row in rows:
            echo_json(row)
        return
    title = counted(len(rows), total, "quotes" + (f" by {speaker}" if speaker else ""))
    if not rows:
        note(
            f"no quotes{' by ' + speaker if speaker else ''} in the database"
            + (" in that period" if since or until else "")
        )
        return
    Console().print(
        table(
            title,
            [
                ("date", {"no_wrap": True}),
                ("speaker", {"ratio": 1}),
                ("quote", {"ratio": 3}),
                ("outlet", {"ratio": 1, "overflow": "fold"}),
            ],
            (
                [
                    row["date"],
                    row["speaker_name"] or row["speaker_text"] or "?",
                    _quoted(row),
                    row["outlet"],
                ]
                for row in rows
            ),
        )
    )


def _quote_total(store, speaker: str | None, since: str | None, until: str | None) -> int:
    """How many quotes ``find_quotes`` would return without a limit."""
    from sqlalchemy import func, select

    from newsgraph.kb.load import default_kb
    from newsgraph.kb.resolve import lookup_name
    from newsgraph.store.queries import quote_select

    ids = [actor.id for actor in lookup_name(default_kb(), speaker)] if speaker else []
    stmt = quote_select(ids, speaker, since, until)
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one())


PIECE_JOIN = " … "  # between the pieces of a quote split by its attribution


def _quoted(row: dict) -> str:
    """A quote's words for the table: a quote split by its attribution is its pieces
    joined by `` … `` ('"We will go," he said, "and soon."' shows as 'We will go … and
    soon.': the attribution left out, as the web pages set it apart), a quote
    in one piece, or whose pieces do not fall in order inside its text, its text. The
    table prints it as literal text (render.table), never as rich markup."""
    words = _pieces(row) or row["text"]
    words = words if len(words) < 200 else words[:197] + "…"
    return f"“{words}”" if row["direct"] else words


def _pieces(row: dict) -> str | None:
    """The pieces of a split quote joined by ``PIECE_JOIN``, or None when it has none or
    they are not the stretches of its text they claim to be (``records.quote_pieces``)."""
    spans = quote_pieces(row)
    if not spans:
        return None
    words = [row["text"][a:b] for a, b in spans]
    # the comma that led into the attribution ('"We will go," he said') goes with it
    return PIECE_JOIN.join(
        [*(w.rstrip().removesuffix(",").rstrip() for w in words[:-1]), words[-1]]
    )


@app.command()
def version() -> None:
    """Print the version."""
    from newsgraph import __version__

    typer.echo(__version__)


_register_subcommands()  # after the core commands, so --help lists extract and ingest first


def main() -> None:
    try:
        app()
    except NewsgraphError as exc:
        err.print(f"error {exc}", markup=False, highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
