"""The words and regex pieces of time expressions.

Vocabulary (months, weekdays, number words, units, TIMEX3 codes) is read from
``data/timex_words.json``; the regex pieces are built from it. Month names and
weekdays must be capitalised (``(?-i:...)``): "may" is a verb, "march" a noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.resources import load_json

_WORDS = load_json("newsgraph.extractors.times", "data/timex_words.json")
MONTHS: dict[str, int] = _WORDS["months"]
WEEKDAYS: dict[str, int] = _WORDS["weekdays"]
SMALL_NUMBERS: dict[str, int] = _WORDS["small_numbers"]
ORDINALS: dict[str, int] = _WORDS["ordinals"]
UNITS: dict[str, tuple[str, bool]] = {k: (v[0], v[1]) for k, v in _WORDS["units"].items()}
SEASONS: dict[str, str] = _WORDS["seasons"]
PARTS_OF_DAY: dict[str, str] = _WORDS["parts_of_day"]
REFERENCES: dict[str, str] = _WORDS["references"]
SET_ADVERBS: dict[str, str] = _WORDS["set_adverbs"]
DECADE_WORDS: dict[str, str] = _WORDS["decade_words"]

FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+to|scheduled|expects?\s+to"
    r"|is\s+to|are\s+to|next|upcoming|intends?\s+to|aims?\s+to|set\s+to|slated|tomorrow"
    r"|by(?=\s+(?:the\s+(?:end|middle|start)|mid|early|late|next|this|then|tomorrow|\d"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b))"
    r"|until|till|before|would|planned|planning|expected|as\s+soon\s+as)\b",
    re.I,
)
PAST_CUES = re.compile(
    r"\b(?:said|says|was|were|had|did|ago|last|earlier|yesterday|told|reported|announced|since"
    r"|[a-z]{3,}ed)\b",
    re.I,
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the given words, longest first, with dots escaped."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_FULL_MONTHS = [m for m in MONTHS if len(m) > 3 or m == "may"]
_ABBR_MONTHS = [m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")]

# month names: capitalised (or all caps); abbreviations may carry a dot
MONTH = (
    r"(?-i:(?P<month>"
    + "|".join(m.capitalize() for m in sorted(_FULL_MONTHS, key=len, reverse=True))
    + "|"
    + "|".join(m.upper() for m in sorted(_FULL_MONTHS, key=len, reverse=True))
    + "|"
    + "|".join(m.capitalize() + r"\.?" for m in sorted(_ABBR_MONTHS, key=len, reverse=True))
    + r"))"
)
WEEKDAY = (
    r"(?-i:(?P<weekday>"
    + "|".join(w.capitalize() for w in sorted(WEEKDAYS, key=len, reverse=True) if len(w) > 4)
    + r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.(?=\s*,)"
    + r"))"
)
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)"
NUM_WORD = alternation(list(SMALL_NUMBERS) + ["twenty-one"])
NUMBER = (
    r"(?P<num>\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"[- ](?:one|two|three|four|five|six|seven|eight|nine)|" + NUM_WORD + "|"
    r"several|a\s+few|few|many|some|a\s+number\s+of)"
)
UNIT = r"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|centur(?:y|ie))"
DAYPART = r"(?P<part>morning|afternoon|mid[- ]?afternoon|evening|night)"
CLOCK = (
    r"(?P<clock>(?:(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)"
    r"(?:\s+(?-i:[ECMP][SD]T|GMT))?)|noon|midnight)"
)
APPROX = (
    r"(?:(?:about|nearly|almost|some|roughly|around|approximately|more\s+than|less\s+than|over"
    r"|under|just|only|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|fewer\s+than"
    r"|the\s+better\s+part\s+of)\s+)?"
)
UNITS_PLURAL = UNIT + r"s?"
