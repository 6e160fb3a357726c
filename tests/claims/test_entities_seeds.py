"""On the seed corpus: the agency, the operation and the leaders each as one entity."""

from __future__ import annotations

import pytest

from storyline.claims import ClaimsSettings, extract_claims, resolve_entities


@pytest.fixture(scope="module")
def seed_resolved(seed_docs):
    settings = ClaimsSettings()
    claims = [c for d in seed_docs for c in extract_claims(d, settings)]
    entities, linked = resolve_entities(seed_docs, claims, settings)
    return entities, linked


def _holding(entities, form):
    hits = [e for e in entities if form == e.name or form in e.aliases]
    assert len(hits) == 1, (form, [(e.name, e.aliases) for e in hits])
    return hits[0]


@pytest.mark.parametrize("forms, name, type_, n_articles", [
    (["Korean Central News Agency", "KCNA", "CTAK", "Central News Agency"],
     "Korean Central News Agency", "AGENCY", 5),
    (["special military operation", "SVO", "SWO"], "special military operation", "EVENT", 3),
    (["Kim Jong Un", "Kim Jong-un", "Kim"], None, "PERSON", 5),
    (["Vladimir Putin", "Putin"], "Vladimir Putin", "PERSON", 5),
    (["Alexander Khinstin", "Khinstin"], "Alexander Khinstin", "PERSON", 1),
    (["Yonhap"], "Yonhap News Agency", "AGENCY", 1),
])
def test_seed_entities(seed_resolved, forms, name, type_, n_articles):
    entities, _ = seed_resolved
    found = {_holding(entities, f).id for f in forms}
    assert len(found) == 1
    ent = _holding(entities, forms[0])
    assert ent.type == type_
    assert name is None or ent.name == name
    assert len(ent.article_ids) == n_articles


@pytest.mark.parametrize("a, b", [
    ("North Korea", "Russia"),
    ("Kim Jong Un", "Vladimir Putin"),
    ("Korean Central News Agency", "Yonhap News Agency"),
    ("North Korea", "North Korean"),
])
def test_seed_entities_kept_apart(seed_resolved, a, b):
    entities, _ = seed_resolved
    assert _holding(entities, a).id != _holding(entities, b).id


def test_seed_claims_linked(seed_resolved):
    entities, claims = seed_resolved
    kcna = _holding(entities, "KCNA")
    putin = _holding(entities, "Putin")
    kim = _holding(entities, "Kim Jong-un")
    vias = {c.via: c.via_entity_id for c in claims if c.via}
    for via in ("CTAK", "KCNA", "the Korean Central News Agency"):
        assert vias.get(via) == kcna.id, (via, vias)
    speakers = {(c.speaker, c.speaker_entity_id) for c in claims if c.speaker}
    assert ("Vladimir Putin", putin.id) in speakers
    assert ("Kim Jong-un", kim.id) in speakers
    # every named speaker or via that is one of an entity's forms is linked
    forms = {f: e.id for e in entities for f in (e.name, *e.aliases)}
    for c in claims:
        if c.speaker in forms:
            assert c.speaker_entity_id == forms[c.speaker], c
