"""``pattern.finditer(text)`` for the time-expression rules, tried only where a match can start.

Every rule opens on a lookbehind (``(?<![\\w-])``, :func:`calendar_rules.compile_rule`),
which keeps the regex engine from skipping ahead to a literal: it tries each rule at
every offset of the text, and the long alternations at every word start. This module
reads each rule's parse tree once for the characters a match can open with (a superset:
lookarounds are skipped, a class taken whole, case folded both ways), indexes the word
starts of a text by their character once, and tries a rule only at the word starts whose
character it can open with, in order, each with ``pattern.match`` (a lookbehind still
sees the text before the offset). The matches are the ones ``finditer`` gives: the
leftmost match from where the last one ended, the same backtracking from the same
offset. A rule whose opening cannot be named (an empty match possible, a negated class,
any character) keeps plain ``finditer``.

The long alternations (durations, relative dates) open with most letters, so a rule is
also read for the pairs of characters a match can open with (:func:`opening_pairs`), and
a word start is tried only when its first two characters fit one of them.
"""

from __future__ import annotations

import re
import re._constants as sc
import re._parser as sp
from collections.abc import Iterator
from dataclasses import dataclass

WORD_START = r"(?<![\w-])"  # how every compiled rule opens
_STARTS = re.compile(WORD_START + ".", re.S)
_CATEGORIES = {sc.CATEGORY_DIGIT: r"\d", sc.CATEGORY_WORD: r"\w", sc.CATEGORY_SPACE: r"\s"}
_REPEATS = (sc.MAX_REPEAT, sc.MIN_REPEAT, sc.POSSESSIVE_REPEAT)

Items = list[tuple[object, object]]


def _first_items(seq) -> tuple[Items | None, bool]:
    """(the set items a match of ``seq`` can open with, whether ``seq`` can match empty);
    None for the items when they cannot be named."""
    items: Items = []
    for op, av in seq:
        if op in (sc.AT, sc.ASSERT, sc.ASSERT_NOT):
            continue  # zero-width: only narrows where a match opens
        if op is sc.LITERAL:
            return [*items, (op, av)], False
        if op is sc.IN:
            if any(o is sc.NEGATE for o, _ in av):
                return None, False
            return [*items, *av], False
        if op is sc.SUBPATTERN or op is sc.ATOMIC_GROUP:
            sub, empty = _first_items(av[3] if op is sc.SUBPATTERN else av)
        elif op is sc.BRANCH:
            sub, empty = [], False
            for alternative in av[1]:
                found, alt_empty = _first_items(alternative)
                if found is None:
                    return None, False
                sub, empty = sub + found, empty or alt_empty
        elif op in _REPEATS:
            sub, empty = _first_items(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False  # any character, a back-reference, a conditional, ...
        if sub is None:
            return None, False
        items += sub
        if not empty:
            return items, False
    return items, True


def _char_class(items: Items) -> str | None:
    """The items as one character class, or None for an item with no class syntax."""
    parts = []
    for op, av in items:
        if op is sc.LITERAL:
            parts.append(re.escape(chr(av)))  # type: ignore[arg-type]
        elif op is sc.RANGE:
            bounds: tuple[int, int] = av  # type: ignore[assignment]
            parts.append(re.escape(chr(bounds[0])) + "-" + re.escape(chr(bounds[1])))
        elif op is sc.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])  # type: ignore[index]
        else:
            return None
    return "[" + "".join(parts) + "]"


