"""Direct and indirect quotes in French and Russian, speakers resolved through the
entity layer to canonical KB actors, as in English.

* direct: « ... » (with or without inner spaces), “ ... ”, „ ... “, a paragraph opened
  by « and never closed (continued quotes), and dialogue lines
  (« — Мы договорились ..., — заявил Лавров. »);
* the speaker of a direct quote is named after it ("», a déclaré le chef de l'État",
  "», — сказал он") or before it in its sentence ("X a plaidé pour « ... »");
* indirect: a speech verb then "que" / "что" ("Песков сообщил, что ...", "X estime
  que ..."), a source first ("selon X, ...", "по словам X, ...", "как сообщает X,
  ..."), a source after its words ("..., сообщает телеканал BFMTV", "..., selon
  l'agence TASS"), a speech verb with an infinitive, a quoted fragment or "accuser X de"
  ("a affirmé avoir repoussé", "a jugé «prématuré» tout pronostic", "потребовал
  ускорить"), "s'est dit préoccupé", and a Russian call ("призвал страны увеличить");
* a reported sentence that carries a short quoted fragment is one indirect quote
  ("D'après lui, Moscou reste «ouvert aux contacts» avec ..."), not a fragment;
* a speaker named by a role noun or a pronoun ("a déclaré le ministre", "La députée
  estime que", "по его словам", "ajoutant que") is the last speaker before it, else the
  last person named before it; role phrases the KB knows by date ("le porte-parole du
  Kremlin") and subject pronouns ("a-t-il affirmé") come resolved by the entity layer.

Words live in ``data/cues_fr.json`` and ``data/cues_ru.json``. Decisions are per
candidate: an odd quote mark never drops the article's other quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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
_CLOSING = re.compile(r"[\s\u00a0\u202f]*[»”“]?")  # past a quote's closing mark
_CALL = re.compile(r"призва|appelé|exhorté", re.IGNORECASE)


@dataclass(frozen=True)
class _Cues:
    verb: re.Pattern[str]  # a speech verb (with its auxiliary in French)
    according: re.Pattern[str]  # "selon", "по словам"
    that_after_verb: re.Pattern[str]  # verb ... que / , что
    participle: re.Pattern[str]  # "ajoutant", "добавив": the sentence's speaker goes on
    reflexive: re.Pattern[str] | None  # "s'est dit": words follow without "que"
    person_noun: re.Pattern[str]  # "le ministre", "глава": a person named by a role
    pronoun_source: frozenset[str]  # "lui", "его": a source that refers back
    person_source: frozenset[str]  # "lui", "словам": ... to a person


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
        that = r"(?:que\s+|qu['’]\s*)"
    else:
        stems = "|".join(sorted((re.escape(w) for w in raw["verbs"]), key=len, reverse=True))
        verb = rf"(?<![\w-])(?:{stems})\w*(?![\w])"
        that = r",?\s*(?:что|чтобы)\s+"
    according = _alternation(raw["according"])
    if lang == "ru":  # "как отметил X, ...": any speech verb after "как"
        according += rf"|как\s+(?:{_alternation(raw['verbs'])})\w*"
        nouns = rf"(?<![\w-])(?:{_alternation(raw['person_nouns'])})(?![\w-])"
    else:  # a determiner then the noun: "le ministre", "la députée"
        dets = r"(?:le|la|les|ce|cette|un|une|notre)\s+|l['’]"
        nouns = rf"(?<![\w-])(?:{dets})(?:[a-zéèêû-]+\s+)?(?:{_alternation(raw['person_nouns'])})(?![\w-])"
    reflexive = raw.get("reflexive")
    return _Cues(
        verb=re.compile(verb, re.IGNORECASE),
        according=re.compile(rf"(?<![\w-])(?:{according})(?![\w])", re.IGNORECASE),
        that_after_verb=re.compile(rf"^(?:[^.!?;«»]{{0,60}}?)\s*{that}", re.IGNORECASE),
        participle=re.compile(
            rf"(?<![\w-])(?:{_alternation(raw['participles_ant' if lang == 'fr' else 'participles'])})(?![\w])",
            re.IGNORECASE,
        ),
        reflexive=re.compile(rf"(?<![\w-])(?:{_alternation(reflexive)})(?![\w])", re.IGNORECASE)
        if reflexive
        else None,
        person_noun=re.compile(nouns, re.IGNORECASE),
        pronoun_source=frozenset(w.lower() for w in raw["pronoun_sources"]),
        person_source=frozenset(w.lower() for w in raw["person_sources"]),
    )


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, apostrophes in either form."""
    escaped = (re.escape(w).replace("'", "['’]") for w in sorted(set(words), key=len, reverse=True))
    return "|".join(escaped)


