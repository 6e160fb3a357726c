"""Figures on real-looking news sentences: value, unit, counted noun, approximator, aspect,
modality, subject and action; and the numbers that are not figures."""

from __future__ import annotations

import pytest

from storyline.claims.figures import extract_figures
from storyline.claims.settings import ClaimsSettings

S = ClaimsSettings()


def _figures(make_doc, text, **kw):
    doc = make_doc(text, **kw)
    return extract_figures(doc, S), doc


def _one(claims, surface):
    hits = [c for c in claims if c.text == surface]
    assert hits, f"no figure {surface!r} among {[c.text for c in claims]}"
    return hits[0]


# (sentence, figure text, expected fields)
CASES = [
    ("Since last year, North Korea has dispatched approximately 15,000 combat troops to aid "
     "Moscow in its conflict with Ukraine.",
     "approximately 15,000 combat troops",
     dict(value=15000, unit=None, noun="troop", approximator="about", aspect="total",
          modality="asserted", subject="North Korea", action="dispatch")),
    ("South Korean intelligence indicated that North Korea may send an additional 30,000 troops "
     "to aid Russia.",
     "an additional 30,000 troops",
     dict(value=30000, noun="troop", approximator=None, aspect="addition", modality="forecast",
          subject="North Korea", action="send")),
    ("Reports suggest that North Korea is now supplying nearly half of Russia's ammunition for "
     "the conflict.",
     "nearly half of Russia's ammunition",
     dict(value=50, unit="percent", noun="ammunition", approximator="nearly", aspect="share",
          modality="asserted", subject="North Korea", action="supply")),
    ("As the war in Ukraine enters its third year, the ties between Moscow and Pyongyang deepen.",
     "third year",
     dict(value=3, unit="ordinal", noun="year", aspect="ordinal", subject="war in Ukraine",
          action="enter")),
    ("As the SVO enters its fourth year, the involvement of North Korea marks a new chapter.",
     "fourth year",
     dict(value=4, unit="ordinal", noun="year", aspect="ordinal", subject="SVO", action="enter")),
    ("The strike entered its fourth day on Monday as talks stalled.",
     "fourth day", dict(value=4, unit="ordinal", noun="day", aspect="ordinal")),
    ("The European Union approved $1.5 billion in military aid for Kyiv on Thursday.",
     "$1.5 billion", dict(value=1.5e9, unit="USD", subject="European Union", action="approve")),
    ("Seoul pledged 300 billion won to the reconstruction fund.",
     "300 billion won", dict(value=3e11, unit="KRW", subject="Seoul", action="pledge")),
    ("Moscow paid 5 million rubles in compensation to the families.",
     "5 million rubles", dict(value=5e6, unit="RUB", noun=None)),
    ("The club was sold for £20m, the newspaper reported.",
     "£20m", dict(value=2e7, unit="GBP")),
    ("The fund received a further 1.2 million euros last year.",
     "a further 1.2 million euros", dict(value=1.2e6, unit="EUR", aspect="addition")),
    ("The company secured US$3bn in new financing.",
     "US$3bn", dict(value=3e9, unit="USD")),
    ("About 45% of voters backed the measure, according to the exit poll.",
     "About 45% of voters",
     dict(value=45, unit="percent", noun="voter", approximator="about", aspect="share")),
    ("Unemployment rose by 0.3 percentage points in the third quarter.",
     "0.3 percentage points",
     dict(value=0.3, unit="percentage_point", aspect="change", subject="Unemployment")),
    ("Police said 30 000 people took part in the march through the capital.",
     "30 000 people", dict(value=30000, noun="people")),
    ("The outbreak infected two dozen workers at the plant.",
     "two dozen workers", dict(value=24, noun="worker", approximator=None)),
    ("More than 200 people were killed in the fighting, officials said.",
     "More than 200 people", dict(value=200, approximator="more_than", noun="people")),
    ("Up to 3,000 troops could be deployed to the border by spring.",
     "Up to 3,000 troops", dict(value=3000, approximator="up_to", modality="forecast",
                                action="deploy")),
    ("Almost 1.2 million refugees have crossed into Poland, the agency said.",
     "Almost 1.2 million refugees", dict(value=1.2e6, approximator="nearly", noun="refugee")),
    ("At least 12 civilians died in the shelling overnight.",
     "At least 12 civilians", dict(value=12, approximator="at_least", noun="civilian")),
    ("Fewer than 500 residents remain in the town.",
     "Fewer than 500 residents", dict(value=500, approximator="less_than")),
    ("NATO sent another 5,000 soldiers to the Baltic states.",
     "another 5,000 soldiers",
     dict(value=5000, aspect="addition", noun="soldier", subject="NATO", action="send")),
    ("The alliance will send 10,000 more troops next year.",
     "10,000 more troops", dict(value=10000, aspect="addition", modality="forecast")),
    ("Thousands of protesters marched through the capital on Sunday.",
     "Thousands of protesters",
     dict(value=None, approximator="vague", noun="protester", action="march")),
    ("Tens of thousands of people fled the region.",
     "Tens of thousands of people", dict(value=None, approximator="vague", noun="people")),
    ("The firm cut 1,200 jobs, a third of its workforce.",
     "a third of its workforce",
     dict(value=33.33, unit="percent", aspect="share", noun="workforce")),
    ("The death toll rose to 45, the ministry said.",
     "45", dict(value=45, noun="toll", action="rise")),
    ("Russia is expected to deploy some 2,000 engineers to the Kursk region.",
     "some 2,000 engineers", dict(value=2000, approximator="about", modality="forecast",
                                  subject="Russia", action="deploy")),
    ("Sarah Palin's home church has had a million dollars of damage done to it by arsonists.",
     "a million dollars of damage", dict(value=1e6, unit="USD", noun="damage")),
    ("The government announced cuts to get bailout loans of 110 b. Euro from the EU and IMF.",
     "110 b. Euro", dict(value=1.1e11, unit="EUR")),
    ("In 2014 the company employed 2000 workers in the region.",
     "2000 workers", dict(value=2000, noun="worker")),
]


