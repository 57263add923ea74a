"""Quote speakers (issue 17, session 17, from the seed-9991 verdicts). Invented sentences."""

from __future__ import annotations

from quote_checks import none_with, quotes_of, speaker_name


def test_the_name_after_a_posting_to_a_body_speaks(nlp):
    text = (
        "Russia's Deputy Permanent Representative to the UN Dmitry Volkov told reporters "
        "that a draft resolution had been put forward."
    )
    assert speaker_name(nlp, text, "draft resolution", layer=True) == "Dmitry Volkov"


def test_the_name_after_a_posting_to_a_capital_speaks(nlp):
    text = "Russia's ambassador to Washington Sergei Kislyak said the sanctions were unfair."
    assert speaker_name(nlp, text, "sanctions were unfair", layer=True) == "Sergey Kislyak"


def test_the_person_an_envoy_is_sent_to_does_not_speak(nlp):
    # guard: 'the envoy to President X' is sent to X, who is not the speaker
    text = "The envoy to President Putin said the talks would resume."
    assert speaker_name(nlp, text, "talks would resume", layer=True) != "Vladimir Putin"


def test_a_share_of_those_polled_is_a_finding_not_words(nlp):
    for text, words in [
        ("And 64% of all those polled said they did not trust the mayor.", "trust the mayor"),
        ("Half of the respondents said they had never voted.", "never voted"),
        ("About 40% of people surveyed said the economy was the main issue.", "main issue"),
    ]:
        none_with(quotes_of(nlp, text), words)


def test_a_share_of_named_people_still_speaks(nlp):
    # guard: a share of people the sentence names is who spoke
    text = "Half of the nurses said they had been attacked at work."
    assert speaker_name(nlp, text, "attacked at work") == "Half of the nurses"
