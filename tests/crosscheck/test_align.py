"""Alignment and verdicts on hand-made claims in real-looking reports."""

from __future__ import annotations

import dataclasses

import pytest
from crosscheck_records import claim_in

from storyline.crosscheck import CheckSettings, build_timeline, cross_check
from storyline.models import Entity, Event, Family, Story

S = CheckSettings()
ENTS = (
    Entity("e_peskov", "Dmitry Peskov", "PERSON", ("Peskov", "Dmitry Peskov")),
    Entity("e_lavrov", "Sergei Lavrov", "PERSON", ("Lavrov", "Sergei Lavrov")),
    Entity("e_tass", "TASS", "AGENCY", ("TASS", "Tass")),
    Entity("e_ria", "RIA Novosti", "AGENCY", ("RIA Novosti", "RIA")),
    Entity("e_nk", "North Korea", "GPE", ("North Korea", "Pyongyang")),
)
QUOTE = "We are ready to continue the dialogue without any preconditions"


@pytest.fixture(scope="module")
def reports(make_doc):
    texts = [
        (f'Kremlin spokesman Dmitry Peskov said: "{QUOTE}," according to TASS. North Korea has '
        "sent about 11,000 soldiers to Russia, officials said."),
        (f'"{QUOTE}," Peskov told reporters, TASS reported. Pyongyang has sent around 12,000 '
        "soldiers to Russia."),
        (f'Foreign Minister Sergei Lavrov said "{QUOTE}," RIA Novosti reported. North Korea has '
        "sent 25,000 soldiers to Russia, a lawmaker claimed."),
        ('Peskov said "We are ready to resume the dialogue without any preconditions." North '
        "Korea sent more than 10,000 soldiers."),
    ]
    return [make_doc(t, source=f"r{i}.txt", outlet=f"Outlet {i}") for i, t in enumerate(texts)]


def _quote(doc, text, speaker, via=None):
    ent = {"Dmitry Peskov": "e_peskov", "Peskov": "e_peskov", "Sergei Lavrov": "e_lavrov"}
    return claim_in(doc, "quote", text, speaker=speaker, speaker_entity_id=ent.get(speaker),
                    via=via, attribution="direct")


def _troops(doc, text, value, approx=None, subject="North Korea"):
    return claim_in(doc, "quantity", text, value=value, noun="soldier", approximator=approx,
                    aspect="total", modality="asserted", subject=subject, action="send")


def test_same_quote_through_one_agency_rests_on_it(reports):
    d = reports
    claims = [_quote(d[0], QUOTE, "Dmitry Peskov", "TASS"), _quote(d[1], QUOTE, "Peskov", "Tass")]
    (ch,) = cross_check(claims, d, (), (), ENTS, S)
    assert ch.status == "single_source" and ch.independent_sources == 1
    assert "rests on TASS alone" in ch.summary
    assert len(ch.family_ids) == 2  # two independent families, one agency behind both


def test_two_agencies_corroborate(reports):
    d = reports
    claims = [_quote(d[0], QUOTE, "Dmitry Peskov", "TASS"), _quote(d[1], QUOTE, "Peskov", "RIA")]
    (ch,) = cross_check(claims, d, (), (), ENTS, S)
    assert ch.status == "corroborated" and ch.independent_sources == 2


def test_rewrites_in_one_family_are_one_source(reports):
    d = reports
    claims = [_quote(d[0], QUOTE, "Dmitry Peskov"), _quote(d[1], QUOTE, "Peskov")]
    fam = (Family("f1", (d[0].id, d[1].id), d[0].id),)
    (ch,) = cross_check(claims, d, fam, (), ENTS, S)
    assert ch.status == "single_source" and ch.independent_sources == 1
    assert ch.family_ids == ("f1",)