@pytest.mark.parametrize(("text", "surface", "expected"), CASES, ids=[c[1] for c in CASES])
def test_figure_fields(make_doc, text, surface, expected):
    claims, doc = _figures(make_doc, text)
    c = _one(claims, surface)
    assert c.kind == "quantity"
    assert doc.text[c.span[0] : c.span[1]] == c.text
    assert c.sentence_span is not None and c.sentence_span[0] <= c.span[0]
    for field, want in expected.items():
        got = getattr(c, field)
        if isinstance(want, float) or (isinstance(want, int) and not isinstance(want, bool)):
            assert got == pytest.approx(want), field
        else:
            assert got == want, field


# (sentence, surfaces that must NOT be read as (part of) a figure)
NOT_FIGURES = [
    ("Tensions escalated after the 2014 Maidan revolution in Ukraine.", ["2014"]),
    ("In 2014, Russia annexed Crimea.", ["2014"]),
    ("The treaty was signed in June 2024 during the summit in Pyongyang.", ["2024"]),
    ("Previously, on December 25, Putin had sent a New Year's greeting to Kim.", ["25"]),
    ("COVID-19 restrictions were lifted in the spring.", ["19"]),
    ("Ukraine received more F-16 jets from its allies.", ["16"]),
    ("Under Article 5, an attack on one member is an attack on all.", ["5"]),
    ("The plane, Flight 370, vanished over the Indian Ocean.", ["370"]),
    ("The meeting began at 10:30 and the vote was held at 9 a.m. on Tuesday.", ["10:30", "9"]),
    ("John Smith, 45, was arrested at the scene.", ["45"]),
    ("A 45-year-old man was arrested at the scene.", ["45"]),
    ("The ties between the two nations have deepened.", ["two"]),
    ("One of the victims was a child, police said.", ["One"]),
    ("It is the third time the court has ruled on the case.", ["third"]),
    ("He finished second in the race.", ["second"]),
    ("Esther Williams, Olympic swimmer turned actress, dies at 91", ["91"]),
    ("Esther Williams has died. She was 91.", ["91"]),
    ("Police said she shot them with a . 357 Magnum.", ["357"]),
    ("http://www.example.com/2010/05/05/breaking - news - 3 - dead - at - bank/\nThree people "
     "died.", ["05", "3"]),
    ("For details call 0845 125 2222 or dial 911.", ["0845", "125", "2222", "911"]),
    ("The blast happened at 9.25 a. m. local time.", ["9.25"]),
    ("Arsenal led 3-1 at half-time after two goals from Saka.", ["3-1"]),
    ("The win improved the Ukrainian-born fighter to 52-3, while Rahman dropped to 45-7-2.",
     ["52-3", "45-7-2"]),
    ("The order, dated 11/28/05, was posted by the court.", ["11/28/05"]),
]


