"""Tenure clues for dating an article: the days the actor knowledge base allows.

A person named with a role ("French President Emmanuel Macron", "Macron, the French
president") or a definite role phrase near a holder's name ("the French
president-elect" near "Macron") puts the day inside that tenure; the tenures of all
such clues intersect (:func:`intersect_clues`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.kb.model import Actor, KnowledgeBase
from newsgraph.kb.phrases import RolePhrase, parse_role_phrase
from newsgraph.kb.resolve import lookup_name

Interval = tuple[date, date]
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class Clue:
    """A constraint: the days it allows (a union of intervals) and a readable reason."""

    spans: tuple[Interval, ...]
    evidence: str
    weight: float = 0.5
    office: str | None = None  # the role held ("president@USA"), for tenure clues


def latest_holders(clues: list[Clue]) -> list[Clue]:
    """Tenure clues without those of an office's earlier holders.

    "President Barack Obama" beside "President Donald Trump" is history told with its
    title: the article is in the later tenure, not on the one day both touch."""
    latest: dict[str, date] = {}
    for clue in clues:
        if clue.office:
            latest[clue.office] = max(latest.get(clue.office, EARLIEST), clue.spans[0][0])
    return [
        c for c in clues if not (c.office and latest[c.office] > c.spans[-1][1] - timedelta(days=1))
    ]


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


_NAME_RUN = re.compile(
    r"[A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|(?:de|da|van|von|al|bin|le|la)\b))*"
)
_BREAK = re.compile(r"[;:!?\"“”()\[\]\n]|\.\s|,\s*(?:and|but|who|which|said|says)\b")
_ROLE_WORD = re.compile(
    r"\b(?:president[- ]elect|president|prime minister|premier|chancellor|foreign minister"
    r"|spokes(?:man|woman|person)|secretary of state|leader)\b",
    re.I,
)


NAME_WORDS = 6


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
    return history_set_aside(latest_holders(list(dict.fromkeys(clues))))


HANDOVER = timedelta(days=31)


def history_set_aside(clues: list[Clue]) -> list[Clue]:
    """Tenure clues without those that ended before (or within a month after) another
    began: "appointed by President Bill Clinton" beside "President Donald Trump" is
    history told with its title.

    A tenure's start is a hard bound (on the dev split 2 of 1,843 tenure clues named a
    day before it), its end a soft one (96 were after it: the title outlives the
    office in the text); so of two tenures that do not overlap, the later is kept."""
    if len(clues) < 2:
        return clues
    latest = max(c.spans[0][0] for c in clues)
    return [c for c in clues if c.spans[0][0] == latest or c.spans[-1][1] > latest + HANDOVER]


def find_people(text: str, kb: KnowledgeBase) -> list[NameMention]:
    """Names of KB persons: in each run of capitalised words, the longest parts that are names."""
    found = []
    seen: dict[str, list[Actor]] = {}
    for run in _NAME_RUN.finditer(text):
        words = [(w.start(), w.group().rstrip(".,'’")) for w in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            hit = _longest_name(kb, run.group(), words, i, seen)
            if hit is None:
                i += 1
                continue
            j, name, actors = hit
            start = run.start() + words[i][0]
            found.append(NameMention(start, start + len(name), tuple(actors[:3])))
            i = j
    return found


def _longest_name(
    kb: KnowledgeBase,
    run: str,
    words: list[tuple[int, str]],
    i: int,
    seen: dict[str, list[Actor]],
) -> tuple[int, str, list[Actor]] | None:
    """(end word index, name, actors) for the longest name starting at word ``i``, or None.

    Names run to ``NAME_WORDS`` words (as the KB's longest), so a long run of
    capitalised words (a title-cased or all-caps text) costs linear time, not cubic."""
    for j in range(min(len(words), i + NAME_WORDS), i, -1):
        last_start, last = words[j - 1]
        name = run[words[i][0] : last_start + len(last)]
        if name not in seen:  # the same words recur: look each up once an article
            seen[name] = lookup_name(kb, name) if len(name) > 2 else []
        actors = seen[name]
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
            if not (found and spans):
                continue
            bygone = _BYGONE.search(f"{_lead(phrase, found[1], side)} {found[1]}".strip())
            if bygone is None:
                why = f"'{found[1]}' {name}: {_spans_text(spans)}"
                return Clue(spans, why, 0.8, _office(found[0]))
            if bygone.group(1).lower() in ("then", "late"):
                return None  # history: says nothing of the article's day
            after = _after_tenure(spans, today)
            if not after:
                return None  # the KB has the role still held: no bound
            why = f"'{bygone.group(0).strip()} {found[1]}' {name}: after {after[0][0].isoformat()}"
            return Clue(after, why, 0.8)
    return None


_BYGONE = re.compile(r"^(?:\S+\s+)?(former|ex|erstwhile|onetime|one-time|then|late)\b[\s-]*", re.I)


def _lead(phrase: str, run: str, side: str) -> str:
    """The words of ``phrase`` before the parsed role ``run`` ("Former" of "Former US
    President"); after a name, the words opening the apposition (", the former ...")."""
    flat = " ".join(phrase.replace("’", "'").split())
    at = flat.rfind(run) if side == "before" else flat.find(run)
    return flat[:at].split()[-1] if at > 0 and flat[:at].split() else ""


def _after_tenure(spans: tuple[Interval, ...], today: date) -> tuple[Interval, ...]:
    """The days after the first tenure began that no tenure covers: when a 'former'
    holder can be called so."""
    gaps = [
        (hi + timedelta(days=1), lo - timedelta(days=1))
        for (_, hi), (lo, _) in zip(spans, spans[1:], strict=False)
    ]
    gaps.append((spans[-1][1] + timedelta(days=1), today))
    return tuple((lo, hi) for lo, hi in gaps if lo <= hi)


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
    starts = [m.start for m in mentions]  # in text order: the near ones by bisection
    for match in _ROLE_WORD.finditer(text):
        head = text[max(0, match.start() - 40) : match.end()]
        phrase = re.search(
            r"\bthe\s+(?:[\w.'’-]+\s+){0,3}?" + re.escape(match.group()) + "$", head, re.I
        )
        parsed = parse_role_phrase(kb, phrase.group()) if phrase else None
        if phrase is None or parsed is None:
            continue
        window = mentions[
            bisect_left(starts, match.start() - 399) : bisect_right(starts, match.start())
        ]
        near = [m for m in window if m.end <= match.start()]
        holders = {
            (m.actors[0].id, m.actors[0].name): _held(m.actors[0], parsed, today) for m in near
        }
        spans = tuple(sorted(s for ss in holders.values() for s in ss))
        if spans and len([1 for ss in holders.values() if ss]) == 1:
            name = next(n for (i, n), ss in holders.items() if ss)
            why = f"'{phrase.group()}' near {name}: {_spans_text(spans)}"
            clues.append(Clue(spans, why, 0.6, _office(parsed)))
    return clues


def _office(parsed: RolePhrase) -> str:
    return f"{'/'.join(parsed.roles)}@{parsed.where}"


def _spans_text(spans: tuple[Interval, ...]) -> str:
    """Spans as 'lo..hi', touching spans merged."""
    return ", ".join(f"{lo.isoformat()}..{hi.isoformat()}" for lo, hi in merge_spans(spans))


# --------------------------------------------------------------------------- early in a tenure

# phrases that put the article early in someone's tenure, with the days around the
# tenure's start they allow (before, after): "Trump's first 100 days" is talked of from
# the campaign's last months on, "since taking office last month" only after the start
_EARLY_IN_OFFICE = (
    # someone's first 100 days ("Trump's", "his"), not a war's or a project's
    (re.compile(r"(?:['’]s|\bhis|\bher) first (?:100|hundred) days\b", re.I), 90, 365),
    (
        re.compile(
            r"\b(?:since|after) (?:taking|(?:he|she) took|assuming|entering) office"
            r"(?: (?:last month|in January|(?:\w+ )?(?:weeks?|months?|days?) ago))\b"
            r"|\b(?:days|weeks|a month|months|\w+ (?:months|weeks)) (?:after|since|into)"
            r" (?:taking office|(?:his|her) (?:inauguration|presidency|term|administration)"
            r"|being sworn in|(?:he|she) (?:was sworn in|took office))\b"
            r"|\b(?:first|opening|early) (?:few )?(?:days|weeks|months|month|week)"
            r" (?:in office|of (?:his|her|the) (?:presidency|administration|term|tenure))\b"
            r"|\b(?:took office|was sworn in|was inaugurated) (?:last month|in January)\b",
            re.I,
        ),
        0,
        365,
    ),
)
# roles one does not take office in: their start is no inauguration
_NOT_AN_OFFICE = frozenset({"opposition_leader", "party_leader", "president_elect"})


def with_early_tenure(text: str, kb: KnowledgeBase, today: date, tenures: list[Clue]) -> list[Clue]:
    """The tenure clues and, when the text says so, the days early in an office:
    'Trump's first 100 days', 'since taking office last month' put the article near the
    start of an office of the person named before the phrase in its sentence (else of
    the tenure the text names with its title that starts latest), one window per such
    start. A tenure ending within a month of that start is the predecessor named with
    his title ("President Obama" beside "Trump's first 100 days") and is set aside.

    A person who took office twice (Trump in 2017 and 2025) gives two windows: other
    clues must choose between them."""
    for pattern, before, after in _EARLY_IN_OFFICE:
        for match in pattern.finditer(text):
            # "the government's first 100 days" names no holder: no fallback to a tenure
            named = match.group().startswith(("'", "’"))
            found = _office_starts_before(text, match.start(), kb, today, tenures, named)
            if found is None:
                continue
            name, starts = found
            spans = merge_spans(
                (s - timedelta(days=before), min(s + timedelta(days=after), today)) for s in starts
            )
            since = ", ".join(s.isoformat() for s in starts)
            phrase = re.sub(r"^['’]s\s+", "", match.group())
            why = f"'{phrase}' ({name}, in office from {since}): {_spans_text(spans)}"
            kept = [
                c
                for c in tenures
                if not any(abs((c.spans[-1][1] - s).days) <= HANDOVER.days for s in starts)
            ]
            return [*kept, Clue(spans, why, 0.75)]
    return tenures


def _office_starts_before(
    text: str, at: int, kb: KnowledgeBase, today: date, tenures: list[Clue], named: bool
) -> tuple[str, list[date]] | None:
    """(name, the days they took an office) for the person named last before ``at`` in
    its sentence, else (unless the phrase must be ``named``) for the tenure clue that
    starts latest, else None."""
    head = text[max(0, at - 200) : at]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
    sentence = re.sub(r"['’]s\b", "  ", head[cut + 1 :])  # "Trump's" -> "Trump  "
    people = find_people(sentence, kb)
    if people:
        actor = people[-1].actors[0]
        starts = sorted(
            {r.start for r in actor.roles if r.role not in _NOT_AN_OFFICE and r.start <= today}
        )
        return (actor.name, starts) if starts else None
    offices = [c for c in tenures if c.office and "elect" not in c.office]
    if named or not offices:
        return None
    latest = max(offices, key=lambda c: c.spans[-1][0])
    return latest.evidence.split(":")[0], [lo for lo, _ in latest.spans]
