"""Quotes (issue 17, session 18; dev draws 9979, 9980): what is no speech, and speakers.
Sentences invented; the tests named ``guard`` pass before and after."""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of, speaker_name

spacy = pytest.importorskip("spacy")


# --- a wish about what others should do or undergo: no words ------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Trade unions want the ministers removed from the committee before the vote.", "removed"),
        ("Several farm groups want imported grain to be taxed at the border.", "taxed"),
        ("Many local groups want them deported to cut the cost of the camps.", "deported"),
    ],
)
def test_a_wish_for_others_is_no_speech(nlp, text, words) -> None:
    none_with(quotes_of(nlp, text), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Regulators worried that the council would close the library.", "close the library"),
        ("The mayor wants everyone to know that the roads are safe.", "roads are safe"),
        ("He said they wanted her gone before the summer.", "wanted her gone"),
    ],
)
def test_guard_a_stated_hope_or_claim_stays(nlp, text, words) -> None:
    only(quotes_of(nlp, text), words)


# --- 'imagined how ...': made up, no words -----------------------------------------------------


def test_imagined_how_is_no_speech(nlp) -> None:
    text = "The comedian Lena Park imagined how the cabinet spent its first holiday together."
    none_with(quotes_of(nlp, text), "holiday")


def test_guard_considered_what_stays(nlp) -> None:
    # PolNeAR counts a view weighed with a wh-clause
    text = "Economists have considered what the region could look like if the mines closed."
    only(quotes_of(nlp, text), "could look like")


# --- 'Events have suggested ...': a thing says nothing -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Events since have suggested the merger, which cost many jobs, was wise.",
        "The weeks since the vote have revealed that the merger was wise.",
    ],
)
def test_a_mere_thing_suggests_no_words(nlp, text) -> None:
    none_with(quotes_of(nlp, text), "was wise")


@pytest.mark.parametrize(
    "text",
    [
        "Critics suggested the merger was wise.",
        "Protesters suggested the merger was wise.",
        "The ministry suggested the merger was wise.",
    ],
)
def test_guard_people_and_bodies_suggest(nlp, text) -> None:
    only(quotes_of(nlp, text), "was wise")


# --- a cue in a 'whether' question with no clause: the act asked about ----------------------


def test_guarantee_asked_about_is_no_speech(nlp) -> None:
    text = (
        "When pressed about whether he could guarantee coverage for the twins, "
        "Price cited the new grants."
    )
    found = quotes_of(nlp, text)
    none_with(found, "coverage")


def test_guard_whether_with_a_clause_stays(nlp) -> None:
    # PolNeAR counts it: 'it was unclear whether the judges would rule that ...'
    text = "It was unclear whether the judges would rule that the old mines posed a threat."
    only(quotes_of(nlp, text), "old mines posed")


# --- 'called on X for Y': what is asked, not whom ----------------------------------------------


def test_called_on_for_reports_what_was_asked(nlp) -> None:
    text = "A Chilean trade minister also called on the wealthy donors for support."
    quote = only(quotes_of(nlp, text), "support")
    assert quote.text == "support"


def test_called_on_alone_reports_nothing(nlp) -> None:
    text = "The union leader called on the wealthy donors at noon."
    none_with(quotes_of(nlp, text), "donors")


def test_guard_called_on_to_act_stays(nlp) -> None:
    text = "The union called on the government to act before the winter."
    only(quotes_of(nlp, text), "to act")


# --- 'ambassador in Cyprus Nikos Andreou told': the place the tagger put in the name -----------


@pytest.mark.parametrize("layer", [False, True])
def test_place_glued_to_a_posted_name_is_cut(nlp, layer) -> None:
    text = (
        "Tourism in Cyprus rose sharply and hotels in Cyprus were full, Greek ambassador "
        "in Cyprus Nikos Andreou told reporters on Monday."
    )
    assert speaker_name(nlp, text, "hotels in Cyprus", layer=layer) == "Nikos Andreou"


