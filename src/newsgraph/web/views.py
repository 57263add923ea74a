"""The data behind every API response and page, as plain JSON-able dicts.

The JSON API returns these; each HTML page renders one, and its ``.json`` twin
returns the same dict.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from starlette.datastructures import URL

from newsgraph.analyze import story_view
from newsgraph.analyze.quads import quad_class, quad_name
from newsgraph.errors import Code
from newsgraph.store.db import Store
from newsgraph.store.search import QuerySyntaxError, SearchFilters, search_backend
from newsgraph.web import actors as actor_data
from newsgraph.web import events as event_data
from newsgraph.web import merged
from newsgraph.web.errors import ApiError, not_found
from newsgraph.web.events import EventFilters

COUNTRY_CODE = re.compile(r"^[A-Z]{3}$")
ACTOR_ID = re.compile(r"^(?:Q\d+|[a-z]+:[\w:.-]+)$")
RECENT_EVENTS = 20
P = ParamSpec("P")
R = TypeVar("R")


def one_read(view: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """``view`` with all its reads in one connection and transaction (``Store.reading``):
    one snapshot of the data for the whole answer, one pool checkout, ``BEGIN`` and
    ``ROLLBACK`` instead of one per query group."""

    @functools.wraps(view)
    def scoped(store: Store, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with store.reading():
            return view(store, *args, **kwargs)

    return scoped


def page(items: list[Any], total: int, limit: int, offset: int, url: URL) -> dict[str, Any]:
    """A list page with the URL of the next one (null on the last page)."""
    following = None
    if offset + limit < total:
        following = str(url.include_query_params(offset=offset + limit, limit=limit))
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next": following}


# ---- articles ------------------------------------------------------------------------------


@one_read
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
    """A page of matching articles, with facet counts when asked. A query the search
    engine cannot read raises ``QuerySyntaxError`` saying what to change."""
    if filters.actor and not ACTOR_ID.match(filters.actor):  # a name, as in the CLI
        from dataclasses import replace

        filters = replace(filters, actor=actor_id_of(filters.actor) or filters.actor)
    backend = search_backend(store.engine)
    try:
        counts = None
        if facets:
            found, counts = backend.search_with_facets(q, filters, limit, offset)
        else:
            found = backend.search(q, filters, limit, offset)
        data = page(found.rows, found.total, limit, offset, url)
        data["total_exact"], data["total_text"] = found.exact, found.total_text
        data["facets"] = counts
    except QuerySyntaxError as exc:
        raise QuerySyntaxError(Code.BAD_OPTION, explain_query_error(q or "")) from exc
    fill_titles(store, data["items"], id_key="id", title_key="title")
    return data


SEARCH_HELP = (
    'Write words (all must occur), "a phrase" in double quotes, AND / OR / NOT in capitals '
    "between two words, or word* for a prefix; other punctuation is best left out."
)


def explain_query_error(q: str) -> str:
    """What is wrong with a full-text query the engine refused, in words, then how
    queries are written (the engine's own message, such as ``fts5: syntax error near
    "("``, means nothing to a reader)."""
    words = q.split()
    problems = []
    if q.count('"') % 2:
        problems.append("a double quote is not closed")
    if q.count("(") != q.count(")"):
        problems.append("brackets do not pair up")
    if words and (words[0] in ("AND", "OR", "NOT") or words[-1] in ("AND", "OR", "NOT", "NEAR")):
        problems.append("AND, OR and NOT need a word on each side")
    if any(w.startswith("*") for w in words):
        problems.append("* can only end a word (sanction*)")
    if re.search(r"\w:\w", q):
        problems.append("word:word asks for a column; search words only")
    if not problems:
        problems.append("it uses characters the search syntax reserves")
    return f"The search {q!r} could not be read: {'; '.join(problems)}. {SEARCH_HELP}"


def fill_titles(store: Store, rows: list[dict[str, Any]], *, id_key: str, title_key: str) -> None:
    """Give every row whose article has no title a readable one: the first words of
    the article's text (never its id)."""
    missing = {r[id_key] for r in rows if r.get(id_key) and not (r.get(title_key) or "").strip()}
    if not missing:
        return
    openings = article_openings(store, missing)
    for row in rows:
        if row.get(id_key) in openings and not (row.get(title_key) or "").strip():
            row[title_key] = openings[row[id_key]]


def article_openings(store: Store, ids: set[str]) -> dict[str, str]:
    """The first words of each article's text, as a stand-in title."""
    from sqlalchemy import func, select

    from newsgraph.store import schema

    a = schema.articles
    stmt = select(a.c.id, func.substr(a.c.text, 1, 200)).where(a.c.id.in_(sorted(ids)))
    with store.connect() as conn:
        return {str(i): untitled(text) for i, text in conn.execute(stmt)}


