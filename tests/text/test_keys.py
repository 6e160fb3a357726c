"""The one rule for name and outlet keys (storyline.text.keys), stated once as a table.

Every stage that compares names or outlets calls these functions: the reuse stage's credit rule,
the claims stage's entities and agency table, the cross-check's alias map, the count of
independent sources. Each row below holds for all of them.
"""

from __future__ import annotations

import pytest

from storyline.text.keys import clean_surface, name_key, outlet_key, strip_accents


@pytest.mark.parametrize("a, b", [
    ("The Coastal Herald", "Coastal Herald"),        # a leading article is not part of a name
    ("Coastal  herald", "Coastal Herald"),           # case and spacing
    ("Coastal-Herald", "Coastal Herald"),            # hyphen as space
    ("the Korean Central News Agency’s", "Korean Central News Agency"),  # possessive
    ("Müller", "Muller"),                            # accents
    ("O'Brien", "OBrien"),                           # apostrophe inside a word
    ("ＫＣＮＡ", "KCNA"),                             # compatibility (full-width) forms
])
def test_same_key(a, b):
    assert name_key(a) == name_key(b)
    assert outlet_key(a) == outlet_key(b)


@pytest.mark.parametrize("a, b", [
    ("Kim Jong Un", "Kim Jong Il"),                  # keys are compared whole, never fuzzily
    ("AP", "AAP"),
    ("Coastal Herald", "Coastal Times"),
])
def test_different_key(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("outlet, key", [
    ("Coastal  Herald", "coastal herald"), ("Coastal-Herald", "coastal herald"),
    ("The Coastal Herald", "coastal herald"), ("", None), (None, None), ("  ", None),
    ("—", None),
])
def test_outlet_key(outlet, key):
    assert outlet_key(outlet) == key


@pytest.mark.parametrize("text, expected", [
    ("the Korean Central News Agency", "Korean Central News Agency"),
    ("North Korea’s", "North Korea"),
    ("Putin's", "Putin"),
    ("  Kim  Jong-un ", "Kim Jong-un"),
])
def test_clean_surface(text, expected):
    assert clean_surface(text) == expected


def test_strip_accents_keeps_letters():
    assert strip_accents("Zelenskyj Čapek Ångström") == "Zelenskyj Capek Angstrom"
