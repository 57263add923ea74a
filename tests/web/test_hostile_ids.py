"""Issue 12, case 7: article ids of any characters are reachable in the API and the UI."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app
from webdata import build_db, meeting

IDS = ["wire/2017/03/01/story", "a?b#c", "100% sure", "x/y.json.z"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    articles = [meeting(n, f"2022-05-0{n + 1}", "TASS").replace(id=i) for n, i in enumerate(IDS)]
    db = build_db(tmp_path_factory.mktemp("ids") / "ids.db", articles)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("article_id", IDS)
def test_every_id_is_reachable(client, article_id):
    path = quote(article_id, safe="/")
    api = client.get(f"/api/articles/{path}")
    assert api.status_code == 200, api.text
    assert api.json()["id"] == article_id
    twin = client.get(f"/articles/{path}.json")
    assert twin.status_code == 200 and twin.json()["id"] == article_id
    page = client.get(f"/articles/{path}")
    assert page.status_code == 200 and "Putin meets Macron" in page.text


def test_search_links_lead_to_the_articles(client):
    page = client.get("/search", params={"q": "Macron"}).text
    for article_id in IDS:
        href = f'href="/articles/{quote(article_id, safe="/")}"'
        assert href in page
