"""The JSON API: search, details, lists with pagination, one error shape, ingestion
with its token rule, and a schemathesis run over the OpenAPI document. Every test runs
on SQLite and on PostgreSQL (when ``NEWSGRAPH_TEST_PG_URL`` is set; see backends.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import UsageError
from newsgraph.web import create_app
from webdata import build_db

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample articles in a database shared by the module's read-only tests: the
    module-scoped twin of ``db_url`` (one database per backend, not one per test)."""
    from backends import fresh_pg_schema, pg_base_url  # after pytest_plugins loaded it

    if request.param == "sqlite":
        yield build_db(tmp_path_factory.mktemp("api") / "news.db")
        return
    with fresh_pg_schema(pg_base_url()) as url:
        yield build_db(url)


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_search_ranks_filters_and_pages(client: TestClient) -> None:
    page = client.get("/api/articles", params={"q": "Macron", "limit": 2}).json()
    assert page["total"] == 4 and len(page["items"]) == 2
    assert page["next"] and "offset=2" in page["next"]
    rest = client.get(page["next"]).json()
    assert rest["next"] is None and len(rest["items"]) == 2
    ids = {r["id"] for r in page["items"] + rest["items"]}
    assert ids == {"meet-1", "meet-2", "meet-3", "sanction-1"}
    french = client.get("/api/articles", params={"language": "fr"}).json()
    assert [r["id"] for r in french["items"]] == ["sanction-1"]
    tass = client.get("/api/articles", params={"outlet": "TASS", "since": "2022"}).json()
    assert [r["id"] for r in tass["items"]] == ["meet-1"]
    hit = client.get("/api/articles", params={"q": "security", "actor": "Q7747"}).json()
    assert {r["id"] for r in hit["items"]} == {"meet-1", "meet-2", "meet-3"}
    assert all(r["snippet_marks"] for r in hit["items"])


def test_search_facets(client: TestClient) -> None:
    facets = client.get("/api/articles", params={"facets": "true"}).json()["facets"]
    assert {f["value"]: f["count"] for f in facets["language"]} == {"en": 3, "fr": 1}
    assert {f["value"]: f["count"] for f in facets["year"]} == {"2022": 3, "2021": 1}
    assert {"value": "Q7747", "label": "Vladimir Putin", "count": 3} in facets["actor"]


@pytest.mark.parametrize("q", ['"open', "AND", "foo:bar", "((", "NEAR(", "*"])
def test_bad_search_syntax_is_a_400(client: TestClient, db: str, q: str) -> None:
    """FTS5 syntax errors are 400s on SQLite; PostgreSQL's web search syntax reads any
    string, so there the query finds nothing or is refused, never a server error."""
    response = client.get("/api/articles", params={"q": q})
    if db.startswith("postgresql") and response.status_code == 200:
        assert response.json()["total"] == 0
        return
    error = assert_error(response, 400)
    assert error["code"] == "NG301"


def test_nul_bytes_are_a_400_on_every_backend(client: TestClient) -> None:
    assert_error(client.get("/api/articles", params={"q": "a\x00b"}), 400, "BAD_REQUEST")
    assert_error(client.get("/api/dyad", params={"a": "\x00", "b": "RUS"}), 400, "BAD_REQUEST")
    assert_error(client.get("/api/articles/a%00b"), 400, "BAD_REQUEST")


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"since": "yesterday"}, {"year": "22"}],
)
def test_bad_parameters_are_a_400(client: TestClient, params: dict) -> None:
    assert_error(client.get("/api/articles", params=params), 400, "BAD_REQUEST")


