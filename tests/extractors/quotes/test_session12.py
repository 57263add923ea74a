"""Speakers and speech from dev draws 9810-9811 (issue 17, session 12): a document's author
named in an earlier mention of it, a speaker of the other gender than the text gives, a
name introduced with a person's role, and cues that report no words. Sentences invented;
guards marked."""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of
from quote_checks import speaker_name as _speaker

spacy = pytest.importorskip("spacy")


def test_it_after_a_statement_whose_author_was_named_at_its_first_mention(nlp) -> None:
    text = (
        "The harbour authority announced the closure in a statement on Friday. Fishermen "
        "were angry. The ferry company cancelled its sailings. Tourists left early. "
        '"The pier will stay shut until the repairs are done," the statement read. '
        'The board had "asked the engineers to finish the survey by June," it continued.'
    )
    assert "harbour authority" in _speaker(nlp, text, "stay shut")
    assert "harbour authority" in _speaker(nlp, text, "finish the survey")


def test_a_report_issued_by_an_agency_speaks_for_it_later(nlp) -> None:
    text = (
        "The report was issued by the Federal Highway Agency on Monday. The Ohio Department "
        "of Transportation manages most of the roads. The report said that most bridges in "
        "the region needed urgent repairs."
    )
    assert "Federal Highway Agency" in _speaker(nlp, text, "urgent repairs")


def test_the_report_is_not_whichever_organisation_was_named_last(nlp) -> None:
    text = (
        "A new report looked at the costs of the Medicaid programme and the NHS. "
        "Spending on care rose by a fifth in two years, the report said."
    )
    speaker = _speaker(nlp, text, "Spending on care")
    assert "NHS" not in speaker and "Medicaid" not in speaker


def test_guard_the_statement_of_an_author_named_with_it_stays_the_authors(nlp) -> None:
    text = (
        "The ministry issued a statement on Monday. "
        "The statement said the border would reopen next week."
    )
    assert "ministry" in _speaker(nlp, text, "border would reopen")


def test_mrs_with_a_family_name_is_not_the_husband_named_in_full(nlp) -> None:
    text = (
        "Her husband Joseph Hartwell founded the firm in 1980. Joseph Hartwell died in 2010. "
        '"We had to start again from nothing," Mrs Hartwell recalls.'
    )
    speaker = _speaker(nlp, text, "start again from nothing", layer=True)
    assert "Joseph" not in speaker


def test_she_is_not_a_man_named_in_full(nlp) -> None:
    text = (
        "Joseph Hartwell founded the firm in 1980. Mrs Hartwell took it over in 2010. "
        'A customer came in last week. "He was very happy that we were back," she says.'
    )
    speaker = _speaker(nlp, text, "very happy", layer=True)
    assert "Joseph" not in speaker


def test_an_honorific_belongs_to_its_own_name_not_the_next(nlp) -> None:
    text = (
        "Mrs Hartwell runs the shop. Later Mrs Hartwell introduced Tom Ford to the buyers. "
        '"We will sell the jackets in May," he said.'
    )
    assert "Tom Ford" in _speaker(nlp, text, "sell the jackets")


def test_she_goes_on_with_a_speaker_introduced_with_a_role(nlp) -> None:
    text = (
        "Wang says the museum will publish new books. The plan covers Anren county and "
        "Lixian. Bamo Qubumo, an expert on folk literature at the academy, says the customs "
        "must become part of daily life. Digital tools are a great help. She says more "
        "games are needed to interest young people."
    )
    assert "Bamo Qubumo" in _speaker(nlp, text, "more games", layer=True)


def test_first_person_answers_in_an_interview_are_the_interviewees(nlp) -> None:
    text = (
        "Anna Kowalski, chief executive of the toy maker Brightplay, says the company will "
        "open ten shops in Asia. She believes families there want safer toys. "
        "What do you think makes your brand different? "
        "I think parents trust us because we test every toy ourselves. "
        "How do you see the next five years? "
        "I believe our biggest market will be China."
    )
    assert "Kowalski" in _speaker(nlp, text, "parents trust us")
    assert "Kowalski" in _speaker(nlp, text, "biggest market will be China")


def test_first_person_in_a_transcript_is_the_speaker_the_title_names(nlp) -> None:
    text = (
        "GOVERNOR MARIA LOPEZ'S ADDRESS TO THE STATE LEGISLATURE\n\n"
        "Thank you all for coming. Tonight we begin a new chapter. "
        "We want every child in this state to have a good school. "
        "I promise that this budget will fund them."
    )
    assert "Maria Lopez" in _speaker(nlp, text, "every child in this state")


