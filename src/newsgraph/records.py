"""The records that stages hand each other: small frozen dataclasses, never spaCy objects.

Every span-bearing record carries ``start``/``end`` character offsets into its
article's ``text``, so ``article.text[start:end]`` is always the evidence.
``to_dict`` gives the public JSON shape that ``newsgraph extract`` prints.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["ok", "rejected", "duplicate"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    entity: str | None
    name: str | None
    start: int | None = None
    end: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None
    date: str | None = None
    # the quoted words' tone (extractors/tone): higher is more positive; None when not scored
    tone: float | None = None
    # a direct quote split by its attribution ('"A," he said, "B."'): start/end are the
    # outer bounds and text holds the attribution; parts are the quoted pieces alone, in
    # order. Empty (and left out of to_dict) for a quote in one piece
    parts: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"


@dataclass(frozen=True, slots=True)
class EventActor:
    """One side of an event: a KB entity, a country, an organisation or a typed agent.

    ``country`` is ISO 3166 alpha-3, or "IGO" for an intergovernmental organisation
    (as CAMEO codes it); ``sector`` the first CAMEO role code ("GOV", "MIL", "REB");
    ``code`` the full CAMEO-style actor code ("JORCOP", "IGOUNO", "RUSGOV") when the
    phrase could be coded (see ``newsgraph.kb.actor_codes``).
    """

    entity: str | None
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    trigger: Mention
    sentence: Span
    mode: str | None = None
    cameo: str | None = None
    source: tuple[EventActor, ...] = ()
    target: tuple[EventActor, ...] = ()
    date: str | None = None
    place: str | None = None
    intensity: float | None = None
    negated: bool = False
    modality: str | None = None
    # how sure the coder is, 0..1 (extractors/events/confidence.py); None when not assessed
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class ClaimSubject:
    """Whose figure a claim states: a resolved entity, or the words naming the subject."""

    entity: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who states a claim: the outlet's own voice, or a quoted speaker (``quote`` is the
    index of the quote in ``Article.quotes`` that holds the figure)."""

    kind: Literal["outlet", "quote"]
    name: str | None = None
    entity: str | None = None
    quote: int | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A number the article states (extractors/claims): ``value`` is the full number
    (800000000 for "$800 million") or a ``(low, high)`` range; ``unit`` is normalised
    ("percent", "percentage point", an ISO 4217 code such as "USD", "persons", or the
    singular counted noun); ``approx`` is one of = ~ > < >= <=; ``change`` "up"/"down"
    when the number is a rise or a fall. ``part`` is "title", "lead" (a standfirst
    before the body) or "body"; a title claim has no ``start``/``end`` into the text but
    ``title_start``/``title_end`` into the title. ``time`` is the TIMEX3 value of the
    time the figure is about, when the sentence states one."""

    start: int | None
    end: int | None
    text: str
    value: float | tuple[float, float]
    unit: str | None = None
    approx: str = "="
    change: str | None = None
    measure: str | None = None
    subject: ClaimSubject | None = None
    time: str | None = None
    attribution: Attribution | None = None
    part: str = "body"
    sentence: Span | None = None
    title_start: int | None = None
    title_end: int | None = None


@dataclass(frozen=True, slots=True)
class Published:
    """When an article was published, where that came from and how sure we are."""

    date: str | None = None
    origin: str | None = None  # given | metadata | text | inferred
    confidence: float = 0.0
    evidence: str | None = None
    # for an inferred date: the precision ``confidence`` vouches for (day, month or year);
    # ``date`` is the best estimate, a day whenever the evidence names one
    granularity: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published: Published = field(default_factory=Published)
    outlet: str | None = None
    content_hash: str = ""
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    # the article's tone (extractors/tone): GDELT-like, higher is more positive; None unscored
    tone: float | None = None
    status: Status = "ok"
    # what steps from other packages add, by name (JSON-serialisable values); shown in
    # `newsgraph extract` output under "extensions" when not empty; not stored (yet)
    extensions: dict[str, Any] = field(default_factory=dict, compare=False)
    # the multilingual sentence vector of title + lead (float32 bytes), computed in the NLP
    # stage's worker for story assignment and stored by the writer; internal: never in
    # to_dict(), so `newsgraph extract` output does not carry it
    story_vector: bytes | None = field(default=None, compare=False, repr=False)

    def replace(self, **changes: Any) -> Article:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = _plain(self)
        # keep the contract's key order: id, status, source, url, title, language, text, ...
        order = [
            "id",
            "status",
            "source",
            "url",
            "title",
            "language",
            "outlet",
            "text",
            "published",
            "content_hash",
            "entities",
            "quotes",
            "times",
            "claims",
            "tone",
            "events",
        ]
        out = {k: data[k] for k in order}
        for quote in out["quotes"]:
            if not quote["parts"]:
                del quote["parts"]  # only a quote split by its attribution has parts
        if out["published"]["granularity"] is None:
            del out["published"]["granularity"]  # only an inferred date has one
        if self.extensions:
            out["extensions"] = data["extensions"]
        return out


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, with its coded reason."""

    id: str
    source: str
    code: str
    message: str
    status: Status = "rejected"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "source": self.source,
            "error": {"code": self.code, "message": self.message},
        }


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An input whose text was already seen (exactly, or near by MinHash Jaccard)."""

    id: str
    source: str
    duplicate_of: str
    kind: Literal["exact", "near"]
    similarity: float
    url: str | None = None
    title: str | None = None
    status: Status = "duplicate"

    @classmethod
    def of(
        cls, article: Article, earlier: str, kind: Literal["exact", "near"], similarity: float
    ) -> Duplicate:
        """The record for ``article`` found to repeat ``earlier``."""
        return cls(
            id=article.id,
            source=article.source,
            duplicate_of=earlier,
            kind=kind,
            similarity=round(similarity, 4),
            url=article.url,
            title=article.title,
        )

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


Record = Article | Rejected | Duplicate


def _plain(obj: Any) -> Any:
    """dataclasses.asdict without deep-copying strings, and tuples as lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    return obj


def quote_pieces(quote: Mapping[str, Any]) -> list[tuple[int, int]] | None:
    """Where the pieces of a quote split by its attribution lie inside its ``text``
    (offsets relative to it), from a quote row or record dict with ``text``, ``start``
    and ``parts``; None for a quote in one piece, or when the pieces are not the stretches
    of its text they claim to be, in order (the CLI table and the web pages then show the
    whole text)."""
    text, start, parts = quote.get("text") or "", quote.get("start"), quote.get("parts") or []
    if not parts or not isinstance(start, int):
        return None
    found, last = [], 0
    for part in parts:
        a, b = part["start"] - start, part["end"] - start
        if not last <= a < b <= len(text) or text[a:b] != part["text"]:
            return None
        found.append((a, b))
        last = b
    return found
