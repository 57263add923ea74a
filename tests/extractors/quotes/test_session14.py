"""Spans and speakers from the session-14 dev draws (issue 17, seeds 9920-9929) and the
kinds left after the seed-9902 sample: a naming verb's next act, a noun added (not words),
a condition of the words that the parser hung on the cue, a topic asked as a question, the
time of saying before the words, 'READ:' in capitals. Sentences invented; guards
marked (they pass before and after)."""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of, speaker_name

spacy = pytest.importorskip("spacy")


# --- 'called X a fraud, but has also said ...': the second verb is the next act -------------


def test_a_verb_joined_to_a_naming_verb_is_not_the_name(nlp) -> None:
    text = "Maria has often called the plan a fraud, but has also said she would vote for it."
    found = quotes_of(nlp, text)
    named = only(found, "a fraud")
    assert named.text == "the plan a fraud"
    assert only(found, "vote for it").text == "she would vote for it"


def test_guard_a_name_and_a_judgement_stay_together(nlp) -> None:
    text = "The senator called the new tax unfair and a burden on farmers."
    quote = only(quotes_of(nlp, text), "unfair")
    assert "burden on farmers" in quote.text


# --- 'adding colour to the square': a thing added, no words -----------------------------------


def test_a_noun_added_is_no_words(nlp) -> None:
    text = (
        "The flower market sells tulips from Holland, adding colour to the old square while "
        "helping local growers."
    )
    none_with(quotes_of(nlp, text), "colour")


def test_guard_adding_that_still_reports(nlp) -> None:
    text = "The shop sells tulips, the owner said, adding that prices had doubled this spring."
    assert only(quotes_of(nlp, text), "prices had doubled").text.startswith("prices")


# --- ', if he continues to ...': the condition belongs to the words -------------------------


def test_a_condition_between_the_words_and_the_speaker_is_kept(nlp) -> None:
    text = (
        "The president will stay calm, if the West continues to threaten Russia, Kremlin "
        "spokesman Oleg Sorin told reporters."
    )
    found = quotes_of(nlp, text)
    quote = only(found, "stay calm")
    assert quote.text.endswith("continues to threaten Russia")
    assert len(found) == 1, [q.text for q in found]


def test_a_condition_after_the_cue_goes_on_with_the_words(nlp) -> None:
    text = (
        "The president would win another term, Sorin told reporters on Monday, if he "
        "continues to lead the party."
    )
    quote = only(quotes_of(nlp, text), "another term")
    assert quote.text.startswith("The president") and quote.text.endswith("lead the party")


def test_guard_a_condition_after_that_stays_in_the_words(nlp) -> None:
    text = (
        "Sorin told reporters on Monday that the president would win another term if he "
        "continues to lead the party."
    )
    quote = only(quotes_of(nlp, text), "another term")
    assert quote.text.endswith("lead the party")


# --- 'talked to X about what they need': the question talked about, not words ----------------


def test_what_a_talk_was_about_is_no_words(nlp) -> None:
    text = (
        "The mayor visited the shelter on Friday. She talked to the volunteers about what "
        "they would need before the first frost."
    )
    none_with(quotes_of(nlp, text), "first frost")


def test_how_something_works_as_a_topic_is_no_words(nlp) -> None:
    text = "The coach spoke about how the team would train during the long winter."
    none_with(quotes_of(nlp, text), "during the long winter")


def test_guard_a_noun_topic_of_a_talk_stays_as_polnear_counts_it(nlp) -> None:
    text = "At the meeting, the professor spoke about the troubles of small rural clinics."
    assert only(quotes_of(nlp, text), "rural clinics").text.startswith("the troubles")


# --- 'said on Friday it would ...': when it was said, not the words ---------------------------


def test_the_time_of_saying_is_not_the_words(nlp) -> None:
    text = (
        "Norway said on Friday it would close its embassy in the capital after local "
        "officials stopped its diplomats from travelling."
    )
    quote = only(quotes_of(nlp, text), "close its embassy")
    assert quote.text.startswith("it would close")


def test_the_time_of_telling_is_not_the_words(nlp) -> None:
    text = (
        "Norway told reporters last week it would close its embassy in the capital after "
        "officials stopped its diplomats from travelling."
    )
    quote = only(quotes_of(nlp, text), "close its embassy")
    assert quote.text.startswith("it would close")


def test_guard_a_time_after_that_stays_in_the_words(nlp) -> None:
    text = "Norway said that on Friday it would close its embassy in the capital."
    quote = only(quotes_of(nlp, text), "close its embassy")
    assert quote.text.startswith("on Friday")


# --- 'READ:' in capitals is a page label ------------------------------------------------------


def test_a_headline_after_a_read_label_in_capitals_is_no_quote(nlp) -> None:
    text = "READ: Minister says the bridge will be rebuilt by June\nThe town council met on Friday."
    none_with(quotes_of(nlp, text), "the bridge")


