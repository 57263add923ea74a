"""One options object for the whole pipeline; defaults come from ``defaults.toml``."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import Code, UsageError
from newsgraph.resources import read_text


def _defaults() -> dict[str, Any]:
    raw = read_text("newsgraph", "defaults.toml")
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


def cache_size_mb() -> int:
    """The web response cache size: $NEWSGRAPH_CACHE_MB, else ``[serve] cache_mb``."""
    raw = os.environ.get("NEWSGRAPH_CACHE_MB")
    if raw is None or not raw.strip():
        return int(_D["serve"]["cache_mb"])
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise UsageError(
            Code.BAD_OPTION, f"NEWSGRAPH_CACHE_MB must be a whole number >= 0: {raw!r}"
        )
    return value
