"""Antecedents of pronouns and epithets (issue 17; docs/quality.md "Session 12: entity
links").

Each case is an invented sentence for one rule and fails on the code before it, except
those marked "guard", which keep a rule from reaching too far. No knowledge base: every
person is local to the article.
"""

from __future__ import annotations

from entity_checks import local_layer_of as layer_of
from entity_checks import word_entity_at as entity_at


def test_a_he_in_quoted_words_is_not_their_speaker_named_after_them(nlp):
    text = (
        "Harold Zaman, a 42-year-old electrician, was charged on Monday, said Police "
        'Commissioner Andrew Colley. "We will allege he has helped the group for two '
        'years," Commissioner Colley said.'
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Harold Zaman")


def test_guard_a_he_outside_the_quotation_still_speaks(nlp):
    text = (
        "Harold Zaman was charged on Monday, said Andrew Colley. Colley spoke in Sydney. "
        '"We will allege the man has helped the group," he said.'
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Andrew Colley")


def test_a_possessive_in_a_phrase_of_the_verb_belongs_to_its_object(nlp):
    text = (
        "Before Peter Walsh charged that the caucus had sided with the Democrats, its main "
        "achievement was ousting John Brennan from his post in September."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "his") == entity_at(layer, text, "John Brennan")


def test_guard_a_possessive_elsewhere_keeps_the_subject(nlp):
    text = "Peter Walsh met John Brennan on Monday and then returned to his office."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "his") == entity_at(layer, text, "Peter Walsh")


def test_an_epithet_renames_the_person_named_just_before(nlp):
    text = (
        "Mary Quinlan was arrested in Leeds on Monday. The 45-year-old denied the "
        "charge in court. Ben Carlin spoke in the Senate on Tuesday. The Maryland "
        "Democrat said the bill would fail."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "The 45-year-old") == entity_at(layer, text, "Mary Quinlan")
    assert entity_at(layer, text, "The Maryland Democrat") == entity_at(layer, text, "Ben Carlin")


def test_an_epithet_is_not_the_subject_of_its_own_clause(nlp):
    text = "John Brennan met Alice Warden on Monday. Later Brennan praised the 45-year-old."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the 45-year-old") == entity_at(layer, text, "Alice Warden")


def test_guard_an_epithet_of_the_other_gender_or_of_someone_unnamed_stays_unlinked(nlp):
    text = "Mary Quinlan met Alice Warden in Leeds. The actor said the meeting went well."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "The actor") is None
    text = (
        "A 19-year-old man has died in Leeds, said Peter Walsh. "
        "The man was pronounced dead at the scene."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "The man") is None
    text = "Peter Walsh spoke to the man who called the police on Monday."
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the man") is None


def test_an_unnamed_epithet_subject_keeps_a_later_he_off_a_place(nlp):
    text = (
        "The boy was the only one of the passengers to survive. Once rescued, he was taken "
        "to a reception centre on the island of Lampedusa. He is recovering well, said "
        "Federico Fossi."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "He") is None


def test_the_former_leader_is_the_past_holder_named_just_before(nlp):
    text = (
        "Former British Prime Minister Edward Heath met Chairman Mao in 1974. "
        "Michael McManus, who was secretary to Heath for five years, has spared "
        "the former leader no blushes in his book."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the former leader") == entity_at(layer, text, "Edward Heath")


def test_a_former_secretary_named_just_before_without_a_stated_role(nlp):
    text = (
        "Lukin met Henry Kissinger at his home in New York. Lukin asked if the former "
        "U.S. Secretary of State meant fifty years."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the former U.S. Secretary") == entity_at(
        layer, text, "Henry Kissinger"
    )


def test_the_epithet_is_the_person_named_last_before_it(nlp):
    text = (
        "Trump might not find a friend in Senate leader Mitch Carroll, either. "
        "The Kentucky Republican said the plan would fail."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "The Kentucky Republican") == entity_at(
        layer, text, "Mitch Carroll"
    )


def test_a_role_after_as_is_said_of_the_person_before_it(nlp):
    text = (
        "Marc Leroy, the Socialist candidate, spoke on Monday. The media painted "
        "Jean Dupont as the only candidate able to win."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the only candidate") == entity_at(layer, text, "Jean Dupont")


def test_a_permanent_representative_is_an_envoy_and_a_diplomat(nlp):
    text = (
        "Alexander Lukin, Russia's permanent representative to the OSCE, spoke on "
        "Monday. According to the Russian diplomat, the talks failed."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the Russian diplomat") == entity_at(
        layer, text, "Alexander Lukin"
    )


def test_a_he_in_words_a_pronoun_attributes_is_not_the_last_speaker(nlp):
    text = (
        "Rep. Gregg Harper said he had not spoken to Donald Trump about the bill. "
        '"He is certainly welcome to call me at any time," he said.'
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "He") == entity_at(layer, text, "Donald Trump")


def test_a_possessive_joined_to_a_named_owner_is_that_owner(nlp):
    text = (
        "White House press secretary Sean Spicer said that the speech will present "
        "Trump's optimistic vision and his bold agenda."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "his") == entity_at(layer, text, "Trump")


def test_a_portfolio_chief_is_that_minister(nlp):
    text = (
        "US Defense Secretary James Mattis visited Tokyo on Friday. President Barack Obama "
        "had sent troops there. Although the US defense chief said the trust was gone, he "
        "saw no need for more ships."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the US defense chief") == entity_at(layer, text, "James Mattis")


def test_the_chairman_is_the_one_the_article_calls_chairman(nlp):
    text = (
        "House Minority Leader Nancy Pelosi asked him to step aside. Schiff said the "
        "chairman had worked well with him for years. Chairman Devin Nunes said he "
        "would stay."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "the chairman") == entity_at(layer, text, "Devin Nunes")