def test_guard_posted_name_without_a_glued_place(nlp) -> None:
    text = (
        "Investment in Georgia rose and firms in Georgia hired more staff, Latvian "
        "ambassador in Georgia Janis Ozols told LETA on Friday."
    )
    assert speaker_name(nlp, text, "hired more staff", layer=True) == "Janis Ozols"


# --- 'the newspaper writes' is no ministry named in its words ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Finance Ministry and the Trade Ministry will oppose the idea, the newspaper writes.",
        "A federal official told Kommersant that no talks were planned. Both the Finance "
        "Ministry and the Trade Ministry are expected to oppose the idea, the newspaper writes.",
    ],
)
def test_a_ministry_is_no_newspaper(nlp, text) -> None:
    name = speaker_name(nlp, text, "oppose the idea", layer=True)
    assert "Ministry" not in name


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "The European Commission fined Google. The commission said the fine was fair.",
            "was fair",
            "European Commission",
        ),
        (
            "The state oil company Rosneft raised output. The company said prices would rise.",
            "prices would rise",
            "Rosneft",
        ),
    ],
)
def test_guard_a_body_of_the_same_kind_is_referred_to(nlp, text, words, name) -> None:
    assert speaker_name(nlp, text, words, layer=True) == name


def test_the_newspaper_is_no_body_its_report_named(nlp) -> None:
    text = (
        "A federal official told Vedomosti that no talks were planned. What VEB is proposing "
        "is a new fund. The ministries will oppose the idea, the newspaper writes."
    )
    name = speaker_name(nlp, text, "oppose the idea", layer=True)
    assert name != "VEB"


def test_the_newspaper_that_spoke_before(nlp) -> None:
    text = (
        "The Daily Ledger reported the vote on Monday. It said turnout was low. The Finance "
        "Ministry will oppose the idea, the newspaper writes."
    )
    assert speaker_name(nlp, text, "oppose the idea", layer=True) == "Daily Ledger"


# --- 'He said' after a speaker the tagger called a body ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A man who grew up in the home has said all such homes should be examined. Speaking "
        "on Radio Kerry's Morning Show with Dan Rourke, PJ Fallon said he wants apologies from "
        'the State. He said the nuns "were supposed to protect the children".',
        "Speaking on Radio Kerry's Morning Show with Dan Rourke, PJ Fallon said he wants "
        'apologies from the State. He said the nuns "were supposed to protect the children".',
    ],
)
def test_he_goes_on_from_a_speaker_typed_a_body(nlp, text) -> None:
    assert speaker_name(nlp, text, "protect the children", layer=True) == "PJ Fallon"


def test_guard_he_is_no_company(nlp) -> None:
    text = (
        "John Baird met the board on Monday. Goldman Sachs said profits rose. "
        "He said the bank was strong."
    )
    assert speaker_name(nlp, text, "bank was strong", layer=True) == "John Baird"


# --- 'the local newspaper, "Dawn,"': a body's name, quoted ------------------------------------


TEXT_DAWN = (
    'According to the local newspaper, "Dawn," around 900 teams began the count on Monday. '
    '"The soldiers will protect the teams in every district," said Dawn.'
)


def test_a_quoted_name_after_its_noun_is_no_quote(nlp) -> None:
    found = quotes_of(nlp, TEXT_DAWN, layer=True)
    assert not [q for q in found if q.text.strip(' ,"') == "Dawn"], [q.text for q in found]


def test_a_newspaper_named_after_its_noun_is_no_local_person(nlp) -> None:
    quote = only(quotes_of(nlp, TEXT_DAWN, layer=True), "every district")
    assert quote.speaker is not None and quote.speaker.name == "Dawn"
    assert not (quote.speaker.entity or "").startswith("local:person:")


@pytest.mark.parametrize(
    ("text", "words"), [('"No," he replied.', "No"), ('She said, "Paris," and left.', "Paris")]
)
def test_guard_one_word_answers_stay(nlp, text, words) -> None:
    only(quotes_of(nlp, text), words)