@dataclass
class _Cand:
    """A quote found, its speaker perhaps still to be resolved in text order."""

    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Speaker | None
    defer: str | None = None  # "role", "source", "person", "inherit": see _resolve_in_order
    at: tuple[int, int] = (0, 0)  # the words that named the deferred speaker


def find_quotes(doc, *, lang: str, layer: Any) -> list[Quote]:
    """The quotes of a French or Russian article, in text order."""
    text = doc.text
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    c = cues(lang)
    direct = _direct_spans(text)
    cands: list[_Cand] = []
    pending: list[tuple[int, int]] = []  # paragraph-continued quotes waiting for a speaker
    last: _Cand | None = None
    for start, end, unclosed in direct:
        inner = text[start:end]
        if len(inner.split()) < _MIN_WORDS and not _cue_after(text, end, c):
            continue
        cand = _direct_speaker(text, start, end, sents, c, layer, doc)
        if cand is None:
            cand = _incise_speaker(text, start, end, c, layer)
        if cand is None and last is not None and _continues(text, start):
            cand = _Cand(start, end, True, last.cue, last.speaker, last.defer, last.at)
        if cand is None:
            if unclosed or _starts_paragraph(text, start - 1):
                pending.append((start, end))
            continue
        for a, b in pending:  # the quote that closes names who spoke the paragraphs before
            cands.append(_Cand(a, b, True, cand.cue, cand.speaker, cand.defer, cand.at))
        pending = []
        last = cand
        cands.append(cand)
    cands += _indirect(doc, text, sents, c, layer, [(a, b) for a, b, _ in direct], lang)
    quotes = _resolve_in_order(cands, layer, text)
    return sorted(_dedupe(quotes, text), key=lambda q: q.start)


def _resolve_in_order(cands: list[_Cand], layer, text: str) -> list[Quote]:
    """Deferred speakers, in text order. A role noun ("le ministre", "глава ведомства")
    is the person named earlier with the same noun ("Le porte-parole du Kremlin,
    Dmitri Peskov" ... "le porte-parole a indiqué"), else the last person of the country
    it names ("le diplomate américain"), else the last person named before it outside
    reported words; a source that refers back ("по его
    словам", "d'après son communiqué") the last person or organisation named outside
    reported words; a participle ("ajoutant que") without a subject the last speaker."""
    contents = [(c.start, c.end) for c in cands]
    out: list[Quote] = []
    last: Speaker | None = None
    for cand in sorted(cands, key=lambda q: (q.start, not q.direct)):
        speaker = cand.speaker
        if speaker is None and cand.defer is not None:
            ref = None
            if cand.defer == "role":
                country = _role_country(text, cand.at)
                ref = _same_role(layer, text, cand.at)
                if ref is None and country is not None:
                    ref = _last_person_of(layer, country, cand.at[0])  # "le diplomate américain"
                elif ref is None:
                    ref = _last_named(layer, cand.at[0], contents, people_only=True)
            elif cand.defer in ("source", "person"):
                ref = _last_named(layer, cand.at[0], contents, cand.defer == "person")
            else:
                ref = last or _last_named(layer, cand.at[0], contents, people_only=False)
            if ref is not None:
                a, b = cand.at
                speaker = replace(ref, start=a, end=b, text=text[a:b])
        if speaker is None:
            continue
        last = speaker
        out.append(
            Quote(cand.start, cand.end, text[cand.start : cand.end], cand.direct, cand.cue, speaker)
        )
    return out


def _same_role(layer, text: str, at: tuple[int, int]) -> Speaker | None:
    """The person an earlier use of the same role noun named: the noun inside a role
    phrase, or a name right after it in its clause."""
    words = re.findall(r"[\w-]+", text[at[0] : at[1]])
    if not words:
        return None
    word = words[-1]
    stem = re.compile(rf"(?<![\w-]){re.escape(word[: max(4, len(word) - 2)])}[\w-]*", re.I)
    people = [
        (a, b)
        for a, b, t in _typed_mentions(layer)
        if t == "PERSON" and not _is_pronoun_ref(layer, a, b)
    ]
    best = None
    for m in stem.finditer(text, 0, at[0]):
        clause = _CLAUSE_END.search(text, m.end(), m.end() + 80)
        stop = clause.start() if clause else m.end() + 80
        for a, b in people:
            if a <= m.start() < b or (m.end() <= a and b <= stop and a - m.end() <= 60):
                best = (a, b)
                break
    return layer.resolve(*best) if best else None


