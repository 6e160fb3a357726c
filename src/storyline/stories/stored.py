"""Events kept in the store: ``ingest`` assigns, ``report`` reads, ``--recluster`` refines.

The :class:`~storyline.stories.index.EventIndex` of a stored corpus is persisted in the store's
``state`` table as one row per part, under the prefix :data:`PARTS`: ``meta`` (a hash of the
stories settings that built it, counters, a generation number), ``families``, and one row per
event (``e/``), posting list (``p/``), article record (``d/``), document frequency (``f/``),
event -> posting keys (``w/``, so that renaming an event rewrites only the postings that name
it) and event -> its first and last day (``t/``, so that a candidate event too far in time is
not read: :meth:`EventIndex._near`; trusted only when ``meta`` says ``spans``, which a save by a
version that did not write them leaves out, until the next full save; ``meta`` keeps the first
and last day of the corpus too, so that a store spanning less than ``max_gap_days`` reads none). An ingest reads the
parts it uses as it goes (:class:`~storyline.stories.parts.PartMap`) and writes back only
those that changed, so an ingest of 100 articles into a 100k-article store
costs what those articles touch, not what the store holds (it was one JSON value, read and
rewritten whole: 19 s per ingest at 100k; ``benchmarks/stories_ingest_cost.py``). The save is
one transaction, and only if no other process saved the index since this one read it (the
generation number): otherwise the parts read could come from two versions, and nothing is
written (the articles join events when a report finds them missing). A store from before the
parts (one JSON value under :data:`STATE_NAME`) is read whole and rewritten as parts.

* :class:`StoredEvents` (used by ``storyline ingest``) loads the index, assigns each newly stored
  article to an event as it is added (in canonical order within one ingest: publication date,
  then id), then makes one local repair pass over the articles of that ingest: each is
  reassigned to its best event now that the later ones are in (a k-means step over the new
  articles only), the members of the events they joined (up to ``repair_max_members``) are
  re-weighted with the document frequencies of the grown corpus and reassigned too (they were
  weighted when the corpus was smaller), and the events touched are merged with similar events
  (average linkage, ``merge_threshold``). Before the reassignment and after the merging, each
  event touched (and each that took in another) has its members clustered afresh with the grown
  corpus's weights, as the batch would cluster them (:meth:`EventIndex.recluster_event`): two
  incidents that met while the corpus was small and its weights flat come apart again, which
  one-at-a-time reassignment never does (NewsWCL50, ten ingests in random order: agreement with
  one ingest 0.895 -> 0.984). Cost per added article is bounded, not flat: candidates
  come from the index's postings (at most ``max_candidates`` scored), only touched events are
  merge-tested, only the parts used are read, and an article's similarities to events that did
  not change are reused across the passes; what still grows with the store is how many of the
  events an ingest scores must be read from it (benchmarks/README.md, issue 10). It saves the
  parts that changed.
* :func:`stored_stories` (used by ``storyline report``) reads the whole index and builds the
  stories from it without re-clustering. Stored articles the index lacks (a store from before this
  module, or settings changed since) are added incrementally first, and the index is saved when
  the store is writable.
* Stories are kept too: the report saves each article's story id (:data:`STORIES_NAME`) and the
  next report puts every event back in the story most of its members were in, grouping only the
  events that are new (:func:`~storyline.stories.group.build_stories`), so that an ingest changes
  only the stories its articles reach and the report reuses what it computed for the others.
* ``recluster=True`` (``storyline report --recluster``, and ``storyline analyze``, which sees the
  whole input at once) runs the batch clustering (:func:`~storyline.stories.cluster_index`: the
  canonical online pass, refinement with corpus-wide weights, the year split) and saves its
  index, so that later ingests continue from the refined events.

Reuse families are known only when the report is built, so incremental assignment does not use
them; ``--recluster`` does.
"""

from __future__ import annotations

import array
import base64
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from storyline.models import Document, Family, Story, content_id
from storyline.serialize import to_dict
from storyline.stories.events import (
    Centroid,
    DocVec,
    EventState,
    doc_from_state,
    event_from_state,
    event_to_state,
)
from storyline.stories.features import DocFeatures, extract
from storyline.stories.index import STATE_VERSION, EventIndex
from storyline.stories.parts import PartMap, prefetch, touch
from storyline.stories.settings import StoriesSettings
from storyline.stories.timing import PlaceProfile, TimeProfile

