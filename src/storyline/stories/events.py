"""The records of the event clustering: sparse vectors, events, articles, and their state form.

Split out of :mod:`storyline.stories.index` (the clustering itself) so that the modules that
read events (:mod:`~storyline.stories.group`, :mod:`~storyline.stories.split`,
:mod:`~storyline.stories.stored`) need not import the index. Sparse vectors are plain dicts of
key -> weight: the articles' vectors are short (tens to hundreds of keys) and an event's sum is
pruned to ``max_event_keys``, so dict arithmetic in Python beats converting to arrays per
comparison.
"""

from __future__ import annotations

import heapq
import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.models import content_id
from storyline.stories.settings import StoriesSettings
from storyline.stories.timing import PlaceProfile, TimeProfile

Vec = dict[str, float]


# ------------------------------------------------------------------ sparse vectors


def unit(vec: Mapping[str, float]) -> Vec:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm > 0 else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum([v * get(k, 0.0) for k, v in a.items()])


def top_items(vec: Mapping[str, float], n: int) -> list[tuple[str, float]]:
    if len(vec) <= n:
        return sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))
    return heapq.nsmallest(n, vec.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass
class Centroid:
    """A sum of unit vectors with its squared norm kept up to date."""

    vec: Vec = field(default_factory=dict)
    norm2: float = 0.0

    def add(self, other: Mapping[str, float], sign: float = 1.0) -> None:
        vec = self.vec
        norm2 = self.norm2
        for k, v in other.items():
            old = vec.get(k, 0.0)
            new = old + sign * v
            if new <= 1e-9:
                vec.pop(k, None)
                new = 0.0
            else:
                vec[k] = new
            norm2 += new * new - old * old
        self.norm2 = max(norm2, 0.0)

    def prune(self, max_keys: int) -> None:
        if len(self.vec) > 2 * max_keys:
            self.vec = dict(top_items(self.vec, max_keys))
            self.norm2 = sum(v * v for v in self.vec.values())

    def cos(self, u: Mapping[str, float]) -> float:
        return dot(u, self.vec) / math.sqrt(self.norm2) if self.norm2 > 0 else 0.0


@dataclass
class EventState:
    key: str  # key in EventIndex.events: the founder, or founder~seq for a split-off article
    founder: str  # the article that opened the event (the earliest member after refinement)
    seq: int  # order of opening, for deterministic iteration
    members: list[str] = field(default_factory=list)
    ent: Centroid = field(default_factory=Centroid)
    term: Centroid = field(default_factory=Centroid)
    time: TimeProfile = field(default_factory=TimeProfile)
    place: PlaceProfile = field(default_factory=PlaceProfile)
    emb: list[float] | None = None  # sum of the members' lead embeddings (semantic extra)
    # a fresh token for every state of the event, renewed by every change of what
    # :func:`similarity` reads: a similarity computed against an unchanged event stays valid
    # (see :meth:`~storyline.stories.index.EventIndex.best_event`). An object compared by
    # identity, not a number from a counter shared by every index: unique while a score cache
    # holds it, and no state outside the index.
    stamp: object = field(default_factory=object, compare=False, repr=False)

    @property
    def id(self) -> str:
        return content_id("event", self.founder)

    def changed(self) -> None:
        """Mark the event as changed: similarities scored against it before are stale."""
        self.stamp = object()

    def fold(self, dv: DocVec, max_keys: int) -> None:
        """Add an article's vectors, time and places to what the event sums (not its members
        list, postings or stamp: see :meth:`~storyline.stories.index.EventIndex._join`)."""
        self.ent.add(dv.ent)
        self.term.add(dv.term)
        self.ent.prune(max_keys)
        self.term.prune(max_keys)
        self.time.add(dv.day, dv.years, 1, dv.day_published)
        self.place.add(dv.places)
        if dv.emb is not None:
            self.emb = [a + b for a, b in zip(self.emb, dv.emb)] if self.emb else list(dv.emb)


@dataclass(frozen=True, slots=True)
class DocVec:
    """An article's unit entity and term vectors (IDF applied), day and years."""

    ent: Vec
    term: Vec
    day: int | None
    years: frozenset[int]
    places: frozenset[str] = frozenset()
    emb: tuple[float, ...] | None = None
    day_published: bool = False  # ``day`` is the publication date (not a date from the text)
    # the ``query_keys`` heaviest keys with their weights, heaviest first (what the postings are
    # looked up and filled with): computed once with the vector, not at every lookup (an
    # ingest looks an article up four or five times)
    query: tuple[tuple[str, float], ...] = ()


def similarity(settings: StoriesSettings, dv: DocVec, ev: EventState) -> float:
    """Mean cosine of the article to the event's articles (average linkage), blending entities
    and terms, minus the mean time penalty (:mod:`storyline.stories.timing`)."""
    n = len(ev.members) or 1
    w = settings.entity_weight
    sim = w * dot(dv.ent, ev.ent.vec) + (1.0 - w) * dot(dv.term, ev.term.vec)
    if dv.emb is not None and ev.emb is not None:
        sw = settings.semantic_weight
        sim = (1 - sw) * sim + sw * sum([a * b for a, b in zip(dv.emb, ev.emb)])
    sim -= ev.time.penalty_sum(settings, dv.day, dv.years, dv.day_published, len(ev.members))
    return (sim - ev.place.penalty_sum(settings, dv.places)) / n


def event_to_state(ev: EventState) -> dict[str, Any]:
    """An event as plain JSON values (the vectors key-sorted, so a reload sums in one order)."""
    return {
        "key": ev.key, "founder": ev.founder, "seq": ev.seq, "members": list(ev.members),
        "ent": dict(sorted(ev.ent.vec.items())), "term": dict(sorted(ev.term.vec.items())),
        "time": ev.time.to_state(), "place": ev.place.to_state(),
        "emb": None if ev.emb is None else [round(x, 6) for x in ev.emb],
    }


def event_from_state(e: Mapping[str, Any]) -> EventState:
    ev = EventState(key=e["key"], founder=e["founder"], seq=int(e["seq"]),
                    members=list(e["members"]))
    for name in ("ent", "term"):
        values = list(e[name].values())
        setattr(ev, name, Centroid(dict(e[name]), sum(map(operator.mul, values, values))))
    ev.time = TimeProfile.from_state(e["time"])
    ev.place = PlaceProfile.from_state(e["place"])
    ev.emb = None if e.get("emb") is None else list(e["emb"])
    return ev


def doc_from_state(rec: list[Any]) -> list[Any]:
    """An article's record ``[event key, title, day, compact vector]`` from its JSON form."""
    return [rec[0], rec[1], rec[2], dict(rec[3])]


def event_similarity(settings: StoriesSettings, a: EventState, b: EventState) -> float:
    """Similarity of two events' centroids, with the same blend and time penalty as
    :func:`similarity` (the years of an event are those of at least half its articles)."""
    st = settings
    if a.time.too_far(st, b.time):
        return -1.0
    w = st.entity_weight
    n = (len(a.members) * len(b.members)) or 1
    sim = w * dot(a.ent.vec, b.ent.vec) + (1 - w) * dot(a.term.vec, b.term.vec)
    if a.emb is not None and b.emb is not None:
        sw = st.semantic_weight
        sim = (1 - sw) * sim + sw * sum([x * y for x, y in zip(a.emb, b.emb)])
    sim -= a.time.pair_penalty_sum(st, b.time, n) + a.place.pair_penalty_sum(st, b.place)
    return sim / n


def cluster_parts(settings: StoriesSettings, members: Sequence[str],
                  vectors: Mapping[str, DocVec],
                  family_of: Mapping[str, str] | None = None) -> list[EventState]:
    """``members`` clustered afresh, as the batch clusters a corpus: an online pass in their
    order (each joins the most similar part above ``event_threshold`` within ``max_gap_days``,
    else opens one; an article whose reuse family already has a part joins it), then
    average-linkage merging of the parts from ``merge_threshold`` on (:func:`event_similarity`;
    ties: the first pair). The parts, in the order they were opened; what
    :meth:`~storyline.stories.index.EventIndex.recluster_event` splits an event by."""
    st = settings
    parts: list[EventState] = []
    family_part: dict[str, EventState] = {}
    for m in members:
        dv = vectors[m]
        best, best_sim = None, st.event_threshold
        family = (family_of or {}).get(m)
        for part in parts if family not in family_part else ():
            if dv.day is not None:
                gap = part.time.min_gap(dv.day)
                if gap is not None and gap > st.max_gap_days:
                    continue
            sim = similarity(st, dv, part)
            if sim > best_sim or (best is None and sim >= best_sim):
                best, best_sim = part, sim
        if family in family_part:
            best = family_part[family]
        elif best is None:
            best = EventState(key=m, founder=m, seq=len(parts))
            parts.append(best)
        if family is not None:
            family_part[family] = best
        best.members.append(m)
        best.fold(dv, st.max_event_keys)
    while len(parts) > 1:
        pairs = [(i, j) for i in range(len(parts)) for j in range(i + 1, len(parts))]
        sims = [event_similarity(st, parts[i], parts[j]) for i, j in pairs]
        top = max(range(len(pairs)), key=sims.__getitem__)  # ties: the first pair
        if sims[top] < st.merge_threshold:
            break
        i, j = pairs[top]
        a, b = parts[i], parts.pop(j)
        a.members.extend(b.members)
        for m in b.members:
            a.fold(vectors[m], st.max_event_keys)
    return parts