def _last_named(
    layer, before: int, contents: list[tuple[int, int]], people_only: bool
) -> Speaker | None:
    """The last mention before ``before`` that is not inside reported words."""
    best = None
    for a, b in _mentions(layer, people_only):
        if b <= before and not any(x <= a and b <= y for x, y in contents):
            best = (a, b)
    return layer.resolve(*best) if best else None


# ------------------------------------------------------------------ direct quotes


def _role_country(text: str, at: tuple[int, int]) -> str | None:
    """The country a role noun phrase names ("le diplomate américain", "глава МИД
    Франции"), from the noun and the three words after it."""
    from newsgraph.extractors.entities.intl import country_of
    from newsgraph.kb.load import default_kb

    kb = default_kb()
    phrase = re.split(r"[.;:,!?«»“”„—\n]", text[at[0] : at[1] + 40])[0]
    for word in re.findall(r"[\w-]+", phrase)[1:6]:
        if len(word) > 3 and word[:1].isalpha():
            code = country_of(kb, word)
            if code is not None:
                return code
    return None


def _last_person_of(layer, country: str, before: int) -> Speaker | None:
    best = None
    for e in layer.entities:
        if e.type == "PERSON" and e.country == country:
            for m in e.mentions:
                if m.start < before and (best is None or m.start > best[0]):
                    best = (m.start, m.end)
    return layer.resolve(*best) if best else None


def _direct_spans(text: str) -> list[tuple[int, int, bool]]:
    """Inner spans of quotation marks (outermost only) and of dialogue lines, each
    with whether it stays open to its paragraph's end (a quote continued below)."""
    spans: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN_CLOSE:
            close = _OPEN_CLOSE[ch]
            end = _matching(text, i, ch, close)
            para_end = _paragraph_end(text, i)
            if end is None or end > para_end:
                # a paragraph-continued quote: it runs to the end of its paragraph when
                # it opens the paragraph or the next paragraph opens with a quote mark
                if ch == "«" and (_starts_paragraph(text, i) or _next_opens(text, para_end)):
                    spans.append((*_trim(text, i + 1, para_end), True))
                    i = para_end
                    continue
                i += 1
                continue
            spans.append((*_trim(text, i + 1, end), False))
            i = end + 1
            continue
        if ch in "—–" and _starts_paragraph(text, i):
            stop = _dialogue_end(text, i + 1)
            spans.append((*_trim(text, i + 1, stop), False))
            i = stop
            continue
        i += 1
    return [s for s in spans if s[1] > s[0]]


def _next_opens(text: str, para_end: int) -> bool:
    """The paragraph after ``para_end`` opens with «."""
    return text[para_end:].lstrip().startswith("«")


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
    """A speech verb right after the closing mark and a comma or dash: "», a-t-il
    dit", "», — заявил" (not "«Свободной прессе» говорит": a name)."""
    lead = re.compile(r"[»”“\s]*(?:[,.!?…]\s*[—–]?|[—–])\s*").match(text, end)
    return lead is not None and c.verb.match(text, lead.end()) is not None


