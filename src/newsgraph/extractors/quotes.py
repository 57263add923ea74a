"""Who said what: direct and indirect quotes with their cue and speaker mention.

``find_quotes(doc, resolve=...)`` reads a parsed spaCy ``Doc`` and returns
:class:`~newsgraph.records.Quote` records whose offsets slice ``doc.text``.

* Direct quotes come from paired quotation marks (:mod:`quote_rules`), each decided on
  its own: a cue verb after it (``"...," X said``), before it (``X said: "..."``,
  ``wished X "..."``), inside it (``"..., said macron. And ..."``, ``"... – said the
  President. – ..."``), a colon-ended lead-in paragraph, or, for a quote with no cue,
  the speaker of the quote just before. Short quoted phrases no speech verb governs
  are scare quotes and are skipped. Segments split by their attribution are one quote.
* Indirect speech comes from the dependency parse: the complement clause (``ccomp``) of
  a cue verb, its subject as speaker, and ``according to X, ...``.
* Speakers are mention spans; pronouns and role nouns are resolved to a person
  (:mod:`quote_rules`), and a ``resolve`` hook may replace any speaker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.extractors.quote_rules import (
    CueLexicon,
    QuotedSpan,
    SpeakerResolver,
    cue_lexicon,
    find_quoted_spans,
    mention_tokens,
)
from newsgraph.records import Quote, Speaker

Resolve = Callable[[int, int], Speaker | None]
_DASHES = {"-", "\u2013", "\u2014", "--"}
_CLAUSE_END = {".", "!", "?"}
_MIN_SPEECH_WORDS = 6
_AFTER_WINDOW = 14
_BEFORE_WINDOW = 40
_PARTIAL_SHARE = 0.7
_INHERIT_PARAGRAPHS = 4
_LINE_SPEAKER_WORDS = 5
_MIN_LINE_WORDS = 3
_INSIDE_SUBJECT = {"nsubj", "dobj", "attr", "npadvmod", "appos", "nsubjpass"}


@dataclass(slots=True)
class Candidate:
    """A quote being built: content span, cue token, subject head; ``outer`` spans include marks."""

    start: int
    end: int
    direct: bool
    outer_start: int
    outer_end: int
    cue: Token | None = None
    cue_text: str | None = None
    subject: Token | None = None
    inherits: bool = False


def find_quotes(doc: Doc, *, resolve: Resolve | None = None) -> list[Quote]:
    """Direct and indirect quotes in ``doc``, in text order, with cue and speaker mention.

    ``resolve(start, end)`` is called with each speaker mention's offsets; a Speaker it
    returns (canonical entity and name) replaces the one found here.
    """
    lex = cue_lexicon()
    direct = _direct_candidates(doc, lex)
    candidates = _with_indirect(doc, lex, direct)
    resolver = SpeakerResolver(doc, lex, [(c.outer_start, c.outer_end) for c in direct])
    quotes = []
    previous: Speaker | None = None
    for cand in candidates:
        speaker = _speaker_for(cand, resolver, resolve, previous)
        if cand.direct:
            previous = speaker
        quotes.append(_to_quote(doc, cand, speaker))
    return quotes


def _to_quote(doc: Doc, cand: Candidate, speaker: Speaker | None) -> Quote:
    """The public record for a finished candidate."""
    text = doc.text[cand.start : cand.end]
    return Quote(cand.start, cand.end, text, cand.direct, cand.cue_text, speaker)


def _speaker_for(
    cand: Candidate, resolver: SpeakerResolver, resolve: Resolve | None, previous: Speaker | None
) -> Speaker | None:
    """The candidate's speaker: its subject mention resolved, or the previous speaker."""
    if cand.subject is None:
        return previous if cand.inherits else None
    speaker = resolver.speaker(cand.subject)
    if resolve is not None and speaker.start is not None and speaker.end is not None:
        hooked = resolve(speaker.start, speaker.end)
        if hooked is not None:
            return hooked
    return speaker


# --- cues -------------------------------------------------------------------------


def cue_phrase(tok: Token, lex: CueLexicon) -> str | None:
    """The cue text when ``tok`` is a speech or stance verb (with its particle), else None."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    lemma = tok.lemma_.lower()
    if not lex.is_cue_verb(lemma):
        return None
    particles = lex.phrasal.get(lemma)
    if particles:
        found = [c for c in tok.children if c.dep_ == "prt" and c.lower_ in particles]
        if found:
            return f"{tok.lower_} {found[0].lower_}"
        if lemma in lex.needs_particle:
            return None
    return tok.lower_


def subject_of(verb: Token, lex: CueLexicon) -> Token | None:
    """The speaker head of a cue verb: its subject, a relative clause's noun, or a
    governing verb's subject for ``..., saying`` / ``and added``."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in lex.not_speakers:
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            if child.dep_ == "nsubjpass" and verb.lemma_ in ("quote", "cite"):
                return child
            return child if child.dep_ == "nsubj" else None
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head, lex)
    return None


