"""Server-rendered pages; each has a ``.json`` twin returning the data it renders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from newsgraph.store.search import QuerySyntaxError, SearchFilters
from newsgraph.web import views
from newsgraph.web.api import DAY, By, Day, EventFiltersDep, Limit, Offset, StoreDep, Text
from newsgraph.web.highlight import (
    actor_href,
    article_html,
    event_tip,
    quote_html,
    safe_url,
    snippet_html,
)

router = APIRouter(include_in_schema=False)
FACET_PARAMS = {"outlet": "outlet", "language": "language", "year": "year", "actor": "actor"}


def render(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
    """``template`` over ``data`` (and page-only helpers in ``extra``)."""
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"data": data, **extra})


def twin(data: dict[str, Any]) -> Response:
    from fastapi.encoders import jsonable_encoder

    return JSONResponse(jsonable_encoder(data))


def period_links(request: Request, by: str | None) -> dict[str, Any]:
    """What a chart's period line needs: whether ``by`` was given, and the URL of this
    page counted by another period."""

    def period_link(period: str) -> str:
        params = dict(request.query_params)
        params.pop("offset", None)
        return link(request.url.path, **{**params, "by": period})

    return {"by_given": by is not None, "period_link": period_link}


def link(path: str, **params: Any) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


# ---- search --------------------------------------------------------------------------------


def _search(
    request: Request, store: Any, q: str | None, filters: SearchFilters, limit: int, offset: int
) -> dict[str, Any]:
    data = views.search_view(store, q, filters, limit, offset, request.url, facets=True)
    data["q"] = q or ""
    data["filters"] = filters.as_dict()
    return data


Q = Annotated[str | None, Query(max_length=500)]
Year = Annotated[str | None, Query(pattern=r"^\d{4}$")]


@dataclass(frozen=True)
class SearchQuery:
    """The search page's query string, shared by the page and its .json twin."""

    q: str | None
    filters: SearchFilters
    limit: int
    offset: int


async def search_query(
    q: Q = None,
    source: Text = None,
    outlet: Text = None,
    language: Text = None,
    since: Day = None,
    until: Day = None,
    year: Year = None,
    actor: Text = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchQuery:
    filters = SearchFilters(source, outlet, language, since, until, year, actor)
    return SearchQuery(q, filters, limit, offset)


SearchDep = Annotated[SearchQuery, Depends(search_query)]


@router.get("/search.json")
def search_json(request: Request, store: StoreDep, query: SearchDep) -> Response:
    return twin(_search(request, store, query.q, query.filters, query.limit, query.offset))


@router.get("/", response_class=HTMLResponse)
@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep, query: SearchDep) -> Response:
    q, filters, limit, offset = query.q, query.filters, query.limit, query.offset
    status = 200
    try:
        data = _search(request, store, q, filters, limit, offset)
    except QuerySyntaxError as exc:  # the page again, with the query kept and explained
        status = 400
        data = {"items": [], "total": 0, "limit": limit, "offset": offset, "next": None}
        data.update(q=q or "", filters=filters.as_dict(), error=exc.detail, facets={})
    base = {"q": q, **filters.as_dict()}

    def facet_link(name: str, value: str | None) -> str:
        return link("/search", **{**base, FACET_PARAMS[name]: value})

    def page_link(new_offset: int) -> str:
        return link("/search", **base, limit=limit, offset=new_offset)

    response = render(
        request,
        "search.html",
        data,
        facet_link=facet_link,
        page_link=page_link,
        snippet_html=snippet_html,
        json_link=link("/search.json", **base),
    )
    response.status_code = status
    return response


# ---- articles ------------------------------------------------------------------------------


@router.get("/articles/{article_id:path}.json")
def article_json(article_id: str, store: StoreDep) -> Response:
    return twin(views.article_view(store, article_id))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, store: StoreDep) -> Response:
    data = views.article_view(store, article_id)
    return render(
        request,
        "article.html",
        data,
        body=article_html(data),
        url=safe_url(data.get("url")),
        actor_href=actor_href,
        event_tip=event_tip,
        quote_html=quote_html,
    )


# ---- actors --------------------------------------------------------------------------------


@router.get("/actors.json")
def actors_json(
    request: Request, store: StoreDep, q: Text = None, limit: Limit = 20, offset: Offset = 0
) -> Response:
    return twin(views.actors_view(store, q, limit, offset, request.url))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request, store: StoreDep, q: Text = None, limit: Limit = 50, offset: Offset = 0
) -> Response:
    data = views.actors_view(store, q, limit, offset, request.url)
    data["q"] = q or ""
    return render(
        request,
        "actors.html",
        data,
        actor_href=actor_href,
        page_link=lambda o: link("/actors", q=q, limit=limit, offset=o),
    )


@router.get("/actors/{actor_id}.json")
def actor_json(
    actor_id: str,
    request: Request,
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    by: By = None,
) -> Response:
    return twin(views.actor_view(store, actor_id, request.url, limit, offset, by))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(
    actor_id: str,
    request: Request,
    store: StoreDep,
    limit: Limit = 20,
    offset: Offset = 0,
    by: By = None,
) -> Response:
    data = views.actor_view(store, actor_id, request.url, limit, offset, by)
    return render(
        request,
        "actor.html",
        data,
        **period_links(request, by),
        actor_href=actor_href,
        event_tip=event_tip,
        quote_html=quote_html,
        page_link=lambda o: link(actor_href(actor_id), by=by, limit=limit, offset=o),
    )


# ---- dyads and timelines -------------------------------------------------------------------

Side = Annotated[str | None, Query(max_length=200)]


@router.get("/dyad.json")
def dyad_json(store: StoreDep, a: Side = None, b: Side = None, by: By = None) -> Response:
    return twin(views.dyad_view(store, a or "", b or "", by) if a and b else {})


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(
    request: Request, store: StoreDep, a: Side = None, b: Side = None, by: By = None
) -> Response:
    data = views.dyad_view(store, a, b, by) if a and b else {}
    return render(request, "dyad.html", data, a=a or "", b=b or "", **period_links(request, by))


@router.get("/timeline.json")
def timeline_json(
    request: Request,
    store: StoreDep,
    filters: EventFiltersDep,
    limit: Limit = 50,
    offset: Offset = 0,
    by: By = None,
) -> Response:
    return twin(views.timeline_view(store, filters, limit, offset, request.url, by))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    store: StoreDep,
    filters: EventFiltersDep,
    limit: Limit = 50,
    offset: Offset = 0,
    by: By = None,
) -> Response:
    data = views.timeline_view(store, filters, limit, offset, request.url, by)
    given = data["filters"]
    return render(
        request,
        "timeline.html",
        data,
        **period_links(request, by),
        event_tip=event_tip,
        actor_href=actor_href,
        page_link=lambda o: link("/timeline", **given, by=by, limit=limit, offset=o),
        day_pattern=DAY,
    )


@router.get("/stats.json")
def stats_json(store: StoreDep) -> Response:
    return twin(views.stats_view(store))


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, store: StoreDep) -> Response:
    return render(request, "stats.html", views.stats_view(store))
