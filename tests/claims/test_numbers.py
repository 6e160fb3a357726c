"""Number words, digits, ordinals and fractions (pure string functions, no spaCy)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.claims.numbers import (
    fraction_percent,
    is_number_word,
    is_vague_plural,
    parse_cardinal,
    parse_ordinal,
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["15,000"], 15_000),
        (["30", "000"], 30_000),  # thin-space thousands separator, split by the tokenizer
        (["1.2", "million"], 1_200_000),
        (["1.5", "billion"], 1.5e9),
        (["1.5bn"], 1.5e9),
        (["20m"], 20e6),
        (["two", "dozen"], 24),
        (["a", "dozen"], 12),
        (["a", "million"], 1e6),
        (["thirty-five"], 35),
        (["two", "hundred", "and", "fifty"], 250),
        (["three", "million", "two", "hundred", "thousand"], 3_200_000),
        (["seven"], 7),
        (["0.3"], 0.3),
        (["six", "and", "eight"], None),  # a coordination of two numbers
        (["troops"], None),
        (["million"], None),  # a scale word alone is not a number
        (["bn"], None),
    ],
)
def test_parse_cardinal(words, expected):
    assert parse_cardinal(words) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("third", 3), ("fourth", 4), ("21st", 21), ("3rd", 3), ("twenty-first", 21),
     ("75th", 75), ("hundredth", 100), ("troop", None), ("thirty", None)],
)
def test_parse_ordinal(word, expected):
    assert parse_ordinal(word) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["half"], 50.0), (["a", "third"], 33.33), (["two-thirds"], 66.67),
     (["three", "quarters"], 75.0), (["a", "quarter"], 25.0), (["dozen"], None)],
)
def test_fraction_percent(words, expected):
    assert fraction_percent(words) == expected


def test_vague_plurals_and_number_words():
    assert is_vague_plural("thousands") and is_vague_plural("Dozens")
    assert not is_vague_plural("thousand")
    assert is_number_word("15,000") and is_number_word("twelve") and is_number_word("million")
    assert not is_number_word("m")  # an abbreviation only counts right after digits
    assert not is_number_word("May")


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(n):
    assert parse_cardinal([f"{n:,}"]) == n
    assert parse_cardinal([str(n)]) == n