def _according_to(tok: Token, lex: CueLexicon) -> Token | None:
    """The source noun of an ``according to X`` phrase starting at ``tok``, else None."""
    doc = tok.doc
    for phrase in lex.according_to:
        words = [t.lower_ for t in doc[tok.i : tok.i + len(phrase)]]
        if tuple(words) == phrase:
            last = doc[tok.i + len(phrase) - 1]
            objects = [c for c in last.children if c.dep_ in ("pobj", "agent", "dobj")]
            if objects:
                return objects[0]
    return None


def _cue_with_subject(tok: Token, lex: CueLexicon) -> tuple[Token, str, Token | None] | None:
    """(cue token, cue text, speaker head) when a cue starts at ``tok``."""
    source = _according_to(tok, lex)
    if source is not None:
        return tok, "according to", source
    phrase = cue_phrase(tok, lex)
    if phrase is None:
        return None
    return tok, phrase, subject_of(tok, lex)


# --- direct quotes -----------------------------------------------------------------


def _direct_candidates(doc: Doc, lex: CueLexicon) -> list[Candidate]:
    """Attributed direct quotes; scare quotes are dropped and split quotes merged."""
    found: list[Candidate] = []
    for span in find_quoted_spans(doc.text):
        cand = _attribute_direct(doc, span, lex, found[-1] if found else None)
        if cand is not None:
            found.append(cand)
    return _merge_split(doc, found)


def _attribute_direct(
    doc: Doc, span: QuotedSpan, lex: CueLexicon, previous: Candidate | None
) -> Candidate | None:
    """The quote with its cue and subject, or None for a scare quote."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or len(inner) == 0:
        return None
    cand = Candidate(span.start, span.end, True, span.outer_start, span.outer_end)
    speechlike = _is_speechlike(inner)
    found = (
        _governing_cue(inner, lex, speechlike)
        or (_cue_after(doc, span, inner, lex) if speechlike or _ends_utterance(doc, span) else None)
        or _cue_inside(inner, lex)
        or (_cue_before(doc, span, lex) if speechlike else None)
    )
    if found is not None:
        cand.cue, cand.cue_text, cand.subject = found
        return cand
    if not speechlike:
        return None
    cand.inherits = previous is not None and (
        doc.text.count("\n", previous.outer_end, span.outer_start) <= _INHERIT_PARAGRAPHS
    )
    return cand


def _ends_utterance(doc: Doc, span: QuotedSpan) -> bool:
    """A short quote set off as a whole utterance: ``"Never," she said`` / ``"Never" , ...``."""
    inside = doc.text[span.start : span.end].rstrip()[-1:]
    after = doc.text[span.outer_end : span.outer_end + 2].lstrip()[:1]
    return inside in {",", "!", "?"} or after == ","


def _is_speechlike(inner: Span) -> bool:
    """Long enough, or a clause with a finite verb: not a quoted name or phrase."""
    words = [t for t in inner if not t.is_punct]
    has_verb = any(t.tag_ in ("VBD", "VBP", "VBZ", "MD") for t in words)
    return len(words) >= _MIN_SPEECH_WORDS or (has_verb and len(words) >= 3)


def _governing_cue(
    inner: Span, lex: CueLexicon, speechlike: bool
) -> tuple[Token, str, Token | None] | None:
    """A cue verb outside the quote that governs it (``X said "..."``, ``wished X "..."``)."""
    # first-seen order: a set of tokens would iterate in memory-address order
    heads = dict.fromkeys(t.head for t in inner if not (inner.start <= t.head.i < inner.end))
    for head in heads:
        verb: Token | None = head
        for _ in range(3):
            if verb is None:
                break
            phrase = cue_phrase(verb, lex)
            allowed = speechlike or verb.lemma_.lower() in lex.partial_quote_verbs
            if phrase and allowed:
                subject = subject_of(verb, lex)
                if subject is not None and not (inner.start <= subject.i < inner.end):
                    return verb, phrase, subject
            verb = verb.head if verb.head.i != verb.i else None
    return None


def _paragraph_end(text: str, at: int) -> int:
    """Offset of the newline ending the paragraph holding ``at``."""
    stop = text.find("\n", at)
    return len(text) if stop < 0 else stop


def _cue_after(
    doc: Doc, span: QuotedSpan, inner: Span, lex: CueLexicon
) -> tuple[Token, str, Token | None] | None:
    """A cue right after the closing mark: ``"...," X said`` / ``said X`` / ``according to X``."""
    if span.close_at < 0:
        return None
    limit = _paragraph_end(doc.text, span.outer_end)
    ends_sentence = doc.text[span.start : span.end].rstrip()[-1:] in _CLAUSE_END
    window = 4 if ends_sentence else _AFTER_WINDOW
    first = inner.end
    while first < len(doc) and doc[first].idx < span.outer_end:
        first += 1
    for tok in doc[first : min(len(doc), first + window)]:
        if tok.idx >= limit or tok.text in _CLAUSE_END or tok.text in ('"', "\u201c", "``"):
            break
        found = _cue_with_subject(tok, lex)
        if found is not None and found[2] is not None:
            return found
    return None


def _cue_inside(inner: Span, lex: CueLexicon) -> tuple[Token, str, Token | None] | None:
    """An attribution set off inside the quote: ``..., said macron. And ...``."""
    doc = inner.doc
    for tok in inner[1:-1]:
        phrase = cue_phrase(tok, lex)
        subject = _adjacent_subject(tok) if phrase else None
        if phrase is None or subject is None:
            continue
        first, last = mention_tokens(subject)
        first, last = min(first, tok.i), max(last, tok.i)
        opened = first > inner.start and doc[first - 1].text in _DASHES | {","}
        closed = last + 1 < inner.end and doc[last + 1].text in _CLAUSE_END | _DASHES | {","}
        if opened and closed:
            return tok, phrase, subject
    return None


def _adjacent_subject(verb: Token) -> Token | None:
    """A noun phrase right after (``said macron``) or right before (``he said``) the verb."""
    for child in verb.children:
        if child.pos_ not in ("PROPN", "NOUN", "PRON") or child.dep_ not in _INSIDE_SUBJECT:
            continue
        first, last = mention_tokens(child)
        if first == verb.i + 1 or last == verb.i - 1:
            return child
    return None


def _cue_before(
    doc: Doc, span: QuotedSpan, lex: CueLexicon
) -> tuple[Token, str, Token | None] | None:
    """The nearest cue before the opening mark in its sentence, or in a lead-in ending with ':'."""
    if span.open_at < 0:
        return None
    lead = doc.text[: span.open_at].rstrip()
    crosses = lead.endswith(":")
    para_start = doc.text.rfind("\n", 0, span.open_at) + 1
    floor = 0 if crosses else para_start
    opener = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if opener is None:
        return None
    for tok in reversed(doc[max(0, opener.start - _BEFORE_WINDOW) : opener.start]):
        if tok.idx < floor or (tok.text in _CLAUSE_END and tok.i < opener.start - 1):
            break
        found = _cue_with_subject(tok, lex)
        if found is not None and found[2] is not None:
            return found
    return None


def _merge_split(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Join segments of one quote split by its attribution (``"A," said X. "B"``)."""
    merged: list[Candidate] = []
    for cand in found:
        last = merged[-1] if merged else None
        if last is not None and _continues(doc, last, cand):
            merged[-1] = replace(last, end=cand.end, outer_end=cand.outer_end)
        else:
            merged.append(cand)
    return merged


