"""Russian: natasha (razdel segmentation, slovnet morphology, syntax and NER, pymorphy
lemmas) turned into spaCy ``Doc`` objects, so that the steps keep one contract.

What natasha gives is repaired on the way, per sentence:

* every sentence becomes one tree: natasha's head cycles are cut, a sentence with no
  root gets one, extra roots are attached to the main one (``repair_heads``);
* over-long "sentences" (tables, lists glued together) are cut into pieces of at most
  ``MAX_SENT_TOKENS`` tokens before parsing: natasha's parser needs memory growing with
  the square of the sentence length (a 22k-token sentence took 7 GB);
* whitespace between tokens that is not one space becomes a token of its own, as
  spaCy does, so ``doc.text`` is the article text and every offset holds;
* BLAS runs on one thread (natasha is 2-3x slower on one process otherwise).
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
import re
import threading
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.errors import Code, UsageError
from newsgraph.languages.common import STEP_NAMES
from newsgraph.registry import Language

log = logging.getLogger(__name__)
MODEL = "natasha-1.6 (news embeddings, slovnet morph/syntax/NER)"
MAX_SENT_TOKENS = 200  # longer sentences are parsed in pieces (memory ~ length squared)
MAX_NER_CHARS = 100_000  # longer texts get NER per sentence piece
_CUT_AT = frozenset({",", ";", ":", "—", "–", "-", ")", "»"})
_lock = threading.Lock()


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    pos: str = "X"
    feats: str = ""
    lemma: str = ""
    head: int = -1  # index in the doc
    dep: str = "dep"


class RussianParser:
    """``pipe(texts)`` -> spaCy Docs built from natasha's analysis."""

    def __init__(self) -> None:
        _single_thread_blas()
        try:
            import spacy

            with warnings.catch_warnings():  # pymorphy2 imports pkg_resources (setuptools < 81)
                warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
                from natasha import (
                    MorphVocab,
                    NewsEmbedding,
                    NewsMorphTagger,
                    NewsNERTagger,
                    NewsSyntaxParser,
                    Segmenter,
                )
        except ImportError as exc:  # pragma: no cover - natasha is a core dependency
            raise UsageError(Code.BAD_OPTION, f"natasha is not installed: {exc}") from None
        emb = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph = NewsMorphTagger(emb)
        self.syntax = NewsSyntaxParser(emb)
        self.ner = NewsNERTagger(emb)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
            self.vocab_morph = MorphVocab()
        self.nlp = spacy.blank("ru")
        self._lemma = lru_cache(maxsize=200_000)(self._lemmatize)

    def __call__(self, text: str):
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[Any]:
        for text in texts:
            yield self.make_doc(text)

    # ------------------------------------------------------------ one text

    def make_doc(self, text: str):
        from spacy.tokens import Doc

        toks, sents = self._segment(text)
        chunks = [c for s in sents for c in split_long(toks, s, MAX_SENT_TOKENS)]
        chunks = [c for c in chunks if c]
        words = [[toks[i].text for i in c] for c in chunks]
        if chunks:
            for chunk, markup in zip(chunks, self.morph.map(words), strict=True):
                for i, mt in zip(chunk, markup.tokens, strict=True):
                    toks[i].pos = mt.pos or "X"
                    toks[i].feats = "|".join(f"{k}={v}" for k, v in sorted(mt.feats.items()))
                    toks[i].lemma = self._lemma(toks[i].text, toks[i].pos, toks[i].feats)
            for chunk, markup in zip(chunks, self.syntax.map(words), strict=True):
                heads = [int(t.head_id) - 1 for t in markup.tokens]
                rels = [t.rel or "dep" for t in markup.tokens]
                root, heads = repair_heads(heads, rels)
                for k, i in enumerate(chunk):
                    toks[i].head = chunk[heads[k]] if heads[k] >= 0 else i
                    toks[i].dep = "ROOT" if k == root else (rels[k] if rels[k] != "root" else "dep")
        words_out, spaces, full = _with_whitespace(text, toks)
        doc = Doc(
            self.nlp.vocab,
            words=[t.text for t in full],
            spaces=spaces,
            pos=[t.pos for t in full],
            tags=[t.pos for t in full],
            morphs=[t.feats for t in full],
            lemmas=[t.lemma or t.text.lower() for t in full],
            heads=[t.head for t in full],
            deps=[t.dep for t in full],
        )
        assert doc.text == text, "the Russian Doc must keep the article text"
        doc.ents = self._entities(doc, text, chunks, toks)
        return doc

    def _segment(self, text: str) -> tuple[list[_Tok], list[tuple[int, int]]]:
        toks = [_Tok(t.start, t.stop, t.text) for t in self.segmenter.tokenize(text)]
        sents = []
        i = 0
        for sent in self.segmenter.sentenize(text):
            first = i
            while i < len(toks) and toks[i].start < sent.stop:
                i += 1
            if i > first:
                sents.append((first, i))
        if i < len(toks):
            sents.append((i, len(toks)))
        return toks, sents

    def _lemmatize(self, word: str, pos: str, feats: str) -> str:
        if not any(ch.isalpha() for ch in word):
            return word
        parsed = dict(kv.split("=", 1) for kv in feats.split("|") if "=" in kv)
        try:
            return str(self.vocab_morph.lemmatize(word, pos, parsed))
        except (KeyError, ValueError, IndexError):
            return word.lower()

    def _entities(self, doc, text: str, chunks: list[list[int]], toks: list[_Tok]) -> list:
        """natasha's NER as spaCy spans: over the whole text (its context helps), or per
        sentence piece for texts over ``MAX_NER_CHARS`` (bounded memory)."""
        if not chunks:
            return []
        if len(text) <= MAX_NER_CHARS:
            pieces = [(0, len(text))]
        else:
            pieces = [(toks[c[0]].start, toks[c[-1]].end) for c in chunks]
        spans: list[Any] = []
        last = -1
        for (base, _stop), markup in zip(
            pieces, self.ner.map([text[a:b] for a, b in pieces]), strict=True
        ):
            for s in markup.spans:
                for a, b in split_name(text, base + s.start, base + s.stop, s.type):
                    label = _ORG_NOT_PLACE_LABEL(text[a:b], s.type)
                    span = doc.char_span(a, b, label, alignment_mode="expand")
                    if span is not None and span.start >= last:
                        spans.append(span)
                        last = span.end
        return spans


