"""Find quoted passages in raw text: pair quotation marks, tell quote marks from apostrophes.

Method. Each candidate mark is classed as able to open and/or close by the characters around it,
with the *left-/right-flanking* rules CommonMark uses for emphasis delimiters (a mark followed
by a non-space and preceded by a space or punctuation opens; the mirror image closes); a typographic
mark (“ ” ‘ ’ « ») says its own side unless its neighbours plainly contradict it (misused curly
quotes are common in scraped text). Double marks are then paired left to right as a small state
machine; single marks are paired inside one paragraph, after apostrophes are set aside
("Russia's", "Russia’s", "o'clock", "’90s", "rock 'n' roll", a plural possessive with nothing
open before it). A passage open at a line break whose next line opens again is a
*paragraph continuation* (news style: a quote running over paragraphs reopens each paragraph
without closing): each paragraph becomes a segment of one chain. An opening mark that finds no
closing mark within ``quote_max_chars`` / ``quote_max_line_breaks`` is dropped as stray and the
scan goes on right after it, so an unbalanced mark never swallows the rest of the article.
Passages inside another passage (single inside double, or the reverse) are part of the outer
quotation and are not returned.

Hand-written rather than a library: the NLP libraries we use (spaCy, textacy's
``direct_quotations``) pair marks per sentence on their tokenizer's output and split on the
apostrophe problem; here pairing must work on raw article text across sentences and lines with
exact character offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from storyline.text.marks import (
    DOUBLE_CLOSE,
    DOUBLE_EITHER,
    DOUBLE_OPEN,
    SINGLE_CLOSE,
    SINGLE_EITHER,
    SINGLE_OPEN,
)

_ELISIONS = re.compile(r"(?:\d0s|\d\d\b|em\b|til\b|cause\b|tis\b|twas\b|n\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted passage. ``start``/``end`` bound the words (marks and outer spaces excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # None for a paragraph segment continued by a reopening mark
    double: bool
    chain: int  # open_mark of the first segment of a paragraph-continued quotation


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    can_open: bool
    can_close: bool
    straight: bool = False  # '"' (or a doubled apostrophe), whose side only context tells
    width: int = 1


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _is_punct(ch: str) -> bool:
    return ch != "" and unicodedata.category(ch)[0] in "PS"


def _flanking(text: str, i: int) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) for the mark at ``i`` (CommonMark 0.31, 6.2)."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    left = not _is_space(nxt) and (not _is_punct(nxt) or _is_space(prev) or _is_punct(prev))
    right = not _is_space(prev) and (not _is_punct(prev) or _is_space(nxt) or _is_punct(nxt))
    return left, right


def _double_marks(text: str) -> list[_Mark]:
    marks = []
    i = 0
    while i < len(text):
        ch = text[i]
        pair = text[i : i + 2]
        if pair in ("''", "``"):  # Penn-Treebank / typewriter style: '' closes, `` opens
            left, right = _flanking(text, i + 1) if pair == "''" else _flanking(text, i)
            marks.append(_Mark(i, pair == "``" or (left and not right), pair == "''", True, 2))
            i += 2
            continue
        i += 1
        if ch not in DOUBLE_OPEN and ch not in DOUBLE_CLOSE and ch not in DOUBLE_EITHER:
            continue
        left, right = _flanking(text, i - 1)
        if ch in DOUBLE_OPEN:
            opens, closes = True, right and not left
        elif ch in DOUBLE_CLOSE:
            opens, closes = left and not right, True
        elif not left and not right:  # spaced on both sides (tokenised text): either
            opens, closes = True, True
        else:
            opens, closes = left, right
        marks.append(_Mark(i - 1, opens, closes, ch in DOUBLE_EITHER))
    return marks


def _single_marks(text: str) -> list[_Mark]:
    marks = []
    for i, ch in enumerate(text):
        if ch not in SINGLE_OPEN and ch not in SINGLE_CLOSE and ch not in SINGLE_EITHER:
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch == "'" and "'" in (prev, nxt):
            continue  # part of a doubled '' (a double mark)
        if prev.isalnum() and nxt.isalnum():
            continue  # Russia’s, o'clock, don't
        if not prev.isalnum() and _ELISIONS.match(text, i + 1):
            continue  # ’90s, 'em, rock 'n' roll
        left, right = _flanking(text, i)
        if ch in SINGLE_OPEN:
            opens, closes = left, right and not left
        elif ch in SINGLE_CLOSE:
            opens, closes = left and not right and not prev.isalnum(), right
        else:
            opens, closes = left, right
        if opens or closes:
            marks.append(_Mark(i, opens, closes))
    return marks


def _line_breaks(text: str, a: int, b: int) -> int:
    return text.count("\n", a, b)


def _at_line_start(text: str, i: int) -> bool:
    j = text.rfind("\n", 0, i)
    return j >= 0 and text[j + 1 : i].strip() == ""


def _pair_double(text: str, max_chars: int, max_breaks: int) -> list[QuoteSpan]:
    """Pair double marks; returns the segments of every closed quotation (chains included)."""
    marks = _double_marks(text)
    widths = {m.pos: m.width for m in marks}
    out: list[QuoteSpan] = []
    i = 0
    while i < len(marks):
        opener = marks[i]
        if not opener.can_open:
            i += 1
            continue
        segments: list[tuple[int, int]] = []  # (open mark, end of segment text)
        cur = opener.pos
        j = i + 1
        closed = None
        while j < len(marks):
            m = marks[j]
            if m.pos - opener.pos > max_chars or _line_breaks(text, cur, m.pos) > max_breaks:
                break
            reopen = m.can_open and not m.can_close
            if reopen and _at_line_start(text, m.pos) and _line_breaks(text, cur, m.pos) >= 1:
                line_end = text.rfind("\n", cur, m.pos)
                segments.append((cur, line_end))  # paragraph continuation
                cur = m.pos
                j += 1
                continue
            same_line = _line_breaks(text, cur, m.pos) == 0
            if m.can_close or (m.straight and same_line):
                closed = m  # straight marks on one line alternate, whatever their spacing
            break
        if closed is None:
            i += 1  # stray opener: rescan right after it
            continue
        segments.append((cur, closed.pos))
        for k, (o, e) in enumerate(segments):
            close = closed.pos if k == len(segments) - 1 else None
            span = _trim(text, o + widths.get(o, 1), e)
            if span is not None:
                out.append(QuoteSpan(span[0], span[1], o, close, True, opener.pos))
        i = j + 1
    return out


def _pair_single(text: str, max_chars: int, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    marks = _single_marks(text)
    out: list[QuoteSpan] = []
    # the double quotations, in text order and disjoint (_pair_double resumes after each closer)
    bounds = sorted((q.open_mark, q.close_mark if q.close_mark is not None else q.end)
                    for q in doubles)
    opens = [o for o, _ in bounds]

    def region(pos: int) -> int | None:  # which double quotation a position is inside
        k = bisect.bisect_left(opens, pos) - 1
        if k >= 0 and bounds[k][0] < pos < bounds[k][1]:
            return bounds[k][0]
        return None

    opener: _Mark | None = None
    for m in marks:
        if opener is not None:
            broken = (
                "\n" in text[opener.pos : m.pos]
                or m.pos - opener.pos > max_chars
                or region(opener.pos) != region(m.pos)
            )
            if broken:
                opener = None
        if opener is not None and m.can_close and m.pos > opener.pos + 1:
            span = _trim(text, opener.pos + 1, m.pos)
            if span is not None:
                out.append(QuoteSpan(span[0], span[1], opener.pos, m.pos, False, opener.pos))
            opener = None
        elif m.can_open:
            opener = m
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def find_quote_spans(
    text: str, max_chars: int = 2_000, max_line_breaks: int = 6, single_max_chars: int = 600
) -> list[QuoteSpan]:
    """Top-level quoted passages of ``text`` in text order (nested passages are dropped)."""
    doubles = _pair_double(text, max_chars, max_line_breaks)
    singles = _pair_single(text, single_max_chars, doubles)
    spans = sorted(doubles + singles, key=lambda q: (q.open_mark, -(q.end)))

    def outer(q: QuoteSpan) -> tuple[int, int]:
        return q.open_mark, (q.close_mark if q.close_mark is not None else q.end)

    # Kept passages are disjoint and in order (a nested or crossing one is never kept) and each
    # q starts at or after every kept one, so only the last kept can contain or cross q.
    kept: list[QuoteSpan] = []
    for q in spans:
        qs, qe = outer(q)
        if kept:
            ks, ke = outer(kept[-1])
            if ks <= qs and qe <= ke:
                continue  # nested inside a kept passage: part of its words
            if ks < qs < ke < qe:
                continue  # crossing pairs: the earlier pairing wins
        kept.append(q)
    return sorted(kept, key=lambda q: q.start)
