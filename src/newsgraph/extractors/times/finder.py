"""Time expressions in English news text, normalised to TimeML (TIMEX3) values.

``find_times(text, anchor=...)`` finds dates, times, durations and sets with
regular expressions (no parser, no model) and gives each a TIMEX3 value resolved
against the anchor, the article's publication date:

* absolute dates keep their value ("March 24, 2017" -> ``2017-03-24``);
* month-days and weekdays take the year / week nearest the anchor, leaning to the
  past in reporting (past tense) sentences and to the future after "will"/"next";
  a weekday given with a month-day picks the year where the two agree;
* relative expressions do arithmetic on the anchor ("last week" -> ``2017-W16``,
  "two years ago" -> ``2015``); without an anchor they keep no value;
* ages ("75-year-old"), prices ("$2014") and percentages ("75%") are not dates.

The rules (one regex and one value function each) live by expression family in
:mod:`timex_dates`, :mod:`timex_relative` and :mod:`timex_durations`, built on
:mod:`timex_lexicon` and :mod:`timex_calendar`; the engine here keeps the longest
non-overlapping spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from newsgraph.errors import Code, IngestError
from newsgraph.extractors.times.calendar_rules import Context, Rule
from newsgraph.extractors.times.dates import DATE_RULES
from newsgraph.extractors.times.durations import DURATION_RULES, SET_RULES
from newsgraph.extractors.times.firstchars import Openings
from newsgraph.extractors.times.relative import RELATIVE_RULES
from newsgraph.records import TimeExpr

_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
RULES: list[Rule] = DATE_RULES + RELATIVE_RULES + DURATION_RULES + SET_RULES
_OPENINGS = Openings([rule.pattern for rule in RULES])


def parse_anchor(anchor: str | None) -> date | None:
    """The anchor as a date; ``None`` stays ``None``; a malformed anchor is an input error."""
    if anchor is None or anchor == "":
        return None
    found = _ISO_DAY.match(str(anchor).strip())
    if not found:
        raise IngestError(Code.BAD_OPTION, f"anchor date is not ISO YYYY-MM-DD: {anchor!r}")
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError as exc:
        raise IngestError(Code.BAD_OPTION, f"anchor date {anchor!r}: {exc}") from exc


def find_times(text: str, *, anchor: str | None, lang: str = "en") -> list[TimeExpr]:
    """Time expressions in ``text``, each with a TIMEX3 value resolved against ``anchor``.

    ``anchor`` is the publication date (``YYYY-MM-DD``) or ``None``. Only English is
    supported; other languages give an empty list. Spans never overlap and
    ``text[e.start:e.end] == e.text`` holds for every expression returned.
    """
    if not text or not lang.lower().startswith("en"):
        return []
    ctx = Context(text=text, anchor=parse_anchor(anchor))
    candidates: list[TimeExpr] = []
    for index, match in _OPENINGS.finditer(text):  # each rule's finditer, tried at fewer offsets
        found = RULES[index].resolve(match, ctx)
        if found is None:
            continue
        start, end = _span_of(match)
        value, kind = found
        candidates.append(TimeExpr(start, end, text[start:end], value, kind))
    return _longest_without_overlap(candidates)


def _span_of(match: re.Match[str]) -> tuple[int, int]:
    """The match's ``span`` group when the rule marks one, else the whole match."""
    if "span" in match.re.groupindex and match.group("span") is not None:
        return match.span("span")
    return match.span()


def _longest_without_overlap(candidates: list[TimeExpr]) -> list[TimeExpr]:
    """Keep the longest candidates first, drop any that overlap one already kept."""
    # kept spans never overlap, so sorted by start their ends are sorted too: one bisect
    # finds the only neighbours a candidate could overlap (linear scans made a text of
    # many dates quadratic: 200,000 characters took 8 s here)
    kept: list[TimeExpr] = []
    starts: list[int] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        i = bisect_right(starts, cand.start)
        if i and kept[i - 1].end > cand.start:
            continue
        if i < len(kept) and kept[i].start < cand.end:
            continue
        kept.insert(i, cand)
        starts.insert(i, cand.start)
    return kept
