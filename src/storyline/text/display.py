"""Text shortened for display: one rule for every summary, label and title the stages write."""

from __future__ import annotations


def trim(text: str, limit: int) -> str:
    """Whitespace collapsed, cut at a word boundary to at most ``limit`` characters.

    >>> trim("Fire destroys three   warehouses at the fish market", 30)
    'Fire destroys three…'
    """
    t = " ".join(text.split())
    if len(t) <= limit:
        return t
    cut = t[: limit - 1].rsplit(" ", 1)[0]
    return cut + "\u2026"
