"""Batch only: split an event whose dated articles fall into two groups of disjoint years.

Two incidents of one kind (two earthquakes, two celebrities entering rehab) share actors and
words, and the word-based clustering merges them; the years the articles mention often tell them
apart where nothing else does (one side in 1991, the other in 2011). Adding years to the article
vector split true events instead (follow-ups mention other years), so years are used here only as
a test on a finished event:

* the dated members (those with years, :attr:`DocFeatures.years`) are grouped by shared years
  (two members are in one group when their year sets meet, transitively);
* when the two largest groups each hold at least ``year_split_min`` members (they share no year
  by construction), the event is split in two with those groups as seeds;
* every other member (undated, or dated in a smaller group) joins the seed whose articles it is
  more similar to (mean cosine, the blend of :func:`~storyline.stories.events.similarity` without
  the time penalty); the members of one reuse family stay together (majority side).

Each event present after refinement is tested once; the split-off part becomes a new event whose
founder is its earliest member in canonical order. The incremental :class:`EventIndex` never
calls this, so batch and incremental agree only with ``year_split_min = 0``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from storyline.stories.events import DocVec, EventState, dot
from storyline.stories.index import EventIndex
from storyline.text import UnionFind


def _year_groups(members: list[str], years: Mapping[str, frozenset[int]]) -> list[list[str]]:
    uf: UnionFind[int] = UnionFind()
    for m in members:
        ys = sorted(years[m])
        uf.add(ys[0])
        for y in ys[1:]:
            uf.union(y, ys[0])
    groups: dict[int, list[str]] = defaultdict(list)
    for m in members:
        groups[uf.find(min(years[m]))].append(m)
    return sorted(groups.values(), key=lambda g: (-len(g), min(g)))


def _side_sim(index: EventIndex, dv: DocVec, ent: Counter, term: Counter, n: int) -> float:
    w = index.settings.entity_weight
    return (w * dot(dv.ent, ent) + (1 - w) * dot(dv.term, term)) / n


def split_by_years(index: EventIndex, vectors: Mapping[str, DocVec],
                   years: Mapping[str, frozenset[int]], rank: Mapping[str, int],
                   family_of: Mapping[str, str] | None = None) -> int:
    """Split every event of ``index`` that passes the test of the module docstring; returns the
    number of splits. ``rank``: canonical position of each article (for founders and order)."""
    k = index.settings.year_split_min
    if k <= 0:
        return 0
    family_of = family_of or {}
    splits = 0
    for ev in sorted(index.events.values(), key=lambda e: e.seq):
        members = sorted(ev.members, key=lambda m: rank.get(m, len(rank)))
        dated = [m for m in members if years.get(m)]
        if len(dated) < 2 * k:
            continue
        groups = _year_groups(dated, years)
        if len(groups) < 2 or len(groups[1]) < k:
            continue
        seeds = (set(groups[0]), set(groups[1]))
        cents = []
        for seed in seeds:
            ent: Counter = Counter()
            term: Counter = Counter()
            for m in seed:
                ent.update(vectors[m].ent)
                term.update(vectors[m].term)
            cents.append((ent, term, len(seed)))
        side = {}
        for m in members:
            if m in seeds[0]:
                side[m] = 0
            elif m in seeds[1]:
                side[m] = 1
            else:
                sims = [_side_sim(index, vectors[m], *c) for c in cents]
                side[m] = 0 if sims[0] >= sims[1] else 1
        votes: dict[str, Counter] = defaultdict(Counter)
        for m in members:
            if m in family_of:
                votes[family_of[m]][side[m]] += 1
        for m in members:
            if m in family_of:
                v = votes[family_of[m]]
                side[m] = 0 if v[0] >= v[1] else 1
        moving = [m for m in members if side[m] == 1]
        if not moving or len(moving) == len(members):
            continue
        index._seq += 1
        key = f"{moving[0]}~{index._seq}"
        index.events[key] = EventState(key=key, founder=moving[0], seq=index._seq)
        for m in moving:
            index._leave(ev.key, m, vectors[m])
            index._join(key, m, vectors[m])
        moved_fams = {family_of[m] for m in moving if m in family_of}
        for fam in moved_fams:
            if index.families.get(fam) == ev.key:
                index.families[fam] = key
        splits += 1
    return splits
