"""Spans and speakers from the session-13 dev draws (issue 17, seeds 9860-9865): a story
label's headline glued before the words, a speaker's next act set off by a dash, quoted
words followed by the writer's circumstance, 'one of ...' as a speaker, the ends and
subjects of 'according to' sentences, a subject the parser took for the cue's object,
documents' authors, a cue after a relative clause. Sentences invented; guards marked (they
pass before and after)."""

from __future__ import annotations

import pytest
from quote_checks import only, quotes_of
from quote_checks import speaker_name as _speaker

spacy = pytest.importorskip("spacy")


# --- a 'READ MORE:' label and the other story's headline are no one's words ------------------


def test_a_read_more_headline_before_reported_words_is_left_out(nlp) -> None:
    text = (
        "The harbour was closed on Monday. READ MORE: Norway's new fishing rules - Storms "
        "ahead Anna Lind, a trawler captain from Bergen, is expected to speak at the "
        "meeting, officials said."
    )
    quote = only(quotes_of(nlp, text), "speak at the meeting")
    assert "READ MORE" not in quote.text and "Storms ahead" not in quote.text
    assert quote.text.startswith("Anna Lind")


def test_a_read_more_headline_before_a_quotation_is_left_out(nlp) -> None:
    text = (
        "The navy sent two ships. READ MORE: The new fleet plan - Rough seas ahead "
        '"It will sail with the coastguard in the northern waters," he added, asking not '
        "to be named."
    )
    quote = only(quotes_of(nlp, text), "sail with the coastguard")
    assert "READ MORE" not in quote.text and "Rough seas" not in quote.text
    assert quote.text.startswith("It will sail")


def test_guard_a_quoted_headline_after_a_read_more_label_is_no_quote(nlp) -> None:
    text = (
        '"The dam may not hold," he said. READ MORE: \'Which towns of Bavaria should be '
        "rebuilt?' Martin Keller, a retired engineer who built the dam, is likely to be "
        "called as a witness, lawyers said."
    )
    found = quotes_of(nlp, text)
    assert not [q for q in found if "Bavaria" in q.text], [q.text for q in found]
    assert only(found, "called as a witness").text.startswith("Martin Keller")


def test_guard_reported_words_without_a_label_keep_their_start(nlp) -> None:
    text = (
        "Martin Keller, a retired engineer who built the dam, is likely to be called as a "
        "witness, lawyers said."
    )
    quote = only(quotes_of(nlp, text), "called as a witness")
    assert quote.text.startswith("Martin Keller")


# --- ' - describing this as ...': the speaker's next act, not the words --------------------


def test_a_naming_participle_after_a_dash_ends_the_words(nlp) -> None:
    text = (
        "The inspector also said there was no sign the driver had been drinking in 2015 - "
        'describing the claim as "gossip".'
    )
    quote = only(quotes_of(nlp, text), "had been drinking")
    assert "describing" not in quote.text and "gossip" not in quote.text
    assert quote.text.rstrip(" .").endswith("in 2015")


def test_a_speech_participle_after_a_dash_ends_the_words(nlp) -> None:
    text = (
        "The minister said the new road would open in the spring - adding that the old "
        "bridge would stay."
    )
    quote = only(quotes_of(nlp, text), "would open in the spring")
    assert "adding" not in quote.text and "old bridge" not in quote.text


def test_guard_a_dash_inside_the_words_keeps_them(nlp) -> None:
    text = "The minister said the new road - the longest in the region - would open in spring."
    quote = only(quotes_of(nlp, text), "the longest in the region")
    assert quote.text.rstrip(" .").endswith("would open in spring")


# --- 'said "...", after X': the quoted clause ends at its closing mark --------------------


def test_a_quoted_clause_ends_before_the_writers_circumstance(nlp) -> None:
    text = (
        'In 2014, the singer Anna Berg said "nobody should be mocked for their looks", '
        "after harsh comments about her dress at the premiere."
    )
    quote = only(quotes_of(nlp, text), "mocked for their looks")
    assert "premiere" not in quote.text and "harsh comments" not in quote.text


def test_guard_a_quoted_clause_going_on_after_its_mark_keeps_the_rest(nlp) -> None:
    text = (
        'The singer Anna Berg said "nobody should be mocked", and that the show would go '
        "on next week."
    )
    quote = only(quotes_of(nlp, text), "nobody should be mocked")
    assert "go on next week" in quote.text


# --- 'one of the ...' as a subject: a person, not a number ---------------------------------


def test_one_of_a_group_named_in_apposition_is_the_speaker(nlp) -> None:
    text = (
        "In his book on the war, one of the century's great historians, Arthur Penrose, "
        'wrote, "Each army must discover its limits or be destroyed by them." The book sold '
        "well."
    )
    assert "Arthur Penrose" in _speaker(nlp, text, "discover its limits")


def test_one_of_the_witnesses_speaks_as_one_of_them(nlp) -> None:
    text = "One of the witnesses said the water came up to the windows within minutes."
    assert _speaker(nlp, text, "came up to the windows") == "One of the witnesses"


def test_guard_a_number_one_says_nothing(nlp) -> None:
    text = "The council voted on two plans. One would cost more, the mayor said."
    assert "One" not in _speaker(nlp, text, "cost more")


# --- what the words answered, and the end of an 'according to' sentence --------------------


def test_quoted_words_end_before_a_comma_and_after(nlp) -> None:
    text = (
        'A senior aid official in Sudan said she was stunned by accounts of "terrible '
        'hunger", after claims that at least 200 people had died in a week.'
    )
    quote = only(quotes_of(nlp, text), "stunned by accounts")
    assert "200 people had died" not in quote.text


