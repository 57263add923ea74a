"""Direct and indirect quotes in French and Russian, speakers resolved through the
entity layer to canonical KB actors, as in English.

* direct: « ... » (with or without inner spaces), “ ... ”, „ ... “, a paragraph opened
  by « and never closed (continued quotes), and dialogue lines
  (« — Мы договорились ..., — заявил Лавров. »);
* the speaker of a direct quote is named after it ("», a déclaré le chef de l'État",
  "», — сказал он") or before it in its sentence ("X a plaidé pour « ... »");
* indirect: a speech verb then "que" / "что" ("Песков сообщил, что ...", "X estime
  que ..."), a source first ("selon X, ...", "по словам X, ...", "как сообщает X,
  ..."), and a Russian call ("призвал страны увеличить расходы").

Words live in ``data/cues_fr.json`` and ``data/cues_ru.json``. Decisions are per
candidate: an odd quote mark never drops the article's other quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.records import Quote, Speaker
from newsgraph.resources import load_json

_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}
_MIN_WORDS = 3
_WINDOW = 140  # characters after a quote searched for its cue and speaker
_BARE_ROLE = re.compile(
    r"\s+(?:à la presse\s+|aux journalistes\s+)?(?:le|la|l['’])\s*[\w-]+\s*[.,]"
    r"|\s+(?:представител|министр|глав|пресс-секретар)\w*\s*[.,]",
    re.IGNORECASE,
)
_CALL = re.compile(r"призва|appelé|exhorté", re.IGNORECASE)


@dataclass(frozen=True)
class _Cues:
    verb: re.Pattern[str]  # a speech verb (with its auxiliary in French)
    according: re.Pattern[str]  # "selon", "по словам"
    that_after_verb: re.Pattern[str]  # verb ... que / , что


@lru_cache(maxsize=4)
def cues(lang: str) -> _Cues:
    """The compiled cues of a language."""
    raw = load_json("newsgraph.extractors.quotes", f"data/cues_{lang}.json")
    if lang == "fr":
        parts = "|".join(sorted((re.escape(w) for w in raw["participles"]), key=len, reverse=True))
        present = "|".join(sorted((re.escape(w) for w in raw["present"]), key=len, reverse=True))
        adverbs = r"(?:\s+(?:également|aussi|encore|pour sa part|quant à lui|quant à elle|ensuite|enfin|alors|d'abord|lui-même|elle-même|cependant|toutefois|pourtant|[a-zé]+ment))*"
        aux = r"(?:a|ont|avait|avaient|aurait|auraient)(?:-t-(?:il|elle|on)|-(?:ils|elles))?"
        verb = rf"(?<![\w-])(?:{aux}{adverbs}\s+(?:{parts})|(?:{present})(?:-t-(?:il|elle)|-(?:il|elle|ils|elles))?)(?![\w])"
        that = r"(?:que|qu['’])"
    else:
        stems = "|".join(sorted((re.escape(w) for w in raw["verbs"]), key=len, reverse=True))
        verb = rf"(?<![\w-])(?:{stems})\w*(?![\w])"
        that = r",?\s*(?:что|чтобы)"
    according = "|".join(sorted((re.escape(w) for w in raw["according"]), key=len, reverse=True))
    return _Cues(
        verb=re.compile(verb, re.IGNORECASE),
        according=re.compile(rf"(?<![\w-])(?:{according})(?![\w])", re.IGNORECASE),
        that_after_verb=re.compile(rf"^(?:[^.!?;«»]{{0,60}}?)\s*{that}\s+", re.IGNORECASE),
    )


def find_quotes(doc, *, lang: str, layer: Any) -> list[Quote]:
    """The quotes of a French or Russian article, in text order."""
    text = doc.text
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    c = cues(lang)
    direct = _direct_spans(text)
    quotes: list[Quote] = []
    pending: list[tuple[int, int]] = []  # paragraph-continued quotes waiting for a speaker
    last_speaker: Speaker | None = None
    for start, end in direct:
        inner = text[start:end]
        if len(inner.split()) < _MIN_WORDS and not _cue_after(text, end, c):
            continue
        speaker, cue = _direct_speaker(text, start, end, sents, c, layer)
        if speaker is None:
            speaker, cue = _incise_speaker(text, start, end, c, layer)
        if speaker is None and last_speaker is not None and _continues(text, start):
            speaker = last_speaker
        if speaker is None:
            if _starts_paragraph(text, start - 1):
                pending.append((start, end))
            continue
        for a, b in pending:  # the quote that closes names who spoke the paragraphs before
            quotes.append(Quote(a, b, text[a:b], True, cue, speaker))
        pending = []
        last_speaker = speaker
        quotes.append(Quote(start, end, inner, True, cue, speaker))
    quotes += _indirect(text, sents, c, layer, direct, lang)
    return sorted(_dedupe(quotes), key=lambda q: q.start)


# ------------------------------------------------------------------ direct quotes


def _direct_spans(text: str) -> list[tuple[int, int]]:
    """Inner spans of quotation marks (outermost only) and of dialogue lines."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN_CLOSE:
            close = _OPEN_CLOSE[ch]
            end = _matching(text, i, ch, close)
            para_end = _paragraph_end(text, i)
            if end is None or end > para_end:
                # a paragraph-continued quote: it runs to the end of its paragraph
                if ch == "«" and _starts_paragraph(text, i):
                    spans.append(_trim(text, i + 1, para_end))
                i += 1
                continue
            spans.append(_trim(text, i + 1, end))
            i = end + 1
            continue
        if ch in "—–" and _starts_paragraph(text, i):
            stop = _dialogue_end(text, i + 1)
            spans.append(_trim(text, i + 1, stop))
            i = stop
            continue
        i += 1
    return [s for s in spans if s[1] > s[0]]


