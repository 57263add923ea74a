"""code_phrase (issue 17, session 18, dev draws 9987 and 10001): the national branch of
an armed movement, and the prefix "co-". Invented phrases; each fails on the code
before it except the guards."""

from __future__ import annotations

import pytest

from newsgraph.kb.actor_codes import code_phrase


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("the Pakistan Taliban", "PAKREB", "PAK"),  # a country name before the group
        ("Pakistan's Taliban fighters", "PAKREB", "PAK"),
        ("Iraqi Hezbollah", "IRQREB", "IRQ"),  # adjective (already IRQ in actors.py)
    ],
)
def test_an_armed_movement_named_by_a_country_is_its_branch_there(phrase, code, country):
    found = code_phrase(phrase)
    assert found is not None and (found.code, found.country) == (code, country)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the Taliban in Pakistan", "AFG"),  # a place after the name is where it acts
        ("Afghan Taliban", "AFG"),
        ("the Taliban", "AFG"),
        ("Iranian-backed Hezbollah", "LBN"),  # the backer is not the group's country
    ],
)
def test_guard_the_movement_keeps_its_home_country(phrase, country):
    found = code_phrase(phrase)
    assert found is not None and found.country == country


def test_co_operative_holds_no_spy():
    assert code_phrase("the Co-operative Bank") is None  # was SPY ("operative")
    found = code_phrase("the International Co-operative Alliance")  # guard: still known
    assert found is not None and found.code.startswith("NGO")
