"""Tone: how positive or negative a text reads, as one number (higher = more positive).

:func:`tone_of` scores a text from three lexicons: VADER's word valences (read from the
installed ``vaderSentiment`` package, MIT, pinned in the requirements), AFINN-165 for
the words VADER lacks (``data/afinn_en.json``, Finn Årup Nielsen, ODbL 1.0: licence in
``data/AFINN-LICENSE.md``; scaled by 0.6, AFINN's -5..5 being wider than VADER's -4..4)
and Pattern's adjective polarities (``data/adjectives_en.json``, PDDL, from textblob's
copy). A word missing from all three is looked up by its plural, past, gerund, adverb
and derived ("-ness", "-ship", "-ment", "-ism") stems. Quantifiers and determiners that
Pattern rates ("most", "own", "many") carry degree, not polarity, and count nothing
(the word lists are in ``data/words_en.json``).

Rules written here, applied sentence by sentence: a negator in the three words before
flips and damps a positive word (x -0.74) and mostly cancels a negative one (x -0.3:
"not bad" is faint praise); a negative word after a verb that lessens or stops it
("reduce health costs", "save lives", "ban smoking") turns half positive; an intensifier
before strengthens or weakens a word; in a sentence with "but" the words after it weigh
1.5 and those before 0.5. Negative words count 1.5 times (raters weigh bad news more).
The sum over the sentences is divided by the square root of the word count (intensifiers
not counted: "very good" is no weaker than "good"; a density, like GDELT's tone) and squashed to -10..10 (``10 * tanh(x / 2)``). The constants were
chosen on two thirds of the NYT editorial ratings (docs/quality.md, "Tone").

:func:`article_tone` scores an article's title and text; :func:`quote_tones` returns
the quotes with each one's ``tone`` set.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources

from newsgraph.records import Quote
from newsgraph.resources import load_json

__all__ = ["article_tone", "quote_tones", "tone_of"]

NEGATIVE_WEIGHT = 1.5
ADJECTIVE_WEIGHT = 2.0
AFINN_WEIGHT = 0.6
SCALE = 10.0
SOFTNESS = 2.0
NEGATION_DAMP = -0.74
NEGATED_NEGATIVE = -0.3
NEGATION_WINDOW = 3
SHIFT = -0.5
SHIFT_WINDOW = 4

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[.!?;:,]")
_SENTENCE_END = frozenset(".!?")
_WORDS = load_json("newsgraph.extractors.tone", "data/words_en.json")
# a full stop after these is no sentence end ("Mr. Reagan", "Gen. Stroessner", "Oct. 18")
_ABBREVIATIONS = frozenset(_WORDS["abbreviations"]) | frozenset("abcdefghijklmnopqrstuvwxyz")
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
# degree, quantity and order words that Pattern gives a polarity ("most": 0.5)
_NOT_POLAR = frozenset(_WORDS["not_polar"])
# verbs that lessen, stop or undo what follows: a bad thing after them is half good
# ("could decrease breast cancer fatalities", "protect whistle-blowers")
_SHIFTERS = frozenset(_WORDS["shifters"])


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


@cache
def _afinn(language: str) -> dict[str, float]:
    if language != "en":
        return {}
    data = load_json("newsgraph.extractors.tone", f"data/afinn_{language}.json")
    return {str(k): AFINN_WEIGHT * float(v) for k, v in data["valence"].items()}


def _forms(word: str) -> list[str]:
    """``word`` and the stems to try after it, nearest first."""
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("s"):
        out += [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("ly") and len(word) > 5:
        out.append(word[:-2])
    for suffix in ("ness", "ship", "ment", "ism"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            out.append(word[: -len(suffix)])
    return out


@lru_cache(maxsize=65536)
def _word_value(word: str, language: str) -> float:
    """A word's valence: VADER's, else AFINN's, plus Pattern's adjective polarity; the
    first form of :func:`_forms` that any lexicon knows."""
    if word in _NOT_POLAR:
        return 0.0
    valences, afinn, adjectives = _valences(language), _afinn(language), _adjectives(language)
    for form in _forms(word):
        value = valences.get(form)
        if value is None:
            value = afinn.get(form)
        adj = adjectives.get(form, 0.0)
        if value is not None or adj:
            return (value or 0.0) + ADJECTIVE_WEIGHT * adj
    return 0.0


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


def raw_tone(text: str, language: str = "en") -> tuple[float, int]:
    """The weighted valence sum of ``text`` (sentence by sentence) and its word count."""
    tokens = _TOKEN.findall(text.lower().replace("\u2019", "'"))
    n = sum(1 for t in tokens if t[0].isalpha() and t not in _INTENSIFIERS)
    if not _valences(language) or not n:
        return 0.0, n
    total = 0.0
    sentence: list[str] = []
    for tok in tokens:
        if tok in _SENTENCE_END and not (sentence and sentence[-1] in _ABBREVIATIONS):
            total += _sentence_sum(sentence, language)
            sentence = []
        else:
            sentence.append(tok)
    return total + _sentence_sum(sentence, language), n


def _sentence_sum(tokens: list[str], language: str) -> float:
    words = [t for t in tokens if t[0].isalpha()]
    but = words.index("but") if "but" in words else -1
    total = 0.0
    for i, word in enumerate(words):
        value = _word_value(word, language)
        if value == 0.0:
            continue
        if i and words[i - 1] in _INTENSIFIERS:
            value += math.copysign(_INTENSIFIERS[words[i - 1]], value)
        if any(_is_negator(w) for w in words[max(0, i - NEGATION_WINDOW) : i]):
            value *= NEGATION_DAMP if value > 0 else NEGATED_NEGATIVE
        elif value < 0 and any(w in _SHIFTERS for w in words[max(0, i - SHIFT_WINDOW) : i]):
            value *= SHIFT
        if but >= 0:
            value *= 0.5 if i < but else 1.5
        total += value * (NEGATIVE_WEIGHT if value < 0 else 1.0)
    return total


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
