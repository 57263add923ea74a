"""Parse a batch of articles so that no single text can stop the batch.

- A text longer than the parser's ``max_length`` (spaCy refuses those with E088) is not
  parsed: the article is kept with what the steps that need no parse gave it (date,
  time expressions), NG401 goes to the log and ``extensions["not_parsed"]`` says why in
  the record. Parsing it in parts would be possible, but the parse-based steps cost
  more than linear time in the length of a document (a 60,000-character text full of
  quotes takes about a minute), so a million characters would stall the ingest for
  hours instead of failing one article.
- When the parser raises on a batch, its articles are parsed one by one and only the
  one that fails is left unparsed (NG401 in the log); it keeps what the steps that need
  no parse gave it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.tokens import Doc

from newsgraph.errors import Code, NewsgraphError
from newsgraph.records import Article

log = logging.getLogger(__name__)
NOT_PARSED = "not_parsed"


def parse_articles(
    nlp: Any, articles: Sequence[Article], *, batch_size: int
) -> Iterator[tuple[Article, Doc | None]]:
    """Each article with its parse (None when parsing it failed), in input order."""
    limit = int(getattr(nlp, "max_length", 0) or 0)
    short = [a for a in articles if not limit or len(a.text) <= limit]
    docs = iter(_parse_batch(nlp, short, batch_size))
    for article in articles:
        if not limit or len(article.text) <= limit:
            yield article, next(docs)
            continue
        why = f"{len(article.text):,} characters, over the parser's limit of {limit:,}"
        _report(article, ValueError(why))
        note = {"code": Code.EXTRACT_FAILED.value, "reason": why}
        yield article.replace(extensions={**article.extensions, NOT_PARSED: note}), None


def _parse_batch(nlp: Any, articles: Sequence[Article], batch_size: int) -> Iterator[Doc | None]:
    """``nlp.pipe`` over the batch; after a failure, the rest one by one."""
    done = 0
    try:
        for doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            done += 1
            yield doc
        return
    except Exception:  # noqa: BLE001 - find the article that failed, below
        pass
    for article in articles[done:]:
        yield _parse_one(nlp, article)


def _parse_one(nlp: Any, article: Article) -> Doc | None:
    try:
        return next(iter(nlp.pipe([article.text], batch_size=1)))
    except Exception as exc:  # noqa: BLE001 - one article's failure, reported here
        _report(article, exc)
        return None


def _report(article: Article, exc: Exception) -> None:
    detail = f"parse of {article.id} ({article.source}): {type(exc).__name__}: {exc}"
    log.warning("%s", NewsgraphError(Code.EXTRACT_FAILED, detail[:500]))
