"""Speech, speakers and spans on shapes seen in real news (issue 17, session 7).

Every sentence here is invented; each test names the cause it guards against.
"""

from __future__ import annotations

import pytest

from newsgraph.extractors.quotes.finder import find_quotes
from newsgraph.records import Quote

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.languages.en import english

    return english()


def quotes_of(nlp, text: str, *, layer: bool = False) -> list[Quote]:
    """find_quotes on ``text`` (through the entity layer's hook when ``layer``)."""
    doc = nlp(text)
    resolve = None
    if layer:
        from newsgraph.extractors.entities import find_entities

        resolve = find_entities(doc, published="2017-03-01").resolve
    found = find_quotes(doc, resolve=resolve)
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return found


def only(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


# --- acts, rules, things and the writer's view are not speech --------------------------


@pytest.mark.parametrize(
    "text",
    [
        # an act told with a speech-like verb and a noun object
        "The new office will clarify identity questions for migrants arriving at the border.",
        "The interpretations specify actions that local councils must take before the vote.",
        # a rule or a law does not speak
        "The restrictions state that no vehicle may enter the old town after dark.",
        "A clause in the charter states that the governor must resign within ten days.",
        # a reason given, not words
        "The disciplinary letter cites his repeated absence from training sessions.",
        "The shelter could not comment, citing privacy laws.",
        # a price charged
        "Insurers may charge older clients five times more than they charge young people.",
        # the writer's view of someone's wish
        "Mayor Ruiz certainly wants to do the right thing for the farmers of the valley.",
        # the page speaking to its reader
        "We want you to know more about us and our work in the region.",
        # a question put to an interviewee
        "Is that a risk you take, or do you believe your fame will protect you?",
        # what an act shows, read by the writer
        "Lowland has dealt with the crisis through calm talks, showing it is not easily "
        "provoked by its neighbours.",
    ],
)
def test_no_one_says_anything(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The minister stated that no vehicle may enter the old town after dark.", "no vehicle"),
        ("The spokesman clarified that the office would open on Monday.", "would open"),
        ("Mayor Ruiz wants to build a new bridge over the river by 2020.", "new bridge"),
        ("The mayor charged that the council had hidden the figures.", "hidden the figures"),
        ("Officials believe the storm will reach the coast by Friday.", "reach the coast"),
    ],
)
def test_speech_with_the_same_verbs_is_still_taken(nlp, text: str, words: str) -> None:
    only(quotes_of(nlp, text), words)


# --- the addressee and the clause ---------------------------------------------------


def test_the_station_told_is_not_what_was_said(nlp) -> None:
    text = (
        "Andrew Gant, the department's assistant information officer, told Orlando station "
        "WKMG that the picture was real."
    )
    quote = only(quotes_of(nlp, text), "picture was real")
    assert "WKMG" not in quote.text
    assert quote.speaker is not None and quote.speaker.text == "Andrew Gant"


# --- speakers --------------------------------------------------------------------------


def test_a_name_with_its_title_before_a_colon_is_the_speaker(nlp) -> None:
    text = (
        "The crowd cheered as the last kick went wide. Lowland head coach Jon Berger: "
        '"We were not good enough today and we know it."'
    )
    quote = only(quotes_of(nlp, text), "not good enough")
    assert quote.speaker is not None and quote.speaker.name == "Jon Berger"


def test_a_mark_glued_after_a_number_ends_the_quote_and_the_sentence(nlp) -> None:
    text = (
        '"Let\'s be clear,"?Celia Mora, a lawyer with the fund, said. "racial profiling is '
        'a foreseeable consequence of SB 4."?Kali Cohn, a lawyer with the union, added that '
        "towns can be sued for violating the Fourth Amendment."
    )
    quote = only(quotes_of(nlp, text), "can be sued")
    assert quote.speaker is not None and quote.speaker.text == "Kali Cohn"


