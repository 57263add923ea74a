"""The period a chart or a dyad table counts by when none is given."""

from __future__ import annotations

from newsgraph.analyze.periods import (
    choose_period,
    choose_period_counts,
    period_kind,
    period_range,
)


def test_the_span_of_the_dates_picks_the_period() -> None:
    assert choose_period(["2017-02-01", "2017-02-07", "2017"]) == "day"
    assert choose_period(["2017-01-01", "2017-06-30"]) == "week"
    assert choose_period(["2015-01-01", "2017-06-30"]) == "month"
    assert choose_period(["1990-01-01", "2017-06-30"]) == "year"
    assert choose_period([None, "2017", "2017-02"]) == "month"  # nothing precise to the day


def test_a_stray_date_does_not_stretch_the_span() -> None:
    days = [f"2017-02-{d:02d}" for d in range(1, 29)] * 2
    assert choose_period(days) == "day"
    assert choose_period([*days, "2028-01-01"]) == "day"  # one junk date in 57: trimmed
    assert choose_period([*days, *["2028-01-01"] * 10]) == "year"  # ten are data


def test_counts_weigh_and_month_labels_span_their_month() -> None:
    assert choose_period_counts([("2017-02", 100)]) == "day"
    assert choose_period_counts([("2017-02", 100), ("2017-04", 50)]) == "week"
    assert choose_period_counts([("2016-12", 10), ("2019-03", 10)]) == "month"
    # a single event far away among many is left out of the span
    assert choose_period_counts([("2017-02-07", 60), ("2030-01-01", 1)]) == "day"
    assert choose_period_counts([("2017", 5), (None, 3), ("junk", 1)]) == "month"


def test_period_labels_and_their_date_ranges() -> None:
    assert [period_kind(x) for x in ("2017", "2017-02", "2017-W06", "2017-02-07", "Feb")] == [
        "year",
        "month",
        "week",
        "day",
        None,
    ]
    assert period_range("2017-W06") == ("2017-02-06", "2017-02-12")
    assert period_range("2020-W53") == ("2020-12-28", "2021-01-03")
    assert period_range("2017-02") == ("2017-02", "2017-02")
    assert period_range("2017-W54") is None and period_range("2017-02-30") is None
