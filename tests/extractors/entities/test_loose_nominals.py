"""Loose organisation nominals: "the company", "the firm" (issue 17, session 11).

A company noun refers only to an organisation that can be a business (not a newspaper,
a court or a team), and only to one named near it (a business the text shows as one
within a few sentences, one nothing types in this or the sentence before) or named
more than once; "in the company of" is no firm. Invented sentences; each test failed on
the code before, except the guards marked "guard".
"""

from __future__ import annotations

from entity_checks import layer_of, name_of

from newsgraph.extractors.entities.kbview import NO_KB
from newsgraph.kb.load import default_kb


def test_a_newspaper_is_not_the_company(nlp):
    text = (
        "The Rockford Gazette reported on the strike at the plant. The company said it "
        "would cut 200 jobs."
    )
    assert name_of(layer_of(nlp, text, NO_KB), text, "The company") is None


def test_an_organisation_named_once_sentences_before_is_not_the_company(nlp):
    text = (
        "Fans cheered as the Harwick Rovers won on Saturday. The weather was cold. Tickets "
        "sold out early. Later, workers walked out of a car plant in Leeds. The company said "
        "it would cut 200 jobs."
    )
    assert name_of(layer_of(nlp, text, NO_KB), text, "The company") is None


def test_in_the_company_of_is_no_firm(nlp):
    text = (
        "Vadim Petrov left the Grand Hotel with staff of Acme Holdings. He walked out in the "
        "company of a bodyguard."
    )
    assert name_of(layer_of(nlp, text, NO_KB), text, "the company") is None


def test_guard_a_business_the_text_names_as_one_is_found_sentences_later(nlp):
    text = (
        "Last year the bus manufacturer Zandor Motorworks expanded in Europe. It opened a "
        "plant in Poland in 2015. Sales rose last year. Prices fell. The company has now "
        "produced 10,000 buses."
    )
    assert name_of(layer_of(nlp, text, NO_KB), text, "The company") == "Zandor Motorworks"


def test_guard_a_company_named_twice_is_found_further_back(nlp):
    text = (
        "Trellis Systems hired 40 engineers in May. Trellis Systems now employs 300 people. "
        "Its rivals grew too. Sales rose. Prices fell. Costs fell. Demand rose. The company "
        "plans an office in Lyon."
    )
    assert name_of(layer_of(nlp, text, NO_KB), text, "The company") == "Trellis Systems"


def test_a_modifier_of_the_nominal_tells_two_organisations_apart(nlp):
    text = (
        "Officials from the Kessler Automobile Dealers Association and the Kessler "
        "Association of Car Makers met on Monday. The dealer association said sales fell."
    )
    layer = layer_of(nlp, text, NO_KB)
    found = name_of(layer, text, "The dealer association")
    assert found == "Kessler Automobile Dealers Association"


def test_a_group_of_people_and_an_organisation_of_care_are_no_organisation(nlp):
    text = (
        "Nine climbers left the Hallam Alpine Club hut on Monday. The group of eight people "
        "was using touring skis. An inquiry found problems with the organisation and "
        "delivery of care."
    )
    layer = layer_of(nlp, text, NO_KB)
    assert name_of(layer, text, "The group") is None
    assert name_of(layer, text, "the organisation") is None


def test_the_armed_group_is_no_ministry(nlp):
    text = (
        "The Pentagon said the raid targeted militants. A tribal leader denied being a member "
        "of the armed group."
    )
    assert name_of(layer_of(nlp, text, NO_KB), text, "the armed group") is None


def test_guard_the_militant_group_is_the_armed_organisation_named(nlp):
    text = (
        "Hezbollah said on Monday that it had sent more fighters to the border. The militant "
        "group said it had taken the bridge."
    )
    assert name_of(layer_of(nlp, text, default_kb()), text, "The militant group") == "Hezbollah"
