"""The seed corpus end to end: the claims, reuse and stories stages' own output, then the
cross-check. Same expectations as ``test_seeds.py`` (hand-made claims), on extracted claims."""

from __future__ import annotations

import pytest

from storyline.claims import ClaimsSettings, extract_claims, resolve_entities
from storyline.crosscheck import CheckSettings, build_timeline, cross_check
from storyline.reuse import ReuseSettings, find_reuse
from storyline.stories import StoriesSettings, cluster_stories

pytestmark = pytest.mark.slow  # runs the claims, reuse and stories stages on the seeds


@pytest.fixture(scope="module")
def seed_run(seed_docs):
    cs = ClaimsSettings()
    raw = [c for d in seed_docs for c in extract_claims(d, cs)]
    entities, claims = resolve_entities(seed_docs, raw, cs)
    families = find_reuse(seed_docs, ReuseSettings()).families
    stories = cluster_stories(seed_docs, StoriesSettings(), families=families)
    checks = cross_check(claims, seed_docs, families, stories, entities, CheckSettings())
    timeline = build_timeline(claims, checks, stories, seed_docs, CheckSettings())
    return seed_docs, claims, families, checks, timeline


def _texts(check, claims):
    by_id = {c.id: c for c in claims}
    return [by_id[i].text for i in check.claim_ids]


def test_december_18_vs_25_conflict(seed_run):
    docs, _claims, _, checks, timeline = seed_run
    found = [ch for ch in checks if ch.status == "conflicting" and ch.kind == "date"
             and {"--12-18", "--12-25"} <= set(ch.values)]
    assert found, [c.summary for c in checks if c.kind == "date"]
    assert found[0].article_ids == (docs[3].id,)
    # one article against itself: no date has a majority, so both claims dissent
    assert set(found[0].dissenting_claim_ids) == set(found[0].claim_ids)
    marked = {e.date for e in timeline if e.conflicting}
    assert {"--12-18", "--12-25"} <= marked


def test_third_vs_fourth_year_conflict(seed_run):
    _, claims, _, checks, _ = seed_run
    found = [ch for ch in checks if ch.status == "conflicting" and ch.kind == "quantity"
             and any("third" in t for t in _texts(ch, claims))
             and any("fourth" in t for t in _texts(ch, claims))]
    assert found, [c.summary for c in checks if c.kind == "quantity"]


def test_unbreakable_vs_unwavering_misquote(seed_run):
    docs, claims, _, checks, _ = seed_run
    found = [ch for ch in checks if ch.status == "misquoted"
             and any("unwavering" in t for t in _texts(ch, claims))
             and any("unbreakable" in t for t in _texts(ch, claims))]
    assert found, [c.summary for c in checks if c.kind == "quote"]
    assert docs[4].id in found[0].article_ids


def test_troop_figures_are_not_a_conflict(seed_run):
    _, claims, _, checks, _ = seed_run
    for ch in checks:
        texts = " | ".join(_texts(ch, claims))
        assert not (ch.status == "conflicting" and "15,000" in texts and "30,000" in texts), texts


def test_rewrites_share_one_source(seed_run):
    docs, _claims, families, checks, _ = seed_run
    rewrites = {docs[0].id, docs[1].id, docs[4].id}
    assert any(rewrites <= set(f.article_ids) for f in families)
    shared = [ch for ch in checks if rewrites <= set(ch.article_ids)
              and not ({docs[2].id, docs[3].id} & set(ch.article_ids))]
    assert shared
    assert all(ch.independent_sources == 1 for ch in shared), [
        (c.summary, c.independent_sources) for c in shared]
