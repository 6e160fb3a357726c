"""Direction and origin rules on small hand-built texts: credits, date precision, containment
between two copies of one source, and the family origin with its reason."""

import pytest
from reuse_texts import STORY
from reuse_texts import bare_doc as doc

from storyline.models import Article
from storyline.reuse import ReuseSettings, find_reuse
from storyline.reuse.provenance import _earlier, credit, dateline_agency

OFF = ReuseSettings(semantic="off")

WIRE = STORY + [
    ("The warehouse, built in 1968, stores goods for more than forty companies in the region, "
     "according to the port authority."),
]


def copy_with(sentence_1: str) -> str:
    """A rewrite that drops sentences from the middle of the wire text (containment alone reads
    this as the wire item having expanded the copy) and words its second sentence anew."""
    return "\n".join([WIRE[0], sentence_1, WIRE[2], WIRE[5]])


def the_link(docs, a, b):
    (link,) = [x for x in find_reuse(docs, OFF).links if {x.source_id, x.target_id} == {a, b}]
    return link


@pytest.mark.parametrize("sentence", [
    ("The fire broke out shortly after 9 p.m. in a storage hall holding solvents and paint, "
     "according to Northwire."),
    ("The fire broke out shortly after 9 p.m. in a storage hall holding solvents and paint, a "
     "spokeswoman for the regional safety authority told Northwire."),
    ("The fire broke out shortly after 9 p.m. in a storage hall holding solvents and paint, as "
     "reported by Northwire."),
    ("Northwire reported that the fire broke out shortly after 9 p.m. in a storage hall holding "
     "solvents and paint."),
    ("The fire broke out shortly after 9 p.m. in a storage hall holding solvents and paint, "
     "Northwire said."),
])
def test_a_copy_that_credits_the_wire_is_derived_from_it(sentence):
    wire = doc("\n".join(WIRE), outlet="Northwire")
    rewrite = doc(copy_with(sentence))
    link = the_link([wire, rewrite], wire.id, rewrite.id)
    assert link.directed and (link.source_id, link.target_id) == (wire.id, rewrite.id)
    assert link.basis == "credit" and link.credit_name == "Northwire"
    assert "credits the source" in link.evidence and "Northwire" in link.evidence  # the prose
    assert link.credit_span is not None
    start, end = link.credit_span
    assert "Northwire" in rewrite.text[start:end]  # the evidence points at the credit
    assert f"at {start}-{end}" in link.evidence


def test_without_the_credit_containment_reads_the_same_pair_the_other_way():
    # what the credit overrides: the rule on text alone (kept, measured right more often)
    wire = doc("\n".join(WIRE), outlet="Northwire")
    rewrite = doc(copy_with(WIRE[1]))
    link = the_link([wire, rewrite], wire.id, rewrite.id)
    assert link.directed and link.source_id == rewrite.id and link.basis == "expanded"
    assert link.credit_span is None


def test_agency_in_the_source_dateline_is_credited():
    wire = doc("ROTTERDAM, March 5 (Northwire) - " + "\n".join(WIRE))
    assert dateline_agency(wire.text) == "Northwire"
    rewrite = doc(copy_with(WIRE[1][:-1] + ", according to Northwire."))
    link = the_link([wire, rewrite], wire.id, rewrite.id)
    assert (link.source_id, link.target_id, link.directed) == (wire.id, rewrite.id, True)
    assert link.basis == "credit" and "dateline agency" in link.evidence


def test_an_outlet_naming_itself_credits_no_one():
    a = Article("a", "Anders Holm told Northwire the fire was out.", "a", outlet="Northwire")
    b = Article("b", "The fire is out, Northwire said.", "b", outlet="Northwire")
    assert credit(a, b) is None and credit(b, a) is None
    # nor does an article without outlet credit the agency of its own dateline
    c = Article("c", "ROTTERDAM (Northwire) - The fire is out, Northwire said.", "c")
    d = Article("d", "ROTTERDAM (Northwire) - The fire is out.", "d")
    assert credit(c, d) is None


def test_credit_needs_the_name_as_a_credit_not_any_mention():
    src = Article("s", "x", "s", outlet="Northwire")
    assert credit(Article("t", "Northwire staff went on strike.", "t"), src) is None
    assert credit(Article("t", "Crews (Northwire) arrived.", "t"), src).phrase == "(Northwire)"
    assert credit(Article("t", "Copyright 2025 Northwire. All rights reserved.", "t"), src)


@pytest.mark.parametrize("source_outlet, target_text", [
    ("The Coastal Herald", "The fire is out, according to the Coastal-Herald."),
    ("Coastal-Herald", "The fire is out, the Coastal Herald reported."),
    ("Coastal Herald", "The fire is out, according to The Coastal  Herald."),
])
def test_an_outlet_written_another_way_is_still_credited(source_outlet, target_text):
    src = Article("s", "x", "s", outlet=source_outlet)
    found = credit(Article("t", target_text, "t"), src)
    assert found is not None and "Coastal" in found.phrase


def test_one_outlet_written_two_ways_credits_no_one():
    # the same outlet under two spellings (storyline.text.keys.outlet_key): not a credit
    a = Article("a", "The fire is out, the Coastal Herald said.", "a", outlet="Coastal-Herald")
    b = Article("b", "The fire is out, according to the Coastal-Herald.", "b",
                outlet="The Coastal Herald")
    assert credit(a, b) is None and credit(b, a) is None


