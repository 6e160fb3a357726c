"""Name variants: folding, titles, acronyms defined in the text, and transliterated acronyms.

The pieces entity resolution (:mod:`storyline.claims.entities`) is built from, each a pure
function of strings or of one :class:`~storyline.models.Document`:

- :func:`display_name` strips what is not part of a name ("the", a possessive "'s"/"’s", a title
  such as "Russian President" or "Governor"); :func:`variant_key` folds spelling variants to one
  key: case, diacritics, hyphens and spaces ("Kim Jong Un" = "Kim Jong-un" = "Kim Jongun"),
  doubled letters and the "-iy"/"-yy" endings of Slavic transliterations ("Zelenskiy" =
  "Zelenskyy" = "Zelensky"). Keys are compared whole, never fuzzily: "Kim Jong Un" and
  "Kim Jong Il" differ by one syllable and are two people.
- :func:`find_acronym_definitions` finds "long form (ACRONYM)" and "ACRONYM (long form)" with the
  algorithm of Schwartz & Hearst (2003, "A simple algorithm for identifying abbreviation
  definitions in biomedical text", PSB): the acronym's letters are matched right to left inside
  the preceding words, the first letter at a word start, within ``min(|A| + 5, 2|A|)`` words.
  When the letters do not match (a foreign acronym: "special military operation (SVO)" is the
  Russian СВО), the long form is the named-entity mention ending right before the bracket, else
  the last ``|A|`` words of the noun phrase before it (a calque keeps one word per letter).
- :func:`latin_renderings` / :func:`cyrillic_readings` / :func:`translit_equivalent`: Cyrillic
  acronyms written in Latin letters by rewrites of Russian sources do not follow one standard
  (ЦТАК -> CTAK or TSTAK, СВО -> SVO or SWO). Each Cyrillic letter has a small set of Latin
  renderings (GOST 7.79, BGN/PCGN, ISO 9 and the German/Polish spellings: В -> V/W,
  Ц -> TS/C/TZ/Z, Х -> KH/H/CH, ...); two Latin acronyms are equivalent when they can be read as
  the same Cyrillic acronym.

Hand-written: the rules are short, must be explainable to a fact-checker ("merged because CTAK is
a Latin spelling of ЦТАК"), and no library covers transliterated acronyms; name matching libraries
(fuzzy ratios) merge exactly the near-identical names that must stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from storyline.models import Document, Mention
from storyline.text.keys import LEADING_ARTICLE, clean_surface, name_key

# Words that precede a person's name as a title or role ("Russian President Vladimir Putin",
# "North Korean leader Kim Jong Un", "Governor Alexander Khinstin").
TITLE_WORDS = frozenset({
    "president", "vice", "prime", "minister", "premier", "chancellor", "leader", "governor",
    "mayor", "secretary", "general", "chairman", "chairwoman", "chair", "chief", "commander",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "senator",
    "sen", "rep", "representative", "congressman", "congresswoman", "lawmaker", "king", "queen",
    "prince", "princess", "sheikh", "emir", "pope", "cardinal", "bishop", "rev", "reverend",
    "archbishop", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord",
    "lady", "judge", "justice", "officer", "gen", "col", "lt", "capt", "sgt", "adm", "admiral",
    "marshal", "colonel", "lieutenant", "captain", "sergeant", "major", "director", "ceo",
    "founder", "deputy", "foreign", "defense", "defence", "interior", "finance", "state", "first",
    "supreme", "former", "late", "acting", "head",
})
TITLE_ABBREVIATIONS: dict[str, str] = {
    "gen": "general", "sen": "senator", "rep": "representative", "gov": "governor",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant", "adm": "admiral",
    "maj": "major", "cmdr": "commander", "dr": "doctor", "prof": "professor", "atty": "attorney",
    "supt": "superintendent", "rev": "reverend", "amb": "ambassador", "sec": "secretary",
    "det": "detective", "insp": "inspector", "pres": "president",
}
"""Abbreviated titles ("Gen. Barry McCaffrey") and the role noun each stands for ("general")."""
FUNCTION_WORDS = frozenset({
    "of", "the", "and", "for", "de", "del", "der", "des", "la", "le", "du", "von", "van", "on",
    "in", "at", "to", "&",
})
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9&]{1,9}$")

# Cyrillic letter -> Latin renderings found in English-language rewrites of Russian sources.
CYRILLIC_TO_LATIN: dict[str, tuple[str, ...]] = {
    "А": ("A",), "Б": ("B",), "В": ("V", "W"), "Г": ("G", "H"), "Д": ("D",), "Е": ("E", "YE"),
    "Ё": ("E", "YO"), "Ж": ("ZH", "J", "Z"), "З": ("Z",), "И": ("I",), "Й": ("Y", "I", "J"),
    "К": ("K", "C"), "Л": ("L",), "М": ("M",), "Н": ("N",), "О": ("O",), "П": ("P",),
    "Р": ("R",), "С": ("S", "C"), "Т": ("T",), "У": ("U",), "Ф": ("F",),
    "Х": ("KH", "H", "CH"), "Ц": ("TS", "C", "TZ", "Z"), "Ч": ("CH", "C"),
    "Ш": ("SH", "S"), "Щ": ("SHCH", "SCH", "S"), "Ы": ("Y",), "Э": ("E",), "Ю": ("YU", "JU"),
    "Я": ("YA", "JA"), "І": ("I",), "Ї": ("YI", "I"), "Є": ("YE", "IE"), "Ґ": ("G",),
    "Ў": ("U", "W"),
}


def strip_title(name: str) -> str:
    """Drop a leading title or role phrase from a person's name ("Russian President Vladimir
    Putin" -> "Vladimir Putin"); a name that is only title words is returned as it was."""
    words = name.split()
    last_title = -1
    for i, w in enumerate(words[:-1]):
        if w.lower().strip(".") in TITLE_WORDS:
            last_title = i
    rest = words[last_title + 1:]
    if last_title >= 0 and rest and all(w[:1].isupper() for w in rest):
        return " ".join(rest)
    return name