if TYPE_CHECKING:
    from storyline.store import Store

STATE_NAME = "stories.events"  # the index as one JSON value (stores of before the parts)
STORIES_NAME = "stories.kept"  # each article's story at the last report (module docstring)
PARTS = "stories.events/"  # prefix of the index's parts (module docstring)
log = logging.getLogger("storyline")


def settings_key(settings: StoriesSettings) -> str:
    return content_id("stories-state", STATE_VERSION, to_dict(settings))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _pack(vec: Mapping[str, float]) -> list[Any]:
    """A centroid as ``[keys, base64 of the values as little-endian doubles]``: exact, and read
    back several times faster than JSON numbers."""
    values = array.array("d", vec.values())
    if sys.byteorder == "big":
        values.byteswap()
    return [list(vec), base64.b64encode(values.tobytes()).decode("ascii")]


def _unpack(packed: Any) -> dict[str, float]:
    if isinstance(packed, dict):  # an event part written before the packing
        return packed
    keys, data = packed
    values = array.array("d")
    values.frombytes(base64.b64decode(data))
    if sys.byteorder == "big":
        values.byteswap()
    if len(values) != len(keys):
        raise ValueError("packed centroid: keys and values differ in number")
    return dict(zip(keys, values))


def _encode_event(ev: EventState) -> str:
    """An event part: :func:`event_to_state` with its two centroids packed (:func:`_pack`).
    Reading the events an ingest scores was most of what made its cost grow with the store
    (``benchmarks/stories_ingest_cost.py``): JSON numbers are slow to parse."""
    state = event_to_state(ev)
    state["ent"], state["term"] = _pack(state["ent"]), _pack(state["term"])
    return _dumps(state)


def _decode_event(text: str) -> EventState:
    state = json.loads(text)
    state["ent"], state["term"] = _unpack(state["ent"]), _unpack(state["term"])
    return event_from_state(state)


# kind -> (decode, encode) of its parts' JSON
_KINDS: dict[str, tuple[Callable[[str], Any], Callable[[Any], str]]] = {
    "e/": (_decode_event, _encode_event),
    "p/": (lambda t: dict.fromkeys(json.loads(t)), lambda posting: _dumps(list(posting))),
    "d/": (lambda t: doc_from_state(json.loads(t)), lambda rec: _dumps(list(rec))),
    "f/": (json.loads, _dumps),
    "w/": (lambda t: set(json.loads(t)), lambda keys: _dumps(sorted(keys))),
    "t/": (json.loads, _dumps),
}


# the kinds whose entries change only through ``[]=`` or with :func:`~storyline.stories.parts.touch`
# (the index marks each posting it changes in place): their save encodes only those, not every
# posting read to look candidates up (thousands per ingest, most only read)
_TRACKED = ("e/", "p/", "f/")


class _Parts:
    """The :class:`~storyline.stories.parts.PartSource` of one store's event index."""

    def __init__(self, store: Store):
        self.store = store

    def read(self, kind: str, keys: list[str]) -> dict[str, str]:
        return self.store.read_parts(PARTS + kind, keys)

    def exists(self, kind: str, keys: list[str]) -> set[str]:
        return self.store.part_names(PARTS + kind, keys)


def _meta(store: Store, settings: StoriesSettings) -> dict[str, Any] | None:
    found = store.read_parts(PARTS, ["meta"]).get("meta")
    meta = json.loads(found) if found else None
    return meta if meta and meta.get("settings") == settings_key(settings) else None


def load_index(store: Store, settings: StoriesSettings) -> EventIndex | None:
    """The whole persisted index in memory, or None when there is none or it was built with
    other settings (a store from before the parts: its one JSON value)."""
    meta = _meta(store, settings)
    if meta is None:
        return _load_legacy(store, settings)
    index = EventIndex(settings)
    index.n_docs, index._seq = meta["n_docs"], meta["seq"]
    parts: dict[str, dict[str, Any]] = {kind: {} for kind in _KINDS}
    for name, text in store.iter_parts(PARTS):
        kind = name[:2]
        if kind in parts and kind not in ("w/", "t/"):
            parts[kind][name[2:]] = _KINDS[kind][0](text)
        elif name == "families":
            index.families = json.loads(text)
    index.events = {ev.key: ev for ev in sorted(parts["e/"].values(), key=lambda e: e.seq)}
    index.postings, index.docs = parts["p/"], parts["d/"]
    index.df = Counter(parts["f/"])
    index._stale = any(f not in index.events for v in index.postings.values() for f in v)
    return index


