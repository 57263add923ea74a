"""Plain-text cleaning: drop page furniture, take the headline, normalise white space lightly.

Scraped articles arrive with the page around them: "All news" links, comment forms,
"Latest Posts" lists, share buttons, photo credits, cookie notices, a repeated headline.
:func:`clean_text` removes such lines by general rules, never by strings of one article:

* a shipped phrase list (``furniture.txt`` beside this module) matched against whole
  lines after folding case, quotes, dashes and edge punctuation;
* structural cues: navigation trails ("Home > World > Europe"), lines of share-button
  words, bare URLs, lines with no letters or digits, section labels above the headline,
  lines repeating the headline, and in the tail after the last sentence of the body,
  short lines without sentence punctuation;
* blocks: a comment form in the second half of the text ends the article; a
  related-posts header takes the headline-like lines after it along.

Characters inside kept lines are never changed, so offsets computed on the cleaned text
stay valid for every later stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.inputs.furniture import Furniture, fold_line, line_key, load_furniture
from newsgraph.resources import read_text

MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
MAX_TAIL_WORDS = 16
MAX_TAIL_CHARS = 140
MAX_LABEL_WORDS = 2
MIN_HEADLINE_WORDS = 3
MAX_TAIL_RUN = 8
MAX_FURNITURE_CHARS = 600  # longer lines are body (the longest listed notices are ~60 words)
MAX_HEADER_CHARS = 80  # comment-form and list headers are short
TITLE_SEARCH_LINES = 3

_SENTENCE_END = re.compile(r"[.!?…。！？؟۔][\"'”’»)\]*]*$")
_INNER_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM = re.compile(r"[^\W_]")
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
_NAV_SEPARATOR = re.compile(r"\s+(?:[|›»>•·/]|::|→)\s+")
# lines above a headline that are not it: a byline, a date/time stamp, "Updated: ..."
_DATE_OR_BYLINE = re.compile(
    r"(?i:by)\s+[A-ZА-ЯЁ][\w.'-]*(?:\s+(?:and\s+)?[A-ZА-ЯЁ][\w.'-]*){0,4}(?:,[^.!?]{0,40})?"
    r"|(?i:updated|published|posted|last updated)(?:\s+on)?:?\s+.{0,60}"
    r"|[\d\s.,:/-]+(?i:am|pm|gmt|utc|msk|cet)?"
    r"|(?:\w+,?\s+)?(?:\d{1,2}\.?\s+\w+|\w+\.?\s+\d{1,2}),?\s+\d{4}.{0,30}"
)
_BLANK_RUN = re.compile(r"\n{3,}")
# list items and lines introducing what follows: "1) ...", "- ...", "England (Group A): 10th", "Watch:"
_LIST_ITEM = re.compile(r"(?:\d{1,3}[.)]|[-*•–—]|\(?[a-z][.)])\s|.*\w:(?:\s|$)")
_CLOSING_QUOTES = ('"', "\u201d", "\u00bb", "\u2019", "'")


@dataclass(frozen=True)
class CleanText:
    """The article body (what every offset indexes into), its headline, the lines dropped."""

    text: str
    title: str | None
    removed: tuple[str, ...]


def clean_text(text: str, *, known_title: str | None = None) -> CleanText:
    """Clean one decoded plain-text article.

    Returns the body with the furniture lines removed, in ``text``; the headline, when the
    first line looks like one (short, no final period, not furniture), in ``title`` and no
    longer in ``text``. ``known_title`` (a title the input supplied) is returned as the
    title and lines repeating it are dropped. White space is normalised lightly: newlines
    unified, trailing spaces stripped, runs of blank lines collapsed to one; characters
    inside kept lines are never rewritten. Never raises; an input that is all furniture
    gives an empty ``text``, which the caller rejects as empty.
    """
    lines = _split_lines(text)
    furniture = _furniture()
    keep = [bool(line.strip()) for line in lines]
    removed: dict[int, str] = {}
    _drop_furniture_lines(lines, keep, removed, furniture)
    _drop_blocks(lines, keep, removed, furniture)
    title, title_index = _choose_title(lines, keep, removed, known_title)
    if title_index is not None:
        keep[title_index] = False
    if title:
        _drop_title_repeats(lines, keep, removed, title)
    _drop_tail(lines, keep, removed, furniture)
    body = _join_kept(lines, keep)
    return CleanText(body, title, tuple(removed[i].strip() for i in sorted(removed)))


@lru_cache(maxsize=1)
def _furniture() -> Furniture:
    data = read_text("newsgraph.inputs", "furniture.txt")
    return load_furniture(data)


def _split_lines(text: str) -> list[str]:
    """Lines with newlines unified (CRLF, CR, U+2028...) and trailing white space removed."""
    return [line.rstrip() for line in text.splitlines()]


def _join_kept(lines: list[str], keep: list[bool]) -> str:
    """Join the kept lines, keeping paragraph breaks but collapsing runs of blank lines."""
    out = [line if k else "" for line, k in zip(lines, keep, strict=True)]
    joined = "\n".join(out).strip("\n")
    return _BLANK_RUN.sub("\n\n", joined)


def _drop(index: int, lines: list[str], keep: list[bool], removed: dict[int, str]) -> None:
    keep[index] = False
    removed[index] = lines[index]


def _kept_indexes(keep: list[bool]) -> list[int]:
    return [i for i, k in enumerate(keep) if k]


# -- line tests ---------------------------------------------------------------------------


def word_count(line: str) -> int:
    """Number of words (runs of letters or digits) in a line."""
    return len(_WORD.findall(line))


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (final . ! ? … maybe inside quotes)."""
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_headline_like(line: str, *, max_words: int, max_chars: int) -> bool:
    """Short, has letters, and does not end like a sentence."""
    stripped = line.strip()
    return (
        0 < word_count(stripped) <= max_words
        and len(stripped) <= max_chars
        and bool(_LETTER.search(stripped))
        and not ends_sentence(stripped)
    )


