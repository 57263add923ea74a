"""Claims and tone in the store, and the conflicts found among stored claims
(``newsgraph.analyze.conflicts``, ``newsgraph conflicts``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.analyze.conflicts import find_conflicts
from newsgraph.analyze.database import Database
from newsgraph.cli.main import app
from newsgraph.records import (
    Article,
    Attribution,
    Claim,
    ClaimSubject,
    Published,
    Quote,
    Span,
)

MACRON = ClaimSubject("Q3052772", "Emmanuel Macron")
LEAD = "Emmanuel Macron won the first round, scoring {lead}"
BODY = "Macron is leading in the first round of voting with {body} of the vote."


def article(n: int, lead: str, body: str, *, day: str = "2017-04-24", approx: str = "=") -> Article:
    text = LEAD.format(lead=lead) + "\n\n" + BODY.format(body=body)
    claims = []
    for part, written in (("lead", lead), ("body", body)):
        start = text.index(written, 0 if part == "lead" else text.index("\n\n"))
        para = (0, text.index("\n\n")) if part == "lead" else (text.index("\n\n") + 2, len(text))
        claims.append(
            Claim(
                start=start,
                end=start + len(written),
                text=written,
                value=float(written.rstrip("%")),
                unit="percent",
                approx=approx if part == "body" else "=",
                measure="vote",
                subject=MACRON,
                attribution=Attribution("outlet", "TASS"),
                part=part,
                sentence=Span(*para),
            )
        )
    quote = Quote(0, 15, text[:15], False, "said", tone=1.5)
    return Article(
        id=f"a{n}",
        source=f"a{n}.txt",
        text=text,
        title=f"Election report {n}",
        language="en",
        outlet="TASS",
        published=Published(day, "given", 1.0),
        content_hash=f"h{n}",
        quotes=(quote,),
        claims=tuple(claims),
        tone=-2.5,
    )


pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured


@pytest.fixture
def db(db_url: str):
    with Database.open(db_url) as store:
        yield store


def test_claims_and_tone_round_trip(db) -> None:
    art = article(0, "23.75%", "23.68%")
    db.save_batch([art], None)
    stored = db.article("a0")
    expected = art.to_dict()
    assert stored["claims"] == expected["claims"]
    assert stored["quotes"] == expected["quotes"]
    assert stored["tone"] == -2.5 and stored["quotes"][0]["tone"] == 1.5
    assert [c["value"] for c in stored["claims"]] == [23.75, 23.68]
    db.save_batch([art], None)  # stored once
    assert len(db.article("a0")["claims"]) == 2


def test_headline_against_body_beyond_rounding_is_a_conflict(db) -> None:
    db.save_batch(
        [article(0, "23.75%", "23.68%"), article(1, "23.7%", "23.68%", day="2017-04-25")], None
    )
    found = find_conflicts(db)
    assert [(c["kind"], c["a"]["text"], c["b"]["text"]) for c in found] == [
        ("within", "23.75%", "23.68%")
    ]
    (conflict,) = found
    assert conflict["a"]["part"] == "lead" and conflict["b"]["part"] == "body"
    assert "scoring 23.75%" in conflict["a"]["sentence"]
    assert "23.68% of the vote" in conflict["b"]["sentence"]


def test_stated_approximation_is_not_a_conflict(db) -> None:
    db.save_batch([article(0, "48%", "50%", approx="~")], None)
    assert find_conflicts(db) == []


def test_across_articles_same_day_conflicts_other_day_is_an_update(db) -> None:
    db.save_batch(
        [
            article(0, "30%", "30%"),
            article(1, "34%", "34%"),  # same day, other figure: conflict
            article(2, "40%", "40%", day="2017-04-30"),  # later: an update
        ],
        None,
    )
    found = find_conflicts(db)
    assert {(c["a"]["article"], c["b"]["article"]) for c in found} == {("a0", "a1")}
    assert all(c["kind"] == "across" for c in found)


def test_cli_conflicts_json_lines(tmp_path: Path) -> None:
    path = str(tmp_path / "cli.db")
    with Database.open(path) as store:
        store.save_batch([article(0, "23.75%", "23.68%")], None)
    result = CliRunner().invoke(app, ["conflicts", "--db", path, "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert len(rows) == 1 and rows[0]["a"]["value"] == 23.75 and rows[0]["b"]["value"] == 23.68
    text = CliRunner().invoke(app, ["conflicts", "--db", path])
    assert text.exit_code == 0 and "23.75% vs 23.68%" in text.output


def test_story_filter_keeps_one_storys_reports(db) -> None:
    from newsgraph.analyze.conflicts import has_stories, story_articles

    db.save_batch([article(0, "30%", "30%"), article(1, "34%", "34%")], None)
    with db.engine.connect() as conn:
        if not has_stories(conn):
            pytest.skip("no story tables in this store (stories not installed)")
        story = conn.exec_driver_sql(
            "SELECT story_id FROM story_articles WHERE article_id = 'a0'"
        ).scalar()
        members = set(story_articles(conn, story))
    found = find_conflicts(db, story=story)
    assert found and all({c["a"]["article"], c["b"]["article"]} <= members for c in found)
    assert find_conflicts(db, story=story + 1000) == []


def test_actor_tone_per_month(db) -> None:
    import dataclasses

    from newsgraph.analyze.tone import actor_tone
    from newsgraph.errors import UsageError
    from newsgraph.records import Entity, Mention, Speaker

    def named(n: int, day: str, tone: float, quote_tone: float) -> Article:
        art = article(n, f"{n}1%", f"{n}2%", day=day)
        macron = Entity(
            "Q3052772", "Emmanuel Macron", "PERSON", "FRA", (Mention(0, 15, art.text[:15]),)
        )
        quote = dataclasses.replace(
            art.quotes[0], speaker=Speaker("Q3052772", "Emmanuel Macron"), tone=quote_tone
        )
        return dataclasses.replace(art, entities=(macron,), quotes=(quote,), tone=tone)

    db.save_batch(
        [
            named(1, "2017-04-24", -2.0, 1.0),
            named(2, "2017-04-30", 4.0, 3.0),
            named(3, "2017-05-08", 1.0, -1.0),
        ],
        None,
    )
    rows = actor_tone(db, "Q3052772", by="month")
    assert rows == [
        {"period": "2017-04", "articles": 2, "tone": 1.0, "quotes": 2, "quote_tone": 2.0},
        {"period": "2017-05", "articles": 1, "tone": 1.0, "quotes": 1, "quote_tone": -1.0},
    ]
    assert actor_tone(db, "Q7747") == []
    with pytest.raises(UsageError):
        actor_tone(db, "Q3052772", by="week")
