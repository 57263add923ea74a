"""The furniture phrase list: parsing ``furniture.txt`` and matching folded lines against it.

See the header of ``furniture.txt`` for the file format. Matching is set look-ups and
one compiled alternation per kind, so a line costs the same however long the list is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

DEFAULT_PREFIX_WORDS = 25
SECTIONS = ("line", "prefix", "pattern", "end", "list", "share")
# share words that alone do not make a line share buttons ("On this", "It")
WEAK_SHARE_WORDS = frozenset({"on", "this", "it", "via", "article", "link", "copy", "x"})

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_COLON = re.compile(r"\s+:")


@lru_cache(maxsize=8192)
def fold_line(line: str) -> str:
    """NFKC, casefold, plain quotes and dashes, one space for each white-space run, stripped."""
    text = unicodedata.normalize("NFKC", line).translate(_FOLD).casefold()
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def line_key(line: str) -> str:
    """The folded line without punctuation or symbols at either end ("Source : X" -> "source: x")."""
    return _SPACE_BEFORE_COLON.sub(":", _strip_edges(fold_line(line)))


def _strip_edges(text: str) -> str:
    """Remove characters that are not letters or digits from both ends (linear time)."""
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


@dataclass(frozen=True)
class Furniture:
    """The compiled phrase list."""

    lines: frozenset[str]
    prefixes: tuple[tuple[re.Pattern[str], int], ...]
    pattern: re.Pattern[str] | None
    end: frozenset[str]
    lists: frozenset[str]
    share: frozenset[str]
    weak_share: frozenset[str] = WEAK_SHARE_WORDS

    def matches(self, folded: str, key: str, words: int) -> bool:
        """True when a line (given folded, as key, and its word count) is listed furniture."""
        if key in self.lines or key in self.end or key in self.lists:
            return True
        if self.pattern is not None and self.pattern.fullmatch(folded):
            return True
        return any(words <= limit and rx.match(key) for rx, limit in self.prefixes)


def load_furniture(data: str) -> Furniture:
    """Parse the text of a furniture file into a :class:`Furniture`."""
    entries: dict[str, list[str]] = {name: [] for name in SECTIONS}
    section: str | None = None
    for number, raw in enumerate(data.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if section not in entries:
                raise ValueError(f"furniture line {number}: unknown section {line}")
            continue
        if section is None:
            raise ValueError(f"furniture line {number}: entry before any section")
        entries[section].append(line)
    return Furniture(
        lines=frozenset(line_key(e) for e in entries["line"]),
        prefixes=_compile_prefixes(entries["prefix"]),
        pattern=_compile_patterns(entries["pattern"]),
        end=frozenset(line_key(e) for e in entries["end"]),
        lists=frozenset(line_key(e) for e in entries["list"]),
        share=frozenset(fold_line(e) for e in entries["share"]),
    )


def _compile_prefixes(entries: list[str]) -> tuple[tuple[re.Pattern[str], int], ...]:
    """One alternation per word limit: ``phrase | N`` entries grouped by N."""
    by_limit: dict[int, list[str]] = {}
    for entry in entries:
        phrase, _, limit = entry.partition("|")
        words = int(limit) if limit.strip() else DEFAULT_PREFIX_WORDS
        key = _SPACE_BEFORE_COLON.sub(":", fold_line(phrase))
        boundary = r"\b" if key[-1].isalnum() else ""
        by_limit.setdefault(words, []).append(re.escape(key) + boundary)
    return tuple(
        (re.compile("(?:" + "|".join(sorted(set(alts))) + ")"), limit)
        for limit, alts in sorted(by_limit.items())
    )


def _compile_patterns(entries: list[str]) -> re.Pattern[str] | None:
    if not entries:
        return None
    return re.compile("|".join(f"(?:{e})" for e in entries))
