"""The dateline at the head of a news report: one rule for every stage.

    "PORT HALDEN, March 4 (Northwire) -", "WASHINGTON (AP) —", "Seoul, Dec 27 (NationPress)",
    "MOSCOW, 4 December -", "KYIV, Ukraine, March 3, 2025 (AP) --"

A dateline is read by three stages: reuse credits the agency it names as a source, quotation
attribution relays quotes through that agency (and never takes dateline words for a speaker), and
date resolution takes its day as the report's reference date when the report has no publication
date. Three regexes once gave three answers (one needed a dash after the agency, one no dash,
one a date); :func:`find_dateline` is the one reading all three use.

The form: a place (one to five capitalised words, with "of"/"de"/... between them, optionally
followed by ", Region"), an optional date ("Dec. 27", "27 December", "March 3, 2025"), an optional
agency in parentheses, an optional dash or colon. It must start one of the first
``max_lines`` lines within the first ``max_chars`` characters, and it is a dateline only when a
date or a place written in capitals comes before the agency or the dash, or a dash follows the
agency: "Paris, June 5 and 6 were the hottest days", "Officials at the Ministry of Defence (MoD)
said" and "Sen. Elizabeth Warren (D-Mass.) said" are sentences, not datelines. Hand-written: no
library reads news datelines.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from storyline.text.lexicon import MONTHS

__all__ = ["Dateline", "find_dateline"]

_WORD = r"[A-Z][\w'’.&-]*"
_LINK = r"(?:of|de|del|la|le|al|el|upon|sur|am|an|on)"
_MON = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_DATE = (rf"(?P<mon>{_MON})\.?[ \t]+(?P<day>[0-3]?\d)(?:,?[ \t]+(?P<year>\d{{4}}))?"
         rf"|(?P<day2>[0-3]?\d)[ \t]+(?P<mon2>{_MON})\.?(?:,?[ \t]+(?P<year2>\d{{4}}))?")
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:[ \t]+(?:{_WORD}|{_LINK}(?=[ \t]+[A-Z]))){{0,4}})"
    rf"(?:,[ \t]*(?!{_MON}\.?[ \t]+\d){_WORD}(?:[ \t]+{_WORD}){{0,2}})?"  # ", Ukraine", ", Ill."
    rf"(?:,?[ \t]*(?P<date>{_DATE}))?"
    r"[ \t]*(?:\((?P<agency>[A-Z0-9][^()\n]{1,39})\))?"
    r"[ \t]*(?P<dash>[-\u2013\u2014:]{1,2})?"
    r"(?<=[)\-\u2013\u2014:])"  # ends with the agency or a dash: backtrack until it does
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found in a text. ``span`` covers the whole dateline (dash included); the date
    fields are set only when it gives a valid day (``year`` only when written)."""

    span: tuple[int, int]
    place: str
    agency: str | None = None
    agency_span: tuple[int, int] | None = None
    date_span: tuple[int, int] | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None


def _month(name: str) -> int | None:
    key = name.lower()
    if key in MONTHS:
        return MONTHS[key]
    if len(key) > 3 and not key.startswith("sept"):  # "Marching" is no month
        return None
    return MONTHS.get(key[:3])


def _date_of(m: re.Match[str]) -> tuple[int, int, int | None] | None:
    if not m.group("date"):
        return None
    month = _month(m.group("mon") or m.group("mon2"))
    day = int(m.group("day") or m.group("day2"))
    year_s = m.group("year") or m.group("year2")
    year = int(year_s) if year_s else None
    if month is None:
        return None
    try:
        _dt.date(year or 2000, month, day)  # 2000: a leap year, so "Feb 29" without a year stands
    except ValueError:
        return None
    return month, day, year


def _is_dateline(m: re.Match[str], date: tuple[int, int, int | None] | None) -> bool:
    place = m.group("place")
    capitals = place.isupper() and sum(ch.isalpha() for ch in place) >= 3
    if m.group("agency"):
        # "Sen. Elizabeth Warren (D-Mass.) said" opens a sentence, not a dateline
        return capitals or date is not None or bool(m.group("dash"))
    return bool(m.group("dash")) and (date is not None or capitals)


def find_dateline(text: str, *, max_chars: int = 600, max_lines: int = 12,
                  dated: bool = False) -> Dateline | None:
    """The dateline at the start of one of the first ``max_lines`` lines of ``text`` that begin
    within ``max_chars`` characters, else ``None``; with ``dated``, the first that gives a day
    (a "BREAKING:" line above "MOSCOW, 4 December -" gives none)."""
    pos = 0
    for line in text[:max_chars].split("\n")[:max_lines]:
        lead = len(line) - len(line.lstrip())
        line_end = text.find("\n", pos)
        m = _DATELINE.match(text, pos + lead, len(text) if line_end < 0 else line_end)
        pos += len(line) + 1
        if m is None:
            continue
        date = _date_of(m)
        if not _is_dateline(m, date) or (dated and date is None):
            continue
        end = m.end()
        while end > m.start() and text[end - 1] in " \t":
            end -= 1
        agency = m.group("agency").strip() if m.group("agency") else None
        return Dateline(
            span=(m.start(), end),
            place=m.group("place").strip(),
            agency=agency,
            agency_span=m.span("agency") if agency else None,
            date_span=m.span("date") if date else None,
            month=date[0] if date else None,
            day=date[1] if date else None,
            year=date[2] if date else None,
        )
    return None