_EDGE = " \t\n\u00a0,;:•·()«»\"'"
# organisations natasha tags as places: the EU, its Commission, the Kremlin, the White House
_ORGS = re.compile(
    r"(?:ЕС|Евросоюз\w*|Европейск\w+ [Сс]оюз\w*|Еврокомисси\w*|Кремл\w*|Бел\w+ дом\w*)"
)


def _ORG_NOT_PLACE_LABEL(name: str, label: str) -> str:  # noqa: N802 - a table lookup
    return "ORG" if label == "LOC" and _ORGS.fullmatch(name) else label


def split_name(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """One NER span as the names it holds: a bulleted list ("Монако • Намибия") is one
    name a bullet, a name with its original in parentheses ("Джоэл Саймон (Joel
    Simon)", "Комитет защиты журналистов (КЗЖ)") two names, a comma between people
    ("Овечкин, Фёдоров") two people; stray brackets and bullets at the edges go."""
    cuts = r"[•·()]" + (r"|,\s" if label == "PER" else "")
    out = []
    pos = start
    for m in [*re.finditer(cuts, text[start:end]), None]:
        stop = start + m.start() if m is not None else end
        a, b = pos, stop
        while a < b and text[a] in _EDGE:
            a += 1
        while b > a and text[b - 1] in _EDGE:
            b -= 1
        if b > a and any(ch.isalpha() for ch in text[a:b]):
            out.append((a, b))
        if m is not None:
            pos = start + m.end()
    return out


def split_long(toks: list[_Tok], sent: tuple[int, int], limit: int) -> list[list[int]]:
    """A sentence's token indexes in pieces of at most ``limit``, cut after punctuation
    when there is some in the second half of a piece."""
    first, stop = sent
    out: list[list[int]] = []
    while stop - first > limit:
        cut = first + limit
        for j in range(first + limit - 1, first + limit // 2, -1):
            if toks[j].text in _CUT_AT:
                cut = j + 1
                break
        out.append(list(range(first, cut)))
        first = cut
    out.append(list(range(first, stop)))
    return out


def repair_heads(heads: list[int], rels: list[str]) -> tuple[int, list[int]]:
    """One tree per sentence from natasha's heads (-1 is the root, else an index).

    The root is the first token natasha calls ``root`` (else the first token pointing
    to none, else the first verb-less choice: token 0); every other root, every head
    out of range and every cycle is attached to it. Returns (root, heads) with the
    root's head -1."""
    n = len(heads)
    heads = [h if 0 <= h < n and h != i else -1 for i, h in enumerate(heads)]
    candidates = [i for i in range(n) if heads[i] == -1]
    named = [i for i in candidates if rels[i] == "root"]
    root = named[0] if named else (candidates[0] if candidates else 0)
    heads[root] = -1
    for i in range(n):
        if i != root and heads[i] == -1:
            heads[i] = root
    state = [0] * n  # 0 unknown, 1 on the current path, 2 reaches the root
    state[root] = 2
    for i in range(n):
        path = []
        j = i
        while state[j] == 0:
            state[j] = 1
            path.append(j)
            j = heads[j]
        if state[j] == 1:  # a cycle: cut it where the walk came back
            heads[j] = root
        for k in path:
            state[k] = 2
    return root, heads


def _with_whitespace(text: str, toks: list[_Tok]) -> tuple[list[str], list[bool], list[_Tok]]:
    """Tokens plus whitespace tokens for every gap that is not one plain space (as
    spaCy does: one trailing space belongs to the token before); heads become indexes
    into the returned list, and whitespace hangs on the token before it (or after)."""
    full: list[_Tok] = []
    spaces: list[bool] = []
    anchors: list[int] = []  # per whitespace token: the token index it hangs on
    pos = 0
    for k, tok in enumerate([*toks, None]):
        stop = tok.start if tok is not None else len(text)
        gap = text[pos:stop]
        if gap.startswith(" ") and full:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            full.append(_Tok(stop - len(gap), stop, gap, pos="SPACE", lemma=gap, head=-1))
            anchors.append(k - 1 if k > 0 else k)
            spaces.append(False)
        if tok is not None:
            full.append(tok)
            spaces.append(False)
            pos = tok.end
    where = {id(t): n for n, t in enumerate(full)}
    index = [where[id(t)] for t in toks]
    real = set(index)
    spaces_seen = 0
    for n, t in enumerate(full):
        if n not in real:
            k = anchors[spaces_seen]
            spaces_seen += 1
            t.head = index[k] if 0 <= k < len(index) else n
            t.dep = "dep" if t.head != n else "ROOT"
        elif t.head >= 0:
            t.head = index[t.head]
        else:
            t.head = n
            t.dep = "ROOT"
    return [t.text for t in full], spaces, full


def _single_thread_blas() -> None:
    """natasha's matrix products run fastest on one BLAS thread per process."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy

    libs = os.path.join(os.path.dirname(os.path.dirname(numpy.__file__)), "numpy.libs")
    for path in glob.glob(os.path.join(libs, "*openblas*.so*")):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads"):
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(ctypes.c_int(int(os.environ["OPENBLAS_NUM_THREADS"])))
                return


@lru_cache(maxsize=1)
def russian() -> RussianParser:
    """The Russian parser, loaded once per process."""
    with _lock:
        return RussianParser()


RUSSIAN = Language(code="ru", name="Russian", parser=russian, steps=STEP_NAMES["ru"], model=MODEL)