def opening(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character pattern that matches the first character of every match of
    ``pattern`` (more characters may pass), or None when that cannot be said."""
    if not pattern.pattern.startswith(WORD_START):
        return None
    tree = sp.parse(pattern.pattern, pattern.flags)
    if tree.getwidth()[0] == 0:
        return None  # an empty match: finditer's stepping past it is not copied here
    items, empty = _first_items(tree)
    if items is None or empty:
        return None
    found = _char_class(items)
    # case folded whatever the pattern's flags (a scoped '(?i:...)' folds too)
    return re.compile(found, pattern.flags | re.IGNORECASE) if found else None


@dataclass(frozen=True)
class _Prefixes:
    """What a part of a pattern can open a match with: ``pairs`` of item lists (a first
    character from the one, the second from the other), ``ones`` (the characters it can
    match as the whole of itself, the next part giving the second) and whether it can
    match nothing (``empty``)."""

    pairs: tuple[tuple[Items, Items], ...]
    ones: Items
    empty: bool

    def firsts(self) -> Items:
        """Every character this part can open with."""
        return [*self.ones, *(item for first, _ in self.pairs for item in first)]

    def then(self, part: _Prefixes) -> _Prefixes:
        """This part followed by ``part``."""
        pairs = list(self.pairs)
        if self.ones and (after := part.firsts()):
            pairs.append((self.ones, after))
        if self.empty:
            pairs += part.pairs
        ones = [*(self.ones if part.empty else []), *(part.ones if self.empty else [])]
        return _Prefixes(tuple(pairs), ones, self.empty and part.empty)


_NOTHING = _Prefixes((), [], True)


def _prefixes(seq) -> _Prefixes | None:
    """The two-character openings of ``seq`` (a superset: lookarounds skipped, classes
    taken whole), or None when they cannot be named."""
    done = _NOTHING
    for op, av in seq:
        if not done.empty and not done.ones:
            break  # every match already has its first two characters
        if op in (sc.AT, sc.ASSERT, sc.ASSERT_NOT):
            continue
        part = _part_prefixes(op, av)
        if part is None:
            return None
        done = done.then(part)
    return done


def _part_prefixes(op, av) -> _Prefixes | None:
    """:func:`_prefixes` of one node of a parse tree."""
    if op is sc.LITERAL:
        return _Prefixes((), [(op, av)], False)
    if op is sc.IN:
        return None if any(o is sc.NEGATE for o, _ in av) else _Prefixes((), list(av), False)
    if op is sc.SUBPATTERN or op is sc.ATOMIC_GROUP:
        return _prefixes(av[3] if op is sc.SUBPATTERN else av)
    if op is sc.BRANCH:
        found = [_prefixes(alternative) for alternative in av[1]]
        if any(f is None for f in found):
            return None
        known = [f for f in found if f is not None]
        return _Prefixes(
            tuple(pair for f in known for pair in f.pairs),
            [item for f in known for item in f.ones],
            any(f.empty for f in known),
        )
    if op in _REPEATS:
        low, high, sub = av
        inner = _prefixes(sub)
        if inner is None or high == 0:
            return None if inner is None else _NOTHING
        pairs = list(inner.pairs)
        if high >= 2 and inner.ones:
            pairs.append((inner.ones, inner.firsts()))  # two repeats of one character
        alone = inner.ones if low <= 1 or inner.empty else []  # 'b{2,}' is never one 'b'
        return _Prefixes(tuple(pairs), alone, inner.empty or low == 0)
    return None  # any character, a back-reference, a conditional, ...


def opening_pairs(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches the first two characters of every match of ``pattern``
    at least two characters long, and the first character of every shorter one (more
    may pass), or None when that cannot be said."""
    if opening(pattern) is None:
        return None
    found = _prefixes(sp.parse(pattern.pattern, pattern.flags))
    if found is None:
        return None
    classes = [(_char_class(first), _char_class(second)) for first, second in found.pairs]
    if any(first is None or second is None for first, second in classes):
        return None
    alternatives = [f"{first}{second}" for first, second in classes]
    if found.ones:
        one = _char_class(found.ones)
        if one is None:
            return None
        alternatives.append(one)  # a match of one character: any second one passes
    return re.compile("|".join(alternatives), pattern.flags | re.IGNORECASE)


class Openings:
    """The rules' opening characters, each asked of a text's characters once."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        self.gates = [opening(p) for p in patterns]
        self.pair_gates = [opening_pairs(p) for p in patterns]
        self._accepts: list[dict[str, bool]] = [{} for _ in patterns]
        self._accepts_pairs: list[dict[str, bool]] = [{} for _ in patterns]

    def _accepts_char(self, rule: int, char: str) -> bool:
        known = self._accepts[rule].get(char)
        if known is None:
            gate = self.gates[rule]
            assert gate is not None
            # a non-ASCII character is always tried: case folding reaches past ASCII
            # ('\u212a', the Kelvin sign, is a 'k' to a case-blind pattern)
            known = not char.isascii() or gate.match(char) is not None
            self._accepts[rule][char] = known
        return known

    def _accepts_pair(self, rule: int, pair: str) -> bool:
        """Whether a match of ``rule`` can open with ``pair``, the first two characters
        of a word start (one at the end of the text), its first character accepted."""
        known = self._accepts_pairs[rule].get(pair)
        if known is None:
            gate = self.pair_gates[rule]
            known = gate is None or len(pair) < 2 or not pair.isascii()
            known = known or gate is not None and gate.match(pair) is not None
            self._accepts_pairs[rule][pair] = known
        return known

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(rule index, match) for every rule in order, each rule's matches as
        ``pattern.finditer(text)`` gives them."""
        starts: dict[str, dict[str, list[int]]] | None = None  # first char -> pair -> offsets
        for rule, pattern in enumerate(self.patterns):
            if self.gates[rule] is None:
                for match in pattern.finditer(text):
                    yield rule, match
                continue
            if starts is None:
                starts = {}
                for found in _STARTS.finditer(text):
                    at = found.start()
                    pairs = starts.setdefault(found.group(), {})
                    pairs.setdefault(text[at : at + 2], []).append(at)
            offsets = [
                at
                for char, pairs in starts.items()
                if self._accepts_char(rule, char)
                for pair, ats in pairs.items()
                if self._accepts_pair(rule, pair)
                for at in ats
            ]
            offsets.sort()
            end = 0
            match_at = pattern.match
            for at in offsets:
                if at < end:
                    continue
                found_at = match_at(text, at)
                if found_at is not None:
                    yield rule, found_at
                    end = found_at.end()
