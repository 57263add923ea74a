"""Actors of events (issue 17): every side is a resolved actor with a CAMEO-style code.

Through the extraction steps (entity layer, quotes, event coder, the events step's
filter), so the rules are checked as `newsgraph extract` applies them: pronouns resolve to an antecedent in the
sentence or leave the side empty, dates and bare nouns are never actors, capitals and
nationality adjectives give countries, organisations carry their own codes, and an
event with no resolved side is not emitted.
"""

from __future__ import annotations

import importlib.util
import tempfile
from functools import partial
from pathlib import Path

import pytest

from conftest import ROOT, shared_path
from newsgraph.extractors.entities import find_entities
from newsgraph.extractors.events import find_events, roles
from newsgraph.extractors.events.actors import event_actor, is_resolved, resolved_events
from newsgraph.extractors.quotes import find_quotes
from newsgraph.records import Event, EventActor, Mention, Span

# Measured on gsr_dev (85 PLOVER gold sentences) with the whole pipeline: source country
# 0.81-0.83, target country 0.69-0.70 (baseline 0.54 / 0.18); the gate allows about 0.03
# below the lower figure (the found events change with the event patterns).
SOURCE_FLOOR = 0.78
TARGET_FLOOR = 0.66


@pytest.fixture(scope="module")
def extract(nlp):

    def run(text: str, published: str = "2020-03-02") -> list[Event]:
        doc = nlp(text)
        layer = find_entities(doc, published=published)
        quotes = find_quotes(doc, resolve=layer.resolve)
        found = find_events(
            doc,
            actors=partial(event_actor, layer, quotes=quotes),
            published=published,
            quotes=quotes,
        )
        return resolved_events(found)

    return run


def one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text, e.source, e.target) for e in events]
    return found[0]


def countries(side: tuple[EventActor, ...]) -> set[str | None]:
    return {a.country for a in side}


def test_it_is_its_antecedent_never_italy(extract):
    event = one(
        extract("Hungary has said it will support a U.N. Security Council resolution."),
        "AGREE",
    )
    assert countries(event.source) == {"HUN"}
    assert countries(event.target) == {"IGO"} and event.target[0].code == "IGOUNO"
    assert roles.default_actor("it").country is None
    assert roles.country_of("it") is None


def test_pronoun_without_antecedent_leaves_the_side_empty(extract):
    events = extract(
        "The talks were long. It also rejected the proposal by Ukraine on Monday, they said."
    )
    for event in events:
        assert all(a.name.lower() not in ("it", "they", "we") for a in event.source)
        assert "ITA" not in countries(event.source)


def test_dates_and_bare_nouns_are_not_actors(extract):
    events = extract(
        "European Community foreign ministers agreed in principle on Saturday to provide "
        "about 70 million dollars of aid for Romania and Poland."
    )
    names = {a.name for e in events for a in (*e.source, *e.target)}
    assert "Saturday" not in names and not any(n.isdigit() for n in names)
    agree = one(events, "AGREE")
    assert countries(agree.source) == {"IGO"}


def test_capital_alone_is_the_government(extract):
    event = one(extract("Moscow rejected the proposal by Washington on Tuesday."), "REJECT")
    (source,) = event.source
    assert (source.country, source.sector) == ("RUS", "GOV")


def test_nationality_adjective_and_domestic_agents_at_home(extract):
    event = one(extract("Jordanian police arrested dozens of protesters in Amman."), "COERCE")
    (source,) = event.source
    assert source.code == "JORCOP"
    (target,) = event.target
    assert (target.country, target.sector) == ("JOR", "OPP")


def test_place_after_an_agent_gives_its_country(extract):
    event = one(extract("Syria offered to negotiate with the president of Armenia."), "AGREE")
    assert countries(event.target) == {"ARM"}


def test_own_forces_are_not_the_target(extract):
    event = one(extract("Syria has again offered its troops to Lebanon."), "AGREE")
    assert countries(event.source) == {"SYR"} and countries(event.target) == {"LBN"}


def test_demand_targets_who_must_act(extract):
    event = one(
        extract("The United States demanded that North Korea abandon its nuclear program."),
        "REQUEST",
    )
    assert countries(event.source) == {"USA"} and countries(event.target) == {"PRK"}
    event = one(extract("Beijing demanded that the US stop arms sales to Taiwan."), "REQUEST")
    assert countries(event.target) == {"USA"}  # 'US' is not the pronoun 'us'


def test_relations_broken_with_a_country(extract):
    event = one(
        extract("Pakistan threatened to break off diplomatic relations with Costa Rica."),
        "THREATEN",
    )
    assert countries(event.target) == {"CRI"}


def test_crowd_of_people_is_the_people(extract):
    event = one(extract("Thousands of Iraqi Kurds demonstrated in Kirkuk."), "PROTEST")
    assert countries(event.source) == {"IRQ"}