def test_same_quote_given_to_another_speaker_is_a_conflict(reports):
    d = reports
    claims = [_quote(d[0], QUOTE, "Dmitry Peskov"), _quote(d[2], QUOTE, "Sergei Lavrov")]
    (ch,) = cross_check(claims, d, (), (), ENTS, S)
    assert ch.status == "conflicting"
    assert set(ch.values) == {"Dmitry Peskov", "Sergei Lavrov"}


def test_reworded_quote_is_a_misquote(reports):
    d = reports
    claims = [_quote(d[0], QUOTE, "Dmitry Peskov"),
              _quote(d[3], "We are ready to resume the dialogue without any preconditions.", "Peskov")]
    (ch,) = cross_check(claims, d, (), (), ENTS, S)
    assert ch.status == "misquoted"
    assert ('"continue" / "resume"' in ch.summary) or ('"resume" / "continue"' in ch.summary)
    assert "quote by Dmitry Peskov" in ch.summary


@pytest.mark.parametrize(
    "i, text, value, approx, status",
    [
        (1, "around 12,000 soldiers", 12000.0, "about", "corroborated"),  # within "about"
        (2, "25,000 soldiers", 25000.0, None, "conflicting"),  # beyond tolerance
        (3, "more than 10,000 soldiers", 10000.0, "more_than", "corroborated"),  # consistent
    ],
)
def test_figure_verdicts(reports, i, text, value, approx, status):
    d = reports
    a = _troops(d[0], "about 11,000 soldiers", 11000.0, "about")
    subject = "Pyongyang" if i == 1 else "North Korea"  # alias of the same entity
    b = _troops(d[i], text, value, approx, subject=subject)
    checks = cross_check([a, b], d, (), (), ENTS, S)
    assert [c.status for c in checks] == [status]


def test_figures_of_other_subject_or_action_are_not_aligned(reports):
    d = reports
    a = _troops(d[0], "about 11,000 soldiers", 11000.0, "about")
    b = _troops(d[2], "25,000 soldiers", 25000.0, subject="Russia")
    c = claim_in(d[2], "quantity", "25,000 soldiers", value=25000.0, noun="soldier",
                 aspect="total", modality="forecast", subject="North Korea", action="send")
    checks = cross_check([a, b, c], d, (), (), ENTS, S)
    assert all(ch.status == "single_source" and len(ch.claim_ids) == 1 for ch in checks)


def test_dated_events_far_apart_are_different_events(make_doc):
    doc = make_doc("Putin sent a message to Kim on August 15. Putin sent a message to Kim on "
                   "December 25. Putin had sent the message on December 18, Yonhap said.")
    def mk(text, date):
        return claim_in(doc, "date", text, date=date, precision="day",
                        subject="Putin", action="send message")
    claims = [mk("August 15", "--08-15"), mk("December 25", "--12-25"),
              mk("December 18", "--12-18")]
    putin = (Entity("e_putin", "Vladimir Putin", "PERSON", ("Putin",)),)
    checks = cross_check(claims, [doc], (), (), putin, S)
    conflict = [c for c in checks if c.status == "conflicting"]
    assert len(conflict) == 1 and set(conflict[0].values) == {"--12-25", "--12-18"}
    assert any(c.claim_ids == (claims[0].id,) for c in checks)


def test_statements_align_on_content_words(make_doc):
    a = make_doc("The two countries signed a mutual defence pact in Pyongyang in June 2024.")
    b = make_doc("In June 2024 the two countries signed a mutual defence pact in Pyongyang.",
                 source="b.txt")
    c = make_doc("South Korea said the two countries discussed trade in Pyongyang.", source="c.txt")
    claims = [claim_in(x, "statement", x.text) for x in (a, b, c)]
    checks = cross_check(claims, [a, b, c], (), (), (), S)
    assert [len(ch.claim_ids) for ch in checks] == [2, 1]
    assert checks[0].status == "corroborated"


