"""Peak memory and time of one over-long text through a whole ingest (issue 12, case 2).

    python bench/long_text.py [--chars 5000000] [--bytes N] [--kind news|dates|markup|oneline]
                              [--via run|cli|api] [--second]

Writes a text file of ``--chars`` characters (the seed articles of ../shared/corpus/seeds
repeated, each line numbered so that no two are the same; or a text of dates,
of markup-like tokens, or news with no line break), ingests it into a fresh SQLite file
in a child process and prints the child's peak RSS (``ru_maxrss``) when the ingest
returns (``peak_rss_mb``) and after the bench has read the stored record back
(``peak_with_readback_mb``), the wall time, and what the record says
(``extensions.truncated``: the text cut to ``[ingest] max_text_chars``;
``extensions.split``: parts, parsed parts and characters, a cut).
With ``--via cli`` the child is the command itself (``newsgraph ingest FILE --db DB``,
default workers: one text is one batch, analysed in the command's process) and the
figure its ``ru_maxrss`` (``RUSAGE_CHILDREN``). With ``--via api`` the text goes to ``POST /api/ingest/text`` of a server started in a
child (``newsgraph.web.create_app`` under uvicorn, models loaded as a served app loads
them, the ingest in the server process) and the figure is the server's peak RSS
(``VmHWM``) before and after the request (and its ``VmRSS`` just before and after); with
``--second`` a second, different text of the same length (each line's words reversed)
follows to the same server and its figures are printed too. ``--bytes`` cuts the text
so that its UTF-8 file is at most that many bytes (``--chars 20000000 --bytes 20000000``:
the largest plain-text file ``[ingest] max_bytes`` lets in). Nothing is asserted:
docs/reliability.md holds the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

CHILD = """
import json, resource, sys, time
import newsgraph
from newsgraph.extractors.stage import analyse_articles
from newsgraph.records import Article
from newsgraph.run.ingest import ingest
from newsgraph.run.stage import default_analyse
analyse_articles([Article(id="warm", source="warm", text="Putin met Macron.", language="en")])
notes = []
keep = lambda r: notes.append(getattr(r, "extensions", {}))
t0 = time.monotonic()
with newsgraph.open(sys.argv[1]) as db:
    summary = ingest([sys.argv[2]], db, on_record=keep, analyse=default_analyse())
    ingest_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    row = next(iter(db.articles()))
    record = db.article(row["id"])
took = time.monotonic() - t0
with newsgraph.open(sys.argv[1]) as db:  # a re-run stores nothing new
    again = ingest([sys.argv[2]], db, analyse=default_analyse())
print(json.dumps({
    "split": notes[0].get("split") if notes else None,
    "truncated": notes[0].get("truncated") if notes else None,
    "seconds": round(took, 1),
    "peak_rss_mb": ingest_peak,
    "peak_with_readback_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    "added": summary.added,
    "rerun_added": again.added,
    "rerun_already_stored": again.as_dict()["already_stored"] + again.duplicates,
    "chars": len(record["text"]),
    "entities": len(record["entities"]),
    "quotes": len(record["quotes"]),
    "times": len(record["times"]),
    "events": len(record["events"]),
}))
"""


def make_text(chars: int, kind: str) -> str:
    if kind == "dates":
        unit = "On March 3, 2017 the minister said talks would resume on Friday. "
        return (unit * (chars // len(unit) + 1))[:chars]
    if kind == "markup":
        return ("<p>x</p> " * (chars // 9 + 1))[:chars]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed texts in {SEEDS}")
    out: list[str] = []
    size = 0
    n = 0
    while size < chars:
        for text in texts:
            lines = [f"({n}.{k}) {line}" for k, line in enumerate(text.split("\n")) if line]
            piece = "\n".join(lines) + "\n\n"  # numbered: cleaning drops repeated lines
            if kind == "oneline":
                piece = piece.replace("\n", " ")
            out.append(piece)
            size += len(piece)
            n += 1
    return "".join(out)[:chars]


SERVE = """
import sys, uvicorn
from newsgraph.web import create_app
app = create_app(sys.argv[1], token="s3cret", host="127.0.0.1")
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def reversed_words(text: str) -> str:
    """A different text of the same length: each line's words in reverse order."""
    return "\n".join(" ".join(line.split(" ")[::-1]) for line in text.split("\n"))


