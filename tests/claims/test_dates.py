"""Dates on real-looking news sentences: explicit, partial and relative expressions, their
resolution against the publication date or a dateline, precision, and the traps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.claims.date_grammar import DateExpression
from storyline.claims.dates import Base, dateline_date, extract_dates, resolve_expression
from storyline.claims.settings import ClaimsSettings

S = ClaimsSettings()


def _dates(make_doc, text, published=None, settings=S):
    doc = make_doc(text, published=published)
    claims = extract_dates(doc, settings)
    for c in claims:
        assert c.kind == "date" and doc.text[c.span[0] : c.span[1]] == c.text == c.expression
        assert (c.date is None) == (c.precision is None)
    return [(c.text, c.date, c.precision) for c in claims]


# (sentence, published, expected [(expression, date, precision)] in text order)
CASES = [
    # explicit
    ("Putin's message was sent on December 25, 2025, the Kremlin said.", None,
     [("December 25, 2025", "2025-12-25", "day")]),
    ("The ceasefire took effect on 25 December 2025.", None,
     [("25 December 2025", "2025-12-25", "day")]),
    ("The decree, dated 2025-12-25, was published on the portal.", None,
     [("2025-12-25", "2025-12-25", "day")]),
    ("Korea was liberated from Japanese rule on August 15, 1945.", None,
     [("August 15, 1945", "1945-08-15", "day")]),
    # partial, no publication date: the year stays unknown
    ("On December 4, Governor Alexander Khinstin announced plans to erect a monument.", None,
     [("December 4", "--12-04", "day")]),
    ("The summit was held in Pyongyang in June 2024.", None, [("June 2024", "2024-06", "month")]),
    ("Russia annexed Crimea in 2014.", None, [("2014", "2014", "year")]),
    ("The law takes effect in March, officials said.", None, [("March", "--03", "month")]),
    # partial with a publication date: the year comes from it, on the side the tense says
    ("On December 4, Governor Alexander Khinstin announced plans to erect a monument.",
     "2025-12-27", [("December 4", "2025-12-04", "day")]),
    ("Putin had sent his greeting on December 25.", "2026-01-03",
     [("December 25", "2025-12-25", "day")]),
    ("The talks will resume on January 5.", "2025-12-27", [("January 5", "2026-01-05", "day")]),
    ("The ministry announced the plan in March.", "2025-12-27", [("March", "2025-03", "month")]),
    # relative, resolved against the publication date (2025-12-27 is a Saturday)
    ("Concerns were raised last month by South Korean intelligence.", "2025-12-27",
     [("last month", "2025-11", "month")]),
    ("The pact was formalized last year when Putin visited North Korea.", "2025-12-27",
     [("last year", "2024", "year")]),
    ("The counter-offensive last summer changed the front.", "2025-12-27",
     [("last summer", "2025", "year")]),
    ("The counter-offensive last summer changed the front.", "2025-03-10",
     [("last summer", "2024", "year")]),
    ("The greeting was reported by state media on Saturday.", "2025-12-27",
     [("Saturday", "2025-12-27", "day")]),
    ("The greeting was reported by state media on Saturday.", "2025-12-29",
     [("Saturday", "2025-12-27", "day")]),
    ("The minister resigned yesterday.", "2025-12-27", [("yesterday", "2025-12-26", "day")]),
    ("The minister resigned three days ago.", "2025-12-27",
     [("three days ago", "2025-12-24", "day")]),
    ("Officials will meet next week to discuss the plan.", "2025-12-27",
     [("next week", None, None)]),  # Dec 29 - Jan 4 spans two years: no single unit
    ("Officials met last week to discuss the plan.", "2025-12-27",
     [("last week", "2025-12", "month")]),
    ("The parliament will vote next Tuesday.", "2025-12-27",
     [("next Tuesday", "2025-12-30", "day")]),
    ("Inflation slowed earlier this year.", "2025-12-27", [("earlier this year", "2025", "year")]),
    # relative without a publication date: kept, not resolved
    ("Concerns were raised last month by South Korean intelligence.", None,
     [("last month", None, None)]),
    ("The greeting was reported by state media on Saturday.", None, [("Saturday", None, None)]),
    ("Friday, Sep 10,2010 | Updated 8:52 PM EDT", None,
     [("Friday", None, None), ("Sep 10,2010", "2010-09-10", "day")]),
    ("Elections in Turkmenistan to be held on two-party basis\n26 September 2013,10:00 "
     "(GMT+05:00)\nParliamentary elections in Turkmenistan, which are planned for December "
     "15,2013, will be held on a two-party basis.", None,
     [("26 September 2013", "2013-09-26", "day"), ("December 15,2013", "2013-12-15", "day")]),
    ("The next day, police charged him.", "2025-12-27", [("next day", None, None)]),
    ("The order, dated 11/28/2005, was posted by the court.", None,
     [("11/28/2005", "2005-11-28", "day")]),
    ("The order, dated 28.11.2005, was posted by the court.", None,
     [("28.11.2005", "2005-11-28", "day")]),
    ("The order, dated 03/04/2005, was posted by the court.", None,
     [("03/04/2005", "2005", "year")]),  # March 4 or 3 April: only the year is certain
    ("The decree was published on 2025/12/25 in the gazette.", None,
     [("2025/12/25", "2025-12-25", "day")]),
    ("The order, dated 11/28/05, was posted by the court.", None, []),  # no century guessed
    ("Voting began in Turkmenistan on Dec.14, officials said.", None,
     [("Dec.14", "--12-14", "day")]),
    ("The fire broke out on the roof at about 2045 GMT on Friday.", None,
     [("Friday", None, None)]),
    # traps
    ("http://www.pennlive.com/2013/06/williams.html\nShe died on Thursday.", None,
     [("Thursday", None, None)]),
    ("North Korea may send an additional 30,000 troops to aid Russia.", None, []),
    ("Protesters march through the capital every week.", None, []),
    ("May 9 is celebrated as Victory Day in Russia.", None, [("May 9", "--05-09", "day")]),
    ("The Sunday Times reported the deal.", None, []),
    ("I believe that today's alliance serves as a precious common asset.", None, []),
    ("The bonds remain solid and reliable even today.", "2025-12-27", []),
    ("The army will march on the city in May.", None, [("May", "--05", "month")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES,
                         ids=[f"{c[0][:35]}|{c[1]}" for c in CASES])
def test_dates(make_doc, text, published, expected):
    assert _dates(make_doc, text, published) == expected


def test_date_roles(make_doc):
    doc = make_doc("Previously, on December 25, Putin had sent a New Year's greeting to Kim.")
    (c,) = extract_dates(doc, S)
    assert (c.subject, c.action) == ("Putin", "send greeting")
    doc = make_doc("On December 4, Governor Alexander Khinstin announced plans to erect a tribute.")
    (c,) = extract_dates(doc, S)
    assert (c.subject, c.action) == ("Governor Alexander Khinstin", "announce plan")


def test_date_modality(make_doc):
    (c,) = extract_dates(make_doc("The talks will resume on January 5."), S)
    assert c.modality == "forecast"
    (c,) = extract_dates(make_doc("The talks resumed on January 5."), S)
    assert c.modality == "asserted"


def test_relative_dates_can_be_left_unresolved(make_doc):
    got = _dates(make_doc, "The minister resigned yesterday.", "2025-12-27",
                 ClaimsSettings(date_resolve_relative=False))
    assert got == [("yesterday", None, None)]


# ------------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul, Dec 27 (NationPress) North Korean leader Kim Jong-un has conveyed greetings.",
         ("--12-27", "NationPress")),
        ("WASHINGTON, Dec. 27, 2025 (Reuters) - The president said on Friday ...",
         ("2025-12-27", "Reuters")),
        ("MOSCOW, 4 December - Governor Khinstin announced plans ...", ("--12-04", None)),
        ("Headline of the story\nKey points\nKYIV, March 3 (AP) — Russian forces ...",
         ("--03-03", "AP")),
        ("Paris, June 5 and 6 were the hottest days of the year.", None),
        ("The summit in Pyongyang in June 2024 sealed the pact.", None),
    ],
)
def test_dateline_date(text, expected):
    got = dateline_date(text)
    assert (None if got is None else (got.iso, got.agency)) == expected
    if got is not None:
        assert got.precision == "day"


def test_dateline_gives_the_base_only_for_what_it_determines(make_doc):
    text = ("Seoul, Dec 27 (NationPress) Concerns were raised last month by officials, who met "
            "yesterday. The pact was signed last year and reported on Saturday.")
    got = _dates(make_doc, text)
    assert got == [
        ("Dec 27", "--12-27", "day"),
        ("last month", "--11", "month"),  # fully determined without the year
        ("yesterday", "--12-26", "day"),
        ("last year", None, None),  # needs the year
        ("Saturday", None, None),  # a weekday needs the year
    ]
    # a publication date wins over the dateline
    got = _dates(make_doc, text, "2025-12-28")
    assert ("last year", "2024", "year") in got
    # and the dateline base can be switched off
    off = _dates(make_doc, text, None, ClaimsSettings(date_use_dateline=False))
    assert ("last month", None, None) in off


# ------------------------------------------------------------------ resolution (no spaCy)


def _expr(**kw):
    return DateExpression(0, 1, "x", **kw)


@pytest.mark.parametrize(
    ("expr", "base", "tense", "expected"),
    [
        (_expr(month=12, day=25), None, None, ("--12-25", "day")),
        (_expr(month=12, day=25), Base(12, 27, 2025), "past", ("2025-12-25", "day")),
        (_expr(month=12, day=28), Base(12, 27, 2025), "past", ("2024-12-28", "day")),
        (_expr(month=12, day=28), Base(12, 27, 2025), None, ("2025-12-28", "day")),
        (_expr(month=1, day=5), Base(12, 27, 2025), "future", ("2026-01-05", "day")),
        (_expr(month=2, day=29), Base(3, 1, 2025), "past", ("2024-02-29", "day")),
        (_expr(month=12), Base(12, 27, None), "past", ("--12", "month")),
        (_expr(relative="last:month"), Base(1, 10, 2026), None, ("2025-12", "month")),
        (_expr(relative="last:month"), Base(1, 10, None), None, ("--12", "month")),
        (_expr(relative="last:year"), Base(1, 10, None), None, (None, None)),
        (_expr(relative="deictic:-1"), Base(1, 1, None), None, (None, None)),  # needs the year
        (_expr(relative="deictic:-1"), Base(3, 1, None), None, (None, None)),  # leap year?
        (_expr(relative="deictic:-1"), Base(3, 2, None), None, ("--03-01", "day")),
        (_expr(relative="last:winter"), Base(6, 1, 2025), None, (None, None)),  # Dec-Feb
        (_expr(relative="this:summer"), Base(12, 27, 2025), None, ("2025", "year")),
        (_expr(relative="next:summer"), Base(12, 27, 2025), None, ("2026", "year")),
        (_expr(relative="ago:month:2"), Base(1, 15, 2026), None, ("2025-11", "month")),
        (_expr(relative="ago:year:10"), Base(1, 15, 2026), None, ("2016", "year")),
        (_expr(relative="last:weekday:5"), Base(12, 27, 2025), None, ("2025-12-20", "day")),
        (_expr(relative="weekday:4"), Base(12, 27, 2025), "future", ("2026-01-02", "day")),
        (_expr(relative="last:month"), None, None, (None, None)),
    ],
)
def test_resolve_expression(expr, base, tense, expected):
    assert resolve_expression(expr, base, tense) == expected


def test_base_of_date():
    assert Base.of(dt.date(2025, 12, 27)) == Base(12, 27, 2025)


# ------------------------------------------------------------------ properties

RELATIVES = ["deictic:-1", "deictic:0", "deictic:1", "ago:day:3", "last:month", "next:month",
             "this:month", "last:day", "next:day", "last:year", "weekday:5", "last:summer",
             "last:week", "ago:month:2"]


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)),
       st.sampled_from(RELATIVES))
def test_yearless_base_never_invents_a_year(day, relative):
    """What a base without a year resolves is exactly the full resolution minus its year, for
    every year the base could be in; and it never carries a year."""
    expr = _expr(relative=relative)
    got, precision = resolve_expression(expr, Base(day.month, day.day, None))
    if got is None:
        return
    assert got.startswith("--") and precision in ("day", "month")
    full, full_precision = resolve_expression(expr, Base.of(day))
    assert full is not None and full[4:] == got[1:] and full_precision == precision


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_relative_past_expressions_are_before_the_base(day):
    base = Base.of(day)
    for relative in ("deictic:-1", "ago:day:3", "last:weekday:2"):
        iso, precision = resolve_expression(_expr(relative=relative), base)
        assert precision == "day" and dt.date.fromisoformat(iso) < day
    iso, _ = resolve_expression(_expr(relative="last:month"), base)
    y, m = map(int, iso.split("-"))
    assert (y, m) < (day.year, day.month)
