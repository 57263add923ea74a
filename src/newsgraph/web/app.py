"""The FastAPI application: the JSON API, the pages, the static files.

    app = create_app("news.db")                    # loopback: ingestion open locally
    app = create_app(url, token="s3cret", host="0.0.0.0")

Charts use the plotly.js bundle shipped inside the PyPI ``plotly`` package, served at
``/static/plotly.min.js``: no CDN, the pages work offline. ``/docs`` is a plain page
listing ``/openapi.json`` (``web.apidocs``), not Swagger UI, which needs a CDN.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsgraph import __version__
from newsgraph.errors import Code, UsageError
from newsgraph.store.db import Store
from newsgraph.web import api, apidocs, pages
from newsgraph.web.errors import error_response, install_handlers, strip_validation_responses
from newsgraph.web.ingest import check_bind

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


def create_app(db: str, *, token: str | None = None, host: str = "127.0.0.1") -> FastAPI:
    """The application over the store at ``db``. ``token`` (else ``$NEWSGRAPH_TOKEN``)
    guards ingestion; serving on a non-loopback ``host`` without one is refused."""
    token = token or os.environ.get("NEWSGRAPH_TOKEN") or None
    check_bind(host, token)
    store = Store.open(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
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
    app.include_router(apidocs.router)
    app.middleware("http")(_security_headers)
    app.middleware("http")(_refuse_nul)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


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


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


async def _refuse_nul(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """A NUL byte in the path or a query value is a 400 on every backend (PostgreSQL
    text cannot hold one, so it would otherwise fail deep in a query)."""
    values = [request.url.path, *request.query_params.keys(), *request.query_params.values()]
    if any("\x00" in v for v in values):
        return error_response(request, 400, "BAD_REQUEST", "a NUL byte in the request")
    return await call_next(request)


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        app.openapi_schema = strip_validation_responses(schema)
    return app.openapi_schema