def test_two_articles_crediting_each_other_decide_nothing():
    a = doc("\n".join(WIRE[:3] + ["The details were first reported by Harbour Gazette."]),
            outlet="Coast Daily")
    b = doc("\n".join(WIRE[:3] + ["Coast Daily reported the evacuation first."]),
            outlet="Harbour Gazette")
    link = the_link([a, b], a.id, b.id)
    assert not link.directed and link.basis == "unknown"
    assert "each credits the other" in link.evidence


def test_date_precision():
    def art(published):
        return Article("x", "x", "x", published=published)

    day, stamp = art("2025-03-04"), art("2025-03-04T09:17:00+00:00")
    assert _earlier(day, stamp) is None and _earlier(stamp, day) is None  # same day: unknown
    assert _earlier(art("2025-03-03"), stamp) is True
    assert _earlier(stamp, art("2025-03-05")) is True
    assert _earlier(stamp, art("2025-03-04T13:05:00+00:00")) is True
    assert _earlier(art("2025-03-04T13:05:00+01:00"), art("2025-03-04T12:30:00+00:00")) is True
    assert _earlier(art("2025-03-04T08:00:00"), art("2025-03-04T09:00:00")) is True  # both naive
    assert _earlier(art("2025-03-04T08:00:00"), stamp) is None  # naive vs aware, same day
    assert _earlier(art("2025-03-04"), art("2025-03-04")) is None
    assert _earlier(art(None), stamp) is None


def test_a_date_only_copy_of_the_same_day_is_not_earlier_than_the_wire():
    wire = doc("\n".join(WIRE), outlet="Northwire", published="2025-03-04T09:17:00+00:00")
    rewrite = doc(copy_with(WIRE[1][:-1] + ", according to Northwire."), outlet="Metro Online",
                  published="2025-03-04")
    result = find_reuse([wire, rewrite], OFF)
    (link,) = result.links
    assert (link.source_id, link.target_id, link.directed) == (wire.id, rewrite.id, True)
    assert "do not tell which came first" in link.evidence
    (fam,) = result.families
    assert fam.origin_id == wire.id and "credited" in fam.origin_reason


def test_earlier_timestamp_is_the_source_and_the_family_origin():
    wire = doc("\n".join(WIRE), outlet="Northwire", published="2025-03-04T09:17:00+00:00")
    later = doc(copy_with(WIRE[1]), outlet="Metro Online", published="2025-03-04T13:05:00+00:00")
    result = find_reuse([later, wire], OFF)
    (link,) = result.links
    assert (link.source_id, link.target_id) == (wire.id, later.id)
    assert link.basis == "date" and link.evidence.startswith("published earlier")
    (fam,) = result.families
    assert fam.origin_id == wire.id and fam.origin_reason.startswith("published first")


def family_of_three():
    wire = doc("\n".join(WIRE), outlet="Northwire", published="2025-03-04T09:17:00+00:00")
    courier = doc(copy_with(WIRE[1][:-1] + ", according to Northwire."))
    bayside = doc("\n".join([WIRE[0], WIRE[1][:-5] + "told Northwire.", WIRE[2]]))
    return wire, courier, bayside


def test_undated_copies_credit_the_wire_which_is_the_origin():
    wire, courier, bayside = family_of_three()
    result = find_reuse([courier, bayside, wire], OFF)
    (fam,) = result.families
    assert fam.origin_id == wire.id
    assert fam.origin_reason.startswith("credited (Northwire) by 2 of the other 2")
    by_pair = {frozenset((x.source_id, x.target_id)): x for x in result.links}
    for copy in (courier, bayside):
        link = by_pair[frozenset((wire.id, copy.id))]
        assert (link.source_id, link.directed) == (wire.id, True)


def test_containment_between_two_copies_of_one_source_is_undirected():
    wire, courier, bayside = family_of_three()
    result = find_reuse([courier, bayside, wire], OFF)
    link = {frozenset((x.source_id, x.target_id)): x for x in result.links}.get(
        frozenset((courier.id, bayside.id)))
    assert link is not None  # bayside is nearly all inside the courier's text
    assert not link.directed and link.basis == "shared_source"
    assert "both are derived from" in link.evidence
    assert (link.source_id, link.target_id) == tuple(sorted((courier.id, bayside.id)))
    for p in link.passages:  # spans still point into the right texts after reordering the ends
        texts = {courier.id: courier.text, bayside.id: bayside.text}
        assert texts[link.source_id][p.source_span[0]:p.source_span[1]].strip()
        assert texts[link.target_id][p.target_span[0]:p.target_span[1]].strip()


def test_origin_falls_back_to_the_one_root_of_directed_links():
    long = doc("\n".join(WIRE))
    trimmed = doc("\n".join(WIRE[:3]))
    (fam,) = find_reuse([long, trimmed], OFF).families
    assert fam.origin_id == long.id and "no directed link points to" in fam.origin_reason


def test_singletons_are_their_own_origin_with_a_reason():
    (fam,) = find_reuse([doc("\n".join(WIRE))], OFF).families
    assert fam.origin_reason == "the only article of its family"
