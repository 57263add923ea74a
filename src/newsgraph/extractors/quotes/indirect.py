"""Reported speech: the complement clause of a cue verb, ``according to X``, ``Name: words``.

:func:`with_indirect` adds these to the direct quotes of
:mod:`newsgraph.extractors.quotes.finder`, letting a reported clause replace the partial quotes
it holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsgraph.extractors.doctext import climb_to_root, doc_text
from newsgraph.extractors.quotes.cues import (
    Candidate,
    according_to,
    cue_particle,
    cue_phrase,
    paragraph_end,
    subject_of,
    that_clause_taken_for_adjunct,
)
from newsgraph.extractors.quotes.rules import CueLexicon, cue_lexicon, heading_breaks

_PARTIAL_SHARE = 0.7
_OWN_WORDS = 2  # words of a reported clause outside the quotes it holds
_JOIN_GAP = 80  # characters between a reported clause and a quoted fragment going on with it
_LINE_SPEAKER_WORDS = 5
_MIN_LINE_WORDS = 3
_SET_OFF_WORDS = 6
_CLAUSE_BREAKS = {":", ";"}


def with_indirect(doc: Doc, lex: CueLexicon, direct: list[Candidate]) -> list[Candidate]:
    """Direct quotes plus reported speech (complement clauses of cue verbs, ``according to``).

    A reported clause that holds only partial quotes (``said it was "totally wrong" to
    ...``) replaces them: the clause is what was said. A clause that a direct quote
    covers mostly, or that overlaps a quote it does not contain, is left out.
    """
    kept = list(direct)
    found: list[Candidate] = []
    covered = _Covered(kept)
    for tok in sorted(doc, key=_depth):
        if covered.holds(tok.idx):
            continue
        cand = _clause_for(tok, lex)
        if cand is None or any(_overlap(cand, f) for f in found):
            continue
        clashing = [c for c in kept if _overlap(cand, c)]
        if clashing and not _holds_partial_quotes(doc, cand, clashing):
            continue
        if any(
            c.cue is not None and cand.cue is not None and c.cue.i != cand.cue.i for c in clashing
        ):
            continue
        kept = [c for c in kept if c not in clashing]
        clashing, later = _pieces_after_sentence(doc, cand, clashing)
        kept.extend(later)
        covered = _Covered(kept)
        if clashing:  # a clause opening on a quote's first word keeps its opening mark
            opening = min(q.outer_start for q in clashing)
            if opening < cand.start:
                cand.start = cand.outer_start = opening
        cand.end = max([cand.end, *(q.end for q in clashing)])
        cand.outer_end = max([cand.outer_end, *(q.outer_end for q in clashing)])
        found.append(cand)
    kept = [q for q in kept if not _joins_clause(doc, q, found, lex)]
    return sorted(kept + found, key=lambda c: c.start)


class _Covered:
    """Whether a character offset lies inside a quote (marks included): ``any(c.outer_start
    <= offset < c.outer_end for c in quotes)``, asked of every token of the document, by
    one bisection in the quotes' merged ranges instead of a pass over the quotes."""

    def __init__(self, quotes: list[Candidate]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted((c.outer_start, c.outer_end) for c in quotes):
            if start >= end:
                continue  # an empty range holds no offset
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` is in one of the ranges."""
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


def _pieces_after_sentence(
    doc: Doc, clause: Candidate, quotes: list[Candidate]
) -> tuple[list[Candidate], list[Candidate]]:
    """The quotes a reported clause takes in, and the pieces of them that come after the
    clause's sentence: 'said he would "like to apologise for the delay" caused to
    passengers. "It is very disappointing ..."' was one quote in two pieces, and the second
    piece, a sentence of its own, is kept apart (with the clause's cue and speaker), not
    glued to the clause."""
    text = doc_text(doc)
    inside: list[Candidate] = []
    later: list[Candidate] = []
    for quote in quotes:
        parts = list(quote.parts)
        first_after = next((i for i, (a, _) in enumerate(parts) if a >= clause.end), None)
        if first_after is None or first_after == 0:
            inside.append(quote)
            continue
        gap = text[clause.end : parts[first_after][0]]
        if not any(mark in gap for mark in (".", "!", "?")):
            inside.append(quote)
            continue
        before, after = parts[:first_after], parts[first_after:]
        end = before[-1][1]
        closing = end + 1 if text[end : end + 1] in _MARK_CHARS else end
        pieces = tuple(before) if len(before) > 1 else ()
        inside.append(replace(quote, end=end, outer_end=closing, parts=pieces))
        start = after[0][0]
        opening = start - 1 if start > 0 and text[start - 1] in _MARK_CHARS else start
        later.append(
            Candidate(
                start,
                after[-1][1],
                True,
                opening,
                quote.outer_end,
                clause.cue,
                clause.cue_text,
                clause.subject,
                parts=tuple(after) if len(after) > 1 else (),
            )
        )
    return inside, later


_MARK_CHARS = {'"', "\u201c", "\u201d", "'", "\u2018"}


def _joins_clause(doc: Doc, quote: Candidate, clauses: list[Candidate], lex: CueLexicon) -> bool:
    """A quoted fragment after a reported clause of the same cue, in the same sentence,
    continues that report ('said it was not that the US was targeting Ireland, but that it
    was "competing" with Ireland': the parser ended the clause early); the clause is
    extended over it. Returns whether the fragment was taken in."""
    if not quote.direct or quote.cue is None:
        return False
    text = doc_text(doc)
    for clause in clauses:
        if clause.cue is None or clause.cue.i != quote.cue.i or quote.outer_start < clause.end:
            continue
        gap = text[clause.end : quote.outer_start]
        if len(gap) > _JOIN_GAP or any(mark in gap for mark in (".", "!", "?", "\n", ";")):
            continue
        between = doc.char_span(clause.end, quote.outer_start, alignment_mode="expand")
        if between is not None and any(
            t.pos_ == "VERB" and lex.is_cue_verb(t.lemma_.lower()) for t in between
        ):
            continue  # 'urges her husband to come out and repeatedly says, "..."': its own cue
        clause.end = quote.end
        clause.outer_end = quote.outer_end
        return True
    return False


def _clause_for(tok: Token, lex: CueLexicon) -> Candidate | None:
    """The reported content whose cue is ``tok``, by the first rule that applies."""
    return (
        _inverted_clause(tok, lex)
        or _naming_clause(tok, lex)
        or _reported_clause(tok, lex)
        or _parenthetical_clause(tok, lex)
        or _according_clause(tok, lex)
        or _noun_clause(tok, lex)
        or _speaker_line(tok, lex)
        or _block_after(tok, lex)
    )


def _depth(tok: Token) -> tuple[int, int]:
    """How deep ``tok`` sits in its parse tree (outer cue verbs are tried first)."""
    return climb_to_root(tok.doc, tok.i)


def _overlap(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates' spans (marks included) overlap."""
    return a.outer_start < b.outer_end and b.outer_start < a.outer_end


def _holds_partial_quotes(doc: Doc, clause: Candidate, quotes: list[Candidate]) -> bool:
    """Whether ``quotes`` lie inside ``clause`` and are only part of it: they cover well under
    all of it, or the clause has words of its own outside them ('said there remains a
    "significant difference ...," when it comes to ...'; 'said that "race still determines
    too much" in America'). A quote may open the clause (the clause then starts on its
    first word, after the mark) or run past its end (the parser ended the clause early)."""
    if not all(clause.start <= q.start < clause.end for q in quotes):
        return False
    if clause.cue is not None and clause.start <= clause.cue.idx < max(q.end for q in quotes):
        return False  # 'There's always a solution, says Munoz, "it just depends ..."': a
        # cue inside is no clause of the quote's
    outside = [
        t
        for t in doc.char_span(clause.start, clause.end, alignment_mode="expand") or []
        if t.is_alpha and not any(q.outer_start <= t.idx < q.outer_end for q in quotes)
    ]
    last = max(q.outer_end for q in quotes)
    opener = outside[0] if outside and outside[0].idx >= last else None
    if opener is not None and (opener.tag_ == "WRB" or _adverbial_mark(opener)):
        return False  # '"That makes me smart," when Clinton blasted him': when it was said
    if opener is not None and opener.is_title and opener.pos_ != "PROPN":
        return False  # '... into question,"?And that ... is what is happening': a new sentence
    if _quote_is_object(doc, clause, quotes):
        return False
    quoted = sum(q.end - q.start for q in quotes)
    if quoted < _PARTIAL_SHARE * (clause.end - clause.start):
        return True
    return len(outside) >= _OWN_WORDS


def _quote_is_object(doc: Doc, clause: Candidate, quotes: list[Candidate]) -> bool:
    """Whether the clause opens with a quote that is the cue's object, not a reported
    clause's start: 'yelled "get out of my country" at the two men' (what follows is where
    it was yelled), unlike 'said that "race still determines too much" in America'."""
    first = min(quotes, key=lambda q: q.start)
    if clause.cue is None or first.start > clause.start:
        return False
    opening = doc.char_span(first.start, first.end, alignment_mode="expand")
    if opening is None or len(opening) == 0:
        return False
    tok = opening[0]
    while tok.head != clause.cue and tok.head != tok:
        tok = tok.head
    return tok.head == clause.cue and tok.dep_ != "ccomp"


def _adverbial_mark(tok: Token) -> bool:
    """A word opening an adverbial clause ('when', 'as', 'after', 'because'), not 'that'."""
    return tok.dep_ == "mark" and tok.lower_ not in ("that", "whether", "if")


def _content_span(first: int, last: int, doc: Doc) -> tuple[int, int] | None:
    """Character span of tokens ``first..last`` without a leading 'that' or edge punctuation."""
    first = _after_story_label(first, last, doc)
    first = _after_dateline(first, last, doc)
    last = _quoted_clause_end(first, last, doc)
    last = _before_time_after_quotation(first, last, doc)
    last = _before_next_quotation(first, last, doc)
    # 'that' as a complementizer, not the pronoun ('That, she believes, is still true')
    while first <= last and (doc[first].is_punct or _complementizer(doc[first])):
        first += 1
    while last >= first and (_edge_punct(doc, first, last) or doc[last].like_url):
        last -= 1  # 'call for the repeal of the 8th amendment pic.twitter.com/UA9T': a link
    last = _before_where_said(first, last, doc)
    last = _before_according(first, last, doc)
    first = _after_heading_words(first, last, doc)
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _edge_punct(doc: Doc, first: int, last: int) -> bool:
    """Punctuation ending the words that is no part of them: not a per cent sign ('cut
    imports by 62%') nor a bracket closing one opened in the words ('the Freedom Party
    (PVV)')."""
    tok = doc[last]
    if not tok.is_punct or tok.text == "%":
        return False
    if tok.text == ")":
        opened = sum(t.text == "(" for t in doc[first:last])
        return opened <= sum(t.text == ")" for t in doc[first:last])
    return True


_LABEL_WORDS = 3  # 'READ MORE', 'SEE ALSO', 'RELATED'
_HEADLINE_WORDS = 16
_QUOTE_OPENERS = {'"', "``", "\u201c", "\u201e", "\u00ab"}
_QUOTE_CLOSERS = {'"', "''", "\u201d", "\u00bb"}
_CLOSING_MARKS = {"?", "!", "'", "\u2019", '"', "\u201d"}


def _after_story_label(first: int, last: int, doc: Doc) -> int:
    """The words start after another story's headline that a page label glues before them
    ('READ MORE: Norway's new fishing rules - Storms ahead Anna Lind ... is expected to
    speak, officials said'). Within a headline's length, it ends at the first closing '?',
    '!' or quotation mark, or at an opening quotation mark after a word whose quotation runs
    to the end of the words; else at the first capitalised word after a lower-case one before that
    head; else right after the label."""
    window = doc[first : min(last, first + _LABEL_WORDS + 1)]
    colon = next((t.i for t in window if t.text == ":"), -1)
    if colon <= first or not cue_lexicon().is_story_label([t.text for t in doc[first:colon]]):
        return first
    body = colon + 1
    heads = [t for t in doc[body : last + 1] if not body <= t.head.i <= last or t.head.i == t.i]
    head = heads[0].i if heads else body
    weak = -1
    for tok in doc[body + 1 : min(last, body + _HEADLINE_WORDS)]:
        before = doc[tok.i - 1]
        capital = tok.is_alpha and tok.text[:1].isupper()
        if (capital or tok.text in _QUOTE_OPENERS) and _closes(before):
            return tok.i  # "... bombed?' Fethullah Gulen", 'ahead "It will ...'
        if tok.text in _QUOTE_OPENERS and before.is_alpha and _to_the_end(tok, last):
            return tok.i  # not a quoted phrase inside the words ('questioned to "find out')
        if capital and before.is_alpha and before.is_lower and weak < 0 and tok.i < head:
            weak = tok.i  # '... - Storms ahead Anna Lind, a captain ...'
    return weak if weak > 0 else body


def _before_story_label(first: int, last: int, doc: Doc) -> int:
    """``last``, or the word before another story's page label that a missing line break
    glued after the words ('... facing starvation and famine READ MORE: Military wins ...'):
    a label in capitals right before a colon ends them."""
    lex = cue_lexicon()
    for colon in (t for t in doc[first + 2 : last + 2] if t.text == ":"):
        for size in (2, 1):
            label = doc[colon.i - size : colon.i]
            words = [t.text for t in label]
            capitals = all(w.isupper() for w in words)
            if label.start > first and capitals and lex.is_story_label(words):
                return label.start - 1
    return last


def _to_the_end(opener: Token, last: int) -> bool:
    """Whether the quotation ``opener`` opens runs to the end of the words."""
    mark = next((t for t in opener.doc[opener.i + 1 : last + 1] if t.is_quote), None)
    return mark is None or mark.i >= last - 1


def _closes(tok: Token) -> bool:
    """A '?' or '!', or a quotation mark glued to the word before it (closing a headline
    in quotes), not one opening after a colon or a space."""
    if tok.text in ("?", "!"):
        return True
    if tok.text not in _CLOSING_MARKS or tok.i == 0:
        return False
    word = tok.doc[tok.i - 1]
    return not word.whitespace_ and (word.is_alpha or word.text in ("?", "!", "."))


_AFTER_WORDS = {"after", "amid", "following"}


def _quoted_clause_end(first: int, last: int, doc: Doc) -> int:
    """Words that open with a quotation mark end at its closing mark when a comma and a
    preposition or a subordinator follow ('said "it should be banned", after harsh
    comments about her dress': the circumstance is the writer's); not when the words go on
    ('"...", and that the show would go on'). Any words end at a closing mark followed by
    ', after', ', amid' or ', following' (what the words answered)."""
    # the parser may hang the opening mark on the cue, outside the words
    opened = doc[first].text in _QUOTE_OPENERS or (
        first > 0 and doc[first - 1].text in _QUOTE_OPENERS
    )
    for tok in doc[first + 1 : last - 1]:
        if opened and _closes_before_participle(tok):
            return tok.i  # 'she said, "The council should publish it," calling the move
            # "long overdue"': what she did next is the writer's account
        if tok.text not in _QUOTE_CLOSERS or doc[tok.i + 1].text != ",":
            continue
        nxt = doc[tok.i + 2]
        circumstance = nxt.pos_ in ("ADP", "SCONJ") and nxt.dep_ in ("prep", "mark")
        if circumstance and (opened or nxt.lower_ in _AFTER_WORDS):
            return tok.i  # 'she was stunned by accounts of "terrible loss of life", after
            # claims that ...': the quoted words end, then what led to them
        if opened:
            return last
    return last


def _before_time_after_quotation(first: int, last: int, doc: Doc) -> int:
    """Words that open with a quotation ('told a constituent to "shut up" over the weekend
    during a town hall meeting') end at its closing mark when a preposition with a time
    follows at once: when the words were said is the writer's, not the speaker's."""
    start = first + 1 if doc[first].tag_ == "TO" else first
    if start > last or doc[start].text not in _QUOTE_OPENERS:
        return last
    for tok in doc[start + 1 : last]:
        if tok.text not in _QUOTE_CLOSERS:
            continue
        nxt = doc[tok.i + 1]
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        if nxt.dep_ == "prep" and objects and objects[0].ent_type_ in _TIME_ENTS:
            return tok.i
        return last
    return last


def _before_next_quotation(first: int, last: int, doc: Doc) -> int:
    """The words end with their sentence when a quotation opens after it ('said he would
    "like to apologise for the delay" caused to passengers. "It is very ..."': the next
    sentence is a quotation of its own)."""
    for tok in doc[first + 1 : last]:
        if tok.text in _CLAUSE_ENDS and tok.whitespace_ and doc[tok.i + 1].text in _QUOTE_OPENERS:
            return tok.i
    return last


_CLAUSE_ENDS = {".", "!", "?"}


def _closes_before_participle(tok: Token) -> bool:
    """A closing mark with a comma on either side of it and a participle after
    ('...," calling the move', '...", adding that')."""
    doc = tok.doc
    if tok.text not in _QUOTE_CLOSERS or tok.i < 1 or tok.i + 2 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.text == "," and doc[tok.i - 1].text != ",":
        nxt = doc[tok.i + 2]
    elif doc[tok.i - 1].text != ",":
        return False
    return nxt.tag_ == "VBG"


def _before_according(first: int, last: int, doc: Doc) -> int:
    """The words end before a closing ', according to X': who reported them, not what
    ('officials assured the UK they would not repeat it, according to May's spokesman');
    not one inside the clause ('The man, according to police, was armed')."""
    for comma in doc[first + 1 : last - 1]:
        according = doc[comma.i + 1]
        if comma.text != "," or according.lower_ != "according" or doc[comma.i + 2].lower_ != "to":
            continue
        if max(according.right_edge.i, doc[comma.i + 2].right_edge.i) >= last:
            return _before_sourced_aside(first, comma.i - 1, doc)
    return last


def _before_sourced_aside(first: int, last: int, doc: Doc) -> int:
    """The words end before a last aside opened by a dash and closed by ', according to
    X' ('claimed that Mexico will pay for the wall - which will cost at least $15bn,
    according to estimates by X': the cost is X's figure, not the claim); not before a
    dash the aside closes ('- a rise of 5% -'), nor a hyphen in a range ('2016-2017')."""
    dashes = [
        t.i for t in doc[first + 1 : last + 1] if t.text in _DASHES and doc[t.i - 1].whitespace_
    ]
    if len(dashes) != 1 or dashes[0] - 1 < first:
        return last
    return dashes[0] - 1


_HEADING_WORDS = 8


def _after_heading_words(first: int, last: int, doc: Doc) -> int:
    """The words start after a heading glued before them with no mark between: a
    capitalised common noun right after a lower-case word, within the first few words
    ('Alarming radicalization Humans, Schweiger says, tend to believe ...': the heading
    'Alarming radicalization' is no one's words); not an acronym's plural ('The third
    batch of FTZs is expected ...')."""
    for tok in doc[first + 1 : min(last, first + _HEADING_WORDS)]:
        before = doc[tok.i - 1]
        capital = tok.is_alpha and tok.text[:1].isupper() and tok.text[1:].islower()
        common = tok.pos_ == "NOUN" and not tok.ent_type_ and not before.ent_type_
        if (
            capital
            and common
            and before.is_alpha
            and before.is_lower
            and "\n" not in before.whitespace_
        ):
            return tok.i
    return first


_SAID_IN = {"in", "on", "during", "at"}
_SAID_IN_NOUNS = {"statement", "interview", "tweet", "post", "speech", "briefing", "conference"}


def _before_where_said(first: int, last: int, doc: Doc) -> int:
    """The words end before a closing ', in a statement published Thursday', ', in an
    interview with ...': where it was said, not what."""
    for comma in doc[first + 1 : last]:
        if comma.text != "," or comma.i + 2 > last:
            continue
        prep = doc[comma.i + 1]
        if prep.lower_ not in _SAID_IN or prep.right_edge.i < last:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.lemma_.lower() in _SAID_IN_NOUNS:
            return comma.i - 1
    return last


_DATELINE_WORDS = 6
_NUMERIC_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _complementizer(tok: Token) -> bool:
    """'that' opening a reported clause ('said that ...'), not the pronoun."""
    return tok.lower_ == "that" and (tok.dep_ == "mark" or tok.tag_ == "IN")


def _after_dateline(first: int, last: int, doc: Doc) -> int:
    """The first token after a dateline opening the words ('(CNN) Chuck Berry ...',
    'Hong Kong (CNN) The United States ...', '(05.02.2017) More migrants ...'): a place and
    an agency, or a date, in brackets."""
    for tok in doc[first : min(last, first + _DATELINE_WORDS)]:
        if tok.text != ")" or tok.i - first < 2:
            continue
        agency, opener = doc[tok.i - 1], doc[tok.i - 2]
        place = doc[first : opener.i]
        dated = _NUMERIC_DATE.fullmatch(agency.text) is not None  # '(05.02.2017) More ...'
        if (
            opener.text == "("
            and (agency.is_upper or dated)
            and all(t.pos_ == "PROPN" for t in place)
        ):
            return tok.i + 1
        break
    return first


def _small_clause(clause: Token) -> bool:
    """A complement with a subject and no verb ('declared [him dead]'): a state declared,
    not a clause of reported words."""
    if clause.dep_ != "ccomp" or clause.pos_ != "ADJ":
        return False
    return any(c.dep_ == "nsubj" for c in clause.children)


def _reported_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``X said (that) CLAUSE``: the ccomp of a cue verb, with the verb's subject."""
    phrase = cue_phrase(tok, lex)
    if phrase is None:
        return None
    clauses = _complement(tok, lex) or _object_content(tok, lex)
    subject = subject_of(tok, lex)
    if not clauses or subject is None or _reports_a_claim(clauses[0], lex):
        return None
    if _small_clause(clauses[0]):
        return None  # 'declared him dead at the scene': an act, no words reported
    if _denied_saying(tok, clauses[0], lex):
        return None  # 'She did not say that the plan was dead': nothing was said
    forecast = tok.lemma_.lower() in lex.forecast_verbs and _object_and_infinitive(clauses[0])
    if forecast and (subject.ent_type_ == "ORG" or subject.lemma_.lower() in lex.org_nouns):
        return None  # 'the consultancy expects 2017 to bring a new mix of buyers': an
        # organisation's forecast ('Smith expects prices to fall' stays his view)
    if _heading_between(subject, tok):
        return None
    first = _after_addressee(tok, min(c.left_edge.i for c in clauses))
    first = _conjoined_words_before(tok, subject, clauses[0], first)
    first = _object_as_subject(tok, clauses[0], first)
    first = _after_time_of_saying(tok, clauses[0], first)
    last = _before_semicolon(first, max(c.right_edge.i for c in clauses), tok)
    last = _before_story_label(first, last, tok.doc)
    last = _before_next_cue(first, last, lex, tok.doc)
    last = _before_aside(first, last, subject)
    last = _before_second_act(clauses[-1], tok, last)
    last, around = _condition_of_words(tok, subject, last)
    span = _content_span(first, last, tok.doc)
    if span is None or (tok.idx in range(*span) and not around):
        return None
    span = _within_paragraph(doc_text(tok.doc), span, tok.idx)
    if span is None:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, phrase, subject)


_CONDITION_MARKS = {"if", "unless", "once", "until", "provided", "as long as"}


def _condition_of_words(cue: Token, subject: Token, last: int) -> tuple[int, bool]:
    """``last``, or the end of a condition that the parser hung on the cue when the words
    come before it: 'The party will win, if he continues to lead it, Sorin said' (between
    the words and the speaker), 'The party will win, Sorin said, if he continues to lead
    it' (after the cue, to the sentence's end: the words go on around the cue, which the
    span then holds). Whether the span goes on around the cue."""
    doc = cue.doc
    if last >= cue.i or subject.i > cue.i:
        return last, False
    for clause in (c for c in cue.children if c.dep_ == "advcl"):
        marks = [c for c in clause.children if c.dep_ == "mark" and c.i < clause.i]
        if not marks or marks[0].lower_ not in _CONDITION_MARKS:
            continue
        begin, end = clause.left_edge.i, clause.right_edge.i
        if doc[begin - 1].text != "," or begin - 1 < last:
            continue
        between = end < subject.left_edge.i and all(
            t.is_punct for t in [*doc[last + 1 : begin], *doc[end + 1 : subject.left_edge.i]]
        )
        if between:
            return end, False  # between the words and the speaker
        sent_end = cue.sent.end - 1
        if begin > cue.i and all(t.is_punct for t in doc[end + 1 : sent_end + 1]):
            return end, True  # after the cue, to the end of the sentence
    return last, False


_INVERTED_WORDS = 5
_MENTION_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ"})


def _inverted_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``A and B, said Mr X, needed to ...``: a cue set off by commas with its speaker
    after it reports the whole sentence around it (the parser takes a name before the
    cue for its subject and the speaker for the subject of the reported clause)."""
    doc = tok.doc
    if tok.i < 3 or doc[tok.i - 1].text != "," or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # not ', citing sources, that ...'
    if cue_phrase(tok, lex) is None:
        return None
    sent = tok.sent
    stop = tok.i + 1
    while stop < sent.end and doc[stop].pos_ in _MENTION_POS and stop - tok.i <= _INVERTED_WORDS:
        stop += 1
    if stop == tok.i + 1 or stop >= sent.end - 2 or doc[stop].text != ",":
        return None
    speaker = doc[stop - 1]
    if speaker.pos_ not in ("PROPN", "NOUN") or tok.i - 1 - sent.start < 2:
        return None
    if stop + 1 <= speaker.right_edge.i or doc[stop + 1].dep_ == "det":
        # '..., said Ana Ruiz, a political adviser.', '..., says the DEC, which will ...':
        # what follows describes the speaker
        return None
    if speaker.dep_ in ("dobj", "dative") and speaker.head.i == tok.i:
        return None  # 'X, told the BBC, ...': whom it was said to
    if not (speaker.pos_ == "PROPN" or speaker.lemma_.lower() in lex.role_nouns):
        return None
    span = _content_span(sent.start, sent.end - 1, doc)
    span = _within_paragraph(doc_text(doc), span, tok.idx) if span else None
    if span is None or not span[0] < tok.idx < span[1]:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, tok.lower_, speaker)


_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "attr", "npadvmod", "dobj", "appos", "acomp"})


def _naming_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``X called the citation a political ploy``, ``X described Y as Z``: the name or
    judgement a speaker gives something is what was said. A call with no predicate
    ('Putin called Macron on Monday') or a passive ('was called') is not."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in lex.naming_verbs or tok.dep_ in ("acl", "amod"):
        return None  # 'a group called the Legacy Fund' is a name, not a judgement
    if any(c.dep_ in ("prt", "auxpass", "nsubjpass", "ccomp") for c in tok.children):
        return None
    if cue_particle(tok, lex) is not None:
        return None  # 'called on Russia to withdraw', 'called for talks': an appeal
    parts = [
        c
        for c in tok.rights
        if c.dep_ in _PREDICATE_DEPS | {"conj"} and c.ent_type_ != "DATE" and not _next_verb(c)
    ]
    as_phrase = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "as"]
    if lemma in lex.naming_as_verbs:
        parts = parts + as_phrase if parts and as_phrase else []
    elif not _names_something(parts):
        return None
    subject = subject_of(tok, lex)
    if not parts or subject is None or _heading_between(subject, tok):
        return None
    first = min(p.left_edge.i for p in parts)
    last = max(p.right_edge.i for p in parts)
    span = _content_span(first, last, tok.doc)
    span = _within_paragraph(doc_text(tok.doc), span, tok.idx) if span else None
    if span is None:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, tok.lower_, subject)


def _next_verb(part: Token) -> bool:
    """A verb joined to the naming verb: the speaker's next act ('has called the plan a fraud,
    but has also said she would vote for it'), not part of the name given."""
    return part.dep_ == "conj" and part.pos_ in ("VERB", "AUX")


def _names_something(parts: list[Token]) -> bool:
    """An object and what it is called: 'a ploy', 'unfit', 'fake news' after the object;
    not a bare proper name ('his group, called the Legacy Fund, ...')."""
    if len(parts) == 1 and parts[0].pos_ == "PROPN" and parts[0].dep_ != "appos":
        return False
    if any(p.dep_ in ("oprd", "attr", "acomp") for p in parts):
        return True
    if any(p.dep_ == "xcomp" and not any(c.tag_ == "TO" for c in p.children) for p in parts):
        return True  # 'called it absurd' (not 'called on Russia to withdraw')
    nominal = [p for p in parts if p.dep_ in ("dobj", "npadvmod", "appos")]
    if len(nominal) >= 2:
        return True
    return any(t.dep_ == "appos" for p in parts for t in p.subtree)


def _a_thing_taken(obj: Token, lex: CueLexicon) -> bool:
    """An object a taking verb takes, not words: 'responsibility', 'victory', 'the lives
    of', 'a number of attacks' (the noun or what its 'of' names)."""
    nouns = [obj] + [
        o for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
    ]
    return any(n.lemma_.lower() in lex.claimed_things for n in nouns)


def _topic_of(verb: Token, lex: CueLexicon) -> bool:
    """A topic verb in a participle clause on a cue that reports the words ('While
    commenting on a statement by X, Lu Kang said that ...', 'Speaking about the budget,
    she said ...'): its object is what the words are about, not the words."""
    head = verb.head
    participle = verb.tag_ == "VBG" and verb.dep_ == "advcl"
    return participle and head != verb and lex.is_cue_verb(head.lemma_.lower())


def _object_and_infinitive(clause: Token) -> bool:
    """'2017 to bring ...', 'prices to rise': an infinitive with its own subject, what a
    forecast verb's object is expected to do (not a finite clause: 'that prices will rise')."""
    subject = any(c.dep_ == "nsubj" for c in clause.children)
    return subject and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def _heading_between(subject: Token, cue: Token) -> bool:
    """Whether a glued title or subheading separates a cue from its parsed subject."""
    first, last = sorted((subject, cue), key=lambda t: t.i)
    return bool(heading_breaks(doc_text(cue.doc), first.idx, last.idx))


def _complement(verb: Token, lex: CueLexicon) -> list[Token]:
    """The verb's first complement clause (or all those before it), skipping one before it
    that a colon or semicolon cuts off (``Officials met: X said they ...`` reports what
    follows) and a name the parser took for a clause (``told Orlando station WKMG that
    ...``: the addressee)."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(c.pos_ in ("VERB", "AUX") for c in clauses):
        clauses = [c for c in clauses if c.pos_ in ("VERB", "AUX")]
    colon = verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":"
    if any(c.i > verb.i for c in clauses):
        # 'In a statement made after X was detained, the group said: "..."', 'While he
        # acknowledged X, Ham noted Y': a clause before the cue that has one after it is a
        # misparsed adjunct, unless it is the quotation the cue follows
        clauses = [
            c for c in clauses if c.i > verb.i or (not colon and any(t.is_quote for t in c.subtree))
        ]
    for n, clause in enumerate(clauses):
        between = doc[clause.right_edge.i + 1 : verb.i]
        if clause.i > verb.i and _when_after_quotation(verb, clause):
            return []
        if clause.i > verb.i and heading_breaks(doc_text(doc), verb.idx, clause.left_edge.idx):
            return []  # '"...," said the authors of the study in PeerJ.- According to the
            # researchers, it is ...': the next sentence, past a break the copy lost
        if clause.i > verb.i:
            inner = that_clause_taken_for_adjunct(verb, clause)
            if inner is not None:
                return [inner]
            later = clauses[n + 1 :]
            return [
                clause,
                *(_split_predicate(clause, later) or _joined_by_and(clause, later, lex)),
            ]
        if not any(t.text in _CLAUSE_BREAKS for t in between):
            # 'A wants X, otherwise Y may be lost, the analyst said': every clause before
            # the cue is reported, not only the first
            return [c for c in clauses[n:] if c.i < verb.i]
    return []


def _denied_saying(cue: Token, clause: Token, lex: CueLexicon) -> bool:
    """A speech verb negated ('did not say that ...', 'never told her that ...'), its clause
    after it: words the text says were not said. Not 'not only said' (said, and more), a
    question ('Didn't he say that ...?'), nor a belief ('does not think that ...', which
    PolNeAR counts)."""
    if clause.i < cue.i or cue.lemma_.lower() not in lex.speech_verbs:
        return False
    if cue.lemma_.lower() in lex.belief_verbs:
        return False
    negated = _negation_shared(cue)
    neg = [c for c in negated.children if c.dep_ == "neg" and c.i < negated.i]
    if not neg or any(t.lower_ == "only" for t in cue.doc[neg[0].i + 1 : negated.i]):
        return False
    sentence = cue.sent
    return not any(t.text == "?" for t in sentence[-2:])


def _negation_shared(cue: Token) -> Token:
    """The verb whose negation the cue shares: a bare verb joined by 'or'/'nor' to a negated
    one, with no subject or auxiliary of its own ('did not recommend action, or accuse them
    of lying': no one accused), else the cue itself."""
    if cue.dep_ != "conj" or cue.tag_ != "VB" or cue.head.i > cue.i:
        return cue
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children)
    joins = [c for c in cue.head.children if c.dep_ == "cc" and c.i < cue.i]
    if own or not joins or joins[-1].lower_ not in ("or", "nor"):
        return cue
    return cue.head


def _when_after_quotation(verb: Token, clause: Token) -> bool:
    """A clause opened by 'when'/'as'/'while' right after the quotation the cue governs
    ('replied "not at all" when the host asked him about it'): when the words were said,
    not words of their own."""
    opener = clause.left_edge
    if opener.lower_ not in ("when", "as", "while", "after", "before"):
        return False
    before = verb.doc[verb.i + 1 : opener.i]
    return len(before) > 1 and before[-1].is_quote and any(t.is_alpha for t in before)


def _joined_by_and(clause: Token, later: list[Token], lex: CueLexicon) -> list[Token]:
    """The next complement when the first ends on 'and' that the parser left hanging
    ('said there is a demand for answers and the fear is that ...': both are reported); not
    a second act of the speaker's ('... but said "the question is the timing"')."""
    if not later:
        return []
    doc = clause.doc
    end, nxt = clause.right_edge.i, later[0]
    if doc[end].tag_ != "CC" or nxt.left_edge.i != end + 1 or lex.is_cue_verb(nxt.lemma_.lower()):
        return []
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in nxt.children):
        return []
    return [nxt]


def _split_predicate(clause: Token, later: list[Token]) -> list[Token]:
    """The next complement when the parser split one clause in two at a comma: a finite
    verb with no subject of its own right after ', ' that ends the first clause is that
    clause's predicate ('said he is curious as to how a plan, commissioned to examine X,
    somehow seems to be ...': 'seems' belongs to 'a plan')."""
    if not later:
        return []
    doc = clause.doc
    nxt, end = later[0], clause.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != "," or nxt.left_edge.i != end + 2:
        return []
    if nxt.tag_ not in ("VBZ", "VBD", "VBP") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in nxt.children
    ):
        return []
    return [nxt]


def _conjoined_words_before(cue: Token, subject: Token, clause: Token, first: int) -> int:
    """``first``, or where the sentence starts when the cue ends it and the parser joined
    the cue to the first of two joined clauses it reports: 'Half of the flour is milled
    here, and the rest comes from England, Mr Waugh said' reports both ('said' hangs on
    'milled' as its conjunct, 'comes' alone as its complement)."""
    head = cue.head
    if cue.dep_ != "conj" or head.i >= first or head.pos_ not in ("VERB", "AUX"):
        return first
    doc = cue.doc
    if not clause.right_edge.i < subject.left_edge.i <= subject.i < cue.i:
        return first  # the words come before the speaker and the cue
    if not all(t.is_punct for t in doc[cue.i + 1 : cue.sent.end]):
        return first  # the cue closes the sentence
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return first
    if not any(c.dep_ == "cc" and head.i < c.i < first for c in head.children):
        return first
    start = head.left_edge.i
    if start != cue.sent.start or any(t.is_quote or t.text == ":" for t in doc[start:first]):
        return first
    return start


def _object_as_subject(cue: Token, clause: Token, first: int) -> int:
    """Where the words start when the parser took their subject for the cue's object
    ('signalled [the helicopter's black box] could be crucial': a finite clause with no
    subject right after the object, or after words hung on the cue between them, opening on an auxiliary or a past or third-person verb,
    not a plain verb the parser made of a noun: 'told BBC Radio 5 live that ...')."""
    if clause.dep_ != "ccomp" or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children
    ):
        return first
    auxiliary = any(c.dep_ in ("aux", "auxpass") and c.i < clause.i for c in clause.children)
    if not auxiliary and clause.tag_ not in ("VBD", "VBZ") and clause.lemma_ != "be":
        return first
    if _complementizer(cue.doc[first]):
        return first  # 'told BBC Radio 5 live that the amount ...': the object is addressed
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if obj is None or obj.right_edge.i >= first:
        return first
    # between the object and the clause, only what the parser hung on the cue from the
    # subject's own words ('his meeting with X [immediately before it bought Y] was ...')
    hung = {
        t.i
        for c in cue.children
        if c.dep_ in _HUNG_ON_CUE and obj.i < c.i < clause.i
        for t in c.subtree
    }
    if all(i in hung for i in range(obj.right_edge.i + 1, first)):
        return obj.left_edge.i
    return first


_HUNG_ON_CUE = {"advcl", "prep", "advmod", "npadvmod"}
_TIME_ENTS = {"DATE", "TIME"}


def _after_time_of_saying(cue: Token, clause: Token, first: int) -> int:
    """Where the words start when the parser hung the time of saying on them: a date right
    after the cue (or after whom it was told), before the clause's subject, with no 'that'
    before it ('said on Friday [it would close ...]', 'told reporters last week [it ...]'),
    is when it was said; 'said that on Friday it would ...' keeps it."""
    doc = cue.doc
    if first <= cue.i or first >= len(doc) - 1:
        return first
    told = {t.i for c in cue.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
    if any(i not in told for i in range(cue.i + 1, first)):
        return first
    opener = doc[first]
    if opener.dep_ == "prep" and opener.pos_ == "ADP":
        phrase = doc[first + 1 : opener.right_edge.i + 1]
    else:
        phrase = doc[first : first + 1]
        while phrase.end < len(doc) and doc[phrase.end].ent_iob_ == "I":
            phrase = doc[first : phrase.end + 1]
    dated = [t for t in phrase if not t.is_punct]
    if not dated or any(t.ent_type_ not in _TIME_ENTS for t in dated):
        return first
    after = phrase.end
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.left_edge.i != after or clause.i <= after:
        return first
    return after


def _after_addressee(cue: Token, first: int) -> int:
    """Where the reported words start when the parser hung their first clause on the
    addressee ('told the inquest [they believed X] amounted to neglect': a clause with no
    relative word right after the addressee is the start of what was said)."""
    for obj in (c for c in cue.children if c.dep_ in ("dobj", "dative") and cue.i < c.i < first):
        for rel in (c for c in obj.children if c.dep_ == "relcl" and obj.i < c.i):
            opener = rel.left_edge
            relative = opener.tag_ in ("WP", "WDT", "WP$", "WRB") or opener.lower_ == "that"
            if not relative and opener.i > obj.i and rel.right_edge.i < first:
                return opener.i
    return first


def _before_next_cue(first: int, last: int, lex: CueLexicon, doc: Doc) -> int:
    """``last``, or the token before ', adding that ...' inside the clause: the parser hangs
    the second cue on the reported clause, whose words end there."""
    for tok in doc[first + 1 : last + 1]:
        set_off = doc[tok.i - 1].text == ","
        said = tok.lemma_.lower() in lex.speech_verbs  # not 'believing it to hold ...':
        if set_off and said and tok.dep_ == "advcl" and tok.tag_ == "VBG" and cue_phrase(tok, lex):
            return tok.i - 2  # what the words tell of their subject's thought
        dashed = doc[tok.i - 1].text in _DASHES and tok.i - 2 >= first
        # no dash up to ``last``: looked for only after a dash (for every word it made the
        # loop quadratic in the clause's length)
        trailing = dashed and not any(t.text in _DASHES for t in doc[tok.i : last + 1])
        if dashed and trailing and _next_act(tok, lex):
            return tok.i - 2  # '... in 2003 - describing this as "speculation"'; not an
            # aside between dashes ('- assuming that 80g is one portion -')
    return last


_DASHES = {"-", "--", "\u2013", "\u2014"}


def _next_act(tok: Token, lex: CueLexicon) -> bool:
    """A participle of speech or of naming with no subject of its own ('adding that',
    'describing this as'): the speaker's next act, whatever the parser hangs it on."""
    lemma = tok.lemma_.lower()
    saying = lemma in lex.speech_verbs | lex.naming_verbs | lex.naming_as_verbs
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    return tok.tag_ == "VBG" and saying and not own


_ASIDE_MARKS = {"although", "though"}  # not "while": a contrast inside the words


def _before_aside(first: int, last: int, speaker: Token) -> int:
    """``last``, or the token before a trailing ', although ...' or ', even though ...'
    clause: the writer's aside ('He claimed that paying no tax was smart, although he
    again refused to ...'; 'The test, X said, was its biggest yet, although it may take
    days to ...'; 'said the mayor was not a target, even though days earlier he claimed
    that he was'), not part of what was said. An 'even though' clause only when it
    reports words of its own (the contrast the writer draws): 'said the trip mattered
    more, even though it got less attention' may well be the speaker's."""
    doc = speaker.doc
    for tok in doc[first + 1 : last + 1]:
        if tok.lower_ not in _ASIDE_MARKS:
            continue
        even = tok.lower_ == "though" and doc[tok.i - 1].lower_ == "even"  # 'even though'
        comma = tok.i - 2 if even else tok.i - 1
        if doc[comma].text != ",":
            continue
        clause = tok.head
        if even and not _reports_words(clause):
            continue
        trailing = clause.right_edge.i >= last - 1
        if clause.dep_ == "advcl" and clause.i > tok.i and trailing and comma - 1 >= first:
            return comma - 1
    return last


def _reports_words(clause: Token) -> bool:
    """Whether a clause holds a cue with a subject of its own ('he claimed that ...')."""
    lex = cue_lexicon()
    return any(cue_phrase(t, lex) and subject_of(t, lex) is not None for t in clause.subtree)


def _before_second_act(clause: Token, cue: Token, last: int) -> int:
    """``last``, or the token before 'and criticized ...' that the parser joined to the
    reported clause: a second verb with no subject of its own, in the cue's tense and not
    the clause's, is the speaker's next act ('X said the country is in a crisis and
    criticized the government ...')."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return last
    for verb in (c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        joined = verb.doc[verb.i - 1]
        if own or joined.dep_ != "cc" or joined.head.i != clause.i:
            continue
        if verb.tag_ == cue.tag_ and clause.tag_ != cue.tag_ and joined.i - 1 <= last:
            return joined.i - 1
    return last


def _before_semicolon(first: int, last: int, cue: Token) -> int:
    """``last``, or the token before the first semicolon after the cue: a reported clause
    ends where the writer starts a new one (``X said A; B``)."""
    doc = cue.doc
    for tok in doc[max(first, cue.i + 1) : last + 1]:
        if tok.text == ";":
            return tok.i - 1
    return last


def _reports_a_claim(obj: Token, lex: CueLexicon) -> bool:
    """Whether a cue verb's object is someone's claim with its own clause (``dismissed
    Moscow's claim that ...``): the claim is the attribution, not the dismissal."""
    return _noun_clause(obj, lex) is not None


def _parenthetical_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``CLAUSE, X said, CLAUSE`` / ``CLAUSE, X said.``: a cue verb with a subject set off
    inside or after the clause it reports (parsed as its ``parataxis``): that clause."""
    head = tok.head
    if tok.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX"):
        return None
    phrase = cue_phrase(tok, lex)
    subject = subject_of(tok, lex) if phrase else None
    if subject is None or subject.i < tok.i - _SET_OFF_WORDS or _has_own_content(tok):
        return None
    if _heading_between(subject, tok):
        return None
    sent = tok.sent
    first, last = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
    if tok.i - first < _MIN_LINE_WORDS and last - tok.right_edge.i < _MIN_LINE_WORDS:
        return None
    as_phrase = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    if as_phrase and tok.left_edge.i <= first:  # 'As X says, CLAUSE': the clause after it
        first = tok.right_edge.i + 1
    last = _before_aside(max(first, tok.right_edge.i), last, subject)
    span = _content_span(first, last, tok.doc)
    span = _within_paragraph(doc_text(tok.doc), span, tok.idx) if span else None
    if span is None:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, phrase, subject)


def _has_own_content(verb: Token) -> bool:
    """Whether a cue verb has a clause or object of its own (then it is not set off)."""
    return any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)


def _noun_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``X's claim that CLAUSE``, ``the promise by X to ...``, ``X expressed hope that ...``:
    the that- or to-clause of a speech noun, with the noun's source as speaker."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.speech_nouns:
        return None
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp") and _introduced(c)), None)
    source = _noun_source(tok, lex) if clause is not None else None
    if clause is None or source is None:
        return None
    if tok.dep_ == "ROOT" and _swallows_a_verb(clause):
        return None  # 'A father's plea to help his daughter embroiled him': the parser
        # hung the sentence's verb inside the noun's clause
    span = _content_span(clause.left_edge.i, clause.right_edge.i, tok.doc)
    span = _within_paragraph(doc_text(tok.doc), span, tok.idx) if span else None
    if span is None:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, tok.lower_, source)


def _swallows_a_verb(clause: Token) -> bool:
    """Whether a to-clause holds a finite verb with its own subject and no 'that' (the
    sentence's own verb, misparsed into the clause)."""
    if not any(c.tag_ == "TO" for c in clause.children):
        return False
    for verb in clause.subtree:
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") and verb != clause
        subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        marked = any(c.dep_ == "mark" for c in verb.children)
        if finite and subject and not marked and verb.dep_ == "ccomp":
            return True
    return False


def _introduced(clause: Token) -> bool:
    """A complement clause opened by 'that'/'whether' or a to-infinitive (not a participle)."""
    return any(
        (c.dep_ == "mark" and c.lower_ in ("that", "whether", "if"))
        or (c.dep_ == "aux" and c.tag_ == "TO")
        for c in clause.children
        if c.i < clause.i
    )


def _noun_source(noun: Token, lex: CueLexicon) -> Token | None:
    """Whose claim: a possessive, ``by X``/``from X``, or the subject of ``expressed`` hope."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if (
            child.dep_ == "prep"
            and child.lower_ in lex.noun_source_prepositions
            and child.i < noun.i + 3
        ):
            found = [c for c in child.children if c.dep_ == "pobj"]
            if found:
                return found[0]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in lex.stance_light_verbs:
        return subject_of(verb, lex)
    return None


def _object_content(verb: Token, lex: CueLexicon) -> list[Token]:
    """What a cue verb without a clause reports: ``denied the claims``, ``vowed to fight``,
    ``called for talks``, ``warned of a war``, ``called on X to act`` (verbs listed under
    ``object_content_verbs``). Never a time (``commented on Tuesday``), a bare pronoun
    (``rejecting it``), a medium (``responded on Twitter``) or a thing granted
    (``denied the request``); stance and assent verbs report only clauses (a wish, ``wants
    to ...``, is no words)."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.object_content_verbs:
        return []
    if lemma in lex.evidence_verbs and not _evidence_subject(verb, lex):
        return []  # 'showed willingness', 'the photo shows the storm': no words
    if lemma in lex.clause_only_verbs:  # a stated aim at most: "wants to leave"
        aim = lemma in lex.intent_verbs and not _says_nothing(verb, lex)  # not "didn't want to"
        aim = aim and _stated_aim(verb, lex)
        deps: tuple[str, ...] = ("xcomp",) if aim else ()
        return [c for c in verb.children if c.dep_ in deps and c.i > verb.i][:1]
    deps = ("xcomp",) if lemma in lex.addressee_verbs else ("dobj", "xcomp")
    if lemma in lex.forecast_verbs:
        deps = ("xcomp",)  # 'predict their new route', 'forecast two more hikes': no words
    for child in verb.children:
        if child.dep_ == "dobj" and lemma in lex.taking_verbs and _a_thing_taken(child, lex):
            return []  # 'claimed responsibility', 'claimed a number of deadly attacks'
    for child in verb.children:
        if child.dep_ == "xcomp" and _anonymity(child, lex):
            return []  # 'asking not to be identified': no words of the matter
        if child.dep_ in deps and child.i > verb.i:
            nothing = child.dep_ == "dobj" and (
                _says_nothing(verb, lex)
                or _cites_a_source(verb, child, lex)
                or (lemma in lex.naming_as_verbs and child.pos_ == "PROPN")
                or (lemma == "declare" and child.lemma_.lower() in lex.declared_acts)
            )  # 'praised Le Pen': whom, not what; 'declared independence': an act
            nothing = nothing or (child.dep_ == "dobj" and _handled_thing(verb, child, lex))
            nothing = nothing or (child.dep_ == "dobj" and _an_accusation_denied(verb, child))
            return [child] if _is_content(child, lex) and not nothing else []
        if child.dep_ == "prep" and child.lower_ in lex.content_prepositions and child.i > verb.i:
            if (
                lemma in lex.topic_verbs
                and child.lower_ in ("on", "about")
                and _topic_of(verb, lex)
            ):
                return []  # 'While commenting on a statement by X, Lu said that ...'
            if child.lower_ == "about" and _wh_topic(child, lex):
                return []  # 'talked to the staff about what they need': what the talk was
                # about ('talked about the plan' stays, as PolNeAR counts it)
            found = [c for c in child.children if c.dep_ in ("pobj", "pcomp")][:1]
            later = [c for c in verb.children if c.dep_ == "xcomp" and c.i > child.i]
            if not later and child.lower_ == "on" and "on" in lex.prepositional_cues.get(lemma, ()):
                return _asked_for(verb, child, lex)  # 'called on the donors for support'
            if not found or not (later or _is_content(found[0], lex, child.lower_)):
                return []
            if not later and (_says_nothing(verb, lex) or _handled_thing(verb, found[0], lex)):
                return []
            return found + later[:1]
    return []


def _asked_for(verb: Token, addressed: Token, lex: CueLexicon) -> list[Token]:
    """What a cue that addresses someone ('called on the donors') asks of them with no
    clause: the object of a later 'for' ('for support'); the ones addressed are no words,
    so nothing without it."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "for" and child.i > addressed.i:
            found = [c for c in child.children if c.dep_ == "pobj"][:1]
            return found if found and _is_content(found[0], lex, "for") else []
    return []


def _handled_thing(verb: Token, obj: Token, lex: CueLexicon) -> bool:
    """The noun object of a verb that acts on it ('announced a partnership', 'dismissed the
    claims', 'complained of bureaucratic obstacles', 'signalled a new approach'): what was
    announced or judged, not the words, unless it quotes words ('welcomed the "clear
    mandate"') or holds a verb of its own ('announced plans that would cut ...')."""
    if obj.pos_ in ("VERB", "AUX"):
        return False
    if verb.lemma_.lower() == "confirm" and _names_a_person(obj):
        return True  # 'the Senate confirmed the president's pick, Betsy DeVos': a vote
    if verb.lemma_.lower() not in lex.handling_verbs:
        return False
    return not any(t.pos_ in ("VERB", "AUX") or t.text in _QUOTE_MARKS for t in obj.subtree)


_ACCUSATIONS = {"allegation", "accusation", "charge", "claim", "report", "rumor", "rumour"}


def _an_accusation_denied(verb: Token, obj: Token) -> bool:
    """'denied the bribery charges', 'rejected allegations that it meddled': the object
    names what others said, not the denier's words ('rejected the claim as absurd' judges
    it, and stays)."""
    if verb.lemma_.lower() not in ("deny", "reject", "dismiss"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in [*verb.children, *obj.children]):
        return False
    return obj.lemma_.lower() in _ACCUSATIONS and not any(t.is_quote for t in obj.subtree)


def _names_a_person(obj: Token) -> bool:
    """A noun object that is a person by name, itself or in apposition ('confirmed Jane
    Doe', 'confirmed the president's pick, Jane Doe'), with no verb of its own."""
    if any(t.pos_ in ("VERB", "AUX") for t in obj.subtree):
        return False
    if obj.ent_type_ == "PERSON":
        return True
    return any(t.dep_ == "appos" and t.ent_type_ == "PERSON" for t in obj.subtree)


def _wh_topic(about: Token, lex: CueLexicon) -> bool:
    """'about what they need', 'about how the plan works': a question the talk was about
    (an indirect question names no answer), not the words said."""
    clause = next((c for c in about.children if c.dep_ == "pcomp"), None)
    return clause is not None and clause.left_edge.lower_ in lex.wh_words - {"if"}


_CURIOSITY = {"know", "learn", "find", "understand", "see", "hear"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP"}


def _stated_aim(verb: Token, lex: CueLexicon) -> bool:
    """A wish that is someone's stated aim ('Clinton wants to triple the program', 'she
    hopes to ...'): its subject is named (or 'he'/'she'), and it is no curiosity. An
    unnamed group's wish ('the couple want to arrive early', 'some lawmakers want to move
    the body') or a wish to know ('the justices wanted to know who ...') is no one's words."""
    aim = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if aim is not None and aim.lemma_.lower() in _CURIOSITY:
        return False
    if verb.tag_ == "VBD":
        return False  # 'Later he wanted to sell the boat': the story's account of a wish,
        # not a stated aim ('said he wanted to ...' reports it through 'said')
    subject = subject_of(verb, lex)
    if subject is None:
        return False
    return (
        subject.pos_ == "PROPN"
        or subject.ent_type_ in _NAMED
        or subject.lower_ in lex.person_pronouns
    )


def _anonymity(clause: Token, lex: CueLexicon) -> bool:
    """A request not to be named: a negated passive of an anonymity verb, or to remain
    anonymous."""
    children = {c.dep_ for c in clause.children}
    if any(
        c.dep_ in ("acomp", "oprd") and c.lower_ in lex.anonymity_words for c in clause.children
    ):
        return True  # 'asked to remain anonymous'
    return clause.lemma_.lower() in lex.anonymity_verbs and {"neg", "auxpass"} <= children


def _evidence_subject(verb: Token, lex: CueLexicon) -> bool:
    """A subject that reports what it shows ('polls show a close race', 'the analysis
    shows X outpacing Y')."""
    subject = subject_of(verb, lex)
    lemma = subject.lemma_.lower() if subject is not None else ""
    return lemma in lex.evidence_nouns and lemma not in lex.visual_nouns


def _cites_a_source(verb: Token, obj: Token, lex: CueLexicon) -> bool:
    """'citing US intelligence sources', 'quoting officials': whom the words come from,
    not the words; 'citing privacy laws', 'the letter cites his absence': a reason given
    (a rule cited, or a document's grounds), not anyone's words."""
    if verb.lemma_.lower() not in lex.citation_verbs:
        return False
    if obj.lemma_.lower() in lex.rule_nouns:
        return True
    subject = subject_of(verb, lex)
    if subject is not None and subject.lemma_.lower() in lex.document_nouns:
        return True
    return obj.ent_type_ in ("PERSON", "ORG") or obj.lemma_.lower() in lex.source_people


def _says_nothing(verb: Token, lex: CueLexicon) -> bool:
    """A cue that is negated or refused (``did not comment on the case``, ``declined to
    comment on the event``): its object is what was not talked about."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.refusal_verbs


_NOT_CONTENT_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL"}


def _is_content(head: Token, lex: CueLexicon, preposition: str | None = None) -> bool:
    """Whether a noun or to-clause object can be what was said."""
    if head.pos_ in ("VERB", "AUX"):
        return True
    if head.ent_type_ in _NOT_CONTENT_ENTS or head.tag_ in ("PRP", "DT", "CD"):
        return False
    if head.ent_type_ == "PERSON" or head.lower_ in ("much", "so"):
        return False  # a person is whom, not what; 'predicted as much': the text before
    if preposition is None and head.tag_ == "NNS" and head.lemma_.lower() in lex.source_people:
        return False  # 'welcomed four leaders', 'praised the officers': whom, not what
    if preposition == "on" and head.pos_ == "PROPN":
        return False  # responded on Twitter, spoke on CNN
    return head.lemma_.lower() not in lex.act_objects


def _within_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int] | None:
    """``span`` cut to the paragraph holding ``anchor`` (the cue), and to the cue's side of
    a title or subheading glued into the text; None when empty."""
    begin = text.rfind("\n", 0, anchor) + 1
    end = paragraph_end(text, anchor)
    cuts = heading_breaks(text, max(begin, span[0]), min(end, span[1]))
    for cut in cuts:
        if cut <= anchor:
            begin = max(begin, cut)
        else:
            end = min(end, cut)
    start, stop = max(span[0], begin), min(span[1], end)
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if cuts and len(text[start:stop].split()) < _MIN_LINE_WORDS:
        return None  # the parser ran a clause across a heading: what is left is no content
    return (start, stop) if stop > start else None


_NEXT_CLAUSE = {"but", "and", "while", "although", "though", "whereas", "yet"}


def _according_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``According to X, CLAUSE`` / ``CLAUSE, according to X``: the sentence minus the phrase."""
    source = according_to(tok, lex)
    if source is None:
        return None
    sent = tok.sent
    doc = tok.doc
    start = _after_lost_break(sent.start, tok)
    phrase_end = source.right_edge.i
    last = sent.end - 1  # the sentence's last token within the phrase's paragraph
    stop = paragraph_end(doc_text(doc), tok.idx)
    while last > phrase_end and doc[last].idx >= stop:
        last -= 1
    joined = (
        phrase_end + 2 <= last
        and doc[phrase_end + 1].text == ","
        and doc[phrase_end + 2].lower_ in _NEXT_CLAUSE
    )
    # 'CLAUSE, according to X, an economist at Y Co.': no verb after the phrase (the
    # parser may leave an abbreviation's words out of it)
    ended = doc[tok.i - 1].text == "," and not any(
        t.pos_ in ("VERB", "AUX") for t in doc[phrase_end + 1 : last + 1]
    )
    if all(t.is_punct or t.is_space for t in doc[start : tok.i]):
        phrase_end = _source_end(source, phrase_end, last)
        end = _before_aside(phrase_end + 1, last, source)  # ', although ...'
        span = _content_span(phrase_end + 1, end if end < last else sent.end - 1, doc)
    elif phrase_end >= last - 1 or joined or ended:
        # 'CLAUSE, according to X.' and 'CLAUSE, according to X, but CLAUSE2': the
        # source is the first clause's (the next one is the writer's)
        span = _content_span(start, tok.i - 1, doc)
    else:
        span = _content_span(start, sent.end - 1, tok.doc)
    span = _within_paragraph(doc_text(tok.doc), span, tok.idx) if span else None
    if span is None:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, "according to", source)


def _after_lost_break(first: int, tok: Token) -> int:
    """Where the sentence of ``tok`` starts: after the last break the copy lost before it
    ('... in the journal PeerJ.- According to the researchers, ...'), else at ``first``."""
    doc = tok.doc
    breaks = heading_breaks(doc_text(doc), doc[first].idx, tok.idx)
    if not breaks:
        return first
    return next((t.i for t in doc[first : tok.i + 1] if t.idx >= breaks[-1]), first)


def _source_end(source: Token, phrase_end: int, last: int) -> int:
    """The end of 'According to X,' when the parser took the clause's subject for X's
    apposition: the last comma after X, when a verb follows the phrase right away
    ('According to Japan's Cabinet Office, [the country's GDP] expanded ...'), or when the
    phrase swallowed the sentence, with one comma and a finite verb after it ('According
    to the police, [a man who "sought medical assistance" ... died ...]')."""
    doc = source.doc
    commas = [t for t in doc[source.i + 1 : phrase_end] if t.text == ","]
    if not commas:
        return phrase_end
    after = doc[phrase_end + 1] if phrase_end + 1 < len(doc) else None
    if after is not None and after.pos_ in ("VERB", "AUX"):
        return commas[-1].i  # the last: 'X, director of Y, [the ...]'
    finite = any(t.tag_ in ("VBD", "VBZ", "VBP") for t in doc[commas[-1].i + 1 : phrase_end + 1])
    if phrase_end >= last - 1 and finite and len(commas) == 1:
        return commas[0].i  # one comma only: with more ('a poll by X, a majority, 53%,
        # disapprove ..., marking ...') where the words start is not clear
    return phrase_end


def _speaker_line(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``Name: words`` at the start of a line (headlines, transcripts): the rest of the line."""
    if tok.text != ":":
        return None
    doc = tok.doc
    line_start = doc_text(doc).rfind("\n", 0, tok.idx) + 1
    prefix = doc.char_span(line_start, tok.idx, alignment_mode="contract")
    if prefix is None or not 1 <= len(prefix) <= _LINE_SPEAKER_WORDS or not prefix.text.strip():
        return None
    words = {t.lower_.replace("\u2019", "'") for t in prefix}
    if words & lex.line_labels or not _looks_like_name(prefix):
        return None
    if prefix[0].is_quote and not any(t.is_quote for t in prefix[1:]):
        return None  # '"Kong: Skull Island" fell to second': a colon inside a quoted title
    rest = doc.char_span(tok.idx, paragraph_end(doc_text(doc), tok.idx), alignment_mode="contract")
    span = _content_span(tok.i + 1, rest.end - 1, doc) if rest is not None else None
    if span is None or len(doc_text(doc)[span[0] : span[1]].split()) < _MIN_LINE_WORDS:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, ":", prefix.root)


def _looks_like_name(prefix: Span) -> bool:
    """Capitalised words and no verb: a speaker label, not a sentence lead-in."""
    words = [t for t in prefix if not t.is_punct]
    capital = all(t.text[:1].isupper() for t in words if t.is_alpha and len(t) > 3)
    named = any(t.is_alpha for t in words)  # '#1: Stay away from ...' is a list item
    return named and capital and not any(t.pos_ in ("VERB", "AUX") for t in words)


_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _block_after(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``The governor added:`` ending a paragraph, the words set as the next paragraph
    without quotation marks (a block quote): that paragraph is what was said."""
    doc = tok.doc
    if tok.pos_ != "VERB" or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":":
        return None
    text = doc_text(doc)
    colon = doc[tok.i + 1]
    newline = paragraph_end(text, colon.idx)
    if text[colon.idx + 1 : newline].strip() or newline >= len(text):
        return None
    phrase = cue_phrase(tok, lex)
    subject = subject_of(tok, lex) if phrase is not None else None
    if phrase is None or subject is None or tok.lemma_.lower() in lex.clause_only_verbs:
        return None
    start = newline + len(text[newline:]) - len(text[newline:].lstrip())
    if start >= len(text) or text[start] in _QUOTE_MARKS:
        return None
    end = paragraph_end(text, start)
    while end > start and text[end - 1].isspace():
        end -= 1
    if len(text[start:end].split()) < _MIN_LINE_WORDS:
        return None
    return Candidate(start, end, False, start, end, tok, phrase, subject)