def test_timeline_places_yearless_dates_by_publication(make_doc):
    doc = make_doc("Putin sent his New Year message on December 25. Kim replied on January 1.",
                   published="2026-01-02")
    claims = [
        claim_in(doc, "date", "December 25", date="--12-25", precision="day", subject="Putin",
                 action="send message"),
        claim_in(doc, "date", "January 1", date="--01-01", precision="day", subject="Kim",
                 action="reply"),
    ]
    story = (Story("s1", "New Year messages", (doc.id,)),)
    checks = cross_check(claims, [doc], (), story, (), S)
    tl = build_timeline(claims, checks, story, [doc], S)
    assert [e.date for e in tl] == ["--12-25", "--01-01"]
    assert "placed in 2025" in tl[0].summary and "placed in 2026" in tl[1].summary
    assert all(e.story_id == "s1" and not e.conflicting for e in tl)


def test_settings_are_checked():
    with pytest.raises(ValueError):
        CheckSettings(about_tolerance=2.0)


def test_two_polls_in_one_report_are_not_a_conflict(make_doc, claim_in):
    doc = make_doc("The Focus poll of 1,000 people for Real News gave a 3.1 percent margin of "
                   "error. The poll of 520 people published in the Kathimerini newspaper gave a "
                   "4.5 percent margin of error.")
    claims = [claim_in(doc, "quantity", t, value=v, noun="people", aspect="total",
                       modality="asserted", subject="poll of people", action="give")
              for t, v in (("1,000 people", 1000.0), ("520 people", 520.0))]
    checks = cross_check(claims, [doc], (), (), (), S)
    assert [c.status for c in checks] == ["single_source", "single_source"]


def test_unnamed_subject_within_one_report_does_not_align(make_doc, claim_in):
    doc = make_doc("The hearing took place on May 3. A second hearing took place on May 10.")
    claims = [claim_in(doc, "date", t, date=d, precision="day", subject="hearing",
                       action="take place") for t, d in (("May 3", "--05-03"), ("May 10", "--05-10"))]
    assert all(c.status == "single_source" for c in cross_check(claims, [doc], (), (), (), S))


FIRE = ["A fire broke out at the fish market on Tuesday. Twelve people were injured, the fire "
        "brigade said.",
        "Eighteen people were injured, a spokeswoman for St. Brigid's Hospital said on Tuesday."]


def _injured(doc, text, value):
    return claim_in(doc, "quantity", text, value=value, noun="people", aspect="total",
                    modality="asserted", action="injure")


def test_subjectless_figures_of_one_event_align(make_doc):
    d = [make_doc(t, source=f"fire{i}.txt", published=f"2025-03-0{4 + i}")
         for i, t in enumerate(FIRE)]
    claims = [_injured(d[0], "Twelve people", 12.0), _injured(d[1], "Eighteen people", 18.0)]
    one_event = (Story("s", "Fire", (d[0].id, d[1].id),
                       (Event("e", "Fire", (d[0].id, d[1].id)),)),)
    (ch,) = cross_check(claims, d, (), one_event, (), S)
    assert ch.status == "conflicting" and ch.independent_sources == 2
    # two events of one story (two fires): the same slot is two different incidents
    two_events = (Story("s", "Fires", (d[0].id, d[1].id),
                        (Event("e1", "Fire 1", (d[0].id,)), Event("e2", "Fire 2", (d[1].id,)))),)
    assert [c.status for c in cross_check(claims, d, (), two_events, (), S)] == [
        "single_source", "single_source"]
    off = CheckSettings(figure_event_slots=False)
    assert {c.status for c in cross_check(claims, d, (), one_event, (), off)} == {"single_source"}


def test_datelines_of_two_reports_are_not_a_conflict(make_doc):
    texts = ["PORT HALDEN, March 4 (Northwire) - A fire broke out at the fish market.",
             "PORT HALDEN, March 7 (Northwire) - Investigators found the cause of the fire."]
    d = [make_doc(t, source=f"dl{i}.txt") for i, t in enumerate(texts)]
    claims = [claim_in(doc, "date", day, date=iso, precision="day", subject="Northwire",
                       action="publish")
              for doc, day, iso in ((d[0], "March 4", "--03-04"), (d[1], "March 7", "--03-07"))]
    checks = cross_check(claims, d, (), (), (), S)
    assert [c.status for c in checks] == ["single_source", "single_source"]
    assert build_timeline(claims, checks, (), d, S) == ()


