"""Quotation marks, apostrophes and dashes: which characters they are, and their ASCII fold.

One inventory for every stage: reuse compares words with typographic marks folded to ASCII, the
report's word diff does the same so a rewrite that only changed quote style shows no change,
quotation detection pairs opening and closing marks, and the name keys and the cross-check's
wording drop apostrophes inside words. Two copies of the fold table once disagreed on "‛", "‟"
and the backtick.
"""

from __future__ import annotations

__all__ = [
    "APOSTROPHES", "DASHES", "DOUBLE_CLOSE", "DOUBLE_EITHER", "DOUBLE_OPEN", "SINGLE_CLOSE",
    "SINGLE_EITHER", "SINGLE_OPEN", "fold_marks",
]

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
DOUBLE_EITHER = '"'
SINGLE_OPEN = "\u2018\u2039"  # ‘ ‹
SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
SINGLE_EITHER = "'"
APOSTROPHES = "'\u2019\u02bc"  # ' ’ ʼ (the modifier letter some keyboards type)
DASHES = "\u2013\u2014\u2212"  # – — − (en dash, em dash, minus)

_ASCII = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'),
    **dict.fromkeys(DASHES, "-"),
})


def fold_marks(text: str) -> str:
    """``text`` with typographic quotation marks, apostrophes, primes and dashes as ASCII
    (“ ” „ « » -> ", ‘ ’ ‚ ′ -> ', – — − -> -); nothing else changes, offsets stay valid."""
    return text.translate(_ASCII)
