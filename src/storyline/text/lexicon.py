"""Closed word lists of English news copy: stop words, number words, ordinals, months, weekdays.

One table for each list. The claims stage parses figures and dates with them, the cross-check
folds "two" / "2" and "eleventh" / "11th" as one wording with them, the stories stage reads
dates with them; none keeps a list of its own.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop list, read from its module file without importing the ``spacy``
    package when it is not loaded yet: importing spaCy (thinc, and torch when installed) takes
    some 4 s, and ``report``, ``serve`` and every other path that never annotates would pay
    it for one word list."""
    if "spacy" in sys.modules:
        from spacy.lang.en.stop_words import STOP_WORDS as words

        return frozenset(words)
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("storyline needs spaCy (pip install spacy)")
    path = Path(next(iter(spec.submodule_search_locations)), "lang", "en", "stop_words.py")
    scope: dict[str, object] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), scope)  # noqa: S102
    return frozenset(scope["STOP_WORDS"])  # type: ignore[call-overload]


# spaCy's English stop list (a packaged, maintained list). It holds negations, numerals and time
# words ("not", "two", "next"): the cross-check keeps those as material (crosscheck.text).
STOP_WORDS: frozenset[str] = _spacy_stop_words()
# For comparing texts word by word (reuse): the stop list plus possessive and contraction pieces
# and the attribution verb every news sentence carries ("said"), which say nothing of reuse.
TEXT_STOP_WORDS: frozenset[str] = STOP_WORDS | {"s", "t", "'s", "said", "says", "say"}

# Cardinal words below twenty, and the tens: "twenty-one" is parsed as 20 + 1.
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}
# Month names and their abbreviations (lower case; a trailing "." is the caller's to strip).
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}


def ordinal_suffix(n: int) -> str:
    """The English suffix of ``n`` as a digit ordinal: 1 -> "st", 11 -> "th", 22 -> "nd"."""
    if 10 < n % 100 < 14:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