def test_article_detail_has_every_extraction(client: TestClient) -> None:
    article = client.get("/api/articles/meet-1").json()
    assert article["title"] == "Putin meets Macron (1)"
    assert {e["id"] for e in article["entities"]} == {"Q7747", "Q3052772"}
    assert article["quotes"][0]["speaker"]["entity"] == "Q3052772"
    assert article["times"][0]["value"] == "2022-02-07"
    event = article["events"][0]
    assert (event["type"], event["quad"], event["quad_label"]) == (
        "CONSULT",
        1,
        "verbal cooperation",
    )
    for item in article["quotes"] + article["times"]:
        assert article["text"][item["start"] : item["end"]] == item["text"]
    # the same meeting reported elsewhere on the same day, not the 2021 one
    assert [r["article_id"] for r in article["related"]] == ["meet-2"]
    assert (event["n_articles"], event["n_sources"]) == (2, 2)
    other = client.get("/api/articles/meet-2").json()["events"][0]
    assert other["merged_event_id"] == event["merged_event_id"]


def test_missing_things_are_404s(client: TestClient) -> None:
    assert_error(client.get("/api/articles/nope"), 404, "NOT_FOUND")
    assert_error(client.get("/api/actors/Q0"), 404, "NOT_FOUND")
    assert_error(client.get("/api/nothing-here"), 404, "NOT_FOUND")


def test_actor_detail_roles_quotes_events(client: TestClient) -> None:
    actor = client.get("/api/actors/Q3052772").json()
    assert actor["name"] == "Emmanuel Macron" and actor["in_kb"]
    assert any("President" in (r.get("title") or "") for r in actor["roles"])
    assert actor["quotes"]["total"] == 3
    assert {q["speaker_entity"] for q in actor["quotes"]["items"]} == {"Q3052772"}
    # nine months of events: counted per week unless asked
    assert actor["by"] == "week"
    assert [p["period"] for p in actor["series"]] == ["2021-W22", "2022-W06", "2022-W09"]
    monthly = client.get("/api/actors/Q3052772", params={"by": "month"}).json()
    assert monthly["by"] == "month"
    series = {p["period"]: p for p in monthly["series"]}
    # two articles report the February meeting: one event, two mentions
    assert series["2022-02"]["quads"]["verbal cooperation"] == 1
    assert (series["2022-02"]["total"], series["2022-02"]["mentions"]) == (1, 2)
    assert series["2022-03"]["quads"]["material conflict"] == 1
    assert sorted(series) == ["2021-06", "2022-02", "2022-03"]
    recent = actor["recent_events"]
    assert [(e["date"], e["n_articles"]) for e in recent] == [
        ("2022-03-03", 1),
        ("2022-02-07", 2),
        ("2021-06-01", 1),
    ]
    assert {r["article_id"] for r in recent[1]["reports"]} == {"meet-1", "meet-2"}


def test_actor_search(client: TestClient) -> None:
    found = client.get("/api/actors", params={"q": "macron"}).json()
    assert found["items"][0]["id"] == "Q3052772" and found["items"][0]["articles"] == 4
    top = client.get("/api/actors", params={"limit": 1}).json()
    assert top["total"] == 2 and top["next"]


def test_quotes_by_speaker_and_day(client: TestClient) -> None:
    by_name = client.get("/api/quotes", params={"speaker": "Putin"}).json()
    assert by_name["total"] == 3
    assert {q["speaker_entity"] for q in by_name["items"]} == {"Q7747"}
    dated = client.get("/api/quotes", params={"since": "2022-01-01", "until": "2022-12-31"})
    assert dated.json()["total"] == 4


def test_speaker_wildcards_are_literal(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"speaker": "%"}).json()["total"] == 0
    assert client.get("/api/quotes", params={"speaker": "P_tin"}).json()["total"] == 0
    assert client.get("/api/quotes", params={"speaker": "putin"}).json()["total"] == 3


def test_events_list_every_report(client: TestClient) -> None:
    events = client.get("/api/events", params={"actor": "Q7747"}).json()
    assert events["total"] == 3  # one per report: the February meeting twice
    assert client.get("/api/events", params={"type": "sanction"}).json()["total"] == 1