def _load_legacy(store: Store, settings: StoriesSettings) -> EventIndex | None:
    payload = store.get_state(STATE_NAME)
    if not payload or payload.get("settings") != settings_key(settings):
        return None
    try:
        return EventIndex.from_state(payload["index"], settings)
    except (KeyError, TypeError, ValueError) as exc:
        log.warning("stored event index unreadable (%s); rebuilding it", exc)
        return None


def open_index(store: Store, settings: StoriesSettings) -> EventIndex | None:
    """The persisted index, read part by part as it is used (:mod:`~storyline.stories.parts`),
    or None when there is none with these settings."""
    meta = _meta(store, settings)
    if meta is None:
        return None
    index = EventIndex(settings)
    index.n_docs, index._seq, index._stale = meta["n_docs"], meta["seq"], meta["stale"]
    source = _Parts(store)
    # PartMaps in place of the index's dicts: they offer what the index uses of a dict
    index.events, index.postings, index.docs, index.df, index.posted = (  # type: ignore[assignment]
        PartMap(source, kind, *_KINDS[kind], tracked=kind in _TRACKED)
        for kind in ("e/", "p/", "d/", "f/", "w/"))
    if meta.get("spans"):
        index.spans = PartMap(source, "t/", *_KINDS["t/"])
        index.day_range = meta.get("days")
    families = store.read_parts(PARTS, ["families"]).get("families")
    index.families = json.loads(families) if families else {}
    index.loaded = (meta["generation"], families)
    return index


def save_index(store: Store, index: EventIndex) -> bool:
    """Persist ``index``: an index read part by part writes the parts it changed, provided no
    other process saved the index since it was read (else nothing is written: the articles it
    added join events when a report finds them missing); an index in memory replaces every part.
    Returns whether it wrote."""
    meta = {"settings": settings_key(index.settings), "n_docs": index.n_docs, "seq": index._seq,
            "stale": index._stale, "days": index.day_range}
    if isinstance(index.events, PartMap):
        assert index.loaded is not None
        generation, families = index.loaded
        changes: dict[str, str | None] = {}
        maps: tuple[tuple[str, Any], ...] = (("e/", index.events), ("p/", index.postings),
                                             ("d/", index.docs), ("f/", index.df),
                                             ("w/", index.posted))
        for kind, part_map in maps:
            changes.update((kind + k, v) for k, v in part_map.changes().items())
        # each event written or deleted: its span too (the spans of the others are unchanged)
        changes.update(("t/" + k[2:], None if v is None else _dumps(index.events[k[2:]].time.span()))
                       for k, v in list(changes.items()) if k.startswith("e/"))
        if _dumps(index.families) != families:
            changes["families"] = _dumps(index.families)
        # the spans are trusted only while every save since the last full one wrote them
        changes["meta"] = _dumps({**meta, "generation": generation + 1,
                                  "spans": index.spans is not None})
        if store.write_parts(PARTS, changes, guard=("meta", lambda text: text is not None and
                                                    json.loads(text)["generation"] == generation)):
            index.loaded = (generation + 1, _dumps(index.families))
            return True
        log.info("the event index was saved by another process meanwhile; this run's articles "
                 "join events at the next report")
        return False
    old = store.read_parts(PARTS, ["meta"]).get("meta")
    generation = json.loads(old)["generation"] + 1 if old else 1
    posted: dict[str, set[str]] = {}
    for key, posting in index.postings.items():
        for founder in posting:
            posted.setdefault(founder, set()).add(key)
    spans = {k: ev.time.span() for k, ev in index.events.items()}
    days = [d for span in spans.values() for d in span]
    meta["days"] = [min(days), max(days)] if days else None
    parts: dict[str, str | None] = {
        "meta": _dumps({**meta, "generation": generation, "spans": True}),
        "families": _dumps(index.families)}
    for kind, mapping in (("e/", index.events), ("p/", index.postings), ("d/", index.docs),
                          ("f/", index.df), ("w/", posted), ("t/", spans)):
        encode = _KINDS[kind][1]
        parts.update((kind + k, encode(v)) for k, v in mapping.items())
    store.write_parts(PARTS, parts, replace=True)
    store.delete_state(STATE_NAME)
    return True


