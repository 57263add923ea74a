"""Every JSON answer of the API is written straight from its view's dict, without
FastAPI's response-model validation (``web.api.answer``: it cost ~0.4 ms an answer).
So every answer must already be exactly what validating it against its response model
would give: no declared key missing, no undeclared key in a closed model, every value
of its declared JSON type (an int stays an int, a float a float). On both backends."""

from __future__ import annotations

import json
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from starlette.routing import Match

from newsgraph.web import api as web_api
from newsgraph.web import create_app
from webdata import build_db

pytest_plugins = ["backends"]

# every GET route of the API, with the parameters that reach each branch of its view
REQUESTS = [
    "/api/articles",
    "/api/articles?q=Putin",
    "/api/articles?q=Putin&facets=true",
    "/api/articles?q=Moscow&actor=Q7747&since=2022&until=2023",
    "/api/articles?outlet=Le%20Monde&language=en",
    "/api/articles?year=2022&limit=1",
    "/api/articles/meet-1",
    "/api/actors",
    "/api/actors?q=put",
    "/api/actors/Q7747",
    "/api/actors/Q3052772?by=month",
    "/api/quotes",
    "/api/quotes?speaker=Q3052772",
    "/api/quotes?speaker=mac&since=2022-01",
    "/api/quotes?article_id=meet-1",
    "/api/events",
    "/api/events?actor=Q7747&type=CONSULT",
    "/api/events?country=RUS&month=2022-03",
    "/api/timeline",
    "/api/timeline?actor=Q7747&by=day",
    "/api/dyad?a=RUS&b=FRA",
    "/api/dyad?a=Putin&b=Macron&by=week",
    "/api/dyad/events?a=RUS&b=FRA",
    "/api/dyad/events?a=RUS&b=FRA&period=2022",
    "/api/stats",
]


def _same(a: Any, b: Any, at: str) -> None:
    """Equal, and of the same JSON types all the way down (1 and 1.0 differ)."""
    assert type(a) is type(b), f"{at}: {a!r} ({type(a).__name__}) vs {b!r} ({type(b).__name__})"
    if isinstance(a, dict):
        assert list(sorted(a)) == list(sorted(b)), f"{at}: keys {sorted(a)} vs {sorted(b)}"
        for key in a:
            _same(a[key], b[key], f"{at}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{at}: {len(a)} vs {len(b)} items"
        for n, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{at}[{n}]")
    else:
        assert a == b, f"{at}: {a!r} vs {b!r}"


def _api_routes() -> list[APIRoute]:
    return [r for r in web_api.router.routes if isinstance(r, APIRoute) and "GET" in r.methods]


def _route(routes: list[APIRoute], path: str) -> APIRoute:
    scope = {"type": "http", "path": path, "root_path": "", "method": "GET"}
    return next(r for r in routes if r.matches(scope)[0] == Match.FULL)


def test_every_answer_already_has_its_models_shape(db_url: str) -> None:
    app = create_app(build_db(db_url), cache_mb=0)
    api = _api_routes()
    covered: set[str] = set()
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for path in REQUESTS:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.text)
            route = _route(api, path.split("?")[0])
            covered.add(route.path)
            adapter: TypeAdapter[Any] = TypeAdapter(route.response_model)
            body = json.loads(answer.content)
            expected = json.loads(adapter.dump_json(adapter.validate_python(body)))
            _same(body, expected, path)
    assert covered == {r.path for r in api}, {r.path for r in api} - covered


def test_a_nan_is_written_as_null() -> None:
    from newsgraph.web.api import _json_answer

    answer = _json_answer(lambda: {"x": float("nan"), "y": [1.5, float("inf")]}, (), {})
    assert json.loads(answer.body) == {"x": None, "y": [1.5, None]}


def test_stats_after_an_ingest_through_the_api(db_url: str) -> None:
    """The runs of ``stats`` carry datetimes: written as the model wrote them."""
    app = create_app(build_db(db_url), cache_mb=0)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        text = "President Emmanuel Macron said on Tuesday that Europe needs a new security pact."
        made = client.post("/api/ingest/text", json={"text": text, "published": "2023-05-02"})
        assert made.status_code == 201, made.text
        answer = client.get("/api/stats")
        assert answer.status_code == 200
        adapter: TypeAdapter[Any] = TypeAdapter(_route(_api_routes(), "/api/stats").response_model)
        body = json.loads(answer.content)
        assert body["runs"]
        _same(body, json.loads(adapter.dump_json(adapter.validate_python(body))), "stats")
