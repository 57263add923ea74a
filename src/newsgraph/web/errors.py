"""One error shape for the API and the pages:
``{"error": {"code": "...", "message": "...", "status": 400}}``.

API paths and ``.json`` twins get it as JSON; HTML pages render the same three facts.
A coded ``NewsgraphError`` keeps its catalogue code (``NG301``); HTTP-level failures
get a word code (``NOT_FOUND``, ``BAD_REQUEST``, ``UNAUTHORIZED``, ``INTERNAL``).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import NewsgraphError, StoreError

log = logging.getLogger("newsgraph.web")

_HTTP_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "TOO_LARGE",
    500: "INTERNAL",
}


class ApiError(Exception):
    """An error to show to the client with a status, a code and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def not_found(what: str) -> ApiError:
    return ApiError(404, "NOT_FOUND", f"no such {what}")


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}


def wants_html(request: Request) -> bool:
    """Pages (not ``/api/``, not a ``.json`` twin) answer in HTML."""
    path = request.url.path
    return not (path.startswith(("/api/", "/openapi", "/static/")) or path.endswith(".json"))


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The error as JSON, or as an HTML page for page paths."""
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request,
            "error.html",
            {"error": error_body(status, code, message)["error"]},
            status_code=status,
        )
    return JSONResponse(error_body(status, code, message), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """The first validation problem in words: ``query.limit: Input should be ...``."""
    problems = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err.get("loc", ()))
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    """Route every failure through ``error_response``."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(NewsgraphError)
    async def _coded(request: Request, exc: NewsgraphError) -> Response:
        status = 500 if isinstance(exc, StoreError) else 400
        return error_response(request, status, exc.code.value, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 400, "BAD_REQUEST", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = _HTTP_CODES.get(exc.status_code, f"HTTP_{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code.lower()
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "INTERNAL", "internal error (see the server log)")


def strip_validation_responses(schema: dict[str, Any]) -> dict[str, Any]:
    """Remove FastAPI's automatic 422 responses from an OpenAPI document: validation
    failures answer 400 with the common error shape, which every operation declares."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            if isinstance(operation, dict):
                operation.get("responses", {}).pop("422", None)
    components = schema.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    return schema
