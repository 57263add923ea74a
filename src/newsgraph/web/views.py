"""The data behind every API response and page, as plain JSON-able dicts.

The JSON API returns these; each HTML page renders one, and its ``.json`` twin
returns the same dict.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import URL

from newsgraph.analyze.quads import quad_class, quad_name
from newsgraph.store.db import Store
from newsgraph.store.search import SearchFilters, search_backend
from newsgraph.web import actors as actor_data
from newsgraph.web import events as event_data
from newsgraph.web import merged
from newsgraph.web.errors import ApiError, not_found
from newsgraph.web.events import EventFilters
from newsgraph.web.series import cooperation_series, quad_series

COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
RECENT_EVENTS = 20


def page(items: list[Any], total: int, limit: int, offset: int, url: URL) -> dict[str, Any]:
    """A list page with the URL of the next one (null on the last page)."""
    following = None
    if offset + limit < total:
        following = str(url.include_query_params(offset=offset + limit, limit=limit))
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next": following}


# ---- articles ------------------------------------------------------------------------------


def search_view(
    store: Store,
    q: str | None,
    filters: SearchFilters,
    limit: int,
    offset: int,
    url: URL,
    *,
    facets: bool,
) -> dict[str, Any]:
    """A page of matching articles, with facet counts when asked."""
    backend = search_backend(store.engine)
    found = backend.search(q, filters, limit, offset)
    data = page(found.rows, found.total, limit, offset, url)
    data["facets"] = backend.facets(q, filters) if facets else None
    return data


def article_view(store: Store, article_id: str) -> dict[str, Any]:
    """An article with every extraction, the inputs that carried it, and other
    articles reporting its events (through merged events)."""
    article = store.article(article_id)
    if article is None:
        raise not_found(f"article {article_id!r}")
    related = merged.same_event_reports(store, article_id)
    by_seq = merged.merged_ids_by_event(store, article_id)
    for seq, event in enumerate(article["events"]):
        quad = quad_class(event.get("type"))
        event["quad"] = quad
        event["quad_label"] = quad_name(quad)
        event.update(by_seq.get(seq, {}))
    article["sources"] = [_plain_source(s) for s in store.article_sources(article_id)]
    article["related"] = related
    return article


def _plain_source(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("source", "url", "duplicate_kind", "similarity")}


# ---- actors --------------------------------------------------------------------------------


def actors_view(store: Store, q: str | None, limit: int, offset: int, url: URL) -> dict[str, Any]:
    rows, total = actor_data.search_actor_list(store, q, limit, offset)
    return page(rows, total, limit, offset, url)


def actor_view(
    store: Store, actor_id: str, url: URL, limit: int = 20, offset: int = 0
) -> dict[str, Any]:
    """An actor's KB profile and roles, quotes, merged events per month by quad class
    (negated ones left out), and latest merged events."""
    profile = actor_data.actor_profile(store, actor_id)
    if profile is None:
        raise not_found(f"actor {actor_id!r}")
    quotes, total = actor_data.list_quotes(store, speaker=actor_id, limit=limit, offset=offset)
    events = merged.events_of(store, merged.actor_party(actor_id))
    profile["quotes"] = page(quotes, total, limit, offset, url)
    profile["series"] = quad_series(merged.asserted(events))
    profile["recent_events"] = merged.items(store, events[:RECENT_EVENTS])
    return profile


# ---- quotes, events, series ----------------------------------------------------------------


def quotes_view(
    store: Store,
    url: URL,
    *,
    speaker: str | None,
    since: str | None,
    until: str | None,
    article_id: str | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    rows, total = actor_data.list_quotes(
        store,
        speaker=speaker,
        since=since,
        until=until,
        article_id=article_id,
        limit=limit,
        offset=offset,
    )
    return page(rows, total, limit, offset, url)


def events_view(
    store: Store, filters: EventFilters, limit: int, offset: int, url: URL
) -> dict[str, Any]:
    rows, total = event_data.list_events(store, filters, limit, offset)
    return page(rows, total, limit, offset, url)


def timeline_view(
    store: Store, filters: EventFilters, limit: int, offset: int, url: URL
) -> dict[str, Any]:
    """Merged events per month by quad class (negated ones left out), and the merged
    events themselves newest first."""
    events = merged.filtered_events(store, filters)
    given = {k: v for k, v in vars(filters).items() if v}
    shown = merged.items(store, events[offset : offset + limit])
    return {
        "filters": given,
        "series": quad_series(merged.asserted(events)),
        "events": page(shown, len(events), limit, offset, url),
    }


def side(value: str) -> dict[str, str]:
    """A dyad side: an ISO alpha-3 country (``RUS`` or ``country:RUS``) or an actor id."""
    value = value.strip()
    code = value.removeprefix("country:")
    if COUNTRY_CODE.match(code):
        return {"kind": "country", "id": code}
    if not value:
        raise ApiError(400, "BAD_REQUEST", "a dyad side is empty")
    return {"kind": "actor", "id": value}


def dyad_view(store: Store, a: str, b: str) -> dict[str, Any]:
    """Monthly cooperation and conflict between two sides, both directions, counted
    in merged events (negated ones left out)."""
    one, other = side(a), side(b)
    events = merged.dyad_rows(store, merged.side_party(one), merged.side_party(other))
    return {
        "a": _named(store, one),
        "b": _named(store, other),
        "series": cooperation_series(events),
        "events": len(events),
    }


def dyad_events_view(
    store: Store, a: str, b: str, month: str | None, limit: int, offset: int, url: URL
) -> dict[str, Any]:
    """The merged events between two sides (a point of the dyad chart when ``month``
    is given), oldest first, each with its reports."""
    pa, pb = merged.side_party(side(a)), merged.side_party(side(b))
    events = merged.dyad_rows(store, pa, pb, month)
    shown = merged.items(store, events[offset : offset + limit])
    return page(shown, len(events), limit, offset, url)


def _named(store: Store, one: dict[str, str]) -> dict[str, str]:
    """A dyad side with a display name."""
    key = f"country:{one['id']}" if one["kind"] == "country" else one["id"]
    profile = actor_data.actor_profile(store, key)
    return {**one, "name": str((profile or {}).get("name") or one["id"])}


def stats_view(store: Store) -> dict[str, Any]:
    """The store's counts, with ``null`` keys named ``unknown``."""
    data = store.stats()
    for key in ("languages", "outlets"):
        data[key] = {str(k) if k is not None else "unknown": v for k, v in data[key].items()}
    return data
