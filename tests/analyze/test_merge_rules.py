"""Merging only what is one event: same type, same source and target actors (or the
same countries when no entity), dates within a day; never across different actors, and
never an event with an empty side across articles."""

from __future__ import annotations

import pytest

from newsgraph.analyze.database import Database
from newsgraph.analyze.keys import actor_key, merge_key
from newsgraph.analyze.merge import merge_new_events
from newsgraph.records import Article, Event, EventActor, Mention, Published, Span
from newsgraph.store import Store

pytest_plugins = ["backends"]

PESKOV = EventActor("Q4155489", "Dmitry Peskov", "RUS", "GOV")
FOX = EventActor("local:org:fox-news", "Fox News", "USA", "MED")
IRAN = EventActor("country:IRN", "Iran", "IRN")
USA = EventActor("country:USA", "United States", "USA")
RUSSIA = EventActor("country:RUS", "Russia", "RUS")
UKRAINE = EventActor("country:UKR", "Ukraine", "UKR")
RUSSIAN_TROOPS = EventActor(None, "Russian troops", "RUS", "MIL")
RUSSIAN_PROTESTERS = EventActor(None, "Russian protesters", "RUS", "CVL")
AI = EventActor("local:org:amnesty-international", "AI", None, "NGO")
CIVILIANS = EventActor(None, "civilians", None, "CVL")
SMITH = EventActor("local:person:john-smith", "John Smith", "USA")
JONES = EventActor("local:person:mary-jones", "Mary Jones", "USA")
UN = EventActor("local:org:un", "United Nations", "IGO", None, "IGOUNO")
NATO = EventActor("local:org:nato", "NATO", "IGO", None, "IGONAT")
ZERO = Mention(0, 1, "x")


def event(kind, source, target, date="2017-03-26", cameo=None) -> Event:
    return Event(kind, ZERO, Span(0, 10), cameo=cameo, source=source, target=target, date=date)


def article(n: int, *events: Event) -> Article:
    return Article(
        id=f"a{n}",
        source=f"in/{n}.txt",
        text=f"Story {n}.",
        title=f"Story {n}",
        url=f"https://news.test/{n}",
        outlet=f"Outlet {n}",
        published=Published("2017-03-26", "given", 1.0),
        events=events,
    )


@pytest.fixture
def store(db_url: str):
    with Database.open(db_url) as s:
        yield s


def merged_count(store: Store, *articles: Article) -> int:
    store.save_batch(list(articles), None, merge=False)
    merge_new_events(store, [a.id for a in articles])
    return len(store.merged_events_df())


def row(kind, source, target, date="2017-03-26", article_id="a1") -> dict:
    as_dicts = lambda side: [_d(a) for a in side]  # noqa: E731
    return {
        "type": kind,
        "source": as_dicts(source),
        "target": as_dicts(target),
        "date": date,
        "negated": False,
        "article_id": article_id,
    }


def _d(actor: EventActor) -> dict:
    return {f: getattr(actor, f) for f in actor.__slots__}


def test_the_issue_case_unrelated_reports_stay_apart(store: Store) -> None:
    """The Peskov / Fox News article and two unrelated articles of the same days: an
    Iran nuclear deal and an Amnesty International estimate of executions."""
    peskov = article(
        1,
        event("ACCUSE", (PESKOV,), (FOX,), cameo="111"),
        event("REJECT", (PESKOV,), (), cameo="016"),
    )
    iran = article(2, event("AGREE", (IRAN,), (USA,), cameo="030"), event("REJECT", (RUSSIA,), ()))
    amnesty = article(
        3,
        event("ACCUSE", (AI,), (), cameo="112"),
        event("ASSAULT", (RUSSIAN_TROOPS,), (CIVILIANS,), date="2017-03-27"),
    )
    assert merged_count(store, peskov, iran, amnesty) == 6


def test_an_empty_side_merges_only_inside_its_article() -> None:
    assert merge_key(row("REJECT", (RUSSIA,), ())).scope == "a1"
    assert merge_key(row("REJECT", (), (UKRAINE,))).scope == "a1"
    assert merge_key(row("REJECT", (RUSSIA,), (UKRAINE,))).scope == ""
    # a joint act names its dyad in its sources
    assert merge_key(row("CONSULT", (RUSSIA, UKRAINE), ())).scope == ""


