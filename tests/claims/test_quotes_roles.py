"""Speakers named by a role, and names in a title-case headline (issue 12, errors read on the
AllSides dev + dev2 splits).

A definite role ("the Texas congressman said", "the Illinois Democrat said", "the panel said")
is someone the article named before; a name that only modifies a role ("a spokesman for Sen.
X", "a former X staffer") is not who spoke -- the role is. In a headline in title case the
recogniser runs names into the verbs after them ("Ted Cruz Hates Obamacare"): no fuller name
comes from there. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from storyline.claims.quote_view import title_case_headline
from storyline.claims.quotes import extract_quotes
from storyline.claims.settings import ClaimsSettings

S = ClaimsSettings()

CASES = [
    ("Tom Reyes skipped the committee hearing on Tuesday.\n\n"
     "\"We have waited long enough for this bill,\" the Texas congressman said.",
     "We have waited long enough for this bill", "Tom Reyes"),
    ("Warren Hale bought the newspaper last spring.\n\n"
     "\"Print is not dead, it just needs better owners,\" the mogul said.",
     "Print is not dead, it just needs better owners", "Warren Hale"),
    ("Dana Whitfield won the primary by nine points.\n\n"
     "\"Tonight belongs to the people who knocked on doors,\" the Republican nominee said.",
     "Tonight belongs to the people who knocked on doors", "Dana Whitfield"),
    # a role the tagger makes a proper noun
    ("Senator Laura Quinn spoke at a clinic in Peoria on Monday.\n\n"
     "\"These products should never have reached our schools,\" the Illinois Democrat said.",
     "These products should never have reached our schools", "Laura Quinn"),
    ("Marion Blake endorsed the governor on Friday. \"He is the steadiest hand we have in this "
     "race,\" the former Secretary of State said.",
     "He is the steadiest hand we have in this race", "Marion Blake"),
    # an organisation's role
    ("The Senate Ethics Committee released its findings on Tuesday.\n\n"
     "\"The senator broke no rules of this chamber,\" the panel said.",
     "The senator broke no rules of this chamber", "The Senate Ethics Committee"),
    # a name that modifies the role
    ("A spokesman for Sen. Ruth Alvarez said the trades were made by an adviser.\n\n"
     "\"She has no say in any of these decisions,\" the spokesman said.",
     "She has no say in any of these decisions", "A spokesman for Sen. Ruth Alvarez"),
    ("A former Alvarez staffer said on Sunday that the office was \"the worst place I have "
     "ever worked in.\"",
     "the worst place I have ever worked in.", "A former Alvarez staffer"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), CASES,
                         ids=[c[2] for c in CASES])
def test_role_speaker(make_doc, text, quote, speaker):
    doc = make_doc(text)
    got = {c.text: c.speaker for c in extract_quotes(doc, S) if c.attribution != "indirect"}
    assert got[quote] == speaker


def test_name_in_apposition_to_a_role_is_the_speaker(make_doc):
    doc = make_doc("Gov. Ray Dunn vetoed the bill on Thursday.\n\n\"This is a tax increase "
                   "dressed up as reform,\" the governor's chief of staff, Ellen Park, told "
                   "reporters.")
    got = {c.text: c.speaker for c in extract_quotes(doc, S)}
    assert got["This is a tax increase dressed up as reform"] == "Ellen Park"


HEADLINE_CASES = [
    ("Ted Cruz Hates Obamacare, Backs It Anyway\n\n"
     "Sen. Ted Cruz said on Monday that he would vote for the bill.\n\n"
     "\"It is a bad law, but it is the law we have,\" Cruz told reporters.",
     "It is a bad law, but it is the law we have", "Ted Cruz"),
    ("Nancy Pelosi and President Biden Kick Off Campaign with Union Rally\n\n"
     "Nancy Pelosi spoke first at the rally in Detroit on Monday.\n\n"
     "Biden also praised the union, calling its members \"the people who built the middle "
     "class.\"",
     "the people who built the middle class.", "Biden"),
    ("Mike Pence Draws Crowd in Iowa\n\n"
     "The former vice president spoke at a diner in Des Moines on Saturday.\n\n"
     "\"Iowa has always been good to me and my family,\" Pence said.",
     "Iowa has always been good to me and my family", "Pence"),
    ("Cory Booker Blasts Prison Rules\n\n"
     "Sen. Cory Booker visited a federal prison in New Jersey on Friday.\n\n"
     "\"No one should be held in a cell like that for months,\" Booker said.",
     "No one should be held in a cell like that for months", "Cory Booker"),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), HEADLINE_CASES,
                         ids=[c[0].split("\n")[0] for c in HEADLINE_CASES])
def test_no_fuller_name_from_a_title_case_headline(make_doc, text, quote, speaker):
    test_role_speaker(make_doc, text, quote, speaker)


@pytest.mark.parametrize(("line", "title_case"), [
    ("Ted Cruz Hates Obamacare, Backs It Anyway", True),
    ("Nancy Pelosi and President Biden Kick Off Campaign with Union Rally", True),
    ("Senator Warns Democrats: \"be careful what you wish for\"", True),
    ("Kudlow says China will retaliate over the tariff hike", False),
    ("The president said on Monday that the talks had failed.", False),
])
def test_title_case_headline(line, title_case):
    assert (title_case_headline(line + "\n\nThe body of the article.") is not None) \
        == title_case
