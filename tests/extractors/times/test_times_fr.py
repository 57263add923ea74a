"""French time expressions normalised against the publication date."""

from __future__ import annotations

import pytest

from newsgraph.extractors.times.intl import find_times_intl

ANCHOR = "1999-05-19"  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hier", "1999-05-18"),
        ("le 6 mai dernier", "1999-05-06"),
        ("il y a 75 ans", "1924"),
        ("vendredi dernier", "1999-05-14"),
        ("mardi soir", "1999-05-18TEV"),
        ("cette semaine", "1999-W20"),
        ("la semaine dernière", "1999-W19"),
        ("avril 2001", "2001-04"),
        ("depuis deux jours", "P2D"),
        ("en 1995", "1995"),
        ("l'an dernier", "1998"),
        ("le samedi 5 juin 2004", "2004-06-05"),
        ("Hier à 10 h", "1999-05-18T10:00"),
    ],
)
def test_values(text: str, value: str) -> None:
    [found] = find_times_intl(text, anchor=ANCHOR, lang="fr")
    assert (found.text, found.value) == (text, value)


def test_clock_time_takes_the_day_of_the_date_before_it() -> None:
    found = find_times_intl("Rendez-vous le samedi 5 juin, à 17 h.", anchor=ANCHOR, lang="fr")
    assert [t.value for t in found] == ["1999-06-05", "1999-06-05T17:00"]


def test_a_future_sentence_sends_a_weekday_ahead() -> None:
    [found] = find_times_intl("Le sommet aura lieu samedi.", anchor=ANCHOR, lang="fr")
    assert found.value == "1999-05-22"


def test_the_participle_ete_is_no_season_and_ages_are_no_durations() -> None:
    text = "Il a été élu. Un homme de 19 ans a été arrêté."
    assert find_times_intl(text, anchor=ANCHOR, lang="fr") == []


def test_without_anchor_relative_values_are_unknown() -> None:
    [found] = find_times_intl("hier", anchor=None, lang="fr")
    assert found.value is None


def test_eval_gate_frtimebank(shared) -> None:
    import sys

    from conftest import ROOT

    shared("data", "frtimebank")
    sys.path.insert(0, str(ROOT / "eval"))
    from intl_eval import timex_fr

    result = timex_fr(baseline=False)["newsgraph"]
    assert result["value_f1"] >= 0.70


test_eval_gate_frtimebank = pytest.mark.eval(test_eval_gate_frtimebank)
