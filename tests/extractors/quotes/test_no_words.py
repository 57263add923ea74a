"""Speech only, and the right speaker: shapes from the session-8 dev draws (issue 17).

Every sentence here is invented; each test names the cause it guards against. The
cases that pass on the code before session 8 are marked as guards: they check that
the same verbs still report speech.
"""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of

from newsgraph.extractors.quotes.finder import find_quotes
from newsgraph.records import Speaker

spacy = pytest.importorskip("spacy")


# --- no words reported -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a deliberation or a decision to come: only asking verbs report a question
        ("The ministry is still considering whether it should leave the treaty.", "leave the"),
        ("A separate tribunal will determine whether the mayor is removed from office.", "removed"),
        # a guess
        ("A federal court might affirm that the ban on night flights is lawful.", "is lawful"),
        ("The inspectors may conclude that the dam was built too low.", "built too low"),
        # words to come (the quoted fragment is the reporter's, 'Li said', not the leader's)
        (
            "By taking part in the forum, the Chinese leader aims to explain China's views "
            'and to offer a useful response "to concerns of the world about trade", Li said.',
            "concerns of the world",
        ),
        # 'it is telling': revealing, not telling anyone
        ("It is telling that the senator was able to undo years of policy.", "undo years"),
        # who talks, not what was said
        ("In reality, everybody talking about the law is still relying on guesswork.", "law"),
        # what was not said instead
        (
            "Rather than emphasise the importance of the win, Coleman said he was driven "
            "by a desperation to qualify.",
            "importance of the win",
        ),
        # the reader's timeline
        (
            "This is handy when, for example, your whole timeline is tweeting about a show "
            "that you do not watch.",
            "a show",
        ),
        # nobody spoke
        ("None of the main players argued that the deal should be scrapped.", "scrapped"),
        ("No expert believes that the old dam will hold.", "will hold"),
        # a request for anonymity
        (
            "A farmer, who asked to remain anonymous for fear of reprisals, sold the land.",
            "remain anonymous",
        ),
    ],
)
def test_no_words_no_quote(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # guards: the same verbs still report speech
        ("Mayor Ruiz said he wants to build a new bridge over the river.", "new bridge"),
        # wishes and fears stay quotes, as PolNeAR counts them
        ("Mayor Ruiz wants to build a new bridge over the river by 2020.", "new bridge"),
        ("Residents of the valley fear that the river will flood again.", "flood again"),
        ("The inspectors could conclude that the dam was built too low.", "built too low"),
        ("The ministry asked whether the treaty could still be saved.", "still be saved"),
        ("The tribunal determined that the mayor had broken the rules.", "broken the rules"),
        ("The inspectors concluded that the dam was built too low.", "built too low"),
        ("He told reporters that the crowds were the largest ever.", "largest ever"),
        ("Members questioned whether the governor had told the truth.", "told the truth"),
        ("The mayor would later tell reporters that the bridge was safe.", "bridge was safe"),
    ],
)
def test_speech_with_the_same_verbs_is_still_taken(nlp, text: str, words: str) -> None:
    only(quotes_of(nlp, text), words)


# --- speakers --------------------------------------------------------------------------


def test_a_statement_saying_speaks_for_whoever_issued_it(nlp) -> None:
    text = (
        "Jamie Clark, the head of the charity, has issued a statement saying that the "
        'wall would "bisect and isolate the last wild valleys".'
    )
    quote = only(quotes_of(nlp, text), "bisect")
    assert quote.speaker is not None and "Jamie Clark" in (quote.speaker.name or "")


