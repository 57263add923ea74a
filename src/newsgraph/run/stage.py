"""What every engine runs in each worker: the NLP stage and the models it needs.

The one place ``run/`` reaches into the extractors; the in-process, pool and Ray
engines all take their ``analyse`` function and their worker preload from here.
"""

from __future__ import annotations

import logging

from newsgraph.errors import Code, NewsgraphError
from newsgraph.records import Article
from newsgraph.run.pipeline import Analyse

log = logging.getLogger(__name__)


def default_analyse(*, story_vectors: bool = True) -> Analyse:
    """The NLP stage (the one place this package imports the extractors), then, with
    ``story_vectors`` (a run that stores its records), each article's sentence vector
    for stories; ``extract`` asks for none, since it prints no vector."""
    if not story_vectors:
        from newsgraph.extractors.stage import analyse_articles

        return analyse_articles
    return analyse_with_vectors


def analyse_with_vectors(articles: list[Article]) -> list[Article]:
    """The extraction steps, then the story vectors (``analyze.stories.attach_vectors``),
    so the sentence encoder runs in the workers and not in the single writer. An encoder
    failure is logged (NG401) and the articles go on without vectors (the writer then
    encodes them)."""
    from newsgraph.analyze.stories import attach_vectors
    from newsgraph.extractors.stage import analyse_articles

    done = analyse_articles(articles)
    try:
        return attach_vectors(done)
    except Exception as exc:  # noqa: BLE001 - one batch's vectors, not the batch
        log.warning("%s", NewsgraphError(Code.EXTRACT_FAILED, f"story vectors: {exc!r}"))
        return done


def preload_models() -> None:
    """Load every registered language's parser, and the knowledge base, into this process."""
    from newsgraph import registry
    from newsgraph.kb.load import default_kb

    for code in sorted(registry.languages()):
        registry.languages()[code].parser()
    default_kb()
