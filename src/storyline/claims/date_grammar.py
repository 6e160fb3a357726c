"""Finding date expressions in news text: explicit, partial and relative, with their traps.

A small regular grammar over the raw text (the TIMEX2/TimeML families of expressions: absolute
"December 25, 2025", "25 December", "2025-12-25"; partial "Dec 27", "June 2024", "in 2014";
relative "last month", "on Saturday", "three days ago", "last summer"), each match then checked
against the parse so that the traps fall away: "may" the verb and "protesters march" are not
months (a month name must be a noun, capitalised, and a bare "May"/"March" needs a date
preposition before it), "Sunday Times" is not a date (a weekday inside an ORG/WORK_OF_ART
mention or compounded into a following name is dropped), "today's alliance" is not a date.

Written by hand rather than with ``dateparser.search_dates``: that function returns no
character offsets, reads the modal "may" as the month, and fills a missing year from the
current clock, which would invent years; here every expression keeps its span and its
unknown parts stay unknown (resolution is in :mod:`storyline.claims.dates`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.models import Document, Token
from storyline.text.lexicon import MONTHS, UNITS, WEEKDAYS

__all__ = ["DateExpression", "find_date_expressions", "in_url_line", "MONTHS", "WEEKDAYS"]

_MON = (r"(?P<mon>January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_MON_UP = _MON.replace("(?P<mon>", "(?P<mon>(?i:JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|"
                       "SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)|", 1)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d|21\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = (r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
         r"a few|several|a couple of|a)")
_UNIT = r"(?P<unit>day|week|month|year|summer|winter|spring|autumn|fall|weekend)"

# (kind, compiled pattern); tried in this order, earlier matches win overlaps
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("iso", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("ymd", r"\b(?P<year>\d{4})/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)\b"),
    ("numeric",
     r"(?<![\d/])(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year>(?:1[6-9]|2[01])\d\d)\b"),
    ("mdy", rf"\b{_MON_UP}(?<=\.)\s*{_DAY}\b(?:(?:,\s*|\s+){_YEAR}\b)?"),
    ("mdy", rf"\b{_MON_UP}\s+{_DAY}\b(?:(?:,\s*|\s+){_YEAR}\b)?"),
    ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}\b)?"),
    ("my", rf"\b{_MON},?\s+{_YEAR}\b"),
    ("ago", rf"\b{_NUMW}\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("rel_wd", rf"\b(?P<rel>last|next|this|past)\s+{_WD}\b"),
    ("rel", rf"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this)\s+{_UNIT}\b"),
    ("deictic", r"\b(?P<deictic>[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)\b"),
    ("wd", rf"\b{_WD}\b"),
    ("month", rf"\b{_MON}\b"),
    ("year", rf"\b{_YEAR}\b"),
))

# words before a bare month or year that make it a date ("in June", "since 2014")
DATE_PREPS = frozenset({
    "in", "since", "by", "until", "till", "from", "during", "early", "late", "mid", "last",
    "next", "this", "of", "through", "throughout", "before", "after", "to", "between", "and",
    "on", "around", "circa", "for", "as",
})
_BLOCKING_LABELS = frozenset({"ORG", "WORK_OF_ART", "PERSON", "FAC", "EVENT", "PRODUCT", "LAW"})
_QUALIFIERS = ("early ", "late ", "mid-", "the end of ", "the start of ")


@dataclass(frozen=True, slots=True)
class DateExpression:
    """One date expression as written. Parts the text does not give are ``None``; ``relative``
    names a relative form ("last:month", "ago:day:3", "weekday:5", "deictic:-1", ...)."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None
    qualifier: str | None = None  # "early" | "late" | "mid" before a month or year


def find_date_expressions(doc: Document) -> list[DateExpression]:
    """Every date expression of ``doc`` (sorted, non-overlapping), traps removed."""
    text = doc.text
    toks = tuple(doc.annotation.tokens)  # records made once (models.Tokens)
    starts = {t.start: i for i, t in enumerate(toks)}
    taken: list[tuple[int, int]] = []
    found: list[DateExpression] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < b and a < e for a, b in taken):
                continue
            expr = _build(kind, m, text)
            if expr is None or not _plausible(kind, m, doc, toks, starts):
                continue
            taken.append((s, e))
            found.append(expr)
    found.sort(key=lambda d: (d.start, d.end))
    return found


def _num(word: str) -> int:
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in UNITS:
        return UNITS[w]
    return {"a": 1, "a couple of": 2}.get(w, 0)  # "a few", "several": 0 = not a definite count


