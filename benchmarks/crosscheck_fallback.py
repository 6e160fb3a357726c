"""A minimal claims extractor used ONLY by the crosscheck benchmark until the claims stage lands.

It is deliberately simple (the point is to measure the aligner and the verdicts, not extraction):

- quotes: text between double quotes (straight or curly), 3+ words; speaker = the PERSON mention
  of the sentence outside the quote nearest to it; no via.
- figures: a number token (digits or a number word) whose syntactic head is a noun; noun = that
  noun's lemma; approximator from the words before the number; action = lemma of the verb the noun
  hangs from; subject = the verb's nominal subject (its subtree text), else None.
- dates: "Month D[, YYYY]" expressions; subject/action as above for the verb the date hangs from
  (action = verb lemma + object lemma).

Its output follows the shared ``Claim`` spec, so the aligner sees the same fields it will see
from the real extractors.
"""

from __future__ import annotations

import re

from storyline.models import Claim, Document, Token, content_id

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
DATE_RE = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)\s+(\d{1,2})(?:st|nd|rd|th)?"
    r"\b(?:,?\s+(\d{4}))?")
QUOTE_RE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{8,400})[\"\u201d]")
NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty"])}
APPROX = {
    "about": "about", "approximately": "about", "around": "about", "roughly": "about",
    "some": "about", "nearly": "nearly", "almost": "nearly", "up to": "up_to",
    "more than": "more_than", "over": "more_than", "at least": "at_least", "less than": "less_than",
    "fewer than": "less_than",
}


def _sentence_of(doc: Document, pos: int):
    for s in doc.annotation.sentences:
        if s.start <= pos < s.end:
            return s
    return None


def _token_at(doc: Document, pos: int) -> int | None:
    for i, t in enumerate(doc.annotation.tokens):
        if t.start <= pos < t.end:
            return i
    return None


def _verb_above(toks: tuple[Token, ...], i: int) -> int | None:
    seen = set()
    while i not in seen:
        seen.add(i)
        if toks[i].pos in ("VERB", "AUX") and toks[i].dep != "aux":
            return i
        if toks[i].head == i:
            return None
        i = toks[i].head
    return None


def _subtree(toks: tuple[Token, ...], i: int) -> tuple[int, int]:
    lo, hi = toks[i].start, toks[i].end
    for j, t in enumerate(toks):
        k, seen = j, set()
        while k not in seen and toks[k].head != k and k != i:
            seen.add(k)
            k = toks[k].head
        if k == i:
            lo, hi = min(lo, t.start), max(hi, t.end)
    return lo, hi


def _subject_action(doc: Document, vi: int | None) -> tuple[str | None, str | None]:
    if vi is None:
        return None, None
    toks = doc.annotation.tokens
    subj = obj = None
    for j, t in enumerate(toks):
        if t.head == vi and j != vi:
            if t.dep in ("nsubj", "nsubjpass") and subj is None:
                lo, hi = _subtree(toks, j)
                subj = doc.text[lo:hi] if hi - lo <= 60 else t.lemma
            elif t.dep in ("dobj", "obj") and obj is None:
                obj = t.lemma.lower()
    action = toks[vi].lemma.lower() + (f" {obj}" if obj else "")
    return subj, action


def _claim(doc: Document, kind: str, start: int, end: int, **fields) -> Claim:
    s = _sentence_of(doc, start)
    return Claim(
        id=content_id(doc.id, kind, start, end),
        article_id=doc.id,
        kind=kind,  # type: ignore[arg-type]
        text=doc.text[start:end],
        span=(start, end),
        sentence_span=(s.start, s.end) if s else None,
        **fields,
    )


def quotes(doc: Document) -> list[Claim]:
    out = []
    persons = [m for m in doc.annotation.mentions if m.label == "PERSON"]
    for m in QUOTE_RE.finditer(doc.text):
        inner = m.group(1).strip()
        if len(inner.split()) < 3:
            continue
        start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        end = start + len(inner)
        s = _sentence_of(doc, start)
        speaker = None
        if s is not None:
            cands = [p for p in persons if s.start <= p.start < s.end
                     and (p.end <= m.start() or p.start >= m.end())]
            if cands:
                speaker = min(cands, key=lambda p: min(abs(p.start - m.end()),
                                                       abs(m.start() - p.end))).text
        out.append(_claim(doc, "quote", start, end, speaker=speaker,
                          attribution="direct" if speaker else "scare"))
    return out


def _number(text: str) -> float | None:
    t = text.replace(",", "").lower()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


def figures(doc: Document) -> list[Claim]:
    toks = doc.annotation.tokens
    dates = [(m.start, m.end) for m in doc.annotation.mentions if m.label in ("DATE", "TIME")]
    out = []
    for i, t in enumerate(toks):
        if t.tag != "CD" or any(a <= t.start < b for a, b in dates):
            continue
        value = _number(doc.text[t.start:t.end])
        if value is None:
            continue
        h = toks[t.head] if t.head != i else None
        if h is None or h.pos not in ("NOUN", "PROPN") or t.dep != "nummod":
            continue
        before = doc.text[max(0, t.start - 20):t.start].lower().split()
        approximator = None
        for n in (2, 1):
            if len(before) >= n and " ".join(before[-n:]) in APPROX:
                approximator = APPROX[" ".join(before[-n:])]
                break
        subject, action = _subject_action(doc, _verb_above(toks, t.head))
        if subject and doc.text[t.start:t.end] in subject:
            subject = None  # "40 firefighters battled the blaze": the figure is the subject
        verb = action.split()[0] if action else None
        out.append(_claim(doc, "quantity", t.start, toks[t.head].end if t.head > i else t.end,
                          value=value, noun=h.lemma.lower(), approximator=approximator,
                          aspect="total", modality="asserted", subject=subject, action=verb))
    return out


def dates(doc: Document) -> list[Claim]:
    toks = doc.annotation.tokens
    out = []
    for m in DATE_RE.finditer(doc.text):
        mon = _MONTH_ABBR[m.group(1)[:3].lower()]
        day = int(m.group(2))
        if not 1 <= day <= 31:
            continue
        date = f"{m.group(3)}-{mon:02d}-{day:02d}" if m.group(3) else f"--{mon:02d}-{day:02d}"
        ti = _token_at(doc, m.start())
        subject, action = _subject_action(doc, _verb_above(toks, ti) if ti is not None else None)
        out.append(_claim(doc, "date", m.start(), m.end(), date=date, precision="day",
                          expression=m.group(0), subject=subject, action=action))
    return out


def extract(doc: Document) -> list[Claim]:
    """Every fallback claim of one document, in text order."""
    return sorted(quotes(doc) + figures(doc) + dates(doc), key=lambda c: (c.span, c.kind))
