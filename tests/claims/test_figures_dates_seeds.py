"""Figures and dates on the five seed articles (none has a publication date).

What is expected comes from reading the articles: 000/001 give ordinals of the war's year,
002 the forecast addition and the share, 003 the dispatched total and the dateline, 004 the
monument date.
"""

from __future__ import annotations

import pytest

from storyline.claims.dates import extract_dates
from storyline.claims.figures import extract_figures
from storyline.claims.settings import ClaimsSettings

S = ClaimsSettings()


def _fields(c):
    return dict(text=c.text, value=c.value, unit=c.unit, noun=c.noun,
                approximator=c.approximator, aspect=c.aspect, modality=c.modality,
                subject=c.subject, action=c.action)


def test_seed_figures(seed_docs):
    figures = [[_fields(c) for c in extract_figures(d, S)] for d in seed_docs]
    assert figures[0] == [dict(text="third year", value=3.0, unit="ordinal", noun="year",
                               approximator=None, aspect="ordinal", modality="asserted",
                               subject="war in Ukraine", action="enter")]
    assert figures[1] == [dict(text="fourth year", value=4.0, unit="ordinal", noun="year",
                               approximator=None, aspect="ordinal", modality="asserted",
                               subject="SVO", action="enter")]
    assert figures[2] == [
        dict(text="an additional 30,000 troops", value=30000.0, unit=None, noun="troop",
             approximator=None, aspect="addition", modality="forecast", subject="North Korea",
             action="send"),
        dict(text="nearly half of Russia’s ammunition", value=50.0, unit="percent",
             noun="ammunition", approximator="nearly", aspect="share", modality="asserted",
             subject="North Korea", action="supply"),
    ]
    assert figures[3] == [dict(text="approximately 15,000 combat troops", value=15000.0,
                               unit=None, noun="troop", approximator="about", aspect="total",
                               modality="asserted", subject="North Korea", action="dispatch")]
    assert figures[4] == []  # "the two nations" is anaphoric, "SWO" has no number


def test_seed_dates(seed_docs):
    dates = [[(c.text, c.date, c.precision) for c in extract_dates(d, S)] for d in seed_docs]
    assert dates[0] == [("2014", "2014", "year")]  # "the 2014 Maidan revolution"
    assert dates[1] == []
    assert dates[2] == [
        ("August 15, 1945", "1945-08-15", "day"),
        ("last summer", None, None),  # no publication date: not resolvable
        ("last month", None, None),
        ("last year", None, None),
    ]
    assert dates[3] == [
        ("Dec 27", "--12-27", "day"),  # the dateline
        ("Saturday", None, None),  # a weekday needs a year the dateline does not give
        ("December 18", "--12-18", "day"),
        ("December 25", "--12-25", "day"),
        ("June 2024", "2024-06", "month"),
        ("last year", None, None),
    ]
    assert dates[4] == [("December 4", "--12-04", "day")]


def test_seed_date_roles(seed_docs):
    by_text = {c.text: c for c in extract_dates(seed_docs[3], S)}
    assert (by_text["December 25"].subject, by_text["December 25"].action) == (
        "Putin", "send greeting")
    assert by_text["Dec 27"].subject == "NationPress"
    (dec4,) = extract_dates(seed_docs[4], S)
    assert (dec4.subject, dec4.action) == ("Governor Alexander Khinstin", "announce plan")


@pytest.mark.parametrize("published", ["2025-12-27"])
def test_seed_dates_with_a_publication_date(seed_docs, published):
    from dataclasses import replace

    from storyline.models import Document

    doc = seed_docs[2]
    dated = Document(replace(doc.article, published=published), doc.annotation)
    got = [(c.text, c.date, c.precision) for c in extract_dates(dated, S)]
    assert got == [
        ("August 15, 1945", "1945-08-15", "day"),
        ("last summer", "2025", "year"),
        ("last month", "2025-11", "month"),
        ("last year", "2024", "year"),
    ]
