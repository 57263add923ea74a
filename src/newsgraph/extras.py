"""Optional dependencies: a feature whose extra is not installed says which one to install.

The core install (``pip install newsgraph``) reads, extracts, stores in SQLite and
analyses. The web server, Ray, PostgreSQL and Parquet come with the extras ``web``,
``ray``, ``postgres`` and ``parquet`` (``all`` for every one). Entry points that need
one call ``require`` before anything imports the package:

    require("fastapi", "web", "newsgraph serve")

raises ``UsageError`` NG302 "newsgraph serve needs the web extra: pip install
'newsgraph[web]'" when ``fastapi`` cannot be imported.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from newsgraph.errors import Code, UsageError


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import ``module``, or raise NG302 naming the extra that ``what`` needs."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = exc.name or module
        raise UsageError(
            Code.MISSING_EXTRA,
            f"{what} needs the {extra} extra ({missing} is not installed): "
            f"pip install 'newsgraph[{extra}]'",
        ) from None


__all__ = ["require"]