@pytest.mark.parametrize(("text", "forbidden"), NOT_FIGURES, ids=[t[:40] for t, _ in NOT_FIGURES])
def test_not_figures(make_doc, text, forbidden):
    claims, doc = _figures(make_doc, text)
    for word in forbidden:
        start = text.index(word)
        end = start + len(word)
        assert not any(c.span[0] < end and start < c.span[1] for c in claims), (
            f"{word!r} read as a figure: {[c.text for c in claims]}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 10 and 15 people died in the collapse, officials said.",
         [(10, "at_least", "people"), (15, "at_most", "people")]),
        ("From 2,000 to 3,000 troops are deployed along the border.",
         [(2000, "at_least", "troop"), (3000, "at_most", "troop")]),
        ("Another 15-20 others were hurt in the blast.",
         [(15, "at_least", "other"), (20, "at_most", "other")]),
        ("The final vote was 52 to 48.", [(52, None, "vote"), (48, None, None)]),  # no range
    ],
)
def test_ranges(make_doc, text, expected):
    claims, _ = _figures(make_doc, text)
    assert [(c.value, c.approximator, c.noun) for c in claims] == expected


def test_coordinated_numbers_are_two_figures(make_doc):
    claims, _ = _figures(make_doc, "The club offered contracts of between six and eight years.")
    assert [c.value for c in claims] == [6, 8]


def test_more_after_the_number_is_an_addition(make_doc):
    claims, _ = _figures(make_doc, "The ministry said 1,500 more soldiers will be sent next month.")
    assert [(c.text, c.aspect, c.modality) for c in claims] == [
        ("1,500 more soldiers", "addition", "forecast")]


def test_ids_are_content_hashes_and_deterministic(make_doc):
    text = "North Korea has dispatched approximately 15,000 combat troops to Russia."
    a, _ = _figures(make_doc, text)
    b, _ = _figures(make_doc, text)
    assert [c.id for c in a] == [c.id for c in b] and len({c.id for c in a}) == len(a)


def test_vague_plurals_can_be_switched_off(make_doc):
    doc = make_doc("Thousands of protesters marched through the capital.")
    assert extract_figures(doc, ClaimsSettings(figure_keep_vague=False)) == ()
    assert extract_figures(doc, S)


def test_ordinal_nouns_setting(make_doc):
    doc = make_doc("It is the third time the court has ruled on the case.")
    assert extract_figures(doc, S) == ()
    nouns = S.figure_ordinal_nouns + ("time",)
    got = extract_figures(doc, ClaimsSettings(figure_ordinal_nouns=nouns))
    assert [(c.value, c.noun) for c in got] == [(3, "time")]


def test_empty_document(make_doc):
    assert extract_figures(make_doc(""), S) == ()
