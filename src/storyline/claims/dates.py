"""Date claims: every date expression resolved to ISO 8601 with its precision, never a guessed year.

Steps (each a pure function):

1. :func:`storyline.claims.date_grammar.find_date_expressions` finds the expressions and removes
   the traps ("may" the verb, "Sunday Times").
2. The *base* is the article's publication date; when it has none, the dateline
   (:func:`dateline_date`, "Seoul, Dec 27 (NationPress) -") gives one, often without a year.
3. Resolution (TimeML-style normalisation, cf. Strötgen and Gertz, HeidelTime, 2013):

   - absolute dates are written as given: "August 15, 1945" -> ``1945-08-15`` (day),
     "June 2024" -> ``2024-06`` (month), "in 2014" -> ``2014`` (year);
   - a day or month without a year takes the year of the base, chosen so that the date lies
     on the side of the base the clause's tense says (past tense: not after the base; future
     or forecast: not before it; otherwise the nearest); with no year in the base it is
     written ``--12-25`` / ``--12``;
   - relative expressions ("last month", "on Saturday", "three days ago", "last summer") are
     the calendar interval they denote from the base, written at the finest unit that contains
     the whole interval ("last week" ending inside December -> ``2025-12``; a winter across
     New Year -> nothing). They are resolved only when the base determines them fully: a base
     without a year resolves "yesterday" and "last month" (``--11``) but not "last year" or
     "on Saturday". Unresolved expressions are kept with ``date=None`` and ``precision=None``
     so the reader still sees them. Seasons are the northern-hemisphere meteorological ones.

``action`` is "verb object" lemmas of the clause the date modifies ("send greeting"), or the
event noun it modifies ("revolution"); ``subject`` is the clause's actor ("Putin");
``modality`` is "forecast" for a date in a future or modal clause ("talks will resume on
January 5"), else "asserted". A dateline's own date has action "publish" and the agency in
parentheses as subject.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from storyline.claims.clause_roles import Clauses
from storyline.claims.date_grammar import DateExpression, find_date_expressions
from storyline.claims.settings import ClaimsSettings
from storyline.models import Claim, Document, Precision, content_id
from storyline.text.dateline import find_dateline

__all__ = ["Dateline", "dateline_date", "extract_dates", "resolve_expression", "Base"]

_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}
@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline's date: ``iso`` is ``2025-12-27`` or ``--12-27``; ``span`` covers the date."""

    iso: str
    precision: Precision
    span: tuple[int, int]
    month: int
    day: int
    year: int | None = None
    place: str | None = None
    agency: str | None = None


@dataclass(frozen=True, slots=True)
class Base:
    """The date relative expressions are resolved against; ``year`` may be unknown."""

    month: int
    day: int
    year: int | None = None

    @classmethod
    def of(cls, d: _dt.date) -> Base:
        return cls(d.month, d.day, d.year)


def dateline_date(text: str, *, max_chars: int = 600) -> Dateline | None:
    """The date of the report's dateline ("Seoul, Dec 27 (NationPress) -", "WASHINGTON, Dec. 27,
    2025 (Reuters) --"; :func:`storyline.text.dateline.find_dateline`), else ``None``. The year
    is kept unknown unless written."""
    found = find_dateline(text, max_chars=max_chars, dated=True)
    if found is None or found.month is None or found.day is None or found.date_span is None:
        return None
    month, day, year = found.month, found.day, found.year
    iso = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return Dateline(iso, "day", found.date_span, month, day, year, found.place, found.agency)


# ---------------------------------------------------------------------------- resolution


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
    if y is None:
        return f"--{m:02d}-{d:02d}" if d is not None else f"--{m:02d}"
    if m is None:
        return f"{y:04d}"
    return f"{y:04d}-{m:02d}" if d is None else f"{y:04d}-{m:02d}-{d:02d}"


def _containing(lo: _dt.date, hi: _dt.date) -> tuple[str | None, Precision | None]:
    """The finest calendar unit containing the interval ``[lo, hi]``."""
    if lo == hi:
        return _iso(lo.year, lo.month, lo.day), "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return _iso(lo.year, lo.month), "month"
    if lo.year == hi.year:
        return _iso(lo.year), "year"
    return None, None


