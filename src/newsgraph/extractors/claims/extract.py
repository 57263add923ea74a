"""Numeric claims of one article: :func:`find_claims`.

Numbers are found in the characters (:mod:`~newsgraph.extractors.claims.scan`) and then
checked against the parse: a bare number inside a date, a clock time, a name or a
title ("iPhone 11", "Euro 2020", "the 1988 film") is not a claim; a bare number needs
the noun it counts ("ten users") unless written in digits in a sentence of figures.
The title is scanned too, without a parse: there only numbers with a unit count.
Decided per candidate, never per article.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any

from newsgraph.extractors.claims.context import change_before, counted_noun, measure_and_subject
from newsgraph.extractors.claims.scan import Found, approx_before, scan
from newsgraph.extractors.doctext import doc_text
from newsgraph.records import (
    Attribution,
    Claim,
    ClaimSubject,
    Entity,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)

__all__ = ["find_claims", "title_claims"]

_NOT_A_COUNT = {
    "DATE",
    "TIME",
    "ORDINAL",
    "ORG",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
    "EVENT",
    "FAC",
    "GPE",
    "LOC",
    "NORP",
    "PERSON",
    "LANGUAGE",
}
_DURATION_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "season",
    "quarter",
    "years old",
}
_LABEL_WORDS = {
    "no",
    "no.",
    "number",
    "#",
    "page",
    "chapter",
    "version",
    "category",
    "level",
    "phase",
    "stage",
    "grade",
    "route",
    "flight",
    "article",
    "section",
    "model",
    "class",
    "type",
    "room",
    "episode",
    "season",
    "week",
    "day",
    "round",
    "vol",
    "junction",
    "exit",
    "gate",
    "platform",
    "terminal",
    "tier",
    "division",
    # index and list names, also when written in lower case ("the sp 500 was down")
    "sp",
    "s&p",
    "ftse",
    "nikkei",
    "stoxx",
    "russell",
    "cac",
    "dax",
    "nasdaq",
    "fortune",
}
_OR = re.compile(r"^,?\s*or\s*$")
_SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019)]\s*$")

Resolver = Callable[[int, int], Speaker | None]


def find_claims(
    doc: Any,
    *,
    times: Sequence[TimeExpr] = (),
    quotes: Sequence[Quote] = (),
    resolve: Resolver | None = None,
    outlet: str | None = None,
    language: str = "en",
) -> tuple[Claim, ...]:
    """The numeric claims of the body ``doc`` (a spaCy Doc), in text order."""
    text = doc_text(doc)
    lead_end = _lead_end(text)
    claims: list[Claim] = []
    for found in scan(text, language):
        claim = _claim(doc, text, found, resolve, language)
        if claim is None:
            continue
        prev = claims[-1] if claims and claims[-1].sentence == claim.sentence else None
        if prev is not None and claim.unit is None and _same_size(prev.value, claim.value):
            # "84.75 cents, while the lowest is 74.07": the unit is not repeated (a
            # figure of another size is another measure: "fell 2.1%, to 25,766")
            claim = dataclasses.replace(claim, unit=prev.unit)
        gap = text[prev.end or 0 : found.start] if prev is not None else ""
        if prev is not None and claim.change is None and _OR.match(gap):
            # "lost 190 points, or 0.6%": the same change in another unit
            claim = dataclasses.replace(claim, change=prev.change)
        sent = claim.sentence
        part = "lead" if found.start < lead_end else "body"
        claims.append(_with_context(claim, part, times, quotes, outlet, sent))
    return tuple(claims)


def title_claims(
    title: str | None,
    *,
    entities: Sequence[Entity] = (),
    outlet: str | None = None,
    language: str = "en",
) -> tuple[Claim, ...]:
    """Claims of the headline (``title_start``/``title_end`` into the title, no offsets
    into the text): numbers with a unit only; the subject is the article entity named
    nearest before the number in the title."""
    if not title:
        return ()
    out = []
    for found in scan(title, language):
        if found.unit is None or found.year_like or found.vague:
            continue
        change = _change(title, found, language)
        out.append(
            Claim(
                start=None,
                end=None,
                text=title[found.start : found.end],
                value=found.value,
                unit=found.unit,
                approx=found.approx,
                change=change,
                subject=_named_before(title, found.start, entities),
                attribution=Attribution(kind="outlet", name=outlet),
                part="title",
                title_start=found.start,
                title_end=found.end,
            )
        )
    return tuple(out)


def _claim(
    doc: Any, text: str, found: Found, resolve: Resolver | None, language: str
) -> Claim | None:
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tokens = list(span)
    unit, noun = found.unit, None
    if found.year_like:
        return None
    if unit is None:
        unit, noun = counted_noun(tokens, language)
        if not _keep_bare(tokens, found, unit, text):
            return None
    if _is_date(tokens, unit, text):
        return None
    measure, subject = measure_and_subject(tokens, noun, resolve)
    sent = _paragraph_clip(text, tokens[0].sent, found.start)
    return Claim(
        start=found.start,
        end=found.end,
        text=text[found.start : found.end],
        value=found.value,
        unit=unit,
        approx=found.approx,
        change=_change(text, found, language),
        measure=measure,
        subject=subject,
        part="body",
        sentence=sent,
    )


def _same_size(a: Any, b: Any) -> bool:
    """Two values within a factor of ten of each other (a range by its upper end)."""
    x = abs(float(a[-1] if isinstance(a, tuple | list) else a))
    y = abs(float(b[-1] if isinstance(b, tuple | list) else b))
    return x > 0 and y > 0 and max(x, y) < 10 * min(x, y)


def _paragraph_clip(text: str, sent: Any, at: int) -> Span:
    """The sentence of the claim, cut at blank lines (the parser runs a standfirst and
    a dateline into one sentence)."""
    start, end = sent.start_char, sent.end_char
    before = text.rfind("\n\n", start, at)
    if before >= 0:
        start = before + 2
    after = text.find("\n\n", at, end)
    if after >= 0:
        end = after
    return Span(start, end)


def _keep_bare(tokens: list[Any], found: Found, unit: str | None, text: str) -> bool:
    """A number with no written unit: keep it when it counts a noun, or when it is a
    figure in digits that is not part of a name, a date or an ordinal."""
    first = tokens[0]
    labels = {t.ent_type_ for t in tokens} - {""}
    if _never_a_date(text[found.start : found.end]):
        labels -= {"DATE", "TIME"}  # "1,334.20": the parser's DATE is wrong
    prev = first.nbor(-1) if first.i > first.sent.start else None
    if unit is not None:
        if not found.spelled and prev is not None and prev.lower_ in _LABEL_WORDS:
            return False  # "Level 4 restrictions", "the Fortune 500 company": a label
        return not (labels & (_NOT_A_COUNT - {"DATE", "TIME"}))
    if found.spelled or found.vague:
        return False
    if labels & _NOT_A_COUNT:
        return False
    if prev is not None and prev.pos_ in ("PROPN", "NOUN", "X") and not prev.text.islower():
        return False  # "iPhone 11", "Stoxx 50", "S&P 500", "Part 3"
    last = tokens[-1]
    nxt = last.nbor(1) if last.i + 1 < last.sent.end else None
    if nxt is not None and nxt.tag_ == "NNP" and nxt.text[:1].isupper():
        return False  # "11 Pro Max", "575 Wilbraham Road"
    # "category 4", "No. 3"
    return prev is None or prev.lower_ not in _LABEL_WORDS


def _never_a_date(number: str) -> bool:
    """Digits no date or clock time is written in: a thousands comma ("1,334.20") or
    a decimal part that no "10.45" time has ("96.088", "35.5")."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", number):
        return True
    m = re.fullmatch(r"(\d+)\.(\d+)", number)
    if m is None:
        return False
    return len(m.group(2)) != 2 or int(m.group(1)) > 24 or int(m.group(2)) > 59


