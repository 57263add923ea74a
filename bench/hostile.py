"""Peak memory of newsgraph on hostile inputs (issue 12), one fresh process per case.

    python bench/hostile.py [--src OTHER/src] [--dir /tmp/hostile] [--cases warc_gz,...]

Builds the inputs once in ``--dir`` (about 200 MB on disk), then reads each in a child
process and prints the child's peak RSS (``ru_maxrss``) and what it yielded. The
server cases start ``newsgraph.web`` under uvicorn in a child, send the body, and read
the server's peak RSS (``VmHWM``) before and after; the ``api_upload_`` cases send a
file through ``POST /api/ingest/file`` with the token: a WARC, or (``api_upload_long_text``,
after a short text has loaded the models and the encoder) a 20,000,000-byte plain text. ``--src`` runs the children on
another checkout's ``src`` (e.g. ``git archive`` of an older commit) for before/after.
Nothing is asserted: docs/reliability.md holds the figures.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import socket
import subprocess
import sys
import time
import zlib
from pathlib import Path

CASES = (
    "warc_gz",
    "warc_body",
    "stdin_line",
    "api_body_token",
    "api_body_chunked",
    "api_upload_warc_gz",
    "api_upload_warc_body",
    "api_upload_long_text",
)
SPACE_BLOCK = b" " * (1 << 20)


def _response_head(url: str, block_len: int) -> bytes:
    return (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\n"
        "WARC-Date: 2017-03-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {block_len}\r\n\r\n"
    ).encode()


def build_warc_gz(path: Path, size: int) -> None:
    """One gzip member holding a response record whose HTML body is ``size`` bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>"
    block = len(http) + size
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as out:
        out.write(compressor.compress(_response_head("https://example.org/big", block) + http))
        left = size
        while left:
            piece = SPACE_BLOCK[: min(left, len(SPACE_BLOCK))]
            out.write(compressor.compress(piece))
            left -= len(piece)
        out.write(compressor.compress(b"\r\n\r\n"))
        out.write(compressor.flush())


def build_warc_body(path: Path, size: int) -> None:
    """An uncompressed WARC whose HTTP body is gzip, inflating to ``size`` bytes."""
    body = io.BytesIO()
    with gzip.GzipFile(fileobj=body, mode="wb", compresslevel=9) as gz:
        gz.write(b"<html><body>")
        left = size
        while left:
            piece = SPACE_BLOCK[: min(left, len(SPACE_BLOCK))]
            gz.write(piece)
            left -= len(piece)
    payload = body.getvalue()
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        + f"Content-Length: {len(payload)}\r\n\r\n".encode()
    )
    with path.open("wb") as out:
        out.write(_response_head("https://example.org/bomb", len(http) + len(payload)))
        out.write(http + payload + b"\r\n\r\n")


def build_stdin_line(path: Path, size: int) -> None:
    with path.open("wb") as out:
        out.write(b'{"text": "')
        left = size
        while left:
            piece = (b"a" * (1 << 20))[: min(left, 1 << 20)]
            out.write(piece)
            left -= len(piece)
        out.write(b'"}\n')
        out.write(json.dumps({"text": "The talks resume next week, the minister said."}).encode())
        out.write(b"\n")


def build_long_text(path: Path, size: int) -> None:
    """A plain-text file of ``size`` bytes: numbered seed-article lines
    (``bench/long_text.py``), the largest text ``[ingest] max_bytes`` lets in."""
    from long_text import fit_bytes, make_text  # bench/long_text.py, beside this file

    path.write_text(fit_bytes(make_text(size, "news"), size), encoding="utf-8")


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "warc_gz": (folder / "big.warc.gz", build_warc_gz, 1_500_000_000),
        "warc_body": (folder / "bomb.warc", build_warc_body, 3_000_000_000),
        "stdin_line": (folder / "line.jsonl", build_stdin_line, 198_000_000),
        "long_text": (folder / "long.txt", build_long_text, 20_000_000),
    }
    for path, make, size in files.values():
        if not path.exists():
            make(path, size)
    return {name: path for name, (path, _, _) in files.items()}


# ---------------------------------------------------------------- children


