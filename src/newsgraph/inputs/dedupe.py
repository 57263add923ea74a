"""Exact and near-duplicate detection: a content hash and MinHash over word 5-shingles.

The content hash is taken over a normalised text (NFKC, casefold, quotes and dashes
folded, punctuation dropped, white space collapsed), so a copy that differs only in
quote style, dashes, spacing or line breaks is an exact duplicate. Near duplicates are
found with MinHash-LSH and confirmed by the estimated Jaccard similarity of the word
5-shingle sets. Signatures serialise to bytes so a store can keep them and re-load the
index at the start of the next ingest run.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.errors import Code, StoreError

NUM_PERM = 128
SEED = 20170424  # fixed, so signatures are reproducible across runs and machines
SCHEME = "affine32"  # datasketch's permutation scheme, pinned for the same reason
SHINGLE_WORDS = 5
SHINGLE_BLOCK = 4_096  # shingles hashed at once (memory: 128 x 8 bytes each, 4 MiB a block)
CHUNK_CHARS = 65_536  # characters normalised at once (about 10,000 words)
DEFAULT_THRESHOLD = 0.9

_MAGIC = b"NGMH"
_HEADER = struct.Struct("<4sBqI")  # magic, format version, seed, number of permutations
_VERSION = 1
_WORD = re.compile(r"\w+")
_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
     "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "}
)  # fmt: skip

Kind = Literal["exact", "near"]


def normalised_words(text: str) -> list[str]:
    """The words of ``text`` after NFKC, casefolding and folding quotes and dashes."""
    return [word for chunk in _word_chunks(text) for word in chunk]


def _word_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[list[str]]:
    """``normalised_words`` a piece of the text at a time: the text is cut after an
    ASCII space or line break (where no normalisation, case folding or word reaches
    across), so the words are the same as the whole text's, without a normalised copy
    and a list of the words of a whole long text in memory at once (issue 12)."""
    pos = 0
    while pos < len(text):
        end = len(text)
        if end - pos > size:
            cut = max(text.rfind(" ", pos, pos + size), text.rfind("\n", pos, pos + size))
            end = cut + 1 if cut >= pos else pos + size
            while end < len(text) and not _safe_cut(text, end):  # no space: a hard cut
                end += 1
        folded = unicodedata.normalize("NFKC", text[pos:end]).translate(_FOLD).casefold()
        yield _WORD.findall(folded)
        pos = end


def _safe_cut(text: str, end: int) -> bool:
    """Whether ``text`` may be normalised apart before and after ``end``: right after an
    ASCII space or line break (no character composes with them, no word spans them)."""
    return text[end - 1] in " \n"


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the normalised words of ``text`` joined by single spaces."""
    return fingerprint(text, signature=False).content_hash


def minhash_signature(text: str) -> MinHash:
    """MinHash (128 permutations, fixed seed) of the word 5-shingles of ``text``.

    A text of fewer than five words has no shingles and gives an empty signature;
    :class:`DuplicateIndex` uses exact matching only for such texts.
    """
    return _signature_of_words(normalised_words(text))