def test_he_in_a_when_clause_is_the_named_subject(nlp) -> None:
    text = (
        "Viscount Harlow spoke first. But former minister Lord Tebbit sparked jeers when he "
        'said the debate seemed to focus on "nothing but the rights of foreigners".'
    )
    quote = only(quotes_of(nlp, text, layer=True), "the debate")
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert quote.speaker.name == "Lord Tebbit"


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun's gender is not the name's
        "Ana Ruiz left early. Mr Lee waited until she said the plan was dead.",
        # the clause comes first: 'he' may be someone named before
        "Ana Ruiz left early. When she said the plan was dead, Mr Lee waited.",
    ],
)
def test_a_pronoun_not_bound_to_the_named_subject(nlp, text: str) -> None:
    # guard (passes before session 8 too): the binding rule leaves these alone
    quote = only(quotes_of(nlp, text), "plan was dead")
    assert quote.speaker is not None and quote.speaker.name != "Lee"


def test_he_is_never_an_organisation(nlp) -> None:
    text = (
        "Mehmet Eker, deputy chairman of the Justice Party, spoke on Wednesday. "
        '"The talks proved to be a success for both sides," he stressed.'
    )

    def resolve(start: int, end: int) -> Speaker | None:
        words = text[start:end]
        if words == "he":
            return Speaker("ng:org:justice-party", "Justice Party", start, end, words)
        return None

    quote = only(find_quotes(nlp(text), resolve=resolve), "a success")
    assert quote.speaker is not None and quote.speaker.entity != "ng:org:justice-party"
    assert quote.speaker.name != "Justice Party"


def test_a_person_the_hook_gives_for_he_is_kept(nlp) -> None:
    # guard: the hook's person is still taken for a pronoun
    text = 'Mehmet Eker spoke on Wednesday. "The talks proved a success," he stressed.'

    def resolve(start: int, end: int) -> Speaker | None:
        words = text[start:end]
        if words == "he":
            return Speaker("ng:person:mehmet-eker", "Mehmet Eker", start, end, words)
        return None

    quote = only(find_quotes(nlp(text), resolve=resolve), "a success")
    assert quote.speaker is not None and quote.speaker.entity == "ng:person:mehmet-eker"


def test_the_source_is_linked_to_no_one(nlp) -> None:
    text = (
        "Shares of Snapline rose after the offer. The firm could have priced the shares "
        "higher, but the company wanted long-term investors, the source said."
    )

    def resolve(start: int, end: int) -> Speaker | None:
        words = text[start:end]
        if "source" in words:
            return Speaker("local:org:snapline", "Snapline", start, end, words)
        return None

    quote = only(find_quotes(nlp(text), resolve=resolve), "long-term investors")
    assert quote.speaker is not None
    assert quote.speaker.entity is None and quote.speaker.name == "the source"


# --- spans -------------------------------------------------------------------------------


def test_a_trailing_although_clause_is_the_writers_aside(nlp) -> None:
    text = (
        "He claimed that paying no income tax was smart, although he again refused to "
        "release his tax returns."
    )
    quote = only(quotes_of(nlp, text), "paying no income tax")
    assert quote.text == "paying no income tax was smart"


def test_an_although_clause_inside_the_words_stays(nlp) -> None:
    # guard: an aside that opens the reported clause is part of it
    text = "She said that, although costs rose, the bridge would open in May."
    quote = only(quotes_of(nlp, text), "bridge would open")
    assert "although costs rose" in quote.text


def test_a_name_the_model_left_untagged_after_its_noun_is_the_speaker(nlp) -> None:
    text = (
        "US private rocket company SpaceX has announced that two private citizens have paid "
        "to be sent around the Moon."
    )
    quote = only(quotes_of(nlp, text), "two private citizens")
    assert quote.speaker is not None and quote.speaker.name == "SpaceX"