def test_empty_and_filled_sides_never_merge(store: Store) -> None:
    one = article(1, event("REJECT", (RUSSIA,), ()))
    two = article(2, event("REJECT", (RUSSIA,), (UKRAINE,)))
    three = article(3, event("REJECT", (RUSSIA,), ()))
    assert merged_count(store, one, two, three) == 3


def test_different_people_of_one_country_are_different_actors() -> None:
    assert actor_key(_d(SMITH)) != actor_key(_d(JONES))
    assert merge_key(row("CONSULT", (SMITH,), (RUSSIA,))) != merge_key(
        row("CONSULT", (JONES,), (RUSSIA,))
    )


def test_non_state_agents_are_not_their_state() -> None:
    assert actor_key(_d(RUSSIAN_TROOPS)) == actor_key(_d(RUSSIA)) == "RUS"
    assert actor_key(_d(RUSSIAN_PROTESTERS)) == "RUSCVL"


def test_international_organisations_keep_their_own_code() -> None:
    assert actor_key(_d(UN)) == "IGOUNO" and actor_key(_d(NATO)) == "IGONAT"


def test_same_actors_and_day_merge_across_articles(store: Store) -> None:
    one = article(1, event("ASSAULT", (RUSSIAN_TROOPS,), (UKRAINE,)))
    two = article(2, event("ASSAULT", (RUSSIA,), (UKRAINE,), date="2017-03-27"))
    assert merged_count(store, one, two) == 1


def test_different_targets_or_types_or_days_stay_apart(store: Store) -> None:
    one = article(1, event("ASSAULT", (RUSSIA,), (UKRAINE,)))
    two = article(2, event("ASSAULT", (RUSSIA,), (USA,)))
    three = article(3, event("COERCE", (RUSSIA,), (UKRAINE,)))
    four = article(4, event("ASSAULT", (RUSSIA,), (UKRAINE,), date="2017-03-29"))
    assert merged_count(store, one, two, three, four) == 4


# ---- GDELT rows: a valid full date or no row ------------------------------------------------


def gdelt_event(date: str | None, first_seen: str | None = "2017-03-26") -> dict:
    return {
        "id": 1,
        "date": date,
        "first_seen": first_seen,
        "type": "ASSAULT",
        "cameo": "190",
        "source": [_d(RUSSIA)],
        "target": [_d(UKRAINE)],
    }


@pytest.mark.parametrize(
    ("date", "first_seen", "sqldate"),
    [
        ("2017-03-24", "2017-03-26", "20170324"),  # the event's own day
        (None, "2017-03-26", "20170326"),  # undated: the article day
        ("2017-03", "2017-03-26", "20170326"),  # a month containing the article day
        ("2017", "2017-03-26", "20170326"),
        ("2017-W12", "2017-03-26", "20170326"),
    ],
)
def test_gdelt_row_day(date, first_seen, sqldate) -> None:
    from newsgraph.analyze.gdelt import COLUMNS, gdelt_row

    cells = dict(zip(COLUMNS, gdelt_row(gdelt_event(date, first_seen)) or [], strict=True))
    assert cells["SQLDATE"] == sqldate
    assert cells["Year"] == sqldate[:4] and cells["MonthYear"] == sqldate[:6]


@pytest.mark.parametrize(
    ("date", "first_seen"),
    [
        ("1499", "2017-03-26"),  # history (or a number read as a year): no true day
        ("1499-05-01", "2017-03-26"),
        ("1945", "2017-03-26"),
        ("2023", "2017-03-26"),  # a future year
        ("2016-12", "2017-03-26"),  # another month
        ("200", "2017-03-26"),  # a decade value
        (None, None),  # nothing at all
        (None, "March 2017"),
    ],
)
def test_gdelt_row_skipped_without_a_valid_day(date, first_seen) -> None:
    from newsgraph.analyze.gdelt import gdelt_row

    assert gdelt_row(gdelt_event(date, first_seen)) is None
