"""Quotes (issue 17, session 19; dev draws 10007, 10008): words said not to have been said,
the time a quotation was said, a clause left hanging on 'and', and 'it' after a body's
name. Sentences invented; the tests named ``guard`` pass before and after."""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of, speaker_name

spacy = pytest.importorskip("spacy")


# --- a speech verb negated: nothing said ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The coach did not say that the striker was injured before the final.", "injured"),
        ("I never told my brother that the boat could sail without a motor.", "without a motor"),
        ("The mayor has not claimed that the new bridge will open this year.", "will open"),
    ],
)
def test_a_negated_speech_verb_reports_nothing(nlp, text, words) -> None:
    none_with(quotes_of(nlp, text), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # 'not only said': said, and more
        ("The minister not only said that taxes would rise but also promised cuts.", "taxes"),
        # a belief, negated, is still a stance PolNeAR counts
        ("The farmer does not believe that the river will flood again.", "river will flood"),
        # the negation inside the words
        ("The senator said that she did not know the donor.", "did not know"),
    ],
)
def test_guard_not_only_said_and_negated_beliefs_stay(nlp, text, words) -> None:
    only(quotes_of(nlp, text), words)


# --- 'saying "..." when X asked him': when it was said, not words ----------------------------


def test_when_after_the_quotation_is_no_quote(nlp) -> None:
    text = (
        'The singer waved the idea away, saying "never" when a fan asked her about a comeback'
        " during a March 4 radio show."
    )
    found = quotes_of(nlp, text)
    none_with(found, "fan asked")
    only(found, "never")


def test_guard_a_clause_after_say_stays(nlp) -> None:
    text = "The builder said the wall would stand when the storm came."
    only(quotes_of(nlp, text), "wall would stand")


# --- a reported clause the parser cut at 'and' ---------------------------------------------


def test_a_clause_cut_at_and_goes_on(nlp) -> None:
    text = (
        "She said there is a strong wish for answers in the village and the worry of the"
        " council is that it shuts down every debate."
    )
    quote = only(quotes_of(nlp, text), "strong wish")
    assert not quote.text.endswith(" and"), quote.text
    assert "worry of the council" in quote.text, quote.text


def test_guard_a_second_act_stays_apart(nlp) -> None:
    text = (
        'Mayor Lena Ortiz said she thinks the report should be published but said "the'
        ' question is when."'
    )
    found = quotes_of(nlp, text)
    only(found, "should be published")
    assert not [q for q in found if "published" in q.text and "question" in q.text]


# --- 'it' after a body whose name holds a preposition ---------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'Friends of the Hills says two paths could help. "But it does not have to be a'
            ' fence," it added.',
            "Friends of the Hills",
        ),
        (
            '"Sorting waste can seem tiring," says Business in the Schools. It added: "There is'
            ' also a lot of doubt about the blue bin."',
            "Business in the Schools",
        ),
        (
            '"Sorting waste can seem tiring," says Teachers without Frontiers. It added: "There'
            ' is also a lot of doubt about the blue bin."',
            "Teachers without Frontiers",
        ),
    ],
)
def test_it_goes_back_to_a_body_named_with_a_preposition(nlp, text, name) -> None:
    assert speaker_name(nlp, text, "doubt" if "doubt" in text else "fence") == name
    assert speaker_name(nlp, text, "tiring" if "tiring" in text else "paths") == name


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            '"We are ready," said John Smith in London. "It is time," he added.',
            "time",
            "John Smith",
        ),
        ('"We are ready," said the Duke of Kent. "It is time," he added.', "time", "Duke of Kent"),
    ],
)
def test_guard_a_person_stays_a_person(nlp, text, words, name) -> None:
    assert speaker_name(nlp, text, words).endswith(name)


# --- a show's title after its host's name: no words -----------------------------------------


def test_a_show_title_after_its_host_is_no_quote(nlp) -> None:
    text = (
        'But during an appearance on NBC\'s Lena Ortiz "Nightline," Smith warned that the'
        " governor faces a problem."
    )
    found = quotes_of(nlp, text)
    none_with(found, "Nightline")
    only(found, "governor faces a problem")


