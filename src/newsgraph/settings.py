"""One options object for the whole pipeline; defaults come from ``defaults.toml``."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


def _defaults() -> dict[str, Any]:
    raw = resources.files("newsgraph").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(raw)


_D = _defaults()


@dataclass(frozen=True)
class Settings:
    max_bytes: int = _D["ingest"]["max_bytes"]
    languages: tuple[str, ...] = tuple(_D["ingest"]["languages"])
    min_text_chars: int = _D["ingest"]["min_text_chars"]
    near_duplicate_jaccard: float = _D["ingest"]["near_duplicate_jaccard"]
    fetch_timeout_s: float = _D["fetch"]["timeout_s"]
    fetch_max_bytes: int = _D["fetch"]["max_bytes"]
    fetch_max_redirects: int = _D["fetch"]["max_redirects"]
    allow_private: bool = _D["fetch"]["allow_private"]
    user_agent: str = _D["fetch"]["user_agent"]
    fetch_feed_pages: bool = True
    glob: str | None = None
    batch_size: int = _D["store"]["batch_size"]
    extra: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def default_db() -> str:
    """The database used when none is given: $NEWSGRAPH_DB, else ./newsgraph.db."""
    return os.environ.get("NEWSGRAPH_DB") or _D["store"]["db"]
