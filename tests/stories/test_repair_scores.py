"""What makes an ingest cheaper must not change its events: similarities reused across the repair
passes (by event stamp) and candidates taken from the best hits when postings name dead events."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from storyline.stories import EventIndex, StoriesSettings
from storyline.stories.features import extract
from storyline.stories.stored import add_incrementally

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from stories_incremental import stream  # noqa: E402 - the synthetic news stream of the benchmark


class RescoringIndex(EventIndex):
    """The index scoring every candidate every time (no similarity reused)."""

    def best_event(self, dv, exclude=None, scores=None):  # type: ignore[override]
        return super().best_event(dv, exclude)


@pytest.fixture(scope="module")
def docs():
    out = [d for d, _ in stream(400, 3)]
    random.Random(5).shuffle(out)  # out of date order: the repair moves articles and merges
    return out


def _ingest(index: EventIndex, docs, batch: int = 40) -> dict:
    by_id = {d.id: d for d in docs}
    for k in range(0, len(docs), batch):
        add_incrementally(index, docs[k:k + batch], lambda ids: [by_id[i] for i in ids])
    return json.loads(json.dumps(index.to_state(), sort_keys=True))


def test_reused_scores_give_the_events_of_rescoring_every_time(docs):
    settings = StoriesSettings()
    reused, rescored = EventIndex(settings), RescoringIndex(settings)
    state = _ingest(reused, docs)
    assert state == _ingest(rescored, docs)
    assert 20 < len(reused.events) < 200  # articles did gather into events


def test_a_changed_event_is_scored_again(docs):
    settings = StoriesSettings(candidate_share=0.0)  # several candidates scored, not only the best
    index = EventIndex(settings)
    for d in docs[:60]:
        index.add(d)
    incident = docs[60]
    features = index.vectorize(extract(incident, settings))
    scores: dict[int, float] = {}
    first = index.best_event(features, scores=scores)
    assert scores  # candidates were scored and kept
    # copies of the article join another scored event: it changed, and is now the best
    other = min((k for k, ev in index.events.items() if k != first and ev.stamp in scores),
                key=lambda k: len(index.events[k].members))
    before = index.events[other].stamp
    for copy in [f"copy-{i}" for i in range(30)]:
        index.docs[copy] = [other, "", None, {}]
        index._join(other, copy, features)
    assert index.events[other].stamp != before and before in scores
    assert index.best_event(features, scores=scores) == index.best_event(features) == other
    assert index.events[other].stamp in scores


def test_candidates_among_dead_events_are_the_live_best(docs):
    settings = StoriesSettings(max_candidates=5)
    index = EventIndex(settings)
    for d in docs[:300]:
        index.add(d)
    by_id = {d.id: d for d in docs}
    # events emptied (as refinement and merging do) leave postings naming them
    for key in sorted(index.events, key=lambda k: index.events[k].seq)[:40:2]:
        for m in list(index.events[key].members):
            index._leave(key, m, index.vectorize(extract(by_id[m], settings)))
    assert index._stale
    clean = EventIndex(settings)
    clean.events = index.events
    clean.postings = {k: {f: None for f in v if f in index.events}
                      for k, v in index.postings.items()}
    dead = sum(f not in index.events for v in index.postings.values() for f in v)
    assert dead > 0
    for d in docs[300:]:
        dv = index.vectorize(extract(d, settings))
        got = index.candidates(dv)
        assert all(f in index.events for f in got)
        assert sorted(got) == sorted(clean.candidates(dv))


class EveryEventIndex(EventIndex):
    """The index scoring every event for every article (no candidate bound)."""

    def candidates(self, dv):  # type: ignore[override]
        return list(self.events)


def test_the_candidate_bound_picks_the_event_scoring_every_event_picks():
    settings = StoriesSettings()
    index = EventIndex(settings)
    docs = [d for d, _ in stream(900, 8)]
    for d in docs[:750]:
        index.add(d)
    every = EveryEventIndex.from_state(index.to_state(), settings)
    assert len(index.events) > 3 * settings.max_candidates
    for d in docs[750:]:
        dv = index.vectorize(extract(d, settings))
        assert index.best_event(dv) == every.best_event(dv)