def test_ethnic_group_takes_the_country_it_lives_in(extract):
    event = one(extract("Serb forces killed three ethnic Albanians in Serbia."), "ASSAULT")
    assert event.source[0].code == "SRBMIL"
    assert countries(event.target) == {"SRB"}


def test_organisation_named_before_its_agents(extract):
    event = one(extract("Red Cross officials suspended aid deliveries in Baghdad."), "SANCTION")
    (source,) = event.source
    assert source.code is not None and source.code.startswith("NGO")


def test_between_a_and_b_is_a_dyad(extract):
    event = one(extract("Talks between Russia and France ended on Monday."), "CONSULT")
    assert countries(event.source) == {"RUS"} and countries(event.target) == {"FRA"}


def test_first_person_in_a_quote_is_its_speaker(extract):
    text = (
        'Vladimir Putin spoke with Emmanuel Macron on Friday. "I want to reiterate my '
        'invitation to the President of France to visit Russia," Putin said.'
    )
    invitations = [e for e in extract(text) if e.trigger.text == "invitation"]
    assert invitations and invitations[0].source[0].name == "Vladimir Putin"
    assert extract("I met my friends in a bar on Saturday.") == []


def test_possessive_pronoun_is_not_the_actor(extract):
    events = extract("Kiev and its Western allies accuse Moscow of having a hand in the conflict.")
    sources = {a.name for e in events for a in e.source}
    assert "Ukraine" in sources and len(sources) == 1


def test_a_person_owning_a_thing_is_the_actor(extract):
    event = one(extract("The Senate backed Chancellor Angela Merkel's plan."), "SUPPORT")
    assert [a.name for a in event.target] == ["Angela Merkel"]


def test_rejected_allegations_are_not_the_rejecters(extract):
    events = extract("Russia has consistently rejected allegations of interference.")
    assert not [e for e in events if e.type == "ACCUSE" and countries(e.source) == {"RUS"}]


def test_no_resolved_side_no_event(extract):
    assert extract("We met them for dinner on Saturday.") == []


def test_resolved_events_drops_unnamed_actors_and_unresolved_events():
    def event(source: tuple[EventActor, ...], target: tuple[EventActor, ...]) -> Event:
        return Event("CONSULT", Mention(0, 3, "met"), Span(0, 10), source=source, target=target)

    we, police = EventActor(None, "we"), EventActor(None, "police", None, "COP", "COP")
    russia = EventActor("country:RUS", "Russia", "RUS")
    un = EventActor(None, "UN", "IGO", None, "IGOUNO")
    assert resolved_events([event((we,), (police,))]) == []
    (kept,) = resolved_events([event((we,), (russia,))])
    assert kept.source == () and kept.target == (russia,)
    assert is_resolved(un) and not is_resolved(police)


@pytest.mark.eval
def test_gsr_dev_actor_country_gate():
    """Source and target country on the PLOVER gold sentences (whole pipeline)."""
    gold = shared_path("data", "plover", "gsr_dev.json")
    shared_path("eval", "score_events.py")
    spec = importlib.util.spec_from_file_location("facts_eval", ROOT / "eval" / "facts_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        records = module.make_input(module.SCORER, gold)
        result = module.score(gold, module.extract(records, Path(tmp), "gsr"))
    assert result["source_country_accuracy"] >= SOURCE_FLOOR, result
    assert result["target_country_accuracy"] >= TARGET_FLOOR, result


def test_a_measure_on_someones_goods_targets_their_country(extract):
    event = one(extract("Trump threatened to impose a tariff on Chinese goods."), "THREATEN")
    assert countries(event.target) == {"CHN"}
    event = one(extract("The EU imposed a ban on Iranian oil imports on Monday."), "COERCE")
    assert countries(event.target) == {"IRN"}


def test_a_refusal_joined_to_a_request_answers_the_one_who_asked(extract):
    text = (
        "North Korea has requested the body but Malaysian authorities said they "
        "would not release it until investigations are complete."
    )
    event = one(extract(text), "REJECT")
    assert countries(event.source) == {"MYS"} and countries(event.target) == {"PRK"}


def test_a_crowd_protesting_demonstrates_a_state_protesting_objects(extract):
    crowd = one(
        extract("Students protested against the government in Caracas on Monday."), "PROTEST"
    )
    assert countries(crowd.source) == {"VEN"}
    state = one(
        extract("China protested to Japan over the visit to the shrine on Monday."), "ACCUSE"
    )
    assert countries(state.target) == {"JPN"}


def test_a_state_agent_is_not_aimed_at_its_own_state(extract):
    text = "A Pentagon spokesman on Friday denied US involvement in the strike on the boat."
    event = one(extract(text), "REJECT")
    assert countries(event.source) == {"USA"} and countries(event.target) == set()


def test_visitors_do_not_take_the_country_they_arrive_in(extract):
    event = one(extract("Lawmakers of the State Duma arrived in Syria on Monday."), "CONSULT")
    assert "SYR" not in countries(event.source)
    assert countries(event.target) == {"SYR"}
