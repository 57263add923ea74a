"""The English pipeline, loaded once for the quote tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    pytest.importorskip("spacy")
    from newsgraph.languages.en import english

    return english()
