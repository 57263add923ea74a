"""Score ``newsgraph.inputs.html.extract_html`` on the scrapinghub article-body benchmark.

  python eval/html_bench.py [--data ../shared/data/html/scrapinghub] [--out preds.jsonl]
                            [--baseline]

Writes one JSON line per page ({"id", "source", "text"}) and prints the score from
``../shared/eval/score_html.py`` (precision/recall over 4-word shingles, averaged per
page). ``--baseline`` scores bare ``trafilatura.extract(html)`` defaults instead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = SHARED / "data" / "html" / "scrapinghub"
SCORER = SHARED / "eval" / "score_html.py"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_page(path: Path) -> str:
    """Gunzip a page and decode it: UTF-8, else its declared charset, else Latin-1."""
    raw = gzip.decompress(path.read_bytes())
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(raw[:8192])
    if match:
        try:
            return raw.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return raw.decode("latin-1")


def predict(html: str, baseline: bool) -> str:
    """The body text our extractor (or bare trafilatura) finds; empty when none."""
    if baseline:
        import trafilatura

        return trafilatura.extract(html) or ""
    from newsgraph.errors import IngestError
    from newsgraph.inputs.html import extract_html

    try:
        return extract_html(html).text
    except IngestError:
        return ""


def write_predictions(data: Path, out: Path, baseline: bool) -> int:
    """Write one prediction line per page; return the number of pages."""
    pages = sorted((data / "html").glob("*.html.gz"))
    with out.open("w", encoding="utf-8") as stream:
        for path in pages:
            page_id = path.name.split(".")[0]
            text = predict(read_page(path), baseline)
            line = {"id": page_id, "source": str(path), "text": text}
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=Path(".cache/eval/html_bench_preds.jsonl"))
    parser.add_argument("--baseline", action="store_true", help="bare trafilatura.extract defaults")
    args = parser.parse_args()
    started = time.perf_counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    count = write_predictions(args.data, args.out, args.baseline)
    elapsed = time.perf_counter() - started
    name = "trafilatura.extract defaults" if args.baseline else "newsgraph extract_html"
    print(f"{name}: {count} pages in {elapsed:.1f} s -> {args.out}")
    subprocess.run(
        [sys.executable, str(SCORER), "score", str(args.data), str(args.out)], check=True
    )


if __name__ == "__main__":
    main()
