"""What every request goes through before a route sees it: the Host allow-list, the
token and cross-site checks of writes, and the body size cap.

``RequestGuard`` is a plain ASGI middleware, so it decides from the headers alone,
before a byte of the body is read:

- **Host** (DNS rebinding): a server bound to loopback answers only requests whose
  ``Host`` is a loopback name (``localhost``, ``127.0.0.1``, ``[::1]``), the bound
  address or a configured name (``[serve] allowed_hosts``,
  ``NEWSGRAPH_SERVE_ALLOWED_HOSTS=news.example,10.0.0.5``; ``*`` turns the check off).
  A server bound elsewhere checks ``Host`` only when names are configured. Else 400
  ``BAD_HOST``.
- **Writes** (POST, PUT, PATCH, DELETE): with a token configured, a request without it
  is a 401 whatever its body (malformed JSON included). A foreign ``Origin`` (another
  host, or ``null``) or ``Sec-Fetch-Site: cross-site``/``same-site`` is a 403. Without a
  token, a form-shaped body (multipart, url-encoded, text/plain: what a page on another
  site can post without a CORS preflight) must also come with a same-origin ``Origin``
  or ``Referer``, or the header ``X-Requested-With`` (which no cross-site form can
  add); ``curl -H 'X-Requested-With: curl' -F file=@a.txt ...`` is the command-line way.
- **Body size**: a declared ``Content-Length`` over ``[serve] max_body_bytes`` is a 413
  at once; a chunked body is counted as it is read and cut off with a 413 there.
- **HEAD** is answered for every GET: the GET runs and its body is dropped.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import Request
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.errors import Code, UsageError
from newsgraph.settings import setting
from newsgraph.web.errors import error_response

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# the bodies a cross-site page can send without a CORS preflight
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded", "text/plain")


@dataclass(frozen=True)
class GuardConfig:
    token: str | None
    allowed_hosts: frozenset[str] | None  # None: any Host
    max_body_bytes: int


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback address without an ingestion token."""
    if not is_loopback(host) and not token:
        raise UsageError(
            Code.BAD_OPTION,
            f"serving on {host} (not loopback) needs a token: pass --token or set NEWSGRAPH_TOKEN",
        )


def host_name(value: str) -> str:
    """``Host`` header value without its port, lower case: ``[::1]:8000`` -> ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value[1:]
    name = value.rsplit(":", 1)[0] if value.count(":") == 1 else value
    return name.rstrip(".")


def allowed_hosts(bound: str, configured: Iterable[str] | None = None) -> frozenset[str] | None:
    """The Host names a server bound to ``bound`` answers; None when any is answered."""
    if configured is None:
        configured = setting("serve", "allowed_hosts")
    names = {host_name(n) for n in configured if n.strip()}
    if "*" in names:
        return None
    if is_loopback(bound):
        names |= LOOPBACK_NAMES
    elif not names:
        return None
    if bound not in ("0.0.0.0", "::"):
        names.add(host_name(bound))
    return frozenset(names)


def max_body_bytes(value: int | None = None) -> int:
    return int(setting("serve", "max_body_bytes") if value is None else value)


def token_matches(headers: Headers, expected: str) -> bool:
    """Whether the request carries ``expected`` (``Authorization: Bearer`` or
    ``X-Newsgraph-Token``), compared in constant time."""
    given = headers.get("x-newsgraph-token") or ""
    auth = headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return hmac.compare_digest(given.encode(), expected.encode())


def _same_origin(url: str, host: str) -> bool:
    """Whether ``url`` (an Origin or a Referer) names the host:port the request went to."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.strip().lower()


def refusal(config: GuardConfig, method: str, headers: Headers) -> tuple[int, str, str] | None:
    """Why a request is refused before its body is read (status, code, message), or None."""
    host = headers.get("host", "")
    if config.allowed_hosts is not None and host_name(host) not in config.allowed_hosts:
        return 400, "BAD_HOST", f"Host {host[:100]!r} is not served here (see allowed_hosts)"
    length = headers.get("content-length", "")
    if length.strip().isdigit() and int(length) > config.max_body_bytes:
        return 413, "TOO_LARGE", f"request body over {config.max_body_bytes:,} bytes"
    if method not in WRITE_METHODS:
        return None
    if config.token and not token_matches(headers, config.token):
        return 401, "UNAUTHORIZED", "ingestion needs a valid token"
    origin = headers.get("origin")
    if origin is not None and not _same_origin(origin, host):
        return 403, "FORBIDDEN", f"cross-site request refused (Origin {origin[:100]!r})"
    if headers.get("sec-fetch-site", "").lower() in ("cross-site", "same-site"):
        return 403, "FORBIDDEN", "cross-site request refused (Sec-Fetch-Site)"
    form = headers.get("content-type", "").lower().startswith(FORM_TYPES)
    if (
        not config.token
        and form
        and origin is None
        and not _same_origin(headers.get("referer", ""), host)
        and "x-requested-with" not in headers
    ):
        why = "a form post needs a same-origin Origin or Referer, or an X-Requested-With header"
        return 403, "FORBIDDEN", why
    return None


class RequestGuard:
    """ASGI middleware applying ``refusal``, the streamed body cap and HEAD-as-GET."""

    def __init__(self, app: ASGIApp, config: GuardConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = refusal(self.config, scope["method"], Headers(scope=scope))
        if problem is not None:
            response = error_response(Request(scope), *problem)
            await response(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, self._capped(receive), tracked_send)
        except HTTPException as exc:  # the body cap, raised while a route read the body
            if exc.status_code != 413 or started:
                raise
            response = error_response(Request(scope), 413, "TOO_LARGE", str(exc.detail))
            await response(scope, receive, send)

    def _capped(self, receive: Receive) -> Receive:
        limit, seen = self.config.max_body_bytes, 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(413, f"request body over {limit:,} bytes")
            return message

        return counted


def _without_body(send: Send) -> Send:
    """``send`` for a HEAD request: the GET's status and headers, an empty body."""

    async def head_send(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return head_send