def _is_date(tokens: list[Any], unit: str | None, text: str) -> bool:
    """Inside a DATE/TIME entity and not a duration ("200 days", "33 years")."""
    labels = {t.ent_type_ for t in tokens}
    # ``text`` is the doc's text, passed in: ``Doc.text`` joins every token at each call
    if _never_a_date(text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]):
        return False
    if not labels & {"DATE", "TIME"}:
        return False
    if unit in _DURATION_UNITS:
        after = tokens[-1].doc[tokens[-1].i + 1 : tokens[-1].i + 3]
        return any(t.lower_ == "ago" for t in after)
    return unit is None


def _change(text: str, found: Found, language: str) -> str | None:
    if found.sign == "+":
        return "up"
    if found.sign == "-":
        return "down"
    _, approx_len = approx_before(text, found.start, language)
    return change_before(text, found.start, approx_len, language)


def _lead_end(text: str) -> int:
    """End of a standfirst: a first paragraph that does not end a sentence (a subtitle
    before the body), when the text has more than one paragraph; else 0."""
    first, sep, rest = text.partition("\n")
    if not sep or not rest.strip() or len(first) > 400 or not first.strip():
        return 0
    return 0 if _SENTENCE_END.search(first) else len(first)


def _with_context(
    claim: Claim,
    part: str,
    times: Sequence[TimeExpr],
    quotes: Sequence[Quote],
    outlet: str | None,
    sent: Span | None,
) -> Claim:
    """The claim with its part, time and attribution."""
    return dataclasses.replace(
        claim,
        part=part,
        time=_time_of(claim, times, sent),
        attribution=_attribution(claim, quotes, outlet),
        sentence=sent,
    )


def _time_of(claim: Claim, times: Sequence[TimeExpr], sent: Span | None) -> str | None:
    """The value of the time expression of the claim's sentence nearest to it (not the
    claim itself: "200 days" is a duration, not the time of the figure)."""
    if sent is None or claim.start is None or claim.end is None:
        return None
    best: tuple[int, str] | None = None
    for t in times:
        if t.value is None or t.type not in ("DATE", "TIME"):
            continue
        if t.start < sent.start or t.end > sent.end:
            continue
        if t.start < claim.end and claim.start < t.end:
            continue
        distance = abs(t.start - claim.start)
        if best is None or distance < best[0]:
            best = (distance, t.value)
    return best[1] if best else None


def _attribution(claim: Claim, quotes: Sequence[Quote], outlet: str | None) -> Attribution:
    if claim.start is None or claim.end is None:
        return Attribution(kind="outlet", name=outlet)
    for n, q in enumerate(quotes):
        if q.start <= claim.start and claim.end <= q.end:
            speaker = q.speaker
            return Attribution(
                kind="quote",
                name=speaker.name or speaker.text if speaker else None,
                entity=speaker.entity if speaker else None,
                quote=n,
            )
    return Attribution(kind="outlet", name=outlet)


def _named_before(title: str, start: int, entities: Sequence[Entity]) -> ClaimSubject | None:
    """The entity whose name (or surname) occurs in ``title`` nearest before ``start``."""
    best: tuple[int, Entity] | None = None
    low = title.lower()
    for ent in entities:
        if ent.type not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        names = {ent.name, ent.name.split()[-1]} | {
            m.text for m in ent.mentions if m.text[:1].isupper()
        }
        for name in names:
            at = low.rfind(name.lower(), 0, start)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, ent)
    if best is None:
        return None
    return ClaimSubject(entity=best[1].id, name=best[1].name)