def _canonical(docs: Sequence[Document]) -> list[Document]:
    from storyline.stories import canonical_order

    return canonical_order(docs)


def order_key(doc: Document) -> tuple[int, str, str]:
    from storyline.stories import order_key

    return order_key(doc)


def _reassign(index: EventIndex, order: Sequence[str], old: Mapping[str, DocVec],
              new: Mapping[str, DocVec],
              scores: dict[str, tuple[DocVec, dict[object, float]]] | None = None) -> int:
    """Each article of ``order`` leaves its event (minus ``old``, the vector it joined with) and
    joins its best event (or a new one) with ``new``; returns the number of moves. ``scores``:
    per article, its vector and the similarities computed with it (by event stamp, see
    :meth:`EventIndex.best_event`), kept across calls so that a later pass rescores only the
    events that changed; reset when the article's vector is another object."""
    moved = 0
    for doc_id in order:
        cur = index.docs[doc_id][0]
        index._leave(cur, doc_id, old[doc_id])
        dv = new[doc_id]
        cache = None
        if scores is not None:
            kept = scores.get(doc_id)
            if kept is None or kept[0] is not dv:
                kept = scores[doc_id] = (dv, {})
            cache = kept[1]
        best = index.best_event(dv, scores=cache)
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
    docs = _canonical(docs)
    prefetch(index.docs, [d.id for d in docs])
    new = [d for d in docs if d.id not in index.docs]
    extracted = {d.id: extract(d, index.settings) for d in new}
    prefetch(index.df, {k for f in extracted.values() for k in (*f.entities, *f.terms)})
    for d in new:
        f = extracted[d.id]
        index.count(f)
        vectors[d.id] = index.vectorize(f)
        index.add_features(f, counted=True)
        feats[d.id] = f
    if not feats:
        return
    order = list(feats)
    # every key is counted now: an article's vector no longer changes during this call, so it
    # is computed once, and its similarities to the events that did not change are reused
    fresh = {d: index.vectorize(feats[d]) for d in order}
    scores: dict[str, tuple[DocVec, dict[object, float]]] = {}
    for _ in range(passes):
        moved = _reassign(index, order, vectors, fresh, scores)
        vectors.update(fresh)
        if not moved:
            break
    touched = {index.docs[d][0] for d in order}
    if stored is None:
        index.merge_events(only=touched)
    else:
        cap = index.settings.repair_max_members
        touched = {k for k in touched if k in index.events and len(index.events[k].members) <= cap}
        rank = {d.id: order_key(d) for d in docs}
        olds = _refresh(index, touched, stored, feats, vectors, fresh, rank)
        # an event that merged two incidents while the corpus was small falls apart when its
        # members are clustered afresh with today's weights (EventIndex.recluster_event)
        split = _recluster(index, touched, vectors, rank)
        members = olds + order
        if olds or split:
            _reassign(index, members, vectors, fresh, scores)
            touched = {index.docs[d][0] for d in members}
        touched |= {index.docs[d][0] for d in order}
        # and so does one that the merging just made: tested with today's weights as well
        absorbed: set[str] = set()
        index.merge_events(only=touched, absorbed=absorbed)
        absorbed = {k for k in absorbed if k in index.events
                    and len(index.events[k].members) <= cap}
        _refresh(index, absorbed, stored, feats, vectors, fresh, rank, all_events=False)
        split = _recluster(index, absorbed, vectors, rank)
        if split:
            index.merge_events(only=split)
    index.rename_founders({d: i for i, d in enumerate(order)})


