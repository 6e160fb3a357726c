"""Names and outlets folded to one key for comparison.

``name_key`` is the single rule that decides whether two spellings name the same thing *as
written* (not as a transliteration variant: that finer key is
:func:`storyline.claims.aliases.variant_key`, built on this one):

- Unicode compatibility forms and surrounding space normalised (NFKC), a leading article ("the",
  "a", "an") and a trailing possessive ("'s", "s'") dropped, with the punctuation around the name;
- accents stripped (NFKD without combining marks) and case folded;
- apostrophes inside words removed ("O'Brien" = "OBrien"), every other run of punctuation,
  hyphens included, read as one space ("Coastal-Herald" = "Coastal Herald").

Hand-written because the rule must be small, explainable and the same in every stage; a library
normaliser (e.g. ``unidecode``) would also transliterate scripts, which the alias rules of the
claims stage handle explicitly.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from storyline.text.marks import APOSTROPHES

LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)  # "the", "a", "an" before a name
_POSSESSIVE = re.compile(rf"(?:[{APOSTROPHES}]s|s[{APOSTROPHES}]|[{APOSTROPHES}])$")
_EDGE_PUNCT = " ,.;:-–—'\"“”‘’()[]"
_APOSTROPHE = re.compile(rf"[{APOSTROPHES}]")
_NON_WORD = re.compile(r"[^\w]+")


def strip_accents(text: str) -> str:
    """``text`` without combining marks: "Zelenskyj" stays, "Müller" -> "Muller"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def clean_surface(text: str) -> str:
    """A name as written minus surrounding space, a leading article and a trailing possessive:
    "the Korean Central News Agency" -> "Korean Central News Agency", "Putin’s" -> "Putin"."""
    t = " ".join(unicodedata.normalize("NFKC", text).split())
    t = LEADING_ARTICLE.sub("", t)
    return _POSSESSIVE.sub("", t).strip(_EDGE_PUNCT)


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """Case-folded, accent-free words of a name; hyphens and punctuation as spaces; empty when
    nothing of a name is left. A pure function of ``text``, kept for the last 65,536 names
    asked (a corpus names the same people thousands of times; the answer never depends on
    what was asked before).

    >>> name_key("The Coastal-Herald's")
    'coastal herald'
    """
    t = _APOSTROPHE.sub("", strip_accents(clean_surface(text)).casefold())
    return " ".join(_NON_WORD.sub(" ", t).split())


def outlet_key(outlet: str | None) -> str | None:
    """An outlet's key (:func:`name_key`), ``None`` for no outlet: "The Coastal Herald",
    "Coastal  herald" and "Coastal-Herald" are one outlet everywhere."""
    key = name_key(outlet or "")
    return key or None