def _continues(doc: Doc, first: Candidate, second: Candidate) -> bool:
    """Whether ``second`` carries on ``first`` in the same paragraph with no cue of its own."""
    gap = doc.text[first.outer_end : second.outer_start]
    if "\n" in gap or len(gap) > 120:
        return False
    if second.cue is not None and first.cue is not None:
        return second.cue.i == first.cue.i
    if second.cue is not None or not second.inherits:
        return False
    return not gap.strip() or (first.cue is not None and first.outer_end <= first.cue.idx)


# --- indirect speech -----------------------------------------------------------------


def _with_indirect(doc: Doc, lex: CueLexicon, direct: list[Candidate]) -> list[Candidate]:
    """Direct quotes plus reported speech (complement clauses of cue verbs, ``according to``).

    A reported clause that holds only partial quotes (``said it was "totally wrong" to
    ...``) replaces them: the clause is what was said. A clause that a direct quote
    covers mostly, or that overlaps a quote it does not contain, is left out.
    """
    kept = list(direct)
    found: list[Candidate] = []
    for tok in sorted(doc, key=_depth):
        if any(c.outer_start <= tok.idx < c.outer_end for c in kept):
            continue
        cand = _reported_clause(tok, lex) or _according_clause(tok, lex) or _speaker_line(tok, lex)
        if cand is None or any(_overlap(cand, f) for f in found):
            continue
        clashing = [c for c in kept if _overlap(cand, c)]
        if clashing and not _holds_partial_quotes(cand, clashing):
            continue
        if any(
            c.cue is not None and cand.cue is not None and c.cue.i != cand.cue.i for c in clashing
        ):
            continue
        kept = [c for c in kept if c not in clashing]
        cand.end = max([cand.end, *(q.end for q in clashing)])
        cand.outer_end = max([cand.outer_end, *(q.outer_end for q in clashing)])
        found.append(cand)
    return sorted(kept + found, key=lambda c: c.start)


