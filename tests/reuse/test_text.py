"""Normalisation and sentence splitting of the reuse stage."""

import pytest

from storyline.reuse.text import norm_sentence, split_sentences, stem


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Putin praised the \u2018heroic participation\u2019 of the troops.",
         "Putin praised the 'heroic participation' of the troops."),
        ("\u201cWe will rebuild,\u201d the mayor said \u2014 again.",
         '"We will rebuild," the mayor said - again.'),
        ("North Korea sent 15,000 troops.", "NORTH KOREA SENT 15000 TROOPS"),
        ("The   governor\u2019s  office   said", "The governor's office said"),
    ],
)
def test_copy_editing_does_not_change_the_normal_form(a, b):
    assert norm_sentence(a) == norm_sentence(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police arrested 23 pirates.", "Police arrested 32 pirates."),
        ("The fire started on Friday.", "The fire started on Saturday."),
    ],
)
def test_different_facts_stay_different(a, b):
    assert norm_sentence(a) != norm_sentence(b)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("pirates", "pirate"), ("arrested", "arrest"), ("clashes", "clashe"), ("countries", "country"),
     ("clearing", "clear"), ("press", "press"), ("is", "is")],
)
def test_stem(word, expected):
    assert stem(word) == expected


def test_split_sentences_cuts_at_line_breaks_and_stops():
    text = ("Red Sox offer Teixeira $200 million\n"
            "Dan Patrick reported on his show that the Boston Red Sox have made an offer. "
            "He then speculated the Angels might turn their interest to Manny Ramirez.\n\n"
            "Teixeira will be 29 in April.")
    spans = split_sentences(text)
    got = [text[s:e] for s, e in spans]
    assert got == [
        "Red Sox offer Teixeira $200 million",
        "Dan Patrick reported on his show that the Boston Red Sox have made an offer.",
        "He then speculated the Angels might turn their interest to Manny Ramirez.",
        "Teixeira will be 29 in April.",
    ]