def test_guard_words_after_a_name_and_cue_stay(nlp) -> None:
    text = (
        'The reporter asked Lena Ortiz whether she would run again, and Ortiz said "Never'
        ' again, not in a million years."'
    )
    only(quotes_of(nlp, text), "Never again")


# --- '"..." X insisted on Y': X's own report, not the quotation's cue ---------------------------


def test_a_cue_with_its_own_object_is_not_the_quotations(nlp) -> None:
    text = (
        '"He said in his talk that the time for games is over. A new tone, but little new in'
        ' policy." Harper insisted on his support for the treaty but repeated that members'
        " must pay."
    )
    quote = only(quotes_of(nlp, text), "time for games")
    assert quote.speaker is None or "Harper" not in (quote.speaker.name or ""), quote.speaker


def test_guard_a_cue_on_its_own_after_the_quotation_stays(nlp) -> None:
    text = '"We will win this race." Harper insisted.'
    assert "Harper" in speaker_name(nlp, text, "win this race")


# --- '"..." shouts a young girl': the speaker the parser took for an object ------------------


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            'Activists on the ground welcomed the show. "We hear you!!" shouts a young girl'
            " near the stage.",
            "We hear you",
            "a young girl",
        ),
    ],
)
def test_a_speaker_after_the_cue_taken_for_its_object(nlp, text, words, name) -> None:
    assert speaker_name(nlp, text, words) == name


def test_guard_a_speaker_after_said_stays(nlp) -> None:
    text = 'The crowd cheered. "Go home," said an old man by the gate.'
    assert speaker_name(nlp, text, "Go home") == "an old man"


# --- an embedded tweet's signature glued before the speaker ----------------------------------


def test_a_tweet_signature_is_no_speaker(nlp) -> None:
    text = (
        "Sport (@citysport) April 2, 2017 Coach Hale said the team will spend the next two"
        " years on its new stadium plan."
    )
    assert speaker_name(nlp, text, "stadium plan") == "Coach Hale"


def test_guard_a_name_with_its_handle_stays(nlp) -> None:
    text = "Jane Hale (@janehale) said the council will spend the next year on its housing plan."
    assert speaker_name(nlp, text, "housing plan") == "Jane Hale"


# --- 'denied the charges': what others said, not the denier's words ---------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("All three firms have denied the fraud charges.", "charges"),
        ("Moscow denied allegations that it hacked the vote.", "hacked the vote"),
        ("The club rejected the claim that its coach had lied.", "coach had lied"),
    ],
)
def test_an_accusation_denied_is_no_quote(nlp, text, words) -> None:
    none_with(quotes_of(nlp, text), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The firm denied any wrongdoing.", "wrongdoing"),
        ("Moscow denied that it hacked the vote.", "hacked the vote"),
        ("The chairman rejected the claim as absurd.", "the claim"),
    ],
)
def test_guard_a_denial_of_its_own_stays(nlp, text, words) -> None:
    only(quotes_of(nlp, text), words)


def test_it_goes_back_to_a_body_named_as_the_sentence_opens(nlp) -> None:
    text = (
        "Enterprise in the Community says two bins could make sorting easier. \"But it doesn't have"
        ' to be a bin, it could be a bag on the door," it added.'
    )
    assert speaker_name(nlp, text, "bag on the door") == "Enterprise in the Community"


def test_guard_a_group_opening_the_sentence_is_no_name(nlp) -> None:
    text = "Officials in the Interior Ministry said the border would stay closed."
    assert speaker_name(nlp, text, "border") == "Officials"


# --- 'told X to "..." over the weekend': when it was said is the writer's -----------------------


def test_a_time_after_quoted_words_is_not_theirs(nlp) -> None:
    text = (
        'A Republican senator from Ohio told a voter to "sit down" over the weekend during a'
        " town hall meeting in his district."
    )
    quote = only(quotes_of(nlp, text), "sit down")
    assert "weekend" not in quote.text, quote.text


def test_guard_a_place_after_quoted_words_stays(nlp) -> None:
    text = 'The coach urged the players to "stand firm" against the league.'
    assert "against the league" in only(quotes_of(nlp, text), "stand firm").text