def test_broken_encoding_characters_are_not_part_of_the_speaker(nlp) -> None:
    text = (
        "Shoreline searches are continuing. Garda\ufffd\ufffd-have advised those involved "
        "in these searches that they should not attempt to handle any gas canisters."
    )
    quote = only(quotes_of(nlp, text), "gas canisters")
    assert quote.speaker is not None and quote.speaker.text.startswith("Garda")
    assert "have" not in quote.speaker.text


def test_a_word_whose_accented_letters_were_lost_stays_one_word(nlp) -> None:
    text = "Sinn F\ufffd\ufffdin said yesterday that it will table a motion in the Dail."
    quote = only(quotes_of(nlp, text), "table a motion")
    assert quote.speaker is not None and quote.speaker.text == "Sinn F\ufffd\ufffdin"


def test_a_pronoun_with_no_one_before_it_is_the_person_introduced_next(nlp) -> None:
    text = (
        'The hall was full on Sunday. "We have done what we could for the town," he says. '
        "Ben Smith, the mayor of Dunford, has held the job since 2009."
    )
    quote = only(quotes_of(nlp, text), "done what we could")
    assert quote.speaker is not None and quote.speaker.name == "Ben Smith"


def test_a_pronoun_with_someone_before_it_keeps_that_antecedent(nlp) -> None:
    text = (
        'Tom Heller spoke first. "We have done what we could for the town," he says. '
        "Ben Smith, the mayor of Dunford, has held the job since 2009."
    )
    quote = only(quotes_of(nlp, text), "done what we could")
    assert quote.speaker is not None and quote.speaker.name == "Tom Heller"


def test_a_cue_set_off_with_the_speaker_after_it_is_that_speakers(nlp) -> None:
    text = (
        "Both Canada and the EU, said Mr Trudeau, needed to ensure that their trade "
        "agreement worked for people."
    )
    quote = only(quotes_of(nlp, text), "worked for people")
    assert quote.speaker is not None and quote.speaker.text == "Mr Trudeau"
    assert quote.text.startswith("Both Canada")


def test_a_survey_of_a_population_is_not_by_it(nlp) -> None:
    text = "A survey of EU citizens found that most farmers expect lower prices next year."
    quote = only(quotes_of(nlp, text, layer=True), "lower prices")
    assert quote.speaker is not None and quote.speaker.entity is None
    assert (quote.speaker.name or "").startswith("A survey")


def test_plural_owners_are_not_the_first_of_the_names_beside_them(nlp) -> None:
    text = "The label's owners, brothers Leonard and Philip Chess, suggested Berry cut a few songs."
    quote = only(quotes_of(nlp, text, layer=True), "cut a few songs")
    assert quote.speaker is not None and quote.speaker.name != "Leonard"


def test_the_team_at_a_centre_speaks_for_the_centre(nlp) -> None:
    text = (
        "Doctors have been given a licence, the fertility regulator says. The team at the "
        'Newcastle Fertility Centre said it was "good news" for patients.'
    )
    quote = only(quotes_of(nlp, text, layer=True), "good news")
    assert quote.speaker is not None
    assert "regulator" not in (quote.speaker.name or "")


def test_a_clause_before_a_cue_with_words_after_it_is_no_report(nlp) -> None:
    text = (
        "Ravel will be questioned again on Saturday. In a statement made after the "
        "48-year-old Ravel was detained, the Lowland Steel Group said: "
        '"We will do our best to ensure that the truth is revealed in court."'
    )
    found = quotes_of(nlp, text)
    assert [q.text for q in found if "detained" in q.text] == []
    only(found, "truth is revealed")


def test_a_clause_hung_on_the_addressee_starts_the_report(nlp) -> None:
    text = (
        "Andrew Ritchie, who is representing 20 families, told the inquest they believed "
        'the firm\'s "utter complacency" amounted to neglect.'
    )
    quote = only(quotes_of(nlp, text), "neglect")
    assert quote.text.startswith("they believed")


