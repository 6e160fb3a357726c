"""Plain-text layout: hard-wrapped paragraphs joined into one line each.

Wire feeds, e-mail and many ``.txt`` archives break lines at a fixed width (~70 characters)
inside paragraphs. Every later stage reads a line break as the end of a sentence (a news text puts
one paragraph on a line), so such text is unwrapped first. The stored article text *is* the
unwrapped text: every span in the report points into it (see docs/report.md).

Detection: a text is hard-wrapped when, among its lines followed by another non-blank line (and no
longer than ``MAX_WRAP_WIDTH``: in a text pasted together from several sources some paragraphs are
one long line), at least
``_WRAPPED_SHARE`` have a length near the wrap width ``W`` (the 90th percentile of those lengths,
at most ``MAX_WRAP_WIDTH``: no one wraps wider) and ``_GOES_ON_SHARE`` end mid-sentence with the
next line starting in lower case. News with one
paragraph per line (lengths vary, nearly every line ends a sentence) is left alone: on the 462 ECB+
articles and the seed articles nothing is unwrapped (the broken-line rule below joins 4 sentences
of ECB+ that a line break cuts in two in the original, each read).

Joining: line ``i`` is joined to line ``i+1`` unless a paragraph or block ends there:

* the next line is blank, indented deeper, a list item (``-``, ``*``, ``•``, ``1.``, ``a)``), a
  Markdown heading or quote, or a table row (``|`` or a run of spaces between columns);
* line ``i`` is a table row or a Markdown heading;
* line ``i`` ends a sentence well short of the wrap width (below ``_SHORT`` of it);
* the first word of the next line would have fitted on line ``i`` (``len + 1 + word <= W``): a
  wrapper would have put it there, so the line ended on purpose - the last line of a paragraph,
  a headline, a dateline, a signature, a short line of a list. Not when line ``i`` ends
  mid-sentence and the next goes on in lower case: text wrapped in a proportional font (copied
  from a PDF or a word processor) breaks by rendered width, not by characters, so a line of
  narrow letters ends with room for several more.

Broken lines (:func:`join_broken_lines`), in any text, wrapped or not: a line break inside a
sentence - the line has at least ``_BROKEN_MIN_WORDS`` words, is not capitalised like a headline,
does not end a sentence, and the next line goes on in lower case - is joined. Such breaks are
what a copy from a PDF or a web page leaves in otherwise unwrapped text; every later stage would
read them as the end of a sentence.

A line ending in a soft hyphen or in ``letter-`` followed by a lower-case letter is joined
without a space (the soft hyphen dropped, a real hyphen kept: ``well-known``).
"""

from __future__ import annotations

import itertools
import re

