"""Tone: how positive or negative a text reads, as one number (higher = more positive).

:func:`tone_of` scores a text from two lexicons: VADER's word valences (read from the
installed ``vaderSentiment`` package, MIT, pinned in the requirements) and Pattern's
adjective polarities (``data/adjectives_en.json``, PDDL, from textblob's copy). Rules
written here: a negator in the three words before flips and damps a word, an
intensifier before strengthens or weakens it, words after "but" weigh more than words
before it. Negative words count 1.3 times (news raters weigh bad news more). The sum is
divided by the square root of the word count (a density, like GDELT's tone) and
squashed to -10..10 (``10 * tanh(x / 2)``). The constants were chosen on two thirds of
the NYT editorial ratings (docs/quality.md, "Tone").

:func:`article_tone` scores an article's title and text; :func:`quote_tones` returns
the quotes with each one's ``tone`` set.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from newsgraph.records import Quote
from newsgraph.resources import load_json

__all__ = ["article_tone", "quote_tones", "tone_of"]

NEGATIVE_WEIGHT = 1.3
ADJECTIVE_WEIGHT = 2.0
SCALE = 10.0
SOFTNESS = 2.0
NEGATION_DAMP = -0.74
NEGATION_WINDOW = 3

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NEGATORS = frozenset(
    ["not", "no", "never", "nor", "neither", "without", "cannot", "hardly", "barely"]
    + ["scarcely", "nothing", "nobody", "none", "nowhere", "lack", "lacks", "lacked"]
)
_INTENSIFIERS = {
    "very": 0.3, "extremely": 0.4, "really": 0.2, "so": 0.2, "too": 0.2, "most": 0.2,
    "more": 0.1, "highly": 0.3, "deeply": 0.3, "utterly": 0.4, "totally": 0.3,
    "absolutely": 0.3, "particularly": 0.2, "especially": 0.2, "quite": 0.1,
    "slightly": -0.3, "somewhat": -0.2, "barely": -0.3, "little": -0.2, "less": -0.2,
    "fairly": -0.1,
}  # fmt: skip


@cache
def _valences(language: str) -> dict[str, float]:
    """Word -> valence for ``language`` (English only so far)."""
    if language != "en":
        return {}
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isascii():
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


@cache
def _adjectives(language: str) -> dict[str, float]:
    if language != "en":
        return {}
    data = load_json("newsgraph.extractors.tone", f"data/adjectives_{language}.json")
    return {str(k): float(v) for k, v in data["polarity"].items()}


def _word_value(word: str, valences: dict[str, float], adjectives: dict[str, float]) -> float:
    value = valences.get(word)
    if value is None and word.endswith("s"):
        value = valences.get(word[:-1])
    return (value or 0.0) + ADJECTIVE_WEIGHT * adjectives.get(word, 0.0)


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


def raw_tone(text: str, language: str = "en") -> tuple[float, int]:
    """The weighted valence sum of ``text`` and its word count."""
    valences, adjectives = _valences(language), _adjectives(language)
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    if not valences or not words:
        return 0.0, len(words)
    but = words.index("but") if "but" in words else -1
    total = 0.0
    for i, word in enumerate(words):
        value = _word_value(word, valences, adjectives)
        if value == 0.0:
            continue
        if i and words[i - 1] in _INTENSIFIERS:
            value += math.copysign(_INTENSIFIERS[words[i - 1]], value)
        if any(_is_negator(w) for w in words[max(0, i - NEGATION_WINDOW) : i]):
            value *= NEGATION_DAMP
        if but >= 0:
            value *= 0.5 if i < but else 1.5
        total += value * (NEGATIVE_WEIGHT if value < 0 else 1.0)
    return total, len(words)


def tone_of(text: str, language: str = "en") -> float | None:
    """The tone of ``text`` on -10..10; None for a language without a lexicon."""
    if not _valences(language):
        return None
    total, n = raw_tone(text, language)
    if n == 0:
        return 0.0
    return round(SCALE * math.tanh(total / math.sqrt(n) / SOFTNESS), 3)


def article_tone(text: str, language: str = "en") -> float | None:
    """The tone of a whole article (title and body together)."""
    return tone_of(text, language)


def quote_tones(quotes: Sequence[Quote], language: str = "en") -> tuple[Quote, ...]:
    """The quotes with ``tone`` set to the tone of each one's words."""
    out = []
    for q in quotes:
        tone = tone_of(q.text, language)
        out.append(q if tone is None else _with_tone(q, tone))
    return tuple(out)


def _with_tone(quote: Quote, tone: float) -> Quote:
    return dataclasses.replace(quote, tone=tone)