def child_read(case: str, path: str) -> None:
    """Read one input to its end; print peak RSS and what came out."""
    import resource

    from newsgraph.inputs.sources import InputRef, read_input
    from newsgraph.settings import Settings

    ref = InputRef("stdin", "-") if case == "stdin_line" else InputRef("file", path)
    if case == "stdin_line":
        sys.stdin = open(path, encoding="utf-8")  # noqa: SIM115 - the child's whole life
    started = time.perf_counter()
    out = []
    for item in read_input(ref, Settings()):
        code = getattr(item, "code", None)
        out.append(code or f"doc:{len(getattr(item, 'body', ''))}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    seconds = time.perf_counter() - started
    print(json.dumps({"peak_mb": peak, "items": out, "seconds": round(seconds, 1)}))


def child_serve(db: str, port: int) -> None:
    import uvicorn

    from newsgraph.web import create_app

    app = create_app(db, token="s3cret", host="127.0.0.1")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def _hwm_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return -1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(port: int, seconds: float = 120) -> None:
    """Wait until the server on ``port`` answers (it loads for a while)."""
    import httpx

    for _ in range(int(seconds / 0.2)):
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)


def upload_case(port: int, path: Path) -> dict[str, object]:
    """A file through ``POST /api/ingest/file`` with the token: a WARC's records are
    refused (NG103) and the answer is 400; the long text is stored, cut (201)."""
    import httpx

    with path.open("rb") as data:
        answer = httpx.post(
            f"http://127.0.0.1:{port}/api/ingest/file",
            files={"file": (path.name, data)},
            headers={"Authorization": "Bearer s3cret"},
            timeout=3600,
        )
    body = answer.json()
    error = body.get("error") or {}
    return {"status": answer.status_code, "code": error.get("code"), "added": body.get("added")}


def serve_case(
    case: str, env: dict[str, str], folder: Path, files: dict[str, Path]
) -> dict[str, object]:
    import httpx

    db = str(folder / "server.db")
    Path(db).unlink(missing_ok=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--child-serve", db, str(port)], env=env)
    try:
        wait_up(port)
        if case == "api_upload_long_text":  # models and encoder loaded, as after a first ingest
            httpx.post(
                f"http://127.0.0.1:{port}/api/ingest/text",
                json={"text": "Putin met Macron in Paris on Monday. " * 5},
                headers={"Authorization": "Bearer s3cret"},
                timeout=600,
            )
        before = _hwm_mb(server.pid)
        if case.startswith("api_upload_"):
            result = upload_case(port, files[case.removeprefix("api_upload_")])
            time.sleep(0.5)
            return {"before_mb": before, "peak_mb": _hwm_mb(server.pid), **result}
        body = b'{"text": "' + b"a" * 200_000_000 + b'"}'
        content: object = body
        if case == "api_body_chunked":
            content = (body[i : i + (1 << 20)] for i in range(0, len(body), 1 << 20))
        try:
            answer = httpx.post(
                f"http://127.0.0.1:{port}/api/ingest/text",
                content=content,  # type: ignore[arg-type]
                headers={"Content-Type": "application/json"},
                timeout=120,
            )
            status: object = answer.status_code
        except httpx.HTTPError as exc:  # the server may close the connection on a 413
            status = type(exc).__name__
        time.sleep(0.5)
        return {"before_mb": before, "peak_mb": _hwm_mb(server.pid), "status": status}
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", help="run the children on this src folder")
    parser.add_argument("--dir", default="/tmp/newsgraph-hostile")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--child-read", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--child-serve", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_read:
        child_read(*args.child_read)
        return
    if args.child_serve:
        child_serve(args.child_serve[0], int(args.child_serve[1]))
        return
    folder = Path(args.dir)
    files = build(folder)
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(Path(args.src).resolve())
    for case in args.cases.split(","):
        if case.startswith("api_"):
            result = serve_case(case, env, folder, files)
        else:
            run = subprocess.run(
                [sys.executable, __file__, "--child-read", case, str(files[case])],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            lines = run.stdout.strip().splitlines()
            result = json.loads(lines[-1]) if lines else {"failed": run.stderr[-300:]}
        print(case, json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