def test_a_view_expressed_is_what_was_said(nlp) -> None:
    text = (
        "He expressed the view that he could use next week's party meeting to stress the "
        "importance of stability at this time."
    )
    quote = only(quotes_of(nlp, text), "stability")
    assert quote.text.startswith("he could use")


def test_a_dateline_glued_to_the_first_word_is_not_reported(nlp) -> None:
    text = (
        "(CNN)Ada Berry, a music pioneer, was found dead Saturday at her home outside "
        "Dunford, police in Dunford County said."
    )
    quote = only(quotes_of(nlp, text), "found dead")
    assert quote.text.startswith("Ada Berry")


# --- the corpus's garbled marks and glued datelines ---------------------------------------


def test_a_garbled_closer_before_a_lower_case_pronoun_closes_the_quote(nlp) -> None:
    text = (
        '"I want to thank the volunteers taking action on my behalf,"?she said. "I truly '
        'appreciate your support, and your actions made a difference."'
    )
    quote = only(quotes_of(nlp, text), "truly appreciate")
    assert quote.cue == "said"
    assert quote.speaker is not None and quote.speaker.text == "she"


def test_a_dash_glued_after_a_comma_leaves_the_name_its_cue(nlp) -> None:
    text = (
        "Speaking to reporters after meetings with Interior Minister Jon Kell,-Ana Videla "
        'said it is "a complex time" for relations between the two countries.'
    )
    quote = only(quotes_of(nlp, text), "complex time")
    assert quote.speaker is not None and quote.speaker.text == "Ana Videla"


def test_a_dash_garbled_into_a_mark_after_a_dash_opens_no_quote(nlp) -> None:
    text = (
        'Still, the mayor\'s few offers -"?his plan for free buses and clean parks "?are '
        "likely to be stifled by the facts of his actions, not his words."
    )
    assert quotes_of(nlp, text) == []


def test_a_quote_after_a_garbled_closer_takes_the_cue_after_it(nlp) -> None:
    text = (
        "They have always maintained their present relationship as two people who are "
        '"raising their son together.'
        '"?"We go above and beyond to include one another because we are parents first,"?'
        "Baldwin told The Courier."
    )
    quote = only(quotes_of(nlp, text), "above and beyond")
    assert quote.cue == "told"
    assert quote.speaker is not None and quote.speaker.text == "Baldwin"


def test_a_place_and_agency_dateline_is_not_reported(nlp) -> None:
    text = (
        "Hong Kong (CNN)The United States will station drones in the south, the US "
        "military announced."
    )
    quote = only(quotes_of(nlp, text), "station drones")
    assert quote.text.startswith("The United States")


@pytest.mark.parametrize(
    "text",
    [
        # whom a judgement is about is not what was said
        "Farage praised Le Pen at the rally in the north.",
        # what was predicted is in the text before, not 'as much'
        "Karl Marx predicted as much with his famous slogan.",
        # a deal voted down is an act
        "Union members have rejected a deal with the rail firm that would have ended the dispute.",
    ],
)
def test_whom_and_acts_are_not_what_was_said(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_a_pronoun_that_opens_a_report_stays_in_it(nlp) -> None:
    text = "Goodall has seen forests vanish. That, she believes, is still happening worldwide."
    quote = only(quotes_of(nlp, text), "still happening")
    assert quote.text.startswith("That")


@pytest.mark.parametrize(
    "text",
    [
        # a term quoted inside a sentence, with no cue
        'A poll last month had voters split at 51% to 49%, when "don\'t knows" are excluded.',
        # a thing that highlights something
        "My experience highlights the absurdity of the racial categories on the form.",
        "The slogans on the banners were highlighting an old feud between the two towns.",
        # an act declared
        "The Cypriot community unilaterally declared independence in 1983.",
    ],
)
def test_terms_things_and_declared_acts_are_not_quotes(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Drought and conflict are to blame for the crisis, says the DEC, which will "
            "broadcast an emergency appeal on Wednesday.",
            "Drought and conflict are to blame for the crisis",
        ),
        (
            "Its first television advert could start this week, said Brian Baker, a "
            "longtime adviser to the family.",
            "Its first television advert could start this week",
        ),
    ],
)
def test_the_words_end_before_a_cue_whose_speaker_is_described_after_it(
    nlp, text: str, words: str
) -> None:
    assert only(quotes_of(nlp, text), words).text == words


