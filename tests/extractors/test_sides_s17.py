"""Events' sides (issue 17, session 17): sides the clause names but the event left empty
or filled wrongly, each on invented sentences through the extraction steps (as the
pipeline runs them)."""

from __future__ import annotations

import pytest
from event_checks import coded_events, countries, names, trigger


@pytest.fixture(scope="module")
def extract(nlp):
    return lambda text, published="2019-05-15": coded_events(nlp, text, published)


# -- 1. a built thing's name is no side ---------------------------------------------------


def test_a_named_bridge_is_no_target(extract):
    text = "German troops bombed Marko Bridge in northern Serbia."
    event = trigger(extract(text), "bombed")
    assert "Marko Bridge" not in names(event.target)
    assert countries(event.source) == ["DEU"]


# -- 2. the subject of a gerund clause ----------------------------------------------------


def test_the_subject_of_an_opposed_gerund_is_the_target(extract):
    text = "Serbia opposed Croatian police conducting a search of the embassy."
    event = trigger(extract(text), "opposed")
    assert countries(event.source) == ["SRB"]
    assert countries(event.target) == ["HRV"]


def test_an_opposed_object_noun_stays_the_target(extract):
    # control: a plain object, no gerund clause
    text = "Serbia opposed the Croatian plan."
    event = trigger(extract(text), "opposed")
    assert countries(event.target) == ["HRV"]


# -- 3. a measure on an act falls on who does the act -------------------------------------


def test_a_ban_on_an_act_targets_who_does_it(extract):
    text = "Cuomo imposed a ban on lobbying by state officials."
    event = trigger(extract(text), "ban")
    assert names(event.target) == ["state officials"]


# -- 4. a dead person's remains -----------------------------------------------------------


def test_the_dead_whose_remains_are_asked_for_are_not_asked(extract):
    text = "Kenya requested the dead diplomat's remains."
    event = trigger(extract(text), "requested")
    assert countries(event.source) == ["KEN"]
    assert names(event.target) == []
    text = "Ankara demanded Yilmaz's body from Greece."
    event = trigger(extract(text), "demanded")
    assert countries(event.target) == ["GRC"]


def test_an_act_asked_of_its_owner_keeps_the_owner(extract):
    # control: a resignation is the resigner's, who is asked for it
    text = "Ankara demanded Yilmaz's resignation."
    event = trigger(extract(text), "demanded")
    assert names(event.target) == ["Yilmaz"]


# -- 5. a tax on a people's goods, a group named by its members ---------------------------


def test_a_threatened_tax_on_a_peoples_goods_targets_their_country(extract):
    text = "Senator Blake threatened to raise import taxes on Mexican goods."
    event = trigger(extract(text), "threatened")
    assert countries(event.target) == ["MEX"]


def test_a_slate_of_people_is_those_people(extract):
    text = "The Senate committee has invited a slate of former army generals to testify."
    event = trigger(extract(text), "invited")
    assert names(event.target) == ["former army generals"]


# -- 6. a fronted scene is no target ------------------------------------------------------


def test_a_fronted_scene_is_not_whom_a_call_is_on(extract):
    text = (
        "On the Senate side, Republicans are calling for Sen. Tom Blake, chairman of the "
        "Senate Banking Committee, to step aside from the inquiry."
    )
    event = trigger(extract(text), "calling")
    assert names(event.target) == ["Tom Blake"]


def test_a_call_on_someone_after_the_subject_keeps_them(extract):
    # control: 'called on X' after the subject names whom the call is addressed to
    text = "The senator called on the Senate to reject the bill."
    event = trigger(extract(text), "called")
    assert "Senate" in " ".join(names(event.target))


# -- 7. agreeing or asking to be acted on by someone --------------------------------------


def test_agreeing_to_be_questioned_by_a_body_targets_the_body(extract):
    text = "Senator Blake has agreed to be interviewed by the FBI."
    event = trigger(extract(text), "agreed")
    assert names(event.target) == ["Federal Bureau of Investigation"]
    text = "Senator Blake asked to be briefed by the CIA."
    event = trigger(extract(text), "asked")
    assert names(event.target) == ["Central Intelligence Agency"]


def test_agreeing_to_act_keeps_the_acts_target(extract):
    # control: an active complement keeps its own object
    text = "Senator Blake has agreed to meet the FBI director."
    event = trigger(extract(text), "agreed")
    assert "Blake" not in " ".join(names(event.target))


# -- 8. names apposed to an object noun ---------------------------------------------------


def test_every_name_apposed_to_the_object_is_a_target(extract):
    text = "The senator has criticized export giants Japan and Korea over their trade surpluses."
    event = trigger(extract(text), "criticized")
    assert countries(event.target) == ["JPN", "KOR"]


# -- 9. two joined subjects the parser splits; 'them' of a participle ---------------------


def test_two_joined_names_the_parser_made_two_subjects_both_act(extract):
    text = (
        "The test came two days after President Macron and German Chancellor Angela Merkel "
        "urged Iran to abandon its missile programme."
    )
    event = trigger(extract(text), "urged")
    assert countries(event.source) == ["FRA", "DEU"]
    assert countries(event.target) == ["IRN"]


def test_them_of_a_participle_is_the_object_of_its_verb(extract):
    text = "Navalny took Russian authorities to court last year, accusing them of torturing him."
    event = trigger(extract(text), "accusing")
    assert names(event.target) == ["Russian authorities"]
