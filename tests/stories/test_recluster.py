"""An event that took in two incidents while the corpus was small falls apart at a later ingest:
its members are clustered afresh with the weights of the grown corpus
(:meth:`EventIndex.recluster_event`, called by ``add_incrementally``)."""

from __future__ import annotations

import json

from cases import QUAKE_TURKEY, docs_of, quake_corpus

from storyline.stories import EventIndex, StoriesSettings, order_key
from storyline.stories.features import extract
from storyline.stories.stored import add_incrementally

LATE_TURKEY = [
    "Aftershocks rattled [Malatya|GPE] on Tuesday as the toll from the earthquake stayed at 14.",
    "[AFAD|ORG] said 300 tents had been set up for families whose homes collapsed.",
    "[Erdogan|PERSON] said rebuilding in eastern [Turkey|GPE] would start next month.",
]


def _events(index: EventIndex) -> list[list[str]]:
    return sorted(sorted(ev.members) for ev in index.events.values())


def _merged(docs) -> EventIndex:
    """An index in which every article of ``docs`` is in one event, as an early merge left it
    (built with thresholds that take anything, then reloaded with the defaults)."""
    loose = EventIndex(StoriesSettings(event_threshold=0.0, merge_threshold=0.0))
    by_id = {d.id: d for d in docs}
    add_incrementally(loose, docs, lambda ids: [by_id[i] for i in ids])
    assert len(loose.events) == 1
    return EventIndex.from_state(json.loads(json.dumps(loose.to_state())), StoriesSettings())


def test_two_merged_incidents_come_apart_when_one_of_them_grows():
    turkey, chile, background = quake_corpus("2025-02-02", "2025-02-02")
    index = _merged(turkey + chile)
    late = docs_of([LATE_TURKEY], published="2025-02-04")
    by_id = {d.id: d for d in turkey + chile + background + late}
    add_incrementally(index, background + late, lambda ids: [by_id[i] for i in ids])
    events = _events(index)
    assert sorted(d.id for d in turkey + late) in events
    assert sorted(d.id for d in chile) in events
    assert all(len(e) == 1 for e in events if set(e) <= {d.id for d in background})


def test_one_incident_stays_one_event():
    turkey = docs_of(QUAKE_TURKEY, published="2025-02-02")
    late = docs_of([LATE_TURKEY], published="2025-02-04")
    index = _merged(turkey)
    by_id = {d.id: d for d in turkey + late}
    add_incrementally(index, late, lambda ids: [by_id[i] for i in ids])
    assert _events(index) == [sorted(d.id for d in turkey + late)]


def test_recluster_event_splits_by_incident_and_keeps_the_founders_part():
    turkey, chile, _ = quake_corpus("2025-02-02", "2025-02-02")
    index = _merged(turkey + chile)
    (key,) = index.events
    founder = index.events[key].founder
    settings = index.settings
    docs = turkey + chile
    vectors = {d.id: index.vectorize(extract(d, settings)) for d in docs}
    index.rebuild(vectors)
    order = [d.id for d in sorted(docs, key=order_key)]
    keys = index.recluster_event(key, order, vectors)
    assert keys[0] == key and len(keys) == 2
    parts = sorted(sorted(index.events[k].members) for k in keys)
    assert parts == sorted([sorted(d.id for d in turkey), sorted(d.id for d in chile)])
    assert founder in index.events[key].members
    # every member's record names its event, and a second pass changes nothing
    assert all(index.docs[m][0] == k for k in keys for m in index.events[k].members)
    assert index.recluster_event(key, order, vectors) == [key]


def test_a_reuse_family_stays_in_one_part():
    turkey, chile, _ = quake_corpus("2025-02-02", "2025-02-02")
    index = _merged(turkey + chile)
    (key,) = index.events
    docs = turkey + chile
    vectors = {d.id: index.vectorize(extract(d, index.settings)) for d in docs}
    index.rebuild(vectors)
    order = [d.id for d in sorted(docs, key=order_key)]
    family = {turkey[0].id: "fam", chile[0].id: "fam"}  # as if one copied the other
    keys = index.recluster_event(key, order, vectors, family)
    parts = [set(index.events[k].members) for k in keys]
    # the family is never torn apart (here its Chilean report then draws the other two to the
    # Turkish part: the parts are as similar as one event's)
    assert any({turkey[0].id, chile[0].id} <= p for p in parts)
