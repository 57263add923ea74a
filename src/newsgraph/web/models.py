"""Response shapes of the JSON API (they make the OpenAPI document)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

T = TypeVar("T")


class Open(BaseModel):
    """A record that may carry more keys than it declares."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    code: str
    message: str
    status: int


class ErrorBody(BaseModel):
    error: ErrorDetail


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next`` is the URL of the following page, or null."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None


class ArticleSummary(Open):
    id: str
    title: str | None = None
    url: str | None = None
    source: str
    outlet: str | None = None
    language: str | None = None
    published_date: str | None = None
    snippet: str = ""
    snippet_marks: list[list[int]] = Field(default_factory=list)


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class ArticlePage(Page[ArticleSummary]):
    facets: dict[str, list[FacetValue]] | None = None
    total_exact: bool = Field(True, description="False when total is an estimate")
    total_text: str | None = Field(None, description='The total as shown: "about 28,000"')


class Mention(Open):
    start: int
    end: int
    text: str


class Entity(Open):
    id: str
    name: str
    type: str
    country: str | None = None
    mentions: list[Mention] = Field(default_factory=list)


PARTS = (
    "A direct quote split by its attribution: the quoted pieces alone, in order (start, "
    "end and text hold the outer bounds, attribution included)"
)


class Quote(Open):
    """A quote as the record format has it: ``parts`` only for a quote split by its
    attribution (left out, not null, for a quote in one piece)."""

    start: int
    end: int
    text: str
    direct: bool
    cue: str | None = None
    speaker: dict[str, Any] | None = None
    date: str | None = None
    tone: float | None = None
    parts: list[Mention] | None = Field(None, description=PARTS)

    # no return annotation: pydantic would document the answer as that type instead of
    # this model in the OpenAPI schema
    @model_serializer(mode="wrap")
    def _one_piece_has_no_parts(self, handler: SerializerFunctionWrapHandler):
        out = handler(self)
        if isinstance(out, dict) and out.get("parts") is None:
            out.pop("parts", None)
        return out


class TimeExpr(Open):
    start: int
    end: int
    text: str
    value: str | None = None
    type: str


class Event(Open):
    type: str
    cameo: str | None = None
    quad: int | None = None
    quad_label: str | None = None
    source: list[dict[str, Any]] = Field(default_factory=list)
    target: list[dict[str, Any]] = Field(default_factory=list)
    date: str | None = None
    trigger: dict[str, Any]
    sentence: dict[str, Any]
    merged_event_id: int | None = None
    n_articles: int | None = None
    n_sources: int | None = None


class RelatedReport(BaseModel):
    article_id: str
    title: str | None = None
    type: str
    date: str | None = None


class ArticleDetail(Open):
    id: str
    status: str
    source: str
    url: str | None = None
    title: str | None = None
    language: str | None = None
    outlet: str | None = None
    text: str
    published: dict[str, Any]
    entities: list[Entity]
    quotes: list[Quote]
    times: list[TimeExpr]
    events: list[Event]
    sources: list[dict[str, Any]] = Field(default_factory=list)
    related: list[RelatedReport] = Field(default_factory=list)


class ActorSummary(Open):
    id: str
    name: str | None = None
    country: str | None = None
    type: str | None = None
    in_kb: bool
    articles: int


class QuoteRow(Open):
    article_id: str
    seq: int
    text: str
    direct: bool
    cue: str | None = None
    speaker_entity: str | None = None
    speaker_name: str | None = None
    speaker_text: str | None = None
    start: int
    end: int
    parts: list[Mention] | None = Field(None, description=PARTS + "; null for one piece")
    date: str | None = None
    title: str | None = None
    language: str | None = None  # the article's: the quote is in its original words


class EventRow(Event):
    """A stored event (one report); ``date`` falls back to its article's publication."""

    article_id: str
    seq: int
    article_title: str | None = None


class Report(BaseModel):
    """One article reporting a merged event."""

    article_id: str
    seq: int
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    in_lead: bool = False


class MergedEventRow(EventRow):
    """A merged event (one however many articles report it): ``article_id``, ``seq``,
    ``trigger`` and ``sentence`` are its first report's; ``intensity`` is the mean of its
    reports'; ``reports`` lists them all."""

    merged_event_id: int
    n_mentions: int
    n_articles: int
    n_sources: int
    first_seen: str | None = None
    last_seen: str | None = None
    reports: list[Report] = Field(default_factory=list)


class QuadPoint(BaseModel):
    """Merged events in one period (``2017``, ``2017-02``, ``2017-W06``, ``2017-02-07``,
    as the series' ``by`` says) per quad class; ``mentions`` counts their reports."""

    period: str
    quads: dict[str, int]
    total: int
    mentions: int = 0


class CoopPoint(BaseModel):
    """Merged events in one period: cooperation (quads 1-2) and conflict (quads 3-4)."""

    period: str
    cooperation: int
    conflict: int
    total: int
    mentions: int = 0
    quads: dict[str, int] = Field(default_factory=dict)


class ActorDetail(Open):
    id: str
    name: str | None = None
    kind: str
    in_kb: bool
    articles: int
    mentions: int
    roles: list[dict[str, Any]]
    quotes: Page[QuoteRow]
    series: list[QuadPoint]
    by: str  # the series' period: day, week, month or year
    recent_events: list[MergedEventRow]


class Timeline(BaseModel):
    filters: dict[str, str]
    series: list[QuadPoint]
    by: str  # the series' period: day, week, month or year
    events: Page[MergedEventRow]


class Dyad(BaseModel):
    a: dict[str, str]
    b: dict[str, str]
    series: list[CoopPoint]
    by: str  # the series' period: day, week, month or year
    events: int


class Stats(Open):
    tables: dict[str, int]
    languages: dict[str, int]
    outlets: dict[str, int]
    # mojibake repaired at ingest: {"articles": n, "words": n}
    repairs: dict[str, int]
    runs: list[dict[str, Any]]


class IngestText(BaseModel):
    """An article given as text (and optional metadata) in a JSON body."""

    text: str = Field(min_length=1, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=40)
    language: str | None = Field(default=None, max_length=16)
    outlet: str | None = Field(default=None, max_length=200)
    id: str | None = Field(default=None, max_length=64)


class IngestUrl(BaseModel):
    url: str = Field(min_length=1, max_length=4000)


class IngestRecord(BaseModel):
    id: str
    status: str
    source: str
    error: dict[str, str] | None = None
    duplicate_of: str | None = None


class IngestResult(BaseModel):
    run_id: int
    added: int
    duplicates: int
    rejected: int
    already_stored: int
    records: list[IngestRecord]