def fit_bytes(text: str, limit: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 encoding is at most ``limit`` bytes."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def via_api(text: str, tmp: str, second: bool = False) -> dict[str, object]:
    """POST the text to a fresh server; its peak RSS before and after, the answer; with
    ``second``, then a different text of the same length to the same server."""
    import httpx
    from hostile import free_port, wait_up  # bench/hostile.py, beside this file

    port = free_port()
    db = str(Path(tmp) / "api.db")
    server = subprocess.Popen([sys.executable, "-c", SERVE, db, str(port)], env=dict(os.environ))
    try:
        base = f"http://127.0.0.1:{port}"
        wait_up(port)
        # a warm-up article, so that the models and the encoder are loaded as in a
        # server that has ingested before; then the long text
        headers = {"Authorization": "Bearer s3cret"}
        warm = {"text": "Putin met Macron in Paris on Monday. " * 5}
        httpx.post(f"{base}/api/ingest/text", json=warm, headers=headers, timeout=300)
        figures = _post(base, headers, server.pid, text)
        if second:
            figures["second"] = _post(base, headers, server.pid, reversed_words(text))
        return figures
    finally:
        server.terminate()
        server.wait(60)


def _post(base: str, headers: dict[str, str], pid: int, text: str) -> dict[str, object]:
    """POST one text; the server's peak and resident size before and after."""
    import httpx
    from hostile import _hwm_mb  # bench/hostile.py, beside this file

    before = _hwm_mb(pid)
    resting = _rss_mb(pid)
    started = time.monotonic()
    answer = httpx.post(
        f"{base}/api/ingest/text", json={"text": text}, headers=headers, timeout=3600
    )
    took = time.monotonic() - started
    body = answer.json()
    record = (body.get("records") or [{}])[0] if isinstance(body, dict) else {}
    return {
        "status": answer.status_code,
        "seconds": round(took, 1),
        "before_mb": before,
        "rss_before_mb": resting,
        "peak_rss_mb": _hwm_mb(pid),
        "rss_after_mb": _rss_mb(pid),
        "added": body.get("added") if isinstance(body, dict) else None,
        "record": {k: record.get(k) for k in ("status", "id")},
    }


def _rss_mb(pid: int) -> int:
    """The process's resident memory now (``VmRSS``), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


def via_cli(text: str, tmp: str) -> dict[str, object]:
    """``newsgraph ingest`` over the text in a child; its peak RSS and wall time."""
    import resource

    path = Path(tmp) / "long.txt"
    path.write_text(text, encoding="utf-8")
    command = Path(sys.executable).with_name("newsgraph")
    started = time.monotonic()
    done = subprocess.run(
        [str(command), "ingest", str(path), "--db", str(Path(tmp) / "cli.db")],
        capture_output=True,
        text=True,
    )
    return {
        "returncode": done.returncode,
        "seconds": round(time.monotonic() - started, 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
        "out": done.stdout.strip().splitlines()[-3:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=5_000_000)
    parser.add_argument("--kind", choices=("news", "dates", "markup", "oneline"), default="news")
    parser.add_argument("--via", choices=("run", "cli", "api"), default="run")
    parser.add_argument("--bytes", type=int, default=0, help="cut the text's UTF-8 to this size")
    parser.add_argument("--second", action="store_true", help="api: then a second, different text")
    args = parser.parse_args()
    text = make_text(args.chars, args.kind)
    if args.bytes:
        text = fit_bytes(text, args.bytes)
    size = {"chars": len(text), "bytes": len(text.encode("utf-8"))}
    if args.via in ("api", "cli"):
        with tempfile.TemporaryDirectory() as tmp:
            if args.via == "api":
                figures = via_api(text, tmp, second=args.second)
            else:
                figures = via_cli(text, tmp)
        figures["kind"] = args.kind
        figures["text"] = size
        print(json.dumps(figures))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        del text
        db = str(Path(tmp) / "long.db")
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, db, str(path)], capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(done.stderr[-3000:])
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        figures["child_wall_s"] = round(time.monotonic() - started, 1)
        figures["kind"] = args.kind
        figures["text"] = size
        print(json.dumps(figures))
        for line in done.stderr.splitlines()[-5:]:
            print("log:", line[:300])


if __name__ == "__main__":
    main()
