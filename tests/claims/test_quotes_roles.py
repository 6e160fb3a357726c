"""Speakers named by a role, names in a title-case headline, frames by place (issue 12, errors
read on the AllSides dev + dev2 splits).

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


def speaker_of(make_doc, text: str, quote: str) -> str | None:
    doc = make_doc(text)
    return {c.text: c.speaker for c in extract_quotes(doc, S)
            if c.attribution != "indirect"}[quote]


def test_name_in_apposition_to_a_role_is_the_speaker(make_doc):
    text = ("Gov. Ray Dunn vetoed the bill on Thursday.\n\n\"This is a tax increase dressed up "
            "as reform,\" the governor's chief of staff, Ellen Park, told reporters.")
    assert speaker_of(make_doc, text, "This is a tax increase dressed up as reform") \
        == "Ellen Park"


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


PLACE_CASES = [
    ("Sen. Ada Brooks questioned the nominee for two hours on Thursday.\n\n"
     "\"You have not answered a single question about the budget,\" Brooks interjected.",
     "You have not answered a single question about the budget", "Ada Brooks"),
    ("Mayor Luis Ortega opened the meeting with a warning about the deficit.\n\n"
     "\"The numbers simply do not add up this year,\" continued Ortega.",
     "The numbers simply do not add up this year", "Luis Ortega"),
    ("Judge Carla Hemming listened to the lawyer for several minutes.\n\n"
     "\"Is that really what you are asking this court to believe?\" Hemming pressed.",
     "Is that really what you are asking this court to believe?", "Hemming"),
    ("Tom Ridley, who runs the family council, condemned the remark on Friday. \"A miscarriage "
     "is the loss of a child, not a mess,\" Mr. Ridley rebuked the lawmaker.",
     "A miscarriage is the loss of a child, not a mess", "Tom Ridley"),
]


def test_words_after_a_quotation_that_are_not_its_frame(make_doc):
    text = ("The union called the offer \"insulting and unfair,\" but nobody at the company "
            "listened.")
    assert speaker_of(make_doc, text, "insulting and unfair") == "The union"


@pytest.mark.parametrize(("text", "quote", "speaker"), CASES + HEADLINE_CASES + PLACE_CASES,
                         ids=[c[2] for c in CASES + HEADLINE_CASES + PLACE_CASES])
def test_speaker(make_doc, text, quote, speaker):
    """Roles; names in a title-case headline; "“...,” X interjected": any verb with its
    subject right after the closing mark frames the quotation, not only the verbs of the list."""
    assert speaker_of(make_doc, text, quote) == speaker