def _continues(text: str, start: int) -> bool:
    """A quote whose opening mark (or dash) opens its paragraph: in a run of quoted
    paragraphs it goes on with the speaker of the quote before."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0\u202f":
        i -= 1
    if i >= 0 and text[i] in "«—–“„":
        return _starts_paragraph(text, i)
    return _starts_paragraph(text, start)


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in sents:
        if a <= pos < b:
            return a, b
    return (0, sents[-1][1] if sents else 0)


def _direct_speaker(text, start, end, sents, c: _Cues, layer, doc=None) -> _Cand | None:
    s_start, s_end = _sentence_of(sents, start)
    # inside a "selon X, ..." sentence: X said it
    for m in c.according.finditer(text, s_start, start):
        comma = text.find(",", m.end(), start)
        if comma > 0 and not c.verb.search(text, comma, start):
            cand = _source(text, m, comma, layer, c, start, end, True)
            if cand is not None:
                return cand
    # after the quote: "», a déclaré X", "», — заявил Лавров"
    closing = _CLOSING.match(text, end)
    close = closing.end() if closing else end
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
        cand = _after_verb(text, verb, stop, c, layer, start, end, True)
        if cand is not None:
            return cand
    # before the quote in its sentence: "X a plaidé pour « ... »", "X a déclaré : « ... »"
    before_verb = None
    for m in c.verb.finditer(text, s_start, start):
        before_verb = m
    if before_verb is None and not text[s_start:start].rstrip().endswith(":"):
        return None
    cut = before_verb.start() if before_verb else start
    cue = before_verb.group(0) if before_verb else ":"
    return _before_verb(text, s_start, cut, c, layer, start, end, True, cue, doc)


def _incise_speaker(text, start, end, c: _Cues, layer) -> _Cand | None:
    """A speaker inside the quote: « Votre aide ..., a affirmé le président ukrainien. »"""
    for m in c.verb.finditer(text, start, end):
        if not re.search(r",\s*[—–]?\s*$", text[max(start, m.start() - 4) : m.start()]):
            continue
        stop = _clause_end(text, m.end(), min(end, m.end() + 80))
        cand = _after_verb(text, m, stop, c, layer, start, end, True)
        if cand is not None:
            return cand
    return None


def _after_verb(text, verb, stop, c: _Cues, layer, start, end, direct) -> _Cand | None:
    """The speaker named after its verb: a name ("a déclaré Sergueï Lavrov"), a role the
    KB knows ("a déclaré le porte-parole du Kremlin"), a pronoun ("a-t-il dit"), a
    source's document ("indique un communiqué de l'Élysée"), or a role noun alone
    ("a déclaré le ministre", "подчеркнул глава агентства"): deferred."""
    # from the verb's start: "a-t-il affirmé" holds its subject
    mentions = [(a, b, t) for a, b, t in _typed_mentions(layer) if a >= verb.start() and b <= stop]
    noun = c.person_noun.search(text, verb.end(), stop)
    if noun is not None and not any(a <= noun.end() for a, _, _ in mentions[:1]):
        # a name right after the noun is in apposition ("le ministre Sergueï Lavrov")
        for a, b, kind in mentions:
            between = text[noun.end() : a]
            if (
                kind == "PERSON"
                and a >= noun.end()
                and len(between.split()) <= 4
                and not re.search(r"[,.;:!?«»]", between)
            ):
                return _Cand(start, end, direct, verb.group(0), layer.resolve(a, b))
        if not mentions or mentions[0][0] > noun.start():
            return _Cand(start, end, direct, verb.group(0), None, "role", noun.span())
    if mentions:
        a, b, _ = mentions[0]
        speaker = layer.resolve(a, b)
        if speaker is not None:
            return _Cand(start, end, direct, verb.group(0), speaker)
    if _BARE_ROLE.match(text, verb.end()):
        return _Cand(start, end, direct, verb.group(0), None, "role", (verb.end(), verb.end()))
    return None


def _before_verb(
    text, s_start, cut, c: _Cues, layer, start, end, direct, cue, doc=None
) -> _Cand | None:
    """The speaker named before its verb. The parser's subject of the verb first: a
    name in it ("Le porte-parole du Kremlin, Dmitri Peskov, a jugé"), else the mention
    its head is ("Le Kremlin", "она"), else its head as a role noun, deferred ("La
    députée estime"). Without a subject: the last name before the verb, unless a role
    noun comes after that name ("Interrogé sur ... Macron, le porte-parole a indiqué")
    or only an organisation follows the noun ("La cheffe de file des députés RN a
    estimé"): then the role noun, deferred."""
    subject = _subject(doc, cut, cue) if doc is not None else None
    if subject is not None:
        cand = _subject_speaker(doc, text, subject, c, layer, start, end, direct, cue)
        if cand is _NOBODY:
            return None
        if cand is not None and cand.defer == "role":  # a name between noun and verb
            for a, b, t in _typed_mentions(layer):
                name = t == "PERSON" and not _is_pronoun_ref(layer, a, b)
                if name and a >= cand.at[1] and b <= cut:
                    return _Cand(start, end, direct, cue, layer.resolve(a, b))
        if cand is not None:
            return cand
    mentions = [(a, b, t) for a, b, t in _typed_mentions(layer) if a >= s_start and b <= cut]
    nouns = [
        m
        for m in c.person_noun.finditer(text, s_start, cut)
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _ in mentions)
    ]
    noun = nouns[-1] if nouns else None
    if noun is not None:
        later = [(a, b, t) for a, b, t in mentions if a >= noun.end()]
        if not any(t == "PERSON" for _, _, t in later):
            return _Cand(start, end, direct, cue, None, "role", noun.span())
    if mentions:
        speaker = layer.resolve(*mentions[-1][:2])
        if speaker is not None:
            return _Cand(start, end, direct, cue, speaker)
    return None


def _subject(doc, verb_start: int, cue: str) -> tuple[int, int, int, int] | None:
    """The subject before a speech verb: (phrase start, phrase end, head start, head
    end) in characters, from the parse; None when the parser gives none."""
    span = doc.char_span(verb_start, verb_start + len(cue), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    heads = {t.head if t.dep_.startswith("aux") or t.dep_ == "cop" else t for t in span}
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < span.start:
                left, right = child.left_edge, child.right_edge
                end = min(right.idx + len(right.text), verb_start)
                return left.idx, end, child.idx, child.idx + len(child.text)
    return None


def _subject_speaker(doc, text, subject, c: _Cues, layer, start, end, direct, cue) -> _Cand | None:
    """The speaker a parsed subject names; ``_NOBODY`` when the subject names nobody
    known ("Les Brigades ... liées au mouvement de Yasser Arafat ont indiqué": not
    Arafat), None when there is no telling."""
    a0, b0, h0, h1 = subject
    roles = {(r.start, r.end) for r in layer.references if r.kind == "role"}
    inside = [(a, b, t) for a, b, t in _typed_mentions(layer) if a >= a0 and b <= b0]
    heads = doc.char_span(h0, h1, alignment_mode="expand")
    head = heads[0] if heads is not None and len(heads) else None
    for a, b, t in inside:  # a name in the subject: the head, or in apposition to it
        if t != "PERSON" or (a, b) in roles or _is_pronoun_ref(layer, a, b):
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if a <= h0 < b or (
            head is not None
            and span is not None
            and span.root.head.i == head.i
            and span.root.dep_ in _APPOSITION
        ):
            return _Cand(start, end, direct, cue, layer.resolve(a, b))
    for a, b, _ in inside:  # the mention the head is: "Le Kremlin", "она", a role phrase
        if a <= h0 < b:
            return _Cand(start, end, direct, cue, layer.resolve(a, b))
    if head is not None and head.dep_ in _APPOSITION:  # "L'Union ... (UNAPEI)": its noun's
        for a, b, _ in _typed_mentions(layer):
            if a <= head.head.idx < b:
                return _Cand(start, end, direct, cue, layer.resolve(a, b))
    noun = c.person_noun.search(text, max(a0, h0 - 12), h1 + 1)
    if noun is not None and noun.start() <= h0 < noun.end() + 1:
        return _Cand(start, end, direct, cue, None, "role", noun.span())
    if head is not None and (
        head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "PRON" and "1" in head.morph.get("Person"))
    ):
        return _NOBODY  # a noun, or "я", "nous", that names nobody known
    return None


_APPOSITION = ("appos", "flat", "flat:name", "flat:foreign", "compound", "nmod")
_NOBODY = _Cand(-1, -1, False, None, None)  # a subject that names nobody known


def _is_pronoun_ref(layer, a: int, b: int) -> bool:
    return any(r.start == a and r.end == b and r.kind == "pronoun" for r in layer.references)


def _source(text, m, comma, layer, c: _Cues, start, end, direct) -> _Cand | None:
    """The source of "selon X, ...", "по словам X, ...": a person named there first, else
    the last name there; "selon lui", "по его словам", "d'après son communiqué":
    deferred to the last speaker."""
    words = re.findall(r"[\w'’-]+", text[m.end() : comma].lower())
    inner = re.findall(r"[\w-]+", m.group(0).lower())
    if (words and words[0] in c.pronoun_source and len(words) <= 3) or (
        len(inner) > 2 and inner[1] in c.pronoun_source
    ):
        said = set(words) | set(inner)
        kind = "person" if said & c.person_source else "source"
        return _Cand(start, end, direct, m.group(0), None, kind, (m.start(), comma))
    mentions = [(a, b, t) for a, b, t in _typed_mentions(layer) if a >= m.end() and b <= comma + 1]
    roles = {(r.start, r.end) for r in layer.references if r.kind == "role"}
    people = sorted((x for x in mentions if x[2] == "PERSON"), key=lambda x: (x[:2] in roles, x[0]))
    noun = c.person_noun.search(text, m.end(), comma)
    if noun is not None and not any(a >= noun.start() for a, _, _ in people):
        # "selon le ministre, ...", "pour le président du RN, ...": a role, deferred
        return _Cand(start, end, direct, m.group(0), None, "role", noun.span())
    pick = people[0] if people else (mentions[-1] if mentions else None)
    if pick is None:
        return None
    speaker = layer.resolve(pick[0], pick[1])
    return None if speaker is None else _Cand(start, end, direct, m.group(0), speaker)


_CLAUSE_END = re.compile(
    # not the point of an initial or a title: "M. Erdogan", "V. Poutine", "Dr. X", "г. Москва"
    r"(?<!\b[A-ZА-ЯЁ])(?<!\bDr)(?<!\bMe)(?<!\bг)[.;!?]|\s[«„“]"
)


def _clause_end(text: str, i: int, limit: int) -> int:
    m = _CLAUSE_END.search(text, i, limit)
    return m.start() if m else limit


def _mentions(layer, people_only: bool = False) -> list[tuple[int, int]]:
    kinds = ("PERSON",) if people_only else ("PERSON", "ORG")
    spans = [(m.start, m.end) for e in layer.entities for m in e.mentions if e.type in kinds]
    return sorted(set(spans))


def _typed_mentions(layer) -> list[tuple[int, int, str]]:
    """Spans of person and organisation mentions (names, roles, pronouns), with type."""
    spans = {
        (m.start, m.end, e.type)
        for e in layer.entities
        for m in e.mentions
        if e.type in ("PERSON", "ORG")
    }
    return sorted(spans)


def _first_mention(
    layer, start: int, end: int, text: str, people_only: bool = False
) -> Speaker | None:
    for a, b in _mentions(layer, people_only):
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


_WEEKDAYS = re.compile(
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|soir|matin|aussi|également|"
    r"encore|ensuite|enfin|toutefois|cependant|déjà|notamment|также|тоже|ранее|вчера|"
    r"сегодня|уже|(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|"
    r"воскресенье))$",
    re.IGNORECASE,
)
# an inverted subject after the verb, not reported words: "— заявил координатор ..."
_PERSON_START = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:координатор|глава|министр|президент|представитель|директор|"
    r"руководитель|председатель|лидер|эксперт|le |la |l['’])",
    re.IGNORECASE,
)
_ACCUSE = re.compile(r"accus[ée]\w*|обвини\w*|обвиня\w*", re.IGNORECASE)


