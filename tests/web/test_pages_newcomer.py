"""What a newcomer meets in the web UI: untitled articles named by their first words,
search syntax errors explained on the search page, a timeline by name with a reason
when it is empty."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.records import Article, Published
from newsgraph.web import create_app
from newsgraph.web.views import explain_query_error, untitled
from webdata import build_db, sample_articles

UNTITLED_TEXT = (
    "<b>Kremlin</b> talks & more: officials from both sides met behind closed doors "
    "on Tuesday and agreed to meet again."
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    bare = Article(
        id="no-title-1",
        source="fixture/bare.txt",
        text=UNTITLED_TEXT,
        title="",
        language="en",
        published=Published("2022-02-08", "given", 1.0),
        content_hash="hash-bare-1",
    )
    db = build_db(tmp_path_factory.mktemp("newcomer") / "n.db", [*sample_articles(), bare])
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_an_untitled_article_is_named_by_its_first_words_escaped(client: TestClient) -> None:
    page = client.get("/articles/no-title-1")
    assert page.status_code == 200
    head = page.text.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "&lt;b&gt;Kremlin&lt;/b&gt; talks &amp; more: officials from both sides met" in head
    assert "no-title-1" not in head and "<b>Kremlin" not in page.text
    hits = client.get("/search.json", params={"q": "closed doors"}).json()["items"]
    assert hits[0]["title"].startswith("<b>Kremlin</b> talks & more:")
    assert "&lt;b&gt;Kremlin" in client.get("/search", params={"q": "closed doors"}).text


def test_untitled_keeps_ten_words_and_never_returns_nothing() -> None:
    assert untitled("one two three") == "one two three"
    assert untitled(" ".join(str(n) for n in range(20))) == "0 1 2 3 4 5 6 7 8 9…"
    assert untitled("   ") == "(untitled, no text)"


@pytest.mark.parametrize(
    ("q", "hint"),
    [
        ('"open', "double quote is not closed"),
        ("((", "brackets do not pair up"),
        ("Putin AND", "AND, OR and NOT need a word on each side"),
        ("*kremlin", "* can only end a word"),
    ],
)
def test_a_bad_search_is_explained_on_the_search_page(
    client: TestClient, q: str, hint: str
) -> None:
    page = client.get("/search", params={"q": q})
    assert page.status_code == 400
    assert hint in page.text and "fts5" not in page.text and "syntax error" not in page.text
    assert 'name="q"' in page.text  # the form is there to fix the query
    api = client.get("/api/articles", params={"q": q}).json()
    assert hint in api["error"]["message"] and api["error"]["code"] == "NG301"


def test_explanations_cover_reserved_characters() -> None:
    assert "reserves" in explain_query_error("a ^ b")
    assert "column" in explain_query_error("foo:bar")


def test_the_timeline_takes_a_name_like_the_command_line(client: TestClient) -> None:
    by_id = client.get("/timeline.json", params={"actor": "Q7747"}).json()
    for name in ("Vladimir Putin", "Putin"):
        by_name = client.get("/timeline.json", params={"actor": name}).json()
        assert by_name["actor"] == {"id": "Q7747", "name": "Vladimir Putin"}
        assert by_name["events"]["total"] == by_id["events"]["total"] > 0
    page = client.get("/timeline", params={"actor": "Vladimir Putin"})
    assert "Timeline of Vladimir Putin" in page.text and 'value="Vladimir Putin"' in page.text
    country = client.get("/timeline.json", params={"actor": "Russia"}).json()
    assert country["actor"]["id"] == "country:RUS" and country["events"]["total"] > 0


def test_an_empty_timeline_says_why(client: TestClient) -> None:
    unknown = client.get("/timeline", params={"actor": "Nobody Atall Xyz"})
    assert "No actor or country called" in unknown.text
    assert (
        client.get("/timeline.json", params={"actor": "Nobody Atall Xyz"}).json()["events"]["total"]
        == 0
    )
    quiet = client.get("/timeline", params={"actor": "Angela Merkel"})
    assert "No events of Angela Merkel" in quiet.text
    assert "No dated events." not in quiet.text


def test_charts_count_by_a_period_chosen_from_the_span_unless_given(client: TestClient) -> None:
    # the sample events run from June 2021 to March 2022: weeks
    for url, params in (
        ("/dyad", {"a": "FRA", "b": "RUS"}),
        ("/timeline", {"actor": "Vladimir Putin"}),
        ("/actors/Q3052772", {}),
    ):
        page = client.get(url, params=params).text
        assert "Counted per week (chosen from the time span of the events)" in page, url
        assert "by=month" in page and "by=week" not in page, url
        assert '"period": "2022-W06"' in page, url  # the chart's embedded points
        monthly = client.get(url, params={**params, "by": "month"}).text
        assert "Counted per month;" in monthly and "chosen from" not in monthly, url
        assert '"period": "2022-02"' in monthly and '"period": "2022-W06"' not in monthly, url
    assert client.get("/timeline", params={"actor": "Putin", "by": "fortnight"}).status_code in (
        400,
        422,
    )


def test_a_short_span_is_counted_by_day(tmp_path) -> None:
    from webdata import meeting

    db = build_db(
        tmp_path / "days.db", [meeting(1, "2022-02-07", "TASS"), meeting(2, "2022-02-10", "RFI")]
    )
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        dyad = c.get("/api/dyad", params={"a": "FRA", "b": "RUS"}).json()
        assert dyad["by"] == "day"
        assert [p["period"] for p in dyad["series"]] == ["2022-02-07", "2022-02-10"]
        timeline = c.get("/api/timeline", params={"actor": "Q7747", "by": "year"}).json()
        assert [(p["period"], p["total"]) for p in timeline["series"]] == [("2022", 2)]


def test_the_dyad_takes_names_like_the_command_line(client: TestClient) -> None:
    by_code = client.get("/api/dyad", params={"a": "FRA", "b": "RUS"}).json()
    by_name = client.get("/api/dyad", params={"a": "France", "b": "Russia"}).json()
    assert (by_name["a"]["id"], by_name["b"]["id"]) == ("FRA", "RUS")
    assert by_name["series"] == by_code["series"] and by_name["events"] == by_code["events"]
    people = client.get("/api/dyad", params={"a": "Macron", "b": "Vladimir Putin"}).json()
    assert (people["a"]["id"], people["b"]["id"]) == ("Q3052772", "Q7747")
    assert people["events"] == 2
    page = client.get("/dyad", params={"a": "Macron", "b": "Putin"})
    assert page.status_code == 200 and "Emmanuel Macron ↔ Vladimir Putin" in page.text
    unknown = client.get("/dyad", params={"a": "Nobody <b>Atall</b>", "b": "RUS"})
    assert unknown.status_code == 400
    assert "no actor or country called" in unknown.text and "<b>Atall" not in unknown.text
    point = client.get(
        "/api/dyad/events", params={"a": "Russia", "b": "France", "period": "2022-02"}
    ).json()
    assert point["total"] == 1


def test_events_actor_pages_and_search_take_names(client: TestClient) -> None:
    by_id = client.get("/api/events", params={"actor": "Q7747"}).json()["total"]
    assert by_id > 0
    for name in ("Putin", "Vladimir Putin"):
        assert client.get("/api/events", params={"actor": name}).json()["total"] == by_id
    country = client.get("/api/events", params={"country": "RUS"}).json()["total"]
    assert client.get("/api/events", params={"actor": "Russia"}).json()["total"] == country
    unknown = client.get("/api/events", params={"actor": "Nobody Atall"})
    assert unknown.status_code == 400 and "no actor or country called" in unknown.text
    assert client.get("/api/actors/Macron").json()["id"] == "Q3052772"
    page = client.get("/actors/Emmanuel Macron")
    assert page.status_code == 200 and "<h1>Emmanuel Macron</h1>" in page.text
    assert client.get("/actors/Nobody Atall").status_code == 404
    found = client.get("/api/articles", params={"actor": "Q3052772"}).json()["total"]
    assert found > 0
    assert client.get("/api/articles", params={"actor": "Macron"}).json()["total"] == found
