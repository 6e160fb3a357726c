"""The time signal of an event: incidents are local in time.

Each article has a day (its publication date, or without one the full date its text gives most)
and a set of years (see :mod:`storyline.stories.features`). Two articles pay a time penalty:

* both have a day: ``time_penalty * min(1, gap / (2 * time_scale_days))`` (a ramp: follow-ups
  within days cost little, a month apart costs the whole penalty);
* otherwise, both have years and share none: ``time_penalty``;
* otherwise nothing (work without dates).

An event keeps counters of its members' days and years, so the *mean* penalty of an article
against all members (the time part of average linkage) costs O(distinct days), not O(members).
Members with years but no day are approximated through the shared year counter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from storyline.stories.settings import StoriesSettings


def day_penalty(settings: StoriesSettings, gap: int) -> float:
    return settings.time_penalty * min(1.0, abs(gap) / (2 * settings.time_scale_days))


@dataclass
class TimeProfile:
    """Counters of an event's member days and years."""

    days: Counter = field(default_factory=Counter)  # day ordinal -> members with that day
    years: Counter = field(default_factory=Counter)  # year -> dated members mentioning it
    n_dated: int = 0  # members with at least one year (every member with a day has one)
    n_days: int = 0  # members with a day

    def add(self, day: int | None, years: frozenset[int], sign: int = 1) -> None:
        if day is not None:
            self.days[day] += sign
            self.n_days += sign
            if self.days[day] <= 0:
                del self.days[day]
        if years:
            self.n_dated += sign
            for y in years:
                self.years[y] += sign
                if self.years[y] <= 0:
                    del self.years[y]

    def merge(self, other: "TimeProfile") -> None:
        self.days.update(other.days)
        self.years.update(other.years)
        self.n_dated += other.n_dated
        self.n_days += other.n_days

    def min_gap(self, day: int) -> int | None:
        return min(abs(day - d) for d in self.days) if self.days else None

    def penalty_sum(self, settings: StoriesSettings, day: int | None,
                    years: frozenset[int]) -> float:
        """Sum over members of the pairwise penalty with an article (divide by the size)."""
        if settings.time_penalty <= 0 or not years:
            return 0.0
        total = 0.0
        rest = self.n_dated
        if day is not None and self.days:
            total += sum(c * day_penalty(settings, day - d) for d, c in self.days.items())
            rest -= self.n_days
        if rest > 0:
            sharing = sum(self.years.get(y, 0) for y in years)
            total += settings.time_penalty * max(0, rest - min(rest, sharing))
        return total

    def pair_penalty_sum(self, settings: StoriesSettings, other: "TimeProfile") -> float:
        """Sum over member pairs of two events of the pairwise penalty (approximate for members
        without a day)."""
        if settings.time_penalty <= 0:
            return 0.0
        total = 0.0
        for d, c in self.days.items():
            for e, k in other.days.items():
                total += c * k * day_penalty(settings, d - e)
        dated_pairs = self.n_dated * other.n_dated - self.n_days * other.n_days
        if dated_pairs > 0:
            sharing = sum(c * other.years.get(y, 0) for y, c in self.years.items())
            all_pairs = self.n_dated * other.n_dated
            share = min(1.0, sharing / all_pairs) if all_pairs else 1.0
            total += settings.time_penalty * dated_pairs * (1.0 - share)
        return total

    def to_state(self) -> dict:
        return {"days": {str(d): c for d, c in sorted(self.days.items())},
                "years": {str(y): c for y, c in sorted(self.years.items())},
                "n_dated": self.n_dated, "n_days": self.n_days}

    @classmethod
    def from_state(cls, state: dict) -> "TimeProfile":
        return cls(Counter({int(d): c for d, c in state["days"].items()}),
                   Counter({int(y): c for y, c in state["years"].items()}),
                   int(state["n_dated"]), int(state["n_days"]))
