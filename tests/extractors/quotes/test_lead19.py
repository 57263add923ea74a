"""Quotes (issue 17, session 19, from the seed-10002 verdicts): titles and scenes come
upon, not words. Invented sentences."""

from __future__ import annotations

from quote_checks import quotes_of


def _texts(nlp, text):
    return [q.text for q in quotes_of(nlp, text, layer=True)]


def test_a_quoted_title_with_a_clitic_and_no_cue_is_no_quote(nlp):
    # mis-decoded closing marks ('"?') in a list of titles
    text = (
        '"I think voters are glad to see us,"?Harper, who has had roles in "Midnight Road,"?'
        '"Who\'s the Thief?"?and "Blue Garden,"?told reporters in an email.'
    )
    assert not any("Thief" in t for t in _texts(nlp, text))


def test_a_quoted_title_with_a_subtitle_after_a_colon_is_no_quote(nlp):
    # the copy lost the first word's capital ('moon:'); the subtitle is title case
    text = (
        'Shelves held "the Secret of the Old Tower"?and "moon: The Greatest Hoax Ever Sold."?'
        "Most of the titles are still on sale in shops."
    )
    assert not any("Hoax" in t for t in _texts(nlp, text))


def test_title_case_words_with_a_cue_are_still_words(nlp):
    # guard: a cue says these are someone's words, capitals or not
    for text in ('"It\'s Over," he said.', '"We\'re Done Here," the minister said.'):
        assert len(_texts(nlp, text)) == 1


def test_a_state_found_is_no_reported_words(nlp):
    for text in (
        "Neighbours rushed to the house to find the two brothers badly hurt.",
        "The inspectors found the village deserted.",
    ):
        assert _texts(nlp, text) == []


def test_a_tensed_complement_is_still_reported_words(nlp):
    text = "She told reporters the talks had been useful."
    assert _texts(nlp, text) == ["the talks had been useful"]


def test_an_age_standing_for_a_person_is_a_speaker(nlp):
    text = (
        'Lina Haddad was hurt in the blast. "I asked my father what was going on," the '
        '12-year-old told reporters in the film.- "I did not know."'
    )
    found = [q for q in quotes_of(nlp, text, layer=True) if "my father" in q.text]
    assert [q.speaker.name for q in found if q.speaker is not None] == ["Lina Haddad"]


def test_a_cue_the_parser_read_as_a_modifier_after_a_quote_is_still_the_cue(nlp):
    # 'the 12-year-old told reporters' parsed as one noun phrase ('told' an adjective)
    text = '"I asked my father what was going on," the 12-year-old told reporters.'
    (quote,) = quotes_of(nlp, text, layer=True)
    assert quote.cue == "told"