def test_quoted_titles_in_a_list_are_not_quotes(nlp) -> None:
    text = (
        'Here are the night\'s winners: Best film "Arrival" "La La Land" "Moonlight" '
        'Special effects "Doctor Strange" "Fantastic Beasts and Where To Find Them" '
        '"Rogue One: A Star Wars Story" "The Girl With All the Gifts" Supporting actor '
        "Aaron Taylor-Johnson."
    )
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # guard: a talk with its own report
        ("Residents talking about the storm said the roads were closed.", "roads were closed"),
        # guards: capitalised words that are speech
        ('"THIS IS OUR TOWN!!" the mayor wrote on Twitter after the vote.', "OUR TOWN"),
        ('"Get Out Now," the Home Office told the tenants on Monday.', "Get Out Now"),
        # a contrast inside the words is no aside
        (
            "Officials said ruling liberal VVD party was taking 31 seats, while Geert "
            "Wilders' far-right PVV was securing only 19 seats.",
            "only 19 seats",
        ),
    ],
)
def test_words_that_look_like_titles_or_asides_stay(nlp, text: str, words: str) -> None:
    only(quotes_of(nlp, text), words)


def test_a_pronoun_does_not_go_to_nobody(nlp) -> None:
    # guard (passes before session 8 on this short text; the real article had 'she' go to
    # the 'no one' of a dropped quote): 'no one' is never a speaker
    text = (
        '"This is not on the mayor," Pirro said, avowing that "no one expected a '
        'businessman to understand the council." No, it is on Ryan, she said.'
    )
    quote = only(quotes_of(nlp, text), "on Ryan")
    assert quote.speaker is not None and quote.speaker.name == "Pirro"
    assert all(q.speaker is None or q.speaker.text != "no one" for q in quotes_of(nlp, text))


def test_a_second_act_in_the_cues_tense_is_not_part_of_the_words(nlp) -> None:
    text = (
        "President Ana Vidal on Tuesday said the country is in the midst of a political "
        "crisis and criticized the government for issuing the decree at night."
    )
    quote = only(quotes_of(nlp, text), "political crisis")
    assert quote.text == "the country is in the midst of a political crisis"


def test_a_second_verb_in_the_clauses_tense_stays(nlp) -> None:
    # guard: 'is open' shares the reported clause's tense, so it is part of the words
    quote = only(quotes_of(nlp, "The mayor said the bridge is safe and is open again."), "safe")
    assert quote.text == "the bridge is safe and is open again"


def test_a_heading_run_into_the_next_sentence_gives_no_speaker(nlp) -> None:
    text = (
        "READ MORE: Cubans stranded in Central America try to reach the US Mexico's former "
        "foreign minister, Jorge Castaneda, has suggested Mexico should play that card."
    )
    for quote in quotes_of(nlp, text):
        assert quote.speaker is None or "Cubans" not in quote.speaker.text


def test_a_second_act_joined_by_and_keeps_its_subject(nlp) -> None:
    # guard: 'left the room and said' is one subject's two acts
    quote = only(
        quotes_of(nlp, "The minister left the room and said the talks had failed."), "failed"
    )
    assert quote.speaker is not None and quote.speaker.text == "The minister"


def test_a_speech_noun_does_not_swallow_the_sentences_verb(nlp) -> None:
    text = "A father's plea to help his sick daughter embroiled him in controversy."
    none_with(quotes_of(nlp, text), "embroiled")


def test_a_speech_nouns_own_clause_stays(nlp) -> None:
    # guard: the promise's to-clause is its content
    quote = only(quotes_of(nlp, "The minister's promise to cut taxes was welcomed."), "cut taxes")
    assert quote.text == "to cut taxes"


def test_two_groups_joined_are_one_speaker_mention(nlp) -> None:
    text = "Human rights and media organisations have denounced his detention."
    quote = only(quotes_of(nlp, text), "detention")
    assert quote.speaker is not None
    assert quote.speaker.text == "Human rights and media organisations"


def test_a_person_and_another_keep_the_first_mention(nlp) -> None:
    # guard: only plural groups are joined
    quote = only(quotes_of(nlp, "The president and his wife said they were grateful."), "grateful")
    assert quote.speaker is not None and quote.speaker.text == "The president"
