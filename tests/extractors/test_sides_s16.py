"""Events' sides (issue 17, session 16): orders to one's own people, a predicate blame,
one person of a body, and places the KB does not know, each on invented sentences
through the extraction steps (as the pipeline runs them)."""

from __future__ import annotations

import pytest
from event_checks import coded_events, countries, names, trigger


@pytest.fixture(scope="module")
def extract(nlp):
    return lambda text, published="2019-05-15": coded_events(nlp, text, published)


# -- 1. an order to the source's own people ----------------------------------------------


def test_an_order_to_ones_own_people_targets_them(extract):
    text = "Corbyn ordered his MPs to support the government's bill."
    event = trigger(extract(text), "ordered")
    assert names(event.target) == ["his MPs"]
    text = "Putin ordered his troops to attack the Ukrainian port."
    event = trigger(extract(text), "ordered")
    assert names(event.target) == ["his troops"]


def test_an_order_to_others_keeps_its_target(extract):
    # control: the ordered are named, not the source's own
    text = "Corbyn ordered Labour MPs to support the government's bill."
    event = trigger(extract(text), "ordered")
    assert countries(event.target) == ["GBR"]
    assert "government" not in " ".join(names(event.target)).lower()


# -- 2. 'X is to blame' -------------------------------------------------------------------


def test_a_predicate_blame_targets_its_subject(extract):
    text = "The opposition leader claims the Kremlin is to blame for the attack."
    event = trigger(extract(text), "blame")
    assert countries(event.target) == ["RUS"]
    assert "Kremlin" not in " ".join(names(event.source))
    text = "The senator said Russia was partly to blame for the hacking."
    event = trigger(extract(text), "blame")
    assert countries(event.target) == ["RUS"]
    assert "RUS" not in countries(event.source)


def test_a_verb_blame_keeps_its_subject_as_source(extract):
    text = "Moscow was quick to blame Kiev for the shelling."
    event = trigger(extract(text), "blame")
    assert countries(event.source) == ["RUS"]
    assert countries(event.target) == ["UKR"]


# -- 3. one person of a body --------------------------------------------------------------


def test_a_member_of_a_body_is_a_person_not_the_body(extract):
    text = "The European Parliament member is being investigated by French police."
    event = trigger(extract(text), "investigated")
    assert names(event.target) == ["European Parliament member"]
    assert countries(event.target) == ["IGO"]
    text = "The Brexit secretary met Michel Barnier in Brussels."
    event = trigger(extract(text), "met")
    assert names(event.source) == ["Brexit secretary"]


def test_officials_of_a_body_stay_the_body(extract):
    # control: a plural 'officials' speaks for the body
    text = "Red Cross officials visited the prison in Aleppo."
    event = trigger(extract(text), "visited")
    assert names(event.source) != ["Red Cross officials"]
    assert [a.code for a in event.source] == ["NGOHLHIRC"]


# -- 4. places the KB does not know ---------------------------------------------------------


def test_a_town_the_kb_does_not_know_is_no_target(extract):
    events = extract("Rebels seized the town of Deir Hafer.")
    assert all(not e.target for e in events)
    events = extract("Syrian troops shelled the Wadi Hassan district overnight.")
    assert all("Wadi" not in " ".join(names(e.target)) for e in events)


def test_a_known_place_still_names_its_country(extract):
    # control: a place the gazetteer knows keeps its country
    event = trigger(extract("Kurdish fighters captured the town of Tal Afar."), "captured")
    assert countries(event.target) == ["IRQ"]


def test_no_one_is_deployed_to_a_person(extract):
    event = trigger(
        extract("Russia has deployed troops to Sidi Mansour near the border."), "deployed"
    )
    assert event.target == ()
    event = trigger(extract("Russia has deployed troops to Syria."), "deployed")
    assert countries(event.target) == ["SYR"]


# -- 5. a government 'in <capital>' the parser hung on the verb -----------------------------


def test_a_government_in_a_capital_is_that_countrys(extract):
    text = "Moscow has long accused the government in Kyiv of persecuting Russian speakers."
    event = trigger(extract(text), "accused")
    assert countries(event.target) == ["UKR"]
    event = trigger(extract("Russia criticised the government in Kyiv."), "criticised")
    assert countries(event.target) == ["UKR"]


def test_troops_in_a_country_are_not_its_troops(extract):
    # control: only a government word takes the place after it as its country
    event = trigger(extract("NATO deployed troops in Poland."), "deployed")
    assert "POL" not in countries(event.source)


# -- 6. parts of a land taken ----------------------------------------------------------------


def test_parts_of_lands_seized_target_the_lands(extract):
    event = trigger(
        extract("The militants seized large chunks of Iraq and Syria in 2014."), "seized"
    )
    assert countries(event.target) == ["IRQ", "SYR"]
    assert event.cameo == "192"