def _indirect(doc, text, sents, c: _Cues, layer, direct, lang: str) -> list[_Cand]:
    found: list[_Cand] = []
    for s_start, s_end in sents:
        body_end = s_end
        while body_end > s_start and text[body_end - 1] in " \n\t.":
            body_end -= 1
        found += _according(text, s_start, body_end, c, layer)
        found += _trailing_source(text, s_start, body_end, c, layer)
        # "X a indiqué que ..." / "X заявил, что ..." / "..., ajoutant que ..."
        for m in c.verb.finditer(text, s_start, body_end):
            if _not_a_report(text, m, c):
                continue
            that = c.that_after_verb.match(text[m.end() : body_end])
            content_start = m.end() + (that.end() if that else 0)
            if that is None:
                if not (_CALL.search(m.group(0)) or _bare_complement(doc, text, m, body_end)):
                    continue
                content_start = _skip_adverbs(text, m.end(), body_end)
            a, b = _trim(text, content_start, body_end)
            if b - a <= 10 or _inside_direct(a, direct):
                continue
            cand = _before_verb(text, s_start, m.start(), c, layer, a, b, False, m.group(0), doc)
            if cand is not None:
                found.append(cand)
        # "..., ajoutant que ...", "..., назвав его «...»": the sentence's subject goes on
        participles = [*c.participle.finditer(text, s_start, body_end)]
        participles += [
            m
            for m in c.verb.finditer(text, s_start, body_end)
            if _is_participle(m.group(0), c) and not c.participle.fullmatch(m.group(0))
        ]
        for m in participles:
            that = c.that_after_verb.match(text[m.end() : body_end])
            if that is not None:
                content_start = m.end() + that.end()
            elif _bare_complement(doc, text, m, body_end):
                content_start = _skip_adverbs(text, m.end(), body_end)
            else:
                continue
            a, b = _trim(text, content_start, body_end)
            if b - a <= 10 or _inside_direct(a, direct):
                continue
            subject = _root_subject(doc, s_start, s_end)
            if subject is not None and _inside_direct(subject[2], direct):
                subject = None  # the root is the quote's own: "— Турция остается ..., — добавив"
            cand = None
            if subject is not None:
                cand = _subject_speaker(doc, text, subject, c, layer, a, b, False, m.group(0))
            if cand is not _NOBODY:
                found.append(cand or _Cand(a, b, False, m.group(0), None, "inherit", m.span()))
        if c.reflexive is not None:  # "X s'est dit « profondément préoccupé » par ..."
            for m in c.reflexive.finditer(text, s_start, body_end):
                a, b = _trim(text, m.end(), body_end)
                if b - a > 10:
                    cand = _before_verb(
                        text, s_start, m.start(), c, layer, a, b, False, m.group(0), doc
                    )
                    if cand is not None:
                        found.append(cand)
    return found


