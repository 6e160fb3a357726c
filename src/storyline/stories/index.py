"""Incremental event assignment: an online, single-pass clustering over an inverted index.

The scheme is the streaming clustering of Miranda et al. (2018, "Multilingual Clustering of
Streaming News", EMNLP): an article is a pair of unit TF-IDF sub-vectors (named entities; content
lemmas and figures), each event keeps the *sum* of its articles' vectors, and a new article joins
the most similar candidate event when the similarity passes ``event_threshold``, else it opens a
new event. The similarity is average linkage: the mean cosine of the article to the event's
articles (``dot(article, sum) / size``, blended ``entity_weight`` : ``1 - entity_weight`` between
entities and words) minus the mean time penalty (:mod:`storyline.stories.timing`). A mean pairwise
similarity, unlike a cosine to the centroid, does not drift with the size of the event, so one
threshold serves events of 2 and of 200 articles. Where Miranda et al. learn the weights of the
sub-vector similarities and of time features, this module uses a fixed, documented blend, since no
labelled stream is at hand to learn them from without tuning to one data set.

Cost per added article does not grow with the corpus: candidate events come from an inverted index
from keys to events (only the article's ``query_keys`` heaviest keys are looked up, each key keeps
the ``postings_cap`` most recently updated events, at most ``max_candidates`` events are scored,
and of those only the ones sharing ``candidate_share`` of the best one's query weight),
and event sums are pruned to ``max_event_keys`` keys. The events hit through the postings (up to
``query_keys`` x ``postings_cap``, thousands once a long stream has filled the postings of common
keys) are ranked by partial selection, not a full sort: the full sort, with a Python key per hit,
was what made the cost per article grow with the stream (``benchmarks/stories_incremental.py``
measures it at 1k, 10k and 100k stored articles). Document frequencies (for IDF) are the counts
over the articles seen so far, so weights adapt as the corpus grows, as in newsLens (Laban & Hearst,
2017). Hand-written rather than a library (scikit-learn's Birch, an ANN index): the clustering must
be incremental, deterministic, serialisable as plain JSON for the SQLite store (``to_state`` /
``from_state``) and take a time penalty, which none of those offer together.

Batch refinement (:meth:`EventIndex.rebuild`, :meth:`~EventIndex.refine`,
:meth:`~EventIndex.merge_events`) re-weights articles with the final document frequencies, moves
articles to their best event (k-means steps) and merges events by average linkage.

Ids: an event's id is ``content_id("event", founder)``, the article that opened it, and never
changes as articles join. Batch clustering opens events in canonical order (publication date, then
id), so there the founder is the earliest member; refinement renames an event whose founder left
to its earliest remaining member.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from storyline.models import Document, Story
from storyline.stories import semantic
from storyline.stories.events import (
    Centroid,
    DocVec,
    EventState,
    cluster_parts,
    doc_from_state,
    event_from_state,
    event_similarity,
    event_to_state,
    similarity,
    top_items,
    unit,
)
from storyline.stories.features import DocFeatures, extract
from storyline.stories.parts import in_memory, prefetch, probe, resident, touch
from storyline.stories.settings import StoriesSettings
from storyline.stories.timing import PlaceProfile, TimeProfile

STATE_VERSION = 1


class EventIndex:
    """Assigns articles to events one at a time; see the module docstring."""

    def __init__(self, settings: StoriesSettings):
        self.settings = settings
        self.n_docs = 0
        self.df: Counter = Counter()
        self.events: dict[str, EventState] = {}  # founder id -> event
        self.postings: dict[str, dict[str, None]] = {}  # key -> founders, oldest first
        # doc id -> [founder, title, day, compact vector (top keys, for titles)]
        self.docs: dict[str, list[Any]] = {}
        self.families: dict[str, str] = {}  # family id -> founder
        # event key -> posting keys that may name it: kept only by an index loaded part by part
        # from a store (:mod:`storyline.stories.stored`), to rename an event without reading
        # every posting; None: every posting is in memory
        self.posted: Any = None
        # event key -> its span of days as last saved (:meth:`TimeProfile.span`): kept only by
        # an index loaded part by part, so that candidates too far in time are not read
        # (:meth:`_near`); None: not kept, or not trusted (see storyline.stories.stored)
        self.spans: Any = None
        # [first, last] day of every article that ever joined an event (an outer bound of the
        # events' days; None before a dated one): when no event can be further than
        # max_gap_days from an article's day, the spans are not read at all
        self.day_range: list[int] | None = None
        self.loaded: tuple[int, str | None] | None = None  # (generation, families) when read so
        self._seq = 0
        self._stale = False  # postings may name events that no longer exist
        self.use_embeddings = settings.semantic_weight > 0 and semantic.available()

    # -------------------------------------------------------------- weighting

    def idf(self, key: str) -> float:
        """Smoothed IDF: ``p**2 / (p + N)`` unseen articles with ``p = idf_prior_docs``, a prior
        that fades as the corpus grows (see the setting)."""
        p, n = self.settings.idf_prior_docs, self.n_docs
        prior = p * p / (p + n) if p else 0.0
        return math.log((n + prior + 1) / (self.df.get(key, 0) + 1)) + 1.0

    def count(self, f: DocFeatures) -> None:
        """Add an article's keys to the document frequencies."""
        self.n_docs += 1
        df = self.df
        for key in set(f.entities) | set(f.terms):
            df[key] = df.get(key, 0) + 1

    def vectorize(self, f: DocFeatures, emb: tuple[float, ...] | None = None) -> DocVec:
        """Unit TF-IDF sub-vectors of an article under the current document frequencies."""
        weighted = {k: v * self.idf(k) for k, v in f.entities.items()}
        weighted.update({k: v * self.idf(k) for k, v in f.terms.items()})
        kept = dict(top_items(weighted, self.settings.max_doc_keys))
        ent = unit({k: v for k, v in kept.items() if k.startswith("e:")})
        term = unit({k: v for k, v in kept.items() if not k.startswith("e:")})
        query = tuple(top_items({**ent, **term}, self.settings.query_keys))
        return DocVec(ent, term, f.day, f.years, f.places, emb, f.day_published, query)

    # -------------------------------------------------------------- assignment

    def add(self, doc: Document, *, family_id: str | None = None) -> str:
        """Assign ``doc`` to an event (joining or opening one) and return the event id.

        Adding an article already in the index returns its event and changes nothing. An article
        of a reuse family whose other members are indexed joins their event.
        """
        if doc.id in self.docs:
            return self.events[self.docs[doc.id][0]].id
        emb = None
        if self.use_embeddings:
            (emb,) = semantic.embed([semantic.lead_text(doc, self.settings.lead_sentences)])
        return self.add_features(extract(doc, self.settings), family_id=family_id, emb=emb)

    def add_features(self, f: DocFeatures, *, family_id: str | None = None,
                     counted: bool = False, emb: tuple[float, ...] | None = None) -> str:
        """:meth:`add` for an article whose features are already extracted (``counted``: its
        keys are already in the document frequencies, see :meth:`count`)."""
        if f.doc_id in self.docs:
            return self.events[self.docs[f.doc_id][0]].id
        if not counted:
            self.count(f)
        dv = self.vectorize(f, emb)
        founder = self.families.get(family_id) if family_id else None
        if founder not in self.events:
            founder = self.best_event(dv)
        if founder is None:
            founder = f.doc_id
            self._seq += 1
            self.events[founder] = EventState(key=founder, founder=founder, seq=self._seq)
        compact = dict(top_items({**dv.ent, **{k: (1 - self.settings.entity_weight) * v
                                               for k, v in dv.term.items()}}, 12))
        self.docs[f.doc_id] = [founder, f.title, f.day, compact]
        self._join(founder, f.doc_id, dv)
        if family_id:
            self.families.setdefault(family_id, founder)
        return self.events[founder].id

    def candidates(self, dv: DocVec) -> list[str]:
        """Events sharing the most query weight with the article, at most ``max_candidates``.

        Cost: one pass over the postings of the ``query_keys`` heaviest keys (each at most
        ``postings_cap`` long) and a partial selection (``heapq.nlargest``, not a full sort: with
        full postings there are thousands of events to rank and only the best are kept). Ties
        keep the order the events were met in (query keys by weight, postings oldest first)."""
        acc: dict[str, float] = {}
        get = acc.get
        postings = self.postings
        query = dv.query
        prefetch(postings, [key for key, _ in query])
        for key, w in query:
            posting = postings.get(key)
            if posting:
                for founder in posting:
                    acc[founder] = get(founder, 0.0) + w
        return self._share_cut(self._live_best(acc), acc)

    def _live_best(self, acc: dict[str, float]) -> list[str]:
        """The ``max_candidates`` live events with the most query weight in ``acc``."""
        n = self.settings.max_candidates
        if not self._stale:
            if len(acc) <= n:
                return list(acc)  # all of them (best_event breaks ties by seq, not this order)
            return heapq.nlargest(n, acc, key=acc.__getitem__)
        # events emptied by refinement or merged away leave stale entries: test only the best
        # hits, 2n first (nlargest is stable, so the live ones among the best 2n, if there are n,
        # are the best n live ones), all of them only when those are not enough
        events = self.events
        if len(acc) > 2 * n:
            top = heapq.nlargest(2 * n, acc, key=acc.__getitem__)
            probe(events, top)
            live = [f for f in top if f in events]
            if len(live) >= n:
                return live[:n]
        probe(events, acc)
        acc = {f: w for f, w in acc.items() if f in events}
        if len(acc) <= n:
            return list(acc)
        return heapq.nlargest(n, acc, key=acc.__getitem__)

    def _share_cut(self, best: list[str], acc: Mapping[str, float]) -> list[str]:
        """Of ``best``, the events sharing at least ``candidate_share`` of the query weight the
        best of them shares (the others are not read nor scored)."""
        share = self.settings.candidate_share
        if share <= 0 or len(best) <= 1:
            return best
        floor = share * max(acc[f] for f in best)
        return [f for f in best if acc[f] >= floor]

    def best_event(self, dv: DocVec, exclude: str | None = None,
                   scores: dict[object, float] | None = None) -> str | None:
        """The candidate event most similar to ``dv`` from ``event_threshold`` on, or None.

        ``scores``: similarities of ``dv`` computed before, by event stamp
        (:attr:`EventState.stamp`), reused for the events that did not change since and filled
        with the others; the caller keeps one per article vector (the repair passes of
        :func:`~storyline.stories.stored.add_incrementally` score an article up to four times,
        and few of its candidates change between passes)."""
        best, best_sim = None, self.settings.event_threshold
        candidates = self.candidates(dv)
        if dv.day is not None:
            candidates = self._near(candidates, dv.day, dv.day)
        prefetch(self.events, candidates)
        for founder in candidates:
            if founder == exclude:
                continue
            ev = self.events[founder]
            if dv.day is not None:
                gap = ev.time.min_gap(dv.day)
                if gap is not None and gap > self.settings.max_gap_days:
                    continue
            if scores is None:
                sim = similarity(self.settings, dv, ev)
            elif ev.stamp in scores:
                sim = scores[ev.stamp]
            else:
                sim = scores[ev.stamp] = similarity(self.settings, dv, ev)
            if sim >= best_sim and (best is None or sim > best_sim or ev.seq < self.events[best].seq):
                best, best_sim = founder, sim
        return best

    def _may_be_far(self, first: int, last: int) -> bool:
        """Whether an event may lie more than ``max_gap_days`` from the days ``first`` to
        ``last`` (see ``day_range``): in a store spanning less than that, reading the spans
        would only cost."""
        if self.day_range is None:
            return False
        gap = self.settings.max_gap_days
        return first - self.day_range[0] > gap or self.day_range[1] - last > gap

    def _near(self, founders: list[str], first: int, last: int) -> list[str]:
        """``founders`` less the events not in memory whose saved span of days lies more than
        ``max_gap_days`` from the days ``first`` to ``last`` (an article's day, or an event's
        span): no day of theirs is within ``max_gap_days`` of one of those, so
        :meth:`best_event` would skip them after reading them, and
        :func:`~storyline.stories.events.event_similarity` gives them -1 (never merged). An
        event not in memory is as it was saved, so its saved span is its span. In a long
        stream most candidates met through a shared word are months old: this keeps the
        events read per article from growing with the months the store holds. Only while the
        spans are kept (``spans``) and some event may be that far (:meth:`_may_be_far`)."""
        if self.spans is None or not self._may_be_far(first, last):
            return founders
        unread = [f for f in founders if not in_memory(self.events, f)]
        if not unread:
            return founders
        prefetch(self.spans, unread)
        gap = self.settings.max_gap_days
        far = set()
        for f in unread:
            span = self.spans.get(f)
            if span and (span[0] - last > gap or first - span[1] > gap):
                far.add(f)
        return [f for f in founders if f not in far] if far else founders

    def _join(self, founder: str, doc_id: str, dv: DocVec) -> None:
        ev = self.events[founder]
        touch(self.events, founder)
        ev.changed()
        ev.members.append(doc_id)
        ev.fold(dv, self.settings.max_event_keys)
        self.docs[doc_id][0] = founder
        self._post(founder, dv)
        if dv.day is not None:
            lo, hi = self.day_range or (dv.day, dv.day)
            self.day_range = [min(lo, dv.day), max(hi, dv.day)]

    def _post(self, founder: str, dv: DocVec) -> None:
        """Put the event in the postings of the article's query keys (most recent last)."""
        cap = self.settings.postings_cap
        keys = [key for key, _ in dv.query]
        prefetch(self.postings, keys)
        for key in keys:
            posting = self.postings.setdefault(key, {})
            touch(self.postings, key)
            posting.pop(founder, None)
            posting[founder] = None  # most recent last
            if len(posting) > cap:
                del posting[next(iter(posting))]
        if self.posted is not None:
            self.posted.setdefault(founder, set()).update(keys)

    def _leave(self, founder: str, doc_id: str, dv: DocVec) -> None:
        ev = self.events[founder]
        touch(self.events, founder)
        ev.changed()
        ev.members.remove(doc_id)
        ev.ent.add(dv.ent, -1.0)
        ev.term.add(dv.term, -1.0)
        ev.time.add(dv.day, dv.years, -1, dv.day_published)
        ev.place.add(dv.places, -1)
        if dv.emb is not None and ev.emb is not None:
            ev.emb = [a - b for a, b in zip(ev.emb, dv.emb)]
        if not ev.members:
            del self.events[founder]
            self._stale = True

    # -------------------------------------------------------------- batch refinement

    def rebuild(self, vectors: Mapping[str, DocVec]) -> None:
        """Recompute every centroid and the postings from ``vectors`` (e.g. re-weighted with the
        final document frequencies), keeping the assignment."""
        self.postings = {}
        self._stale = False
        for ev in sorted(self.events.values(), key=lambda e: e.seq):
            members, ev.members = ev.members, []
            ev.ent, ev.term = Centroid(), Centroid()
            ev.time, ev.place, ev.emb = TimeProfile(), PlaceProfile(), None
            for m in members:
                self._join(ev.key, m, vectors[m])

    def refine(self, order: list[str], vectors: Mapping[str, DocVec],
               fixed: frozenset[str] = frozenset()) -> int:
        """One pass of reassignment in ``order`` (a k-means step on the online clustering): each
        article (not in ``fixed``) leaves its event and joins the most similar event that passes
        the threshold, its own included; with none, it stays. Returns the number of moves."""
        moved = 0
        for doc_id in order:
            if doc_id in fixed:
                continue
            cur = self.docs[doc_id][0]
            dv = vectors[doc_id]
            if len(self.events[cur].members) == 1:
                best = self.best_event(dv, exclude=cur)
                if best is None:
                    continue
                self._leave(cur, doc_id, dv)
            else:
                self._leave(cur, doc_id, dv)
                best = self.best_event(dv)
                if best is None:  # fits nowhere, not even its own event: alone again
                    self._seq += 1
                    best = f"{doc_id}~{self._seq}"
                    self.events[best] = EventState(key=best, founder=doc_id, seq=self._seq)
            moved += best != cur
            self._join(best, doc_id, dv)
        return moved

    def recluster_event(self, key: str, order: Sequence[str], vectors: Mapping[str, DocVec],
                        family_of: Mapping[str, str] | None = None) -> list[str]:
        """Cluster the members of event ``key`` afresh, as the batch clusters a corpus: an
        online pass over them in ``order`` (canonical order; an event with a member not in it is
        left as it is), then average-linkage merging of the parts from ``merge_threshold`` on
        (:func:`~storyline.stories.events.cluster_parts`). When they fall apart, the part holding the event's founder
        (else the first) keeps the event and each other part opens one. Returns the keys of the
        events the members are in. ``family_of`` (article -> reuse family): an article whose
        family already has a part joins it, so a family stays in one event.

        Reassigning articles one at a time (:meth:`refine`) never splits an event: an article
        of one incident leaving an event that merged two finds its own incident's articles
        there still, and stays. Ingested out of date order, two incidents of one story
        published a day apart (the Comey memos and the DNC lawsuit, whose final similarity is
        0.07) met while the corpus was small and its word weights flat, and stayed one event."""
        ev = self.events[key]
        st = self.settings
        mine = set(ev.members)
        members = [m for m in order if m in mine]
        if len(members) < 2 or len(members) < len(mine):
            return [key]
        parts = cluster_parts(st, members, vectors, family_of)
        if len(parts) == 1:
            return [key]
        keep = next((p for p in parts if ev.founder in p.members), parts[0])
        touch(self.events, key)
        ev.changed()
        moved = {m for p in parts if p is not keep for m in p.members}
        ev.members = [m for m in ev.members if m not in moved]
        ev.ent, ev.term, ev.time, ev.place, ev.emb = Centroid(), Centroid(), TimeProfile(), \
            PlaceProfile(), None
        for m in ev.members:
            ev.fold(vectors[m], st.max_event_keys)
        keys = [key]
        for part in parts:
            if part is keep:
                continue
            self._seq += 1
            new = f"{part.founder}~{self._seq}"
            self.events[new] = EventState(key=new, founder=part.founder, seq=self._seq)
            keys.append(new)
            for m in part.members:
                self._join(new, m, vectors[m])
        return keys

    def event_similarity(self, a: EventState, b: EventState) -> float:
        """:func:`~storyline.stories.events.event_similarity` under this index's settings."""
        return event_similarity(self.settings, a, b)

    def _merge_candidates(self, ev: EventState) -> list[tuple[float, str]]:
        acc: dict[str, float] = defaultdict(float)
        query = top_items({**ev.ent.vec, **ev.term.vec}, self.settings.query_keys)
        prefetch(self.postings, [key for key, _ in query])
        for key, w in query:
            for other in self.postings.get(key, ()):
                if other != ev.key:
                    acc[other] += w
        # the best live ones: the order is total (weight, then key), so the live among the best
        # 2n, if there are n, are the best n live; only those are probed (every hit was: at 100k
        # stored, thousands of existence queries per merge)
        n = self.settings.max_candidates
        ranked = top_items(acc, 2 * n)
        probe(self.events, [other for other, _ in ranked])
        live = [(other, w) for other, w in ranked if other in self.events]
        if len(live) < n and len(ranked) < len(acc):
            probe(self.events, acc)
            live = top_items({o: w for o, w in acc.items() if o in self.events}, n)
        ranked = live[:n]
        span = ev.time.span()
        if span:  # those far in time score -1: not read (chosen first, so the choice is as before)
            near = set(self._near([other for other, _ in ranked], span[0], span[1]))
            ranked = [(other, w) for other, w in ranked if other in near]
        prefetch(self.events, [other for other, _ in ranked])
        out = []
        for other, _ in ranked:
            sim = self.event_similarity(ev, self.events[other])
            if sim >= self.settings.merge_threshold:
                out.append((sim, other))
        return out

    def merge_events(self, only: Collection[str] | None = None,
                     absorbed: set[str] | None = None) -> int:
        """Average-linkage agglomeration of events: repeatedly merge the two most similar events
        (mean cosine between their articles, minus the time penalty) while that similarity is at
        least ``merge_threshold``; the later-opened event goes into the earlier. Candidate pairs
        come from the inverted index. Returns the number of merges. This repairs an incident split
        in two because its first articles came before the words that tie them together.
        ``only``: start from pairs involving these events (keys) only, so that the cost follows
        the events an ingest touched, not the size of the index. ``absorbed``: collects the keys
        of the events that took in another."""
        version: dict[str, int] = defaultdict(int)  # merges into each event so far
        heap: list[tuple[float, int, str, str, int, int]] = []
        seeds = (self.events.values() if only is None
                 else [self.events[k] for k in only if k in self.events])
        for ev in sorted(seeds, key=lambda e: e.seq):
            for sim, other in self._merge_candidates(ev):
                if ev.key < other or (only is not None and other not in only):
                    heap.append((-sim, 0, ev.key, other, 0, 0))
        heapq.heapify(heap)
        merges = 0
        while heap:
            _, _, fa, fb, va, vb = heapq.heappop(heap)
            if fa not in self.events or fb not in self.events:
                continue
            if version[fa] != va or version[fb] != vb:
                continue
            a, b = sorted((self.events[fa], self.events[fb]), key=lambda e: e.seq)
            self._absorb(a, b)
            if absorbed is not None:
                absorbed.discard(b.key)
                absorbed.add(a.key)
            merges += 1
            version[a.key] += 1
            for sim, other in self._merge_candidates(a):
                x, y = sorted((a.key, other))
                heapq.heappush(heap, (-sim, merges, x, y, version[x], version[y]))
        return merges

    def _absorb(self, a: EventState, b: EventState) -> None:
        """Move every article of event ``b`` into event ``a`` and drop ``b``."""
        touch(self.events, a.key)
        a.changed()
        b.changed()
        a.members.extend(b.members)
        a.ent.add(b.ent.vec)
        a.term.add(b.term.vec)
        a.ent.prune(self.settings.max_event_keys)
        a.term.prune(self.settings.max_event_keys)
        a.time.merge(b.time)
        a.place.merge(b.place)
        if a.emb is not None and b.emb is not None:
            a.emb = [x + y for x, y in zip(a.emb, b.emb)]
        for m in b.members:
            self.docs[m][0] = a.key
        self.families = {k: (a.key if v == b.key else v) for k, v in self.families.items()}
        del self.events[b.key]
        self._stale = True
        keys = [key for key, _ in top_items({**a.ent.vec, **a.term.vec}, self.settings.query_keys)]
        prefetch(self.postings, keys)
        for key in keys:
            posting = self.postings.setdefault(key, {})
            touch(self.postings, key)
            posting.pop(a.key, None)
            posting[a.key] = None
        if self.posted is not None:
            self.posted.setdefault(a.key, set()).update(keys)

    def rename_founders(self, rank: Mapping[str, int]) -> None:
        """Give each event whose founder left it the earliest remaining member (by ``rank``) as
        founder, so that its id is again the hash of a member; its key becomes that founder.

        Only events in memory are looked at: in an index loaded part by part, the others are as
        they were saved, after this ran (key = founder, a member)."""
        renames = {}
        for key, ev in list(resident(self.events)):
            if ev.founder not in ev.members:
                ev.founder = min(ev.members, key=lambda m: rank.get(m, len(rank)))
            if key != ev.founder:
                renames[key] = ev.founder
        if not renames:
            return
        moved = [self.events.pop(key) for key in renames]
        for ev in moved:
            ev.key = ev.founder
            self.events[ev.key] = ev
            for m in ev.members:  # a member's record names its event's key
                self.docs[m][0] = ev.key
        self.families = {k: renames.get(v, v) for k, v in self.families.items()}
        if self.posted is None:
            self.postings = {k: {renames.get(f, f): None for f in v}
                             for k, v in self.postings.items()}
            return
        gone = {key: self.posted.pop(key, set()) for key in renames}
        for key in sorted(set().union(*gone.values())):
            posting = self.postings.get(key)
            if posting is not None:
                self.postings[key] = {renames.get(f, f): None for f in posting}
        for key, new in renames.items():
            self.posted.setdefault(new, set()).update(gone[key])

    # -------------------------------------------------------------- output

    def assignments(self) -> dict[str, str]:
        """``{article id: event id}``."""
        return {d: self.events[rec[0]].id for d, rec in self.docs.items()}

    def stories(self, before: Mapping[str, str] | None = None) -> tuple[Story, ...]:
        """Events grouped into stories, with titles (see :mod:`storyline.stories.group`);
        ``before`` (article id -> story id at the last report) keeps the stories it names."""
        from storyline.stories.group import build_stories

        return build_stories(self, before)

    # -------------------------------------------------------------- persistence

    def to_state(self) -> dict:
        """A JSON-serialisable snapshot (plain dicts, lists, strings and numbers), key-sorted."""
        events = [event_to_state(ev) for ev in sorted(self.events.values(), key=lambda e: e.seq)]
        return {
            "version": STATE_VERSION,
            "n_docs": self.n_docs,
            "seq": self._seq,
            "df": dict(sorted(self.df.items())),
            "events": events,
            "postings": {k: list(v) for k, v in sorted(self.postings.items())},
            "docs": {d: list(rec) for d, rec in sorted(self.docs.items())},
            "families": dict(sorted(self.families.items())),
        }

    @classmethod
    def from_state(cls, state: dict, settings: StoriesSettings) -> EventIndex:
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported EventIndex state version {state.get('version')!r}")
        index = cls(settings)
        index.n_docs = int(state["n_docs"])
        index._seq = int(state["seq"])
        index.df = Counter(state["df"])
        for e in state["events"]:
            ev = event_from_state(e)
            index.events[ev.key] = ev
        index.postings = {k: dict.fromkeys(v) for k, v in state["postings"].items()}
        index.docs = {d: doc_from_state(rec) for d, rec in state["docs"].items()}
        index.families = dict(state["families"])
        index._stale = any(f not in index.events for v in index.postings.values() for f in v)
        return index
