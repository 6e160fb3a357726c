"""The time signal of an event: incidents are local in time.

Each article has a day (its publication date, or without one the full date its text gives most)
and a set of years (see :mod:`storyline.stories.features`). Two articles pay a time penalty:

* both have a day: ``time_penalty * min(1, gap / (2 * scale))`` (a ramp: follow-ups within days
  cost little, a month apart costs the whole penalty), where ``scale`` is ``published_scale_days``
  when both days are publication dates and ``time_scale_days`` otherwise (a date read from the
  text may be the day of a follow-up or of history; publication dates of reports of one incident
  fall within a day or two of each other, so a gap between them says more);
* otherwise, both have years and share none: ``time_penalty``;
* otherwise nothing (work without dates).

An event whose members include reports with a publication date has those dates as its time, and
its other members share it: an article with a publication date (or another such event) pays, for
every member, the mean penalty against the dated members. Member by member, an undated report
(whose years are often history's) would pay nothing against a dated article and dilute the gap:
two events published eleven days apart merged through their undated reports. Measured with a
share of the publication dates removed at random (``benchmarks/stories_loco.py --drop-dates``,
12 seeds; MEANTIME / NewsWCL50 at 10 %, 25 %, 50 % removed): 0.892 / 0.814 / 0.696 -> 0.906 /
0.844 / 0.729 and 0.883 / 0.829 / 0.792 -> 0.898 / 0.859 / 0.832; with every date kept (and on
ECB+, which has none) nothing changes.

An event keeps a counter of its members' (day, years) signatures, so the *mean* penalty of an
article against all members (the time part of average linkage) is exact and costs O(distinct
signatures), not O(members).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from storyline.stories.settings import StoriesSettings


def day_penalty(settings: StoriesSettings, gap: int, published: bool = False) -> float:
    scale = settings.published_scale_days if published else settings.time_scale_days
    return settings.time_penalty * min(1.0, abs(gap) / (2 * scale))


def pair_penalty(settings: StoriesSettings, day_a: int | None, years_a: frozenset[int],
                 day_b: int | None, years_b: frozenset[int], pub_a: bool = False,
                 pub_b: bool = False) -> float:
    """The time penalty of two articles (see the module docstring); ``pub_*``: the day is the
    publication date."""
    if day_a is not None and day_b is not None:
        return day_penalty(settings, day_a - day_b, pub_a and pub_b)
    if years_a and years_b and years_a.isdisjoint(years_b):
        return settings.time_penalty
    return 0.0


@dataclass
class TimeProfile:
    """How many members of an event have each (day, years) signature.

    Members share few signatures (an event spans days, not years), so the sums below cost
    O(distinct signatures) and are exact."""

    # (day | None, frozenset of years, day is a publication date) -> members
    sigs: Counter = field(default_factory=Counter)

    def add(self, day: int | None, years: frozenset[int], sign: int = 1,
            published: bool = False) -> None:
        if day is None and not years:
            return
        key = (day, frozenset(years), bool(published and day is not None))
        self.sigs[key] += sign
        if self.sigs[key] <= 0:
            del self.sigs[key]

    def merge(self, other: TimeProfile) -> None:
        self.sigs.update(other.sigs)

    def min_gap(self, day: int) -> int | None:
        gaps = [abs(day - d) for d, _, _ in self.sigs if d is not None]
        return min(gaps) if gaps else None

    def span(self) -> list[int]:
        """``[first day, last day]`` of the dated members, ``[]`` when none is dated: what
        :meth:`min_gap` can be bounded with without the profile (``max(0, first - day, day -
        last) <= min_gap(day)``)."""
        days = [d for d, _, _ in self.sigs if d is not None]
        return [min(days), max(days)] if days else []

    def too_far(self, settings: StoriesSettings, other: TimeProfile) -> bool:
        """True when both events are dated and no two of their days are within
        ``max_gap_days``: never one event, whatever the words."""
        days_a = [d for d, _, _ in self.sigs if d is not None]
        days_b = [d for d, _, _ in other.sigs if d is not None]
        if not days_a or not days_b:
            return False
        return min(abs(a - b) for a in days_a for b in days_b) > settings.max_gap_days

    def penalty_sum(self, settings: StoriesSettings, day: int | None,
                    years: frozenset[int], published: bool = False, members: int = 0) -> float:
        """Sum over the ``members`` of an event of the pairwise penalty with an article (divide
        by the size). An article with a publication date against an event with such members
        pays, for every member, the mean penalty against those (as in :meth:`pair_penalty_sum`)."""
        if settings.time_penalty <= 0 or (day is None and not years):
            return 0.0
        if published and day is not None and members:
            pub = [(d, ys, c) for (d, ys, p), c in self.sigs.items() if p]
            if pub:
                total = sum(c * pair_penalty(settings, day, years, d, ys, True, True)
                            for d, ys, c in pub)
                return total / sum(c for _, _, c in pub) * members
        return sum(c * pair_penalty(settings, day, years, d, ys, published, p)
                   for (d, ys, p), c in self.sigs.items())

    def pair_penalty_sum(self, settings: StoriesSettings, other: TimeProfile,
                         pairs: int) -> float:
        """Sum over the ``pairs`` member pairs of two events of the pairwise penalty. When both
        events have members with a publication date, their days are the event's time, shared by
        its other members: every pair pays the mean penalty of the pairs of those members (an
        undated member's mentioned years, often history's, do not dilute it). Otherwise the pairs
        of members with any signature pay theirs and the others nothing."""
        if settings.time_penalty <= 0:
            return 0.0
        pub_a = [(s, c) for s, c in self.sigs.items() if s[2]]
        pub_b = [(s, c) for s, c in other.sigs.items() if s[2]]
        if pub_a and pub_b:
            total = sum(c * k * pair_penalty(settings, d, ys, e, zs, True, True)
                        for (d, ys, _), c in pub_a for (e, zs, _), k in pub_b)
            return total / (sum(c for _, c in pub_a) * sum(k for _, k in pub_b)) * pairs
        return sum(c * k * pair_penalty(settings, d, ys, e, zs, p, q)
                   for (d, ys, p), c in self.sigs.items() for (e, zs, q), k in other.sigs.items())

    def to_state(self) -> list:
        rows = [[d, sorted(ys), c, int(p)] for (d, ys, p), c in self.sigs.items()]
        return sorted(rows, key=lambda r: (r[0] is None, r[0] or 0, r[1], r[3]))

    @classmethod
    def from_state(cls, state: list) -> TimeProfile:
        """From :meth:`to_state`; entries of three (older states) have no publication flag."""
        return cls(Counter({(e[0], frozenset(e[1]), bool(e[3]) if len(e) > 3 else False): e[2]
                            for e in state}))


@dataclass
class PlaceProfile:
    """How many members of an event name each place among their most salient ones.

    Incidents are local in place as in time: two fires at two supermarkets of one chain, in two
    towns, are two events. An article and an event member whose salient places (top three GPE/LOC/
    FAC keys) are disjoint pay ``place_penalty``. The share of members sharing a place with an
    article is approximated by the best single place (a lower bound), so the cost is
    O(places of the article)."""

    counts: Counter = field(default_factory=Counter)  # place key -> members naming it
    n_placed: int = 0  # members with at least one salient place

    def add(self, places: frozenset[str], sign: int = 1) -> None:
        if not places:
            return
        self.n_placed += sign
        for p in places:
            self.counts[p] += sign
            if self.counts[p] <= 0:
                del self.counts[p]

    def merge(self, other: PlaceProfile) -> None:
        self.counts.update(other.counts)
        self.n_placed += other.n_placed

    def penalty_sum(self, settings: StoriesSettings, places: frozenset[str]) -> float:
        if settings.place_penalty <= 0 or not places or self.n_placed <= 0:
            return 0.0
        sharing = max(self.counts.get(p, 0) for p in places)
        return settings.place_penalty * max(0, self.n_placed - sharing)

    def pair_penalty_sum(self, settings: StoriesSettings, other: PlaceProfile) -> float:
        if settings.place_penalty <= 0 or self.n_placed <= 0 or other.n_placed <= 0:
            return 0.0
        pairs = self.n_placed * other.n_placed
        sharing = max((c * other.counts.get(p, 0) for p, c in self.counts.items()), default=0)
        return settings.place_penalty * max(0, pairs - sharing)

    def to_state(self) -> list:
        return [self.n_placed, dict(sorted(self.counts.items()))]

    @classmethod
    def from_state(cls, state: list) -> PlaceProfile:
        return cls(Counter(state[1]), int(state[0]))
