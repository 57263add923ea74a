"""What the publication-date finders share: the text, its time expressions, the window
of days the tenures and year bounds allow, and the weekdays the text names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.extractors.times.dating_roles import Interval
from newsgraph.records import TimeExpr


@dataclass
class Context:
    """What the day finders share: the text, its time expressions and the KB window."""

    text: str
    times: list[TimeExpr]
    today: date
    window: tuple[Interval, ...]
    window_evidence: list[str] = field(default_factory=list)
    weekdays: set[int] = field(default_factory=set)
    main_weekdays: set[int] = field(default_factory=set)
    lower_year: int | None = None  # the latest year the text reports as past
    tenure_evidence: list[str] = field(default_factory=list)
    tenure_starts: set[date] = field(default_factory=set)
    tenure_window: tuple[Interval, ...] = ()

    def allows(self, day: date) -> bool:
        return any(lo <= day <= hi for lo, hi in self.window)

    def because(self, *reasons: str) -> str:
        return "; ".join(dict.fromkeys([*reasons, *self.window_evidence]))
