"""One way to read the data files that ship inside the package: by package and name, cached.

Every word list and table (``extractors/*/data/*.json``, ``kb/data/*``, ``inputs/*.txt``)
is read through :func:`load_json` or :func:`read_text`, once per process. The returned
objects are shared: callers build their own structures from them and never mutate them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def read_text(package: str, name: str) -> str:
    """The text of data file ``name`` (a path relative to ``package``, '/'-separated)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@cache
def load_json(package: str, name: str) -> Any:
    """The parsed JSON of data file ``name`` inside ``package`` (read once)."""
    return json.loads(read_text(package, name))
