"""Events persisted in the store: ingest assigns them, report reads them, --recluster refines."""

from __future__ import annotations

import random

import pytest
from cases import quake_corpus

import storyline.stories as stories_pkg
from storyline.pipeline import STAGES, Context, run_stages
from storyline.settings import Settings
from storyline.store import Store
from storyline.stories import StoriesSettings
from storyline.stories.stored import STATE_NAME, StoredEvents, load_index, stored_stories


def _partition(stories):
    return sorted(sorted(e.article_ids) for s in stories for e in s.events)


def _store_with(tmp_path, docs, batches):
    store = Store(tmp_path / "corpus.db")
    for batch in batches:
        events = StoredEvents(store, StoriesSettings())
        for d in batch:
            store.add_document(d)
        events.add(batch)
        events.save()
    return store


def test_ingested_in_batches_the_events_are_the_incidents(tmp_path):
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    docs = turkey + chile + background
    order = list(docs)
    random.Random(3).shuffle(order)
    store = _store_with(tmp_path, docs, [order[:4], order[4:8], order[8:]])
    index = load_index(store, StoriesSettings())
    assert index is not None and sorted(index.docs) == sorted(d.id for d in docs)
    parts = _partition(stored_stories(store, docs, StoriesSettings()))
    assert sorted(d.id for d in turkey) in parts
    assert sorted(d.id for d in chile) in parts
    store.close()


def test_report_reads_the_persisted_events_without_reclustering(tmp_path, monkeypatch):
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    docs = turkey + chile + background
    store = _store_with(tmp_path, docs, [docs])
    expected = _partition(load_index(store, StoriesSettings()).stories())

    def no_batch(*a, **k):
        raise AssertionError("report re-clustered")

    monkeypatch.setattr(stories_pkg, "cluster_index", no_batch)
    ctx = Context(settings=Settings(), store=store, values={"docs": docs})
    values = run_stages(STAGES[:2], ctx)
    assert _partition(values["stories"]) == expected
    ctx = Context(settings=Settings(), store=store, values={"docs": docs}, recluster=True)
    with pytest.raises(AssertionError, match="re-clustered"):
        run_stages(STAGES[:2], ctx)
    store.close()


def test_recluster_is_persisted_and_later_ingests_continue_from_it(tmp_path):
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    store = _store_with(tmp_path, turkey + background, [turkey + background])
    first = turkey + background
    batch = stored_stories(store, first, StoriesSettings(), recluster=True)
    assert _partition(load_index(store, StoriesSettings()).stories()) == _partition(batch)
    events = StoredEvents(store, StoriesSettings())
    for d in chile:
        store.add_document(d)
    events.add(chile)
    events.save()
    parts = _partition(stored_stories(store, first + chile, StoriesSettings()))
    assert sorted(d.id for d in chile) in parts
    assert sorted(d.id for d in turkey) in parts
    store.close()


def test_other_settings_or_a_store_without_events_rebuild_the_index(tmp_path):
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    docs = turkey + chile + background
    store = Store(tmp_path / "corpus.db")
    for d in docs:
        store.add_document(d)
    assert store.get_state(STATE_NAME) is None  # a store from before the index was persisted
    parts = _partition(stored_stories(store, docs, StoriesSettings()))
    assert sorted(d.id for d in turkey) in parts
    assert load_index(store, StoriesSettings()) is not None
    assert load_index(store, StoriesSettings(event_threshold=0.2)) is None
    store.close()