def _build(kind: str, m: re.Match[str], text: str) -> DateExpression | None:
    g = m.groupdict()
    s, e = m.span()
    surface = text[s:e]
    year = int(g["year"]) if g.get("year") else None
    month = MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else None
    day = int(g["day"]) if g.get("day") else None
    if kind in ("iso", "ymd"):
        month = int(g["month"])
    if kind == "numeric":
        # "11/28/2005" (US) or "28/11/2005": only an unambiguous order gives month and day;
        # otherwise only the year is known (both readings lie in it)
        a, b = int(g["a"]), int(g["b"])
        if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
            return None
        if a > 12:
            day, month = a, b
        elif b > 12:
            month, day = a, b
        elif a == b:
            month = day = a
        else:
            return DateExpression(s, e, surface, year, None, None, None, None)
    if day is not None and not 1 <= day <= 31:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    rel = None
    if kind == "ago":
        n = _num(g["n"])
        if not n:
            return None
        rel = f"ago:{g['unit']}:{n}"
    elif kind == "rel_wd":
        rel = f"{g['rel'].lower()}:weekday:{WEEKDAYS[g['wd'].lower()]}"
    elif kind == "rel":
        rel = f"{g['rel'].lower().replace(' ', '_')}:{g['unit']}"
    elif kind == "deictic":
        rel = "deictic:" + {"yesterday": "-1", "today": "0", "tonight": "0",
                            "tomorrow": "1"}[g["deictic"].lower()]
    elif kind == "wd":
        rel = f"weekday:{WEEKDAYS[g['wd'].lower()]}"
    if rel is not None and kind in ("rel", "rel_wd") and re.search(
            r"\b(?:the|that|a)\s+$", text[max(0, s - 6) : s], re.I):
        rel = "anaphoric:" + rel  # "the next day": relative to the story, not to publication
    qualifier = None
    before = text[max(0, s - 14) : s].lower()
    for q in _QUALIFIERS:
        if before.endswith(q) and kind in ("month", "my", "year"):
            qualifier = q.strip(" -").split()[-1] if q.startswith("the") else q.strip(" -")
    return DateExpression(s, e, surface, year, month, day, rel, qualifier)


def in_url_line(text: str, pos: int) -> bool:
    """True when ``pos`` is on a line that is a URL (scraped pages often start with one)."""
    line_start = text.rfind("\n", 0, pos) + 1
    head = text[line_start : line_start + 12].lstrip().lower()
    return head.startswith(("http://", "https://", "www."))


def _prev_word(text: str, s: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, s - 30) : s])
    return m.group(1).lower() if m else ""


def _plausible(kind: str, m: re.Match[str], doc: Document, toks: Sequence[Token],
               starts: dict[int, int]) -> bool:
    text = doc.text
    s, e = m.span()
    if kind in ("wd", "rel_wd", "month", "year"):  # explicit dates stand whatever NER says
        for men in doc.annotation.mentions:
            if men.label in _BLOCKING_LABELS and men.start < e and s < men.end:
                return False
    if in_url_line(text, s):
        return False
    i = starts.get(s)
    tok = toks[i] if i is not None and i < len(toks) else None
    prev = _prev_word(text, s)
    if kind in ("mdy", "month", "my") and tok is not None:
        # the month word must not be a verb or modal: "may send", "protesters march"
        if tok.tag == "MD" or tok.pos in ("VERB", "AUX"):
            return False
    if kind == "dmy":
        j = starts.get(m.start("mon"))
        if j is not None and (toks[j].tag == "MD" or toks[j].pos in ("VERB", "AUX")):
            return False
    if kind == "month":
        word = m.group("mon")
        if word.lower() in ("may", "march") or len(word.rstrip(".")) <= 3:
            # ambiguous or abbreviated month alone: needs a date preposition before it
            if prev not in DATE_PREPS:
                return False
        if prev not in DATE_PREPS and not (tok is not None and tok.dep in ("npadvmod", "pobj")):
            return False
    if kind == "wd":
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[e : e + 20])
        if nxt and nxt.group(1) not in ("In", "On", "At", "The", "A"):
            j = starts.get(e + nxt.start(1))
            if j is not None and toks[j].pos == "PROPN":
                return False  # "Sunday Times", "Sunday Telegraph"
        if tok is not None and tok.dep == "compound" and toks[tok.head].pos == "PROPN":
            return False
    if kind == "deictic" and tok is not None:
        if tok.dep == "poss" or text[e : e + 2] in ("'s", "’s") or prev in (
            "even", "still", "until", "to", "till"
        ):
            return False  # "today's alliance", "even today": rhetoric, not a date
    if kind == "year":
        if not _year_context(m, doc, toks, starts, prev):
            return False
    return True


def _year_context(m: re.Match[str], doc: Document, toks: Sequence[Token], starts: dict[int, int],
                  prev: str) -> bool:
    """A bare four-digit number is a year after a date preposition ("in 2014") or as the
    modifier of a noun ("the 2014 Maidan revolution"), not when it counts a plural ("2000
    troops"), is part of a range of numbers, a name ("COVID-19", "Resolution 2231") or money."""
    text = doc.text
    s, e = m.span()
    if s > 0 and (text[s - 1] in "$€£¥#-/." or text[s - 1].isalnum()):
        return False
    if text[e : e + 1] in (",", ".") and text[e + 1 : e + 2].isdigit():
        return False
    if re.match(r"\s*(?:GMT|UTC|BST|[ECMP][SD]T|hours|hrs|h)\b", text[e : e + 8]):
        return False  # "at about 2045 GMT": a time
    i = starts.get(s)
    if i is None:
        return False
    tok = toks[i]
    head = toks[tok.head]
    if head.tag in ("NNS", "NNPS") and tok.dep == "nummod" and tok.head > i:
        return False
    if prev in DATE_PREPS:
        return True
    if re.match(r"^\s*[-–]\s*\d{2,4}\b", text[e : e + 8]):
        return True  # "2014-2015"
    return tok.dep in ("nummod", "compound", "amod", "npadvmod", "nmod") and head.pos in (
        "NOUN", "PROPN"
    ) and tok.head > i and head.tag not in ("NNS", "NNPS")
