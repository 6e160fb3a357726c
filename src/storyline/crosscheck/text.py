"""Normalisation of names and wording used to compare claims.

Two renderings of one quote differ in quote marks ("’" vs "'"), case, hyphens and punctuation;
none of that is a misquote, so wording is compared on :func:`words` (case-folded, punctuation and
quote marks removed, an ellipsis kept as a gap marker). Names go through :func:`name_key` and an
alias map built from the claims stage's :class:`~storyline.models.Entity` records, so "CTAK",
"KCNA" and "Korean Central News Agency" compare equal when entity resolution says so.

Hand-written rather than a library: the rules are a few lines and must be exactly those the
verdicts are documented with (a normaliser that also stems or transliterates would hide changes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from storyline.models import Entity
from storyline.text import keys as text_keys
from storyline.text.lexicon import ORDINALS, STOP_WORDS, TENS, UNITS, ordinal_suffix
from storyline.text.marks import APOSTROPHES as _APOS

GAP = "\u2026"  # marker token for an elision ("...", "…") inside a quote

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|\u2026|\[\s*\.\.\.\s*\]")
_POSSESSIVE = re.compile(rf"(?<=\w)[{_APOS}]s\b", re.IGNORECASE)
_APOSTROPHE = re.compile(rf"(?<=\w)[{_APOS}](?=\w)")
_NON_WORD = re.compile(r"[^\w\u2026]+")


# Reporting style, not wording: "I ’ m" (tokenised copy), "aren't" / "are not", "6:00 p.m." /
# "6 p.m.", "eleventh" / "11th", "two" / "2", "okay" / "OK". Each rule was found on ECB+ dev,
# where two outlets ran one quotation in these two styles and plain comparison called it a
# misquote.
_SPACED_APOSTROPHE = re.compile(rf"(?<=\w) +([{_APOS}]) *(?=(?:s|m|t|re|ve|ll|d)\b)",
                                re.IGNORECASE)
_CONTRACTION = re.compile(
    rf"(?i)\b(?P<can>can)[{_APOS}]?t\b|\b(?P<wont>won)[{_APOS}]t\b|(?<=\w)(?P<nt>n)[{_APOS}]t\b"
    rf"|(?<=\w)[{_APOS}](?P<verb>m|re|ve|ll)\b")
_EXPANDED = {"m": " am", "re": " are", "ve": " have", "ll": " will"}


def _expand(m: re.Match[str]) -> str:
    """"can't" -> "can not", "won't" -> "will not", "n't" -> " not", "'m" -> " am", "'re",
    "'ve", "'ll": one pass over the text for all of them."""
    if m["can"]:
        return m["can"] + " not"
    if m["wont"]:
        return "will not"
    if m["nt"]:
        return " not"
    return _EXPANDED[m["verb"].lower()]


_ON_THE_HOUR = re.compile(r"\b(\d{1,2})[:.]00\b")
_WORD_FORMS = {w: str(n) for w, n in (*UNITS.items(), *TENS.items())}
_WORD_FORMS.update({w: f"{n}{ordinal_suffix(n)}" for w, n in ORDINALS.items()})
_WORD_FORMS["okay"] = "ok"  # "OK" / "okay": one word in two spellings
_HAS_APOSTROPHE = re.compile(f"[{_APOS}]")
_CANT = re.compile(r"(?i)\bcant\b")


def fold(text: str) -> str:
    """NFKC, case-folded, apostrophes inside words dropped, other punctuation to spaces; the
    reporting-style rules above (contractions expanded, number words as digits, "6:00" as
    "6").

    Each rule runs only on text that holds the character it needs (an apostrophe, "00", three
    dots, an ellipsis): most sentences hold none, and the cross-check and the report fold every
    claim several times, so the skipped regex passes are most of the cost."""
    t = unicodedata.normalize("NFKC", text)
    if _HAS_APOSTROPHE.search(t):
        t = _CONTRACTION.sub(_expand, _SPACED_APOSTROPHE.sub(r"\1", t))
    elif _CANT.search(t):  # "cant": the one contraction written without an apostrophe
        t = _CONTRACTION.sub(_expand, t)
    if "00" in t:
        t = _ON_THE_HOUR.sub(r"\1", t)
    if "\u2026" in t or "[" in t or t.count(".") >= 3:
        t = _ELLIPSIS.sub(f" {GAP} ", t)
    if _HAS_APOSTROPHE.search(t):
        t = _POSSESSIVE.sub(" ", t)  # "Putin's" -> "Putin": the name stays findable
        t = _APOSTROPHE.sub("", t)  # "can't" -> "cant"
    t = _NON_WORD.sub(" ", t.casefold())
    return " ".join(_WORD_FORMS.get(w, w) for w in t.split())


def words(text: str) -> list[str]:
    """The words of ``text`` as compared for wording (see :func:`fold`)."""
    return fold(text).split()


def is_content(word: str) -> bool:
    return word != GAP and word not in STOP_WORDS and not (len(word) == 1 and word.isalpha())


# Function words that change what a quote says when swapped: negation, quantifiers, numerals and
# time deixis ("this year" / "next year", "every pier" / "the pier", "will not" / "will"). spaCy's
# stop list holds them all, so without this set such edits would pass as wording noise.
MATERIAL_FUNCTION_WORDS = frozenset("""
not no never none nothing nobody neither nor nowhere cannot
all every each any both either few many much more most less least only several
one two three four five six seven eight nine ten eleven twelve fifteen twenty forty fifty sixty
hundred first last next previous before after always already again yet still
""".split())


def is_material(word: str) -> bool:
    """A word whose change in a quote is a change of content: a content word, or one of
    :data:`MATERIAL_FUNCTION_WORDS`."""
    return is_content(word) or word in MATERIAL_FUNCTION_WORDS


def content_words(text: str) -> set[str]:
    """Content words with a crude plural fold ("troops" -> "troop"), for overlap measures."""
    out = set()
    for w in words(text):
        if is_content(w):
            out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def alias_map(entities: Sequence[Entity]) -> dict[str, str]:
    """Folded name or alias -> entity id; a form claimed by two entities is left out (ambiguous)."""
    seen: dict[str, set[str]] = {}
    for ent in entities:
        for form in (ent.name, *ent.aliases):
            key = text_keys.name_key(form)
            if key:
                seen.setdefault(key, set()).add(ent.id)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def name_key(name: str | None, entity_id: str | None, aliases: Mapping[str, str]) -> str | None:
    """One key per real-world name: ``e:<entity id>`` when known, else ``s:<folded name>``."""
    if entity_id:
        return "e:" + entity_id
    if not name:
        return None
    key = text_keys.name_key(name)
    if not key:
        return None
    if key in aliases:
        return "e:" + aliases[key]
    return "s:" + key


def head_noun(phrase: str) -> str:
    """The head of a simple English noun phrase: the word before the first "of"/"in"/"on"/"against"
    ("war in Ukraine" -> "war"), else the last word ("special military operation" -> "operation")."""
    ws = [w for w in fold(phrase).split() if w != GAP]
    for i, w in enumerate(ws):
        if w in ("of", "in", "on", "against", "with", "between", "over") and i > 0:
            return _singular(ws[i - 1])
    return _singular(ws[-1]) if ws else ""


def _singular(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def forms_of(key: str | None, entities_by_id: Mapping[str, Entity], raw: str | None) -> list[str]:
    """Every surface form known for a name key (the entity's name and aliases, or the raw name)."""
    if key and key.startswith("e:") and key[2:] in entities_by_id:
        ent = entities_by_id[key[2:]]
        return [ent.name, *ent.aliases]
    return [raw] if raw else []


def overlap_coefficient(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
