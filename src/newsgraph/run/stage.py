"""What every engine runs in each worker: the NLP stage and the models it needs.

The one place ``run/`` reaches into the extractors; the in-process, pool and Ray
engines all take their ``analyse`` function and their worker preload from here.
"""

from __future__ import annotations

from newsgraph.run.pipeline import Analyse


def default_analyse() -> Analyse:
    """The NLP stage (the one place this package imports the extractors)."""
    from newsgraph.extractors.stage import analyse_articles

    return analyse_articles


def preload_models() -> None:
    """Load every registered language's parser, and the knowledge base, into this process."""
    from newsgraph import registry
    from newsgraph.kb.load import default_kb

    for code in sorted(registry.languages()):
        registry.languages()[code].parser()
    default_kb()
