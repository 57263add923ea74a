"""The day an undated article reports on, inferred from its own text.

Every clue is a constraint on the candidate day, and the answer names each clue used:

* explicit full dates and datelines ("ST. PETERSBURG, April 24." + a year from elsewhere);
* a weekday with a month-day ("Monday, February 7" is a Monday in 2011, 2022 and 2028);
* the actor knowledge base: a person named with a role ("French President Emmanuel
  Macron", "Macron, the French president", "the French president-elect" near
  "Macron") puts the day inside that tenure; the tenures of all such clues intersect;
* anchored references: "75 years ago" or "the 75th anniversary" beside a well-known
  dated event (``data/anchors.json``) gives the same month-day N years on;
* a weekday the article reports ("on Monday") picks the day inside a narrow window
  or checks a dateline.

Without evidence the answer is ``None``: nothing is guessed.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from newsgraph.extractors.times import find_times
from newsgraph.extractors.timex_calendar import nearest_year, number_value, safe_date
from newsgraph.extractors.timex_lexicon import WEEKDAYS
from newsgraph.ingest.meta import find_dateline
from newsgraph.kb.load import default_kb
from newsgraph.kb.model import Actor, KnowledgeBase
from newsgraph.kb.phrases import RolePhrase, parse_role_phrase
from newsgraph.kb.resolve import lookup_name
from newsgraph.records import Published, TimeExpr

Interval = tuple[date, date]
EARLIEST = date(1900, 1, 1)
ANCHORS_PATH = Path(__file__).with_name("data") / "anchors.json"
_FULL_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
_WEEKDAY_ONLY = re.compile(r"XXXX-WXX-([1-7])")
_YEARISH = re.compile(r"(\d{4})(?:-\d\d)?")


@dataclass(frozen=True, slots=True)
class Clue:
    """A constraint: the days it allows (a union of intervals) and a readable reason."""

    spans: tuple[Interval, ...]
    evidence: str
    weight: float = 0.5


@dataclass
class Context:
    """What the day finders share: the text, its time expressions and the KB window."""

    text: str
    times: list[TimeExpr]
    today: date
    window: tuple[Interval, ...]
    window_evidence: list[str] = field(default_factory=list)
    weekdays: set[int] = field(default_factory=set)
    ref_years: list[int] = field(default_factory=list)
    main_weekdays: set[int] = field(default_factory=set)

    def allows(self, day: date) -> bool:
        return any(lo <= day <= hi for lo, hi in self.window)

    def because(self, *reasons: str) -> str:
        return "; ".join(dict.fromkeys([*reasons, *self.window_evidence]))


# --------------------------------------------------------------------------- public API


def infer_publication_date(
    text: str,
    times: list[TimeExpr] | None = None,
    *,
    kb: KnowledgeBase | None = None,
    near_year: int | None = None,
    today: date | None = None,
) -> Published | None:
    """The day an undated article reports on, from its text alone; None without evidence.

    ``times`` are its time expressions found without an anchor (found here when
    None); ``kb`` the actor knowledge base (the shipped one when None);
    ``near_year`` a year hint from elsewhere; ``today`` the latest possible day.
    """
    times = find_times(text, anchor=None) if times is None else times
    ctx = build_context(text, times, kb or default_kb(), today or date.today())
    if near_year is not None and not ctx.ref_years:
        ctx.ref_years = [near_year]
    for finder in FINDERS:
        found = finder(ctx)
        if found is not None:
            return found
    return None


def event_date(
    sentence_start: int, sentence_end: int, times: list[TimeExpr], published: str | None
) -> str | None:
    """The day a sentence's quote or event happened: a day-precise DATE inside it, else None.

    An expression opening the sentence governs its clause ("On January 28, Lavrov
    said") and wins; otherwise the first one (nearest the reporting verb, as a rule).
    Unresolved month-days (``XXXX-01-28``) take the year nearest ``published``.
    """
    inside = [t for t in times if sentence_start <= t.start and t.end <= sentence_end]
    days = [(t, d) for t in inside if (d := _day_value(t, published)) is not None]
    if not days:
        return None
    governing = [(t, d) for t, d in days if t.start - sentence_start <= len("On ")]
    return (governing or days)[0][1]


# --------------------------------------------------------------------------- context


def build_context(text: str, times: list[TimeExpr], kb: KnowledgeBase, today: date) -> Context:
    """The shared view: the tenure window, the weekdays reported and the years named."""
    window, evidence = intersect_clues(role_clues(text, kb, today), today)
    named = [
        int(m[1]) - 1
        for t in times
        if (m := _WEEKDAY_ONLY.match(t.value or "")) and t.type != "SET"
    ]
    years = sorted({int(m[1]) for t in times if (m := _YEARISH.fullmatch((t.value or "")[:10]))})
    ctx = Context(text, times, today, window, evidence, set(named))
    ctx.ref_years = [y for y in years if y <= today.year]
    ctx.main_weekdays = _most_named(named)
    return ctx


def _most_named(weekdays: list[int]) -> set[int]:
    """The weekdays the text names most often (the day a report is about, as a rule)."""
    counts = {w: weekdays.count(w) for w in weekdays}
    return {w for w, n in counts.items() if n == max(counts.values())} if counts else set()


def intersect_clues(clues: list[Clue], today: date) -> tuple[tuple[Interval, ...], list[str]]:
    """The days every clue allows, strongest first; a clue that would leave none is set aside."""
    window: tuple[Interval, ...] = ((EARLIEST, today),)
    used: list[str] = []
    for clue in sorted(clues, key=lambda c: -c.weight):
        narrowed = _intersect(window, clue.spans)
        if narrowed and narrowed != window:
            window = narrowed
            used.append(clue.evidence)
    return window, used


def _intersect(a: tuple[Interval, ...], b: tuple[Interval, ...]) -> tuple[Interval, ...]:
    out = [(max(lo1, lo2), min(hi1, hi2)) for lo1, hi1 in a for lo2, hi2 in b]
    return merge_spans([(lo, hi) for lo, hi in out if lo <= hi])


def merge_spans(spans: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[list[date]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return tuple((lo, hi) for lo, hi in merged)


# --------------------------------------------------------------------------- KB tenures

_NAME_RUN = re.compile(
    r"[A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|(?:de|da|van|von|al|bin|le|la)\b))*"
)
_BREAK = re.compile(r"[;:!?\"“”()\[\]\n]|\.\s|,\s*(?:and|but|who|which|said|says)\b")
_ROLE_WORD = re.compile(
    r"\b(?:president[- ]elect|president|prime minister|premier|chancellor|foreign minister"
    r"|spokes(?:man|woman|person)|secretary of state|leader)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int
    end: int
    actors: tuple[Actor, ...]  # best first


def role_clues(text: str, kb: KnowledgeBase, today: date) -> list[Clue]:
    """Tenure clues: persons named with a role they held, and definite role phrases near them."""
    mentions = find_people(text, kb)
    clues = [c for m in mentions if (c := _stated_role_clue(text, m, kb, today))]
    clues += _nearby_role_clues(text, mentions, kb, today)
    return clues


def find_people(text: str, kb: KnowledgeBase) -> list[NameMention]:
    """Names of KB persons: in each run of capitalised words, the longest parts that are names."""
    found = []
    for run in _NAME_RUN.finditer(text):
        words = [(w.start(), w.group().rstrip(".,'’")) for w in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            hit = _longest_name(kb, run.group(), words, i)
            if hit is None:
                i += 1
                continue
            j, name, actors = hit
            start = run.start() + words[i][0]
            found.append(NameMention(start, start + len(name), tuple(actors[:3])))
            i = j
    return found


def _longest_name(
    kb: KnowledgeBase, run: str, words: list[tuple[int, str]], i: int
) -> tuple[int, str, list[Actor]] | None:
    """(end word index, name, actors) for the longest name starting at word ``i``, or None."""
    for j in range(len(words), i, -1):
        last_start, last = words[j - 1]
        name = run[words[i][0] : last_start + len(last)]
        actors = lookup_name(kb, name) if len(name) > 2 else []
        if actors:
            return j, name, actors
    return None


def _stated_role_clue(
    text: str, mention: NameMention, kb: KnowledgeBase, today: date
) -> Clue | None:
    """A role phrase in the title before the name or an apposition beside it, held by the person."""
    name = text[mention.start : mention.end]
    for phrase, side in _phrases_around(text, mention):
        for actor in mention.actors:
            found = _parse_loose(kb, phrase, None, side) or _parse_loose(
                kb, phrase, actor.country, side
            )
            spans = _held(actor, found[0], today) if found else ()
            if found and spans:
                return Clue(spans, f"'{found[1]}' {name}: {_spans_text(spans)}", 0.8)
    return None


def _phrases_around(text: str, mention: NameMention) -> list[tuple[str, str]]:
    """(phrase, side): the title before a name, or an apposition before or after it."""
    before = text[max(0, mention.start - 90) : mention.start]
    cut = list(_BREAK.finditer(before))
    before = before[cut[-1].end() :] if cut else before
    if before.rstrip().endswith(","):
        before = before.rstrip()[:-1]
    phrases = [(before.split(",")[-1], "before")]
    after = text[mention.end : mention.end + 80]
    if after.startswith(","):
        phrases.append((re.split(r"[,.;:!?\n]", after[1:])[0], "after"))
    return [(p, side) for p, side in phrases if p.strip()]


_GENERIC_NOUNS = frozenset({"movement", "party", "bloc", "alliance", "group", "coalition"})


def _parse_loose(
    kb: KnowledgeBase, phrase: str, country: str | None, side: str
) -> tuple[RolePhrase, str] | None:
    """The longest role phrase touching the name, and its words, or None.

    Before a name the phrase must end the text ("... French President"), after it it
    must open it (", the French president"). Possessors are dropped first ("France's
    En Marche" -> "En Marche"), then kept as a plain word; a closing generic noun
    ("movement") may go; ``country`` is the default for a phrase naming none.
    """
    base = phrase.replace("’", "'").replace("!", " ")
    dropped = re.sub(r"\b\w+'s?\s+(?=[A-Z])", "", base).split()
    kept = re.sub(r"'s\b", "", base).split()
    variants = [dropped, kept]
    variants += [w[:-1] for w in (dropped, kept) if w and w[-1].lower() in _GENERIC_NOUNS]
    for words in variants:
        for size in range(min(len(words), 8), 0, -1):
            i = len(words) - size if side == "before" else 0
            run = " ".join(words[i : i + size])
            if run:
                parsed = parse_role_phrase(kb, run, country=country)
                if parsed is not None:
                    return parsed, run
    return None


def _held(actor: Actor, parsed: RolePhrase, today: date) -> tuple[Interval, ...]:
    """The spans in which the actor held one of the parsed roles, where the phrase says."""
    spans = [
        (r.start, r.end or today)
        for r in actor.roles
        if r.role in parsed.roles and parsed.where in (r.country, r.org)
    ]
    return merge_spans(spans)


def _nearby_role_clues(
    text: str, mentions: list[NameMention], kb: KnowledgeBase, today: date
) -> list[Clue]:
    """'the French president-elect' with a holder of that role named within a few sentences."""
    clues = []
    for match in _ROLE_WORD.finditer(text):
        head = text[max(0, match.start() - 40) : match.end()]
        phrase = re.search(
            r"\bthe\s+(?:[\w.'’-]+\s+){0,3}?" + re.escape(match.group()) + "$", head, re.I
        )
        parsed = parse_role_phrase(kb, phrase.group()) if phrase else None
        if parsed is None:
            continue
        near = [
            m for m in mentions if abs(m.start - match.start()) < 400 and m.end <= match.start()
        ]
        holders = {
            (m.actors[0].id, m.actors[0].name): _held(m.actors[0], parsed, today) for m in near
        }
        spans = tuple(sorted(s for ss in holders.values() for s in ss))
        if spans and len([1 for ss in holders.values() if ss]) == 1:
            name = next(n for (i, n), ss in holders.items() if ss)
            clues.append(Clue(spans, f"'{phrase.group()}' near {name}: {_spans_text(spans)}", 0.6))
    return clues


def _spans_text(spans: tuple[Interval, ...]) -> str:
    """Spans as 'lo..hi', touching spans merged."""
    return ", ".join(f"{lo.isoformat()}..{hi.isoformat()}" for lo, hi in merge_spans(spans))


# --------------------------------------------------------------------------- day finders


def from_dateline_full_date(ctx: Context) -> Published | None:
    """A full date in the dateline, or a dateline month-day with its own year."""
    for t in ctx.times:
        if t.value and _FULL_DAY.fullmatch(t.value) and _is_dateline(ctx.text, t):
            return Published(t.value, "inferred", 0.9, f"dateline '{t.text}'")
    return None


def from_anchor_event(ctx: Context) -> Published | None:
    """'75 years ago' / 'the 75th anniversary of' beside a well-known dated event."""
    for sentence in re.finditer(r"[^.!?\n]+", ctx.text):
        found = anchored_day(sentence.group())
        if found is not None and ctx.allows(found[0]):
            return Published(found[0].isoformat(), "inferred", found[1], ctx.because(found[2]))
    return None


def from_dateline_month_day(ctx: Context) -> Published | None:
    """A dateline's month-day in the year the text or the tenure window allows."""
    line = find_dateline(ctx.text)
    if line is None or line.month is None or line.day is None:
        return None
    if line.year:
        day = safe_date(line.year, line.month, line.day)
        return (
            Published(day.isoformat(), "inferred", 0.9, f"dateline '{line.text}'") if day else None
        )
    day = _pick_year(ctx, line.month, line.day, weekdays=ctx.main_weekdays)
    if day is None:
        return None
    why = [f"dateline '{line.text.strip()}'"] + _weekday_note(ctx, day)
    return Published(day.isoformat(), "inferred", 0.75, ctx.because(*why, *_year_note(ctx, day)))


def from_weekday_month_day(ctx: Context) -> Published | None:
    """'Monday, February 7': the year where weekday and month-day agree, inside the window."""
    for t in ctx.times:
        m = _MONTH_DAY.fullmatch(t.value or "")
        weekday = WEEKDAYS.get(t.text.split()[0].strip(",.").lower()) if m else None
        if m is None or weekday is None:
            continue
        day = _pick_year(ctx, int(m[1]), int(m[2]), weekdays={weekday}, strict=True)
        if day is not None:
            why = f"'{t.text}' is a {day:%A} in {day.year}"
            return Published(
                day.isoformat(), "inferred", 0.7, ctx.because(why, *_year_note(ctx, day))
            )
    return None


def from_full_date_and_weekday(ctx: Context) -> Published | None:
    """A full date in the text whose weekday the text also names ('on Friday')."""
    for t in ctx.times:
        if t.value and _FULL_DAY.fullmatch(t.value):
            day = date.fromisoformat(t.value)
            if day.weekday() in ctx.weekdays and ctx.allows(day):
                why = f"full date '{t.text}' is a {day:%A}, as the text says"
                return Published(day.isoformat(), "inferred", 0.6, ctx.because(why))
    return None


def from_narrow_window(ctx: Context) -> Published | None:
    """A tenure window of days ('president-elect') and the weekday the article reports."""
    if len(ctx.window) != 1 or not ctx.weekdays:
        return None
    lo, hi = ctx.window[0]
    if (hi - lo).days > 10:
        return None
    for offset in range((hi - lo).days + 1):
        day = lo + timedelta(days=offset)
        if day.weekday() in ctx.weekdays:
            why = f"'on {day:%A}' inside that window"
            return Published(
                day.isoformat(), "inferred", 0.6, "; ".join([*ctx.window_evidence, why])
            )
    return None


FINDERS = [
    from_dateline_full_date,
    from_anchor_event,
    from_dateline_month_day,
    from_weekday_month_day,
    from_full_date_and_weekday,
    from_narrow_window,
]


# --------------------------------------------------------------------------- helpers


def _pick_year(
    ctx: Context, month: int, day: int, *, weekdays: set[int], strict: bool = False
) -> date | None:
    """The month-day in an allowed year: weekday-agreeing first, then nearest a named year.

    With no named year the window must leave a single candidate. ``strict`` drops
    candidates whose weekday disagrees instead of only ranking them lower.
    """
    years = range(EARLIEST.year, ctx.today.year + 1)
    days = [d for y in years if (d := safe_date(y, month, day)) and ctx.allows(d)]
    agreeing = [d for d in days if d.weekday() in weekdays]
    if agreeing or strict:
        days = agreeing
    if not days:
        return None
    if ctx.ref_years:
        ref = max(ctx.ref_years)  # reporting texts mostly name years up to their own
        return min(days, key=lambda d: abs(d.year - ref) + (10 if d.year < ref - 1 else 0))
    return days[0] if len(days) == 1 else None


def _weekday_note(ctx: Context, day: date) -> list[str]:
    return [f"'{day:%A}' in the text"] if day.weekday() in ctx.weekdays else []


def _year_note(ctx: Context, day: date) -> list[str]:
    return [f"year {max(ctx.ref_years)} named"] if ctx.ref_years else []


_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Za-z.' -]{1,40}(?:\([^)]*\))?,?[ \t]*(?:[A-Z][a-z]+,[ \t]*)?$"
)


def _is_dateline(text: str, expr: TimeExpr) -> bool:
    """A date opening the text or after a capitalised place on its line, then '.', '/' or a dash."""
    after = text[expr.end : expr.end + 3]
    if expr.start > 600 or not re.match(r"\s*(?:[./(]|--|_|\u2014)", after):
        return False
    return expr.start < 3 or bool(
        _DATELINE_BEFORE.search(text, max(0, expr.start - 60), expr.start)
    )


def _day_value(expr: TimeExpr, published: str | None) -> str | None:
    """A day-precise value of a DATE/TIME expression; a yearless month-day takes a nearby year."""
    value = expr.value or ""
    if expr.type not in ("DATE", "TIME"):
        return None
    if _FULL_DAY.match(value):
        return value[:10]
    m = _MONTH_DAY.fullmatch(value)
    anchor = _FULL_DAY.match(published or "")
    if m and anchor:
        found = nearest_year(date.fromisoformat(anchor.group()), int(m[1]), int(m[2]), "past", None)
        return found.isoformat() if found else None
    return None


# --------------------------------------------------------------------------- anchored events


@functools.cache
def anchor_events() -> tuple[tuple[date, re.Pattern[str], str], ...]:
    """The well-known dated events of ``data/anchors.json``: (day, name pattern, first name)."""
    data = json.loads(ANCHORS_PATH.read_text(encoding="utf-8"))
    events = []
    for entry in data["events"]:
        names = sorted(entry["names"], key=len, reverse=True)
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I
        )
        events.append((date.fromisoformat(entry["date"]), pattern, entry["names"][0]))
    return tuple(events)


_YEARS_AGO = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years\s+ago\b", re.I)
_ANNIVERSARY = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\b", re.I)


def anchored_day(sentence: str) -> tuple[date, float, str] | None:
    """The day a sentence counts from a known event: (day, confidence, evidence), or None."""
    for when, pattern, label in anchor_events():
        named = pattern.search(sentence)
        if not named:
            continue
        count = _YEARS_AGO.search(sentence) or _ANNIVERSARY.search(sentence)
        years = number_value(count["n"].lower()) if count else None
        if not years or years != int(years):
            continue
        day = safe_date(when.year + int(years), when.month, when.day)
        if day is None:
            continue
        same_day = bool(re.search(r"\bsame day\b|\bthis day\b|\bto the day\b", sentence, re.I))
        why = f"'{count.group()}' + {named.group()} ({label}, {when.isoformat()})"
        return day, 0.8 if same_day else 0.5, why
    return None
