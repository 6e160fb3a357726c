"""Plain-text layout: hard-wrapped paragraphs joined into one line each.

Wire feeds, e-mail and many ``.txt`` archives break lines at a fixed width (~70 characters)
inside paragraphs. Every later stage reads a line break as the end of a sentence (a news text puts
one paragraph on a line), so such text is unwrapped first. The stored article text *is* the
unwrapped text: every span in the report points into it (see docs/report.md).

Detection: a text is hard-wrapped when, among its lines followed by another non-blank line, at least
``_WRAPPED_SHARE`` have a length near the wrap width ``W`` (the 90th percentile of those lengths,
at most ``MAX_WRAP_WIDTH``: no one wraps wider) and ``_GOES_ON_SHARE`` end mid-sentence with the
next line starting in lower case. News with one
paragraph per line (lengths vary, nearly every line ends a sentence) is left alone: on the 462 ECB+
articles and the seed articles nothing is joined.

Joining: line ``i`` is joined to line ``i+1`` unless a paragraph or block ends there:

* the next line is blank, indented deeper, a list item (``-``, ``*``, ``•``, ``1.``, ``a)``), a
  Markdown heading or quote, or a table row (``|`` or a run of spaces between columns);
* line ``i`` is a table row or a Markdown heading;
* line ``i`` ends a sentence well short of the wrap width (below ``_SHORT`` of it);
* the first word of the next line would have fitted on line ``i`` (``len + 1 + word <= W``): a
  wrapper would have put it there, so the line ended on purpose - the last line of a paragraph,
  a headline, a dateline, a signature, a short line of a list.

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
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013+>#]|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")
_TABLE = re.compile(r"\S(?: {3,}|\t)\S|\|")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u00a0"))


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were hard-wrapped at, or None when they were not."""
    inner = [len(a.rstrip()) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
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
                  if a.strip() and b.strip() and not _ends_sentence(a.rstrip())
                  and b.lstrip()[:1].islower())
    return width if goes_on >= _GOES_ON_SHARE * len(inner) and goes_on >= 2 else None


def _ends_sentence(line: str) -> bool:
    return line.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", ":"))


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
