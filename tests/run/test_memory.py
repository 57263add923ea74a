"""Memory a batch freed goes back to the system before the sentence encoder (issue 12)."""

from __future__ import annotations

import sys

import pytest

from newsgraph.records import Article
from newsgraph.run import memory, stage


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_release_memory_trims_the_c_heap_on_linux() -> None:
    assert memory._trim() is not None
    assert memory.release_memory() is True


def test_memory_is_released_after_the_nlp_steps_and_before_the_vectors(monkeypatch) -> None:
    calls: list[str] = []
    import newsgraph.analyze.stories as stories
    import newsgraph.extractors.stage as extractors

    monkeypatch.setattr(extractors, "analyse_articles", lambda a: calls.append("nlp") or list(a))
    monkeypatch.setattr(stage, "release_memory", lambda: calls.append("release") or True)
    monkeypatch.setattr(stories, "attach_vectors", lambda a: calls.append("vectors") or list(a))
    article = Article(id="a", source="s", text="Putin met Macron.", language="en")
    assert stage.analyse_with_vectors([article]) == [article]
    assert calls == ["nlp", "release", "vectors"]


def test_workers_preload_only_the_english_parser_and_the_kb(monkeypatch) -> None:
    """A worker's preload loads English and the knowledge base, not every registered
    language: French and Russian up front cost each worker about 550 MB on an English
    ingest (issue 15). Other languages' parsers load on the first article that needs them."""
    from newsgraph import registry
    from newsgraph.kb import load

    loaded: list[str] = []

    def language(code: str) -> registry.Language:
        return registry.Language(code=code, parser=lambda: loaded.append(code))

    codes = ("en", "fr", "ru", "de")
    monkeypatch.setattr(registry, "languages", lambda: {c: language(c) for c in codes})
    monkeypatch.setattr(load, "default_kb", lambda: loaded.append("kb"))
    stage.preload_models()
    assert loaded == ["en", "kb"]
