"""The dateline rule, stated once: what every stage reads as a report's dateline."""

from __future__ import annotations

import pytest

from storyline.text.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (dateline text, agency, (month, day, year))
        ("Seoul, Dec 27 (NationPress) North Korean leader Kim Jong-un has conveyed greetings.",
         ("Seoul, Dec 27 (NationPress)", "NationPress", (12, 27, None))),
        ("MOSCOW (Reuters) - Russia said on Tuesday it had shot down 30 drones.",
         ("MOSCOW (Reuters) -", "Reuters", None)),
        ("Title line\nKYIV, Feb 3 (AP) - Air raid sirens sounded across Ukraine.",
         ("KYIV, Feb 3 (AP) -", "AP", (2, 3, None))),
        ("WASHINGTON, Dec. 27, 2025 (Reuters) - The president said on Friday ...",
         ("WASHINGTON, Dec. 27, 2025 (Reuters) -", "Reuters", (12, 27, 2025))),
        ("KYIV, Ukraine, March 3, 2025 (AP) -- Russian forces struck",
         ("KYIV, Ukraine, March 3, 2025 (AP) --", "AP", (3, 3, 2025))),
        ("SPRINGFIELD, Ill. (AP) — The governor signed", ("SPRINGFIELD, Ill. (AP) —", "AP", None)),
        ("MOSCOW, 4 December - Governor Khinstin announced plans ...",
         ("MOSCOW, 4 December -", None, (12, 4, None))),
        ("Port of Spain, June 3 - Flooding closed roads", ("Port of Spain, June 3 -", None, (6, 3, None))),
        ("WASHINGTON - April 27 - More than 1,300 scientists called", ("WASHINGTON -", None, None)),
        ("  PORT HALDEN, March 4 (Northwire) – A fire", ("PORT HALDEN, March 4 (Northwire) –", "Northwire",
                                                      (3, 4, None))),
        # sentences, not datelines
        ("Paris, June 5 and 6 were the hottest days of the year.", None),
        ("The summit in Pyongyang in June 2024 sealed the pact.", None),
        ("Officials at the Ministry of Defence (MoD) said the drill went ahead.", None),
        ("Russia's envoy (the deputy minister) spoke first.", None),
        ("Sen. Elizabeth Warren (D-Mass.) said the bill would fail.", None),
        ("Seoul, Feb 30 (NationPress) - no such day", ("Seoul, Feb 30 (NationPress) -", "NationPress", None)),
    ],
)
def test_find_dateline(text, expected):
    got = find_dateline(text)
    if expected is None:
        assert got is None
        return
    assert got is not None
    line, agency, date = expected
    assert text[got.span[0]:got.span[1]] == line
    assert got.agency == agency
    assert ((got.month, got.day, got.year) if got.month else None) == date


def test_dated_skips_a_dateline_without_a_day():
    text = "BREAKING:\nMOSCOW, 4 December - Governor Khinstin announced plans"
    assert find_dateline(text) is not None and find_dateline(text).date_span is None
    found = find_dateline(text, dated=True)
    assert found is not None and (found.month, found.day) == (12, 4)
    assert text[found.date_span[0]:found.date_span[1]] == "4 December"


def test_only_the_head_of_the_text():
    late = "x\n" * 20 + "MOSCOW (Reuters) - Russia said"
    assert find_dateline(late) is None
    assert find_dateline("A" * 700 + "\nMOSCOW (Reuters) - Russia said") is None