def test_guard_a_reported_clause_with_after_and_no_quotation_keeps_it(nlp) -> None:
    text = "The official said the bridge would reopen after the repairs were finished."
    quote = only(quotes_of(nlp, text), "bridge would reopen")
    assert "repairs were finished" in quote.text


def test_according_to_a_source_ending_in_an_abbreviation_ends_the_words(nlp) -> None:
    text = (
        "The dollar rallied in November, according to Anna Berg, an economist at Hollis "
        "Securities Co. The euro fell by 2 percent in the same month."
    )
    quote = only(quotes_of(nlp, text), "dollar rallied")
    assert "Anna Berg" not in quote.text and "Hollis" not in quote.text


def test_according_to_first_and_a_trailing_although_is_the_writers(nlp) -> None:
    text = (
        "According to the ministry, the new trains will cost about 270 million euros, "
        "although the price may rise."
    )
    quote = only(quotes_of(nlp, text), "new trains will cost")
    assert "price may rise" not in quote.text


# --- a subject the parser hung on the cue or on the source ---------------------------------


def test_a_subject_taken_for_the_cues_object_opens_the_words(nlp) -> None:
    text = (
        "Jurgen Whyte, chief engineer with the unit, signalled the helicopter's black box "
        "could be crucial to learning what went wrong."
    )
    quote = only(quotes_of(nlp, text), "could be crucial")
    assert quote.text.startswith("the helicopter's black box")


def test_a_subject_taken_for_the_sources_apposition_opens_the_words(nlp) -> None:
    text = (
        "According to Japan's Cabinet Office, the country's gross domestic product (GDP) "
        "expanded one percent in 2016."
    )
    quote = only(quotes_of(nlp, text), "expanded one percent")
    assert quote.text.startswith("the country's gross domestic product")


def test_guard_an_addressee_before_the_words_stays_out(nlp) -> None:
    text = "She told reporters the plan would fail within a year."
    assert only(quotes_of(nlp, text), "plan would fail").text.startswith("the plan")


# --- a report its author 'published': the author, through later mentions -------------------


def test_a_report_an_organisation_published_as_its_own_speaks_for_it(nlp) -> None:
    text = (
        "The Harbour Safety Council published its annual report on Monday. The chairman "
        "said ships were safer than ever. Fishermen disagreed. The ports were busy. "
        '"Crews are tired and the rules are old," the report said.'
    )
    assert "Harbour Safety Council" in _speaker(nlp, text, "Crews are tired", layer=True)


def test_a_report_mentioned_again_and_again_keeps_its_author(nlp) -> None:
    text = (
        "The Harbour Safety Council released a report on Monday. Fishermen disagreed. "
        "The ports were busy. Trade rose. Storms came. Insurance costs went up. The report "
        "looked at ten years of accidents. The navy sent ships. Prices fell. Trade rose "
        "again. Two harbours closed. Tourists left. The summer was dry. "
        '"Crews are tired and the rules are old," the report said.'
    )
    assert "Harbour Safety Council" in _speaker(nlp, text, "Crews are tired", layer=True)


def test_guard_a_report_with_no_author_named_stays_unlinked(nlp) -> None:
    text = (
        "A new report looked at ten years of accidents in the harbours. Fishermen "
        "disagreed with it. "
        '"Crews are tired and the rules are old," the report said.'
    )
    assert _speaker(nlp, text, "Crews are tired", layer=True) == "the report"


def test_a_statement_obtained_by_a_paper_is_not_the_papers(nlp) -> None:
    text = (
        '"The drills went as planned," the Defence Ministry said in a statement obtained by '
        "the Daily Courier. The general visited the base on Monday, the statement said."
    )
    speaker = _speaker(nlp, text, "visited the base", layer=True)
    assert "Defence Ministry" in speaker and "Courier" not in speaker


# --- a speaker after a quote, with a relative clause before the cue ------------------------


def test_a_question_then_a_subject_with_a_relative_clause_and_its_cue(nlp) -> None:
    text = (
        'The mayor spoke first. "Can the bridge open this year?" the engineer who built '
        "it asks. The mayor nods."
    )
    quote = only(quotes_of(nlp, text), "Can the bridge open")
    assert quote.speaker is not None and quote.speaker.text == "the engineer"


def test_guard_a_sentence_after_a_quote_with_its_own_report_is_no_cue(nlp) -> None:
    text = (
        '"Can the bridge open this year?" The engineer who built it said the steel had '
        "arrived late."
    )
    quote = only(quotes_of(nlp, text), "Can the bridge open")
    assert quote.speaker is None or quote.speaker.text != "The engineer"


def test_a_subject_with_a_clause_the_parser_hung_on_the_cue_opens_the_words(nlp) -> None:
    text = (
        "In her letter, Ms Kerr said her lunch with the lender Bay Trust immediately "
        "before it sold the council's bonds was not improper."
    )
    quote = only(quotes_of(nlp, text), "was not improper")
    assert quote.text.startswith("her lunch with the lender")


def test_according_to_a_source_that_swallowed_the_sentence_gives_the_clause(nlp) -> None:
    text = (
        'According to the Royal Thai Police, a South Korean tourist who "sought initial '
        'medical assistance" at the information desk in the airport that night died as he '
        "was being driven to the hospital."
    )
    quote = only(quotes_of(nlp, text), "sought initial")
    assert quote.text.startswith("a South Korean tourist") and "died" in quote.text