def untitled(text: str | None, words: int = 10) -> str:
    """A stand-in title: the first ``words`` words of the text, then an ellipsis."""
    tokens = (text or "").split()
    if not tokens:
        return "(untitled, no text)"
    opening = " ".join(tokens[:words])
    return opening + ("…" if len(tokens) > words else "")


@one_read
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
    article["story"] = story_view.article_story(store, article_id)
    fill_titles(store, related, id_key="article_id", title_key="title")
    if not (article.get("title") or "").strip():
        article["display_title"] = untitled(article.get("text"))
    else:
        article["display_title"] = article["title"]
    return article


def _plain_source(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in ("source", "url", "duplicate_kind", "similarity")}


# ---- actors --------------------------------------------------------------------------------


@one_read
def actors_view(store: Store, q: str | None, limit: int, offset: int, url: URL) -> dict[str, Any]:
    rows, total = actor_data.search_actor_list(store, q, limit, offset)
    return page(rows, total, limit, offset, url)


@one_read
def actor_view(
    store: Store, actor_id: str, url: URL, limit: int = 20, offset: int = 0, by: str | None = None
) -> dict[str, Any]:
    """An actor's KB profile and roles, quotes, merged events per period (``by``, else
    chosen from their span) by quad class (negated ones left out), and latest merged
    events."""
    profile = actor_data.actor_profile(store, actor_id)
    if profile is None and not ACTOR_ID.match(actor_id):  # a name: /actors/Putin
        actor_id = actor_id_of(actor_id) or actor_id
        profile = actor_data.actor_profile(store, actor_id)
    if profile is None:
        raise not_found(f"actor {actor_id!r}")
    quotes, total = actor_data.list_quotes(store, speaker=actor_id, limit=limit, offset=offset)
    fill_titles(store, quotes, id_key="article_id", title_key="title")
    profile["quotes"] = page(quotes, total, limit, offset, url)
    profile["series"], profile["by"] = merged.actor_series(store, actor_id, by)
    recent = merged.recent_events(store, actor_id, RECENT_EVENTS)
    profile["recent_events"] = merged.items(store, recent)
    titled_events(store, profile["recent_events"])
    return profile


# ---- quotes, events, series ----------------------------------------------------------------


@one_read
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


@one_read
def events_view(
    store: Store, filters: EventFilters, limit: int, offset: int, url: URL
) -> dict[str, Any]:
    """Stored events; ``actor`` may be a name, an alias or a country, as on the command
    line (an unknown one is a 400 saying what to type)."""
    resolved, _, unknown = resolve_actor_filter(filters)
    if unknown is not None:
        raise ApiError(400, "BAD_REQUEST", _unknown_actor(unknown))
    rows, total = event_data.list_events(store, resolved, limit, offset)
    return page(rows, total, limit, offset, url)


def actor_id_of(text: str) -> str | None:
    """The id an actor or country name stands for (``Putin`` -> ``Q7747``, ``Russia``
    -> ``country:RUS``); None when the knowledge base knows neither."""
    from newsgraph.analyze.parties import resolve_party
    from newsgraph.errors import UsageError

    try:
        party = resolve_party(text)
    except UsageError:
        return None
    return f"country:{party.country}" if party.country else party.entities[0]


def _unknown_actor(text: str) -> str:
    return (
        f"no actor or country called {text!r} in the knowledge base: try a full name, "
        "an alias, a KB id (Q7747) or a country code (RUS)"
    )


@one_read
def timeline_view(
    store: Store,
    filters: EventFilters,
    limit: int,
    offset: int,
    url: URL,
    by: str | None = None,
) -> dict[str, Any]:
    """Merged events per period (``by``, else chosen from their span: day, week, month
    or year) by quad class (negated ones left out), and the merged
    events themselves newest first. ``actor`` may be a KB id, a name or alias
    ("Vladimir Putin", "Putin") or a country ("Russia", "RUS"), as on the command line;
    ``empty`` says why there is no chart or no event."""
    given = {k: v for k, v in vars(filters).items() if v}
    resolved, who, unknown = resolve_actor_filter(filters)
    rows, total, series, by = (
        ([], 0, [], by or "month")
        if unknown is not None
        else merged.timeline_page(store, resolved, limit, offset, by)
    )
    shown = merged.items(store, rows)
    titled_events(store, shown)
    return {
        "filters": given,
        "actor": who,
        "series": series,
        "by": by,
        "events": page(shown, total, limit, offset, url),
        "empty": _why_empty(total, series, who, unknown, by),
    }


