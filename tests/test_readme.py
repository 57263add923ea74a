"""The README's commands, run: every ``newsgraph`` line of its shell blocks against a
small database of demo-like articles (and, when ``make demo`` has built it, against the
demo database too), its Python example, its make targets and its extras. Each command
must succeed and show something, so the README cannot drift from the code."""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEMO_DB = ROOT / ".cache" / "demo.db"
runner = CliRunner()

# Four short wire stories in the style of the demo corpus (TASS, CNN, China Daily, DW,
# early 2017), written for this test: quotes by Peskov, Russia-US events, Putin, China.
CORPUS = [
    {
        "id": "wire-1",
        "source": "tass.com",
        "published": "2017-02-07",
        "title": "Kremlin says Fox News host owes Putin an apology",
        "text": "MOSCOW, February 7. /TASS/. The Kremlin expects an apology from Fox News host "
        "Bill O\u00e2\u20ac\u2122Reilly, who called Russian President Vladimir Putin a killer, "
        "Kremlin spokesman Dmitry Peskov told reporters on Monday.\n\n"
        '"We consider such words unacceptable and insulting," Peskov said. "We would prefer '
        'to receive an apology from such a respected broadcaster."',
    },
    {
        "id": "wire-2",
        "source": "tass.com",
        "published": "2017-02-07",
        "title": "Putin meets Tillerson in the Kremlin",
        "text": "MOSCOW, February 7. /TASS/. Russian President Vladimir Putin met US Secretary "
        "of State Rex Tillerson in the Kremlin on Tuesday.\n\nRussian Foreign Minister Sergey "
        "Lavrov accused the United States of undermining the ceasefire in Syria.\n\nRussia "
        "expelled two US diplomats on Monday, the Foreign Ministry said.\n\nPutin praised "
        "Trump for his willingness to improve relations.",
    },
    {
        "id": "wire-3",
        "source": "europe.chinadaily.com.cn",
        "published": "2017-02-03",
        "title": "China and Germany pledge closer trade ties",
        "text": "BEIJING - Chinese Premier Li Keqiang met German Foreign Minister Sigmar Gabriel "
        "in Beijing on Thursday, and the two sides agreed to deepen trade cooperation.\n\n"
        "China is ready to work with Germany to oppose protectionism, Li said.\n\n"
        '"Free trade serves both our peoples," Gabriel told reporters after the talks.',
    },
    {
        "id": "wire-4",
        "source": "dw.com",
        "published": "2017-01-24",
        "title": "Merkel criticizes Russia over Ukraine",
        "text": "German Chancellor Angela Merkel on Tuesday criticized Russia for its support of "
        "the separatists in eastern Ukraine.\n\nRussia condemned the new sanctions imposed by "
        "the United States, Kremlin spokesman Dmitry Peskov said on Monday.",
    },
]


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def readme_lines(program: str) -> list[list[str]]:
    """Every line of the README's shell blocks that runs ``program``, as argv."""
    found = []
    for block in shell_blocks():
        for line in block.splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] == program:
                found.append(words)
    return found


def exported() -> dict[str, str]:
    """``export NAME=VALUE`` lines of the shell blocks."""
    pairs = [w for argv in readme_lines("export") for w in argv[1:]]
    return dict(p.split("=", 1) for p in pairs)


