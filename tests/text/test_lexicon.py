"""storyline.text.lexicon: the one table of number words, ordinals, months and weekdays."""

from __future__ import annotations

import pytest

from storyline.text import lexicon
from storyline.text.lexicon import MONTHS, ORDINALS, TENS, UNITS, WEEKDAYS, ordinal_suffix


@pytest.mark.parametrize("n, suffix", [
    (1, "st"), (2, "nd"), (3, "rd"), (4, "th"), (11, "th"), (12, "th"), (13, "th"),
    (21, "st"), (22, "nd"), (101, "st"), (111, "th"), (1000, "th"),
])
def test_ordinal_suffix(n, suffix):
    assert ordinal_suffix(n) == suffix


def test_tables_are_consistent():
    assert sorted(UNITS.values()) == list(range(20))
    assert sorted(TENS.values()) == list(range(20, 100, 10))
    assert all(ORDINALS[w] == n for w, n in {"first": 1, "twelfth": 12, "twentieth": 20}.items())
    assert set(MONTHS.values()) == set(range(1, 13)) and MONTHS["sept"] == MONTHS["september"]
    assert sorted(WEEKDAYS.values()) == list(range(7))


@pytest.mark.parametrize("text, folded", [
    ("Twelve people were injured", "12 people were injured"),
    ("the eleventh day", "the 11th day"),
    ("forty homes", "40 homes"),
])
def test_the_cross_check_reads_number_words_from_the_lexicon(text, folded):
    from storyline.crosscheck.text import fold

    assert fold(text) == folded


def test_stop_words_are_spacys_list():
    from spacy.lang.en.stop_words import STOP_WORDS as spacy_words

    assert frozenset(spacy_words) == lexicon.STOP_WORDS


def test_reporting_paths_do_not_import_spacy():
    """``report``, ``serve`` and the library's analysis never annotate: importing them must not
    load spaCy (some 4 s with thinc and torch), only its stop list."""
    import subprocess
    import sys

    code = ("import sys, storyline.api, storyline.report.build, storyline.cli, "
            "storyline.crosscheck.text; print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
