"""Spans and speakers from the session-15 dev draws (issue 17, seeds 9963-9968): noun
objects that name what was announced or judged (not words), and speakers. Sentences
invented; guards marked (they pass before and after)."""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of, speaker_name

spacy = pytest.importorskip("spacy")


# --- 'announced a partnership', 'dismissed the claims': a thing acted on, no words ----------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Last spring the carmaker Volta announced a partnership with two chip firms.",
            "partnership",
        ),
        ("The mayor's spokesman dismissed the reports on Tuesday.", "reports"),
        ("The foreign minister has signalled a softer approach toward the island.", "approach"),
        ("Farmers in the valley have long complained of slow payments.", "payments"),
        ("The aid agency declared a famine in two northern provinces.", "famine"),
        ("The general declared the end of the siege in March.", "siege"),
    ],
)
def test_a_handled_noun_object_is_no_quote(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


def test_guard_handling_verbs_still_report_clauses_and_quoted_words(nlp) -> None:
    found = quotes_of(nlp, "The carmaker announced that it would close two plants.")
    assert only(found, "close two plants").text.startswith("it would")
    found = quotes_of(nlp, 'Union leaders welcomed the "fair offer" made by the board.')
    assert only(found, "fair offer")


def test_guard_criticised_and_denied_keep_their_objects(nlp) -> None:
    # PolNeAR counts these noun objects as attributions
    only(quotes_of(nlp, "The senator criticised the party's neglect of rural schools."), "neglect")
    only(quotes_of(nlp, "The company denied any role in the leak."), "any role")


# --- a person the tagger took for an organisation: the name stays, unlinked ----------------


def _speaker(nlp, text: str, words: str):
    quote = only(quotes_of(nlp, text, layer=True), words)
    assert quote.speaker is not None
    return quote.speaker


def test_a_role_in_apposition_unlinks_an_organisation_label(nlp) -> None:
    text = (
        "Wen Jiao, director of Harlow & Co, a small bank in Shanghai, says the new fund "
        "will help start-ups."
    )
    speaker = _speaker(nlp, text, "help start-ups")
    assert speaker.name == "Wen Jiao"
    assert not (speaker.entity or "").startswith("local:org")


def test_his_after_the_name_unlinks_an_organisation_label(nlp) -> None:
    speaker = _speaker(
        nlp, "Ousman Toure has lost his boat and says the river is too low.", "too low"
    )
    assert speaker.name == "Ousman Toure"
    assert not (speaker.entity or "").startswith("local:org")


def test_guard_an_organisation_keeps_its_link(nlp) -> None:
    text = "Pemba Group has cut its costs and says the market is too slow."
    assert _speaker(nlp, text, "too slow").entity == "local:org:pemba-group"


# --- a role and the speaker the story goes on quoting ------------------------------------


def test_a_role_set_off_before_the_name_introduces_it(nlp) -> None:
    # 'Norway's envoy to Chile, Lars Brekke,': Brekke is the envoy, not the minister
    # named later with the same country's adjective
    text = (
        "Norway's envoy to Chile, Lars Brekke, told reporters the talks had been useful. "
        "Norwegian Foreign Minister Ida Holm will visit Santiago in May. "
        "The Norwegian envoy added that trade would grow."
    )
    assert speaker_name(nlp, text, "trade would grow") == "Lars Brekke"


@pytest.mark.parametrize("layer", [False, True])
def test_a_bare_role_word_is_the_speaker_quoted_before(nlp, layer: bool) -> None:
    text = (
        '"We are content with the talks," Lars Brekke told reporters on Monday. '
        "He said he expected that Foreign Minister Ida Holm would visit Santiago in May. "
        "The diplomat pointed out that trade between the countries had doubled."
    )
    assert speaker_name(nlp, text, "trade between", layer=layer) == "Lars Brekke"


def test_guard_a_bare_role_word_with_no_speaker_before_takes_the_person_named(nlp) -> None:
    text = (
        "Foreign Minister Ida Holm visited Santiago on Monday. "
        "The diplomat said that trade between the countries had doubled."
    )
    assert speaker_name(nlp, text, "trade between") == "Ida Holm"


# --- 'over half say ...': a poll's share, no one's words ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Asked about a second vote, around a half say there should not be one, while a third "
        "say there should.",
        "Over half say the pills were mainly used for pain relief, while 12% say they were "
        "used to look better.",
        "Asked about the new bridge, over half say it is too expensive.",
    ],
)
def test_a_share_of_respondents_says_nothing(nlp, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_guard_a_share_of_named_people_still_speaks(nlp) -> None:
    quote = only(quotes_of(nlp, "A half of the nurses say the plan is unfair."), "unfair")
    assert quote.speaker is not None and "nurses" in (quote.speaker.text or "")


# --- 'a statement attributed to X': X's words ------------------------------------------------


def test_a_statement_attributed_to_someone_is_theirs(nlp) -> None:
    text = '"Our citizens were treated badly," a statement attributed to army sources said.'
    assert speaker_name(nlp, text, "treated badly") == "army sources"
