"""The tolerance model for figures, date comparison, and what counts as a misquote."""

from __future__ import annotations

import pytest

from storyline.crosscheck.compare import (
    date_gap_days,
    dates_conflict,
    figures_conflict,
    parse_date,
    wording_difference,
)
from storyline.crosscheck.settings import CheckSettings
from storyline.crosscheck.text import words
from storyline.models import Claim

S = CheckSettings()


def fig(value, approximator=None, aspect="total"):
    return Claim(id=str(value), article_id="a", kind="quantity", text=str(value), span=(0, 1),
                 value=value, approximator=approximator, aspect=aspect, noun="troop")


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        ((15000, "about"), (14000, None), False),  # "about 15,000" / "14,000 troops"
        ((15000, "about"), (30000, None), True),
        ((15000, None), (15200, None), False),  # rounding within 2%
        ((15000, None), (16000, None), True),
        ((15000, "nearly"), (14500, None), False),
        ((15000, "nearly"), (15500, None), True),  # "nearly 15,000" is below 15,000
        ((30000, "up_to"), (15000, None), False),
        ((30000, "up_to"), (35000, None), True),
        ((10, "more_than"), (200, None), False),
        ((10, "at_least"), (8, None), True),
        ((4, "at_least"), (5, None), False),  # "at least four dead" / "five dead"
        ((12, None), (12, None), False),
        ((45, "about"), (50, "about"), False),
    ],
)
def test_figure_tolerance_model(a, b, conflict):
    assert figures_conflict(fig(*a), fig(*b), S) is conflict
    assert figures_conflict(fig(*b), fig(*a), S) is conflict


@pytest.mark.parametrize("a, b, conflict", [(3, 4, True), (3, 3, False), (2, 3, True)])
def test_ordinals_have_no_tolerance(a, b, conflict):
    assert figures_conflict(fig(a, aspect="ordinal"), fig(b, aspect="ordinal"), S) is conflict


@pytest.mark.parametrize(
    "a, b, conflict",
    [
        ("--12-18", "--12-25", True),
        ("2025-12-25", "--12-25", False),
        ("2025-12", "2025-12-25", False),
        ("2025", "2025-06-01", False),
        ("2024-06", "2025-06", True),
        ("2025-12-18", "2025-12-25", True),
        ("--12", "--11-30", True),
    ],
)
def test_date_conflicts(a, b, conflict):
    assert dates_conflict(parse_date(a), parse_date(b)) is conflict


def test_date_gap_across_new_year_without_year():
    assert date_gap_days(parse_date("--12-30"), parse_date("--01-02")) == 3
    assert date_gap_days(parse_date("--12-18"), parse_date("--12-25")) == 7
    assert date_gap_days(parse_date("2025-02-01"), parse_date("2025-08-01")) > 150


@pytest.mark.parametrize(
    "a, b, changed",
    [
        # quote marks, punctuation, case, apostrophes: the same words
        ("unbreakable friendship and combat brotherhood",
         "Unbreakable friendship, and combat brotherhood.", ()),
        ("today’s DPRK-Russia alliance", "today's DPRK Russia alliance", ()),
        # a fragment of the full quote, and an elision
        (("clearly demonstrate the unbreakable friendship and combat brotherhood between Russia "
         "and North Korea"), "unbreakable friendship", ()),
        ("I believe that today’s DPRK-Russia alliance ... serves as a precious common asset",
         "I believe that today’s DPRK-Russia alliance serves as a precious common asset", ()),
        # a word changed
        ("unbreakable friendship and combat brotherhood",
         "unwavering friendship and combat brotherhood", (("unbreakable", "unwavering"),)),
        ("act jointly and effectively defend their sovereignty",
         "act jointly and firmly defend their sovereignty", (("effectively", "firmly"),)),
        # spelling variant and a function word are not material
        ("to strengthen our defence cooperation", "to strengthen our defense cooperation", ()),
        ("the memories of their bravery", "the memories of the bravery", ()),
        # negation, numbers, quantifiers and time words are stop words but change what was said
        ("we will do it this year", "we will do it next year", (("this", "next"),)),
        ("we will rebuild every pier", "we will rebuild the pier", (("every", "the"),)),
        ("we will accept the offer", "we will not accept the offer", (("", "not"),)),
        ("two ships were seized", "three ships were seized", (("2", "3"),)),
        # reporting style is not wording: contractions, spaced apostrophes, "6:00", number words
        ("I’m not positive all three were targeted", "I ’ m not positive all 3 were targeted", ()),
        ("torches and pitchforks aren't going to be necessary",
         "torches and pitchforks are not going to be necessary", ()),
        ("he gave himself up just after 6:00 p.m.", "he gave himself up just after 6 p.m.", ()),
        ("Police 'locked down ' the neighborhood", "Police locked down the neighborhood", ()),
        ("everyone was okay, they said", "everyone was OK, they said", ()),
        ("by rolling back this eleventh-hour regulation", "by rolling back this 11th-hour regulation",
         ()),
        ("this is a sad day for the family", "this is a sad time for the family",
         (("day", "time"),)),
        # two different quotes sharing a phrase are not one quote misrendered
        ("the purposes of the [Endangered Species Act].",
         "the scientific process to its rightful place at the heart of the Endangered Species "
         "Act, a process undermined by past administrations.", None),
    ],
)
def test_wording_difference(a, b, changed):
    assert wording_difference(words(a), words(b), S) == changed
