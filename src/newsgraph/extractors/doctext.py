"""Per-Doc caches of values spaCy recomputes on every access.

``Doc.text`` joins the text of every token each time it is read, so an extractor that
slices it per candidate pays a whole-document pass per slice. The first read is kept in
``doc.user_data`` and later reads are a dict lookup; the same for the tokens' lower-case
forms, which several extractors scan.
"""

from __future__ import annotations

_TEXT_KEY = "newsgraph.doc_text"
_LOWERS_KEY = "newsgraph.token_lowers"


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def token_lowers(doc) -> list[str]:
    """``[t.lower_ for t in doc]``, built once per Doc (do not modify the list)."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        lowers = [t.lower_ for t in doc]
        doc.user_data[_LOWERS_KEY] = lowers
    return lowers