def _according(text, s_start, body_end, c: _Cues, layer) -> list[_Cand]:
    """The words after "selon X, ...", "по словам X, ...", "X, как сообщила Y, проведет
    ...": the words after the source's comma; none when they hold a speech verb of their
    own ("Selon TASS, X a déclaré que ...": X's words). "Pour X, ..." only opens a
    sentence, and not before an apposition ("Pour Loyola de Palacio, ancienne
    ministre, ...")."""
    found = []
    for m in c.according.finditer(text, s_start, body_end):
        comma = text.find(",", m.end(), body_end)
        if comma < 0 or comma - m.end() > 120:
            continue
        content_start = comma + 1
        if re.match(r"\s*(?:qui|que|qu['’]|dont|où|котор\w+)\b", text[content_start:], re.I):
            continue  # "selon son estimation, qui ...": inside a clause, no source
        if m.group(0).lower() == "pour" and (
            text[s_start : m.start()].strip()
            or c.person_noun.match(text, content_start)
            or re.match(
                r"\s*(?:[\w-]+\s+)?(?:[\w-]+\s+)?(?:ministre|président|commissaire|chef|ancien|ancienne|porte-parole|directeur|directrice|secrétaire)\b",
                text[content_start:],
                re.IGNORECASE,
            )
        ):
            continue
        cand = _source(text, m, comma, layer, c, 0, 0, False)
        # an apposition after the source: "Selon le porte-parole ..., Steffen Hebestreit, les ..."
        nxt = text.find(",", content_start, body_end)
        if m.group(0).lower() == "pour":  # "Pour l'Espagne, Loyola de Palacio, ...": a list
            nxt = -1
        if nxt > 0 and len(text[content_start:nxt].split()) <= 4:
            inner = _first_mention(layer, content_start, nxt, text, people_only=True)
            if inner is not None:
                cand, content_start = _Cand(0, 0, False, m.group(0), inner), nxt + 1
        if cand is None:
            continue
        a, b = _trim(text, content_start, body_end)
        if b - a <= 10 or c.verb.search(text, a, b):
            continue
        cand.start, cand.end = a, b
        found.append(cand)
    return found


