"""The quotation-mark, apostrophe and dash inventory, stated once."""

from __future__ import annotations

import pytest

from storyline.text.marks import (
    APOSTROPHES,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    fold_marks,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWe will rebuild,\u201d she said.", '"We will rebuild," she said.'),
        ("\u201eSo\u201c and \u00abainsi\u00bb", '"So" and "ainsi"'),
        ("Putin\u2019s \u2018message\u2019", "Putin's 'message'"),
        ("1990\u20131995 \u2014 a decade \u2212 less", "1990-1995 - a decade - less"),
        ("plain ASCII stays", "plain ASCII stays"),
    ],
)
def test_fold_marks(text, expected):
    got = fold_marks(text)
    assert got == expected
    assert len(got) == len(text)  # offsets into the original stay valid


def test_openers_and_closers_are_disjoint_and_apostrophes_close():
    assert not set(DOUBLE_OPEN) & set(DOUBLE_CLOSE)
    assert not set(SINGLE_OPEN) & set(SINGLE_CLOSE)
    assert "\u2019" in APOSTROPHES and "\u2019" in SINGLE_CLOSE  # why "Russia’s" needs context
