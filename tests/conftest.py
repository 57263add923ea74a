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
