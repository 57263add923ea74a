"""Score article tone on the NYT editorial snippets, split into tuning and held-out parts.

Every snippet of ``../shared/data/tone/nyt_dev.jsonl`` goes through the whole pipeline
(``newsgraph.extract`` on the scorer's own input records, ``min_text_chars=1`` since a
snippet is one sentence) and ``score_tone.py`` correlates each article's ``tone`` with
the mean human rating. Editorials are split by a hash of their number: one in three is
held out and was never looked at while the constants of ``extractors/tone`` were
chosen. VADER's compound score (``vaderSentiment``, the baseline) is scored the same way.

    .venv/bin/python eval/tone_eval.py [--keep DIR] [--json]

``--build-adjectives WHEEL`` rebuilds ``extractors/tone/data/adjectives_en.json`` from a
downloaded textblob wheel (``pip download --no-deps textblob==0.20.1``): the polarity of
each adjective of Pattern's ``en-sentiment.xml``, averaged over its senses, zeros left out.
``--build-afinn SDIST`` rebuilds ``afinn_en.json`` from the ``afinn`` 0.1 sdist (``pip
download --no-deps afinn==0.1``): AFINN-165's single words. The split, the scorer runs
and the table are ``split_eval.py``'s, shared with ``claims_eval.py``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED  # noqa: E402
from split_eval import Column, SplitEval, arguments, pipeline, report  # noqa: E402

SPEC = SplitEval(
    scorer=SHARED / "eval" / "score_tone.py",
    gold=SHARED / "data" / "tone" / "nyt_dev.jsonl",
    salt="tone",
    key=lambda row: str(row["id"]).split("_")[0],  # the editorial's number
    columns=(Column("pearson r", "pearson_r", 10), Column("spearman", "spearman_rho", 10)),
    count="n",
)


def vader(records: list[dict[str, Any]], _tmp: Path) -> list[dict[str, Any]]:
    """VADER's compound score (the baseline) as each record's tone."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return [
        {"id": r["id"], "tone": analyzer.polarity_scores(r["text"])["compound"]} for r in records
    ]


ADJECTIVES = Path(__file__).resolve().parents[1] / "src/newsgraph/extractors/tone/data"


def build_adjectives(wheel: Path) -> int:
    """Write ``adjectives_en.json`` from textblob's copy of Pattern's lexicon."""
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(wheel) as zf:
        root = ET.fromstring(zf.read("textblob/en/en-sentiment.xml"))
    senses: dict[str, list[float]] = {}
    for word in root.iter("word"):
        senses.setdefault(word.get("form", "").lower(), []).append(float(word.get("polarity", 0)))
    polarity = {}
    for form, values in sorted(senses.items()):
        mean = sum(values) / len(values)
        if form and abs(mean) > 0:
            polarity[form] = round(mean, 3)
    about = (
        "Adjective polarities (-1..1, the mean over senses, zeros left out) from the "
        "English subjectivity lexicon of Pattern (Tom De Smedt, Walter Daelemans; licence PDDL) "
        "as shipped in textblob 0.20.1 (MIT) at textblob/en/en-sentiment.xml. Built by "
        "eval/tone_eval.py --build-adjectives."
    )
    return write_lexicon("adjectives_en.json", about, "polarity", polarity)


def write_lexicon(name: str, about: str, key: str, table: dict[str, Any]) -> int:
    """Write one lexicon file of ``extractors/tone/data``; how many words it holds."""
    doc = {"about": about, key: table}
    out = ADJECTIVES / name
    out.write_text(json.dumps(doc, indent=0, ensure_ascii=False), encoding="utf-8")
    return len(table)


def build_afinn(sdist: Path) -> int:
    """Write ``afinn_en.json`` from AFINN-165 as the ``afinn`` 0.1 sdist ships it (single
    words only; the licence, ODbL 1.0, is ``data/AFINN-LICENSE.md``)."""
    import tarfile

    with tarfile.open(sdist) as tf:
        member = tf.extractfile("afinn-0.1/afinn/data/AFINN-en-165.txt")
        if member is None:
            raise SystemExit(f"{sdist}: no AFINN-en-165.txt")
        lines = member.read().decode("utf-8").splitlines()
    valence = {}
    for line in lines:
        word, _, value = line.rpartition("\t")
        if word and " " not in word and word.isascii():
            valence[word] = int(value)
    about = (
        "AFINN-165 word valences (-5..5), Finn Årup Nielsen, licence ODbL 1.0 "
        "(data/AFINN-LICENSE.md), from the afinn 0.1 sdist at afinn/data/AFINN-en-165.txt; "
        "single words only. Built by eval/tone_eval.py --build-afinn."
    )
    return write_lexicon("afinn_en.json", about, "valence", valence)


def main() -> None:
    ap = arguments(__doc__.split("\n\n")[0])
    ap.add_argument("--build-adjectives", type=Path, metavar="WHEEL", help="textblob wheel")
    ap.add_argument("--build-afinn", type=Path, metavar="SDIST", help="afinn 0.1 sdist")
    args = ap.parse_args()
    if args.build_adjectives:
        print(f"{build_adjectives(args.build_adjectives)} adjectives written")
        return
    if args.build_afinn:
        print(f"{build_afinn(args.build_afinn)} AFINN words written")
        return
    with tempfile.TemporaryDirectory() as tmp:
        results = SPEC.score({"newsgraph": pipeline("tone"), "vader": vader}, args.keep, Path(tmp))
    report(SPEC, results, args.json)


if __name__ == "__main__":
    main()
