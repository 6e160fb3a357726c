"""Stories from events, and titles for both.

Stories are made by a second, coarser online clustering over the events (not the articles), in the
order the events were opened: an event joins the story whose centroid (the sum of its events' unit
centroids, so that one large event does not drown the others) is most similar, by a blend of
shared actors (entities, ``story_entity_weight``) and shared topic words, when the similarity passes
``story_threshold``; otherwise it opens a story. This is the two-level scheme of newsLens (Laban &
Hearst, 2017), where events are linked into longer stories by overlap of their keywords. Stories
are recomputed from the event centroids when asked for: the cost is linear in the number of events
(candidate stories come from an inverted index), and the grouping does not depend on the order
articles arrived in beyond the events themselves.

The similarity is a cosine of vectors centred on the corpus's background, the mean of all its
events' unit vectors. Without it, stories chain: on a corpus of one genre (a year of disaster
reports, many earthquakes and floods) every two events share the genre's words, and a story's
sum of many such events is closer to any new event of the genre than one event is to another
(the cosine to a sum of ``n`` unrelated unit vectors grows like ``sqrt(n)`` times their mean
similarity), so every event joined one story. Centred, what all events share counts for nothing
and a story's sum of unrelated events points nowhere. In a small corpus of one story the
background IS the story (every event shares its actors), so the mean is shrunk towards zero
while the corpus holds few events (``story_background_prior``), as the IDF prior of the events
does for articles.

Kept across reports: a store keeps each article's story (:mod:`~storyline.stories.stored`), and
:func:`build_stories` given that (``before``) first puts every event back in the story most of its
members were in, under that story's id, and only then places the events that are new (none of
their members had a story) by the rule above, against the stories so seeded. So a report after an
ingest changes only the stories the new articles reach: the others keep their articles and id,
and what was computed for them (the cross-check, the timeline) is reused. Without it the grouping
is redone from scratch and, the background and the order of events having moved, on a generated
stream of 400 + 100 articles none of 29 stories kept its articles (``benchmarks/
report_incremental.py``). Old events never move between stories: ``--recluster`` regroups.

Titles are extractive: the headline (or, without one, the first real sentence) of the article
closest to the centroid of its event (or story), trimmed to ``title_max_chars``. A story's id is
``content_id("story", founder of its first event)``.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.models import Event, Story, content_id
from storyline.stories.events import Centroid, EventState, dot, top_items, unit

if TYPE_CHECKING:
    from storyline.stories.index import EventIndex

_EVENT_KEYS = 150  # keys of an event centroid used for story grouping
_QUERY_KEYS = 20


def _centrality(compact: dict[str, float], ent: Centroid, term: Centroid) -> float:
    e = dot(compact, ent.vec) / math.sqrt(ent.norm2) if ent.norm2 > 0 else 0.0
    t = dot(compact, term.vec) / math.sqrt(term.norm2) if term.norm2 > 0 else 0.0
    return e + t


def _central_member(index: EventIndex, members: list[str], ent: Centroid,
                    term: Centroid) -> str:
    def key(m: str) -> tuple[float, int, str]:
        rec = index.docs[m]
        return (-round(_centrality(rec[3], ent, term), 9), rec[2] if rec[2] is not None else 10**7, m)

    return min(members, key=key)


def _background(vecs: list[Mapping[str, float]], prior: int) -> tuple[dict[str, float], float]:
    """The background of a corpus's events: the sum of the non-empty unit vectors ``vecs``
    divided by their count plus ``prior`` (the mean, shrunk towards zero while the corpus holds
    few events), and its squared norm."""
    full = [v for v in vecs if v]
    mean: dict[str, float] = defaultdict(float)
    for v in full:
        for k, x in v.items():
            mean[k] += x
    for k in mean:
        mean[k] /= len(full) + prior
    return dict(mean), sum(x * x for x in mean.values())


@dataclass
class _Part:
    """One part (entities or words) of a story: the sum of its events' unit vectors, how many
    were non-empty, and the sum of their dot products with the background."""

    sum: Centroid = field(default_factory=Centroid)
    n: int = 0
    mean_dots: float = 0.0

    def add(self, vec: Mapping[str, float], mean_dot: float) -> None:
        if vec:
            self.sum.add(vec)
            self.n += 1
            self.mean_dots += mean_dot

    def centered_cos(self, vec: Mapping[str, float], mean_dot: float, mean2: float) -> float:
        """Cosine between ``vec`` and the story's sum, both centred on the background ``m``:
        ``(v - m) . (S - n m) / (|v - m| |S - n m|)``, from sums kept as events join."""
        n = self.n
        if not vec or not n:
            return 0.0
        num = dot(vec, self.sum.vec) - n * mean_dot - self.mean_dots + n * mean2
        s2 = self.sum.norm2 - 2 * n * self.mean_dots + n * n * mean2
        v2 = 1.0 - 2 * mean_dot + mean2
        return num / math.sqrt(s2 * v2) if s2 > 1e-12 and v2 > 1e-12 else 0.0


def _prior_story(members: list[str], before: Mapping[str, str]) -> str | None:
    """The story most of an event's members were in (ties: the smallest id), or None."""
    counts = Counter(before[m] for m in members if m in before)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def build_stories(index: EventIndex,
                  before: Mapping[str, str] | None = None) -> tuple[Story, ...]:
    """The stories of ``index``'s events (module docstring). ``before``: article id -> the id of
    the story it was in at the last report; its stories are kept, and only events none of whose
    members it names are placed anew."""
    s = index.settings
    events = sorted(index.events.values(), key=lambda e: e.seq)
    unit_vecs = {
        ev.key: (unit(dict(top_items(ev.ent.vec, _EVENT_KEYS))),
                     unit(dict(top_items(ev.term.vec, _EVENT_KEYS))))
        for ev in events
    }
    prior = s.story_background_prior
    ent_mean, ent_mean2 = _background([u[0] for u in unit_vecs.values()], prior)
    term_mean, term_mean2 = _background([u[1] for u in unit_vecs.values()], prior)
    stories: list[tuple[list[EventState], _Part, _Part]] = []
    story_ids: list[str | None] = []  # a kept story's id, None for a story opened now
    postings: dict[str, list[int]] = {}
    kept: dict[str, str] = {}  # event key -> its prior story
    if before:
        for ev in events:
            sid = _prior_story(ev.members, before)
            if sid is not None:
                kept[ev.key] = sid
    slot = {sid: i for i, sid in enumerate(dict.fromkeys(kept[ev.key] for ev in events
                                                         if ev.key in kept))}
    for sid in slot:
        stories.append(([], _Part(), _Part()))
        story_ids.append(sid)
    # the kept events first, each back in its story; then the new ones, by similarity
    for ev in sorted(events, key=lambda e: (e.key not in kept, e.seq)):
        ue, ut = unit_vecs[ev.key]
        de, dt = dot(ue, ent_mean), dot(ut, term_mean)
        if ev.key in kept:
            best: int | None = slot[kept[ev.key]]
        else:
            acc: dict[int, float] = defaultdict(float)
            for key, w in top_items({**ue, **ut}, _QUERY_KEYS):
                for si in postings.get(key, ()):
                    acc[si] += w
            best, best_sim = None, s.story_threshold
            for si, _ in sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))[:50]:
                _, sent, sterm = stories[si]
                w = s.story_entity_weight if ue and sent.n else 0.0
                sim = (w * sent.centered_cos(ue, de, ent_mean2)
                       + (1 - w) * sterm.centered_cos(ut, dt, term_mean2))
                if sim > best_sim or (sim == best_sim and best is not None and si < best):
                    best, best_sim = si, sim
        if best is None:
            stories.append(([], _Part(), _Part()))
            story_ids.append(None)
            best = len(stories) - 1
        members, sent, sterm = stories[best]
        members.append(ev)
        sent.add(ue, de)
        sterm.add(ut, dt)
        for key, _ in top_items({**ue, **ut}, _QUERY_KEYS):
            lst = postings.setdefault(key, [])
            if best not in lst:
                lst.append(best)
    out = []
    taken = set(slot)
    for (members, sent, sterm), sid in zip(stories, story_ids):
        evs = []
        for ev in members:
            central = _central_member(index, ev.members, ev.ent, ev.term)
            evs.append(Event(id=ev.id, title=index.docs[central][1],
                             article_ids=tuple(sorted(ev.members))))
        evs.sort(key=lambda e: (-len(e.article_ids), e.id))
        all_ids = [m for ev in members for m in ev.members]
        central = _central_member(index, all_ids, sent.sum, sterm.sum)
        if sid is None:
            sid = content_id("story", members[0].founder)
            n = 1
            while sid in taken:  # a kept story was opened by this article once
                n += 1
                sid = content_id("story", members[0].founder, n)
            taken.add(sid)
        out.append(Story(id=sid, title=index.docs[central][1],
                         article_ids=tuple(sorted(all_ids)), events=tuple(evs)))
    out.sort(key=lambda st: (-len(st.article_ids), st.id))
    return tuple(out)
