"""Speaker and via helpers: datelines, outlets, fullest names, antecedent windows."""

from __future__ import annotations

import pytest

from storyline.claims.person_names import fullest_name
from storyline.claims.quote_via import is_outlet
from storyline.claims.quote_view import DocView, dateline_via
from storyline.claims.quotes import extract_quotes
from storyline.claims.settings import ClaimsSettings


@pytest.mark.parametrize(
    "text, agency",
    [
        ("Seoul, Dec 27 (NationPress) North Korean leader Kim Jong-un has conveyed greetings.",
         "NationPress"),
        ("MOSCOW (Reuters) - Russia said on Tuesday it had shot down 30 drones.", "Reuters"),
        ("Title line\nKYIV, Feb 3 (AP) - Air raid sirens sounded across Ukraine.", "AP"),
        ("WASHINGTON - April 27 - More than 1,300 scientists called on the departments.", None),
        ("Officials at the Ministry of Defence (MoD) said the drill went ahead.", None),
        ("Russia's envoy (the deputy minister) spoke first.", None),
    ],
)
def test_dateline_via(text, agency):
    assert dateline_via(text) == agency


@pytest.mark.parametrize(
    "text, noun, expected",
    [
        ("The story was reported by North Korean state media on Friday.", "media", True),
        ("The interview ran in French newspaper Le Parisien on Wednesday.", "newspaper", True),
        ("He told the Associated Press that he was fine.", "Press", True),
        ("He spoke to Yonhap after the meeting.", "Yonhap", True),
        ("He told the BBC that he was fine.", "BBC", True),  # broadcasters: agencies.toml
        ("The minister told Al Jazeera on Monday that talks had stalled.", "Jazeera", True),
        ("He told AP that he was fine.", "AP", True),  # ambiguous forms, as written
        ("He saw a fox near the school.", "fox", False),
        ("He told police that he was fine.", "police", False),
        ("He told reporters that he was fine.", "reporters", False),
        ("He wrote to the ministry last week.", "ministry", False),
    ],
)
def test_is_outlet(make_doc, text, noun, expected):
    doc = make_doc(text)
    view = DocView(doc, [])
    (i,) = [i for i in range(len(view.tokens)) if view.word(i) == noun]
    assert is_outlet(view, i) is expected


def test_extra_outlets_from_settings(make_doc):
    doc = make_doc("According to Vesti, Putin called the talks “useful.”")
    plain = extract_quotes(doc, ClaimsSettings())
    extra = extract_quotes(doc, ClaimsSettings(quote_outlets=("Vesti",)))
    (q1,) = [c for c in plain if c.attribution != "indirect"]
    (q2,) = [c for c in extra if c.attribution != "indirect"]
    assert q2.via == "Vesti" and q2.speaker == "Putin"
    assert q1.via is None


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (("Russian President Vladimir Putin spoke to the security council on Monday. Later in "
         "the day Putin left the Kremlin for his residence."), "Putin", "Vladimir Putin"),
        ("North Korean leader Kim Jong-un wrote back. Kim praised the troops.", "Kim",
         "Kim Jong-un"),
        ("Putin's spokesman spoke on Monday.", "Putin", "Putin"),
    ],
)
def test_fullest_name(make_doc, text, name, expected):
    view = DocView(make_doc(text), [])
    assert fullest_name(view, name) == expected


def test_pronoun_antecedent_window(make_doc):
    text = ("Mayor Jane Smith visited the site on Monday. Crews worked through the night. "
            "Roads stayed closed. “We will rebuild,” she said.")
    doc = make_doc(text)
    near = [c for c in extract_quotes(doc, ClaimsSettings()) if c.attribution == "direct"]
    far = [c for c in extract_quotes(doc, ClaimsSettings(quote_antecedent_sentences=1))
           if c.attribution != "indirect"]
    assert [c.speaker for c in near] == ["Jane Smith"]
    assert [c.speaker for c in far] == [None]


def test_speaker_is_never_taken_from_inside_the_quote(make_doc):
    doc = make_doc("“Vladimir Putin is wrong about the war,” he said.")
    (c,) = [c for c in extract_quotes(doc, ClaimsSettings()) if c.attribution != "indirect"]
    assert c.speaker is None and c.attribution == "scare"


def test_role_noun_prefers_the_earlier_indefinite_mention(make_doc):
    text = ("European Council President Herman Van Rompuy spoke in Brussels. A senior police "
            "official said roads were blocked. “Several minutes were lost,” the official said.")
    doc = make_doc(text)
    (c,) = [c for c in extract_quotes(doc, ClaimsSettings()) if c.attribution == "direct"]
    assert c.speaker == "A senior police official"


def test_company_resolves_to_the_organisation_named_before(make_doc):
    text = ("Kraft Foods closed the plant on Friday. “This is a sad day for our family,” the "
            "company said in a statement.")
    doc = make_doc(text)
    (c,) = [c for c in extract_quotes(doc, ClaimsSettings()) if c.attribution == "direct"]
    assert c.speaker == "Kraft Foods"
