"""The JSON REST API under ``/api/`` (documented at ``/docs`` and ``/openapi.json``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, File, Query, Request, UploadFile
from starlette.concurrency import run_in_threadpool

from newsgraph.settings import Settings
from newsgraph.store.db import Store
from newsgraph.store.search import SearchFilters
from newsgraph.web import ingest as web_ingest
from newsgraph.web import models as m
from newsgraph.web import views
from newsgraph.web.events import EventFilters

DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MONTH = r"^\d{4}-\d{2}$"
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": m.ErrorBody, "description": "Bad request (including bad search syntax)"},
    404: {"model": m.ErrorBody, "description": "Not found"},
    500: {"model": m.ErrorBody, "description": "Server error"},
}
INGEST_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": m.ErrorBody, "description": "Missing or wrong token"},
    413: {"model": m.ErrorBody, "description": "Too large"},
}

router = APIRouter(prefix="/api", responses=ERRORS)


async def get_store(request: Request) -> Store:
    """The app's store (async: a plain function would cost a trip to the thread pool)."""
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=200, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]
Day = Annotated[str | None, Query(pattern=DAY, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=500)]
By = Annotated[
    Literal["day", "week", "month", "year"] | None,
    Query(description="Chart period; chosen from the time span of the events when not given"),
]
PERIOD = r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$"


# ---- articles ------------------------------------------------------------------------------


@router.get("/articles", response_model=m.ArticlePage, tags=["articles"])
async def list_articles(
    request: Request,
    store: StoreDep,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description=("Full-text query (SQLite: FTS5 syntax; PostgreSQL: web search syntax)"),
        ),
    ] = None,
    source: Text = None,
    outlet: Text = None,
    language: Text = None,
    since: Day = None,
    until: Day = None,
    year: Annotated[str | None, Query(pattern=r"^\d{4}$")] = None,
    actor: Annotated[
        str | None,
        Query(
            max_length=200,
            description=("An entity id (Q7747, country:RUS) or an entity's exact name"),
        ),
    ] = None,
    facets: bool = False,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Any:
    """Search and filter articles; newest first without ``q``, best match first with it."""
    filters = SearchFilters(
        source=source,
        outlet=outlet,
        language=language,
        since=since,
        until=until,
        year=year,
        actor=actor,
    )
    return await run_in_threadpool(
        views.search_view, store, q, filters, limit, offset, request.url, facets=facets
    )


@router.get("/articles/{article_id:path}", response_model=m.ArticleDetail, tags=["articles"])
async def get_article(article_id: str, store: StoreDep) -> Any:
    """An article with its entities, quotes, time expressions and events."""
    return await run_in_threadpool(views.article_view, store, article_id)


# ---- actors --------------------------------------------------------------------------------


@router.get("/actors", response_model=m.Page[m.ActorSummary], tags=["actors"])
async def list_actors(
    request: Request, store: StoreDep, q: Text = None, limit: Limit = 20, offset: Offset = 0
) -> Any:
    """Actors by name (KB names and aliases, then names seen in articles), or the most
    mentioned actors without ``q``."""
    return await run_in_threadpool(views.actors_view, store, q, limit, offset, request.url)


@router.get("/actors/{actor_id}", response_model=m.ActorDetail, tags=["actors"])
async def get_actor(
    actor_id: str,
    request: Request,
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    by: By = None,
) -> Any:
    """An actor's KB roles, quotes (paged), merged events per period (``by``, else chosen
    from their span) by quad class (negated ones left out), latest merged events."""
    return await run_in_threadpool(
        views.actor_view, store, actor_id, request.url, limit, offset, by
    )


# ---- quotes, events, series ----------------------------------------------------------------