def test_guard_a_read_label_leaves_this_articles_words(nlp) -> None:
    text = (
        "READ: Minister says the bridge will be rebuilt by June\nThe council will meet on "
        "Friday, the mayor said."
    )
    assert only(quotes_of(nlp, text), "meet on Friday").text.startswith("The council")


# --- 'They have also warned': the organisation or group that just spoke -----------------------


def test_they_goes_on_from_a_company_that_just_spoke(nlp) -> None:
    text = (
        "Siemens said profits fell in 2016. They have also warned that prices will rise next year."
    )
    assert speaker_name(nlp, text, "prices will rise", layer=True) == "Siemens"


def test_guard_they_goes_on_from_a_group_that_just_spoke(nlp) -> None:
    text = "The unions said the strike would go ahead. They also warned that more walkouts could follow."
    assert speaker_name(nlp, text, "more walkouts") == "The unions"


def test_guard_they_after_other_people_is_left_unresolved(nlp) -> None:
    text = "Police said the men were arrested on Friday. They said they would appeal."
    assert speaker_name(nlp, text, "would appeal") == "They"


def test_guard_they_after_a_new_subject_is_left_unresolved(nlp) -> None:
    text = (
        "The ministry said the border would stay closed. Farmers fear losses. They said the "
        "closure would ruin the harvest."
    )
    assert speaker_name(nlp, text, "ruin the harvest") == "They"


def test_guard_they_after_two_speakers_named_together_is_left_unresolved(nlp) -> None:
    text = (
        "Lakeland and Riverton say the new rule also breaks the state constitution. On that "
        "point, they say, the new rule is no different from the old one."
    )
    assert speaker_name(nlp, text, "no different") == "they"


# --- the writer: 'I assumed' is a thought, and 'I' is no later 'she' -------------------------


def test_the_writers_thought_is_no_quote(nlp) -> None:
    text = "I assumed that the ferry would be cancelled because of the storm."
    none_with(quotes_of(nlp, text), "ferry")


def test_the_writers_belief_is_no_quote(nlp) -> None:
    text = "We believe the new bridge will fail, and I think most drivers will agree."
    found = quotes_of(nlp, text)
    none_with(found, "bridge will fail")
    none_with(found, "drivers will agree")


def test_guard_the_writers_words_to_someone_stay(nlp) -> None:
    text = "When I called the hotel, I said that we would arrive after midnight."
    assert only(quotes_of(nlp, text), "after midnight").text.startswith("we would")


def test_she_is_not_the_writer(nlp) -> None:
    text = 'I told the nurse that I was scared of the operation. "Everyone is," she said.'
    quote = only(quotes_of(nlp, text), "Everyone is")
    assert quote.speaker is None or quote.speaker.name != "I"


# --- ', believing it to ...' inside the words is their subject's thought ---------------------


def test_a_belief_participle_inside_the_words_does_not_end_them(nlp) -> None:
    text = (
        "The jet hit a barn near the village of Oste, believing it to hold rebel fighters "
        "rather than farmers, the air force said."
    )
    found = quotes_of(nlp, text)
    assert only(found, "hit a barn").text.endswith("rather than farmers")
    assert len(found) == 1, [q.text for q in found]


def test_guard_adding_that_still_ends_the_words(nlp) -> None:
    text = "The dam will hold, the engineer said, adding that the town was safe."
    assert only(quotes_of(nlp, text), "dam will hold").text == "The dam will hold"


# --- 'a statement his family released': the family speaks -------------------------------------


def test_a_statement_a_family_released_is_the_familys(nlp) -> None:
    text = (
        'The sailor died on Tuesday. "He was a loving father and a generous man who loved '
        'the sea," said a statement his family released on Wednesday.'
    )
    assert speaker_name(nlp, text, "loving father") == "his family"


def test_guard_a_statement_that_was_released_names_no_author(nlp) -> None:
    text = (
        'The sailor died on Tuesday. "He was a loving father and a generous man who loved '
        'the sea," said a statement that was released on Wednesday.'
    )
    quote = only(quotes_of(nlp, text), "loving father")
    assert quote.speaker is None or "family" not in (quote.speaker.name or "")


# --- 'Later he wanted to ...': a wish told in the past is the story's, not a stated aim -------


def test_a_past_wish_in_the_story_is_no_quote(nlp) -> None:
    text = "Jack Brown bought a new boat in May. Later he wanted to sell the old one."
    none_with(quotes_of(nlp, text), "sell the old one")


def test_guard_a_present_aim_and_a_reported_wish_stay(nlp) -> None:
    text = (
        "Jack Brown wants to sell the old boat. His brother said he wanted to keep it for "
        "the summer."
    )
    found = quotes_of(nlp, text)
    assert only(found, "sell the old boat").text == "to sell the old boat"
    assert only(found, "keep it").text.startswith("he wanted to keep")
