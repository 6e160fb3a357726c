"""Statements: check-worthy factual sentences with a named actor and an event verb."""

from __future__ import annotations

import pytest

from storyline.claims import ClaimsSettings, extract_statements
from storyline.models import Claim

S = ClaimsSettings()


@pytest.mark.parametrize("text, subject, action", [
    ("North Korea has dispatched troops to Russia.", "North Korea", "dispatch troop"),
    ("The relationship between the two nations was formalized when Putin visited North Korea.",
     "Putin", "visit North Korea"),
    (("Russian President Vladimir Putin visited Pyongyang and signed a mutual defense pact with "
     "Kim Jong Un."), "Vladimir Putin", "visit Pyongyang"),
    ("Ukrainian forces withdrew from the town of Avdiivka after weeks of heavy fighting.",
     "Ukrainian forces", "withdraw"),
    ("The renowned Russian artist Shamam released a song dedicated to Kim Jong Un.",
     "Shamam", "release song"),
    ("The treaty was signed by Kim Jong Un during the summit in Pyongyang.",
     "Kim Jong Un", "sign treaty"),
    ("Kim and Putin agreed to enhance their cooperation during a phone call.",
     "Kim", "agree"),
    ("Israeli troops have not withdrawn from the border zone despite the ceasefire.",
     "Israeli troops", "withdraw"),
])
def test_statements_found(make_doc, text, subject, action):
    (claim,) = extract_statements(make_doc(text), S)
    assert claim.kind == "statement"
    assert (claim.subject, claim.action) == (subject, action)
    assert claim.text == text and claim.span == (0, len(text))


@pytest.mark.parametrize("text", [
    # forecasts, modals and hedges
    "North Korea may send more troops to Russia in the coming months.",
    "Kim Jong Un will visit Moscow to sign the agreement.",
    "Russia perhaps deployed the new units to the border in secret.",
    "Both countries seem poised to deepen their military cooperation.",
    "North Korea appears to be leveraging this crisis to deepen its partnership with Moscow.",
    # opinion and interpretation
    "This statement signals a strategic alignment between Moscow and Pyongyang.",
    "Putin's rhetoric continues to frame Russia's actions as a defensive measure.",
    ("This sentiment reflects a broader effort by Moscow to diversify its alliances, "
    "particularly as Western sanctions have intensified."),
    # questions, conditionals, boilerplate
    "Did North Korea's Kim Jong-un just strengthen ties with Putin?",
    "If North Korean engineers are assisting Russia, it would mark a shift in policy.",
    ("As the situation evolves, the implications of this alliance for regional stability "
    "remain to be seen."),
    "It is unclear whether Pyongyang received any technology from Moscow in return.",
    # no named actor
    "Police arrested a man outside the embassy after the protest.",
    "He used the acronym for North Korea's official title in the letter.",
    # present tense (historical present off by default)
    "Moscow frames its actions as a defense of the Donbass region against aggression.",
    # too short
    "Putin left.",
])
def test_not_statements(make_doc, text):
    assert extract_statements(make_doc(text), S) == ()


def test_present_tense_switch(make_doc):
    doc = make_doc("Kim Jong-un emphasizes the importance of the alliance with Russia.")
    assert extract_statements(doc, S) == ()
    (claim,) = extract_statements(doc, ClaimsSettings(statement_present_tense=True))
    assert (claim.subject, claim.action) == ("Kim Jong-un", "emphasize importance")


def test_subject_is_fullest_form_in_article(make_doc):
    doc = make_doc("Russian President Vladimir Putin arrived in Minsk for talks with the "
                   "government. Putin signed a new security treaty with Belarus.")
    claims = extract_statements(doc, S)
    assert [c.subject for c in claims] == ["Vladimir Putin", "Vladimir Putin"]
    assert claims[1].action == "sign treaty"


def test_sentences_overlapping_taken_claims_are_skipped(make_doc):
    text = ("North Korea has dispatched troops to Russia. "
            "Russian President Vladimir Putin visited Pyongyang and signed a pact.")
    doc = make_doc(text)
    assert len(extract_statements(doc, S)) == 2
    start = text.index("Pyongyang")
    taken = [Claim(id="d", article_id=doc.id, kind="date", text="Pyongyang",
                   span=(start, start + 9))]
    (only,) = extract_statements(doc, S, taken)
    assert only.subject == "North Korea"


def test_bullet_marks_are_not_part_of_the_statement(make_doc):
    text = "Key Takeaways\n- North Korea has dispatched significant troop numbers to support Russia."
    (claim,) = extract_statements(make_doc(text), S)
    assert claim.text.startswith("North Korea")
    assert text[claim.span[0]:claim.span[1]] == claim.text


@pytest.mark.parametrize("min_words, n", [(6, 1), (12, 0)])
def test_min_words(make_doc, min_words, n):
    doc = make_doc("North Korea has dispatched troops to Russia.")
    assert len(extract_statements(doc, ClaimsSettings(statement_min_words=min_words))) == n
