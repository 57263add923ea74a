"""Shared fixtures. Data from ../shared is read in place, never copied into the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """Path inside ../shared; skips the test when absent, fails it under CI=true."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        msg = f"{path} is not there (../shared beside the checkout holds the dev data)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture
def shared():
    return shared_path


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline (``newsgraph.languages.en.english``), shared by every test
    that takes ``nlp``; a module that needs another pipeline defines its own."""
    from newsgraph.languages.en import english

    return english()


# What a skip needs, recognised by its reason, and how to provide it.
SKIP_KINDS = (
    ("NEWSGRAPH_TEST_PG_URL", "PostgreSQL", "make test-deps, then: source .ci/pg.sh && make test"),
    ("chromium", "chromium (the browser test)", "make test-deps"),
    ("../shared", "../shared beside the checkout (the dev data)", "put ../shared beside it"),
)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """A last word (after pytest's short summary) on what did not run and why, so a
    green run without PostgreSQL, chromium or ../shared does not pass for the whole suite."""
    yield
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    groups: dict[str, tuple[str, int]] = {}
    for report in skipped:
        reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else ""
        kind, fix = next(
            ((k, f) for needle, k, f in SKIP_KINDS if needle in reason), ("other reasons", "")
        )
        groups[kind] = (fix, groups.get(kind, ("", 0))[1] + 1)
    write = terminalreporter.write_line
    terminalreporter.section("not run", sep="=", yellow=True, bold=True)
    write(f"{len(skipped)} tests skipped: this run does not cover the whole suite.")
    for kind, (fix, n) in sorted(groups.items(), key=lambda kv: -kv[1][1]):
        write(f"  {n:4d} need {kind}" + (f"  ->  {fix}" if fix else ""))
    write("Under CI=true the PostgreSQL, chromium and ../shared tests fail instead of skipping.")
