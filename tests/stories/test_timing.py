"""The time signal between two events (:mod:`storyline.stories.timing`)."""

from __future__ import annotations

import pytest

from storyline.stories import StoriesSettings
from storyline.stories.timing import TimeProfile, pair_penalty

S = StoriesSettings()
Y18 = frozenset({2018})


def _profile(*members: tuple[int | None, frozenset[int], bool]) -> TimeProfile:
    p = TimeProfile()
    for day, years, published in members:
        p.add(day, years, 1, published)
    return p


def test_dated_members_give_an_event_its_time():
    """Two events published eleven days apart, each with an undated report: the undated members
    share their event's time, so every pair pays the dated pairs' penalty (undated pairs used to
    pay nothing and dilute the gap by average linkage)."""
    a = _profile((736803, Y18, True), (736803, Y18, True), (None, frozenset({2016}), False))
    b = _profile((736814, Y18, True), (736815, Y18, True), (None, Y18, False))
    full = S.time_penalty
    assert pair_penalty(S, 736803, Y18, 736814, Y18, True, True) == full
    assert a.pair_penalty_sum(S, b, 9) == pytest.approx(9 * full)
    assert b.pair_penalty_sum(S, a, 9) == pytest.approx(9 * full)


def test_same_day_events_pay_nothing_whatever_their_undated_members_say():
    a = _profile((736803, Y18, True), (None, frozenset({2015}), False))
    b = _profile((736803, Y18, True), (None, frozenset({2016}), False))
    assert a.pair_penalty_sum(S, b, 4) == 0.0


def test_without_publication_dates_each_signed_pair_pays_its_own():
    """Text dates and years (ECB+ has no publication dates): pairs of members with a signature
    pay their penalty, members without one nothing (as before)."""
    a = _profile((None, frozenset({2008}), False), (None, frozenset(), False))
    b = _profile((None, frozenset({2011}), False), (None, frozenset({2008}), False))
    # a's second member has no signature; pairs: (2008, 2011) disjoint, (2008, 2008) shared
    assert a.pair_penalty_sum(S, b, 4) == pytest.approx(S.time_penalty)
    assert TimeProfile().pair_penalty_sum(S, b, 2) == 0.0


def test_an_article_pays_the_gap_to_the_dated_members_for_every_member():
    """An article published eleven days after an event whose two dated reports and one undated
    report share its year: the undated member no longer halves the gap's penalty."""
    ev = _profile((736803, Y18, True), (736803, Y18, True), (None, Y18, False))
    assert ev.penalty_sum(S, 736814, Y18, True, 3) == pytest.approx(3 * S.time_penalty)
    # an undated article still pays, member by member, what its years say
    assert ev.penalty_sum(S, None, frozenset({2016}), False, 3) == pytest.approx(
        3 * S.time_penalty)
    assert ev.penalty_sum(S, None, Y18, False, 3) == 0.0
