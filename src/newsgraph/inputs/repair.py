"""Mojibake repair: text that was encoded in UTF-8 and decoded as cp1252 or latin-1
(once or twice) on its way to us, such as "Bill O\u00e2\u20ac\u2122Reilly" for
"Bill O\u2019Reilly", is put back with ftfy.

Only ftfy's encoding fixes run: its other fixes change correct text ("curly" quotes
straightened, ligatures and full-width letters folded, HTML entities decoded, line
breaks rewritten) and are all switched off, so correct text comes back unchanged.
ASCII text is returned at once. Characters already lost (U+FFFD replacement
characters, as in "O\ufffd\ufffdReilly") cannot be recovered and are left as they are.

``repair_counted`` also says how many words it changed: the number an article carries
(``extensions["repairs"]``) and the store adds up for ``newsgraph stats``.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _config() -> Any:
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def repair_mojibake(text: str) -> str:
    """``text`` with mis-decoded UTF-8 put back; anything else unchanged.

    Line by line, as ftfy's ``fix_text`` works (it fixes lines independently, cut every
    ``max_decode_length`` characters): ASCII lines are skipped, and when no line changes
    the text itself is returned, not a copy of it (a 5,000,000-character text cost two
    more copies at once, ftfy's list of lines and their join: issue 12)."""
    if text.isascii():
        return text
    from ftfy import fix_text

    config = _config()
    changed: list[tuple[int, int, str]] = []
    for start, end in _segments(text, config.max_decode_length):
        segment = text[start:end]
        if segment.isascii():
            continue
        fixed = str(fix_text(segment, config))
        if fixed != segment:
            changed.append((start, end, fixed))
    if not changed:
        return text
    out: list[str] = []
    pos = 0
    for start, end, fixed in changed:
        out.append(text[pos:start])
        out.append(fixed)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _segments(text: str, longest: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the lines of ``text`` (each with its line break), cut every
    ``longest`` characters: the segments ftfy's ``fix_text`` fixes one by one."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos) + 1 or len(text)
        end = min(end, pos + longest)
        yield pos, end
        pos = end


def repair_optional(text: str | None) -> str | None:
    """``repair_mojibake`` for a value that may be missing (a title)."""
    return repair_mojibake(text) if text else text


def repair_counted(text: str) -> tuple[str, int]:
    """``repair_mojibake`` and how many words of ``text`` it changed (0: untouched)."""
    fixed = repair_mojibake(text)
    return fixed, (0 if fixed == text else changed_words(text, fixed))


def changed_words(before: str, after: str) -> int:
    """How many whitespace-separated words of ``before`` differ in ``after``: word by
    word when the repair kept the words apart, else by aligning the two word lists."""
    old, new = before.split(), after.split()
    if len(old) == len(new):
        return sum(a != b for a, b in zip(old, new, strict=True))
    blocks = SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    return len(old) - sum(block.size for block in blocks)