def _refresh(index: EventIndex, keys: set[str], stored: Callable[[list[str]], Iterable[Document]],
             feats: dict[str, DocFeatures], vectors: dict[str, DocVec],
             fresh: dict[str, DocVec], rank: dict[str, tuple[int, str, str]],
             all_events: bool = True) -> list[str]:
    """Re-weight the members of the events ``keys`` with the document frequencies of now and
    rebuild those events from them; the members not extracted yet are read from the store
    (``stored``), and returned (those found). When none is read, the events are left as they
    are, unless ``all_events`` is False, when only the events with a member read are rebuilt."""
    olds = sorted({m for k in keys for m in index.events[k].members} - set(feats))
    if not olds:
        return []
    for d in stored(olds):
        feats[d.id] = extract(d, index.settings)
        rank[d.id] = order_key(d)
    prefetch(index.df, {k for m in olds if m in feats
                        for k in (*feats[m].entities, *feats[m].terms)})
    prefetch(index.docs, olds)
    read = set(olds)
    for k in sorted(keys, key=lambda k: index.events[k].seq):
        ev = index.events[k]
        if not all_events and read.isdisjoint(ev.members):
            continue
        touch(index.events, k)
        ev.changed()
        keep = [m for m in ev.members if m in feats]
        for m in keep:
            ev.members.remove(m)
        # rebuilt from the members' new vectors (members whose document the store no
        # longer has stay members but leave the centroid: their vectors are unknown)
        ev.ent, ev.term, ev.time, ev.place = Centroid(), Centroid(), TimeProfile(), PlaceProfile()
        ev.emb = None
        for m in keep:
            if m not in fresh:
                fresh[m] = index.vectorize(feats[m])
            vectors[m] = fresh[m]
            index.docs[m][0] = k
            index._join(k, m, vectors[m])
    return [m for m in olds if m in feats]


def _recluster(index: EventIndex, keys: set[str], vectors: Mapping[str, DocVec],
               rank: Mapping[str, tuple[int, str, str]]) -> list[str]:
    """:meth:`EventIndex.recluster_event` on each event of ``keys`` whose members all have a
    vector, in canonical order; returns the keys of the parts split off."""
    ranked = sorted(rank, key=rank.__getitem__)
    return [new for k in sorted(keys, key=lambda k: index.events[k].seq)
            for new in index.recluster_event(k, ranked, vectors)[1:]]


class StoredEvents:
    """The event index of a store, updated as articles are added (see the module docstring)."""

    def __init__(self, store: Store, settings: StoriesSettings, *,
                 documents: Callable[[list[str]], Iterable[Document]] | None = None):
        self.store = store
        self.documents = documents or store.iter_documents  # stored articles by id
        self.index = (open_index(store, settings) or load_index(store, settings)
                      or EventIndex(settings))

    def add(self, docs: Sequence[Document]) -> None:
        """Assign ``docs`` (new articles) to events, then repair locally (module docstring)."""
        add_incrementally(self.index, docs, self.documents)

    def save(self) -> bool:
        """Write what changed (see :func:`save_index`); returns whether it wrote."""
        return save_index(self.store, self.index)


def stored_stories(store: Store | None, docs: Sequence[Document], settings: StoriesSettings, *,
                   families: Sequence[Family] = (), recluster: bool = False) -> tuple[Story, ...]:
    """The stories of ``docs`` from the store's persisted events (module docstring)."""
    from storyline.stories import cluster_index

    if store is None or recluster:
        index = cluster_index(docs, settings, families=families)
        if store is not None:
            save_index(store, index)
            return _keep_stories(store, settings, index.stories())
        return index.stories()
    index = load_index(store, settings) or EventIndex(settings)
    wanted = {d.id for d in docs}
    if not set(index.docs) <= wanted:  # articles gone from the store: start afresh
        index = EventIndex(settings)
    missing = [d for d in docs if d.id not in index.docs]
    if missing:
        log.info("adding %d stored articles to the event index", len(missing))
        add_incrementally(index, missing, lambda ids: store.iter_documents(ids))
        save_index(store, index)
    return _keep_stories(store, settings, index.stories(before=kept_stories(store, settings)))


def kept_stories(store: Store, settings: StoriesSettings) -> dict[str, str]:
    """Each article's story id at the last report with these settings ({} when none)."""
    payload = store.get_state(STORIES_NAME)
    if not isinstance(payload, dict) or payload.get("settings") != settings_key(settings):
        return {}
    stories = payload.get("stories")
    if not isinstance(stories, dict):
        return {}
    return {a: sid for sid, ids in stories.items() for a in ids}


def _keep_stories(store: Store, settings: StoriesSettings,
                  stories: tuple[Story, ...]) -> tuple[Story, ...]:
    """Save each article's story for the next report (:func:`kept_stories`); returns
    ``stories``."""
    payload = {"settings": settings_key(settings),
               "stories": {st.id: list(st.article_ids) for st in stories}}
    if store.get_state(STORIES_NAME) != payload:
        store.put_state(STORIES_NAME, payload)
    return stories
