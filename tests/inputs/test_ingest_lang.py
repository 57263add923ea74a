"""Language identification restricted to the configured languages."""

from __future__ import annotations

import threading

import pytest

from newsgraph.errors import UsageError
from newsgraph.inputs.lang import MAX_CHARS, detect_language, detector_for, normalise_codes

LANGS = ("en", "fr", "ru", "de", "es", "it", "uk", "ar", "zh", "pt")

SENTENCES = {
    "en": "The Kremlin said on Monday that the talks with the French president had been useful.",
    "fr": "Le président français a déclaré lundi que les discussions avec Moscou étaient utiles.",
    "ru": "Пресс-секретарь Кремля заявил в понедельник, что переговоры были полезными.",
    "de": "Der französische Präsident sagte am Montag, die Gespräche in Moskau seien nützlich gewesen.",
}


@pytest.mark.parametrize(("code", "sentence"), sorted(SENTENCES.items()))
def test_detects_language_among_configured(code: str, sentence: str) -> None:
    assert detect_language(sentence, LANGS) == code


def test_restricted_to_configured_languages() -> None:
    # Ukrainian is not configured here, so a Ukrainian text must come out as Russian
    ukrainian = "Президент України заявив, що переговори з Францією були дуже корисними."
    assert detect_language(ukrainian, ("en", "ru")) == "ru"
    assert detect_language(ukrainian, LANGS) == "uk"


def test_short_text_is_undecided() -> None:
    assert detect_language("Putin, Macron: 2017", LANGS) is None
    assert detect_language("", LANGS) is None


def test_long_text_only_head_is_read() -> None:
    text = SENTENCES["fr"] + " " + ("word " * MAX_CHARS) + SENTENCES["de"] * 200
    assert detect_language(text, LANGS) in {"fr", "en"}


def test_unknown_code_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as info:
        detect_language(SENTENCES["en"], ("en", "xx"))
    assert info.value.code.value == "NG301"


def test_detector_built_once_per_language_set() -> None:
    codes = normalise_codes(["FR", "en", "en "])
    assert codes == ("en", "fr")
    found: list[object] = []
    threads = [threading.Thread(target=lambda: found.append(detector_for(codes))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(d is found[0] for d in found)
    assert detector_for(normalise_codes(["en", "fr"])) is found[0]


def test_long_samples_load_only_the_low_accuracy_models(monkeypatch) -> None:
    """An article's sample (LOW_ACCURACY_FROM characters or more) is decided by lingua's
    trigram models (about 17 MB for ten languages instead of about 220 MB); the
    high-accuracy detector is built only when a short text arrives."""
    from newsgraph.inputs import lang

    monkeypatch.setattr(lang, "_detectors", {})
    article = " ".join([SENTENCES["en"]] * 4)
    assert len(article) >= lang.LOW_ACCURACY_FROM
    assert detect_language(article, LANGS) == "en"
    assert detect_language(SENTENCES["fr"], LANGS) == "fr"  # short, and the trigrams are sure
    assert list(lang._detectors) == [(normalise_codes(LANGS), True)]


def test_an_unsure_short_sample_loads_the_full_models_of_three_languages(monkeypatch) -> None:
    from newsgraph.inputs import lang

    monkeypatch.setattr(lang, "_detectors", {})
    monkeypatch.setattr(lang, "SURE", 1.01)  # never sure: every short sample is decided again
    assert detect_language(SENTENCES["de"], LANGS) == "de"
    high = [codes for codes, low in lang._detectors if not low]
    assert len(high) == 1 and "de" in high[0] and len(high[0]) == lang.SHORT_CANDIDATES


@pytest.mark.parametrize(("code", "sentence"), sorted(SENTENCES.items()))
def test_both_modes_agree_on_an_article_length_text(code: str, sentence: str) -> None:
    from newsgraph.inputs.lang import build_detector

    text = " ".join([sentence] * 3)
    codes = normalise_codes(LANGS)
    for low in (True, False):
        found = build_detector(codes, low_accuracy=low).detect_language_of(text)
        assert found is not None and found.iso_code_639_1.name.lower() == code
