"""The NLP stage: run the extractors on one article and attach their records.

Order matters: the publication date anchors the time expressions, and an undated
article is dated from its own time expressions first.
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.extract.times import find_times, infer_publication_date
from newsgraph.records import Article, Published, TimeExpr

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def anchor_of(published: Published) -> str | None:
    """The ISO day a (possibly verbatim, given) publication date names, or None."""
    if not published.date:
        return None
    match = _ISO_DAY.match(published.date.strip())
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    return _parse_loose(published.date)


def _parse_loose(value: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(value, settings={"STRICT_PARSING": True,
                                               "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None


def date_article(article: Article) -> tuple[Published, tuple[TimeExpr, ...]]:
    """The article's publication date (inferred when not given) and its time expressions."""
    lang = article.language or "en"
    anchor = anchor_of(article.published)
    if anchor is not None:
        return article.published, tuple(find_times(article.text, anchor=anchor, lang=lang))
    unanchored = find_times(article.text, anchor=None, lang=lang)
    inferred = infer_publication_date(article.text, unanchored)
    if inferred is None or inferred.date is None:
        return article.published, tuple(unanchored)
    return inferred, tuple(find_times(article.text, anchor=inferred.date, lang=lang))


def analyse_article(article: Article) -> Article:
    """Attach time expressions (and the inferred date); entities, quotes and events follow."""
    published, times = date_article(article)
    return article.replace(published=published, times=times)