def test_timeline_counts_merged_events(client: TestClient) -> None:
    timeline = client.get("/api/timeline", params={"country": "FRA", "by": "month"}).json()
    assert [(p["period"], p["total"], p["mentions"]) for p in timeline["series"]] == [
        ("2021-06", 1, 1),
        ("2022-02", 1, 2),
        ("2022-03", 1, 1),
    ]
    yearly = client.get("/api/timeline", params={"country": "FRA", "by": "year"}).json()
    assert [(p["period"], p["total"]) for p in yearly["series"]] == [("2021", 1), ("2022", 2)]
    chosen = client.get("/api/timeline", params={"country": "FRA"}).json()
    assert chosen["by"] == "week" and len(chosen["series"]) == 3
    items = timeline["events"]["items"]
    assert timeline["events"]["total"] == 3 and [e["date"] for e in items] == [
        "2022-03-03",
        "2022-02-07",
        "2021-06-01",
    ]
    meeting = items[1]
    assert meeting["sentence"]["text"].startswith("Vladimir Putin met Emmanuel Macron")
    assert (meeting["n_mentions"], meeting["n_articles"]) == (2, 2)
    putin = client.get("/api/timeline", params={"actor": "Q7747", "type": "consult"}).json()
    assert putin["events"]["total"] == 2
    one_month = client.get("/api/timeline", params={"actor": "Q7747", "month": "2022-02"})
    assert one_month.json()["events"]["total"] == 1
    of_article = client.get("/api/timeline", params={"article_id": "meet-2"}).json()
    assert [e["merged_event_id"] for e in of_article["events"]["items"]] == [
        meeting["merged_event_id"]
    ]


def test_dyad_counts_merged_events_and_lists_a_point(client: TestClient) -> None:
    dyad = client.get("/api/dyad", params={"a": "FRA", "b": "RUS", "by": "month"}).json()
    assert {p["period"]: (p["cooperation"], p["conflict"]) for p in dyad["series"]} == {
        "2021-06": (1, 0),
        "2022-02": (1, 0),  # reported twice, one meeting
        "2022-03": (0, 1),
    }
    assert dyad["events"] == 3
    people = client.get("/api/dyad", params={"a": "Q3052772", "b": "Q7747"}).json()
    assert people["events"] == 2  # the sanction targets Russia, not Putin
    point = client.get(
        "/api/dyad/events", params={"a": "RUS", "b": "FRA", "month": "2022-02"}
    ).json()
    assert point["total"] == 1
    event = point["items"][0]
    assert event["type"] == "CONSULT" and event["article_id"] == "meet-1"
    assert [r["article_id"] for r in event["reports"]] == ["meet-1", "meet-2"]
    assert {r["outlet"] for r in event["reports"]} == {"TASS", "Le Monde"}
    weekly = client.get("/api/dyad", params={"a": "FRA", "b": "RUS"}).json()
    assert weekly["by"] == "week"
    assert [p["period"] for p in weekly["series"]] == ["2021-W22", "2022-W06", "2022-W09"]
    for period, total in (("2022-W06", 1), ("2022-02-07", 1), ("2022-02-08", 0), ("2022", 2)):
        got = client.get("/api/dyad/events", params={"a": "RUS", "b": "FRA", "period": period})
        assert got.json()["total"] == total, period
    bad = client.get("/api/dyad/events", params={"a": "RUS", "b": "FRA", "period": "Feb"})
    assert bad.status_code in (400, 422)
    assert client.get("/api/dyad", params={"a": "FRA", "b": "RUS", "by": "hour"}).status_code in (
        400,
        422,
    )
    every = client.get("/api/dyad/events", params={"a": "RUS", "b": "FRA"}).json()
    assert [e["date"] for e in every["items"]] == ["2021-06-01", "2022-02-07", "2022-03-03"]