def display_name(text: str, person: bool = False) -> str:
    """The form of a name shown as an alias (cleaned; titles dropped for persons)."""
    t = clean_surface(text)
    return strip_title(t) if person else t


def _skeleton(word: str) -> str:
    w = re.sub(r"(.)\1+", r"\1", word)
    return re.sub(r"(?:iy|yi|ij|ii|yj)$", "y", w) if len(w) > 4 else w


@lru_cache(maxsize=1 << 16)
def variant_key(text: str) -> str:
    """One key for the spelling variants of a name: "Kim Jong-un", "Kim Jong Un", "KIM JONG UN"
    -> "kimjongun"; "Zelenskiy" -> "zelensky". Acronyms are kept letter for letter ("AAP" is not
    "AP"). Empty when nothing of a name is left. Kept for the last 65,536 names, like
    :func:`~storyline.text.keys.name_key` (a pure function of ``text``)."""
    if is_acronym(clean_surface(text)):
        return "".join(name_key(text).split())
    return "".join(_skeleton(w) for w in name_key(text).split())


def name_tokens(text: str) -> list[str]:
    """The folded words of a name, hyphenated parts split ("Jong-un" -> "jong", "un")."""
    return [_skeleton(w) for w in name_key(text).split()]


def is_acronym(text: str) -> bool:
    """An all-capital token of 2-10 Latin or Cyrillic letters/digits with at least two letters
    ("KCNA", "ЦТАК", "B2B"; not "G20": one letter and a number is a label, not an acronym)."""
    t = text.strip()
    return bool(_ACRONYM.match(t)) and sum(c.isalpha() for c in t) >= 2


def initials(long_form: str, keep_function_words: bool = False) -> str:
    """Upper-case first letters of the words of ``long_form`` (function words skipped unless
    asked; hyphenated words give one letter per part: "Agence France-Presse" -> "AFP")."""
    out = []
    for w in re.split(r"[\s\-–]+", long_form):
        w = w.strip("()'’\",.")
        if not w or (not keep_function_words and w.lower() in FUNCTION_WORDS):
            continue
        if w[0].isalpha():
            out.append(w[0].upper())
    return "".join(out)


# ----------------------------------------------------------------------- transliteration


def latin_renderings(cyrillic: str, limit: int = 256) -> frozenset[str]:
    """Every Latin spelling of a Cyrillic acronym ("ЦТАК" -> {"CTAK", "TSTAK", ...})."""
    options = []
    for ch in cyrillic.upper():
        if ch in CYRILLIC_TO_LATIN:
            options.append(CYRILLIC_TO_LATIN[ch])
        elif ch.isascii():
            options.append((ch,))
        else:
            return frozenset()
    out: set[str] = set()
    for combo in product(*options):
        out.add("".join(combo))
        if len(out) >= limit:
            break
    return frozenset(out)


@lru_cache(maxsize=1)
def _latin_to_cyrillic() -> dict[str, tuple[str, ...]]:
    rev: dict[str, list[str]] = {}
    for cyr, lats in CYRILLIC_TO_LATIN.items():
        for lat in lats:
            rev.setdefault(lat, []).append(cyr)
    return {k: tuple(sorted(v)) for k, v in rev.items()}


@lru_cache(maxsize=4096)
def cyrillic_readings(latin: str, limit: int = 512) -> frozenset[str]:
    """Every Cyrillic acronym a Latin acronym can be a spelling of ("SWO" -> {"СВО", ...})."""
    lat = latin.upper()
    table = _latin_to_cyrillic()
    longest = max(len(k) for k in table)
    # readings[i] = Cyrillic strings spelling lat[:i]
    readings: list[set[str]] = [set() for _ in range(len(lat) + 1)]
    readings[0].add("")
    for i in range(len(lat)):
        if not readings[i]:
            continue
        for n in range(1, longest + 1):
            piece = lat[i:i + n]
            if len(piece) < n or piece not in table:
                continue
            for prefix in readings[i]:
                for cyr in table[piece]:
                    if len(readings[i + n]) < limit:
                        readings[i + n].add(prefix + cyr)
    return frozenset(readings[len(lat)])


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def translit_equivalent(a: str, b: str) -> bool:
    """Whether two acronyms can be spellings of one Cyrillic acronym ("SVO" ~ "SWO",
    "CTAK" ~ "ЦТАК"); identical acronyms are equivalent, different lengths rarely are."""
    a, b = a.upper(), b.upper()
    if a == b:
        return True
    if _is_cyrillic(a) and _is_cyrillic(b):
        return False
    if _is_cyrillic(a):
        return b in latin_renderings(a)
    if _is_cyrillic(b):
        return a in latin_renderings(b)
    return bool(cyrillic_readings(a) & cyrillic_readings(b))


