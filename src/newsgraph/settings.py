"""One options object for the whole pipeline; defaults come from ``defaults.toml``.

Every key of ``defaults.toml`` can be overridden by an environment variable,
``NEWSGRAPH_<SECTION>_<KEY>`` (``NEWSGRAPH_INGEST_MAX_BYTES``, ``NEWSGRAPH_FETCH_TIMEOUT_S``),
except ``[store] db`` and ``[serve] cache_mb``, which keep their short names
``NEWSGRAPH_DB`` and ``NEWSGRAPH_CACHE_MB``. Command-line options win over the
environment, the environment over the file. Values are read as the file's type:
booleans as true/false (also 1/0, yes/no, on/off), numbers must be >= 0, lists are
comma-separated. An unreadable value is NG301, naming the variable.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from newsgraph.errors import Code, UsageError
from newsgraph.resources import read_text


def _defaults() -> dict[str, Any]:
    raw = read_text("newsgraph", "defaults.toml")
    return tomllib.loads(raw)


_D = _defaults()

# the variables older than the NEWSGRAPH_<SECTION>_<KEY> rule keep their names
_ENV_NAMES = {("store", "db"): "NEWSGRAPH_DB", ("serve", "cache_mb"): "NEWSGRAPH_CACHE_MB"}
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def env_name(section: str, key: str) -> str:
    """The environment variable that overrides ``[section] key`` of ``defaults.toml``."""
    return _ENV_NAMES.get((section, key)) or f"NEWSGRAPH_{section}_{key}".upper()


def setting(section: str, key: str) -> Any:
    """``[section] key`` of ``defaults.toml``, or its environment variable when set and
    not blank (lists come back as tuples). Raises ``UsageError`` NG301 for a value that
    does not read as the default's type."""
    default = _D[section][key]
    name = env_name(section, key)
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return tuple(default) if isinstance(default, list) else default
    return _parse(name, raw, default)


def _parse(name: str, raw: str, default: Any) -> Any:
    text = raw.strip()
    if isinstance(default, bool):
        if text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise UsageError(Code.BAD_OPTION, f"{name} must be true or false: {raw!r}")
    if isinstance(default, int | float):
        kind = int if isinstance(default, int) else float
        try:
            value = kind(text)
        except ValueError:
            value = -1
        if not math.isfinite(value) or value < 0:
            what = "a whole number" if kind is int else "a number"
            raise UsageError(Code.BAD_OPTION, f"{name} must be {what} >= 0: {raw!r}")
        return value
    if isinstance(default, list):
        items = tuple(x.strip() for x in text.split(",") if x.strip())
        if not items:
            raise UsageError(Code.BAD_OPTION, f"{name} must be a comma-separated list: {raw!r}")
        return items
    return text


def _from_env(section: str, key: str) -> Any:
    """A field whose default is read when a ``Settings`` is made (file, then environment)."""
    return field(default_factory=partial(setting, section, key))


@dataclass(frozen=True)
class Settings:
    max_bytes: int = _from_env("ingest", "max_bytes")
    languages: tuple[str, ...] = _from_env("ingest", "languages")
    min_text_chars: int = _from_env("ingest", "min_text_chars")
    max_text_chars: int = _from_env("ingest", "max_text_chars")
    near_duplicate_jaccard: float = _from_env("ingest", "near_duplicate_jaccard")
    fetch_timeout_s: float = _from_env("fetch", "timeout_s")
    fetch_max_bytes: int = _from_env("fetch", "max_bytes")
    fetch_max_redirects: int = _from_env("fetch", "max_redirects")
    allow_private: bool = _from_env("fetch", "allow_private")
    user_agent: str = _from_env("fetch", "user_agent")
    fetch_feed_pages: bool = True
    glob: str | None = None
    batch_size: int = _from_env("store", "batch_size")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def default_db() -> str:
    """The database used when none is given: $NEWSGRAPH_DB, else ./newsgraph.db."""
    return str(setting("store", "db"))


def cache_size_mb() -> int:
    """The web response cache size: $NEWSGRAPH_CACHE_MB, else ``[serve] cache_mb``."""
    return int(setting("serve", "cache_mb"))