def test_guard_the_writers_first_person_outside_an_interview_stays_unnamed(nlp) -> None:
    text = (
        "Anna Kowalski, chief executive of Brightplay, says the company will open ten shops. "
        "I think the plan is bold. Few toy makers have tried it."
    )
    found = [q for q in quotes_of(nlp, text) if "plan is bold" in q.text]  # none: the
    # writer's thought is no quote (session 14)
    assert all(q.speaker is None or "Kowalski" not in (q.speaker.name or "") for q in found)


def test_a_forecast_of_a_thing_is_no_words(nlp) -> None:
    text = (
        "If a flight is moved, the software could predict the new gate and alert the shops. "
        "The bank forecast two more rate rises this year."
    )
    found = quotes_of(nlp, text)
    none_with(found, "new gate")
    none_with(found, "two more rate rises")


def test_an_organisations_expectation_for_a_thing_is_a_forecast(nlp) -> None:
    text = "The consultancy Petra Analytics expects 2018 to bring a new mix of buyers."
    none_with(quotes_of(nlp, text), "new mix of buyers")


def test_guard_a_forecast_in_a_clause_and_a_persons_expectation_stay_quotes(nlp) -> None:
    text = (
        "Analysts predicted that prices would fall in the spring. "
        "Mr Olsen expects the council to approve the plan."
    )
    found = quotes_of(nlp, text)
    only(found, "prices would fall")
    only(found, "approve the plan")


def test_claiming_responsibility_or_attacks_is_no_words(nlp) -> None:
    text = (
        "The group has claimed a number of deadly attacks in the north. "
        "A rival faction claimed responsibility for the blast."
    )
    found = quotes_of(nlp, text)
    none_with(found, "deadly attacks")
    none_with(found, "for the blast")


def test_the_topic_of_a_participle_on_a_cue_is_not_the_words(nlp) -> None:
    text = (
        "While commenting on a statement made by the ambassador, the spokesman Li Wei said "
        "that the preparations were going well."
    )
    found = quotes_of(nlp, text)
    none_with(found, "made by the ambassador")
    only(found, "preparations were going well")


def test_he_does_not_go_on_with_a_plural_speaker(nlp) -> None:
    text = "Analysts predicted that prices would fall. He insisted that the market was safe."
    quote = only(quotes_of(nlp, text), "market was safe")
    assert quote.speaker is None or quote.speaker.name != "Analysts"


def test_told_the_today_programme_is_a_colon_lead_in_not_a_heading(nlp) -> None:
    text = (
        "The institute's research director, Dr Hannah Whitcombe, told the Today programme: "
        '"The estimates we have heard are something between ten and 15 bills."'
    )
    assert "Whitcombe" in _speaker(nlp, text, "between ten and 15 bills")


def test_a_role_speaker_is_not_someone_named_in_its_own_words(nlp) -> None:
    text = (
        "Ministers met in Brussels on Monday with Karl Brenner, the council's spokesman. "
        "The prime minister's official spokesman said: "
        '"This morning our envoy informed the office of Karl Brenner of our decision."'
    )
    quote = only(quotes_of(nlp, text), "informed the office")
    assert quote.speaker is not None and "Brenner" not in (quote.speaker.name or "")


def test_the_role_again_is_the_same_unnamed_speaker(nlp) -> None:
    text = (
        "Commission spokesman Pieter Vanhout said the talks would start soon. "
        "Later, in London, the PM's official spokesman said: "
        '"We will notify the council in writing this week." '
        "The spokesman said Britain wanted to start negotiations promptly."
    )
    quote = only(quotes_of(nlp, text, layer=True), "start negotiations promptly")
    assert quote.speaker is not None and "Vanhout" not in (quote.speaker.name or "")


def test_a_subject_inside_the_quoted_words_is_not_the_inverted_speaker(nlp) -> None:
    text = (
        'Her son said he was glad there was no vote. "It shows that the citizens were '
        "heard. The polls and a lot of people in the town halls (indicated) that was one "
        'of the main issues," said Nathan Dodson.'
    )
    assert "Dodson" in _speaker(nlp, text, "citizens were heard")


def test_the_company_is_not_another_unnamed_body_or_it(nlp) -> None:
    text = (
        "Staff at the stores went on strike on Tuesday. The union said it welcomed the "
        "response but remained cautious, as the company had said the solution was "
        '"as set out by the court". Fresh talks begin next week.'
    )
    quote = only(quotes_of(nlp, text), "the solution was")
    assert quote.speaker is not None and quote.speaker.name in ("the company", "The company")


