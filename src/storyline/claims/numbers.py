"""Number words, digits, scale words, ordinals and fractions as written in English news.

Pure string functions, no spaCy: :func:`parse_cardinal` reads the words of one number phrase
("15,000", "30 000", "1.2 million", "two dozen", "two hundred and fifty", "$1.5bn"),
:func:`parse_ordinal` one ordinal ("third", "3rd", "twenty-first"), :func:`fraction_percent`
a fraction word as a share in percent ("half" -> 50), :func:`is_vague_plural` the vague plurals
("thousands", "tens of thousands") that give an order of magnitude and no figure.

Hand-written rather than a library: the grammar of English number words is small and closed
(a few dozen words composed additively below a scale word and multiplicatively by it, the
classic "words to numbers" algorithm), and the libraries that do it (``word2number``,
``text2num``) either raise on the mixed digit/word forms of news ("1.2 million", "30 000") or
pull in a language model; here each phrase is already delimited by the dependency parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.text.lexicon import ORDINALS, TENS, UNITS

__all__ = [
    "SCALES", "UNITS", "TENS", "ORDINALS", "FRACTIONS", "VAGUE_PLURALS",
    "parse_cardinal", "parse_ordinal", "fraction_percent", "is_number_word", "is_vague_plural",
]

# multiplicative words; "dozen" and "score" multiply what precedes them like a scale word
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "mn": 1e6, "mln": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
    "dozen": 12,
}
# abbreviations only count as scale words right after digits ("$1.5bn", "3m"), never alone
_ABBREVIATED_SCALES = {"k", "mn", "mln", "m", "bn", "b", "tn", "trn"}


# a fraction word as a share in percent: "half of Russia's ammunition" is 50 percent of it
FRACTIONS: dict[str, float] = {
    "half": 50.0, "halves": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0,
    "quarters": 25.0, "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0,
}

VAGUE_PLURALS = frozenset({
    "dozens", "scores", "hundreds", "thousands", "millions", "billions", "trillions",
    "tens",
})

_DIGITS = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(r"^(\d+(?:\.\d+)?)(k|mn|mln|m|bn|b|tn|trn)$", re.I)
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.I)
_THIN_GROUP = re.compile(r"^\d{3}$")


def _word_value(word: str) -> float | None:
    w = word.lower().replace("\u2212", "-")
    if _DIGITS.match(w):
        return float(w.replace(",", ""))
    if w in UNITS:
        return float(UNITS[w])
    if w in TENS:
        return float(TENS[w])
    if "-" in w:  # "twenty-five"
        left, _, right = w.partition("-")
        if left in TENS and right in UNITS and 0 < UNITS[right] < 10:
            return float(TENS[left] + UNITS[right])
    return None


def is_number_word(word: str) -> bool:
    """True for a word that can be part of a cardinal phrase (digits, number and scale words)."""
    w = word.lower()
    return (
        _word_value(w) is not None
        or (w in SCALES and w not in _ABBREVIATED_SCALES)
        or bool(_DIGITS_SCALE.match(w))
    )


def parse_cardinal(words: Sequence[str]) -> float | None:
    """The value of a cardinal phrase given as its words, or ``None`` when it is not one.

    >>> parse_cardinal(["1.2", "million"])
    1200000.0
    >>> parse_cardinal(["two", "hundred", "and", "fifty"])
    250.0
    >>> parse_cardinal(["30", "000"])
    30000.0
    >>> parse_cardinal(["a", "dozen"])
    12.0
    """
    raw = [w.lower() for w in words if w and w != "-"]
    for a, b in zip(raw, raw[1:], strict=False):
        if b == "and" and a not in ("hundred", "thousand", "million", "billion"):
            return None  # "six and eight": a coordination, not one number
    ws = [w.rstrip(".") if w.rstrip(".") in SCALES else w for w in raw if w != "and"]
    if not ws:
        return None
    # "30 000": groups of three digits after a leading group, written with thin spaces
    if len(ws) > 1 and all(_THIN_GROUP.match(w) for w in ws[1:]) and re.match(r"^\d{1,3}$", ws[0]):
        return float("".join(ws))
    if any(_DIGITS.match(a) and _DIGITS.match(b) for a, b in zip(ws, ws[1:], strict=False)):
        return None  # "0845 125 2222": digit groups side by side are a code, not a sum
    if ws[0] in ("a", "an", "one") and len(ws) > 1 and ws[1] in SCALES:
        ws = ["1", *ws[1:]]
    total = 0.0  # finished groups ("two million" once "three hundred" follows)
    current: float | None = None  # the group being built
    seen_scale = False
    for i, w in enumerate(ws):
        m = _DIGITS_SCALE.match(w)
        if m:
            val = float(m.group(1)) * SCALES[m.group(2).lower()]
            current = (current or 0.0) + val
            seen_scale = True
            continue
        v = _word_value(w)
        if v is not None:
            current = (current or 0.0) + v
            continue
        if w in SCALES and (w not in _ABBREVIATED_SCALES or i > 0):
            scale = SCALES[w]
            base = current if current is not None else (0.0 if total else None)
            if base is None:
                return None
            if scale >= 1000:
                total += base * scale
                current = None
            else:  # hundred, dozen: multiply the current group only
                current = base * scale
            seen_scale = True
            continue
        return None
    if current is None and not seen_scale:
        return None
    return total + (current or 0.0)


def parse_ordinal(word: str) -> int | None:
    """The value of an ordinal word ("third" 3, "21st" 21, "twenty-first" 21), else ``None``."""
    w = word.lower()
    if w in ORDINALS:
        return ORDINALS[w]
    m = _ORDINAL_DIGITS.match(w)
    if m:
        return int(m.group(1))
    if "-" in w:
        left, _, right = w.partition("-")
        if left in TENS and right in ORDINALS and ORDINALS[right] < 10:
            return TENS[left] + ORDINALS[right]
    return None


def fraction_percent(words: Sequence[str]) -> float | None:
    """A fraction phrase as a share in percent: "half" 50, "two-thirds" 66.67, "a quarter" 25."""
    ws = [w.lower() for w in words if w.lower() not in ("a", "an", "one")]
    if len(ws) == 1 and "-" in ws[0]:
        ws = ws[0].split("-")
    if len(ws) == 1 and ws[0] in ("half", "third", "quarter", "fifth", "tenth"):
        return round(FRACTIONS[ws[0]], 2)
    if len(ws) == 2 and ws[1] in FRACTIONS:
        n = _word_value(ws[0])
        if n is not None and 0 < n < 10:
            return round(n * FRACTIONS[ws[1]], 2)
    return None


def is_vague_plural(word: str) -> bool:
    """A plural scale word read as an order of magnitude ("thousands of", "dozens of")."""
    return word.lower() in VAGUE_PLURALS
