"""Incremental assignment, batch agreement, families, persistence and ids."""

from __future__ import annotations

import dataclasses
import json
import random

import pytest
from cases import BACKGROUND, QUAKE_TURKEY, docs_of, quake_corpus

from storyline.errors import SettingsError
from storyline.models import Family
from storyline.settings import Settings
from storyline.stories import EventIndex, StoriesSettings, canonical_order, cluster_stories


def _partition(stories):
    return sorted(sorted(e.article_ids) for s in stories for e in s.events)


def _check_cover(stories, docs):
    ids = [a for s in stories for e in s.events for a in e.article_ids]
    assert sorted(ids) == sorted(d.id for d in docs)  # each article in exactly one event
    story_ids = [a for s in stories for a in s.article_ids]
    assert sorted(story_ids) == sorted(d.id for d in docs)
    for s in stories:
        assert sorted(s.article_ids) == sorted(a for e in s.events for a in e.article_ids)
        assert s.title and all(e.title for e in s.events)


@pytest.mark.parametrize("dates", [(None, None), ("2025-02-02", "2025-03-13")])
def test_two_incidents_of_one_kind_are_two_events(dates):
    turkey, chile, background = quake_corpus(*dates)
    docs = turkey + chile + background
    stories = cluster_stories(docs, StoriesSettings())
    _check_cover(stories, docs)
    parts = _partition(stories)
    assert sorted(d.id for d in turkey) in parts
    assert sorted(d.id for d in chile) in parts


def test_same_words_months_apart_are_two_events():
    """Time separates reports that the words alone would join."""
    early = docs_of(QUAKE_TURKEY, published="2025-02-02")
    late = docs_of(QUAKE_TURKEY, published="2025-09-20", salt="later")
    docs = early + late + docs_of(BACKGROUND)
    parts = _partition(cluster_stories(docs, StoriesSettings()))
    assert sorted(d.id for d in early) in parts
    assert sorted(d.id for d in late) in parts
    no_time = StoriesSettings(time_penalty=0.0, max_gap_days=36_500)
    joined = _partition(cluster_stories(docs, no_time))
    assert sorted(d.id for d in early + late) in joined


def test_family_members_share_an_event():
    turkey, chile, background = quake_corpus()
    fam = Family("fam1", (turkey[0].id, chile[0].id), turkey[0].id)  # a (strange) rewrite pair
    stories = cluster_stories(turkey + chile + background, StoriesSettings(), families=[fam])
    event_of = {a: e.id for s in stories for e in s.events for a in e.article_ids}
    assert event_of[turkey[0].id] == event_of[chile[0].id]


def test_batch_equals_incremental_in_canonical_order_without_refinement():
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    docs = background + chile + turkey
    settings = StoriesSettings(refine_passes=0, year_split_min=0)
    index = EventIndex(settings)
    for d in canonical_order(docs):
        index.add(d)
    assert index.stories() == cluster_stories(docs, settings)


def test_arrival_order_does_not_change_the_events_here():
    turkey, chile, background = quake_corpus()
    docs = turkey + chile + background
    expected = _partition(cluster_stories(docs, StoriesSettings()))
    rng = random.Random(3)
    for _ in range(5):
        order = list(docs)
        rng.shuffle(order)
        index = EventIndex(StoriesSettings())
        for d in order:
            index.add(d)
        assert _partition(index.stories()) == expected


def test_state_round_trip_and_continue():
    turkey, chile, background = quake_corpus("2025-02-02", "2025-03-13")
    first, rest = turkey[:2] + chile[:2] + background, turkey[2:] + chile[2:]
    settings = StoriesSettings()
    a = EventIndex(settings)
    for d in first:
        a.add(d)
    state = json.loads(json.dumps(a.to_state()))  # JSON only, no pickle
    b = EventIndex.from_state(state, settings)
    assert b.to_state() == a.to_state()
    assert json.dumps(a.to_state(), sort_keys=True) == json.dumps(b.to_state(), sort_keys=True)
    for d in rest:
        assert a.add(d) == b.add(d)
    assert a.stories() == b.stories()
    with pytest.raises(ValueError):
        EventIndex.from_state({**state, "version": 99}, settings)


def test_ids_stay_when_articles_are_added():
    turkey, chile, background = quake_corpus()
    index = EventIndex(StoriesSettings())
    first = index.add(turkey[0])
    again = index.add(turkey[0])  # adding an article twice changes nothing
    assert again == first
    for d in turkey[1:] + chile + background:
        index.add(d)
    assert index.assignments()[turkey[0].id] == first
    event_ids = {e.id for s in index.stories() for e in s.events}
    assert first in event_ids


def test_settings_ranges():
    with pytest.raises(ValueError):
        StoriesSettings(event_threshold=1.5)
    with pytest.raises(SettingsError):
        Settings.load(overrides=["stories.entity_weight=2"])
    s = Settings.load(overrides=["stories.event_threshold=0.2"])
    assert s.stories.event_threshold == 0.2
    assert dataclasses.replace(s.stories, refine_passes=0).refine_passes == 0


def test_empty_and_singleton():
    assert cluster_stories([], StoriesSettings()) == ()
    (doc,) = docs_of(BACKGROUND[:1])
    (story,) = cluster_stories([doc], StoriesSettings())
    assert story.article_ids == (doc.id,) and story.events[0].article_ids == (doc.id,)


def test_candidates_sharing_little_of_the_query_are_not_scored():
    """``candidate_share``: an event that shares only a word or two of the article's query with
    it is not read nor scored, while the article's own incident still is; the events come out
    as when every candidate is scored."""
    from storyline.stories.features import extract

    turkey, chile, background = quake_corpus()
    docs = turkey + chile + background
    cut, full = StoriesSettings(), StoriesSettings(candidate_share=0.0)
    assert cut.candidate_share > 0
    assert _partition(cluster_stories(docs, cut)) == _partition(cluster_stories(docs, full))
    index = EventIndex(cut)
    for d in turkey[:-1] + chile + background:
        index.add(d)
    last = extract(turkey[-1], cut)
    index.count(last)
    dv = index.vectorize(last)
    kept = index.candidates(dv)
    index.settings = full
    scored_all = index.candidates(dv)
    index.settings = cut
    assert set(kept) < set(scored_all)  # some are left out ...
    assert index.docs[turkey[0].id][0] in kept  # ... not the article's own incident
    assert index.best_event(dv) == index.docs[turkey[0].id][0]
