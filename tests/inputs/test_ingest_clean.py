"""Plain-text cleaning: furniture removal, headline, light white-space normalisation."""

from __future__ import annotations

import json
import re

import pytest

from newsgraph.inputs.clean import CleanText, clean_text, ends_sentence, is_navigation
from newsgraph.inputs.furniture import line_key, load_furniture

_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
     "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)  # fmt: skip


def fold(text: str) -> str:
    """Same folding as ../shared/eval/common.py: quotes, dashes, white space, case."""
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip().lower()


BODY = [
    "MOSCOW, May 3. /TASS/. The foreign ministers of the two countries met in Moscow on "
    "Wednesday to discuss the grain corridor, the ministry said in a statement.",
    "\u201cWe had a frank and useful conversation,\u201d the minister told reporters after "
    "the talks.",
    "Follow-up consultations are planned for June",
    "The two sides agreed to meet again before the end of the year, according to the statement.",
]


def article(head: list[str], tail: list[str], sep: str = "\n\n") -> str:
    return sep.join([*head, *BODY, *tail])


def test_headline_taken_and_removed_from_text() -> None:
    headline = "Foreign ministers discuss grain corridor in Moscow"
    result = clean_text(article([headline], []))
    assert isinstance(result, CleanText)
    assert result.title == headline
    assert headline not in result.text
    assert result.text.startswith("MOSCOW, May 3.")


def test_repeated_headline_dropped_once_and_reported() -> None:
    headline = "Foreign ministers discuss grain corridor in Moscow"
    result = clean_text(article([headline, headline], []))
    assert result.title == headline
    assert headline not in result.text
    assert result.removed == (headline,)


def test_first_sentence_is_not_a_title() -> None:
    result = clean_text("\n".join(BODY))
    assert result.title is None
    assert result.text == "\n".join(BODY)


def test_section_label_above_headline_is_dropped() -> None:
    result = clean_text(article(["World", "Ministers meet in Moscow over grain"], []))
    assert result.title == "Ministers meet in Moscow over grain"
    assert "World" in result.removed


def test_all_caps_dateline_is_not_a_title() -> None:
    result = clean_text(article(["BAAR, SWITZERLAND"], []))
    assert result.title is None
    assert result.text.startswith("BAAR, SWITZERLAND")


def test_furniture_of_many_kinds_removed() -> None:
    head = [
        "Home | World | Europe",
        "Latest news",
        "Ministers meet in Moscow over grain",
        "Share on Facebook",
        "Photo: Reuters / Ivan Petrov",
    ]
    tail = [
        "Read more: Kremlin comments on grain exports",
        "Source: RIA",
        "Tags: Russia, Turkey, grain",
        "We use cookies to improve your experience. "
        "By continuing to browse you agree to our use of cookies.",
        "Accept",
        "Subscribe to our newsletter",
        "Facebook Twitter WhatsApp Telegram",
        "© Example Media 2022",
        "12 comments",
        "Add a comment",
        "Anna wrote: I think this is a long comment which is not part of the article.",
        "Related posts",
        "Grain prices fall after the deal",
        "Wheat harvest hits record",
    ]
    result = clean_text(article(head, tail))
    assert result.title == "Ministers meet in Moscow over grain"
    for line in head[:2] + head[3:] + tail:
        assert line not in result.text, line
    for line in BODY:
        assert line in result.text


def test_body_lines_survive_similar_looking_rules() -> None:
    body = [
        "Source: a senior diplomat who asked not to be named said on Tuesday that the talks "
        "had stalled over the sequencing of sanctions relief and the release of prisoners.",
        "Alleged hacker attacks",
        "Photos of the meeting were published by the ministry later in the day.",
        "Share prices rose after the announcement, traders said.",
    ]
    text = "\n\n".join(body)
    result = clean_text(text)
    assert result.text == text
    assert result.removed == ()


def test_tail_short_lines_dropped_but_body_lists_kept() -> None:
    tail = ["Kremlin says talks went well", "Prices of grain fall again"]
    result = clean_text(article([], tail))
    assert all(t in result.removed for t in tail)
    results = [f"Team {chr(65 + i)} (Group {i}): {i + 2}th appearance" for i in range(12)]
    listed = clean_text("\n".join([BODY[0], "Qualified teams", *results]))
    assert all(r in listed.text for r in results)


def test_whitespace_normalised_lightly() -> None:
    text = "First paragraph ends here.  \r\n\r\n\r\n\r\nSecond\u00a0paragraph \u2014 \u201cquoted\u201d.\t\r\n"
    result = clean_text(text)
    assert (
        result.text
        == "First paragraph ends here.\n\nSecond\u00a0paragraph \u2014 \u201cquoted\u201d."
    )


def test_empty_and_all_furniture_inputs() -> None:
    assert clean_text("").text == ""
    result = clean_text("All news\n\nLeave a Reply\n\nPlease enter your comment!")
    assert result.text == ""
    assert result.title is None


def test_comment_form_in_first_half_does_not_truncate_body() -> None:
    text = "Leave a comment\n\n" + "\n\n".join(BODY * 3)
    result = clean_text(text)
    assert result.removed == ("Leave a comment",)
    assert result.text == "\n\n".join(BODY * 3)


def test_helpers() -> None:
    assert ends_sentence("He said so.\u201d")
    assert not ends_sentence("Latest Posts")
    assert is_navigation("Home \u203a News \u203a Politics")
    assert not is_navigation("Russia / France relations deteriorate")
    assert line_key("  Source : IZ ") == "source: iz"
    with pytest.raises(ValueError):
        load_furniture("[nonsense]\nx\n")


@pytest.mark.shared
def test_seeds_lose_furniture_and_keep_body(shared) -> None:
    gold = json.loads(shared("gold", "dev", "seeds.json").read_text("utf-8"))
    for item in gold["articles"]:
        raw = shared("corpus", "seeds", item["file"]).read_text("utf-8")
        result = clean_text(raw)
        kept_lines = {line.strip() for line in result.text.splitlines()}
        for line in item["boilerplate"]:
            assert line not in kept_lines, (item["file"], line)
            assert line in result.removed, (item["file"], line)
        folded = fold(result.text)
        for quote in item["quotes"]:
            assert fold(quote["match"]) in folded, (item["file"], quote["match"])
        for time in item["times"]:
            assert fold(time["match"]) in folded, (item["file"], time["match"])
        for claim in item.get("claims", []):
            for value in claim["values"]:
                assert value in result.text, (item["file"], value)
        _assert_every_other_line_kept(raw, result, set(item["boilerplate"]))


def _assert_every_other_line_kept(raw: str, result: CleanText, boilerplate: set[str]) -> None:
    """Every input line that is not gold boilerplate is in the text or is the headline."""
    kept = {line.strip() for line in result.text.splitlines()}
    for line in raw.splitlines():
        line = line.strip()
        if line and line not in boilerplate:
            assert line in kept or line == result.title, line
