"""French and Russian quality figures (issue 16), each beside its baseline.

    .venv/bin/python eval/intl_eval.py [timex-fr] [ner-ru] [quotes] [--json]

* ``timex-fr``: French TimeBank (``../shared/data/frtimebank``), value F1 of
  ``find_times_intl`` anchored at each document's creation date, beside dateparser's
  ``search_dates`` (French), scored by ``score_timex.py``;
* ``ner-ru``: factRuEval dev and NEREL dev through the Russian parser (natasha's
  entities as spaCy ``Doc`` ents), scored by ``score_entities.py``;
* ``quotes``: ``quotes_fr_ru.json`` through the whole pipeline (``newsgraph.extract``),
  per language, scored by ``score_quotes.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED, make_input, score_predictions, write_jsonl  # noqa: E402

from newsgraph.extractors.times.intl import find_times_intl  # noqa: E402

DATA = SHARED / "data"
QUOTES_GOLD = SHARED / "gold" / "dev" / "quotes_fr_ru.json"


def timex_fr(baseline: bool = True) -> dict[str, Any]:
    scorer = SHARED / "eval" / "score_timex.py"
    gold = DATA / "frtimebank"
    records = make_input(scorer, gold, "--language", "fr")
    out: dict[str, Any] = {}
    finders = {"newsgraph": _ours}
    if baseline:
        finders["dateparser"] = _dateparser_fr
    for name, finder in finders.items():
        began = time.perf_counter()
        preds = [
            {
                "id": r["id"],
                "status": "ok",
                "text": r["text"],
                "published": {"date": r.get("published")},
                "times": finder(r["text"], r.get("published")),
            }
            for r in records
        ]
        result = score_predictions(scorer, "score", gold, preds)
        result["seconds"] = round(time.perf_counter() - began, 2)
        out[name] = result
    return out


def _ours(text: str, published: str | None) -> list[dict[str, Any]]:
    return [
        {"start": e.start, "end": e.end, "text": e.text, "value": e.value, "type": e.type}
        for e in find_times_intl(text, anchor=published[:10] if published else None, lang="fr")
    ]


def _dateparser_fr(text: str, published: str | None) -> list[dict[str, Any]]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
    out, cursor = [], 0
    for span, when in search_dates(text, languages=["fr"], settings=settings) or []:
        start = text.find(span, cursor)
        if start < 0:
            continue
        cursor = start + len(span)
        out.append({"start": start, "end": cursor, "text": span, "value": when.date().isoformat()})
    return out


def ner_ru() -> dict[str, Any]:
    from newsgraph.languages.ru import russian

    scorer = SHARED / "eval" / "score_entities.py"
    parser = russian()
    out: dict[str, Any] = {}
    for corpus in ("factrueval", "nerel"):
        gold = DATA / corpus
        records = make_input(scorer, gold, "--language", "ru")
        began = time.perf_counter()
        preds = []
        for rec in records:
            doc = parser(rec["text"])
            ents = [
                {"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
                for e in doc.ents
            ]
            preds.append({"id": rec["id"], "status": "ok", "text": rec["text"], "entities": ents})
        result = score_predictions(scorer, "score", gold, preds)
        result["seconds"] = round(time.perf_counter() - began, 2)
        out[corpus] = result
    return out


def quotes() -> dict[str, Any]:
    import newsgraph

    scorer = SHARED / "eval" / "score_quotes.py"
    gold = json.loads(QUOTES_GOLD.read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for lang in ("fr", "ru"):
        arts = [a for a in gold["articles"] if a["language"] == lang]
        sub = {"about": gold["about"], "articles": arts}
        tmp = Path(f"/tmp/quotes_{lang}_gold.json")
        tmp.write_text(json.dumps(sub, ensure_ascii=False), encoding="utf-8")
        inputs = Path(f"/tmp/quotes_{lang}_in.jsonl")
        write_jsonl(
            inputs,
            [
                {"id": a["id"], "text": a["text"], "language": lang, **a.get("given", {})}
                for a in arts
            ],
        )
        preds = [r.to_dict() for r in newsgraph.extract([str(inputs)])]
        out[lang] = score_predictions(scorer, "score", tmp, preds)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("what", nargs="*", default=["timex-fr", "ner-ru", "quotes"])
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict[str, Any] = {}
    for what in args.what:
        if what == "timex-fr":
            results[what] = timex_fr(not args.no_baseline)
        elif what == "ner-ru":
            results[what] = ner_ru()
        elif what == "quotes":
            results[what] = quotes()
    print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
