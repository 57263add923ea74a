"""Data and rules behind :mod:`newsgraph.extractors.quotes.finder`.

* :func:`cue_lexicon` loads the cue words (speech verbs, role nouns, pronouns...) from
  ``data/cues.json`` once per process;
* :func:`find_quoted_spans` pairs quotation marks paragraph by paragraph, in every
  style news text uses: straight ``"`` and ``''``, curly, ``« »``, ``„ "``, with nested
  quotes, wrong-glyph closers, quotes that run to the end of a paragraph and are
  re-opened in the next one, and stray marks that only spoil their own candidate.

Speaker mentions and their resolution live in :mod:`newsgraph.extractors.quotes.speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.resources import load_json

_MARK = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
# a straight mark standing for an apostrophe inside a word (can"t, don"t, it"s, we"ll)
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])(?:\"|'')(?=(?:t|s|ll|re|ve|d|m)\b)")
# a dash garbled into '"?' after a space or a dash ('could determine "?at least temporarily
# "?the fate of ...', 'enticements -"?his vision ...'): no quotation mark ('said,"?Trump'
# and 'now."?"We' stay closers)
_GARBLED_DASH = re.compile(r"(?<=[\s\-\u2013\u2014])\"\?(?=\w)")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPEN_ONLY = {"\u00ab", "\u201e", "``"}
_CLOSE_ONLY = {"\u00bb"}
_STRAIGHT = {'"', "''"}
_CLOSES = {
    "\u00ab": {"\u00bb"},
    "\u201e": {"\u201c", "\u201d", '"'},
    "``": {"''", '"'},
    "\u201c": {"\u201d", '"', "''"},
    '"': {'"', "''", "\u201d"},
    "''": {"''", '"', "\u201d"},
    "\u201d": {"\u201d", '"', "''"},
}


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Word lists from ``data/cues.json`` (lemmas, lower case)."""

    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    partial_quote_verbs: frozenset[str]
    phrasal: dict[str, frozenset[str]]
    prepositional_cues: dict[str, frozenset[str]]
    needs_particle: frozenset[str]
    object_content_verbs: frozenset[str]
    content_prepositions: frozenset[str]
    addressee_verbs: frozenset[str]
    line_labels: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    role_nouns: frozenset[str]
    person_pronouns: dict[str, str]
    honorifics: dict[str, str]
    gendered_roles: dict[str, str]
    not_speakers: frozenset[str]
    speech_nouns: frozenset[str]
    stance_light_verbs: frozenset[str]
    noun_source_prepositions: frozenset[str]
    clause_only_verbs: frozenset[str]
    act_objects: frozenset[str]
    org_nouns: frozenset[str]
    org_pronouns: frozenset[str]
    indefinite_determiners: frozenset[str]
    citation_verbs: frozenset[str]
    source_nouns: frozenset[str]
    intent_verbs: frozenset[str]
    title_words: frozenset[str]
    refusal_verbs: frozenset[str]
    rule_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    naming_as_verbs: frozenset[str]
    document_nouns: frozenset[str]
    office_words: frozenset[str]
    measure_nouns: frozenset[str]
    evidence_verbs: frozenset[str]
    evidence_nouns: frozenset[str]
    generic_speakers: frozenset[str]
    name_org_nouns: frozenset[str]
    reflexive_pronouns: frozenset[str]
    source_people: frozenset[str]
    wh_words: frozenset[str]
    visual_nouns: frozenset[str]
    writer_adverbs: frozenset[str]
    inference_verbs: frozenset[str]
    anonymity_verbs: frozenset[str]
    declared_acts: frozenset[str]
    handling_verbs: frozenset[str]
    hedging_modals: frozenset[str]
    question_verbs: frozenset[str]
    anonymity_words: frozenset[str]
    unnamed_sources: frozenset[str]
    aim_verbs: frozenset[str]
    finding_verbs: frozenset[str]
    finding_verbs_more: frozenset[str]
    data_nouns: frozenset[str]
    data_office_words: frozenset[str]
    story_labels: frozenset[str]
    capital_labels: frozenset[str]
    study_people: frozenset[str]
    study_report_verbs: frozenset[str]
    forecast_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    taking_verbs: frozenset[str]
    claimed_things: frozenset[str]
    deciding_verbs: frozenset[str]
    knowing_verbs: frozenset[str]
    sign_verbs: frozenset[str]
    fancy_verbs: frozenset[str]
    media_nouns: frozenset[str]

    def is_cue_verb(self, lemma: str) -> bool:
        """True for a verb that reports speech or a stance."""
        return lemma in self.speech_verbs or lemma in self.belief_verbs

    def is_story_label(self, words: list[str]) -> bool:
        """Whether the words before a colon are a page label ('READ MORE', 'Related');
        capital_labels only in capitals ('READ:', not 'The sign read:')."""
        label = " ".join(w.lower() for w in words)
        if label in self.story_labels:
            return True
        return label in self.capital_labels and all(w.isupper() for w in words)


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue word lists shipped in ``newsgraph/extractors/quotes/data/cues.json``."""
    raw = load_json("newsgraph.extractors.quotes", "data/cues.json")
    return CueLexicon(
        speech_verbs=frozenset(raw["speech_verbs"]),
        belief_verbs=frozenset(raw["belief_verbs"]),
        partial_quote_verbs=frozenset(raw["partial_quote_verbs"]),
        phrasal={k: frozenset(v) for k, v in raw["phrasal"].items()},
        prepositional_cues={k: frozenset(v) for k, v in raw["prepositional_cues"].items()},
        needs_particle=frozenset(raw["needs_particle"]),
        object_content_verbs=frozenset(raw["object_content_verbs"]),
        content_prepositions=frozenset(raw["content_prepositions"]),
        addressee_verbs=frozenset(raw["addressee_verbs"]),
        line_labels=frozenset(raw["line_labels"]),
        according_to=tuple(tuple(p.split()) for p in raw["according_to"]),
        role_nouns=frozenset(raw["role_nouns"]),
        person_pronouns=dict(raw["person_pronouns"]),
        honorifics=dict(raw["honorifics"]),
        gendered_roles=dict(raw["gendered_roles"]),
        not_speakers=frozenset(raw["not_speakers"]),
        speech_nouns=frozenset(raw["speech_nouns"]),
        stance_light_verbs=frozenset(raw["stance_light_verbs"]),
        noun_source_prepositions=frozenset(raw["noun_source_prepositions"]),
        clause_only_verbs=frozenset(raw["clause_only_verbs"]),
        act_objects=frozenset(raw["act_objects"]),
        org_nouns=frozenset(raw["org_nouns"]),
        org_pronouns=frozenset(raw["org_pronouns"]),
        indefinite_determiners=frozenset(raw["indefinite_determiners"]),
        citation_verbs=frozenset(raw["citation_verbs"]),
        source_nouns=frozenset(raw["source_nouns"]),
        intent_verbs=frozenset(raw["intent_verbs"]),
        title_words=frozenset(raw["title_words"]),
        refusal_verbs=frozenset(raw["refusal_verbs"]),
        rule_nouns=frozenset(raw["rule_nouns"]),
        naming_verbs=frozenset(raw["naming_verbs"]) | frozenset(raw["naming_as_verbs"]),
        naming_as_verbs=frozenset(raw["naming_as_verbs"]),
        document_nouns=frozenset(raw["document_nouns"]),
        office_words=frozenset(raw["office_words"]),
        measure_nouns=frozenset(raw["measure_nouns"]),
        evidence_verbs=frozenset(raw["evidence_verbs"]),
        evidence_nouns=frozenset(raw["evidence_nouns"]),
        generic_speakers=frozenset(raw["generic_speakers"]),
        name_org_nouns=frozenset(raw["name_org_nouns"]),
        reflexive_pronouns=frozenset(raw["reflexive_pronouns"]),
        source_people=frozenset(raw["source_people"]),
        wh_words=frozenset(raw["wh_words"]),
        visual_nouns=frozenset(raw["visual_nouns"]),
        writer_adverbs=frozenset(raw["writer_adverbs"]),
        inference_verbs=frozenset(raw["inference_verbs"]),
        anonymity_verbs=frozenset(raw["anonymity_verbs"]),
        declared_acts=frozenset(raw["declared_acts"]),
        handling_verbs=frozenset(raw["handling_verbs"]),
        hedging_modals=frozenset(raw["hedging_modals"]),
        question_verbs=frozenset(raw["question_verbs"]),
        anonymity_words=frozenset(raw["anonymity_words"]),
        unnamed_sources=frozenset(raw["unnamed_sources"]),
        aim_verbs=frozenset(raw["aim_verbs"]),
        finding_verbs=frozenset(raw["finding_verbs"]),
        finding_verbs_more=frozenset(raw["finding_verbs_more"]),
        data_nouns=frozenset(raw["data_nouns"]),
        data_office_words=frozenset(raw["data_office_words"]),
        story_labels=frozenset(raw["story_labels"]),
        capital_labels=frozenset(raw["capital_labels"]),
        study_people=frozenset(raw["study_people"]),
        study_report_verbs=frozenset(raw["study_report_verbs"]),
        forecast_verbs=frozenset(raw["forecast_verbs"]),
        topic_verbs=frozenset(raw["topic_verbs"]),
        taking_verbs=frozenset(raw["taking_verbs"]),
        claimed_things=frozenset(raw["claimed_things"]),
        deciding_verbs=frozenset(raw["deciding_verbs"]),
        knowing_verbs=frozenset(raw["knowing_verbs"]),
        sign_verbs=frozenset(raw["sign_verbs"]),
        fancy_verbs=frozenset(raw["fancy_verbs"]),
        media_nouns=frozenset(raw["media_nouns"]),
    )


# where a title or subheading is glued into running text without punctuation: a run of
# spaces before a capital ("athletes  Last March"), or a capitalised function word right
# after a lower-case word ("Demonstrations continue Around 25,000 ...", "... rise The
# minister said"); "The"/"A" only before a lower-case word ("told The Guardian" is a name),
# and no function word after a determiner or a possessive ("told the Today programme",
# "BBC Radio Four's Today programme": a name)
_OPENERS = (
    r"Around|About|After|Before|But|And|As|For|From|If|In|On|At|It|Its|This|"
    r"These|Those|When|While|With|During|Since|Under|Over|Some|Many|Most|Last|Next|We|They|"
    r"He|She|His|Her|Their|Our|Meanwhile|However|Despite|Although|Because|Following|"
    r"Several|Both|All|Each|Every|Almost|Nearly|Only|Also|Even|Still|Such|Yesterday|Today|"
    r"Earlier|Later|Now|Then|There|Here"
)
_HEADING_BREAK = re.compile(
    r"(?<=\S) {2,}(?=[A-Z\u201c\"])"
    r"|(?<=[a-z,;'\u2019\"\u201d]) (?=(?:The|A|An) [a-z])"
    r"|(?<=[.!?][\"'\u201d\u2019]-)(?=\s)|(?<=[.!?]-)(?=\s)"
    r"|(?<=[a-z])(?<!\bthe)(?<!\ban)(?<!\ba)(?<!['\u2019]s) (?=(?:" + _OPENERS + r") [a-z0-9])"
)

# _HEADING_BREAK split in two patterns that open on a literal character, which the
# regex engine skips to instead of trying every alternative's lookbehinds at every
# offset (the glued-heading checks ran over whole paragraphs per quote and per event:
# 6% of extraction time). The same matches: the space breaks (its first, second and
# last alternatives, each lookbehind moved past the space it now opens on) ...
_SPACE_BREAK = re.compile(
    r" (?:(?<=\S ) +(?=[A-Z\u201c\"])"
    r"|(?<=[a-z,;'\u2019\"\u201d] )(?=(?:The|A|An) [a-z])"
    r"|(?<=[a-z] )(?<!\bthe )(?<!\ban )(?<!\ba )(?<!['\u2019]s )(?=(?:" + _OPENERS + r") [a-z0-9]))"
)
# ... and the dash after a sentence end (the third), matched with its dash: it ends
# where the zero-width original matched. Where the first alternative also matches
# at that offset ('end.-  The') the original took that one, so the dash's is dropped.
_DASH_BREAK = re.compile(r"-(?:(?<=[.!?][\"'\u201d\u2019]-)|(?<=[.!?]-))(?=\s)")


# a title ending with the word its paragraph starts with: "... pieces after Rebels
# Rebels fighters said" (not a hyphenated name, "Boutros Boutros-Ghali"); the word
# boundary before it is a lookbehind after its capital, so the pattern opens on the
# capital (the same matches as ``\b([A-Z]...)``)
_ONE_REPEATED_WORD = re.compile(r"\b([A-Z][\w'\u2019-]*[A-Za-z]) (?=\1\b(?!-))")
_REPEATED_WORD = re.compile(r"([A-Z](?<!\w[A-Z])[\w'\u2019-]*[A-Za-z]) (?=\1\b(?!-))")


def _heading_breaks_by_one_pattern(text: str, begin: int, end: int) -> list[int]:
    """:func:`heading_breaks` by the one pattern it was first written as (tests check
    that the two agree)."""
    found = [m.end() for m in _HEADING_BREAK.finditer(text, begin, end)]
    found += [m.end() for m in _ONE_REPEATED_WORD.finditer(text, begin, end)]
    return sorted(found)


def _heading_breaks_range_by_range(text: str, begin: int, end: int) -> list[int]:
    """:func:`heading_breaks` searching each range afresh (tests check that the two
    agree)."""
    spaces = [(m.start(), m.end()) for m in _SPACE_BREAK.finditer(text, begin, end)]
    found = [stop for _, stop in spaces]
    starts = {start for start, _ in spaces}
    dashes = _DASH_BREAK.finditer(text, max(0, begin - 1), end)
    found += [m.end() for m in dashes if m.end() not in starts]
    found += [m.end() for m in _REPEATED_WORD.finditer(text, begin, end)]
    return sorted(found)


def heading_breaks(text: str, begin: int, end: int) -> list[int]:
    """Offsets in ``text[begin:end]`` where a glued title or subheading ends.

    Quotes, cues, speakers and events ask this of many overlapping ranges of one text, so
    the offsets where a space break or a repeated word can open are found once per text
    (:func:`_break_openings`) and each range tries its patterns only there.
    """
    space_at, word_at = _break_openings(text)
    spaces = [(m.start(), m.end()) for m in _matches_at(_SPACE_BREAK, text, space_at, begin, end)]
    found = [stop for _, stop in spaces]
    starts = {start for start, _ in spaces}
    dashes = _DASH_BREAK.finditer(text, max(0, begin - 1), end)
    found += [m.end() for m in dashes if m.end() not in starts]
    found += [m.end() for m in _matches_at(_REPEATED_WORD, text, word_at, begin, end)]
    return sorted(found)


# where _REPEATED_WORD can open in some range: its match without the word boundary and
# the no-hyphen check after the repeat (the two tests a range's end can change), taking
# only the capital (no later capital of the same word can open a match)
_REPEATED_WORD_OPENING = re.compile(r"([A-Z])(?<!\w[A-Z])(?=([\w'\u2019-]*[A-Za-z]) \1\2)")
_last_openings: tuple[str, list[int], list[int]] = ("", [], [])


def _break_openings(text: str) -> tuple[list[int], list[int]]:
    """The offsets of ``text`` where ``_SPACE_BREAK`` and ``_REPEATED_WORD`` can open a
    match in any range ``[begin, end)``, kept for the last text asked about.

    A space break is spaces after a non-space (each alternative's lookbehind), so matches
    over the whole text open at every offset where one can; its lookaheads test only
    characters, which a range's end can remove but not add, so a match in a range opens
    at one of them too. A repeated word's matches in a range are matches of
    ``_REPEATED_WORD_OPENING`` over the whole text."""
    global _last_openings
    last_text, space_at, word_at = _last_openings
    if last_text is not text:
        space_at = [m.start() for m in _SPACE_BREAK.finditer(text)]
        word_at = [m.start() for m in _REPEATED_WORD_OPENING.finditer(text)]
        _last_openings = (text, space_at, word_at)
    return space_at, word_at


def _matches_at(
    pattern: re.Pattern[str], text: str, openings: list[int], begin: int, end: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, begin, end)`` for a pattern that matches no empty string
    and can open only at ``openings`` (sorted): the leftmost match from each point, tried
    at those offsets alone."""
    first, stop = bisect_left(openings, max(begin, 0)), bisect_left(openings, end)
    reached = 0
    for at in openings[first:stop]:
        if at < reached:
            continue
        found = pattern.match(text, at, end)
        if found is not None:
            reached = found.end()
            yield found


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Words between quotation marks: ``text[start:end]``, marks excluded.

    ``open_at``/``close_at`` are the offsets of the marks (-1 when a mark is missing:
    a quote left open at the end of its paragraph has ``close_at == -1``).
    """

    start: int
    end: int
    open_at: int
    close_at: int

    @property
    def outer_start(self) -> int:
        """Start including the opening mark."""
        return self.open_at if self.open_at >= 0 else self.start

    @property
    def outer_end(self) -> int:
        """End including the closing mark."""
        return self.close_at + 1 if self.close_at >= 0 else self.end


def _looks_like_closer(text: str, at: int, length: int) -> bool:
    """A mark with a word character right before it and none right after closes."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + length] if at + length < len(text) else " "
    return not before.isspace() and before not in "([{-\u2013\u2014" and not after.isalnum()


def _after_digit(text: str, mark: re.Match[str]) -> bool:
    """A straight mark right after a digit is an inch or second sign."""
    return mark.start() > 0 and text[mark.start() - 1].isdigit()


def _orphan_closer(text: str, mark: re.Match[str]) -> bool:
    """A closing-shaped mark with no quote open (a missing opener, or an inch sign)."""
    glyph = mark.group()
    if glyph not in _STRAIGHT and glyph != "\u201d":
        return False
    return _after_digit(text, mark) or _looks_like_closer(text, mark.start(), len(glyph))


def _later_closer(marks: list[re.Match[str]], index: int, closers: set[str]) -> bool:
    """Whether a mark after ``index`` in the paragraph can close the current quote."""
    return any(m.group() in closers and m.group() != "\u201c" for m in marks[index + 1 :])


def _pairs_in_paragraph(text: str, begin: int, end: int) -> list[tuple[int, int, int, int]]:
    """Top-level (open_at, close_at, open_len, close_len) pairs; close_at -1 when left open."""
    marks = [
        m
        for m in _MARK.finditer(text, begin, end)
        if not _APOSTROPHE.match(text, m.start()) and not _GARBLED_DASH.match(text, m.start())
    ]
    stack: list[re.Match[str]] = []
    pairs: list[tuple[int, int, int, int]] = []
    for index, mark in enumerate(marks):
        glyph = mark.group()
        top = stack[-1].group() if stack else None
        following = marks[index + 1] if index + 1 < len(marks) else None
        if len(stack) == 1 and _reopens(text, mark, stack[0], following):
            # '... the time. "I think we ...': a paragraph of a quote run on into the
            # next one's opening mark (paragraph breaks lost); the quote open so far ends
            # there, and a new one opens
            opener = stack.pop()
            pairs.append((opener.start(), mark.start(), len(opener.group()), len(glyph)))
            stack.append(mark)
        elif top is not None and _closes(text, marks, index, top, len(stack)):
            opener = stack.pop()
            if not stack:
                pairs.append((opener.start(), mark.start(), len(opener.group()), len(glyph)))
        elif glyph in _CLOSE_ONLY or (not stack and _orphan_closer(text, mark)):
            if not stack and not pairs and index == 0 and not _after_digit(text, mark):
                pairs.append((-1, mark.start(), 0, len(glyph)))
        else:
            stack.append(mark)
    if stack:
        pairs.append((stack[0].start(), -1, len(stack[0].group()), 0))
    return pairs


def _reopens(
    text: str, mark: re.Match[str], opener: re.Match[str], following: re.Match[str] | None
) -> bool:
    """Whether a straight mark inside a straight quote opens a new one instead of closing
    it: white space before it and a letter after it (an opener's shape: a closer sits on
    the word it ends), after a sentence end, and the words it opens end a sentence or a
    clause before the next mark (not 'start. Media playback is not supported on this
    device "We ...': page furniture run into the text, no paragraph of the quote)."""
    glyph = mark.group()
    if glyph not in _STRAIGHT or opener.group() not in _STRAIGHT or following is None:
        return False
    at, after = mark.start(), mark.end()
    if at == 0 or not text[at - 1].isspace() or after >= len(text) or not text[after].isalpha():
        return False
    before = text[opener.end() : at].rstrip()
    words = text[after : following.start()].rstrip()
    return len(before) > 1 and before[-1] in ".!?" and words[-1:] in (".", "!", "?", ",")


def _closes(text: str, marks: list[re.Match[str]], index: int, top: str, depth: int) -> bool:
    """Whether mark ``index`` closes the open quote whose opening glyph is ``top``."""
    glyph = marks[index].group()
    if glyph in _OPEN_ONLY:
        return False
    if glyph == "\u201c":
        if top == "\u201e":
            return True
        # a curly opener where a closer belongs (`fast, “Putin said`): closes when
        # nothing later in the paragraph could close the quote instead
        return top == "\u201c" and not _later_closer(marks, index, _CLOSES[top])
    if glyph in _STRAIGHT and top not in _STRAIGHT and top != "``":
        return depth > 1 or _looks_like_closer(text, marks[index].start(), len(glyph))
    return glyph in _CLOSES.get(top, set()) or glyph in _CLOSE_ONLY


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(text: str) -> list[tuple[int, int, int, int, int]]:
    """Quoted spans per paragraph as (start, end, open_at, close_at, paragraph_index)."""
    found = []
    for number, para in enumerate(_PARAGRAPH.finditer(text)):
        for open_at, close_at, open_len, _ in _pairs_in_paragraph(text, para.start(), para.end()):
            inner_start = open_at + open_len if open_at >= 0 else para.start()
            inner_end = close_at if close_at >= 0 else para.end()
            start, end = _strip(text, inner_start, inner_end)
            if end > start:
                found.append((start, end, open_at, close_at, number))
    return found


def _first_in_paragraph(text: str, open_at: int) -> bool:
    """Whether only white space precedes ``open_at`` on its line."""
    line_start = text.rfind("\n", 0, open_at) + 1
    return not text[line_start:open_at].strip()


# a transcript's speaker label opening a quoted paragraph ('"PENCE: Well, look, ...'): a
# new speaker's turn, not the previous paragraph's quote continued
_TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}:\s")


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Top-level quotations in ``text``, in order; a paragraph-continued quote is one span.

    A quote left open at the end of a paragraph joins the next paragraph's quote when
    that paragraph opens with a quotation mark (the news convention) and no transcript
    label ('"PENCE: ...': the next speaker's turn); otherwise it ends with its paragraph. A stray mark only affects the quote it sits in.
    """
    spans: list[QuotedSpan] = []
    previous_para = -2
    for start, end, open_at, close_at, para in _paragraph_spans(text):
        last = spans[-1] if spans else None
        continues = (
            last is not None
            and last.close_at == -1
            and para == previous_para + 1
            and open_at >= 0
            and _first_in_paragraph(text, open_at)
            and not _TRANSCRIPT_LABEL.match(text, start)
        )
        if continues and last is not None:
            spans[-1] = QuotedSpan(last.start, end, last.open_at, close_at)
        else:
            spans.append(QuotedSpan(start, end, open_at, close_at))
        previous_para = para
    return spans
