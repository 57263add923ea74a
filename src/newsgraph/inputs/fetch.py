"""Fetch http(s) URLs safely: timeout, size cap, redirect limit, no private addresses.

Every hop of a redirect chain is checked: its host must resolve only to public
addresses unless ``allow_private`` is set. The connection then goes to the address
that was checked (the URL's host is replaced by it; ``Host`` and the TLS server name
stay the name's), so a resolver that answers a public address to the check and a
loopback one to the connection (DNS rebinding) gains nothing. Failures raise
IngestError NG109 / NG110.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph.errors import Code, IngestError
from newsgraph.settings import Settings


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL after redirects
    content: bytes
    content_type: str
    charset: str | None


def is_url(text: str) -> bool:
    """An http(s) URL, whatever the case of its scheme (``HTTP://`` too)."""
    return text[:8].lower().startswith(("http://", "https://"))


def check_public(url: str, *, allow_private: bool) -> None:
    """Raise NG110 when the URL's host resolves to a private, loopback or reserved address
    (with ``allow_private``, only check that it is an http(s) URL: no look-up)."""
    if allow_private:
        _http_parts(url)
    else:
        checked_address(url, allow_private=False)


def _http_parts(url: str) -> tuple[str, int | None]:
    """The host and port of an http(s) URL; NG109 for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535"
        raise IngestError(Code.FETCH_FAILED, f"{url}: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(Code.FETCH_FAILED, f"{url}: not an http(s) URL")
    return parts.hostname, port


def checked_address(url: str, *, allow_private: bool) -> str:
    """The address to connect to for ``url``: its host resolved once and checked (NG110
    when any of its addresses is private, loopback or reserved, unless ``allow_private``)."""
    host, port = _http_parts(url)
    try:
        infos = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError) as exc:  # ValueError: a NUL in the name
        raise IngestError(Code.FETCH_FAILED, f"{url}: cannot resolve host ({exc})") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise IngestError(Code.FETCH_FAILED, f"{url}: cannot resolve host (no address)")
    for address in addresses:
        if not allow_private and (not address.is_global or address.is_multicast):
            raise IngestError(Code.PRIVATE_ADDRESS, f"{url} ({address})")
    return str(addresses[0])


def fetch(url: str, settings: Settings, *, client: httpx.Client | None = None) -> Fetched:
    """GET ``url`` following at most ``fetch_max_redirects`` redirects, each hop checked."""
    own = client is None
    client = client or make_client(settings)
    try:
        for _hop in range(settings.fetch_max_redirects + 1):
            address = checked_address(url, allow_private=settings.allow_private)
            response = _get_capped(client, url, address, settings.fetch_max_bytes)
            if response[0] is None:
                return response[1]
            url = response[0]
        raise IngestError(Code.FETCH_FAILED, f"more than {settings.fetch_max_redirects} redirects")
    finally:
        if own:
            client.close()


def make_client(settings: Settings) -> httpx.Client:
    return httpx.Client(
        timeout=settings.fetch_timeout_s,
        follow_redirects=False,
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,"
            "application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.5",
        },
    )


def pinned_request(client: httpx.Client, url: str, address: str) -> httpx.Request:
    """A GET of ``url`` sent to ``address``: the URL's host replaced by the address, the
    ``Host`` header and the TLS server name (SNI, certificate check) kept as the name's."""
    target = httpx.URL(url)
    host = target.host
    netloc = target.netloc.decode("ascii")
    request = client.build_request("GET", target.copy_with(host=address), headers={"Host": netloc})
    if target.scheme == "https":
        request.extensions["sni_hostname"] = host
    return request


def _get_capped(
    client: httpx.Client, url: str, address: str, max_bytes: int
) -> tuple[str | None, Fetched]:
    """One request. Returns (redirect target, _) or (None, the fetched page)."""
    empty = Fetched(url, b"", "", None)
    try:
        request = pinned_request(client, url, address)
        response = client.send(request, stream=True)
        with contextlib.closing(response):
            if response.is_redirect:
                location = response.headers.get("location", "")
                return urljoin(url, location), empty
            if response.status_code >= 400:
                raise IngestError(Code.FETCH_FAILED, f"{url}: HTTP {response.status_code}")
            length = response.headers.get("content-length") or ""
            declared = int(length) if length.strip().isdigit() else 0
            if declared > max_bytes:
                raise IngestError(Code.TOO_LARGE, f"{url}: {declared:,} bytes")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise IngestError(Code.TOO_LARGE, f"{url}: more than {max_bytes:,} bytes")
            ctype = response.headers.get("content-type", "")
            return None, Fetched(
                url,
                bytes(body),
                ctype.split(";")[0].strip(),
                response.charset_encoding,
            )
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise IngestError(Code.FETCH_FAILED, f"{url}: {type(exc).__name__}: {exc}") from None