def test_stats(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["tables"]["articles"] == 4
    assert stats["outlets"] == {"TASS": 2, "Le Monde": 2}


def test_refuses_public_bind_without_token(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    with pytest.raises(UsageError, match="needs a token"):
        create_app(db, host="0.0.0.0")
    assert create_app(db, host="0.0.0.0", token="s3cret").state.token == "s3cret"


TEXT = (
    "President Emmanuel Macron of France said on Tuesday that Europe needs a new "
    "security pact. “We will talk to everyone,” Macron told reporters in Paris."
)


def test_ingest_text_needs_the_token_when_one_is_set(db_url: str) -> None:
    db = build_db(db_url, [])
    with TestClient(
        create_app(db, token="s3cret", host="0.0.0.0"), base_url="http://127.0.0.1"
    ) as c:
        body = {"text": TEXT, "title": "Macron on security", "published": "2023-05-02"}
        assert_error(c.post("/api/ingest/text", json=body), 401, "UNAUTHORIZED")
        bad = c.post("/api/ingest/text", json=body, headers={"Authorization": "Bearer nope"})
        assert_error(bad, 401)
        ok = c.post("/api/ingest/text", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201, ok.text
        assert ok.json()["added"] == 1
        found = c.get("/api/articles", params={"q": "pact"}).json()
        assert [r["title"] for r in found["items"]] == ["Macron on security"]
        article = c.get(f"/api/articles/{found['items'][0]['id']}").json()
        assert any(q["speaker"] and q["speaker"]["entity"] == "Q3052772" for q in article["quotes"])


def test_ingest_rejections_are_400s(db_url: str) -> None:
    db = build_db(db_url, [])
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:  # loopback, no token: open
        private = c.post("/api/ingest/url", json={"url": "http://127.0.0.1:9/x"})
        assert_error(private, 400, "NG110")
        assert_error(c.post("/api/ingest/url", json={"url": "file:///etc/passwd"}), 400)
        form = {"X-Requested-With": "test"}  # a form post needs it (web/security.py)
        binary = c.post(
            "/api/ingest/file",
            files={"file": ("x.bin", b"\x89PNG\r\n\x1a\n" + bytes(64))},
            headers=form,
        )
        assert_error(binary, 400, "NG102")
        upload = c.post(
            "/api/ingest/file", files={"file": ("note.txt", TEXT.encode())}, headers=form
        )
        assert upload.status_code == 201 and upload.json()["added"] == 1


def test_ingest_the_seeds(shared, db_url: str) -> None:
    from newsgraph.api import ingest

    ingest([str(shared("corpus", "seeds"))], db_url)
    with TestClient(create_app(db_url), base_url="http://127.0.0.1") as c:
        rows = c.get("/api/articles", params={"q": "Macron", "limit": 50}).json()["items"]
        seed = next(r for r in rows if r["source"].endswith("004_88410b7f52129025.txt"))
        article = c.get(f"/api/articles/{seed['id']}").json()
        speakers = {q["speaker"]["entity"] for q in article["quotes"] if q["speaker"]}
        assert "Q3052772" in speakers
        assert c.get("/api/actors/Q3052772").json()["quotes"]["total"] > 0


def test_openapi_documents_the_error_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    responses = spec["paths"]["/api/articles"]["get"]["responses"]
    assert "400" in responses and "422" not in responses
    assert "ErrorBody" in spec["components"]["schemas"]


def test_schemathesis_finds_no_5xx_and_conforming_responses(db: str) -> None:
    """Every GET operation of the spec with generated inputs: no server error, every
    response matching its documented schema (ingestion is left out: it runs the NLP)."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error, response_schema_conformance

    app = create_app(db, allowed_hosts=["testserver"])  # schemathesis's Host
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        strategy = operation.as_strategy()

        @given(case=strategy)
        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case) -> None:
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()


def test_serve_with_two_worker_processes(tmp_path):
    """`newsgraph serve --workers 2` answers on loopback and stops cleanly."""
    import shutil
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    from newsgraph.store.db import Store

    db = str(tmp_path / "w.db")
    Store.open(db).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = shutil.which("newsgraph", path=str(Path(sys.executable).parent)) or "newsgraph"
    server = subprocess.Popen(
        [exe, "serve", "--db", db, "--port", str(port), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline, answer = time.monotonic() + 60, None
        while time.monotonic() < deadline and answer is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
            except httpx.TransportError:
                time.sleep(0.3)
        assert answer is not None and answer.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