MAX_WRAP_WIDTH = 160
"""Lines longer than this are never the product of hard wrapping."""
_WRAPPED_SHARE = 0.5
_MIN_WRAPPED_LINES = 3
_GOES_ON_SHARE = 0.3
"""... and at least this share of them end mid-sentence with the next line going on in lower case
(three words in four of English running text are lower case; a headline is followed by a capital)."""
_NEAR = 0.7
"""A line within this fraction of the wrap width counts as a full (wrapped) line."""
_SHORT = 0.75
"""A line that ends a sentence shorter than this fraction of the wrap width ends its paragraph."""
_BROKEN_MIN_WORDS = 9
"""A line with fewer words is joined by the broken-line rule only when it ends in clause
punctuation (``,`` ``;`` a dash): a short line that stops without punctuation is as often a
headline in sentence case over a date line ("Jury finds suspect in Troy office shooting guilty" /
"on April 30, 2008") as a broken sentence."""
_BROKEN_CLAUSE_MIN_WORDS = 4
"""... and never when it has fewer words than this (a byline, a short line of verse or of an
address)."""
_HEADLINE_CAPS = 0.6
"""A line whose words of four letters or more are at least this share capitalised is a headline
(Title Case or ALL CAPS) and keeps its line break."""
_CLAUSE_ENDS = (",", ";", "\u2013", "\u2014", "-")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013+>#]|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")
_TABLE = re.compile(r"\S(?: {3,}|\t)\S|\|")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u00a0"))


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were hard-wrapped at, or None when they were not."""
    inner = [len(a.rstrip()) for a, b in itertools.pairwise(lines)
             if a.strip() and b.strip() and len(a.rstrip()) <= MAX_WRAP_WIDTH]
    if len(inner) < _MIN_WRAPPED_LINES:
        return None
    width = sorted(inner)[int(0.9 * (len(inner) - 1))]
    if width > MAX_WRAP_WIDTH or width < 20:
        return None
    full = sum(1 for n in inner if _NEAR * width <= n <= width)
    if full < _WRAPPED_SHARE * len(inner) or full < _MIN_WRAPPED_LINES:
        return None
    # a wrapped line ends mid-sentence, and the sentence goes on in lower case
    goes_on = sum(1 for a, b in itertools.pairwise(lines)
                  if a.strip() and len(a.rstrip()) <= MAX_WRAP_WIDTH and _goes_on(a, b))
    return width if goes_on >= _GOES_ON_SHARE * len(inner) and goes_on >= 2 else None


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", ":"))


def _goes_on(line: str, nxt: str) -> bool:
    """``line`` ends mid-sentence and ``nxt`` continues it in lower case."""
    return bool(line.strip()) and not _ends_sentence(line.rstrip()) and \
        nxt.lstrip()[:1].islower()


def _headline(line: str) -> bool:
    words = re.findall(r"[^\W\d_]{4,}", line)
    return bool(words) and sum(w[0].isupper() for w in words) >= _HEADLINE_CAPS * len(words)


def _ends_block(line: str, nxt: str, width: int) -> bool:
    if not nxt.strip() or _indent(nxt) > _indent(line):
        return True
    if _LIST_ITEM.match(nxt) or _TABLE.search(nxt.strip()) or _TABLE.search(line.strip()):
        return True
    if line.lstrip().startswith("#"):
        return True
    first = nxt.split(None, 1)[0]
    end = line.rstrip()
    if _ends_sentence(end) and len(end) < _SHORT * width:
        return True
    if _goes_on(line, nxt):
        return False
    return len(end) + 1 + len(first) <= width


def unwrap(text: str) -> tuple[str, int | None]:
    """``(text with hard-wrapped paragraphs joined, the wrap width or None)``.

    ``text`` has ``\\n`` line ends. Unwrapped text is returned unchanged."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text, None
    out: list[str] = [lines[0]]
    for prev, nxt in itertools.pairwise(lines):
        if not prev.strip() or _ends_block(prev, nxt, width):
            out.append("\n" + nxt)
            continue
        head = out[-1].rstrip(" \t")
        body = nxt.lstrip(" \t")
        if head.endswith("\u00ad"):
            out[-1] = head[:-1]
            out.append(body)
        elif len(head) > 1 and head.endswith("-") and head[-2].isalpha() and body[:1].islower():
            out[-1] = head
            out.append(body)
        else:
            out[-1] = head
            out.append(" " + body)
    return "".join(out), width


def join_broken_lines(text: str) -> tuple[str, int]:
    """``(text with line breaks inside sentences joined, how many were joined)``; see the module
    docstring. ``text`` has ``\n`` line ends."""
    lines = text.split("\n")
    out: list[str] = [lines[0]]
    joined = 0
    for prev, nxt in itertools.pairwise(lines):
        words = len(prev.split())
        if (_goes_on(prev, nxt) and (words >= _BROKEN_MIN_WORDS or (
                words >= _BROKEN_CLAUSE_MIN_WORDS and prev.rstrip().endswith(_CLAUSE_ENDS)))
                and not _headline(prev) and _indent(nxt) <= _indent(prev)
                and not _LIST_ITEM.match(nxt) and not prev.lstrip().startswith(("#", ">"))
                and not _TABLE.search(prev.strip()) and not _TABLE.search(nxt.strip())):
            out[-1] = out[-1].rstrip(" \t")
            out.append(" " + nxt.lstrip(" \t"))
            joined += 1
        else:
            out.append("\n" + nxt)
    return "".join(out), joined
