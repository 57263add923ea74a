"""What every engine runs in each worker: the NLP stage and the models it needs.

The one place ``run/`` reaches into the extractors; the in-process, pool and Ray
engines all take their ``analyse`` function and their worker preload from here.
"""

from __future__ import annotations

import logging

from newsgraph.errors import Code, NewsgraphError
from newsgraph.records import Article
from newsgraph.run.memory import release_memory
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
    # the memory the batch's long texts and parses freed goes back to the system before
    # the encoder, loaded on the first batch, settles on top of it (run/memory.py)
    release_memory()
    try:
        return attach_vectors(done)
    except Exception as exc:  # noqa: BLE001 - one batch's vectors, not the batch
        log.warning("%s", NewsgraphError(Code.EXTRACT_FAILED, f"story vectors: {exc!r}"))
        return done


PRELOAD_LANGUAGES = ("en",)


def preload_models() -> None:
    """Load the English parser and the knowledge base into this process. Other
    languages' parsers load on the first article that needs them: loading French and
    Russian up front cost every worker about 550 MB on an English-only ingest."""
    from newsgraph import registry
    from newsgraph.kb.load import default_kb

    languages = registry.languages()
    for code in PRELOAD_LANGUAGES:
        if code in languages:
            languages[code].parser()
    default_kb()