def test_the_readme_shows_every_store_command():
    shown = {
        " ".join(argv[1:3]) if argv[1] == "actors" else argv[1]
        for argv in readme_lines("newsgraph")
    }
    expected = {"extract", "ingest", "stats", "quotes", "dyad", "timeline", "events", "export"}
    assert expected | {"actors search", "actors show", "serve"} <= shown


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder holding ``corpus/`` and, where the README's export points, the database
    built from it (through the CLI, as a reader would)."""
    root = tmp_path_factory.mktemp("readme")
    (root / "corpus").mkdir()
    (root / "corpus" / "wire.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in CORPUS), encoding="utf-8"
    )
    db = root / exported()["NEWSGRAPH_DB"]
    db.parent.mkdir(parents=True, exist_ok=True)
    old = Path.cwd()
    os.chdir(root)
    try:
        result = runner.invoke(app, ["ingest", "corpus/", "--db", str(db), "-q", "--workers", "1"])
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return root


def run_readme_line(argv: list[str], cwd: Path, db: str, monkeypatch) -> object:
    monkeypatch.chdir(cwd)
    return runner.invoke(app, argv[1:], env={"NEWSGRAPH_DB": db, "COLUMNS": "80"})


def store_lines() -> list[list[str]]:
    return [a for a in readme_lines("newsgraph") if a[1] not in ("extract", "ingest", "serve")]


@pytest.mark.parametrize("argv", store_lines(), ids=lambda a: " ".join(a[1:]))
def test_each_readme_command_shows_something(argv, workdir, monkeypatch):
    result = run_readme_line(argv, workdir, exported()["NEWSGRAPH_DB"], monkeypatch)
    assert result.exit_code == 0, result.output
    if argv[1] == "export":
        out = workdir / argv[argv.index("--out") + 1]
        assert len(out.read_text(encoding="utf-8").splitlines()) >= 2  # a header and a row
        return
    assert result.stdout.strip(), (argv, result.stderr)
    assert not result.stderr.startswith(("no ", "error")), result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_readme_extract_and_ingest_lines_run(workdir, tmp_path, monkeypatch):
    for argv in readme_lines("newsgraph"):
        if argv[1] not in ("extract", "ingest"):
            continue
        monkeypatch.chdir(workdir)
        result = runner.invoke(app, argv[1:] + ["-q"], env={"COLUMNS": "80"})
        assert result.exit_code == 0, (argv, result.output)
        if argv[1] == "extract":
            assert "Kremlin says Fox News host owes Putin an apology" in result.stdout
            assert "Bill O\u2019Reilly" in result.stdout  # the mojibake is repaired


def test_readme_serve_line_parses_and_serves_the_database(workdir, monkeypatch):
    import newsgraph.cli.serve as serve

    called = {}
    monkeypatch.setattr(serve, "serve_app", lambda *args: called.update(args=args))
    (argv,) = [a for a in readme_lines("newsgraph") if a[1] == "serve"]
    db = exported()["NEWSGRAPH_DB"]
    result = run_readme_line(argv, workdir, db, monkeypatch)
    assert result.exit_code == 0, result.output
    assert called["args"][0] == db and called["args"][2] == int(argv[argv.index("--port") + 1])


@pytest.mark.skipif(not DEMO_DB.is_file(), reason="no .cache/demo.db: `make demo` builds it")
@pytest.mark.parametrize("argv", store_lines(), ids=lambda a: " ".join(a[1:]))
def test_each_readme_command_shows_something_on_the_demo(argv, tmp_path, monkeypatch):
    result = run_readme_line(argv, tmp_path, str(DEMO_DB), monkeypatch)
    assert result.exit_code == 0, result.output
    if argv[1] != "export":
        assert result.stdout.strip() and not result.stderr.startswith("no "), result.stderr
        assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_the_python_example_runs(workdir, tmp_path, monkeypatch):
    (block,) = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "wire.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in CORPUS), encoding="utf-8"
    )
    for name in re.findall(r'"(\w+\.(?:html|txt))"', block):
        record = CORPUS[1]
        body = f"<html><head><title>{record['title']}</title></head><body><article><p>{record['text']}</p></article></body></html>"
        (tmp_path / name).write_text(
            body if name.endswith(".html") else record["text"], encoding="utf-8"
        )
    printed: list[str] = []
    exec(
        compile(block, "README.md", "exec"),
        {"print": lambda *a: printed.append(" ".join(map(str, a)))},
    )
    joined = "\n".join(printed)
    assert "ok" in joined and "Dmitry Peskov" in joined


def test_make_targets_and_extras_named_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w-]+):", makefile, flags=re.M))
    for argv in readme_lines("make"):
        assert argv[1] in targets, argv
    mentioned = set(re.findall(r"`make ([\w-]+)`", README))
    assert mentioned <= targets, mentioned - targets
    import tomllib

    extras = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    )
    for argv in readme_lines("pip"):
        for word in argv:
            match = re.fullmatch(r"(?:newsgraph|\.)\[(\w+)\]", word)
            if match:
                assert match.group(1) in extras, word


def test_the_language_table_matches_the_steps_each_language_runs():
    """The README's table of layers per language against the registry: a layer is "yes"
    for a language when every step providing it runs for that language."""
    from newsgraph import registry

    (table,) = re.findall(
        r"\| layer \| en \| fr, ru \| any other language \|\n(.*?)\n\n", README, re.S
    )
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()[1:]]
    provides = {
        "time expressions": ("times",),
        "entities": ("entities",),
        "quotes": ("quotes",),
        "events": ("events",),
        "numeric claims, tone": ("claims", "tone"),
    }
    steps = registry.steps().values()
    parsed = set(registry.languages())

    def runs(layer: str, language: str) -> bool:
        return language in parsed and any(
            layer in s.provides and (s.languages is None or language in s.languages) for s in steps
        )

    checked = 0
    for layer_text, en, fr_ru, other in rows:
        layers = next((v for k, v in provides.items() if layer_text.startswith(k)), None)
        if layers is None:  # the stored/searchable row: every language
            assert (en, fr_ru, other) == ("yes", "yes", "yes"), layer_text
            continue
        for language, said in (("en", en), ("fr", fr_ru), ("ru", fr_ru), ("de", other)):
            assert all(runs(x, language) for x in layers) == (said == "yes"), (layer_text, language)
            checked += 1
    assert checked == 20