@router.get("/quotes", response_model=m.Page[m.QuoteRow], tags=["quotes"])
async def list_quotes(
    request: Request,
    store: StoreDep,
    speaker: Annotated[
        str | None,
        Query(max_length=200, description=("An entity id, a KB name or alias, or a name fragment")),
    ] = None,
    since: Day = None,
    until: Day = None,
    article_id: Text = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Any:
    """Quotes newest first, by speaker and day."""
    return await run_in_threadpool(
        views.quotes_view,
        store,
        request.url,
        speaker=speaker,
        since=since,
        until=until,
        article_id=article_id,
        limit=limit,
        offset=offset,
    )


async def event_filters(
    type: Annotated[str | None, Query(max_length=16)] = None,  # noqa: A002
    actor: Text = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{3}$")] = None,
    since: Day = None,
    until: Day = None,
    month: Annotated[str | None, Query(pattern=MONTH)] = None,
    article_id: Text = None,
) -> EventFilters:
    return EventFilters(
        type=type,
        actor=actor,
        country=country,
        since=since,
        until=until,
        month=month,
        article_id=article_id,
    )


EventFiltersDep = Annotated[EventFilters, Depends(event_filters)]


@router.get("/events", response_model=m.Page[m.EventRow], tags=["events"])
async def list_events(
    request: Request,
    store: StoreDep,
    filters: EventFiltersDep,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Any:
    """Stored events newest first, one per report (an event reported by three articles
    is three rows), by type, actor (entity id), country, day or article."""
    return await run_in_threadpool(views.events_view, store, filters, limit, offset, request.url)


@router.get("/timeline", response_model=m.Timeline, tags=["series"])
async def timeline(
    request: Request,
    store: StoreDep,
    filters: EventFiltersDep,
    limit: Limit = 20,
    offset: Offset = 0,
    by: By = None,
) -> Any:
    """Merged events (one per event, however many articles report it) per period (``by``,
    else chosen from their span) by quad class, negated ones left out, and the merged
    events newest first (paged)."""
    return await run_in_threadpool(
        views.timeline_view, store, filters, limit, offset, request.url, by
    )


Side = Annotated[
    str,
    Query(
        min_length=1,
        max_length=200,
        description="An actor (name, alias or KB id) or a country (name or ISO alpha-3 code)",
    ),
]


@router.get("/dyad", response_model=m.Dyad, tags=["series"])
async def dyad(store: StoreDep, a: Side, b: Side, by: By = None) -> Any:
    """Cooperation and conflict between two actors or two countries per period (``by``,
    else chosen from their span), counted in merged events (one per event however many
    articles report it; negated ones left out)."""
    return await run_in_threadpool(views.dyad_view, store, a, b, by)


@router.get("/dyad/events", response_model=m.Page[m.MergedEventRow], tags=["series"])
async def dyad_events(
    request: Request,
    store: StoreDep,
    a: Side,
    b: Side,
    month: Annotated[str | None, Query(pattern=MONTH)] = None,
    limit: Limit = 20,
    offset: Offset = 0,
    period: Annotated[
        str | None,
        Query(pattern=PERIOD, description="A chart point: YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD"),
    ] = None,
) -> Any:
    """The merged events between two sides, oldest first, optionally in one period (a
    point of the chart; ``month`` is the older name of a month's point); each with its
    first report's sentence and every report."""
    return await run_in_threadpool(
        views.dyad_events_view, store, a, b, period or month, limit, offset, request.url
    )


@router.get("/stats", response_model=m.Stats, tags=["stats"])
async def stats(store: StoreDep) -> Any:
    """Counts per table, per language and per outlet, and the latest runs."""
    return await run_in_threadpool(views.stats_view, store)


# ---- ingestion -----------------------------------------------------------------------------

TokenDep = Depends(web_ingest.require_token)


@router.post(
    "/ingest/url",
    response_model=m.IngestResult,
    status_code=201,
    tags=["ingest"],
    responses=INGEST_ERRORS,
    dependencies=[TokenDep],
)
def ingest_url(store: StoreDep, body: Annotated[m.IngestUrl, Body()]) -> Any:
    """Fetch a public web page and store what it says (private addresses are refused)."""
    return web_ingest.ingest_url(store, body.url, Settings())


@router.post(
    "/ingest/text",
    response_model=m.IngestResult,
    status_code=201,
    tags=["ingest"],
    responses=INGEST_ERRORS,
    dependencies=[TokenDep],
    openapi_extra=web_ingest.TEXT_BODY,
)
async def ingest_text(request: Request, store: StoreDep) -> Any:
    """Store an article given as text, with optional title, url, date and outlet (a JSON
    ``IngestText``; streamed to a file, so the server holds no copy while it ingests)."""
    return await web_ingest.ingest_text_request(request, store, Settings())


@router.post(
    "/ingest/file",
    response_model=m.IngestResult,
    status_code=201,
    tags=["ingest"],
    responses=INGEST_ERRORS,
    dependencies=[TokenDep],
)
async def ingest_file(store: StoreDep, file: Annotated[UploadFile, File()]) -> Any:
    """Store the articles of an uploaded file (text, HTML, JSONL, CSV, WARC, feed)."""
    settings = Settings()
    return await run_in_threadpool(
        web_ingest.ingest_upload, store, file.filename, file.file, settings
    )
