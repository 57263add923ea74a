"""The English pipeline's fix for scraped paragraph breaks (languages/en.py)."""

from __future__ import annotations

from newsgraph.languages.en import english


def test_a_dash_after_a_full_stop_ends_the_sentence() -> None:
    doc = english()("The officer was cleared in 2014.- Prosecutor Bob Reyes made the video public.")
    sents = [s.text for s in doc.sents]
    assert sents == [
        "The officer was cleared in 2014.-",
        "Prosecutor Bob Reyes made the video public.",
    ]


def test_dashes_inside_words_and_sentences_stay() -> None:
    doc = english()("The U.S.-led force struck a well-known base - twice - on Monday.")
    assert len(list(doc.sents)) == 1
    assert "U.S.-led" in [t.text for t in doc]


def test_a_quote_mark_glued_to_the_next_name_is_split_off() -> None:
    doc = english()('"We share the concerns,"?Tompkins wrote in the letter.')
    words = [t.text for t in doc]
    assert words[words.index("concerns") : words.index("wrote") + 1] == [
        "concerns",
        ",",
        '"?',
        "Tompkins",
        "wrote",
    ]
