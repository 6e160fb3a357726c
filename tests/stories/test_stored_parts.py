"""The event index kept in parts: an ingest reads and writes only what it touches, with the same
events as when the whole index was read and written as one JSON value."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from storyline.store import Store
from storyline.stories import EventIndex, StoriesSettings
from storyline.stories.events import event_to_state
from storyline.stories.stored import (
    PARTS,
    STATE_NAME,
    StoredEvents,
    add_incrementally,
    load_index,
    save_index,
    settings_key,
    stored_stories,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from stories_incremental import stream  # noqa: E402 - the synthetic news stream of the benchmark


@pytest.fixture(scope="module")
def docs():
    out = [d for d, _ in stream(300, 11)]
    random.Random(2).shuffle(out)  # out of date order: ingests reassign, merge and rename
    return out


def _round_trip(index: EventIndex) -> EventIndex:
    """What the store did with the index as one JSON value: the whole of it, written and read."""
    text = json.dumps(index.to_state(), ensure_ascii=False, sort_keys=True)
    return EventIndex.from_state(json.loads(text), index.settings)


def _state(index: EventIndex) -> dict:
    return json.loads(json.dumps(index.to_state(), sort_keys=True))


def _ingest(store: Store, batch) -> StoredEvents:
    events = StoredEvents(store, StoriesSettings())
    for d in batch:
        store.add_document(d)
    events.add(batch)
    return events


def _count_reads(store: Store) -> list[str]:
    """The names of the parts ``store`` reads from now on (a list it appends to)."""
    read: list[str] = []
    real_read = store.read_parts

    def counting(prefix, parts):
        read.extend(prefix + p for p in parts)
        return real_read(prefix, parts)

    store.read_parts = counting  # type: ignore[method-assign]
    return read


def test_ingests_through_parts_give_the_events_of_the_whole_index(tmp_path, docs):
    settings = StoriesSettings()
    reference = EventIndex(settings)
    by_id = {d.id: d for d in docs}
    with Store(tmp_path / "c.db") as store:
        for k in range(0, len(docs), 50):
            batch = docs[k:k + 50]
            reference = _round_trip(reference)
            add_incrementally(reference, batch, lambda ids: [by_id[i] for i in ids])
            assert _ingest(store, batch).save()
        stored = load_index(store, settings)
    assert stored is not None
    assert len(reference.events) > 20
    assert _state(stored) == _state(reference)


def test_an_ingest_reads_and_writes_only_the_parts_it_touches(tmp_path, docs):
    with Store(tmp_path / "c.db") as store:
        _ingest(store, docs[:290]).save()
        stored_rows = store._db.execute("SELECT count(*) FROM state").fetchone()[0]
        read = _count_reads(store)
        before = store._db.total_changes
        events = _ingest(store, docs[290:293])
        assert events.save()
        written = store._db.total_changes - before - 3 * 3  # less the 3 articles' own rows
        assert 0 < written < stored_rows / 5, (written, stored_rows)
        # (on a 300-article corpus the events they meet are a good part of all; at 100k stored
        # it is a few thousand of a million rows: benchmarks/stories_ingest_cost.py)
        assert 0 < len(set(read)) < stored_rows / 4, (len(set(read)), stored_rows)
        # and the result is the events of the whole index
        whole = load_index(store, StoriesSettings())
        assert whole is not None and all(d.id in whole.docs for d in docs[:293])


def test_a_save_after_another_process_saved_writes_nothing(tmp_path, docs):
    settings = StoriesSettings()
    with Store(tmp_path / "c.db") as store:
        _ingest(store, docs[:100]).save()
        first = _ingest(store, docs[100:110])
        second = _ingest(store, docs[110:120])  # read the index before ``first`` saved
        assert first.save()
        assert not second.save()  # its parts could mix two versions of the index
        index = load_index(store, settings)
        assert index is not None
        assert all(d.id in index.docs for d in docs[:110])
        assert not any(d.id in index.docs for d in docs[110:120])
        # the report adds the articles the index lacks
        stories = stored_stories(store, docs[:120], settings)
        assert sorted(a for s in stories for a in s.article_ids) == sorted(d.id for d in docs[:120])
        index = load_index(store, settings)
        assert index is not None and all(d.id in index.docs for d in docs[:120])


def test_a_store_with_the_index_as_one_value_is_read_and_rewritten_in_parts(tmp_path, docs):
    settings = StoriesSettings()
    old = EventIndex(settings)
    add_incrementally(old, docs[:60])
    with Store(tmp_path / "c.db") as store:
        for d in docs[:60]:
            store.add_document(d)
        store.put_state(STATE_NAME, {"settings": settings_key(settings), "index": old.to_state()})
        events = _ingest(store, docs[60:70])
        reference = _round_trip(old)
        add_incrementally(reference, docs[60:70], lambda ids: store.iter_documents(ids))
        assert events.save()
        assert store.get_state(STATE_NAME) is None
        assert store.read_parts(PARTS, ["meta"])
        stored = load_index(store, settings)
        assert stored is not None and _state(stored) == _state(reference)


def test_event_parts_keep_their_centroids_exactly_and_old_parts_are_read(tmp_path, docs):
    settings = StoriesSettings()
    index = EventIndex(settings)
    add_incrementally(index, docs[:80])
    by_id = {d.id: d for d in docs}
    with Store(tmp_path / "c.db") as store:
        for d in docs[:80]:
            store.add_document(d)
        save_index(store, index)
        stored = load_index(store, settings)
        assert stored is not None
        for key, ev in index.events.items():
            back = stored.events[key]
            # the same floats, bit for bit, in the same key order
            assert list(back.ent.vec.items()) == list(sorted(ev.ent.vec.items()))
            assert list(back.term.vec.items()) == list(sorted(ev.term.vec.items()))
        # event parts as written before the centroids were packed (JSON numbers)
        store.write_parts(PARTS, {"e/" + k: json.dumps(event_to_state(ev), sort_keys=True)
                                  for k, ev in index.events.items()})
        reference = _round_trip(index)
        add_incrementally(reference, docs[80:120], lambda ids: [by_id[i] for i in ids])
        assert _ingest(store, docs[80:120]).save()
        after = load_index(store, settings)
    assert after is not None and _state(after) == _state(reference)


def test_candidates_too_far_in_time_are_not_read_and_the_events_are_the_same(tmp_path):
    """Each event's span of days is kept in a part of its own: a candidate whose saved span lies
    more than ``max_gap_days`` away is not read (it would be skipped after reading), and the
    events are exactly those of the whole index."""
    import dataclasses

    settings = dataclasses.replace(StoriesSettings(), max_gap_days=1)
    docs = [d for d, _ in stream(1500, 11)]  # five days of news
    assert len({d.article.published for d in docs}) >= 5
    by_id = {d.id: d for d in docs}
    # four days stored, then the fifth in three ingests out of date order
    late = docs[1200:]
    random.Random(3).shuffle(late)
    first, rest = docs[:1200], [late[k:k + 100] for k in range(0, 300, 100)]

    def run(path: Path, spans: bool) -> tuple[dict, int]:
        reads = 0
        with Store(path) as store:
            index = EventIndex(settings)
            add_incrementally(index, first, lambda ids: [by_id[i] for i in ids])
            save_index(store, index)
            if not spans:  # as a store saved by a version that did not keep the spans
                meta = json.loads(store.read_parts(PARTS, ["meta"])["meta"])
                store.write_parts(PARTS, {"meta": json.dumps({**meta, "spans": False})})
            real_read = store.read_parts

            def counting(prefix, parts):
                nonlocal reads
                reads += len(parts) if prefix == PARTS + "e/" else 0
                return real_read(prefix, parts)

            store.read_parts = counting  # type: ignore[method-assign]
            for batch in rest:
                events = StoredEvents(store, settings, documents=lambda ids: [by_id[i] for i in ids])
                events.add(batch)
                assert events.save()
            store.read_parts = real_read  # type: ignore[method-assign]
            whole = load_index(store, settings)
        assert whole is not None
        return _state(whole), reads

    with_spans, fewer = run(tmp_path / "a.db", True)
    without, more = run(tmp_path / "b.db", False)
    assert with_spans == without
    assert fewer < more, (fewer, more)


def test_a_store_spanning_less_than_the_gap_reads_no_spans(tmp_path, docs):
    """The first and last day of the corpus are kept: when no event can be ``max_gap_days``
    away from an article, the spans are not read (they would only cost)."""
    with Store(tmp_path / "c.db") as store:
        _ingest(store, docs[:250]).save()
        read = _count_reads(store)
        events = _ingest(store, docs[250:300])
        assert events.index.spans is not None and events.index.day_range is not None
        assert events.save()
        assert read and not [r for r in read if r.startswith(PARTS + "t/")]
