"""Merged events, quad classes, dyads and timelines over hand-built articles."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from newsgraph.analyze.database import Database
from newsgraph.analyze.dyads import period_of
from newsgraph.analyze.keys import actor_key, merge_key
from newsgraph.analyze.merge import merge_new_events, merge_pending, rebuild
from newsgraph.analyze.quads import PLOVER_QUAD, cameo_quad_class, quad_class
from newsgraph.errors import UsageError
from newsgraph.records import Article, Event, EventActor, Mention, Published, Quote, Span, Speaker
from newsgraph.store import Store, schema

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured

PUTIN = EventActor("Q7747", "Vladimir Putin", "RUS", "GOV")
MACRON = EventActor("Q3052772", "Emmanuel Macron", "FRA", "GOV")
ZELENSKY = EventActor("Q3874799", "Volodymyr Zelensky", "UKR", "GOV")
MOSCOW = EventActor("local:gpe:moscow", "Moscow", "RUS")
RUSSIA = EventActor("country:RUS", "Russia", "RUS")
FRANCE = EventActor("country:FRA", "France", "FRA")
WE = EventActor(None, "we")
ZERO = Mention(0, 1, "x")


def event(
    kind: str = "CONSULT",
    source=(PUTIN,),
    target=(MACRON,),
    date: str | None = "2020-06-26",
    *,
    cameo: str | None = "040",
    negated: bool = False,
    intensity: float = 1.0,
    sentence: tuple[int, int] = (0, 10),
) -> Event:
    return Event(
        kind,
        ZERO,
        Span(*sentence),
        cameo=cameo,
        source=tuple(source),
        target=tuple(target),
        date=date,
        intensity=intensity,
        negated=negated,
    )


def article(
    n: int,
    *events: Event,
    published: str = "2020-06-26",
    outlet: str | None = None,
    quotes: tuple[Quote, ...] = (),
) -> Article:
    text = f"Story number {n} about the talks.\nSecond paragraph of story {n}, further down."
    return Article(
        id=f"a{n}",
        source=f"in/{n}.txt",
        text=text,
        title=f"Story {n}",
        url=f"https://news.test/{n}",
        outlet=outlet or f"Outlet {n}",
        published=Published(published, "given", 1.0),
        events=events,
        quotes=quotes,
    )


@pytest.fixture
def store(db_url: str):
    with Database.open(db_url) as s:
        yield s


def save(store: Store, *articles: Article) -> list[str]:
    """Store without merging, so each test merges (and checks the merge) itself."""
    store.save_batch(list(articles), None, merge=False)
    return [a.id for a in articles]


def stored(store: Store, *articles: Article) -> list[str]:
    """Store as ingest does: the events are merged in the same transaction."""
    store.save_batch(list(articles), None)
    return [a.id for a in articles]


def count(store: Store, table) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


# ---- keys and quad classes ----------------------------------------------------------------


def test_actor_keys_fall_back_to_country_and_anonymous_is_none() -> None:
    assert actor_key({"entity": "Q7747", "country": "RUS"}) == "Q7747"
    assert actor_key({"entity": "country:RUS", "country": "RUS"}) == "RUS"
    assert actor_key({"entity": "local:gpe:moscow", "country": "RUS"}) == "RUS"
    assert actor_key({"entity": None, "name": "we", "country": None}) is None


def test_undated_or_anonymous_events_merge_only_inside_their_article() -> None:
    row = {
        "type": "CONSULT",
        "article_id": "a1",
        "negated": False,
        "source": [{"entity": "Q7747"}],
        "target": [{"entity": "Q3052772"}],
    }
    assert merge_key(row | {"date": "2020-06-26"}).scope == ""
    assert merge_key(row | {"date": None}).scope == "a1"
    assert merge_key(row | {"date": "2020-06"}).scope == "a1"
    assert merge_key(row | {"date": "2020-06-26", "target": [{"name": "we"}]}).scope == "a1"
    assert merge_key(row | {"date": "2020-06-26", "source": [], "target": []}).scope == "a1"


def test_quad_classes_cover_the_sixteen_plover_types() -> None:
    assert len(PLOVER_QUAD) == 16
    assert {quad_class(t) for t in PLOVER_QUAD} == {1, 2, 3, 4}
    assert quad_class("CONSULT") == 1 and quad_class("AID") == 2
    assert quad_class("ACCUSE") == 3 and quad_class("ASSAULT") == 4
    assert quad_class("NOPE") is None
    assert [cameo_quad_class(c) for c in ("042", "0874", "112", "190", "", "99")] == [
        1,
        2,
        3,
        4,
        None,
        None,
    ]


# ---- merging -------------------------------------------------------------------------------


def test_two_articles_reporting_one_event_merge_into_one_with_two_mentions(store: Store) -> None:
    ids = save(
        store,
        article(1, event(date="2020-06-26")),
        article(2, event(date="2020-06-27"), published="2020-06-27"),
    )
    result = merge_new_events(store, ids)
    assert (result.mentions, result.new_events) == (2, 1)
    merged = store.merged_events_df()
    assert len(merged) == 1
    row = merged.iloc[0]
    assert (row.n_mentions, row.n_articles, row.n_sources) == (2, 2, 2)
    assert (row.first_seen, row.last_seen, row.date) == ("2020-06-26", "2020-06-27", "2020-06-26")
    assert row.quad_class == 1 and row.source_key == "Q7747" and row.target_key == "Q3052772"
    mentions = store.event_mentions_df()
    assert sorted(mentions.article_id) == ["a1", "a2"]
    assert set(mentions.merged_event_id) == {row.id}


def test_dates_more_than_a_day_apart_stay_two_events(store: Store) -> None:
    ids = save(store, article(1, event(date="2020-06-26")), article(2, event(date="2020-06-28")))
    assert merge_new_events(store, ids).new_events == 2


def test_negation_type_and_actors_keep_events_apart(store: Store) -> None:
    ids = save(
        store,
        article(1, event(), event(negated=True)),
        article(2, event("SUPPORT", cameo="051"), event(target=(ZELENSKY,))),
    )
    assert merge_new_events(store, ids).new_events == 4


def test_unresolved_actors_merge_by_country(store: Store) -> None:
    ids = save(
        store,
        article(1, event("REJECT", (MOSCOW,), (FRANCE,), cameo="016")),
        article(2, event("REJECT", (RUSSIA,), (FRANCE,), cameo="016")),
    )
    assert merge_new_events(store, ids).new_events == 1


def test_undated_and_anonymous_events_merge_within_an_article_only(store: Store) -> None:
    ids = save(
        store,
        article(1, event(date=None), event(date=None), event(source=(WE,))),
        article(2, event(date=None), event(source=(WE,))),
    )
    merge_new_events(store, ids)
    merged = store.merged_events_df().sort_values("id")
    assert len(merged) == 4
    assert sorted(merged.n_mentions) == [1, 1, 1, 2]
    assert set(merged.scope) == {"a1", "a2"}


def test_re_merging_adds_nothing_and_rebuild_gives_the_same_events(store: Store) -> None:
    ids = save(store, article(1, event(), event("AID", cameo="070")), article(2, event()))
    first = merge_new_events(store, ids)
    again = merge_new_events(store, ids)
    assert (first.mentions, first.new_events) == (3, 2)
    assert (again.mentions, again.new_events) == (0, 0)
    before = store.merged_events_df()[["type", "n_mentions", "n_articles"]].values.tolist()
    assert count(store, schema.event_mentions) == 3
    rebuilt = rebuild(store)
    assert (rebuilt.mentions, rebuilt.new_events) == (3, 2)
    after = store.merged_events_df()[["type", "n_mentions", "n_articles"]].values.tolist()
    assert sorted(before) == sorted(after)


def test_a_later_batch_joins_an_existing_merged_event(store: Store) -> None:
    merge_new_events(store, save(store, article(1, event())))
    result = merge_new_events(store, save(store, article(2, event(date="2020-06-25"))))
    assert (result.mentions, result.new_events) == (1, 0)
    assert store.merged_events_df().iloc[0].n_mentions == 2


def test_merge_pending_catches_up_unmerged_events(store: Store) -> None:
    save(store, article(1, event()), article(2, event()))
    assert count(store, schema.merged_events) == 0
    merge_pending(store)
    assert len(store.merged_events_df()) == 1


def test_save_batch_merges_in_the_same_transaction(store: Store) -> None:
    stored(store, article(1, event()), article(2, event()))
    assert count(store, schema.merged_events) == 1 and len(store.merged_events_df()) == 1


def test_lead_flag_marks_events_in_the_first_paragraph(store: Store) -> None:
    merge_new_events(
        store, save(store, article(1, event(), event("AID", cameo="070", sentence=(40, 60))))
    )
    flags = store.event_mentions_df().sort_values("event_seq").in_lead.tolist()
    assert flags == [True, False]


# ---- dyads ---------------------------------------------------------------------------------


@pytest.fixture
def relations(store: Store) -> Store:
    stored(
        store,
        article(
            1,
            event(date="2017-03-24"),
            event("ACCUSE", (MACRON,), (PUTIN,), "2017-03-30", cameo="112", intensity=-2.0),
        ),
        article(
            2,
            event(date="2017-03-25"),
            event("AID", (FRANCE,), (RUSSIA,), "2017-05-02", cameo="070", intensity=7.0),
        ),
        article(
            3,
            event("CONSULT", (PUTIN, MACRON), (), "2022-02-07", intensity=1.0),
            event(
                "ASSAULT",
                (RUSSIA,),
                (FRANCE,),
                "2022-02-10",
                cameo="190",
                negated=True,
                intensity=-10.0,
            ),
            event("SUPPORT", (PUTIN,), (ZELENSKY,), "2022-02-11", cameo="051"),
        ),
    )
    return store


def test_dyad_counts_per_month_and_quad_class(relations: Store) -> None:
    frame = relations.dyad_df("RUS", "FRA", by="month")
    cells = {
        (r.period, r.quad_class): (r.count, r.mentions, r.mean_intensity)
        for r in frame.itertuples()
    }
    assert cells == {
        ("2017-03", 1): (1, 2, 1.0),  # one meeting reported twice
        ("2017-03", 3): (1, 1, -2.0),
        ("2017-05", 2): (1, 1, 7.0),
        ("2022-02", 1): (1, 1, 1.0),  # a joint act: Putin and Macron held talks
    }
    ids = frame.event_ids.tolist()
    assert all(isinstance(i, int) for cell in ids for i in cell)


def test_directed_dyads_negated_events_and_actor_names(relations: Store) -> None:
    directed = relations.dyad_df("RUS", "FRA", directed=True)
    assert {(r.period, r.quad_class) for r in directed.itertuples()} == {
        ("2017-03", 1),
        ("2022-02", 1),
    }
    with_negated = relations.dyad_df("RUS", "FRA", include_negated=True)
    assert ("2022-02", 4) in {(r.period, r.quad_class) for r in with_negated.itertuples()}
    by_name = relations.dyad_df("Putin", "Emmanuel Macron", by="year")
    assert by_name.groupby("period")["count"].sum().to_dict() == {"2017": 2, "2022": 1}
    assert relations.dyad_df("RUS", "UKR").empty is False


def test_dyad_refuses_unknown_parties_and_periods(relations: Store) -> None:
    with pytest.raises(UsageError):
        relations.dyad_df("Nobody Atall", "FRA")
    with pytest.raises(UsageError):
        relations.dyad_df("RUS", "FRA", by="decade")


def test_periods() -> None:
    assert period_of("2017-03-24", "month") == "2017-03"
    assert period_of("2017-03-24", "week") == "2017-W12"
    assert period_of("2017-03-24", "day") == "2017-03-24"
    assert period_of("2015", "year") == "2015"
    assert period_of("2015", "month") is None
    assert period_of("2020-SU", "month") is None
    assert period_of(None, "year") is None


# ---- timelines -----------------------------------------------------------------------------


def test_timeline_lists_events_and_quotes_in_date_order(store: Store) -> None:
    said = Quote(0, 5, "Story", True, "said", Speaker("Q3052772", "Emmanuel Macron"), "2020-06-20")
    other = Quote(0, 5, "Story", True, "said", Speaker("Q7747", "Vladimir Putin"), "2020-06-21")
    stored(
        store,
        article(
            1,
            event(date="2020-06-26"),
            event("AGREE", (MACRON,), (ZELENSKY,), "2022-02-08", cameo="036"),
            quotes=(said, other),
        ),
        article(2, event(date="2020-06-27"), event(date=None), published="2020-06-27"),
    )
    frame = store.timeline_df("Emmanuel Macron")
    assert frame.date.tolist() == ["2020-06-20", "2020-06-26", "2022-02-08"]
    assert frame.kind.tolist() == ["quote", "event", "event"]
    assert frame.role.tolist() == ["speaker", "target", "source"]
    meeting = frame.iloc[1]
    assert meeting.counterpart == "Vladimir Putin" and meeting.n_sources == 2
    assert [s["article_id"] for s in meeting.sources] == ["a1", "a2"]
    assert meeting.outlet == "Outlet 1" and meeting.text.startswith("Story numb")
    window = store.timeline_df("Q3052772", since="2020-06-21", until="2020-12-31")
    assert window.date.tolist() == ["2020-06-26"]