def is_navigation(line: str) -> bool:
    """A breadcrumb or menu: three or more short items joined by | › » > / • separators."""
    parts = _NAV_SEPARATOR.split(line.strip())
    if len(parts) < 3:
        return False
    return all(0 < word_count(p) <= 4 and not ends_sentence(p) for p in parts)


def is_share_buttons(line: str, furniture: Furniture) -> bool:
    """A line made only of share-button words ("Share Facebook Twitter WhatsApp")."""
    words = [w.casefold() for w in re.findall(r"[\w+@-]+", line)]
    if not words or len(words) > 12:
        return False
    return all(w in furniture.share for w in words) and any(
        w not in furniture.weak_share for w in words
    )


def is_furniture_line(line: str, furniture: Furniture) -> bool:
    """A line that is page furniture wherever it stands."""
    stripped = line.strip()
    if not _ALNUM.search(stripped) or _URL_ONLY.fullmatch(stripped):
        return True
    if len(stripped) > MAX_FURNITURE_CHARS:
        return False  # a long paragraph is never listed furniture
    if furniture.matches(fold_line(stripped), line_key(stripped), word_count(stripped)):
        return True
    return is_navigation(stripped) or is_share_buttons(stripped, furniture)


def _is_title_candidate(line: str, furniture: Furniture) -> bool:
    """Looks like a headline: 3-25 words, no final period, not all capitals, not furniture."""
    stripped = line.strip()
    return (
        is_headline_like(stripped, max_words=MAX_HEADLINE_WORDS, max_chars=MAX_HEADLINE_CHARS)
        and word_count(stripped) >= MIN_HEADLINE_WORDS
        and not stripped.endswith((":", ",", ";"))
        and stripped.count(":") < 2
        and not stripped.isupper()
        and not _INNER_SENTENCE_BREAK.search(stripped)
        and not _DATE_OR_BYLINE.fullmatch(stripped)
        and not is_furniture_line(stripped, furniture)
    )


def _is_section_label(line: str) -> bool:
    """A one- or two-word kicker above a headline ("Politics", "World news")."""
    stripped = line.strip()
    return (
        word_count(stripped) <= MAX_LABEL_WORDS
        and is_headline_like(stripped, max_words=MAX_LABEL_WORDS, max_chars=40)
        and not any(ch.isdigit() for ch in stripped)
    )


# -- passes ---------------------------------------------------------------------------------


def _drop_furniture_lines(
    lines: list[str], keep: list[bool], removed: dict[int, str], furniture: Furniture
) -> None:
    for i in _kept_indexes(keep):
        if is_furniture_line(lines[i], furniture):
            _drop(i, lines, keep, removed)


def _second_half_start(lines: list[str]) -> int:
    """Index of the first line that starts past half of the text's characters."""
    total = sum(len(line) + 1 for line in lines)
    seen = 0
    for i, line in enumerate(lines):
        if seen >= total / 2:
            return i
        seen += len(line) + 1
    return len(lines)