def _pick_year(base: Base, month: int, day: int | None, tense: str | None) -> int | None:
    """The year that puts (month, day) on the side of the base the tense says."""
    if base.year is None:
        return None
    ref = _dt.date(base.year, base.month, base.day)
    best: tuple[int, int] | None = None
    for y in (base.year - 1, base.year, base.year + 1):
        try:
            lo = _dt.date(y, month, day or 1)
        except ValueError:
            continue
        hi = lo if day else _month_end(y, month)
        if tense == "past" and lo > ref:
            continue
        if tense == "future" and hi < ref:
            continue
        dist = 0 if lo <= ref <= hi else min(abs((lo - ref).days), abs((hi - ref).days))
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _month_end(y: int, m: int) -> _dt.date:
    nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _yearless_days(base: Base, delta: int) -> tuple[str | None, Precision | None]:
    """``base + delta`` days when the year is unknown: only when leap years do not matter and
    the result stays inside the base's year."""
    if (base.month, base.day) == (2, 29):
        return None, None
    out = set()
    for y in (2023, 2024):  # a common and a leap year
        r = _dt.date(y, base.month, base.day) + _dt.timedelta(days=delta)
        if r.year != y:
            return None, None
        out.add((r.month, r.day))
    if len(out) != 1:
        return None, None
    ((m, d),) = out
    return _iso(None, m, d), "day"


def resolve_expression(
    expr: DateExpression, base: Base | None, tense: str | None = None
) -> tuple[str | None, Precision | None]:
    """``(iso, precision)`` of one expression against ``base`` (``(None, None)`` when the
    base does not determine it, or when the result falls outside years 1-9999: "tomorrow" of a
    report dated 9999-12-31). ``tense`` is "past", "future" or ``None``."""
    try:
        return _resolve(expr, base, tense)
    except (OverflowError, ValueError):
        return None, None


def _resolve(
    expr: DateExpression, base: Base | None, tense: str | None
) -> tuple[str | None, Precision | None]:
    if expr.relative is None:
        if expr.month is None:
            return _iso(expr.year), "year"
        if expr.year is not None:
            return _iso(expr.year, expr.month, expr.day), "day" if expr.day else "month"
        y = _pick_year(base, expr.month, expr.day, tense) if base else None
        if expr.day is not None:
            try:
                _dt.date(y or 2024, expr.month, expr.day)
            except ValueError:
                return None, None
        return _iso(y, expr.month, expr.day), "day" if expr.day else "month"
    if base is None:
        return None, None
    kind, _, rest = expr.relative.partition(":")
    if base.year is None:
        return _resolve_yearless(kind, rest, base)
    ref = _dt.date(base.year, base.month, base.day)
    if kind == "deictic":
        return _containing(*(ref + _dt.timedelta(days=int(rest)),) * 2)
    if kind == "ago":
        unit, _, n_s = rest.partition(":")
        n = int(n_s)
        if unit == "day":
            d = ref - _dt.timedelta(days=n)
            return _containing(d, d)
        if unit == "week":
            d = ref - _dt.timedelta(days=7 * n)
            return _containing(d - _dt.timedelta(days=3), d + _dt.timedelta(days=3))
        if unit == "month":
            y, m = _shift_month(ref.year, ref.month, -n)
            return _iso(y, m), "month"
        return _iso(ref.year - n), "year"
    if kind == "weekday" or rest.startswith("weekday:"):
        wd = int(rest.rpartition(":")[2]) if kind != "weekday" else int(rest)
        diff = (ref.weekday() - wd) % 7
        if kind in ("next",) or (kind in ("weekday", "this") and tense == "future"):
            ahead = (wd - ref.weekday()) % 7 or (7 if kind == "next" else 0)
            d = ref + _dt.timedelta(days=ahead)
        else:
            if kind in ("last", "past") and diff == 0:
                diff = 7
            d = ref - _dt.timedelta(days=diff)
        return _containing(d, d)
    step = {"last": -1, "next": 1, "this": 0, "earlier_this": 0, "later_this": 0}.get(kind)
    if step is None:
        return None, None
    unit = rest
    if unit == "day":
        return _containing(*(ref + _dt.timedelta(days=step),) * 2)
    if unit in ("week", "weekend"):
        monday = ref - _dt.timedelta(days=ref.weekday()) + _dt.timedelta(days=7 * step)
        lo = monday + _dt.timedelta(days=5) if unit == "weekend" else monday
        return _containing(lo, monday + _dt.timedelta(days=6))
    if unit == "month":
        y, m = _shift_month(ref.year, ref.month, step)
        return _iso(y, m), "month"
    if unit == "year":
        return _iso(ref.year + step), "year"
    if unit in _SEASONS:
        first, last = _SEASONS[unit]
        spans = [(_dt.date(sy, first, 1), _month_end(sy + (first > last), last))
                 for sy in range(ref.year - 2, ref.year + 2)]
        if step == -1:
            lo, hi = max(x for x in spans if x[1] < ref)
        elif step == 1:
            lo, hi = min(x for x in spans if x[0] > ref)
        else:  # "this summer": the one containing the base, else the one of the base's year
            lo, hi = next((x for x in spans if x[0] <= ref <= x[1]),
                          next(x for x in spans if x[0].year == ref.year))
        return _containing(lo, hi)
    return None, None