def _depth(tok: Token) -> tuple[int, int]:
    """How deep ``tok`` sits in its parse tree (outer cue verbs are tried first)."""
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth, tok.i


def _overlap(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates' spans (marks included) overlap."""
    return a.outer_start < b.outer_end and b.outer_start < a.outer_end


def _holds_partial_quotes(clause: Candidate, quotes: list[Candidate]) -> bool:
    """Whether ``quotes`` lie inside ``clause`` and cover well under all of it."""
    inside = all(clause.start <= q.outer_start and q.start < clause.end for q in quotes)
    quoted = sum(q.end - q.start for q in quotes)
    return inside and quoted < _PARTIAL_SHARE * (clause.end - clause.start)


def _content_span(first: int, last: int, doc: Doc) -> tuple[int, int] | None:
    """Character span of tokens ``first..last`` without a leading 'that' or edge punctuation."""
    while first <= last and (doc[first].is_punct or doc[first].lower_ == "that"):
        first += 1
    while last >= first and doc[last].is_punct:
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _reported_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``X said (that) CLAUSE``: the ccomp of a cue verb, with the verb's subject."""
    phrase = cue_phrase(tok, lex)
    if phrase is None:
        return None
    clauses = [c for c in tok.children if c.dep_ == "ccomp"] or _object_content(tok, lex)
    subject = subject_of(tok, lex)
    if not clauses or subject is None:
        return None
    clause = clauses[0]
    span = _content_span(clause.left_edge.i, clause.right_edge.i, tok.doc)
    if span is None or tok.idx in range(*span):
        return None
    span = _within_paragraph(tok.doc.text, span, tok.idx)
    if span is None:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, phrase, subject)


def _object_content(verb: Token, lex: CueLexicon) -> list[Token]:
    """What a cue verb without a clause reports: ``denied the claims``, ``vowed to fight``,
    ``called for talks``, ``warned of a war`` (verbs listed under ``object_content_verbs``)."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.object_content_verbs:
        return []
    deps = ("xcomp",) if lemma in lex.addressee_verbs else ("dobj", "xcomp")
    for child in verb.children:
        if child.dep_ in deps and child.i > verb.i:
            return [child]
        if child.dep_ == "prep" and child.lower_ in lex.content_prepositions:
            return [c for c in child.children if c.dep_ in ("pobj", "pcomp")][:1]
    return []


def _within_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int] | None:
    """``span`` cut to the paragraph holding ``anchor`` (the cue), or None when empty."""
    begin = text.rfind("\n", 0, anchor) + 1
    end = _paragraph_end(text, anchor)
    start, stop = max(span[0], begin), min(span[1], end)
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return (start, stop) if stop > start else None


def _according_clause(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``According to X, CLAUSE`` / ``CLAUSE, according to X``: the sentence minus the phrase."""
    source = _according_to(tok, lex)
    if source is None:
        return None
    sent = tok.sent
    phrase_end = source.right_edge.i
    if tok.i - sent.start <= 1:
        span = _content_span(phrase_end + 1, sent.end - 1, tok.doc)
    elif phrase_end >= sent.end - 2:
        span = _content_span(sent.start, tok.i - 1, tok.doc)
    else:
        span = _content_span(sent.start, sent.end - 1, tok.doc)
    span = _within_paragraph(tok.doc.text, span, tok.idx) if span else None
    if span is None:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, "according to", source)


def _speaker_line(tok: Token, lex: CueLexicon) -> Candidate | None:
    """``Name: words`` at the start of a line (headlines, transcripts): the rest of the line."""
    if tok.text != ":":
        return None
    doc = tok.doc
    line_start = doc.text.rfind("\n", 0, tok.idx) + 1
    prefix = doc.char_span(line_start, tok.idx, alignment_mode="contract")
    if prefix is None or not 1 <= len(prefix) <= _LINE_SPEAKER_WORDS or not prefix.text.strip():
        return None
    words = {t.lower_.replace("\u2019", "'") for t in prefix}
    if words & lex.line_labels or not _looks_like_name(prefix):
        return None
    rest = doc.char_span(tok.idx, _paragraph_end(doc.text, tok.idx), alignment_mode="contract")
    span = _content_span(tok.i + 1, rest.end - 1, doc) if rest is not None else None
    if span is None or len(doc.text[span[0] : span[1]].split()) < _MIN_LINE_WORDS:
        return None
    return Candidate(span[0], span[1], False, span[0], span[1], tok, ":", prefix.root)


def _looks_like_name(prefix: Span) -> bool:
    """Capitalised words and no verb: a speaker label, not a sentence lead-in."""
    words = [t for t in prefix if not t.is_punct]
    capital = all(t.text[:1].isupper() for t in words if t.is_alpha and len(t) > 3)
    return bool(words) and capital and not any(t.pos_ in ("VERB", "AUX") for t in words)