def _trailing_source(text, s_start, body_end, c: _Cues, layer) -> list[_Cand]:
    """The source after the words: "..., сообщает телеканал BFMTV.", "..., selon l'agence
    TASS.", "..., отметили во французском МИД.": a speech verb or "selon" after the last
    comma, a name in the few words after it, and the sentence's end."""
    comma = text.rfind(",", s_start, body_end)
    if comma < 0:
        return []
    tail = comma + 1
    while tail < body_end and text[tail] == " ":
        tail += 1
    cue = c.according.match(text, tail) or c.verb.match(text, tail)
    if cue is None and text[tail : tail + 4].lower() == "как ":
        cue = c.verb.match(text, tail + 4)
    if cue is None or len(text[cue.end() : body_end].split()) > 8:
        return []
    if _is_participle(cue.group(0), c) or _ADJECTIVAL.search(cue.group(0).lower()):
        return []
    if text[s_start:comma].rstrip().endswith(("»", "”", "“")):
        return []  # a direct quote's own attribution
    mentions = [(a, b, t) for a, b, t in _typed_mentions(layer) if a >= cue.end() and b <= body_end]
    if not mentions:
        return []
    speaker = layer.resolve(*mentions[0][:2])
    a, b = _trim(text, s_start, comma)
    if speaker is None or len(text[a:b].split()) < 4 or c.verb.search(text, a, b):
        return []
    return [_Cand(a, b, False, cue.group(0), speaker)]