# ----------------------------------------------------------------------- definitions in text


@dataclass(frozen=True, slots=True)
class AcronymDef:
    """An acronym defined in the text, with its long form as written."""

    acronym: str
    long_form: str
    long_span: tuple[int, int]
    acronym_span: tuple[int, int]
    letters_match: bool  # the acronym spells the long form's initials (Schwartz & Hearst)


def schwartz_hearst(acronym: str, words: list[str]) -> int | None:
    """Index of the first word of the shortest suffix of ``words`` whose letters spell
    ``acronym`` (Schwartz & Hearst 2003): each letter found right to left, the first one at the
    start of a word. ``None`` when no suffix does."""
    short = [c.lower() for c in acronym if c.isalnum()]
    text = " ".join(words).lower()
    s_idx, l_idx = len(short) - 1, len(text) - 1
    while s_idx >= 0:
        c = short[s_idx]
        if not c.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (text[l_idx] != c or (s_idx == 0 and l_idx > 0
                                                    and text[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    start_char = text.rfind(" ", 0, l_idx + 1) + 1
    return len(text[:start_char].split())


_NP_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def find_acronym_definitions(doc: Document) -> list[AcronymDef]:
    """"Long form (ACR)" and "ACR (long form)" definitions of ``doc``, in text order."""
    text, toks = doc.text, tuple(doc.annotation.tokens)  # records made once (models.Tokens)
    mentions = doc.annotation.mentions
    ends = {m.end: m for m in mentions}
    out: list[AcronymDef] = []
    for i in range(1, len(toks) - 2):
        if text[toks[i].start:toks[i].end] != "(" or text[toks[i + 2].start:toks[i + 2].end] != ")":
            continue
        inner = toks[i + 1]
        inner_text = text[inner.start:inner.end]
        if is_acronym(inner_text):
            d = _long_form_before(doc, i, inner_text, ends)
            if d is not None:
                out.append(AcronymDef(inner_text, d[2], (d[0], d[1]), (inner.start, inner.end),
                                      d[3]))
    # "ACR (long form)": the long form spells the acronym
    for m in re.finditer(r"\b([A-Z][A-Z0-9&]{1,9})\s*\(([A-Z][\w'’ .&-]{3,80})\)", text):
        acr, long = m.group(1), m.group(2)
        words = long.split()
        if len(words) >= 2 and schwartz_hearst(acr, words) == 0:
            out.append(AcronymDef(acr, long, m.span(2), m.span(1), True))
    out.sort(key=lambda d: d.acronym_span)
    return out


def _long_form_before(doc: Document, paren: int, acr: str, ends: dict[int, Mention]
                      ) -> tuple[int, int, str, bool] | None:
    text, toks = doc.text, tuple(doc.annotation.tokens)  # records made once (models.Tokens)
    j = paren - 1
    run: list[int] = []  # token indexes of the noun phrase before "(" (right to left)
    while j >= 0 and len(run) < 12:
        t = toks[j]
        word = text[t.start:t.end]
        if t.pos in _NP_POS or (word in ("of", "and", "for", "&", "-") and run):
            run.append(j)
            j -= 1
            continue
        break
    while run and text[toks[run[-1]].start:toks[run[-1]].end] in ("of", "and", "for", "&", "-"):
        run.pop()
    if not run:
        return None
    run.reverse()
    words = [text[toks[k].start:toks[k].end] for k in run]
    window = min(len(acr) + 5, 2 * len(acr))
    first = schwartz_hearst(acr, words[-window:])
    if first is not None:
        k0 = run[len(words) - len(words[-window:]) + first]
        start, end = toks[k0].start, toks[run[-1]].end
        return start, end, text[start:end], True
    # a foreign acronym: the mention ending at the bracket, else one word per letter
    last_end = toks[run[-1]].end
    m = ends.get(last_end)
    if m is not None:
        if m.label in ("GPE", "LOC", "DATE", "TIME", "CARDINAL") or is_acronym(m.text):
            return None  # "SEOUL (AP)" is a dateline, not a definition
        start = m.start
        surface = text[start:last_end]
        lead = LEADING_ARTICLE.match(surface)
        if lead:
            start += lead.end()
        return start, last_end, text[start:last_end], False
    content = [k for k in run if toks[k].pos in _NP_POS]
    if len(content) < max(2, len(acr) - 1) or toks[run[-1]].pos not in ("NOUN", "PROPN"):
        return None
    take = content[-len(acr):]
    start = toks[take[0]].start
    return start, last_end, text[start:last_end], False