def test_he_is_no_name_that_only_modifies_a_place(nlp) -> None:
    text = (
        "Rami and I sat on a wooden bench under an olive tree. We were at Kara Tepe refugee "
        "camp in Mytilini, where the survivors had been taken. As he sat there, he rocked "
        'back and forth. "All of us went under the boat," he explained.'
    )
    assert "Kara Tepe" not in _speaker(nlp, text, "went under the boat", layer=True)


def test_the_party_member_is_a_person_not_the_party(nlp) -> None:
    text = (
        "Sen. Sheldon Whitehouse said Tuesday that FBI Director James Comey promised to "
        "tell him by Wednesday. The Rhode Island Democrat said that the promise was made in "
        "a March 2 meeting."
    )
    assert "Whitehouse" in _speaker(nlp, text, "promise was made", layer=True)


def test_the_role_is_the_one_person_the_last_sentences_name(nlp) -> None:
    text = (
        "Last week it emerged that Devin Nunes was unsure who took part in the calls. The "
        "files seen by Nunes have not been shared, though the congressman said Tuesday that "
        "he hopes to share them with the committee."
    )
    assert "Nunes" in _speaker(nlp, text, "share them with the committee")


def test_guard_a_spokesman_is_not_the_one_person_named_before(nlp) -> None:
    text = (
        "Dmitry Volkov met the envoys on Monday. The talks lasted two hours. "
        "The spokesman said that no deal had been reached."
    )
    assert "Volkov" not in _speaker(nlp, text, "no deal had been reached")


def test_a_date_is_no_documents_author(nlp) -> None:
    text = (
        "The health watchdog reviewed the ambulance service again this year. Today's "
        "124-page report is a review of progress since 2014. It says that key improvements "
        "have occurred in the control centre."
    )
    assert "Today" not in _speaker(nlp, text, "key improvements")


def test_guard_a_name_tagged_plural_with_a_singular_verb_is_still_someone(nlp) -> None:
    text = (
        "Wines believes that the campaign took black voters for granted. "
        '"They have a big problem because they thought it would be enough," she said.'
    )
    assert _speaker(nlp, text, "big problem") == "Wines"


def test_a_heading_glued_before_the_words_is_cut(nlp) -> None:
    text = (
        "Populists benefit from such posts. Alarming radicalization Humans, Schweiger says, "
        "tend to believe information passed on by those who share their views."
    )
    quote = only(quotes_of(nlp, text), "tend to believe")
    assert not quote.text.startswith("Alarming")


def test_the_words_end_before_a_closing_according_to(nlp) -> None:
    text = (
        "White House officials assured the British government they would not repeat the "
        "claim, according to the prime minister's spokesman."
    )
    quote = only(quotes_of(nlp, text), "repeat the claim")
    assert "according to" not in quote.text


def test_a_family_name_is_not_someone_with_that_given_name(nlp) -> None:
    text = (
        "Paul Manafort told reporters the story was false. Sen. Rand Paul said that a new "
        'inquiry made no sense. "I just do not think it is useful to keep investigating," '
        "Paul said on Tuesday."
    )
    speaker = _speaker(nlp, text, "useful to keep investigating", layer=True)
    assert "Manafort" not in speaker


def test_a_family_name_the_tagger_misses_takes_the_full_name_given_before(nlp) -> None:
    text = (
        '"It is big," Mikaela Shiffrin, who leads the World Cup overall and slalom standings, '
        "told CNN's Alpine Edge. The 21-year-old American is going for a third straight "
        'slalom world title. "Not winning stinks -- it makes me feel like I have done '
        'something wrong," Shiffrin adds.'
    )
    assert "Mikaela" in _speaker(nlp, text, "Not winning stinks")


def test_a_caption_dash_is_no_part_of_a_name() -> None:
    from newsgraph.extractors.quotes.speakers import _clean_name

    assert _clean_name("- Li") == "Li"  # '- Li Dongsheng, chairman of TCL' under a photo
    assert _clean_name("\u2013 Ann Lee's") == "Ann Lee"


def test_a_thing_quoted_as_a_source_is_no_antecedent_of_he(nlp) -> None:
    text = (
        "Donald Trump is overweight, according to his body mass index. The campaign "
        "released the letter on Monday. He said that the letter was accurate."
    )
    assert "Trump" in _speaker(nlp, text, "letter was accurate")
