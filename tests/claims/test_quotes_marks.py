"""Quotation-mark pairing on raw text (no parse needed): apostrophes, nesting, continuation,
unbalanced marks, typewriter and tokenised styles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.claims.quote_marks import find_quote_spans


def quoted(text: str, **kw) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # straight and curly, double and single
        ('He said "we will win" on Monday.', ["we will win"]),
        ("He said “we will win” on Monday.", ["we will win"]),
        ("He hailed the 'heroic participation' of the troops.", ["heroic participation"]),
        ("He hailed the ‘heroic participation’ of the troops.", ["heroic participation"]),
        # apostrophes are not quote marks
        ("Russia's army and Russia’s navy met the people’s hopes.", []),
        ("It peaked in the ’90s and again in the '90s, at 5 o'clock.", []),
        ("Rock 'n' roll never died, the players' union said.", []),
        ("Putin’s message praised the ‘unbreakable friendship’ of Russia’s ally.",
         ["unbreakable friendship"]),
        # nested: the inner quotation is part of the outer one
        ("\"He told me 'never again' twice,\" she said.", ["He told me 'never again' twice"]),
        ("‘He said “no” to me’, she said.", ["He said “no” to me"]),
        # a quotation of several sentences, and one cut by the sentence splitter's full stop
        ('"We are ready. We will not retreat," Zelensky said.',
         ["We are ready. We will not retreat"]),
        # paragraph continuation: the quote reopens on the next paragraph without closing
        ("“The fire destroyed three blocks.\n“We will rebuild every home,” she said.",
         ["The fire destroyed three blocks.", "We will rebuild every home"]),
        # unbalanced opening mark: dropped, the next pair still found
        ('It was a "temporary setback. Shares fell.\nAnalysts said "no" to the plan.', ["no"]),
        # tokenised text (ECB+ style): a space before the closing mark
        ('Patrick said: "If it\'s true, it\'ll be interesting. "\nHe then left.',
         ["If it's true, it'll be interesting."]),
        # straight marks glued to the next word alternate along the line
        ('"Nobody has the right to murder, "Papandreou said as he condemned"a raw act".',
         ["Nobody has the right to murder", "a raw act"]),
        # typewriter '' closing mark
        ("\"Hide, she's got a gun! '' Vanore said.", ["Hide, she's got a gun!"]),
        # mixed curly opening and straight closing mark
        ('“ They drive reckless around here, " a bystander told CBS.',
         ["They drive reckless around here"]),
    ],
)
def test_quote_spans(text, expected):
    assert quoted(text) == expected


def test_unbalanced_mark_does_not_swallow_the_article():
    text = 'The minister called it "a temporary setback.\n' + "Shares fell.\n" * 50
    assert quoted(text) == []


def test_long_open_quote_is_bounded_by_settings():
    text = '"' + "word " * 100 + '" he said.'
    assert quoted(text, max_chars=100) == []
    assert len(quoted(text, max_chars=2000)) == 1


def test_spans_are_exact_offsets_and_chained():
    text = "“First paragraph.\n“Second paragraph,” she said."
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["First paragraph.", "Second paragraph"]
    assert spans[0].chain == spans[1].chain == 0
    assert spans[0].close_mark is None and text[spans[1].close_mark] == "”"


_ALPHABET = st.sampled_from(list("ab .,\n'\"“”‘’") + ["Russia’s", "said", "''"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_are_well_formed_on_any_text(text):
    spans = find_quote_spans(text, max_chars=60, max_line_breaks=2, single_max_chars=40)
    prev_end = -1
    for q in spans:
        assert 0 <= q.open_mark < q.start < q.end <= len(text)
        assert text[q.open_mark] in "\"“”„«»'‘’‹›`"
        words = text[q.start : q.end]
        assert words == words.strip() and any(c.isalnum() for c in words)
        assert q.start > prev_end  # sorted, no overlaps
        prev_end = q.end
        if q.close_mark is not None:
            assert q.end <= q.close_mark and q.close_mark - q.open_mark <= 60


def test_thousands_of_quotations_in_one_text():
    """Every passage of a text with 4,000 quotations, double and single, nested singles dropped
    (pairing is linear: each closer looked up once, nesting checked against the last kept)."""
    parts = []
    for i in range(2000):
        parts.append(f"“Quote number {i} has ‘inner {i}’ words,” she said.")
        parts.append(f"He replied ‘single {i} here’ and left.")
    text = " ".join(parts)
    spans = find_quote_spans(text)
    words = [text[q.start:q.end] for q in spans]
    assert len(spans) == 4000
    assert words[0] == "Quote number 0 has ‘inner 0’ words"
    assert words[-1] == "single 1999 here"
