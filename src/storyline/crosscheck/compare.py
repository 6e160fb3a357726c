"""Do two aligned claims agree? Figures, dates and quote wording.

**Figures: the tolerance model.** Each figure is read as the interval of true values it is
consistent with, from its value ``v`` and its approximator:

============================  ==========================================
approximator                  interval of true values
============================  ==========================================
``None`` (exact)              ``[v(1-e), v(1+e)]``, ``e = exact_tolerance`` (rounding)
``about`` / approximately     ``[v(1-a), v(1+a)]``, ``a = about_tolerance``
``nearly`` / almost           ``[v(1-n), v]``, ``n = nearly_tolerance``
``up_to`` / ``less_than`` /   ``[0, v]``
``at_most``
``at_least`` / ``more_than``  ``[v, inf)``
ordinals ("third year")       exactly ``v``
============================  ==========================================

Two figures of one slot conflict only when their intervals are disjoint: "about 15,000" and
"14,000" agree, "nearly 15,000" and "15,500" do not, "up to 30,000" and "15,000" agree, "more
than 10" and "200" agree (a weak claim is not contradicted by a strong one). This follows the
interval reading of numeral modifiers in the semantics literature (e.g. Krifka, "Approximate
interpretations of number words", 2007; Nouwen, "Two kinds of modified numerals", 2010).

**Dates** are ``(year, month, day)`` with unknown parts ``None`` (``--12-25`` has no year,
``2025-12`` no day); two dates conflict when a part known in both differs, so "December" and
"December 25" agree and "December 18" and "December 25" do not.

**Quote wording** is compared word by word after :func:`storyline.crosscheck.text.words`
normalisation (case, punctuation, quote marks gone). A shorter rendering that is a contiguous
part of a longer one (a fragment, or pieces around an ellipsis) is the same quote. Otherwise the
words that differ inside the aligned region (``difflib.SequenceMatcher``, Ratcliff/Obershelp) are
material when one of them is a content word or a word of negation, quantity, number or time
(:data:`~storyline.crosscheck.text.MATERIAL_FUNCTION_WORDS`: "this year" / "next year") and the
pair is not a spelling or transliteration
variant (character similarity below ``spelling_variant_similarity``). A changed stretch longer
than ``quote_max_changed_words`` means two different quotes that share a phrase ("of the
Endangered Species Act"), which are not aligned at all.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from storyline.crosscheck.settings import CheckSettings
from storyline.crosscheck.text import GAP, is_material
from storyline.models import Claim

# ---------------------------------------------------------------------------------- figures


def figure_interval(claim: Claim, settings: CheckSettings) -> tuple[float, float]:
    """The interval of true values the figure is consistent with (see the module docstring)."""
    v = float(claim.value if claim.value is not None else math.nan)
    if claim.aspect == "ordinal" or claim.unit == "ordinal":
        return (v, v)
    # The approximators are the typed ones the claims stage emits (models.Approximator); the
    # phrases behind them ("approximately", "as many as", ...) are the claims stage's to read.
    approx = claim.approximator
    if approx is None:
        e = settings.exact_tolerance
        return (v * (1 - e), v * (1 + e)) if v >= 0 else (v * (1 + e), v * (1 - e))
    if approx == "nearly":
        return (v * (1 - settings.nearly_tolerance), v)
    if approx in ("up_to", "less_than", "at_most"):
        return (0.0 if v >= 0 else -math.inf, v)
    if approx in ("more_than", "at_least"):
        return (v, math.inf)
    a = settings.about_tolerance  # "about"; "vague" figures carry no value to compare
    return (v * (1 - a), v * (1 + a))


def figures_conflict(a: Claim, b: Claim, settings: CheckSettings) -> bool:
    """True when the two figures' intervals are disjoint (ordinals: when the values differ)."""
    if a.value is None or b.value is None:
        return False
    lo1, hi1 = figure_interval(a, settings)
    lo2, hi2 = figure_interval(b, settings)
    eps = 1e-9 * max(1.0, abs(a.value), abs(b.value))
    return hi1 < lo2 - eps or hi2 < lo1 - eps


# ---------------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class DateParts:
    year: int | None
    month: int | None
    day: int | None


