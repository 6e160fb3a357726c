"""The optional embedding signal: used when asked for and installed, ignored otherwise."""

from __future__ import annotations

import json

import pytest
from cases import quake_corpus

from storyline.stories import EventIndex, StoriesSettings, semantic


def test_weight_zero_loads_nothing():
    index = EventIndex(StoriesSettings())
    assert index.use_embeddings is False


@pytest.mark.semantic
@pytest.mark.slow
def test_embeddings_enter_the_index_and_its_state():
    if not semantic.available():
        pytest.skip("semantic extra not installed")
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    settings = StoriesSettings(semantic_weight=0.2)
    index = EventIndex(settings)
    for d in turkey + chile + background:
        index.add(d)
    assert index.use_embeddings
    assert all(ev.emb is not None and len(ev.emb) == 384 for ev in index.events.values())
    state = json.loads(json.dumps(index.to_state()))
    again = EventIndex.from_state(state, settings)
    assert again.stories() == index.stories()
    parts = sorted(sorted(e.article_ids) for s in index.stories() for e in s.events)
    assert sorted(d.id for d in turkey) in parts
