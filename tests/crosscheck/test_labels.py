"""Check labels are the claim in its article's own words (crosscheck.labels), on realistic
sentences, on the example corpus and on the seeds."""

from __future__ import annotations

import re

import pytest

from storyline.api import analyze
from storyline.crosscheck.labels import claim_label, has_content
from storyline.models import Claim


def _claim(doc, needle, kind, **kw) -> Claim:
    start = doc.text.index(needle)
    return Claim(id="c", article_id=doc.id, kind=kind, text=needle,
                 span=(start, start + len(needle)), **kw)


@pytest.mark.parametrize("text, needle, kind, label", [
    (("The city council has set aside 2 million euros in emergency support for the traders, "
      "deputy mayor Paul Brandt said."), "2 million euros", "quantity",
     "city council has set aside 2 million euros"),
    ("Twelve people were injured, two of them seriously, the fire brigade said.",
     "Twelve people", "quantity", "Twelve people were injured"),
    ("The fire broke out shortly before midnight on Monday, a witness said.", "Monday", "date",
     "fire broke out"),
    ("The market, which opened in 1911, employs around 400 people.", "1911", "date",
     "market opened"),
])
def test_label_is_the_clause_as_written(make_doc, text, needle, kind, label):
    doc = make_doc(text)
    assert claim_label(_claim(doc, needle, kind), doc) == label


def test_quote_label_is_its_words(make_doc):
    doc = make_doc('"We could only save the boats," said Tomas Reyes.')
    c = _claim(doc, "We could only save the boats,", "quote")
    assert claim_label(c, doc) == "\u201cWe could only save the boats,\u201d"


def test_light_verb_with_a_bare_year_has_no_content(make_doc):
    doc = make_doc("We will rebuild every pier, and we will do it next year.")
    c = _claim(doc, "next year", "date", date="2026", precision="year")
    assert not has_content(c, doc)
    doc = make_doc("The market opened in 1911.")
    assert has_content(_claim(doc, "1911", "date", date="1911", precision="year"), doc)
    doc = make_doc("The new market will open next year.")
    assert has_content(_claim(doc, "next year", "date", date="2026", precision="year"), doc)


@pytest.mark.parametrize("text, content", [
    ("It happened in 1959.", False),
    ("He was on trial for rape in 2005 in an Atlanta courtroom.", True),
    ("Some of her most celebrated snapshots were taken in 1954 during a session.", True),
    ("They went to the NBA Finals in 2001.", True),
    ("Jackman won an Emmy for doing so in 2005.", True),
    ("She had her own reality show in 2005.", True),
    ("He was the point guard of the Sixers' 1983 NBA title team.", True),
    ("But when it works, as it did in 1992, the show is a hit.", False),
])
def test_light_verbs_with_nouns_around_them_have_content(make_doc, text, content):
    doc = make_doc(text)
    year = re.search(r"\b(19|20)\d\d\b", text).group(0)
    c = _claim(doc, year, "date", date=year, precision="year")
    assert has_content(c, doc) is content


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.casefold())


def _in_order(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(w in it for w in needle)


def _assert_labels_as_written(report):
    claims = {c.id: c for c in report.claims}
    texts = {d.id: d.text for d in report.documents}
    assert report.checks
    for ch in report.checks:
        assert ch.label, ch
        # every word of the label is in the article text of one of its claims, in that order:
        # a lemma string ("fire break", "injure people") is not
        assert any(_in_order(_words(ch.label), _words(texts[claims[c].article_id]))
                   for c in ch.claim_ids), ch.label
        assert ch.summary.startswith(ch.label) or ch.kind in ("quote", "statement") \
            or ch.label in ch.summary


@pytest.fixture(scope="module")
def example_report(examples_dir):
    return analyze([examples_dir])


def test_example_labels(example_report):
    _assert_labels_as_written(example_report)
    labels = {ch.label for ch in example_report.checks if ch.status == "conflicting"}
    assert {"fire broke out", "Twelve people were injured"} <= labels
    # "we will do it next year" (Metro Online) and "this year" (Northwire) are not checks
    assert not any(re.search(r"\bdo on 20\d\d\b", ch.summary) for ch in example_report.checks)
    dated = {c.text for ch in example_report.checks if ch.kind == "date"
             for c in example_report.claims if c.id in ch.claim_ids}
    assert "next year" not in dated and "this year" not in dated


def test_seed_labels(seeds_dir):
    report = analyze([seeds_dir])
    _assert_labels_as_written(report)
