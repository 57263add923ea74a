"""The FastAPI application: the JSON API, the pages, the static files.

    app = create_app("news.db")                    # loopback: ingestion open locally
    app = create_app(url, token="s3cret", host="0.0.0.0")

Charts use the plotly.js bundle shipped inside the PyPI ``plotly`` package, served at
``/static/plotly.min.js``: no CDN, the pages work offline. ``/docs`` is a plain page
listing ``/openapi.json`` (``web.apidocs``), not Swagger UI, which needs a CDN.
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import event
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph import __version__
from newsgraph.analyze.database import Database
from newsgraph.errors import Code, UsageError
from newsgraph.settings import cache_size_mb
from newsgraph.store.version import DataVersion
from newsgraph.web import api, apidocs, pages, security, stories
from newsgraph.web.cache import ResponseCache
from newsgraph.web.errors import error_response, install_handlers, strip_validation_responses
from newsgraph.web.security import GuardConfig, RequestGuard, check_bind

# threads running the views and the synchronous pages (one trip per request), per server
# process: the work holds the GIL but for the time inside SQLite or waiting on PostgreSQL.
# On PostgreSQL the waits are the database's own work in other processes: at 1,000,000
# articles under 50 clients 6 threads answered 148-179 requests a second against 116-139
# with 4 and 144-168 with 8 (docs/scale.md, session 13); the sixth connection is one of
# the pool's overflow (SQLAlchemy keeps 5, opens up to 10 more). On SQLite the time
# outside the GIL is short, and each row SQLite steps gives the GIL up and takes it back:
# with two threads (session 10's choice, over four) the threads and the event loop still
# fought over it, and under 50 clients at 102,050 articles one thread answered more
# requests a second with a shorter tail (session 13: 259 -> 309 and 185 -> 259 answers/s,
# p95 375 -> 206 and 748 -> 390 ms, on two cores shared with other work). More cores are
# used by more processes (``serve --workers``).
THREADS = {"sqlite": 1, "postgresql": 6}
HERE = Path(str(resources.files("newsgraph.web")))
# scripts only from this server; plotly sets inline styles, so styles allow them
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def plotly_js() -> Path:
    """The plotly.js bundle inside the installed ``plotly`` package."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise UsageError(Code.BAD_OPTION, f"plotly.min.js not found at {path}")
    return path


def create_app(
    db: str,
    *,
    token: str | None = None,
    host: str = "127.0.0.1",
    cache_mb: int | None = None,
    allowed_hosts: Sequence[str] | None = None,
    max_body_bytes: int | None = None,
) -> FastAPI:
    """The application over the store at ``db``. ``token`` (else ``$NEWSGRAPH_TOKEN``)
    guards ingestion; serving on a non-loopback ``host`` without one is refused.
    ``cache_mb`` bounds the response cache (``web.cache``; 0 turns it off; default from
    ``$NEWSGRAPH_CACHE_MB``, else ``[serve] cache_mb`` in defaults.toml).
    ``allowed_hosts`` and ``max_body_bytes`` (defaults: ``[serve]`` in defaults.toml)
    configure ``web.security.RequestGuard``: the Host names answered besides loopback
    ones and the bound address, and the largest request body."""
    if cache_mb is None:
        cache_mb = cache_size_mb()
    token = token or os.environ.get("NEWSGRAPH_TOKEN") or None
    check_bind(host, token)
    store = Database.open(db)
    if store.engine.dialect.name == "postgresql":
        event.listen(store.engine, "connect", _serial_plans)
        store.engine.dispose()  # the connections opened before (migrations) go
    version = DataVersion(store.engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = THREADS.get(store.engine.dialect.name, 4)
        freeze_heap()
        try:
            yield
        finally:
            gc.unfreeze()
            version.close()
            store.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: /docs is our own page
        redoc_url=None,
        description="Who said what, who did what to whom, and when, from news. "
        "Every list is paged (limit, offset, total, next); every error has the "
        'shape {"error": {"code", "message", "status"}}.',
    )
    app.state.store, app.state.token, app.state.host = store, token, host
    app.state.templates = _templates()
    install_handlers(app)
    _install_static(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(stories.router)
    app.include_router(apidocs.router)
    # the last added runs first: headers on everything, then the Host, token, cross-site
    # and body-size checks before any body is read, NULs refused before the cache
    app.add_middleware(ResponseCache, version=version.current, max_bytes=cache_mb << 20)
    app.add_middleware(RefuseNul)
    guard = GuardConfig(
        token, security.allowed_hosts(host, allowed_hosts), security.max_body_bytes(max_body_bytes)
    )
    app.add_middleware(RequestGuard, config=guard)
    app.add_middleware(SecurityHeaders)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def freeze_heap() -> None:
    """Load what every process keeps for good (the knowledge base), then move every
    object alive into the garbage collector's permanent generation (``gc.freeze``), so
    that its full collections walk only what the server made since. Without it each
    full collection walked the KB, the modules and the app, about 190,000 objects: 270-
    300 ms with every request waiting, four times in 20 s under 50 clients, which was
    the p99 of every endpoint (docs/scale.md, session 13). The server's shutdown undoes
    it (``gc.unfreeze``)."""
    from newsgraph.kb.load import default_kb

    default_kb()
    gc.freeze()


def _serial_plans(dbapi_conn: Any, _record: Any) -> None:
    """No parallel workers for the server's queries (PostgreSQL): an answer reads a page
    of rows, and starting workers cost more than the read. At 505,000 articles the
    speaker quotes' read (20 articles' quotes, 60 rows) took 18-23 ms with the
    planner's Gather, 240 ms under 50 clients, and 0.5 ms without (docs/scale.md)."""
    dbapi_conn.execute("SET max_parallel_workers_per_gather = 0")
    dbapi_conn.commit()  # a SET in a transaction rolled back later would be undone


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True  # every template, whatever its file name
    return templates


def _install_static(app: FastAPI) -> None:
    bundle = plotly_js()

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def _plotly() -> FileResponse:
        return FileResponse(
            bundle, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
        )

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")


class SecurityHeaders:
    """ASGI middleware: the CSP and the other security headers on every response."""

    HEADERS = (
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self.HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RefuseNul:
    """ASGI middleware: a NUL byte in the path or a query value is a 400 on every backend
    (PostgreSQL text cannot hold one, so it would otherwise fail deep in a query)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _may_hold_nul(scope):
            request = Request(scope, receive)
            query = request.query_params
            values = [request.url.path, *query.keys(), *query.values()]
            if any("\x00" in v for v in values):
                response = error_response(request, 400, "BAD_REQUEST", "a NUL byte in the request")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _may_hold_nul(scope: Scope) -> bool:
    """Whether the path or the query string can hold a NUL (the path comes decoded, a
    query value as ``%00`` or raw): the full check parses the query only then."""
    query = scope.get("query_string", b"")
    return "\x00" in scope["path"] or b"%00" in query or b"\x00" in query


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        app.openapi_schema = strip_validation_responses(schema)
    return app.openapi_schema
