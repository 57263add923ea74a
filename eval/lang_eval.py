"""Language identification accuracy on the labelled texts of ``../shared/data``.

Every text whose language is known from its data set is identified by
``newsgraph.inputs.lang`` among the default configured languages (``Settings().languages``),
as an article's text is (its first ``MAX_CHARS`` characters), and also cut to its first
200, 120 and 60 characters (a short item, a title). Sets: SemEval-2022 pairs (each text once,
with its ``lang1``/``lang2``; only languages that are configured), PolNeAR (en),
factRuEval and NEREL (ru), French TimeBank (fr, tags stripped).

``--mode`` compares lingua's detectors on the same texts: ``high`` (every model,
1- to 5-grams), ``low`` (trigram models only) and ``auto`` (what ``detect_language``
does: low for a sample of ``LOW_ACCURACY_FROM`` characters or more; below, low when it
is sure, else high among low's first three languages).
The peak RSS of the process (the models loaded) is printed too; run one mode per
process to compare memory.

    .venv/bin/python eval/lang_eval.py [--mode auto|high|low] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SHARED  # noqa: E402

from newsgraph.inputs import lang  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402

DATA = SHARED / "data"
CUTS = {"article": lang.MAX_CHARS, "200 chars": 200, "120 chars": 120, "60 chars": 60}


def labelled(configured: set[str]) -> Iterator[tuple[str, str, str]]:
    """(set name, language, text) for every labelled text of the shared data."""
    seen: set[str] = set()
    semeval = DATA / "stories" / "semeval22_pairs_dev.jsonl"
    for line in semeval.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        for side in ("1", "2"):
            text, code = row[f"text_{side}"], row[f"lang{side}"]
            if code in configured and text not in seen:
                seen.add(text)
                yield "semeval", code, text
    for path in sorted((DATA / "polnear").glob("*/text/*.txt")):
        yield "polnear", "en", path.read_text(encoding="utf-8")
    for name in ("factrueval", "nerel"):
        for line in (DATA / name / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield name, row["language"], row["text"]
    for path in sorted((DATA / "frtimebank").glob("*.tml")):
        body = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
        yield "frtimebank", "fr", re.sub(r"\s+", " ", body).strip()


def cut(text: str, chars: int) -> str:
    """The first ``chars`` characters, back to a white-space boundary when there is one."""
    text = " ".join(text.split())
    if len(text) <= chars:
        return text
    at = text.rfind(" ", chars // 2, chars)
    return text[: at if at > 0 else chars]


def detector(mode: str, codes: tuple[str, ...]) -> lang.Detect:
    if mode == "auto":
        return lambda sample: lang.detect_language(sample, codes)
    build = lang.build_detector(codes, low_accuracy=mode == "low")

    def detect(sample: str) -> str | None:
        found = build.detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found else None

    return detect


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mode", choices=("auto", "high", "low"), default="auto")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    codes = lang.normalise_codes(Settings().languages)
    detect = detector(args.mode, codes)
    right: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    wrong: Counter[tuple[str, str, str, str | None]] = Counter()
    for name, code, text in labelled(set(codes)):
        for cut_name, chars in CUTS.items():
            sample = cut(text, chars)
            if sum(ch.isalpha() for ch in sample) < lang.MIN_LETTERS:
                continue
            got = detect(sample)
            for key in ((name, cut_name), ("all", cut_name)):
                right[key]["n"] += 1
                right[key]["ok"] += got == code
            if got != code:
                wrong[(name, cut_name, code, got)] += 1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    rows = {
        f"{name} / {cut_name}": {"n": c["n"], "right": c["ok"], "accuracy": c["ok"] / c["n"]}
        for (name, cut_name), c in sorted(right.items())
    }
    errors = [
        {"set": s, "cut": c, "gold": g, "got": p, "n": n} for (s, c, g, p), n in wrong.most_common()
    ]
    if args.json:
        print(
            json.dumps({"mode": args.mode, "peak_rss_mb": peak_mb, "rows": rows, "errors": errors})
        )
        return
    print(f"mode {args.mode}, languages {','.join(codes)}, peak RSS {peak_mb} MB")
    for key, row in rows.items():
        print(f"{key:28} {row['right']:5}/{row['n']:<5} {row['accuracy']:.4f}")
    for err in errors[:15]:
        print(f"  wrong: {err['set']} / {err['cut']}: {err['gold']} -> {err['got']} x{err['n']}")


if __name__ == "__main__":
    main()
