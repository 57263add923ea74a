"""The registry: entry points load once, built-ins first; broken plugins are named."""

from __future__ import annotations

from importlib import metadata

import pytest

from newsgraph import registry
from newsgraph.errors import UsageError


@pytest.fixture
def fresh(monkeypatch):
    """An empty registry that loads the entry points given by the test."""
    monkeypatch.setattr(registry, "_REGISTRY", registry._Registry())
    found: dict[str, list[metadata.EntryPoint]] = {}

    def entry_points(group: str):
        return found.get(group, [])

    monkeypatch.setattr(registry.metadata, "entry_points", entry_points)
    return found


def point(name: str, value: str, group: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name=name, value=value, group=group)


def test_the_installed_built_ins_are_all_there() -> None:
    assert {"dating", "entities", "quotes", "events"} <= set(registry.steps())
    assert registry.language("en-GB").code == "en"
    names = {r.name for r in registry.readers()}
    assert names >= {"text", "html", "jsonl", "json", "csv", "tsv", "warc", "feed"}


def test_a_plugin_that_fails_to_import_is_named(fresh) -> None:
    fresh[registry.STEP_GROUP] = [point("broken", "no_such_module_xyz:STEP", registry.STEP_GROUP)]
    with pytest.raises(UsageError) as info:
        registry.steps()
    assert "broken" in str(info.value) and "no_such_module_xyz" in str(info.value)


def test_a_plugin_of_the_wrong_kind_is_refused(fresh) -> None:
    fresh[registry.READER_GROUP] = [
        point("odd", "newsgraph.kb.plover:TYPES", registry.READER_GROUP)
    ]
    with pytest.raises(UsageError, match="must be a newsgraph.registry.Reader"):
        registry.readers()


def test_a_plugin_replaces_a_built_in_by_name(fresh) -> None:
    group = registry.STEP_GROUP
    fresh[group] = [
        point("dating", "tests_plugin_steps:DATING", group),  # an outside package: after
        point("dating", "newsgraph.extractors.steps:DATING", group),
    ]
    import sys
    import types

    plugin = types.ModuleType("tests_plugin_steps")
    plugin.DATING = registry.Step("dating", lambda a, d, s: a, provides=("published", "times"))
    sys.modules["tests_plugin_steps"] = plugin
    try:
        assert registry.steps()["dating"] is plugin.DATING
    finally:
        del sys.modules["tests_plugin_steps"]


def test_steps_that_require_each_other_are_a_cycle(fresh) -> None:
    registry.register_step(registry.Step("a", lambda a, d, s: a, requires=("y",), provides=("x",)))
    registry.register_step(registry.Step("b", lambda a, d, s: a, requires=("x",), provides=("y",)))
    with pytest.raises(UsageError, match="cycle"):
        registry.plan("en")


def test_a_language_may_name_its_steps(fresh) -> None:
    registry.register_step(registry.Step("first", lambda a, d, s: a, provides=("x",)))
    registry.register_step(registry.Step("parsed", lambda a, d, s: a, requires=("doc", "x")))
    registry.register_step(registry.Step("other", lambda a, d, s: a, requires=("doc",)))
    registry.register_language(registry.Language("xx", parser=list, steps=("parsed", "first")))
    before, after = registry.plan("xx")
    assert [s.name for s in before] == ["first"] and [s.name for s in after] == ["parsed"]
    registry.register_language(registry.Language("yy", parser=list, steps=("missing",)))
    with pytest.raises(UsageError, match="unknown steps"):
        registry.plan("yy")
