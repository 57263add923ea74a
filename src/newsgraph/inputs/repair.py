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
    """``text`` with mis-decoded UTF-8 put back; anything else unchanged."""
    if text.isascii():
        return text
    from ftfy import fix_text

    return str(fix_text(text, _config()))


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
