"""Language identification with lingua, restricted to the configured languages.

One detector is built per set of languages, lazily, and kept for the life of the
process (building loads lingua's models, which takes a while; detecting is cheap).
Only the first ``MAX_CHARS`` characters are looked at.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from newsgraph.errors import Code, UsageError

MAX_CHARS = 600  # plenty for lingua on news prose; detection cost grows with length
MIN_LETTERS = 20

_detectors: dict[tuple[str, ...], LanguageDetector] = {}
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
    language = detector_for(codes).detect_language_of(sample)
    if language is None:
        return None
    return language.iso_code_639_1.name.lower()


def normalise_codes(languages: Sequence[str]) -> tuple[str, ...]:
    """Sorted, lower-case, de-duplicated codes (the cache key for detectors)."""
    return tuple(sorted({code.strip().lower() for code in languages if code.strip()}))


def detector_for(codes: tuple[str, ...]) -> LanguageDetector:
    """The cached detector for these (normalised) codes, built on first use."""
    detector = _detectors.get(codes)
    if detector is None:
        with _lock:
            detector = _detectors.get(codes)
            if detector is None:
                detector = _build(codes)
                _detectors[codes] = detector
    return detector


def _build(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(_iso_code(code)) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


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
