"""Quotes (issue 17, session 20, from the dev draws of seeds 10016 and 10017): what is
speech and who speaks. Invented sentences."""

from __future__ import annotations

from quote_checks import only, quotes_of


def _texts(nlp, text):
    return [q.text for q in quotes_of(nlp, text, layer=True)]


def test_a_speech_verb_joined_by_or_to_a_negated_verb_is_negated(nlp):
    text = (
        "The inspector's report did not recommend action be taken against any of the "
        "managers it named, or accuse them of breaking the law."
    )
    assert _texts(nlp, text) == []


def test_a_speech_verb_after_a_negated_verb_and_but_still_reports(nlp):
    # guard: 'but said' is said; the negation is the other verb's
    text = "She did not resign but said that she would leave soon."
    assert _texts(nlp, text) == ["she would leave soon"]


def test_a_trailing_even_though_clause_is_the_writers(nlp):
    text = (
        "The ministry said on Monday that the mayor was not under investigation, even though "
        "two days earlier he claimed in a series of posts that he was the target of an inquiry."
    )
    found = quotes_of(nlp, text, layer=True)
    assert only(found, "the mayor was not").text == "the mayor was not under investigation"


def test_a_that_clause_the_parser_hung_on_the_next_clause_ends_the_words(nlp):
    text = (
        'Long before Plato said that "knowledge is the food of the soul", some clever writer '
        'in London took the idea and came up with "books are food for the mind".'
    )
    found = quotes_of(nlp, text, layer=True)
    plato = only(found, "knowledge")
    assert plato.text == "knowledge is the food of the soul"
    assert not any("books" in q.text and q.speaker is not None for q in found)


def test_two_that_clauses_with_their_own_cues_stay_apart(nlp):
    # guard: each quotation keeps its own cue
    text = (
        'The mayor said that "the bridge will open in May", and the council agreed that '
        '"it is a great day for the town".'
    )
    assert _texts(nlp, text) == ["the bridge will open in May", "it is a great day for the town"]


def test_a_gloss_of_we_does_not_unbind_the_speaker(nlp):
    text = (
        "Ahead of the vote, Ms Brown spoke to the Herald's Anna Green. She said: "
        '"We [Ms Brown and the mayor] have got a disagreement. Let us work through it."'
    )
    found = quotes_of(nlp, text, layer=True)
    speaker = only(found, "disagreement").speaker
    assert speaker is not None and speaker.name == "Ms Brown"


def test_a_gloss_for_someone_else_still_unbinds_the_pronoun(nlp):
    # guard: '[Haddad]' stands for a 'he' who is not the speaker
    text = (
        "Dr Karim Nasser treated the wounded. Omar Haddad died that night. "
        '"It was so bad," he added. "[Haddad] was my friend and it was so sad."'
    )
    speaker = only(quotes_of(nlp, text, layer=True), "my friend").speaker
    assert speaker is None or speaker.name != "Omar Haddad"


def test_an_organisations_name_before_a_report_is_its_author(nlp):
    text = (
        "A new United Nations report accuses the government of systematic abuses. Officials "
        "rejected it. Prisoners are held without trial, the report said."
    )
    speaker = only(quotes_of(nlp, text, layer=True), "Prisoners").speaker
    assert speaker is not None and speaker.name == "United Nations"


def test_a_topic_before_a_report_is_no_author(nlp):
    # guard: 'a Brexit report' says what it is about, not who wrote it
    text = (
        "A new Brexit report warns of slower growth. Ministers rejected it. Exports will "
        "fall by half, the report said."
    )
    speaker = only(quotes_of(nlp, text, layer=True), "Exports").speaker
    assert speaker is not None and speaker.name == "the report"


def test_an_even_though_clause_with_no_words_of_its_own_stays(nlp):
    # guard: the contrast may be the speaker's own
    text = (
        "Anna Reed, a former aide, said the senator's trip was perhaps more important than "
        "the governor's, even though it received less attention."
    )
    found = quotes_of(nlp, text, layer=True)
    assert only(found, "senator").text.endswith("even though it received less attention")


def test_a_dashed_aside_closed_by_according_to_is_its_sources(nlp):
    text = (
        "The mayor has repeatedly claimed that the state will pay for the new bridge - which "
        "will cost at least $40m, according to estimates by the Harbour Institute, a think tank."
    )
    found = quotes_of(nlp, text, layer=True)
    assert only(found, "bridge").text == "the state will pay for the new bridge"


def test_a_hyphen_in_a_range_is_no_aside(nlp):
    # guard: '2016-2017' is no dash
    text = (
        "The minister said the budget for 2016-2017 would rise by a tenth, according to "
        "the ministry."
    )
    found = quotes_of(nlp, text, layer=True)
    assert only(found, "budget").text == "the budget for 2016-2017 would rise by a tenth"


def test_they_goes_on_from_a_family(nlp):
    text = (
        "The Smith family asked to have tests done. They said they hadn't asked sooner because "
        "they thought the records had been lost."
    )
    speaker = only(quotes_of(nlp, text, layer=True), "records").speaker
    assert speaker is not None and speaker.name == "The Smith family"


def test_a_caption_after_a_quote_beats_a_cue_before_it(nlp):
    # a 'quotable' column: each quote, then the speaker's name and role with no verb
    text = (
        "Olsen says Nordtel will grow next year with a plan to launch new models. "
        '"Some people say the market is short of money, but the data show this is not true."'
        "    Li Wen, chairman of leading research company DataOne."
    )
    speaker = only(quotes_of(nlp, text, layer=True), "short of money").speaker
    assert speaker is not None and speaker.name == "Li Wen"


def test_a_long_caption_with_a_place_based_firm(nlp):
    text = (
        'Sales fell. "We believe the time is right for a new phone. Buyers want something '
        'useful." Peter Olsen, president of Oslo-based Nordtel, the maker of the Vega phone.'
    )
    speaker = only(quotes_of(nlp, text, layer=True), "new phone").speaker
    assert speaker is not None and speaker.name == "Peter Olsen"


def test_a_name_and_a_verb_after_a_quote_is_no_caption(nlp):
    # guard: 'Smith, 45, was arrested' is a sentence about Smith, not a caption
    text = (
        'The mayor spoke first. "We will rebuild the bridge this year," he said. '
        '"The money is there." John Smith, a local builder, was hired on Monday.'
    )
    speaker = only(quotes_of(nlp, text, layer=True), "money is there").speaker
    assert speaker is None or speaker.name != "John Smith"


def test_an_acronyms_plural_is_no_glued_heading(nlp):
    text = (
        "The third batch of FTZs is expected to be registered as early as June, according to "
        "the Morning Courier."
    )
    found = quotes_of(nlp, text, layer=True)
    assert only(found, "registered").text.startswith("The third batch of FTZs")


def test_a_heading_word_glued_before_a_clause_is_still_cut(nlp):
    # guard: the session-17 rule for one capitalised common noun stays
    text = "Alarming radicalization Humans, Schweiger says, tend to believe what they read."
    found = quotes_of(nlp, text, layer=True)
    assert only(found, "believe").text.startswith("Humans")


def test_no_reported_clause_across_a_lost_paragraph_break(nlp):
    # '.-' is a paragraph break the copy lost
    text = (
        '"Coral spawning is a well-timed event," said the authors of the study, published in '
        "the journal OceanX.- According to the researchers, it's a rare example of one animal "
        "timing the birth of another."
    )
    found = quotes_of(nlp, text, layer=True)
    rare = only(found, "rare example")
    assert rare.text == "it's a rare example of one animal timing the birth of another"
    assert rare.speaker is not None and rare.speaker.name == "the researchers"