def signature_bytes(mh: MinHash) -> bytes:
    """Serialise a signature: a small header (seed, size) and the hash values."""
    header = _HEADER.pack(_MAGIC, _VERSION, int(mh.seed), len(mh.hashvalues))
    return header + np.asarray(mh.hashvalues, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    """Rebuild a signature serialised by :func:`signature_bytes`."""
    if len(data) < _HEADER.size:
        raise StoreError(Code.DB_SCHEMA, "MinHash signature too short")
    magic, version, seed, num_perm = _HEADER.unpack_from(data)
    body = data[_HEADER.size :]
    if magic != _MAGIC or version != _VERSION or len(body) != 4 * num_perm:
        raise StoreError(Code.DB_SCHEMA, "not a newsgraph MinHash signature")
    values = np.frombuffer(body, dtype="<u4").astype(np.uint32)
    return MinHash(
        seed=seed, hashvalues=values, permutations=_permutations(num_perm, seed), scheme=SCHEME
    )


@dataclass(frozen=True)
class Fingerprint:
    """What the index keeps of a text: its content hash and its signature (None if short)."""

    content_hash: str
    signature: MinHash | None
    words: int = 0

    @property
    def signature_bytes(self) -> bytes | None:
        return signature_bytes(self.signature) if self.signature is not None else None


def fingerprint(text: str, *, signature: bool = True) -> Fingerprint:
    """Content hash and (for texts of five words or more) MinHash signature of ``text``.

    The text's words are read a piece at a time (``_word_chunks``) and hashed as they
    come; the shingles are hashed in blocks of ``SHINGLE_BLOCK``, so only one block of
    words is held, whatever the length of the text (``signature=False``: the hash only).
    """
    digest = hashlib.sha256()
    mh: MinHash | None = None
    pending: list[str] = []  # words whose shingles are not hashed yet (and the last 4)
    count = 0
    for words in _word_chunks(text):
        if not words:
            continue
        digest.update(((" " if count else "") + " ".join(words)).encode("utf-8"))
        count += len(words)
        if not signature:
            continue
        pending.extend(words)
        if len(pending) >= SHINGLE_BLOCK + SHINGLE_WORDS - 1:
            mh = _signature_of_words(pending, mh)
            del pending[: len(pending) - (SHINGLE_WORDS - 1)]
    if signature and count >= SHINGLE_WORDS and len(pending) >= SHINGLE_WORDS:
        mh = _signature_of_words(pending, mh)
    return Fingerprint(digest.hexdigest(), mh if count >= SHINGLE_WORDS else None, count)


class DuplicateIndex:
    """Articles seen so far, by content hash (exact) and MinHash-LSH (near).

    ``check`` asks whether a text duplicates an earlier article; ``add`` records it.
    Lookups are a dict access plus an LSH query, so a run over N articles is O(N).
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._exact: dict[str, str] = {}
        self._hashes: dict[str, str] = {}  # article id -> content hash
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}  # article id -> insertion number
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._last: tuple[str, Fingerprint] | None = None

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def check(self, article_id: str, text: str) -> tuple[Kind, str, float] | None:
        """("exact" | "near", id of the earlier article, similarity), or None if new."""
        fp = self._fingerprint(text)
        if fp.words == 0:
            return None
        return self.check_fingerprint(article_id, fp.content_hash, fp.signature)

    def check_fingerprint(
        self, article_id: str, digest: str, signature: MinHash | None
    ) -> tuple[Kind, str, float] | None:
        """``check`` for a text already fingerprinted (its content hash and signature)."""
        earlier = self._exact.get(digest)
        if earlier is not None and earlier != article_id:
            return "exact", earlier, 1.0
        if signature is None:
            return None
        return self._best_near(article_id, signature)

    def add(self, article_id: str, text: str) -> Fingerprint:
        """Record an article; returns its fingerprint so the caller can store it."""
        fp = self._fingerprint(text)
        self._insert(article_id, fp.content_hash, fp.signature)
        return fp

    def content_hash_of(self, article_id: str) -> str | None:
        """The content hash an indexed article was recorded with."""
        return self._hashes.get(article_id)

    def signature_of(self, article_id: str) -> bytes | None:
        """The stored MinHash of an indexed article as bytes (None for short texts)."""
        mh = self._signatures.get(article_id)
        return signature_bytes(mh) if mh is not None else None

    def add_signature(self, article_id: str, content_hash: str, signature: bytes | None) -> None:
        """Record an article from a stored hash and signature bytes (None for short texts)."""
        mh = signature_from_bytes(signature) if signature is not None else None
        self._insert(article_id, content_hash, mh)

    def _insert(self, article_id: str, digest: str, signature: MinHash | None) -> None:
        if article_id in self._order:
            return
        self._order[article_id] = len(self._order)
        self._hashes[article_id] = digest
        self._exact.setdefault(digest, article_id)
        if signature is not None:
            self._signatures[article_id] = signature
            self._lsh.insert(article_id, signature)

    def _best_near(self, article_id: str, signature: MinHash) -> tuple[Kind, str, float] | None:
        """The most similar confirmed candidate (the earliest one on a tie)."""
        best: tuple[float, int, str] | None = None
        for candidate in self._lsh.query(signature):
            if candidate == article_id:
                continue
            similarity = float(signature.jaccard(self._signatures[candidate]))
            if similarity < self.threshold:
                continue
            key = (-similarity, self._order[candidate], candidate)
            if best is None or key < best:
                best = key
        return ("near", best[2], -best[0]) if best else None

    def _fingerprint(self, text: str) -> Fingerprint:
        """Fingerprint with a one-entry cache, so check() then add() hashes once."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        fp = fingerprint(text)
        self._last = (text, fp)
        return fp


def _signature_of_words(words: list[str], mh: MinHash | None = None) -> MinHash:
    """``mh`` (a new MinHash when None) updated with the 5-shingles of ``words``."""
    if mh is None:
        mh = MinHash(
            num_perm=NUM_PERM, seed=SEED, permutations=_permutations(NUM_PERM, SEED), scheme=SCHEME
        )
    # in blocks: datasketch hashes a batch into a (permutations x shingles) array, 855 MB
    # for the 835,000 shingles of a 5-million-character text at once (issue 12); the
    # minimum over blocks is the minimum over all, so the signature is the same
    count = len(words) - SHINGLE_WORDS + 1
    for lo in range(0, max(count, 0), SHINGLE_BLOCK):
        shingles = {
            " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(lo, min(lo + SHINGLE_BLOCK, count))
        }
        mh.update_batch(list(shingles))
    return mh


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    """The permutation parameters for (num_perm, seed), computed once."""
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
