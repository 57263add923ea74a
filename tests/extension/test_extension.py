"""An outside package plugs a step and a reader in through entry points, exactly as the
built-ins do, and its output shows in ``newsgraph extract`` (docs/architecture.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph import registry

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """ng_example installed by pip into a folder of its own (put on PYTHONPATH)."""
    target = tmp_path_factory.mktemp("site")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
         "--no-build-isolation", "--disable-pip-version-check", "--target", str(target),
         str(HERE / "ng_example")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    assert list(target.glob("ng_example-*.dist-info/entry_points.txt"))
    return target


def extract(site: Path, *args: str) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    exe = Path(sys.executable).parent / "newsgraph"
    done = subprocess.run(
        [str(exe), "extract", *args, "--format", "jsonl"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_the_plugin_step_and_reader_show_in_extract(site: Path, tmp_path: Path) -> None:
    from newsgraph.languages.en import english

    texts = [
        'Macron met Putin in Paris on Monday. They spoke for two hours. "It was frank," Macron said.',
        "The Bundestag voted on Tuesday. Merkel welcomed the result.",
    ]
    corpus = tmp_path / "wire.tabnews"
    corpus.write_text(f"Talks in Paris\t{texts[0]}\nVote in Berlin\t{texts[1]}\n", encoding="utf-8")
    records = extract(site, str(corpus))
    assert [r["title"] for r in records] == ["Talks in Paris", "Vote in Berlin"]
    assert [r["status"] for r in records] == ["ok", "ok"]
    expected = [len(list(english()(text).sents)) for text in texts]
    assert [r["extensions"]["sentences"] for r in records] == expected
    assert expected[0] >= 2
    assert records[0]["quotes"]  # the built-in steps still ran


def test_without_the_plugin_nothing_changes(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Macron met Putin in Paris on Monday. They spoke for two hours.\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    exe = Path(sys.executable).parent / "newsgraph"
    done = subprocess.run(
        [str(exe), "extract", str(text)], capture_output=True, text=True, env=env, timeout=300
    )
    record = json.loads(done.stdout.splitlines()[0])
    assert "extensions" not in record and record["status"] == "ok"


def test_steps_are_ordered_by_what_they_require() -> None:
    before, after = registry.plan("en")
    names = [s.name for s in before + after]
    assert names.index("dating") < names.index("entities") < names.index("quotes")
    assert names.index("quotes") < names.index("events")
    assert [s.name for s in before] == ["dating"]
    assert registry.plan("xx")[1] == []  # no parser for "xx": only the steps without a parse


def test_a_step_needing_what_no_step_provides_is_refused(monkeypatch) -> None:
    from newsgraph.errors import UsageError

    monkeypatch.setattr(registry, "_REGISTRY", registry._Registry())
    registry.register_step(
        registry.Step("lonely", lambda a, d, s: a, requires=("doc", "rumours"), provides=("x",))
    )
    with pytest.raises(UsageError, match="requires \\['rumours'\\]"):
        registry.plan("en")


def test_readers_are_chosen_by_the_longest_suffix() -> None:
    assert registry.reader_for_name("crawl.warc.gz").name == "warc"
    assert registry.reader_for_name("page.HTML").name == "html"
    assert registry.reader_for_name("notes.unknown") is None
    assert [r.name for r in registry.sniffers()][:3] == ["feed", "html", "warc"]