def test_every_clause_before_a_final_cue_is_reported(nlp) -> None:
    text = (
        "Lowland wants to have equal weight, otherwise many recent gains may be quickly "
        "lost, the analyst said."
    )
    quote = only(quotes_of(nlp, text), "equal weight")
    assert quote.text.endswith("quickly lost")


def test_words_yelled_are_the_quote_not_the_clause_around_them(nlp) -> None:
    text = 'The gunman reportedly yelled "get out of my country" at the two men before he fired.'
    quote = only(quotes_of(nlp, text), "get out")
    assert quote.text == "get out of my country"


def test_a_report_ends_before_adding(nlp) -> None:
    text = (
        "Ms Fitz said Judge Ann Carr will include all of the matters in her inquiry, adding "
        "that she would be happy to broaden its terms."
    )
    found = quotes_of(nlp, text)
    assert only(found, "all of the matters").text.endswith("in her inquiry")
    only(found, "broaden its terms")


def test_a_fronted_preposition_is_not_the_cues(nlp) -> None:
    text = "For unions, the TUC called for guarantees that holiday pay will be protected."
    quote = only(quotes_of(nlp, text), "guarantees")
    assert "unions" not in quote.text


@pytest.mark.parametrize(
    "text",
    [
        # the reader, outside quotation marks
        "Each time you find yourself thinking about a coworker who makes your blood boil, "
        "practice being grateful.",
        # what was seen
        "Reporters observed lines of military trucks entering the camp.",
    ],
)
def test_the_reader_and_what_was_seen_are_not_quotes(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_a_mark_and_dash_glued_to_a_pronoun_leave_it_the_speaker(nlp) -> None:
    text = (
        "\"[It's] the same aim: to break what stood there before in order to kill hope "
        'afterwards, to erase human and cultural diversity,"-he said, vowing to raise $50 '
        "million for old sites by 2020."
    )
    quote = only(quotes_of(nlp, text), "same aim")
    assert quote.speaker is not None and quote.speaker.text == "he"


def test_a_caption_after_a_quote_names_its_speaker(nlp) -> None:
    text = (
        'Sales rose in May. "The robust demand for trucks will continue this year and over '
        'the next couple of years."    Xu Lin, chairman of Beijing Motor Group Co "Our '
        "investment in the port is an important step in our strategy to build a global "
        'business." Yang Hao, CEO of Hao Capital.'
    )
    found = quotes_of(nlp, text)
    first, second = only(found, "robust demand"), only(found, "global business")
    assert first.speaker is not None and first.speaker.text == "Xu Lin"
    assert second.speaker is not None and second.speaker.text == "Yang Hao"


def test_a_caption_needs_no_verb_after_the_name(nlp) -> None:
    text = (
        'Sales rose in May. "The robust demand for trucks will continue this year and over '
        'the next couple of years." Xu Lin, who runs a dealership, disagrees.'
    )
    quote = only(quotes_of(nlp, text), "robust demand")
    assert quote.speaker is None or quote.speaker.text != "Xu Lin"


def test_asking_not_to_be_named_is_no_quote(nlp) -> None:
    text = (
        '"It will train with the navy in the south," he added, asking not to be identified '
        "because he is not authorised to talk to the media."
    )
    assert [q.text for q in quotes_of(nlp, text)] == ["It will train with the navy in the south,"]
