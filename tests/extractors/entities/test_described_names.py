"""A name the model takes for a person that the text calls an organisation or a place
(issue 17; docs/quality.md "Session 12: entity links"). Each case is an invented
sentence and fails on the code before the rule, except those marked "guard". No
knowledge base: every name is local to the article.
"""

from __future__ import annotations

from entity_checks import local_layer_of as layer_of

from newsgraph.extractors.entities.layer import EntityLayer


def type_of(layer: EntityLayer, name: str) -> str | None:
    return next((e.type for e in layer.entities if e.name == name), None)


def resolved(layer: EntityLayer, text: str, needle: str) -> str | None:
    start = text.index(needle)
    found = layer.resolve(start, start + len(needle))
    return found.entity if found else None


def test_a_name_after_an_organisation_noun_is_no_person(nlp):
    text = "Sven Selbert works for the conservation group Robin Wood. He says the plan works."
    layer = layer_of(nlp, text)
    assert type_of(layer, "Robin Wood") == "ORG"
    assert resolved(layer, text, "He") == resolved(layer, text, "Sven Selbert")


def test_a_name_with_an_organisation_noun_in_apposition_is_no_person(nlp):
    text = (
        "SpaceX, the space technology and exploration company founded by billionaire "
        "Elon Musk, plans to fly two civilians around the moon, the company announced."
    )
    layer = layer_of(nlp, text)
    assert type_of(layer, "SpaceX") == "ORG"
    assert type_of(layer, "Elon Musk") == "PERSON"


def test_the_island_of_and_a_county_prefix_name_places(nlp):
    text = (
        "Once rescued, the boy was taken to a migrant centre on the Italian island of "
        "Lampedusa. A ten-week-old girl was found with serious injuries in Co Louth. It "
        "is understood she remains in a serious condition."
    )
    layer = layer_of(nlp, text)
    assert type_of(layer, "Lampedusa") != "PERSON"
    assert type_of(layer, "Co Louth") != "PERSON"
    assert resolved(layer, text, "she") is None


def test_guard_a_person_after_an_organisation_noun_in_a_relative_clause(nlp):
    text = "Lawyer Salvador Panelo said the company John Smith founded had failed."
    layer = layer_of(nlp, text)
    assert type_of(layer, "John Smith") == "PERSON"