def test_subjectless_figures_of_undated_reports_stay_apart(make_doc):
    d = [make_doc(t, source=f"undated{i}.txt") for i, t in enumerate(FIRE)]
    claims = [_injured(d[0], "Twelve people", 12.0), _injured(d[1], "Eighteen people", 18.0)]
    one_event = (Story("s", "Fire", (d[0].id, d[1].id),
                       (Event("e", "Fire", (d[0].id, d[1].id)),)),)
    assert {c.status for c in cross_check(claims, d, (), one_event, (), S)} == {"single_source"}


def test_one_outlet_twice_is_one_source(make_doc):
    texts = ["A fire destroyed three warehouses at the fish market on Tuesday.",
             "Investigators said the fire that destroyed three warehouses started in a substation.",
             "Three warehouses were destroyed by the fire, the harbour master said."]
    outlets = ["Northwire", "Northwire", "Coastal Herald"]
    d = [make_doc(t, source=f"o{i}.txt", outlet=o) for i, (t, o) in enumerate(zip(texts, outlets))]

    def warehouses(doc, text):
        return claim_in(doc, "quantity", text, value=3.0, noun="warehouse", aspect="total",
                        modality="asserted", subject="fire", action="destroy")

    claims = [warehouses(d[0], "three warehouses"), warehouses(d[1], "three warehouses")]
    (ch,) = cross_check(claims, d, (), (), (), S)
    assert ch.status == "single_source" and ch.independent_sources == 1
    assert len(ch.family_ids) == 2  # two reports of one outlet: two families, one source
    claims.append(warehouses(d[2], "Three warehouses"))
    (ch,) = cross_check(claims, d, (), (), (), S)
    assert ch.status == "corroborated" and ch.independent_sources == 2


def test_uncheckable_claims_get_no_check(make_doc):
    doc = make_doc("Twelve people were injured, two of them seriously, on Tuesday.")
    claims = [claim_in(doc, "quantity", "two", value=2.0, aspect="total", modality="asserted"),
              claim_in(doc, "date", "Tuesday", precision=None, action="injure"),
              _injured(doc, "Twelve people", 12.0)]
    checks = cross_check(claims, [doc], (), (), (), S)
    assert [c.claim_ids for c in checks] == [(claims[2].id,)]
    noisy = cross_check(claims, [doc], (), (), (), CheckSettings(report_uncheckable=True))
    assert len(noisy) == 3


@pytest.mark.parametrize("a, b, same", [
    ("injure", "hurt", True), ("kill", "die", True), ("destroy", "gut", True),
    ("arrest", "detain", True), ("injure", "kill", False), ("destroy", "save", False),
    ("send", "send", True), ("say", "tell", False),
])
def test_verb_classes(a, b, same):
    from storyline.crosscheck.verbs import same_verb

    assert same_verb(a, b) is same


def test_figures_with_synonym_verbs_align(make_doc):
    texts = ["Twelve people were injured in the fire, the brigade said.",
             "Twelve people were hurt in the fire, hospital staff said."]
    d = [make_doc(t, source=f"v{i}.txt", published="2025-03-05") for i, t in enumerate(texts)]
    claims = [claim_in(doc, "quantity", "Twelve people", value=12.0, noun="people",
                       aspect="total", modality="asserted", subject="fire", action=verb)
              for doc, verb in zip(d, ("injure", "hurt"))]
    (ch,) = cross_check(claims, d, (), (), (), S)
    assert ch.status == "corroborated" and ch.independent_sources == 2
    saved = dataclasses.replace(claims[1], action="save")
    assert len(cross_check([claims[0], saved], d, (), (), (), S)) == 2