def _resolve_yearless(kind: str, rest: str, base: Base) -> tuple[str | None, Precision | None]:
    """A base without a year fully determines only day offsets that stay inside the year and
    month offsets ("last month" from --12-27 is --11)."""
    if kind == "deictic":
        return _yearless_days(base, int(rest))
    if kind == "ago" and rest.startswith("day:"):
        return _yearless_days(base, -int(rest.partition(":")[2]))
    step = {"last": -1, "next": 1, "this": 0, "earlier_this": 0, "later_this": 0}.get(kind)
    if step is not None and rest == "month":
        m = (base.month - 1 + step) % 12 + 1
        return _iso(None, m), "month"
    if step is not None and rest == "day":
        return _yearless_days(base, step)
    return None, None


# ---------------------------------------------------------------------------- claims


def extract_dates(doc: Document, settings: ClaimsSettings) -> tuple[Claim, ...]:
    """Every date expression of ``doc`` as a ``Claim(kind="date")``, sorted by span."""
    text = doc.text
    if not text or not doc.annotation.tokens:
        return ()
    base: Base | None = None
    dateline = dateline_date(text, max_chars=settings.date_dateline_chars)
    if doc.article.published_date is not None:
        base = Base.of(doc.article.published_date)
    elif dateline is not None and settings.date_use_dateline:
        base = Base(dateline.month, dateline.day, dateline.year)
    cl = Clauses.of(doc)
    tok_at = _token_index(doc)
    claims = []
    for expr in find_date_expressions(doc):
        tense, subject, action = _roles(cl, tok_at, expr)
        if expr.relative is not None and not settings.date_resolve_relative:
            iso, precision = None, None
        else:
            iso, precision = resolve_expression(expr, base, tense)
        if dateline is not None and dateline.span == (expr.start, expr.end):
            subject, action = dateline.agency, "publish"
        surface = expr.text
        sent = _sentence_span(doc, expr.start)
        claims.append(Claim(
            id=content_id(doc.id, "date", expr.start, expr.end),
            article_id=doc.id, kind="date", text=surface, span=(expr.start, expr.end),
            date=iso, precision=precision if iso else None, sentence_span=sent,
            subject=subject, action=action, expression=surface,
            modality="forecast" if tense == "future" else "asserted",
        ))
    return tuple(claims)


def _token_index(doc: Document) -> dict[int, int]:
    out: dict[int, int] = {}
    for i, t in enumerate(doc.annotation.tokens):
        for c in range(t.start, t.end):
            out[c] = i
    return out


def _sentence_span(doc: Document, pos: int) -> tuple[int, int] | None:
    for s in doc.annotation.sentences:
        if s.start <= pos < s.end:
            return (s.start, s.end)
    return None


def _roles(cl: Clauses, tok_at: dict[int, int], expr: DateExpression
           ) -> tuple[str | None, str | None, str | None]:
    """(tense, subject, action) of the clause the expression modifies."""
    idx = sorted({tok_at[c] for c in range(expr.start, expr.end) if c in tok_at})
    if not idx:
        return None, None, None
    toks = cl.tokens
    inside = set(idx)
    head = next((i for i in idx if toks[i].head not in inside or toks[i].head == i), idx[0])
    # climb over prepositions ("on December 25" -> sent); stop at a verb or an event noun
    k, steps = toks[head].head, 0
    while steps < 8 and k not in inside:
        t = toks[k]
        if t.pos in ("VERB", "AUX") and (t.pos == "VERB" or t.dep == "ROOT"):
            break
        if t.pos == "NOUN" and toks[head].dep not in ("pobj",) and t.dep != "npadvmod":
            return None, _possessor(cl, k), cl.lemma(k)  # "the 2014 Maidan revolution"
        if t.head == k:
            break
        head, k, steps = k, t.head, steps + 1
    verb = cl.governing_verb(k)
    if verb is None:
        return None, None, None
    vt = toks[verb]
    tense = "future" if cl.is_forecast(verb) else (
        "past" if vt.tag in ("VBD", "VBN") or any(
            toks[a].lemma == "have" for a in cl.kids(verb, "aux")) else None)
    subj = cl.subject_of(verb)
    obj = cl.object_of(verb)
    if obj is not None and toks[obj].pos == "PROPN" and vt.dep == "acl":
        obj = None  # "... to Kim, sent on December 18": Kim is not what was sent
    subject = cl.name_phrase(subj) if subj is not None else None
    if subject is None and obj is not None:
        subject = _possessor(cl, obj)
    action = " ".join(x for x in (cl.lemma(verb), cl.lemma(obj)) if x)
    return tense, subject, action or None


def _possessor(cl: Clauses, noun: int) -> str | None:
    poss = [p for p in cl.kids(noun, "poss") if cl.tokens[p].pos == "PROPN"]
    return cl.name_phrase(poss[0], with_of=False) if poss else None
