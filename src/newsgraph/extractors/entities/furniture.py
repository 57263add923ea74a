"""Page furniture that names no actor: datelines, bylines, agency trailers, share bars.

``furniture_ranges(text)`` gives the character ranges of

* **datelines** at the start of a paragraph: "MOSCOW, February 7. /TASS/.",
  "Washington (CNN)", "LONDON —", "Kabul, Afghanistan (CNN)", "BEIJING, March 3 (Xinhua) -";
  a place in capitals, or any place followed by an agency mark;
* **agency trailers**: a parenthesis holding only agency names ("(AFP, dpa, Reuters)"),
  with the editors' initials before it ("mb/rt"), "Images courtesy of AFP, AP and Reuters";
* **bylines and print trailers**: "By John Smith" or "Author: ..." opening a line,
  "(China Daily European Weekly 01/27/2017 page32)", "Name / For China Daily",
  "Provided to China Daily", "The views do not necessarily reflect those of ...",
  "Contact the writer at ...", e-mail addresses and URLs;
* **share bars**: three or more social-network names in a row ("Facebook Twitter
  Google+ ... Digg reddit Newsvine Permalink http://...").

No entity mention is taken from these ranges: they were the demo's top "actors".
"""

from __future__ import annotations

import re
from functools import lru_cache

_AGENCIES = (
    "AFP|AP|Reuters|REUTERS|dpa|DPA|epd|EPD|KNA|SID|TASS|Tass|RIA|Xinhua|XINHUA|UPI|EFE|ANSA|"
    "Kyodo|Yonhap|PTI|IANS|ANI|CNN|BBC|Bloomberg|Sputnik|Interfax|IRNA|Anadolu|WAFA|MENA|"
    "KUNA|NHK|PAP|CTK|MTI|BTA|Agerpres|Ukrinform|UNIAN|Belta|BelTA|NTB|ritzau|"
    "Ritzau|Lusa|Notimex|Prensa Latina|Jiji|Kyodo News|Al Jazeera|AFP/Getty|Getty Images|Getty|"
    "EPA|Press Association|Associated Press|Agence France-Presse|Agence France Presse|"
    "Deutsche Welle|DW|RFE/RL|KCNA|agencies|Agencies|news agencies"
)
_AGENCY = rf"(?:{_AGENCIES})"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,?\s*\d{{4}})?\.?)"
_PLACE_WORD = r"[A-Z][A-Za-z'’.-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ ,]+{_PLACE_WORD}){{0,3}}"
_CAPS_WORD = r"[A-Z][A-Z'’.-]+"
_CAPS_PLACE = (
    rf"{_CAPS_WORD}(?:[ ]+{_CAPS_WORD}){{0,2}}(?:,\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?"
)
_AGENCY_MARK = rf"(?:/\s*{_AGENCY}\s*/\.?|\(\s*{_AGENCY}(?:\s*[,/]\s*{_AGENCY})*\s*\))"
_DASH = r"(?:\s+(?:--?|—|–)\s*|\s*(?:—|–|--)\s*)"

_PATTERNS = (
    # datelines: "MOSCOW, February 7. /TASS/.", "LONDON —", "WASHINGTON (Reuters) -"
    rf"(?m)^[ \t]*{_CAPS_PLACE}{_DATE}?\s*(?:{_AGENCY_MARK}\s*{_DASH}?|{_DASH}|(?=\s*[\"“]))",
    # "Washington (CNN)", "Kabul, Afghanistan (CNN)", "BEIJING, March 3 (Xinhua) -"
    rf"(?m)^[ \t]*(?:{_PLACE}{_DATE}?\s*)?{_AGENCY_MARK}\s*(?:{_DASH})?",
    # "Qayyarah, Iraq - ", "Islamabad, Pakistan --"
    rf"(?m)^[ \t]*{_PLACE_WORD},\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD})?{_DATE}?{_DASH}",
    # agency trailers "mb/rt (AFP, dpa, Reuters)", "(with dpa)", "(AFP/Reuters)"
    rf"\(\s*(?:with\s+)?{_AGENCY}(?:\s*(?:,|/|and|&)\s*{_AGENCY})*\s*\)",
    r"\b[a-z]{1,4}(?:/[a-z]{1,4})+\s*-?\s*(?=\()",
    rf"(?:Images?|Photos?|Pictures?|Video)\s+(?:courtesy\s+of|by|from)\s+{_AGENCY}"
    rf"(?:\s*(?:,|and|&)\s*{_AGENCY})*",
    # bylines opening a line
    r"(?m)^[ \t]*(?:By|BY|Written by|Reporting by|Author|Authors|Autor)\s*:?\s+"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})*",
    # print trailers and photo credits: "(China Daily European Weekly 01/27/2017 page32)"
    r"\(\s*[A-Z][^()\n]{0,60}?\d{1,2}/\d{1,2}/\d{2,4}[^()\n]{0,20}\)",
    r"(?:[Pp]rovided\s+to|[Cc]ourtesy\s+of)\s+(?:[A-Z][\w.&'’-]*\s?){1,4}",
    r"(?:Photos?\s+by\s+)?(?:(?:[A-Z](?:\.[A-Z])*\.|[A-Z][\w'’-]*)\s+){2,3}/\s+(?:For\s+)?(?:[A-Z][\w.&'’-]*(?:[ \t]|$)){1,4}",
    r"[Tt]he views do not necessarily reflect those of [^.\n]{1,60}\.?",
    r"[Cc]ontact the writers? (?:at|through|via)\s*\S+",
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    r"\bhttps?://\S+|\bwww\.\S+",
    # share bars: three or more network names in a row
    r"(?:\b(?:Facebook|Twitter|Google\+?|Whats[Aa]pp|Tumblr|[Ll]inked[Ii]n|[Ss]tumble(?:[Uu]pon)?|"
    r"Digg|[Rr]eddit|Newsvine|Pinterest|Permalink|VK|Xing|Telegram|Messenger|E-?mail|Print)"
    r"(?:\s*\|\s*|\s+|$)){3,}",
)


# a pattern runs only on texts holding its cue (most texts hold none: the scan stays cheap)
_CUES = {
    r"\b[a-z]{1,4}(?:/": "/",
    r"(?:Photos?\s+by\s+)?(?:(?:[A-Z]": " / ",
    r"\b[\w.+-]+@": "@",
    r"\bhttps?://": "://",
    r"(?:\b(?:Facebook": "Twitter",
}


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern[str], str | None], ...]:
    def cue(pattern: str) -> str | None:
        return next((c for start, c in _CUES.items() if pattern.startswith(start)), None)

    return tuple((re.compile(p), cue(p)) for p in _PATTERNS)


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of datelines, bylines, agency trailers and share bars in ``text``."""
    ranges = []
    for pattern, needed in _compiled():
        if needed is not None and needed not in text:
            continue
        for match in pattern.finditer(text):
            if match.end() > match.start():
                ranges.append((match.start(), match.end()))
    return ranges
