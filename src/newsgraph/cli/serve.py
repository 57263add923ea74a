"""``newsgraph serve``: the web UI and the JSON API over a database, with uvicorn."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

from newsgraph.cli.options import DbOpt

HostOpt = Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")]
PortOpt = Annotated[int, typer.Option("--port", help="Port to listen on.")]
TokenOpt = Annotated[
    str | None,
    typer.Option(
        "--token",
        envvar="NEWSGRAPH_TOKEN",
        help="Token that ingestion requests must carry; required off loopback.",
    ),
]
WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        min=1,
        help="Server processes, each opening the database and holding its own cache.",
    ),
]
CacheOpt = Annotated[
    int | None,
    typer.Option(
        "--cache-mb",
        min=0,
        help="Memory for the response cache per process, dropped at every commit; 0 turns it "
        "off (default: $NEWSGRAPH_CACHE_MB, else 64).",
    ),
]

# what the web extra installs and the server imports (python-multipart: file uploads)
WEB_MODULES = ("fastapi", "uvicorn", "python_multipart", "jinja2", "plotly")


def app_from_env() -> Any:
    """The app for uvicorn's worker processes, configured through the environment."""
    from newsgraph.web import create_app

    return create_app(
        os.environ["NEWSGRAPH_SERVE_DB"],
        token=os.environ.get("NEWSGRAPH_TOKEN") or None,
        host=os.environ.get("NEWSGRAPH_SERVE_HOST", "127.0.0.1"),
    )


def serve_app(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    workers: int = 1,
    cache_mb: int | None = None,
) -> None:
    """Build the app (refusing a non-loopback host without a token) and run it with
    ``workers`` processes. With more than one, each accepts a connection only while it
    holds no more open connections than the others (``web.workers``): with uvicorn's
    own workers 50 keep-alive clients split 41 / 9 between two processes, and the
    busier one's clients set the p99 (docs/scale.md, sessions 10 and 17). One is the
    default."""
    from newsgraph.extras import require

    for module in WEB_MODULES:
        require(module, "web", "newsgraph serve")
    import uvicorn

    from newsgraph.settings import cache_size_mb
    from newsgraph.web import create_app

    cache_mb = cache_size_mb() if cache_mb is None else cache_mb
    app = create_app(db, token=token, host=host, cache_mb=cache_mb)  # checks the options here
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"newsgraph: serving {db} at http://{shown}:{port}/  (Ctrl+C to stop)", err=True)
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    os.environ.update(
        NEWSGRAPH_SERVE_DB=db, NEWSGRAPH_SERVE_HOST=host, NEWSGRAPH_CACHE_MB=str(cache_mb)
    )
    if token:
        os.environ["NEWSGRAPH_TOKEN"] = token
    options: dict[str, Any] = dict(
        factory=True, host=host, port=port, workers=workers, log_level="warning", access_log=False
    )
    if sys.platform == "win32":  # no reader callbacks on a listening socket there
        uvicorn.run("newsgraph.cli.serve:app_from_env", **options)
        return
    from newsgraph.web.workers import run_workers

    run_workers(uvicorn.Config("newsgraph.cli.serve:app_from_env", **options), workers)


def serve(
    db: DbOpt = None,
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    token: TokenOpt = None,
    workers: WorkersOpt = 1,
    cache_mb: CacheOpt = None,
) -> None:
    """Serve the web UI and the JSON API (docs at /docs) over the database."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.settings import default_db

    try:
        serve_app(db or default_db(), host, port, token, workers, cache_mb)
    except NewsgraphError as exc:
        typer.echo(f"error {exc}", err=True)
        raise typer.Exit(2) from None


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``newsgraph`` command."""
    app.command("serve")(serve)
