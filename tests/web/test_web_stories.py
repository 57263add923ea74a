"""Story pages and their JSON twins; links from article, actor and dyad pages; escaping."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.web.app import create_app
from webdata import build_db, meeting


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    hostile = meeting(7, "2022-02-07", "<b>Evil</b> Times")
    hostile = hostile.replace(title="<script>alert(1)</script> Putin meets Macron")
    db = build_db(tmp_path_factory.mktemp("s") / "w.db")
    from newsgraph.analyze.database import Database

    with Database.open(db) as store:
        store.save_batch([hostile], None)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_list_and_story_pages_with_json_twins(client):
    listed = client.get("/stories.json").json()
    assert listed["items"]
    sid = max(listed["items"], key=lambda s: s["articles"])["id"]
    page = client.get("/stories")
    assert page.status_code == 200 and f'href="/stories/{sid}"' in page.text
    story = client.get(f"/stories/{sid}.json").json()
    assert story["id"] == sid and len(story["by_outlet"]) >= 2
    html = client.get(f"/stories/{sid}").text
    assert "How each outlet told it" in html and "TASS" in html
    assert "<script>alert(1)</script>" not in html and "&lt;b&gt;Evil&lt;/b&gt;" in html


def test_missing_story_is_404(client):
    assert client.get("/stories/99999").status_code == 404
    assert client.get("/stories/99999.json").json()["error"]["status"] == 404


def test_article_actor_and_dyad_pages_link_to_stories(client):
    article = client.get("/articles/meet-1.json").json()
    assert article["story"]["articles"] >= 2
    assert f'href="/stories/{article["story"]["id"]}"' in client.get("/articles/meet-1").text
    assert 'href="/stories?actor=Q7747"' in client.get("/actors/Q7747").text
    dyad = client.get("/dyad?a=Q7747&b=Q3052772").text
    assert "/stories?actor=Q7747&amp;actor=Q3052772" in dyad
    both = client.get("/stories.json?actor=Q7747&actor=Q3052772").json()
    assert both["items"] and both["filters"]["actor"] == ["Q7747", "Q3052772"]
