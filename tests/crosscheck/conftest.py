"""Fixtures of the crosscheck tests: the seed corpus with hand-made claims."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # for the helper module crosscheck_records

from crosscheck_records import SEED_ENTITIES, claim_in, seed_claims

from storyline.models import Family, Story


@pytest.fixture(scope="session")
def seed_case(seed_docs):
    """(claims, docs, families, stories, entities) for the seed corpus: 000/001/004 one family."""
    d = seed_docs
    families = (Family("fam_rewrites", (d[0].id, d[1].id, d[4].id), d[0].id),)
    stories = (Story("story_seeds", "Putin and Kim New Year messages", tuple(x.id for x in d)),)
    return seed_claims(d), d, families, stories, SEED_ENTITIES


@pytest.fixture(name="claim_in", scope="session")
def claim_in_fixture():
    """``claim_in(doc, kind, text, occurrence=0, **fields)``: a claim with real spans."""
    return claim_in
