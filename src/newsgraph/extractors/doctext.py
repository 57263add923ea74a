"""Per-Doc caches of values spaCy recomputes on every access.

``Doc.text`` joins the text of every token each time it is read, so an extractor that
slices it per candidate pays a whole-document pass per slice. The first read is kept in
``doc.user_data`` and later reads are a dict lookup; the same for the tokens' lower-case
forms, head indexes and sentence numbers, which several extractors read, and for
``Doc.ents``, which builds a new Span for every entity on each read (speakers and
event actors read it per token). The extractors never set a Doc's entities; a
pipeline component that does (``languages/ru.py``) runs before any of these is read.
"""

from __future__ import annotations

_TEXT_KEY = "newsgraph.doc_text"
_LOWERS_KEY = "newsgraph.token_lowers"
_HEADS_KEY = "newsgraph.head_indexes"
_SENTENCES_KEY = "newsgraph.sentence_numbers"
_ENTS_KEY = "newsgraph.doc_ents"


def doc_text(doc) -> str:
    """``doc.text``, built once per Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def span_text(span) -> str:
    """``span.text`` (the words of a sentence or any span, without the last token's
    trailing space), sliced from :func:`doc_text` instead of joined token by token."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def token_lowers(doc) -> list[str]:
    """``[t.lower_ for t in doc]``, built once per Doc (do not modify the list)."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        lowers = [t.lower_ for t in doc]
        doc.user_data[_LOWERS_KEY] = lowers
    return lowers


def head_indexes(doc) -> list[int]:
    """``[t.head.i for t in doc]``, built once per Doc (do not modify the list)."""
    heads = doc.user_data.get(_HEADS_KEY)
    if heads is None:
        heads = [t.head.i for t in doc]
        doc.user_data[_HEADS_KEY] = heads
    return heads


def climb_to_root(doc, i: int, limit: int = 50) -> tuple[int, int]:
    """(steps, index reached) walking up the parse tree from token ``i`` to its root,
    at most ``limit`` steps."""
    heads = head_indexes(doc)
    depth = 0
    while heads[i] != i and depth < limit:
        i, depth = heads[i], depth + 1
    return depth, i


def sentence_numbers(doc) -> list[int]:
    """The number of the sentence (0, 1, ...) each token is in, built once per Doc."""
    numbers = doc.user_data.get(_SENTENCES_KEY)
    if numbers is None:
        numbers = []
        for n, sent in enumerate(doc.sents):
            numbers.extend([n] * len(sent))
        doc.user_data[_SENTENCES_KEY] = numbers
    return numbers


def sentences_spanned(doc, first: int, last: int) -> int:
    """How many sentences tokens ``first`` to ``last`` (``first <= last``) touch: what
    ``len({t.sent.start for t in doc[first : last + 1]})`` counts, without building a
    sentence Span for every token (sentences are contiguous, so it is a difference of
    :func:`sentence_numbers`)."""
    numbers = sentence_numbers(doc)
    return numbers[last] - numbers[first] + 1


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once per Doc (the same Spans on every call)."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = tuple(doc.ents)
        doc.user_data[_ENTS_KEY] = ents
    return ents


def span_ents(span) -> list:
    """``span.ents`` (the entities from the span's start on, up to the first that runs
    past its end, as spaCy's ``Span.ents`` gives them) from :func:`doc_ents`."""
    found = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                found.append(ent)
            else:
                break
    return found
