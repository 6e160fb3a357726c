"""Speakers named by a role (issue 12, errors read on the AllSides dev + dev2 splits).

A definite role ("the Texas congressman said", "the Illinois Democrat said", "the panel said")
is someone the article named before; a name that only modifies a role ("a spokesman for Sen.
X", "a former X staffer") is not who spoke -- the role is. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

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
