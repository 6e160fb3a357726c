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

Titles are extractive: the headline (or, without one, the first real sentence) of the article
closest to the centroid of its event (or story), trimmed to ``title_max_chars``. A story's id is
``content_id("story", founder of its first event)``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

from storyline.models import Event, Story, content_id
from storyline.stories.index import Centroid, EventState, dot, top_items, unit

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


def build_stories(index: EventIndex) -> tuple[Story, ...]:
    s = index.settings
    events = sorted(index.events.values(), key=lambda e: e.seq)
    unit_vecs = {
        ev.key: (unit(dict(top_items(ev.ent.vec, _EVENT_KEYS))),
                     unit(dict(top_items(ev.term.vec, _EVENT_KEYS))))
        for ev in events
    }
    stories: list[tuple[list[EventState], Centroid, Centroid]] = []
    postings: dict[str, list[int]] = {}
    for ev in events:
        ue, ut = unit_vecs[ev.key]
        acc: dict[int, float] = defaultdict(float)
        for key, w in top_items({**ue, **ut}, _QUERY_KEYS):
            for si in postings.get(key, ()):
                acc[si] += w
        best, best_sim = None, s.story_threshold
        for si, _ in sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))[:50]:
            _, sent, sterm = stories[si]
            w = s.story_entity_weight if ue and sent.norm2 > 0 else 0.0
            sim = w * sent.cos(ue) + (1 - w) * sterm.cos(ut)
            if sim > best_sim or (sim == best_sim and best is not None and si < best):
                best, best_sim = si, sim
        if best is None:
            stories.append(([], Centroid(), Centroid()))
            best = len(stories) - 1
        members, sent, sterm = stories[best]
        members.append(ev)
        sent.add(ue)
        sterm.add(ut)
        for key, _ in top_items({**ue, **ut}, _QUERY_KEYS):
            lst = postings.setdefault(key, [])
            if best not in lst:
                lst.append(best)
    out = []
    for members, sent, sterm in stories:
        evs = []
        for ev in members:
            central = _central_member(index, ev.members, ev.ent, ev.term)
            evs.append(Event(id=ev.id, title=index.docs[central][1],
                             article_ids=tuple(sorted(ev.members))))
        evs.sort(key=lambda e: (-len(e.article_ids), e.id))
        all_ids = [m for ev in members for m in ev.members]
        central = _central_member(index, all_ids, sent, sterm)
        out.append(Story(id=content_id("story", members[0].founder), title=index.docs[central][1],
                         article_ids=tuple(sorted(all_ids)), events=tuple(evs)))
    out.sort(key=lambda st: (-len(st.article_ids), st.id))
    return tuple(out)
