"""Untrusted article text is shown inert: as text, never as markup or a live link."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from newsgraph.records import Article, Entity, Event, Published, Quote, Span, Speaker
from newsgraph.web import create_app
from newsgraph.web.highlight import Span as Mark
from newsgraph.web.highlight import highlight, safe_url
from webdata import PUTIN, at, build_db

TITLE = "<script>alert('title')</script> Putin"
BODY = (
    "Putin said <script>alert(1)</script> and <img src=x onerror=alert(2)> and "
    '<a href="javascript:alert(3)">click</a>. "Quote <b>bold</b>" he said. '
    "Putin met javascript:alert(4) people."
)


def hostile() -> Article:
    quote = at(BODY, "Quote <b>bold</b>")
    speaker = at(BODY, "Putin")
    bad_entity = Entity(
        'x" onmouseover="alert(5)', "<svg onload=alert(6)>", "PERSON", None, (at(BODY, "onerror"),)
    )
    return Article(
        id="evil",
        source="evil.txt",
        text=BODY,
        title=TITLE,
        url="javascript:alert(7)",
        language="en",
        published=Published("2022-01-01", "given", 1.0),
        outlet="<i>Outlet</i>",
        content_hash="evil",
        entities=(Entity("Q7747", "Vladimir Putin", "PERSON", "RUS", (speaker,)), bad_entity),
        quotes=(
            Quote(
                quote.start,
                quote.end,
                quote.text,
                True,
                "<said>",
                Speaker("Q7747", "<b>Putin</b>", speaker.start, speaker.end, "Putin"),
            ),
        ),
        events=(Event("CONSULT", at(BODY, "met"), Span(0, 10), source=(PUTIN,), target=()),),
    )


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = build_db(tmp_path_factory.mktemp("xss") / "x.db", [hostile()])
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


OUR_SCRIPTS = {"/static/plotly.min.js", "/static/charts.js"}


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """No script but ours, no event-handler attribute, no javascript: URL, none of the
    article's tags; the hostile strings may appear only as escaped text."""
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "svg", "b", "i", "iframe", "object"), (tag, attrs)
        if tag == "script":
            assert attrs.get("src") in OUR_SCRIPTS or attrs.get("type") == "application/json"
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:")
    assert "<script>alert" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/articles/evil",
        "/search?q=Putin",
        "/search?q=script",
        "/actors/Q7747",
        "/timeline",
        "/actors?q=svg",
    ],
)
def test_pages_show_hostile_text_as_text(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert_inert(response.text)


def test_article_page_escapes_and_keeps_the_words(client: TestClient) -> None:
    html = client.get("/articles/evil").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Putin" in html
    assert "&lt;img src=x" in html
    assert "javascript:alert(4)" in html  # as words in the text, not as a link
    assert 'href="javascript:' not in html


def test_error_pages_escape_what_was_asked(client: TestClient) -> None:
    response = client.get("/articles/<img src=x onerror=alert(8)>")
    assert response.status_code == 404
    assert_inert(response.text)
    assert "&lt;img src=x onerror=alert(8)&gt;" in response.text


def test_pages_forbid_inline_scripts(client: TestClient) -> None:
    policy = client.get("/articles/evil").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]


def test_highlight_escapes_every_segment_and_attribute() -> None:
    text = '<a href="javascript:x()">'
    marks = [Mark(0, 9, "entity", '"><script>', href="javascript:y()"), Mark(3, 20, "quote", "q")]
    html = str(highlight(text, marks))
    assert "<script>" not in html
    assert_inert(html)
    assert safe_url("javascript:alert(1)") is None and safe_url(" JAVASCRIPT:x") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"
