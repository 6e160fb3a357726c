"""Features of one article: date normalisation, titles, salience keys."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import build_doc

from storyline.stories import StoriesSettings
from storyline.stories.features import extract, normalise_dates, trim_title


@pytest.mark.parametrize(
    ("text", "days", "years"),
    [
        ("December 15th, 2008", ["2008-12-15"], [2008]),
        ("Dec. 4, 2025", ["2025-12-04"], [2025]),
        ("15 December 2008", ["2008-12-15"], [2008]),
        ("on the 3rd of March 2011", ["2011-03-03"], [2011]),
        ("2024-06-19", ["2024-06-19"], [2024]),
        ("June 2024", [], [2024]),
        ("the 1990s", [], [1990]),
        ("last year", [], []),
        ("Saturday", [], []),
        ("February 30, 2020", [], [2020]),  # no such day: the year still counts
    ],
)
def test_normalise_dates(text, days, years):
    got_days, got_years = normalise_dates(text)
    assert [dt.date.fromordinal(d).isoformat() for d in got_days] == days
    assert got_years == years


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Quake kills 14 in eastern Turkey", 60, "Quake kills 14 in eastern Turkey"),
        ("Putin's New Year Message to Kim Jong Un Underlines Strengthening Russia-North Korea Ties",
         40, "Putin's New Year Message to Kim Jong…"),
        ("  two\nlines  ", 40, "two lines"),
    ],
)
def test_trim_title(text, limit, expected):
    out = trim_title(text, limit)
    assert out == expected
    assert len(out) <= limit


def test_title_prefers_headline_then_first_real_line():
    s = StoriesSettings()
    with_title = build_doc(["A quake struck [Malatya|GPE] on Sunday."], title="Quake in Malatya")
    assert extract(with_title, s).title == "Quake in Malatya"
    url_first = build_doc(["http://www.example.com/news/quake.html",
                           "A strong quake struck [Malatya|GPE] on Sunday."])
    assert extract(url_first, s).title == "A strong quake struck Malatya on Sunday."


def test_keys_salience_and_time():
    s = StoriesSettings(lead_sentences=1)
    doc = build_doc(
        ["[Recep Tayyip Erdogan|PERSON] visited [Malatya|GPE] on [December 4|DATE], 2025.",
         "Later [Erdogan|PERSON] met rescuers.", "Rescuers searched buildings."],
        published=None,
    )
    f = extract(doc, s)
    # the surname is a key of its own, so the full name and the later short form meet
    assert "e:erdogan" in f.entities and "e:recep tayyip erdogan" in f.entities
    assert f.entities["e:erdogan"] > f.entities["e:recep tayyip erdogan"]
    # a lead mention weighs more than a body mention
    assert f.terms["t:visited"] > f.terms["t:searched"]
    # the year outside the NER span is found; the date gives the day when no publication date
    assert f.day == dt.date(2025, 12, 4).toordinal()
    assert f.years == {2025}
    assert "e:malatya" in f.places


def test_publication_date_wins_over_text_dates():
    doc = build_doc(["Talks ended on [June 3|DATE], 2019, officials said."], published="2025-01-10")
    f = extract(doc, StoriesSettings())
    assert f.day == dt.date(2025, 1, 10).toordinal()
    assert f.years == {2025}  # 2019 is more than a year away from publication: not the incident