_ADJECTIVAL = re.compile(
    r"(?:ий|ый|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ой|ей|ыми|ими)$"
)


def _is_participle(word: str, c: _Cues) -> bool:
    """ "ajoutant", "назвав", "заявив": a participle, whose subject is the sentence's."""
    if c.participle.fullmatch(word):
        return True
    return bool(re.fullmatch(r"[а-яё]+(?:[аяиеу]в|вши|вшись)", word.lower()))


def _not_a_report(text: str, m: re.Match[str], c: _Cues) -> bool:
    """A verb match that reports nothing itself: "как пишет X" (a source, handled as
    such), a participle ("ajoutant", "назвав": the sentence's subject speaks), a
    Russian participle used as an adjective ("призванных", "считающему")."""
    word = m.group(0).split()[-1]
    if _is_participle(word, c):
        return True
    if re.search(r"(?:^|\s)как\s+$", text[max(0, m.start() - 5) : m.start()], re.IGNORECASE):
        return True
    return bool(re.search("[а-яё]", word, re.IGNORECASE) and _ADJECTIVAL.search(word.lower()))


def _root_subject(doc, s_start: int, s_end: int) -> tuple[int, int, int, int] | None:
    """The subject of a sentence's root, from the parse."""
    span = doc.char_span(s_start, s_end, alignment_mode="expand")
    if span is None:
        return None
    for sent in span.sents:
        root = sent.root
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < root.i:
                left, right = child.left_edge, child.right_edge
                end = min(right.idx + len(right.text), root.idx)
                return left.idx, end, child.idx, child.idx + len(child.text)
        return None
    return None


def _skip_adverbs(text: str, i: int, limit: int) -> int:
    """Past a verb's adverbs of time ("a jugé mardi «prématuré»")."""
    while True:
        m = re.compile(r"\s*((?:в|во)\s+[\w-]+|[\w-]+)", re.IGNORECASE).match(text, i, limit)
        if m is None or not _WEEKDAYS.match(m.group(1)):
            return i
        i = m.end()


def _bare_complement(doc, text: str, verb, limit: int) -> bool:
    """Reported words without "que"/"что": an infinitive ("a affirmé avoir repoussé",
    "потребовал ускорить"), "accuser X de ...", or a quoted fragment ("a jugé
    «prématuré» tout pronostic", "назвал ситуацию «моментом ...»")."""
    start = _skip_adverbs(text, verb.end(), limit)
    span = doc.char_span(start, limit, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    if first.pos_ in ("VERB", "AUX") and "Inf" in first.morph.get("VerbForm"):
        return True
    if first.lower_ == "ne" and len(span) > 2 and "Inf" in span[2].morph.get("VerbForm"):
        return True
    rest = text[start:limit]
    if first.pos_ == "ADP" or _PERSON_START.match(rest):
        return False  # "сказал в интервью ...", "заявил координатор движения ...": no words
    if _ACCUSE.fullmatch(verb.group(0).split()[-1]) and re.search(r"\b(?:de|d['’]|в)\s", rest[:80]):
        return True
    return bool(re.search(r"[«“„]", rest[:40])) and len(rest.split()) >= 3


def _inside_direct(pos: int, direct: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in direct)


def _dedupe(quotes: list[Quote], text: str) -> list[Quote]:
    """One quote per stretch of text. A quoted fragment inside reported words ("Moscou
    reste «ouvert aux contacts» avec les pays ...": a word or more outside the
    marks) belongs to the indirect quote; otherwise the direct quote wins."""
    fragments = {
        id(d)
        for d in quotes
        if d.direct
        for q in quotes
        if not q.direct
        and q.start <= d.start
        and d.end <= q.end
        and len(re.findall(r"\w+", text[q.start : d.start] + " " + text[d.end : q.end])) >= 1
    }
    kept: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (not q.direct, q.start)):
        if id(q) in fragments:
            continue
        if any(
            q.start < k.end and k.start < q.end and (k.direct or q.direct is False) for k in kept
        ):
            continue
        kept.append(q)
    return kept