def parse_date(value: str | None) -> DateParts | None:
    """``2025-12-25``, ``2025-12``, ``2025``, ``--12-25``, ``--12`` -> parts; else ``None``."""
    if not value:
        return None
    v = value.strip()[:10]
    try:
        if v.startswith("--"):
            bits = v[2:].split("-")
            month: int | None = int(bits[0])
            day = int(bits[1]) if len(bits) > 1 and bits[1] else None
            return DateParts(None, month, day)
        bits = v.split("-")
        year = int(bits[0])
        month = int(bits[1]) if len(bits) > 1 else None
        day = int(bits[2]) if len(bits) > 2 else None
        return DateParts(year, month, day)
    except (ValueError, IndexError):
        return None


def dates_conflict(a: DateParts, b: DateParts) -> bool:
    """A part known in both dates differs (a coarser date contains a finer one: no conflict)."""
    if a.year is not None and b.year is not None and a.year != b.year:
        return True
    if a.month is not None and b.month is not None and a.month != b.month:
        return True
    if (a.day is not None and b.day is not None and a.day != b.day
            and (a.month is None or b.month is None or a.month == b.month)):
        return True
    return False


def date_gap_days(a: DateParts, b: DateParts) -> int:
    """Days between two dates, as far as the known parts tell (0 when nothing to compare)."""
    if a.month is None or b.month is None:
        if a.year is not None and b.year is not None:
            return abs(a.year - b.year) * 365
        return 0
    ya = a.year if a.year is not None else (b.year if b.year is not None else 2001)
    yb = b.year if b.year is not None else ya
    try:
        da = _dt.date(ya, a.month, a.day or 15)
        db = _dt.date(yb, b.month, b.day or 15)
    except ValueError:
        return 0
    gap = abs((da - db).days)
    if a.year is None or b.year is None:  # year unknown: December vs January may be 1 month apart
        gap = min(gap, 365 - gap) if gap <= 365 else gap
    if a.day is None or b.day is None:
        gap = max(0, gap - 15)
    return gap


# ---------------------------------------------------------------------------------- quotes


def _contains(longer: list[str], part: list[str]) -> bool:
    if not part:
        return True
    n = len(part)
    return any(longer[i:i + n] == part for i in range(len(longer) - n + 1))


def _pieces(ws: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    cur: list[str] = []
    for w in ws:
        if w == GAP:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        out.append(cur)
    return out


def wording_difference(a: list[str], b: list[str],
                       settings: CheckSettings) -> tuple[tuple[str, str], ...] | None:
    """The material word differences between two renderings of one quote, as
    ``(words in a, words in b)`` pairs; empty when they say the same words; ``None`` when a
    changed stretch is longer than ``quote_max_changed_words`` (two different quotes that share
    words, not one quote misrendered)."""
    if a == b:
        return ()
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    plain_long = [w for w in long_ if w != GAP]
    if all(_contains(plain_long, p) for p in _pieces(short)):
        return ()
    sa, sb = [w for w in a if w != GAP], [w for w in b if w != GAP]
    matcher = SequenceMatcher(None, sa, sb, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        return ((" ".join(sa), " ".join(sb)),)
    first, last = blocks[0], blocks[-1]
    diffs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        wa, wb = sa[i1:i2], sb[j1:j2]
        # before the first shared words or after the last, one rendering may simply be a longer
        # excerpt: compare only the words next to the shared part, as many as both have
        k = min(len(wa), len(wb))
        if i2 <= first.a and j2 <= first.b:
            wa, wb = wa[len(wa) - k:], wb[len(wb) - k:]
        elif i1 >= last.a + last.size and j1 >= last.b + last.size:
            wa, wb = wa[:k], wb[:k]
        if not wa and not wb:
            continue
        if not any(is_material(w) for w in wa + wb):
            continue
        if wa and wb and fuzz.ratio(" ".join(wa), " ".join(wb)) >= settings.spelling_variant_similarity:
            continue
        diffs.append((" ".join(wa), " ".join(wb)))
        if max(len(wa), len(wb)) > settings.quote_max_changed_words:
            return None  # a different clause, not a changed word: two different quotes
    return tuple(diffs)
