"""Events kept in the store: ``ingest`` assigns, ``report`` reads, ``--recluster`` refines.

The :class:`~storyline.stories.index.EventIndex` of a stored corpus is persisted as JSON in the
store's ``state`` table under :data:`STATE_NAME`, together with a hash of the stories settings
that built it:

* :class:`StoredEvents` (used by ``storyline ingest``) loads the index, assigns each newly stored
  article to an event as it is added (in canonical order within one ingest: publication date,
  then id), then makes one local repair pass over the articles of that ingest: each is
  reassigned to its best event now that the later ones are in (a k-means step over the new
  articles only), the members of the events they joined (up to ``repair_max_members``) are
  re-weighted with the document frequencies of the grown corpus and reassigned too (they were
  weighted when the corpus was smaller), and the events touched are merged with similar events
  (average linkage, ``merge_threshold``). Cost per added article does not grow with the stored corpus (candidates
  come from the index's postings; only touched events are merge-tested). It saves the index.
* :func:`stored_stories` (used by ``storyline report``) builds the stories from the persisted
  index without re-clustering. Stored articles the index lacks (a store from before this
  module, or settings changed since) are added incrementally first, and the index is saved when
  the store is writable.
* ``recluster=True`` (``storyline report --recluster``, and ``storyline analyze``, which sees the
  whole input at once) runs the batch clustering (:func:`~storyline.stories.cluster_index`: the
  canonical online pass, refinement with corpus-wide weights, the year split) and saves its
  index, so that later ingests continue from the refined events.

Reuse families are known only when the report is built, so incremental assignment does not use
them; ``--recluster`` does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from storyline.models import Document, Family, Story, content_id
from storyline.serialize import to_dict
from storyline.stories.features import DocFeatures, extract
from storyline.stories.index import STATE_VERSION, Centroid, DocVec, EventIndex, EventState
from storyline.stories.settings import StoriesSettings
from storyline.stories.timing import PlaceProfile, TimeProfile

if TYPE_CHECKING:
    from storyline.store import Store

STATE_NAME = "stories.events"
log = logging.getLogger("storyline")


def settings_key(settings: StoriesSettings) -> str:
    return content_id("stories-state", STATE_VERSION, to_dict(settings))


def load_index(store: Store, settings: StoriesSettings) -> EventIndex | None:
    """The persisted index, or None when there is none or it was built with other settings."""
    payload = store.get_state(STATE_NAME)
    if not payload or payload.get("settings") != settings_key(settings):
        return None
    try:
        return EventIndex.from_state(payload["index"], settings)
    except (KeyError, TypeError, ValueError) as exc:
        log.warning("stored event index unreadable (%s); rebuilding it", exc)
        return None


def save_index(store: Store, index: EventIndex) -> None:
    store.put_state(STATE_NAME, {"settings": settings_key(index.settings),
                                 "index": index.to_state()})


def _canonical(docs: Sequence[Document]) -> list[Document]:
    from storyline.stories import canonical_order

    return canonical_order(docs)


def _reassign(index: EventIndex, order: Sequence[str], old: Mapping[str, DocVec],
              new: Mapping[str, DocVec]) -> int:
    """Each article of ``order`` leaves its event (minus ``old``, the vector it joined with) and
    joins its best event (or a new one) with ``new``; returns the number of moves."""
    moved = 0
    for doc_id in order:
        cur = index.docs[doc_id][0]
        index._leave(cur, doc_id, old[doc_id])
        best = index.best_event(new[doc_id])
        if best is None:
            index._seq += 1
            best = f"{doc_id}~{index._seq}"
            index.events[best] = EventState(key=best, founder=doc_id, seq=index._seq)
        moved += best != cur
        index._join(best, doc_id, new[doc_id])
    return moved


def add_incrementally(index: EventIndex, docs: Sequence[Document],
                      stored: Callable[[list[str]], Iterable[Document]] | None = None,
                      passes: int = 2) -> None:
    """Add ``docs`` (one ingest's new articles) to ``index``: assigned one by one in canonical
    order, then ``passes`` local repair passes (the module docstring); each re-weights the
    articles with the document frequencies of everything added so far. ``stored`` (ids ->
    documents already in the store): the members of the events the new articles joined are
    re-weighted and reassigned too (their vectors were weighted when the corpus was smaller)."""
    feats: dict[str, DocFeatures] = {}
    vectors: dict[str, DocVec] = {}
    for d in _canonical(docs):
        if d.id in index.docs or d.id in feats:
            continue
        f = extract(d, index.settings)
        index.count(f)
        vectors[d.id] = index.vectorize(f)
        index.add_features(f, counted=True)
        feats[d.id] = f
    if not feats:
        return
    order = list(feats)
    for _ in range(passes):
        fresh = {d: index.vectorize(feats[d]) for d in order}
        moved = _reassign(index, order, vectors, fresh)
        vectors.update(fresh)
        if not moved:
            break
    touched = {index.docs[d][0] for d in order}
    if stored is not None:
        cap = index.settings.repair_max_members
        touched = {k for k in touched if k in index.events and len(index.events[k].members) <= cap}
        olds = sorted({m for k in touched for m in index.events[k].members} - set(feats))
        if olds:
            for d in stored(olds):
                feats[d.id] = extract(d, index.settings)
            members = [m for m in olds if m in feats] + order
            for k in sorted(touched, key=lambda k: index.events[k].seq):
                ev = index.events[k]
                keep = [m for m in ev.members if m in feats]
                for m in keep:
                    ev.members.remove(m)
                # rebuilt from the members' new vectors (members whose document the store no
                # longer has stay members but leave the centroid: their vectors are unknown)
                ev.ent, ev.term, ev.time, ev.place = Centroid(), Centroid(), TimeProfile(), PlaceProfile()
                ev.emb = None
                for m in keep:
                    vectors[m] = index.vectorize(feats[m])
                    index.docs[m][0] = k
                    index._join(k, m, vectors[m])
            _reassign(index, members, vectors, {m: index.vectorize(feats[m]) for m in members})
            touched = {index.docs[d][0] for d in members}
    touched |= {index.docs[d][0] for d in order}
    index.merge_events(only=touched)
    index.rename_founders({d: i for i, d in enumerate(order)})


class StoredEvents:
    """The event index of a store, updated as articles are added (see the module docstring)."""

    def __init__(self, store: Store, settings: StoriesSettings):
        self.store = store
        self.index = load_index(store, settings) or EventIndex(settings)

    def add(self, docs: Sequence[Document]) -> None:
        """Assign ``docs`` (new articles) to events, then repair locally (module docstring)."""
        add_incrementally(self.index, docs, lambda ids: self.store.iter_documents(ids))

    def save(self) -> None:
        save_index(self.store, self.index)


def stored_stories(store: Store | None, docs: Sequence[Document], settings: StoriesSettings, *,
                   families: Sequence[Family] = (), recluster: bool = False) -> tuple[Story, ...]:
    """The stories of ``docs`` from the store's persisted events (module docstring)."""
    from storyline.stories import cluster_index

    if store is None or recluster:
        index = cluster_index(docs, settings, families=families)
        if store is not None:
            save_index(store, index)
        return index.stories()
    events = StoredEvents(store, settings)
    wanted = {d.id for d in docs}
    if not set(events.index.docs) <= wanted:  # articles gone from the store: start afresh
        events.index = EventIndex(settings)
    missing = [d for d in docs if d.id not in events.index.docs]
    if missing:
        log.info("adding %d stored articles to the event index", len(missing))
        events.add(missing)
        events.save()
    return events.index.stories()
