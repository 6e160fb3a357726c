"""The claims composition: quotes + figures + dates + statements of one article."""

from __future__ import annotations

import pytest

from storyline.claims import ClaimsSettings, extract_claims, extract_statements
from storyline.claims.dates import extract_dates
from storyline.claims.figures import extract_figures
from storyline.claims.quotes import extract_quotes
from storyline.models import Annotation, Article, Document

S = ClaimsSettings()


@pytest.fixture(scope="module")
def seed_claims(seed_docs):
    return {d.id: extract_claims(d, S) for d in seed_docs}


def test_all_four_extractors_are_composed(seed_docs, seed_claims):
    kinds = {c.kind for cs in seed_claims.values() for c in cs}
    assert kinds == {"quote", "quantity", "date", "statement"}
    for doc in seed_docs:
        taken = (*extract_quotes(doc, S), *extract_figures(doc, S), *extract_dates(doc, S))
        expected = {*taken, *extract_statements(doc, S, taken)}
        assert set(seed_claims[doc.id]) == expected


def test_sorted_unique_and_within_the_text(seed_docs, seed_claims):
    for doc in seed_docs:
        claims = seed_claims[doc.id]
        assert [c.span for c in claims] == sorted(c.span for c in claims)
        assert len({c.id for c in claims}) == len(claims)
        for c in claims:
            assert c.article_id == doc.id
            assert 0 <= c.span[0] < c.span[1] <= len(doc.text)


def test_statements_carry_no_quote_figure_or_date(seed_claims):
    for claims in seed_claims.values():
        others = [c.span for c in claims if c.kind != "statement"]
        for s in (c for c in claims if c.kind == "statement"):
            assert not any(a < s.span[1] and s.span[0] < b for a, b in others), s.text


def test_seed_statement(seed_docs, seed_claims):
    doc = seed_docs[3]  # 003: Kim's reply, with a key-takeaways list
    statements = [c for c in seed_claims[doc.id] if c.kind == "statement"]
    hit = [c for c in statements if c.text.startswith("North Korea has dispatched")]
    assert len(hit) == 1 and hit[0].subject == "North Korea"
    assert hit[0].action.startswith("dispatch")


def test_deterministic(seed_docs, seed_claims):
    doc = seed_docs[0]
    assert extract_claims(doc, S) == seed_claims[doc.id]


def test_unannotated_article_gives_nothing():
    art = Article(id="x", text="Ceci n'est pas un article en anglais.", source="x.txt")
    doc = Document(art, Annotation(article_id="x", language="fr"))
    assert extract_claims(doc, S) == ()
