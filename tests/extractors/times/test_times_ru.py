"""Russian time expressions normalised against the publication date (the traps that
dateparser falls into: "в 2017 году" is a year, locative months, inflected weekdays)."""

from __future__ import annotations

import pytest

from newsgraph.extractors.times.intl import find_times_intl

ANCHOR = "2017-04-24"  # a Monday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("в понедельник", "2017-04-24"),
        ("в среду", "2017-04-19"),
        ("24 марта 2017 года", "2017-03-24"),
        ("в мае 2017 года", "2017-05"),
        ("в 2017 году", "2017"),
        ("три дня назад", "2017-04-21"),
        ("на прошлой неделе", "2017-W16"),
        ("в прошлом году", "2016"),
        ("вчера вечером", "2017-04-23TEV"),
        ("в течение двух лет", "P2Y"),
        ("в марте", "2017-03"),
        ("через два дня", "2017-04-26"),
    ],
)
def test_values(text: str, value: str) -> None:
    [found] = find_times_intl(text, anchor=ANCHOR, lang="ru")
    assert (found.text, found.value) == (text, value)


def test_offsets_hold_in_a_sentence() -> None:
    text = "Путин встретился с Ле Пен 24 марта 2017 года в Кремле, сообщили вчера."
    for t in find_times_intl(text, anchor=ANCHOR, lang="ru"):
        assert text[t.start : t.end] == t.text


def test_other_languages_get_nothing() -> None:
    assert find_times_intl("hier", anchor=ANCHOR, lang="de") == []
