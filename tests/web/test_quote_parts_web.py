"""A quote split by its attribution in the API and on the pages: ``parts`` as the
record format has them, only the pieces highlighted, every piece escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_xss import assert_inert

from newsgraph.records import Article, Entity, Published, Quote, Speaker
from newsgraph.web import create_app
from newsgraph.web.highlight import quote_html
from webdata import at, build_db

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

FIRST, SECOND = "We will <script>alert(1)</script> go,", "and <b>soon</b>."
BODY = (
    f'Putin spoke in Moscow on Monday. "{FIRST}" Putin told reporters, "{SECOND}" '
    '"Nothing else," an aide said.'
)
ATTRIBUTION = '" Putin told reporters, "'


def record() -> Article:
    first, second = at(BODY, FIRST), at(BODY, SECOND)
    outer = BODY[first.start : second.end]
    who = at(BODY, "Putin", 1)
    aside = at(BODY, "Nothing else,")
    split = Quote(
        first.start,
        second.end,
        outer,
        True,
        "told",
        Speaker("Q7747", "Vladimir Putin", who.start, who.end, who.text),
        "2022-02-07",
        parts=(first, second),
    )
    putin = Entity("Q7747", "Vladimir Putin", "PERSON", "RUS", (at(BODY, "Putin"), who))
    return Article(
        id="parts-1",
        source="parts.txt",
        text=BODY,
        title="Putin on going",
        language="en",
        published=Published("2022-02-07", "given", 1.0),
        content_hash="parts-1",
        entities=(putin,),
        quotes=(split, Quote(aside.start, aside.end, aside.text, True, "said")),
    )


@pytest.fixture
def client(db_url: str) -> Any:
    with TestClient(create_app(build_db(db_url, [record()]), cache_mb=0)) as c:
        yield c


def _get(client: TestClient, path: str) -> Any:
    response = client.get(path, headers={"host": "127.0.0.1"})
    assert response.status_code == 200, response.text
    return response


def test_article_quotes_have_the_records_parts(client: TestClient) -> None:
    want = record().to_dict()["quotes"]
    for path in ("/api/articles/parts-1", "/articles/parts-1.json"):
        split, whole = _get(client, path).json()["quotes"]
        assert split["parts"] == want[0]["parts"], path
        assert "parts" not in whole, path  # one piece: left out, as in the record


def test_quote_rows_carry_parts(client: TestClient) -> None:
    pieces = [{"start": p.start, "end": p.end, "text": p.text} for p in record().quotes[0].parts]
    for path in ("/api/quotes", "/api/quotes?article_id=parts-1", "/api/quotes?speaker=Q7747"):
        rows = {r["seq"]: r for r in _get(client, path).json()["items"]}
        assert rows[0]["parts"] == pieces, path
        if 1 in rows:
            assert rows[1]["parts"] is None, path
    (row,) = _get(client, "/actors/Q7747.json").json()["quotes"]["items"]
    assert row["parts"] == pieces


class Quoted(HTMLParser):
    """The text inside highlighted quote spans of the article body."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.quoted, self.words = 0, [], []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self.quoted.append(tag == "span" and "hl" in classes and "quote" in classes)

    def handle_endtag(self, tag: str) -> None:
        if self.quoted:
            self.quoted.pop()

    def handle_data(self, data: str) -> None:
        if any(self.quoted):
            self.words.append(data)


def test_article_page_marks_only_the_pieces(client: TestClient) -> None:
    html = _get(client, "/articles/parts-1").text
    body = html.split('id="article-body">', 1)[1].split("</div>", 1)[0]
    parser = Quoted()
    parser.feed(body)
    quoted = "".join(parser.words)
    assert quoted == FIRST + SECOND + "Nothing else,"  # the attribution is not quoted
    assert '<span class="attribution">&#34; Putin told reporters, &#34;</span>' in html


@pytest.mark.parametrize("path", ["/articles/parts-1", "/actors/Q7747"])
def test_pieces_are_escaped(client: TestClient, path: str) -> None:
    html = _get(client, path).text
    assert_inert(html)
    assert '<span class="piece">We will &lt;script&gt;alert(1)&lt;/script&gt; go,</span>' in html
    assert '<span class="piece">and &lt;b&gt;soon&lt;/b&gt;.</span>' in html


def test_quote_html_without_fitting_parts_is_the_text() -> None:
    quote = record().to_dict()["quotes"][0]
    plain = str(quote_html({**quote, "parts": None}))
    assert "piece" not in plain and "&lt;script&gt;" in plain
    moved = [{**p, "start": p["start"] + 1} for p in quote["parts"]]
    assert str(quote_html({**quote, "parts": moved})) == plain
    assert ATTRIBUTION in BODY
