"""Story pages: ``/stories`` (the list, filtered by day and actors) and
``/stories/{id}`` (one story told outlet by outlet, with what each outlet leaves out),
each with its ``.json`` twin. Linked from article, actor and dyad pages."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsgraph.analyze import story_view
from newsgraph.web.api import Day, Limit, Offset, StoreDep
from newsgraph.web.errors import error_response
from newsgraph.web.pages import render, twin

router = APIRouter(include_in_schema=False)
Actors = Annotated[list[str] | None, Query(max_length=200)]


def _list(
    store: Any, since: str | None, actor: list[str] | None, limit: int, offset: int
) -> dict[str, Any]:
    start = (
        since
        if since is None or len(since) == 10
        else since + ("-01-01" if len(since) == 4 else "-01")
    )
    items = story_view.list_stories(
        store, since=start, actor=actor or None, limit=limit + 1, offset=offset
    )
    more = len(items) > limit
    return {
        "items": items[:limit],
        "limit": limit,
        "offset": offset,
        "next": offset + limit if more else None,
        "filters": {"since": since, "actor": actor or []},
    }


@router.get("/stories.json")
def stories_json(
    store: StoreDep, since: Day = None, actor: Actors = None, limit: Limit = 50, offset: Offset = 0
) -> Response:
    return twin(_list(store, since, actor, limit, offset))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(
    request: Request,
    store: StoreDep,
    since: Day = None,
    actor: Actors = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    data = _list(store, since, actor, limit, offset)

    def page_link(new_offset: int) -> str:
        return _url("/stories", since, actor, limit=limit, offset=new_offset)

    json_link = _url("/stories.json", since, actor)
    return render(request, "stories.html", data, page_link=page_link, json_link=json_link)


def _url(path: str, since: str | None, actor: list[str] | None, **more: Any) -> str:
    params: list[tuple[str, Any]] = [("since", since)] if since else []
    params += [("actor", a) for a in actor or []]
    params += list(more.items())
    return f"{path}?{urlencode(params)}" if params else path


def _story(request: Request, store: Any, story_id: int, suffix: str) -> dict[str, Any] | Response:
    record = story_view.story_record(store, story_id)
    if record is None:
        return error_response(request, 404, "NOT_FOUND", f"no story {story_id}")
    if "merged_into" in record:
        return RedirectResponse(f"/stories/{record['merged_into']}{suffix}", status_code=301)
    return record


@router.get("/stories/{story_id}.json")
def story_json(request: Request, story_id: int, store: StoreDep) -> Response:
    found = _story(request, store, story_id, ".json")
    return found if isinstance(found, Response) else twin(found)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: int, store: StoreDep) -> Response:
    found = _story(request, store, story_id, "")
    if isinstance(found, Response):
        return found
    return render(request, "story.html", found)
