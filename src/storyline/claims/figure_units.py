"""Lexicon of figures: currencies, approximators, addition and change markers, identifiers.

Tables, not code: what a reader may want to extend lives here, documented. Approximators are
normalised to the names the cross-check's tolerance model reads (``about``, ``nearly``,
``up_to``, ``more_than``, ``less_than``, ``at_least``, ``at_most``); see
:func:`storyline.crosscheck.compare.figure_interval`.
"""

from __future__ import annotations

from storyline.models import Approximator

__all__ = [
    "APPROXIMATORS", "AFTER_APPROXIMATORS", "CURRENCY_SYMBOLS", "CURRENCY_WORDS", "ISO_CODES",
    "ADDITION_WORDS", "CHANGE_VERBS", "ANAPHORIC_DETERMINERS", "IDENTIFIER_WORDS",
    "LEVEL_VERBS",
]

# phrase before the number (lower case, words separated by one space) -> normalised name.
# Longest phrases are tried first.
APPROXIMATORS: dict[str, Approximator] = {
    "about": "about", "approximately": "about", "approx.": "about", "around": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "ca.": "about", "an approximate": "about", "nearly": "nearly",
    "almost": "nearly", "close to": "nearly", "just under": "nearly", "nigh on": "nearly",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "just over": "more_than",
    "exceeding": "more_than", "well over": "more_than", "greater than": "more_than",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "just below": "less_than", "at least": "at_least",
    "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most",
}
# phrase right after the number: "15,000 or so", "200-odd"
AFTER_APPROXIMATORS: dict[str, Approximator] = {"or so": "about", "-odd": "about", "odd": "about",
                                       "plus": "more_than", "or more": "at_least"}

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD",
    "S$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB", "₹": "INR",
    "₴": "UAH", "₺": "TRY", "₪": "ILS",
}
# currency words after the number (lemma) -> ISO 4217 code
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "won": "KRW",
    "ruble": "RUB", "rouble": "RUB", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "hryvnia": "UAH", "hryvnias": "UAH", "lira": "TRY", "shekel": "ILS",
    "franc": "CHF", "rand": "ZAR", "peso": "MXN",
}
ISO_CODES = frozenset(set(CURRENCY_SYMBOLS.values()) | set(CURRENCY_WORDS.values()) | {
    "CHF", "SEK", "NOK", "DKK", "PLN", "BRL", "SAR", "AED",
})

# before the number: "an additional 30,000", "another 10,000", "a further 5,000", "extra";
# after it: "10,000 more troops"
ADDITION_WORDS = frozenset({"additional", "another", "further", "extra", "more", "new"})
# a figure as the amount of a change: "rose by 5%", "cut 3,000 jobs" is a count, not a change
CHANGE_VERBS = frozenset({
    "rise", "fall", "increase", "decrease", "grow", "drop", "jump", "climb", "decline",
    "surge", "plunge", "slip", "gain", "lose", "shrink", "soar", "tumble", "sink",
})
# verbs whose subject is what a bare figure measures: "the death toll rose to 45"
LEVEL_VERBS = frozenset({
    "rise", "reach", "stand", "climb", "total", "hit", "fall", "drop", "increase", "decrease",
    "be", "number", "top", "exceed", "jump", "grow",
})
ANAPHORIC_DETERMINERS = frozenset({
    "the", "both", "these", "those", "our", "their", "its", "his", "her", "your", "my", "all",
})
# a number right after one of these (or a capitalised noun it depends on) names something:
# "Article 5", "section 3", "Flight 370", "No. 1"
IDENTIFIER_WORDS = frozenset({
    "no", "no.", "number", "#", "article", "section", "chapter", "paragraph", "clause", "page",
    "resolution", "route", "highway", "flight", "room", "level", "phase", "stage", "item",
    "rule", "line", "gate", "channel", "grade", "model", "version", "episode", "season",
    "volume", "vol.", "part", "act", "amendment", "bill", "exhibit", "figure", "table",
})