def _drop_blocks(
    lines: list[str], keep: list[bool], removed: dict[int, str], furniture: Furniture
) -> None:
    """Comment forms in the second half end the article; list headers take their items.

    A list header above the first sentence of the body ("Latest news" over the headline)
    is navigation: it goes alone.
    """
    half = _second_half_start(lines)
    body_start = _first_sentence_index(lines)
    for i, line in enumerate(lines):
        key = line_key(line) if 0 < len(line) <= MAX_HEADER_CHARS else ""
        if not key:
            continue
        if key in furniture.end and i >= half:
            for j in range(i, len(lines)):
                if lines[j].strip():
                    _drop(j, lines, keep, removed)
            return
        if key in furniture.lists and i > body_start:
            _drop_list_items(i + 1, lines, keep, removed)


def _first_sentence_index(lines: list[str]) -> int:
    """Index of the first line that ends like a sentence (len(lines) when none does)."""
    return next((i for i, line in enumerate(lines) if ends_sentence(line)), len(lines))


def _drop_list_items(
    start: int, lines: list[str], keep: list[bool], removed: dict[int, str]
) -> None:
    """Drop the headline-like lines following a related-posts header, up to body text."""
    for j in range(start, len(lines)):
        line = lines[j]
        if not line.strip():
            continue
        if not keep[j]:
            continue
        if not is_headline_like(line, max_words=MAX_TAIL_WORDS, max_chars=MAX_TAIL_CHARS):
            return
        _drop(j, lines, keep, removed)


def _choose_title(
    lines: list[str], keep: list[bool], removed: dict[int, str], known_title: str | None
) -> tuple[str | None, int | None]:
    """The headline and its line index (None when the title is given or not found).

    Looks at the first kept lines: a one- or two-word label right above a headline is
    a section label and is dropped; a date or byline line above it is kept in the body.
    """
    if known_title and known_title.strip():
        return known_title.strip(), None
    kept = _kept_indexes(keep)
    if len(kept) < 2:
        return None, None
    furniture = _furniture()
    for pos, i in enumerate(kept[:TITLE_SEARCH_LINES]):
        line = lines[i].strip()
        nxt = lines[kept[pos + 1]].strip() if pos + 1 < len(kept) else ""
        if _is_section_label(line) and _is_title_candidate(nxt, furniture):
            _drop(i, lines, keep, removed)
            return nxt, kept[pos + 1]
        if _is_title_candidate(line, furniture) and nxt:
            return line, i
        if not _DATE_OR_BYLINE.fullmatch(line):
            return None, None
    return None, None


def _drop_title_repeats(
    lines: list[str], keep: list[bool], removed: dict[int, str], title: str
) -> None:
    target = line_key(title)
    for i in _kept_indexes(keep):
        if line_key(lines[i]) == target:
            _drop(i, lines, keep, removed)


def _drop_tail(
    lines: list[str], keep: list[bool], removed: dict[int, str], furniture: Furniture
) -> None:
    """After the last sentence of the body, short lines without sentence punctuation go.

    Only applies when some kept line ends like a sentence, so a text without sentence
    punctuation (a list, a caption) is left alone, and only to runs of at most
    ``MAX_TAIL_RUN`` lines: a longer run is a list that belongs to the body.
    """
    kept = _kept_indexes(keep)
    if not any(ends_sentence(lines[i]) for i in kept):
        return
    run: list[int] = []
    for i in reversed(kept):
        if not _is_tail_furniture(lines[i]):
            break
        run.append(i)
    if len(run) > MAX_TAIL_RUN:
        return  # a long run of short lines is a list in the body (tour dates, results)
    for i in run:
        _drop(i, lines, keep, removed)


def _is_tail_furniture(line: str) -> bool:
    """A short line without sentence punctuation that is not a list item or an introduction."""
    stripped = line.strip()
    return (
        is_headline_like(stripped, max_words=MAX_TAIL_WORDS, max_chars=MAX_TAIL_CHARS)
        and not stripped.endswith(_CLOSING_QUOTES)
        and not _LIST_ITEM.match(stripped)
    )


_CUT_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s")


def cut_text(text: str, limit: int) -> str:
    """The first part of ``text`` of at most ``limit`` characters (``[ingest]
    max_text_chars``): cut after the last blank line, else line break, else sentence
    end, else white space in the second half of that length; a hard cut only when there
    is none. ``text`` itself when it is no longer than ``limit`` (or ``limit`` < 1)."""
    if limit < 1 or len(text) <= limit:
        return text
    low = limit // 2
    for mark in ("\n\n", "\n"):
        i = text.rfind(mark, low, limit)
        if i >= 0:
            return text[: i + len(mark)]
    last = None
    for last in _CUT_SENTENCE_END.finditer(text, low, limit):  # noqa: B007 - the last one
        pass
    if last is not None:
        return text[: last.end()]
    for i in range(limit - 1, low - 1, -1):
        if text[i].isspace():
            return text[: i + 1]
    return text[:limit]
