"""The NLP stage: run the registered steps over batches of articles.

For each article the stage asks the registry for the steps of its language
(:func:`newsgraph.registry.plan`): those that need no parse run first (the publication
date and time expressions, in every language); the language's parser then parses the
articles of that language in batches (``nlp.pipe``) and the parse-based steps run in
the order their requirements give (a text over ``[nlp] max_whole_chars`` in parts:
:mod:`~newsgraph.extractors.parse_guard`). A step that fails on one article is logged (NG401)
and the article keeps what it had; the steps that need what it provides are skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from newsgraph import registry
from newsgraph.errors import Code, NewsgraphError
from newsgraph.extractors.parse_guard import SPLIT, Parts, merge_parts, parse_articles, part_article
from newsgraph.records import Article
from newsgraph.registry import Step

log = logging.getLogger(__name__)
PIPE_BATCH = 8
_FAILED = "_failed"  # state key: what failed steps would have provided
NOTE = "note"  # Article.extensions key of the "no pipeline for xx" note


def analyse_articles(articles: Sequence[Article]) -> list[Article]:
    """Every article through the steps of its language; parsing batched per language."""
    done = list(articles)
    states: list[dict[str, Any]] = [{} for _ in done]
    plans: dict[str, tuple[list[Step], list[Step]]] = {}
    by_language: dict[str, list[int]] = {}
    for i, article in enumerate(done):
        code = _code(article.language)
        if code not in plans:
            plans[code] = registry.plan(code)
        before, after = plans[code]
        for step in before:
            done[i] = run_step(step, done[i], None, states[i])
        if after:
            by_language.setdefault(code, []).append(i)
        elif registry.language(code) is None:
            done[i] = note_no_pipeline(done[i], code)
    for code, indexes in by_language.items():
        spec = registry.language(code)
        assert spec is not None  # plan() gives parse-based steps to registered languages only
        nlp = spec.parser()
        # an over-long text or a parser failure costs one article its parse, not the batch
        # and a long text is parsed in parts, each through the steps, within a budget
        parsed = parse_articles(nlp, [done[i] for i in indexes], batch_size=PIPE_BATCH)
        for i, (article, doc) in zip(indexes, parsed, strict=True):
            done[i] = article
            if isinstance(doc, Parts):
                done[i] = _analyse_parts(article, doc, plans[code][1], states[i])
                continue
            if doc is None:
                continue
            for step in plans[code][1]:
                done[i] = run_step(step, done[i], doc, states[i])
    return done


def _analyse_parts(
    article: Article, parts: Parts, steps: list[Step], state: dict[str, Any]
) -> Article:
    """The parse-based steps over each part of a long text, merged into the whole."""
    done = []
    for part in parts:
        part_state = {**state, _FAILED: set(state.get(_FAILED, ()))}
        analysed = part_article(article, part)
        for step in steps:
            analysed = run_step(step, analysed, part.doc, part_state)
        done.append((part.start, analysed))
    merged = merge_parts(article, done)
    return merged.replace(extensions={**merged.extensions, SPLIT: parts.note()})


def note_no_pipeline(article: Article, code: str) -> Article:
    """Say in the record that its language has no parser, instead of coming back silently
    empty: ``extensions["note"]`` (the CLI counts these in its summary)."""
    named = repr(code) if code else "an undetected language"
    note = (
        f"no pipeline for {named}: metadata and publication date only "
        "(no entities, quotes, time expressions or events)"
    )
    return article.replace(extensions={**article.extensions, NOTE: note})


def analyse_article(article: Article) -> Article:
    """One article through the whole NLP stage."""
    return analyse_articles([article])[0]


def run_step(step: Step, article: Article, doc: Any, state: dict[str, Any]) -> Article:
    """Run one step; a bug on one article is logged (NG401), not fatal to the batch.

    The article then keeps what it had before the step, and the steps that require
    what this one provides are skipped for this article.
    """
    failed = state.setdefault(_FAILED, set())
    if failed.intersection(step.requires):
        failed.update(step.provides)
        return article
    try:
        return step.run(article, doc, state)
    except Exception as exc:  # noqa: BLE001 - isolate one article's failure, reported below
        failed.update(step.provides)
        detail = (
            f"step {step.name!r} on {article.id} ({article.source}): {type(exc).__name__}: {exc}"
        )
        log.warning(
            "%s",
            NewsgraphError(Code.EXTRACT_FAILED, detail),
            exc_info=log.isEnabledFor(logging.DEBUG),
        )
        return article


def _code(language: str | None) -> str:
    return (language or "").split("-")[0].split("_")[0].lower()