def _matching(text: str, i: int, open_: str, close: str) -> int | None:
    depth, j = 0, i
    limit = min(len(text), i + 3000)
    while j < limit:
        ch = text[j]
        if ch == open_ and (open_ != close):
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n\n", i)
    return len(text) if j < 0 else j


def _starts_paragraph(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \t")
    return before == "" or before.endswith("\n")


def _dialogue_end(text: str, i: int) -> int:
    """A dialogue line's words end at ", —" (the attribution) or at the line's end."""
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    m = re.compile(r"[,!?.…]\s*[—–]\s").search(text, i, line_end)
    if m:
        return m.start() + (1 if text[m.start()] in "!?.…" else 0)
    return line_end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u00a0\u202f\n\t":
        start += 1
    while end > start and text[end - 1] in " \u00a0\u202f\n\t,":
        end -= 1
    return start, end


def _cue_after(text: str, end: int, c: _Cues) -> bool:
    window = text[end : end + 40]
    return bool(re.match(r"\W{0,4}\s*[—–]?\s*", window) and c.verb.search(window[:30]))


def _continues(text: str, start: int) -> bool:
    """A quote opening a paragraph right after another quote's paragraph."""
    return _starts_paragraph(text, start - 1) or text[max(0, start - 3) : start].strip() in (
        "«",
        "—",
    )


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in sents:
        if a <= pos < b:
            return a, b
    return (0, sents[-1][1] if sents else 0)


def _direct_speaker(text, start, end, sents, c: _Cues, layer) -> tuple[Speaker | None, str | None]:
    s_start, s_end = _sentence_of(sents, start)
    # inside a "selon X, ..." sentence: X said it
    for m in c.according.finditer(text, s_start, start):
        comma = text.find(",", m.end(), start)
        if comma > 0:
            speaker = _last_mention(layer, m.end(), comma + 1, text)
            if speaker is not None:
                return speaker, m.group(0)
    # after the quote: "», a déclaré X", "», — заявил Лавров"
    close = end + 1 if end < len(text) and text[end] in "»”“" else end
    window_end = min(len(text), close + _WINDOW, max(s_end, _sentence_of(sents, close)[1]))
    para = text.find("\n", close)
    if para >= 0:
        window_end = min(window_end, para)
    after = text[close:window_end]
    lead = re.match(r"\s*[,.!?…]?\s*[,]?\s*[—–-]?\s*", after)
    offset = close + (lead.end() if lead else 0)
    verb = c.verb.match(text, offset) or c.verb.search(text, offset, min(window_end, offset + 25))
    if verb is not None:
        stop = _clause_end(text, verb.end(), window_end)
        speaker = _first_mention(layer, verb.start(), stop, text)
        if speaker is None and _BARE_ROLE.match(text, verb.end()):
            # "», a déclaré le porte-parole": the last person named before the quote
            speaker = _last_mention(layer, 0, start, text, people_only=True)
        if speaker is not None:
            return speaker, verb.group(0)
    # before the quote in its sentence: "X a plaidé pour « ... »", "X a déclaré : « ... »"
    before_verb = None
    for m in c.verb.finditer(text, s_start, start):
        before_verb = m
    speaker = _last_mention(layer, s_start, before_verb.start() if before_verb else start, text)
    if speaker is not None and (
        before_verb is not None or text[s_start:start].rstrip().endswith(":")
    ):
        return speaker, before_verb.group(0) if before_verb else ":"
    return None, None


def _incise_speaker(text, start, end, c: _Cues, layer) -> tuple[Speaker | None, str | None]:
    """A speaker inside the quote: « Votre aide ..., a affirmé le président ukrainien. »"""
    for m in c.verb.finditer(text, start, end):
        if not re.search(r",\s*[—–]?\s*$", text[max(start, m.start() - 4) : m.start()]):
            continue
        stop = _clause_end(text, m.end(), min(end, m.end() + 80))
        speaker = _first_mention(layer, m.start(), stop, text)
        if speaker is not None:
            return speaker, m.group(0)
    return None, None


def _clause_end(text: str, i: int, limit: int) -> int:
    m = re.compile(r"[.;!?]|\s[«„“]").search(text, i, limit)
    return m.start() if m else limit


def _mentions(layer, people_only: bool = False) -> list[tuple[int, int]]:
    kinds = ("PERSON",) if people_only else ("PERSON", "ORG")
    spans = [(m.start, m.end) for e in layer.entities for m in e.mentions if e.type in kinds]
    return sorted(set(spans))


def _first_mention(layer, start: int, end: int, text: str) -> Speaker | None:
    for a, b in _mentions(layer):
        if a >= start and b <= end:
            return layer.resolve(a, b)
    return None


def _last_mention(
    layer, start: int, end: int, text: str, people_only: bool = False
) -> Speaker | None:
    best = None
    for a, b in _mentions(layer, people_only):
        if a >= start and b <= end:
            best = (a, b)
    return layer.resolve(*best) if best else None


# ------------------------------------------------------------------ indirect quotes


def _indirect(text, sents, c: _Cues, layer, direct, lang: str) -> list[Quote]:
    found: list[Quote] = []
    for s_start, s_end in sents:
        body_end = s_end
        while body_end > s_start and text[body_end - 1] in " \n\t.":
            body_end -= 1
        # "selon X, ..." / "по словам X, ..."
        for m in c.according.finditer(text, s_start, body_end):
            comma = text.find(",", m.end(), body_end)
            if comma < 0 or comma - m.end() > 120:
                continue
            speaker = _last_mention(layer, m.end(), comma + 1, text) or _first_mention(
                layer, m.end(), comma + 1, text
            )
            # an apposition after the source: "Selon le porte-parole ..., Steffen Hebestreit, les ..."
            content_start = comma + 1
            nxt = text.find(",", content_start, body_end)
            if nxt > 0:
                inner = _first_mention(layer, content_start, nxt, text)
                if inner is not None and len(text[content_start:nxt].split()) <= 4:
                    speaker, content_start = inner, nxt + 1
            if speaker is None:
                continue
            a, b = _trim(text, content_start, body_end)
            if b - a > 10:
                found.append(Quote(a, b, text[a:b], False, m.group(0), speaker))
        # "X a indiqué que ..." / "X заявил, что ..."
        for m in c.verb.finditer(text, s_start, body_end):
            that = c.that_after_verb.match(text[m.end() : body_end])
            call = _CALL.search(m.group(0)) is not None
            if that is None and not call:
                continue
            content_start = m.end() + (that.end() if that else 0)
            speaker = _last_mention(layer, s_start, m.start(), text)
            if speaker is None:
                continue
            a, b = _trim(text, content_start, body_end)
            if b - a > 10 and not _inside_direct(a, direct):
                found.append(Quote(a, b, text[a:b], False, m.group(0), speaker))
    return found


def _inside_direct(pos: int, direct: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in direct)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (not q.direct, q.start)):
        if any(
            q.start < k.end and k.start < q.end and (k.direct or q.direct is False) for k in kept
        ):
            continue
        kept.append(q)
    return kept