def test_part_of_a_thing_seized_is_no_land(extract):
    # control: 'parts of the shipment' is no place
    event = trigger(extract("Police seized parts of the shipment in Spain."), "seized")
    assert event.target == ()
    assert event.cameo == "1711"


# -- 7. from dev draw 9984 -------------------------------------------------------------------


def test_an_appeal_to_ones_own_supporters_targets_them(extract):
    text = "Throughout the campaign, Bernie Sanders urged his supporters to fear the future."
    event = trigger(extract(text), "urged")
    assert names(event.target) == ["his supporters"]
    # control: an appeal to another keeps that other
    event = trigger(extract("Bernie Sanders urged Mexico to stop the caravans."), "urged")
    assert countries(event.target) == ["MEX"]


def test_a_chapter_or_wing_of_a_body_is_the_body(extract):
    text = "The Ohio chapter of the Sierra Club slammed the White House for the cuts."
    event = trigger(extract(text), "slammed")
    assert names(event.source) == ["Sierra Club"]
    text = "The armed wing of Hamas attacked Israeli soldiers."
    event = trigger(extract(text), "attacked")
    assert countries(event.source) == ["PSE"]


def test_a_pledge_in_a_call_is_made_to_the_caller(extract):
    text = "In March, Trump reaffirmed Washington's long-standing policy in a call with Xi."
    event = trigger(extract(text), "reaffirmed")
    assert countries(event.target) == ["CHN"]
    # control: a criticism of another's policy in a call still targets the policy's owner
    event = trigger(
        extract("Merkel criticised Russia's policy in a call with Trump."), "criticised"
    )
    assert countries(event.target) == ["RUS"]


def test_a_defied_government_order_targets_the_government(extract):
    text = "Kenya's nurses have said they will defy a government order to resume work."
    event = trigger(extract(text), "defy")
    assert names(event.target) == ["government"]
    # control: 'a press request' names no issuing body
    event = trigger(extract("Trump rejected a press request."), "rejected")
    assert event.target == ()


def test_whom_a_place_was_held_by_is_the_target_of_its_taking(extract):
    text = "Tadmur, once held by ISIS and retaken by the Syrian government, is important."
    event = trigger(extract(text), "retaken")
    assert [a.code for a in event.target] == ["IMGMUSISI"]
    text = "Iraqi troops seized the town, which had been held by ISIL since 2014."
    event = trigger(extract(text), "seized")
    assert [a.code for a in event.target] == ["IMGMUSISI"]
    # control: a town held by no one named has no target
    event = trigger(extract("Iraqi troops seized the town in 2014."), "seized")
    assert event.target == ()


# -- 8. from dev draw 9985 -------------------------------------------------------------------


def test_a_quantified_object_is_its_owners(extract):
    text = "Merkel has unequivocally denounced many of Putin's policy proposals."
    event = trigger(extract(text), "denounced")
    assert countries(event.target) == ["RUS"]
    # control: 'some of the protesters' are the protesters themselves
    event = trigger(extract("Police arrested some of the protesters in Cairo."), "arrested")
    assert [a.sector for a in event.target] == ["OPP"]


def test_a_strike_named_through_its_weapon_is_its_owners(extract):
    text = "Two Taliban commanders were killed in an apparent US drone strike in the east."
    event = trigger(extract(text), "killed")
    assert countries(event.source) == ["USA"]
    # control: a strike no one is named for has no source
    event = trigger(extract("Two Taliban commanders were killed in a drone strike."), "killed")
    assert event.source == ()


def test_a_piece_of_a_hyphenated_name_is_no_one(extract):
    text = "Trump returned to Mar-a-Vista to have dinner with the banker."
    events = extract(text)
    assert all("Mar" not in " ".join(names(e.target)) for e in events)
    # control: a whole name after the hyphen's words is kept
    event = trigger(extract("Trump met Abe at Mar-a-Vista."), "met")
    assert countries(event.target) == ["JPN"]


def test_a_body_named_before_a_group_word_stays_the_body(extract):
    # control (gsr_dev): 'movement' is a body, not one person of it
    text = "The radical Islamic Jihad movement rejected an invitation from Egypt."
    event = trigger(extract(text), "rejected")
    assert names(event.source) == ["Islamic Jihad"]


def test_who_acted_together_with_the_source_is_no_target(extract):
    event = trigger(extract("US commandos raided a compound together with Iraqi troops."), "raided")
    assert "IRQ" not in countries(event.target)
    event = trigger(
        extract("Kenyan troops attacked the militants along with Somali forces."), "attacked"
    )
    assert "SOM" not in countries(event.target)
    event = trigger(extract("US forces conducted raids in cooperation with Iraqi troops."), "raids")
    assert "IRQ" not in countries(event.target)
    # a 'with' phrase of a clash or a meeting is the other party
    event = trigger(extract("Kenyan troops clashed with Somali militants on Tuesday."), "clashed")
    assert "SOM" in countries(event.target)