def resolve_actor_filter(
    filters: EventFilters,
) -> tuple[EventFilters, dict[str, str] | None, str | None]:
    """The filters with ``actor`` turned into an entity id (or a country), the actor
    shown (``{"id", "name"}``), and the text when it names nothing known."""
    from dataclasses import replace

    from newsgraph.analyze.parties import resolve_party
    from newsgraph.errors import UsageError

    text = (filters.actor or "").strip()
    if not text:
        return filters, None, None
    if ACTOR_ID.match(text):  # an id as stored (Q7747, country:RUS, ng:org:eu), as before
        return filters, {"id": text, "name": _kb_name(text)}, None
    try:
        party = resolve_party(text)
    except UsageError:
        return replace(filters, actor=None), None, text
    if party.country:
        country = filters.country or party.country
        return (
            replace(filters, actor=None, country=country),
            {
                "id": f"country:{party.country}",
                "name": party.label,
            },
            None,
        )
    entity = party.entities[0]
    return replace(filters, actor=entity), {"id": entity, "name": party.label}, None


def _kb_name(entity_id: str) -> str:
    from newsgraph.kb.load import default_kb

    kb = default_kb()
    record = kb.people.get(entity_id) or kb.organisations.get(entity_id)
    return str(record.name) if record is not None else entity_id


def _why_empty(
    events: int,
    series: list[dict[str, Any]],
    who: dict[str, str] | None,
    unknown: str | None,
    by: str = "month",
) -> str | None:
    """Why the page has no events or no chart, in words (None when it has both)."""
    if unknown is not None:
        return (
            f"No actor or country called {unknown!r} in the knowledge base: "
            "try a full name, an alias or an id from the Actors page."
        )
    name = f"{who['name']} ({who['id']})" if who else "these filters"
    if not events:
        return (
            f"No events of {name} in the database: an event counts when one of its sides "
            "is resolved to the actor (quotes are on the actor's page)."
        )
    if not series:
        return (
            f"{events} events of {name}, but none both asserted and dated to a {by}, "
            "so there is nothing to chart."
        )
    return None


def titled_events(store: Store, events: list[dict[str, Any]]) -> None:
    """Stand-in titles for untitled articles of merged event items and their reports."""
    fill_titles(
        store, [r for ev in events for r in ev["reports"]], id_key="article_id", title_key="title"
    )
    fill_titles(store, events, id_key="article_id", title_key="article_title")


def side(value: str) -> dict[str, str]:
    """A dyad side: an ISO alpha-3 country (``RUS`` or ``country:RUS``), an actor id as
    stored (``Q7747``), or a name the knowledge base knows, as on the command line
    ("Vladimir Putin", "Putin", "Russia")."""
    from newsgraph.analyze.parties import resolve_party
    from newsgraph.errors import UsageError

    value = value.strip()
    code = value.removeprefix("country:")
    if COUNTRY_CODE.match(code):
        return {"kind": "country", "id": code}
    if not value:
        raise ApiError(400, "BAD_REQUEST", "a dyad side is empty")
    if ACTOR_ID.match(value):
        return {"kind": "actor", "id": value}
    try:
        party = resolve_party(value)
    except UsageError:
        raise ApiError(400, "BAD_REQUEST", _unknown_actor(value)) from None
    if party.country:
        return {"kind": "country", "id": party.country}
    return {"kind": "actor", "id": party.entities[0]}


@one_read
def dyad_view(store: Store, a: str, b: str, by: str | None = None) -> dict[str, Any]:
    """Cooperation and conflict between two sides per period (``by``, else chosen from
    their span), both directions, counted in merged events (negated ones left out)."""
    one, other = side(a), side(b)
    series, events, by = merged.dyad_chart(
        store, merged.side_party(one), merged.side_party(other), by
    )
    return {
        "a": _named(store, one),
        "b": _named(store, other),
        "series": series,
        "by": by,
        "events": events,
    }


@one_read
def dyad_events_view(
    store: Store, a: str, b: str, period: str | None, limit: int, offset: int, url: URL
) -> dict[str, Any]:
    """The merged events between two sides (a point of the dyad chart when ``period``
    is given: ``2017``, ``2017-02``, ``2017-W06`` or ``2017-02-07``), oldest first, each
    with its reports."""
    pa, pb = merged.side_party(side(a)), merged.side_party(side(b))
    rows, total = merged.dyad_page(store, pa, pb, period, limit, offset)
    shown = merged.items(store, rows)
    return page(shown, total, limit, offset, url)


def _named(store: Store, one: dict[str, str]) -> dict[str, str]:
    """A dyad side with a display name."""
    key = f"country:{one['id']}" if one["kind"] == "country" else one["id"]
    profile = actor_data.actor_profile(store, key)
    return {**one, "name": str((profile or {}).get("name") or one["id"])}


@one_read
def stats_view(store: Store) -> dict[str, Any]:
    """The store's counts, with ``null`` keys named ``unknown``."""
    data = store.stats()
    for key in ("languages", "outlets"):
        data[key] = {str(k) if k is not None else "unknown": v for k, v in data[key].items()}
    return data
