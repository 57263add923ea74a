"""Pronouns resolved by salience (issue 17, item 5; docs/quality.md "Session 9: entity links").

Each case is an invented sentence for one part of the method in
``newsgraph.extractors.entities.pronouns`` and fails on the code before it (the
subject-then-focus order of session 8), except those marked "guard", which keep a part
from reaching too far. No knowledge base: every person is local to the article.
"""

from __future__ import annotations

from entity_checks import local_layer_of as layer_of
from entity_checks import word_entity_at as entity_at


def test_a_spokesman_without_a_name_keeps_his_he_unlinked(nlp):
    text = (
        "John Smith visited the plant on Monday. A spokesman for the company said the "
        'visit went well. "We expect more orders," he added.'
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "John Smith") is not None
    assert entity_at(layer, text, "he") is None


def test_one_of_several_unnamed_people_is_no_named_person(nlp):
    text = "Mary Smith questioned two women on Monday. At least one claimed she was tricked."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "she") is None


def test_his_or_her_is_anyone(nlp):
    text = (
        "John Smith drafted the law. A person found guilty could be suspended from his or "
        "her job for three years."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "his") is None
    assert entity_at(layer, text, "her") is None


def test_a_speaking_he_is_no_one_named_in_the_quotation_before_it(nlp):
    text = (
        'Tom Brown met voters on Monday. "Peter Jones has no plan. The whole idea is wrong," '
        "he said."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Tom Brown")


def test_guard_a_speaking_he_is_not_someone_unnamed_in_the_words_it_reports(nlp):
    text = (
        "Bruno Le Roux spoke to reporters on Friday. A police officer injured in the attack "
        "is being treated, he said."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Bruno Le Roux")


def test_a_he_inside_a_quote_is_not_its_speaker(nlp):
    text = 'Tom Brown won the race on Sunday. Peter Jones said: "He has done a great job."'
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "He") == entity_at(layer, text, "Tom Brown")


def test_a_person_takes_the_gender_of_the_first_pronoun_given_them(nlp):
    text = "Rowan Hale spoke first. Dana Kowalczyk said she agreed. He then left the room."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "she") == entity_at(layer, text, "Dana Kowalczyk")
    assert entity_at(layer, text, "He") == entity_at(layer, text, "Rowan Hale")


def test_guard_a_pronoun_is_not_the_phrase_it_sits_in(nlp):
    text = (
        "Peter Jones has worked at the library for years. A member of a small team there, "
        "Jones and his colleagues have found the owners of many books."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "his") == entity_at(layer, text, "Peter Jones")


def test_guard_a_definite_description_means_someone_named_before(nlp):
    text = (
        "Alexei Navalny was jailed for 15 days. The 40-year-old made a name for himself as "
        "a blogger. Early on, he had been criticised for his tone."
    )
    layer = layer_of(nlp, text)
    navalny = entity_at(layer, text, "Alexei Navalny")
    assert entity_at(layer, text, "he") == navalny
    assert entity_at(layer, text, "his") == navalny


def test_guard_a_speaker_keeps_a_speaking_he_over_an_older_subject(nlp):
    text = (
        "Putin met Macron in Moscow on Monday. Macron said the meeting had been frank. "
        '"We disagree on many things," he said.'
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Macron", 1)


def test_an_object_pronoun_in_a_clause_with_its_own_subject_may_be_the_main_subject(nlp):
    text = (
        "Enda Kenny said he did not ask her about it because Mary Zappone was meeting him "
        "privately."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "him") == entity_at(layer, text, "Enda Kenny")


def test_guard_a_generic_one_is_no_one_new(nlp):
    text = (
        "Geert Wilders won many votes. Paradoxically, one could say that, thanks to his "
        "party, the Netherlands stays in the news."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "his") == entity_at(layer, text, "Geert Wilders")


def test_an_object_pronoun_in_a_relative_clause_is_its_unnamed_person(nlp):
    # issue 17, session 17 (coref17b): the relative "who" of an unnamed noun ("his
    # uncle, who ...") is that person, the subject of its clause; a "him" there is no
    # longer the article's named subject
    text = (
        "Omar Haddad fled the city in 2012. That same year, he also lost his uncle, who "
        "died after soldiers detained him."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Omar Haddad")
    assert entity_at(layer, text, "him") is None


def test_a_passive_relative_clause_of_an_unnamed_cousin(nlp):
    text = "Karim Nasser left school early. He later lost a cousin, who was killed when gunmen shot him."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "He") == entity_at(layer, text, "Karim Nasser")
    assert entity_at(layer, text, "him") is None


def test_guard_an_object_pronoun_is_not_the_relative_subject_of_its_own_clause(nlp):
    # "who" is the subject of "supported": "her" there is someone else, the named woman
    text = "Sara Lind praised her deputy, who had supported her for years."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "her", nth=1) == entity_at(layer, text, "Sara Lind")


def test_guard_an_unnamed_relative_competes_only_inside_its_clause(nlp):
    text = "Omar Haddad lost his uncle, who died in 2012. He never spoke of it again."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "He") == entity_at(layer, text, "Omar Haddad")
