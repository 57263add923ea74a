"""Pages: each renders, has a .json twin with the same data, errors keep one shape, and
the chart library is served locally."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app
from webdata import build_db

pytest_plugins = ["backends"]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The pages over the sample articles, on SQLite and on PostgreSQL when configured."""
    from backends import fresh_pg_schema, pg_base_url  # after pytest_plugins loaded it

    if request.param == "sqlite":
        with TestClient(
            create_app(build_db(tmp_path_factory.mktemp("web") / "w.db")),
            base_url="http://127.0.0.1",
        ) as c:
            yield c
        return
    with (
        fresh_pg_schema(pg_base_url()) as url,
        TestClient(create_app(build_db(url)), base_url="http://127.0.0.1") as c,
    ):
        yield c


PAGES = [
    "/search?q=Macron",
    "/articles/meet-1",
    "/actors?q=putin",
    "/actors/Q7747",
    "/dyad?a=RUS&b=FRA",
    "/timeline?actor=Q7747",
    "/stats",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_has_a_json_twin(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = client.get(f"{base}.json" + (f"?{query}" if query else ""))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    assert twin.json()


def test_twins_hold_what_the_api_returns(client: TestClient) -> None:
    assert client.get("/articles/meet-1.json").json() == client.get("/api/articles/meet-1").json()
    page = client.get("/search.json", params={"q": "Macron"}).json()
    api = client.get("/api/articles", params={"q": "Macron", "facets": "true"}).json()
    assert page["items"] == api["items"] and page["facets"] == api["facets"]


def test_search_page_has_facets_and_highlighted_snippets(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Moscow"}).text
    assert "<mark>Moscow</mark>" in html
    assert 'href="/search?q=Moscow&amp;language=fr"' not in html  # only facets that match
    assert 'href="/search?q=Moscow&amp;language=en"' in html
    assert 'href="/search?q=Moscow&amp;actor=Q3052772"' in html


def test_article_page_marks_every_extraction(client: TestClient) -> None:
    html = client.get("/articles/meet-1").text
    assert 'class="hl quote" title="quote 1 (direct), cue “said”, speaker Emmanuel Macron' in html
    assert 'data-speaker="Q3052772"' in html
    assert '<a class="who" data-q="1" href="/actors/Q3052772">— Emmanuel Macron</a>' in html
    assert 'class="hl time" title="time “on Monday” = 2022-02-07 (DATE)"' in html
    assert "event CONSULT, CAMEO 042, verbal cooperation: Vladimir Putin → Emmanuel Macron" in html
    assert 'href="/articles/meet-2"' in html  # another report of the same meeting


def test_dyad_and_timeline_pages_count_each_event_once(client: TestClient) -> None:
    dyad = client.get("/dyad", params={"a": "RUS", "b": "FRA"}).text
    assert "3 events between them" in dyad  # the February meeting is reported twice
    timeline = client.get("/timeline", params={"actor": "Q7747"}).text
    assert timeline.count('class="etype') == 2
    assert 'and 1 other article: <a href="/articles/meet-2">Le Monde</a>' in timeline


def test_actor_page_embeds_its_series_for_the_chart(client: TestClient) -> None:
    html = client.get("/actors/Q3052772").text
    assert 'id="chart"' in html and 'id="chart-data"' in html
    assert '<script src="/static/plotly.min.js"></script>' in html
    assert "President of France" in html


def test_errors_render_as_pages_and_as_json(client: TestClient) -> None:
    page = client.get("/articles/none")
    assert page.status_code == 404 and "NOT_FOUND" in page.text
    assert client.get("/articles/none.json").json() == {
        "error": {"code": "NOT_FOUND", "message": "no such article 'none'", "status": 404}
    }
    bad = client.get("/search", params={"q": "a\x00b"})  # a 400 on every backend
    assert bad.status_code == 400 and "BAD_REQUEST" in bad.text
    assert bad.headers["content-type"].startswith("text/html")
    assert client.get("/search.json", params={"limit": "x"}).json()["error"]["status"] == 400


def test_plotly_is_served_locally(client: TestClient) -> None:
    bundle = client.get("/static/plotly.min.js")
    assert bundle.status_code == 200 and len(bundle.content) > 1_000_000
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert client.get("/static/charts.js").status_code == 200
    html = client.get("/actors/Q7747").text
    assert "cdn" not in html.lower() and "https://" not in html


def test_api_docs_page_works_offline(client: TestClient) -> None:
    """/docs lists every operation of /openapi.json with no script and no CDN."""
    page = client.get("/docs")
    assert page.status_code == 200 and "content-security-policy" in page.headers
    html = page.text
    spec = client.get("/openapi.json").json()
    for path in spec["paths"]:
        assert f"{path}</code>" in html
    assert "<script" not in html and "cdn" not in html.lower() and "https://" not in html
    assert 'href="#schema-Page_MergedEventRow_"' in html and 'id="schema-MergedEventRow"' in html
    assert client.get("/redoc").status_code == 404
