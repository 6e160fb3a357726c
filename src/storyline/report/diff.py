"""Word-level differences between the sentences behind one check (or two reused passages).

The texts are split into words, punctuation and spaces; :class:`difflib.SequenceMatcher`
(Ratcliff/Obershelp "gestalt pattern matching", the standard library's diff) aligns each text
with the first one, the reference, and every word outside a matching block is marked as
differing. Words are compared case-folded and with typographic quotes, dashes and apostrophes
folded to ASCII, so a rewrite that only changed quote style is not shown as a difference in
wording. difflib is used rather than a hand-written LCS because it is exact, in the standard
library, and fast enough for sentences and passages (a few hundred words); texts longer than
:data:`MAX_TOKENS` are not diffed at all rather than slowly.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from storyline.text.marks import fold_marks

MAX_TOKENS = 3_000
MIN_RATIO = 0.5
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


class Segment(NamedTuple):
    """A run of text with its marks: ``changed`` (differs from the other texts) and ``focus``
    (inside the claim's span, or the reused passage)."""

    text: str
    changed: bool
    focus: bool


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    return " " if token.isspace() else fold_marks(token.casefold())


def diff_segments(texts: Sequence[str],
                  focus: Sequence[tuple[int, int] | None] | None = None,
                  min_ratio: float = MIN_RATIO,
                  material: Callable[[str, str], bool] | None = None) -> list[list[Segment]]:
    """Split each text into segments marking the words that differ from the reference (the
    first text) or, for the reference, from any other text; ``focus[i]`` is a character span
    of ``texts[i]`` to mark as the claim (or passage) itself. A text whose word sequence matches
    the reference less than ``min_ratio`` (difflib's ratio) is an independent wording, not an
    edit of it, and is not marked: the claim span alone shows what it says. ``material(a, b)``,
    when given, is asked of each changed stretch with a word of context (the reference's, the
    other text's): a stretch it calls immaterial is not marked. The report passes the cross-check's own rule, so
    what it ruled reporting style ("two" / "2", "I'm" / "I am") is never shown as a change."""
    toks = [_tokens(t) for t in texts]
    # Only words and punctuation take part in the alignment; spaces never differ.
    words = [[j for j, (s, e) in enumerate(tk) if not t[s:e].isspace()]
             for t, tk in zip(texts, toks)]
    keys = [[_key(t[tk[j][0]:tk[j][1]]) for j in w] for t, tk, w in zip(texts, toks, words)]
    changed = [[False] * len(tk) for tk in toks]
    if len(texts) > 1 and all(len(k) <= MAX_TOKENS for k in keys):
        ref = keys[0]
        for i in range(1, len(texts)):
            if keys[i] == ref:
                continue
            sm = difflib.SequenceMatcher(None, ref, keys[i], autojunk=False)
            if sm.real_quick_ratio() < min_ratio or sm.quick_ratio() < min_ratio \
                    or sm.ratio() < min_ratio:
                continue  # unrelated wordings: marking every word would say nothing
            for tag, a0, a1, b0, b1 in sm.get_opcodes():
                if tag == "equal":
                    continue
                # asked with one shared word of context each side, as the cross-check reads
                # a change inside its quote ("will accept" / "will not accept")
                if material is not None and not material(
                        _stretch(texts[0], toks[0], words[0][max(0, a0 - 1):a1 + 1]),
                        _stretch(texts[i], toks[i], words[i][max(0, b0 - 1):b1 + 1])):
                    continue
                for j in range(a0, a1):
                    changed[0][words[0][j]] = True
                for j in range(b0, b1):
                    changed[i][words[i][j]] = True
    out = []
    for i, text in enumerate(texts):
        span = focus[i] if focus and i < len(focus) else None
        if not any(changed[i]):  # nothing marked: the text around the claim, and the claim
            out.append(_unmarked(text, span))
            continue
        segs: list[Segment] = []
        for (s, e), ch in zip(toks[i], changed[i]):
            ch = ch and not text[s:e].isspace()
            if span is not None and s < span[1] and e > span[0] and (s < span[0] or e > span[1]):
                # A token crossing the focus border is split there so the claim span stays exact.
                cuts = sorted({s, e, max(s, span[0]), min(e, span[1])})
                parts = list(itertools.pairwise(cuts))
            else:
                parts = [(s, e)]
            for ps, pe in parts:
                inside = span is not None and ps >= span[0] and pe <= span[1]
                _append(segs, text[ps:pe], ch, inside)
        out.append(_trim_marks(segs))
    return out


def _unmarked(text: str, span: tuple[int, int] | None) -> list[Segment]:
    """The segments of a text with no word marked: what the token loop of
    :func:`diff_segments` gives then (runs of one focus), without walking the tokens."""
    if span is None:
        return [Segment(text, False, False)] if text else []
    s0, s1 = max(0, span[0]), min(len(text), span[1])
    if s1 <= s0:
        return [Segment(text, False, False)] if text else []
    parts = ((text[:s0], False), (text[s0:s1], True), (text[s1:], False))
    return [Segment(t, False, f) for t, f in parts if t]


def _stretch(text: str, toks: list[tuple[int, int]], idx: list[int]) -> str:
    """The text from the first to the last of the tokens ``idx`` (empty for none)."""
    return text[toks[idx[0]][0]:toks[idx[-1]][1]] if idx else ""


def _trim_marks(segs: list[Segment]) -> list[Segment]:
    """Move the spaces at the end of a changed run out of it (a mark ends on a word)."""
    out: list[Segment] = []
    for seg in segs:
        core = seg.text.rstrip()
        if seg.changed and core and core != seg.text:
            out.append(Segment(core, True, seg.focus))
            out.append(Segment(seg.text[len(core):], False, seg.focus))
        else:
            out.append(seg)
    return out


def _append(segs: list[Segment], text: str, changed: bool, focus: bool) -> None:
    if not text:
        return
    if segs and segs[-1].changed == changed and segs[-1].focus == focus:
        segs[-1] = Segment(segs[-1].text + text, changed, focus)
    elif segs and text.isspace() and segs[-1].focus == focus:
        # Spaces between two changed words stay inside one highlighted run.
        segs[-1] = Segment(segs[-1].text + text, segs[-1].changed, focus)
    else:
        segs.append(Segment(text, changed, focus))
