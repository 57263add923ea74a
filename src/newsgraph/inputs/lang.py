"""Language identification with lingua, restricted to the configured languages.

Detectors are built lazily, one per set of languages and accuracy mode, and kept for
the life of the process (building is cheap; lingua loads each language's models on
first use, and those stay). Only the first ``MAX_CHARS`` characters are looked at.

A sample of ``LOW_ACCURACY_FROM`` characters or more (nearly every article) goes to
lingua's low-accuracy mode, which uses the trigram models only: about 17 MB for the ten
default languages instead of about 220 MB with every model from 1- to 5-grams, and on
the labelled texts of the shared data as accurate (``eval/lang_eval.py``, docs/quality.md
"Language identification"). A shorter sample, where the other n-gram sizes matter, keeps
the trigram models' answer when they are sure of it (confidence ``SURE``), else the
high-accuracy models choose among the trigram models' first ``SHORT_CANDIDATES``
languages: those languages' full models are loaded only when such a text arrives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from newsgraph.errors import Code, UsageError

MAX_CHARS = 600  # plenty for lingua on news prose; detection cost grows with length
MIN_LETTERS = 20
LOW_ACCURACY_FROM = 200  # characters of the sample from which the trigram models decide
SURE = 0.9  # below it, a shorter sample is decided again by the high-accuracy models
SHORT_CANDIDATES = 3  # ... among the trigram models' first three languages

Detect = Callable[[str], "str | None"]

_detectors: dict[tuple[tuple[str, ...], bool], LanguageDetector] = {}
_lock = threading.Lock()


def detect_language(text: str, languages: Sequence[str]) -> str | None:
    """The ISO 639-1 code of the language of ``text`` among ``languages``, or None.

    None when the text has fewer than ``MIN_LETTERS`` letters or lingua cannot decide.
    Raises :class:`~newsgraph.errors.UsageError` (NG301) for an unknown language code.
    """
    sample = _sample(text)
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    codes = normalise_codes(languages)
    if not codes:
        raise UsageError(Code.BAD_OPTION, "no languages configured for language identification")
    low = detector_for(codes, low_accuracy=True)
    if len(sample) >= LOW_ACCURACY_FROM:
        language = low.detect_language_of(sample)
    else:
        language = _short(sample, low)
    if language is None:
        return None
    return language.iso_code_639_1.name.lower()


def _short(sample: str, low: LanguageDetector) -> Language | None:
    """A short sample: the trigram models' answer when they are sure of it, else the
    high-accuracy models' choice among the trigram models' first ``SHORT_CANDIDATES``
    (only those languages' models are loaded)."""
    ranked = [c for c in low.compute_language_confidence_values(sample) if c.value > 0]
    if not ranked:
        return None
    if ranked[0].value >= SURE or len(ranked) == 1:
        return ranked[0].language
    top = [c.language.iso_code_639_1.name.lower() for c in ranked[:SHORT_CANDIDATES]]
    return detector_for(normalise_codes(top), low_accuracy=False).detect_language_of(sample)


def normalise_codes(languages: Sequence[str]) -> tuple[str, ...]:
    """Sorted, lower-case, de-duplicated codes (the cache key for detectors)."""
    return tuple(sorted({code.strip().lower() for code in languages if code.strip()}))


def detector_for(codes: tuple[str, ...], *, low_accuracy: bool = False) -> LanguageDetector:
    """The cached detector for these (normalised) codes and mode, built on first use."""
    key = (codes, low_accuracy)
    detector = _detectors.get(key)
    if detector is None:
        with _lock:
            detector = _detectors.get(key)
            if detector is None:
                detector = build_detector(codes, low_accuracy=low_accuracy)
                _detectors[key] = detector
    return detector


def build_detector(codes: Sequence[str], *, low_accuracy: bool) -> LanguageDetector:
    """A new lingua detector for these codes (no cache; ``detector_for`` keeps one)."""
    languages = [Language.from_iso_code_639_1(_iso_code(code)) for code in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def _iso_code(code: str) -> IsoCode639_1:
    try:
        return IsoCode639_1.from_str(code)
    except ValueError as exc:
        raise UsageError(Code.BAD_OPTION, f"unknown ISO 639-1 language code {code!r}") from exc


def _sample(text: str) -> str:
    """The first MAX_CHARS characters, cut back to a white-space boundary when possible."""
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", MAX_CHARS // 2, MAX_CHARS)
    return text[: cut if cut > 0 else MAX_CHARS]
