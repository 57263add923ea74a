"""Name normalisation shared by the KB indexes and every lookup.

``normalize_name("the Kremlin's")`` -> ``"kremlin"``; ``"U.S."`` -> ``"us"``;
``"Élysée"`` -> ``"elysee"``; ``"Zelensky’s"`` -> ``"zelensky"``;
``"president-elect"`` -> ``"president elect"``. Cyrillic is casefolded and loses
its diacritics the same way (``"ё"`` -> ``"е"``), so both sides always agree.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})
_DASHES = re.compile(r"[-‐‑‒–—―_/]+")
_DROP = re.compile(r"[.\u00b7]")  # "U.S." -> "US", "J.D." -> "JD"
_PUNCT = re.compile(r"[^\w\s']+")
_POSSESSIVE = re.compile(r"(?<=\w)'s?$")
_LEADING_ARTICLE = ("the ",)

# Russian case endings stripped to compare inflected names ("Путина" ~ "Путин"), longest first
# (in normalised form: "й" has lost its breve, so "-ой" is written "-ои")
_RU_ENDINGS = (
    "ого",
    "ему",
    "ому",
    "ыми",
    "ими",
    "ии",
    "ыи",
    "ои",
    "ая",
    "яя",
    "ую",
    "юю",
    "ым",
    "им",
    "ом",
    "ем",
    "еи",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "ы",
    "и",
)


def strip_accents(text: str) -> str:
    """Remove combining marks: "Élysée" -> "Elysee", "Путинё" -> "Путине"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_name(text: str) -> str:
    """Casefold, strip accents, possessives and a leading "the"; collapse punctuation."""
    text = strip_accents(text.translate(_APOSTROPHES)).casefold()
    text = _DROP.sub("", text)
    text = _DASHES.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    tokens = [_POSSESSIVE.sub("", tok).strip("'") for tok in text.split()]
    text = " ".join(tok for tok in tokens if tok)
    for article in _LEADING_ARTICLE:
        if text.startswith(article):
            text = text[len(article) :]
    return text


def is_cyrillic(text: str) -> bool:
    """True when most letters of ``text`` are Cyrillic."""
    letters = [ch for ch in text if ch.isalpha()]
    cyr = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return bool(letters) and cyr * 2 > len(letters)


def russian_stem(key: str) -> str:
    """Strip one case ending from every word of a normalised Cyrillic name.

    "владимира путина" and "владимир путин" both give "владимир путин"; a stem
    keeps at least three letters, so short words are left alone.
    """
    return " ".join(_stem_word(word) for word in key.split())


def _stem_word(word: str) -> str:
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word
