"""Candidate blocking for claim alignment: compare only the pairs that can align.

:func:`storyline.crosscheck.align.align_groups` once compared every pair of claims of one kind in
a story: quadratic in a story's claims (ECB+ dev: 252,639 quote pairs, 78 s of an 86 s report).
Here each claim gets *keys* from necessary conditions of its kind's aligner, and only pairs that
share a key are compared. A key is either symmetric (both claims of an aligning pair carry it) or
split into an *index* side and a *probe* side (a pair aligns only if one claim's probe keys meet
the other's index keys). Blocking never changes a result: every key below follows from a rule of
the aligner, and ``tests/crosscheck/test_blocking.py`` checks on the example corpus, the seeds and
ECB+ dev that the aligned pairs are those of the all-pairs comparison.

Keys by kind (the conditions are those of :mod:`storyline.crosscheck.align`):

- **quotes**: (1) the same words (identical word lists align whenever speakers are compatible and
  are the only pairs of quotes shorter than ``quote_min_words`` that do); (2) the fuzzy path
  needs compatible speakers (the same speaker key, or one side without a speaker) and
  ``quote_min_shared_content_words`` shared content words: prefix filtering (Chaudhuri et al.
  2006) on the content words ordered rarest first (two sets sharing ``k`` words share one of
  each set's ``n - k + 1`` rarest), keyed with the speaker; (3) the attribution path (different
  named speakers) needs a rapidfuzz score of ``attribution_min_similarity`` or more: then the
  indel distance between the shorter quote (``L`` characters) and the longer one or a window of
  it is at most ``d = 2(1 - t)L / t``; each edit breaks at most one of the shorter's disjoint
  ``Q``-character chunks, so one of any ``d + 1`` chunks occurs intact in the longer quote
  (pigeonhole, as in PassJoin, Li et al. 2011): the shorter probes with its ``d + 1`` rarest
  chunks the index of every ``Q``-gram of the others (every one: a fragment may sit anywhere in
  the full quote, ``partial_ratio``); a pair found so is kept when no more than ``d`` of the
  shorter's chunks are missing from the longer (the count filter). ``partial_ratio`` with the
  lower ``quote_min_similarity``
  allows too many edits for a
  q-gram bound; that path is blocked by the content words of (2), which it also requires.
- **figures**: the slot (noun, unit, aspect, modality), and within it the subject key with the
  action (verb class and the words after it: both give the same one, or neither gives one), an
  armed conflict's name (ordinals of time: the subject alone), the sentence's context words
  (prefix filtering at ``context_min_overlap``) or the event with the action (subjectless
  figures of one incident, both dated); every key split by publication window
  (``figure_window_days``: windows of that many days, a pair in the same or the next one, an
  undated report meeting all).
- **dates**: the verb class of the action with the actor (or the actor's name in the other's
  sentence), split by the object rule (``event_min_context_overlap``: the same words after the
  verb, or an object word of one claim in the other's sentence); the sentence's context words
  (prefix filtering at ``context_min_overlap``) only between the claims that rule applies to
  (one without action, or neither with an actor); every key split by date window
  (``date_max_gap_days``).
- **statements**: prefix filtering of content words at ``statement_min_overlap`` (Jaccard).

A threshold of 0 makes a rule vacuous; its key then joins every claim of the kind (all pairs, as
before). Hand-written: the keys are the aligner's own rules, which no blocking library knows.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Sequence

from storyline.crosscheck.align import (
    Context,
    folded_sentence,
    is_dateline,
    is_named,
    is_time_ordinal,
    named_forms,
    names_conflict,
)
from storyline.crosscheck.compare import DateParts, parse_date
from storyline.crosscheck.text import content_words, words
from storyline.crosscheck.verbs import verb_key
from storyline.models import Claim

Q = 4  # chunk length of the attribution path: d + 1 chunks fit in quotes of 9+ characters
_EPS = 1e-6  # float slack: a bound is rounded towards more candidates, never fewer

Keys = tuple[set[Hashable], set[Hashable]]  # (index keys, probe keys)


def _prefix(items: Iterable[str], need: int, freq: Counter[str]) -> list[str]:
    """The ``n - need + 1`` rarest of ``items`` (ties by the item): a set sharing ``need`` items
    with another shares one of these with the other's own prefix."""
    ordered = sorted(items, key=lambda w: (freq[w], w))
    return ordered[: max(0, len(ordered) - need + 1)]


def _jaccard_prefix(items: set[str], t: float, freq: Counter[str]) -> list[str]:
    """Prefix for Jaccard >= ``t``: overlap >= t * |A∪B| >= ceil(t * |A|) with a nonempty meet."""
    need = max(1, math.ceil(t * len(items) - _EPS))
    return _prefix(items, need, freq)


class _Blocker:
    """Keys of the claims of one kind, with word frequencies over the claims being blocked."""

    def __init__(self, claims: Sequence[Claim], ctx: Context) -> None:
        self.ctx = ctx
        self.s = ctx.settings
        kind = claims[0].kind if claims else ""
        self.content: Counter[str] = Counter()
        self.context: Counter[str] = Counter()
        self.grams: Counter[str] = Counter()
        # claim id -> (length, disjoint chunks, most edits, every Q-gram) of the attribution path
        self.attr: dict[str, tuple[int, set[str], int, set[str]]] = {}
        for c in claims:
            if kind in ("quote", "statement"):
                self.content.update(ctx.content_of(c))
            if kind in ("date", "quantity"):
                self.context.update(ctx.context_words(c))
            if kind == "quote" and self._attributable(c):
                self.grams.update(set(_grams(self._joined(c))))
        # the first words of the actors' names of dated actions: what a sentence is searched for
        self.heads: set[str] = set()
        if kind == "date":
            self.heads = {f.split(" ", 1)[0] for c in claims if c.action
                          and ctx.subject(c) is not None for f in named_forms(c, ctx)}

    def _joined(self, c: Claim) -> str:
        return self.ctx.joined_words(c)

    def _attributable(self, c: Claim) -> bool:
        """Can take the attribution path of ``quotes_align`` (named speaker, direct, long)."""
        return (c.attribution != "indirect" and is_named(c.speaker)
                and self.ctx.speaker(c) is not None
                and len(self.ctx.words_of(c)) >= self.s.attribution_min_words)

    def attribution_possible(self, a: Claim, b: Claim) -> bool:
        """The count filter of the attribution path: at most ``dmax`` of the shorter quote's
        disjoint chunks are broken, so all the others occur in the longer quote."""
        if a.id not in self.attr or b.id not in self.attr:
            return False
        na, nb = self.attr[a.id], self.attr[b.id]
        short, long_ = (na, nb) if na[0] <= nb[0] else (nb, na)
        # distinct chunks: never more missing than chunk positions, so never a pair too few
        return len(short[1].difference(long_[3])) <= short[2]

    def keys(self, c: Claim) -> Keys:
        return {"quote": self._quote, "quantity": self._figure, "date": self._date,
                "statement": self._statement}[c.kind](c)

    def _context_keys(self, c: Claim, tag: Hashable) -> set[Hashable]:
        wc = self.ctx.context_words(c)
        if len(wc) < self.s.statement_min_words:
            return set()
        if self.s.context_min_overlap <= 0:
            return {(tag, "ctx*")}
        return {(tag, "ctx", w) for w in _jaccard_prefix(wc, self.s.context_min_overlap,
                                                          self.context)}

    def _quote(self, c: Claim) -> Keys:
        ws = self.ctx.words_of(c)
        if not ws:
            return set(), set()
        index: set[Hashable] = {("same", tuple(ws))}
        probe: set[Hashable] = set(index)
        if len(ws) >= self.s.quote_min_words:
            # compatible speakers: the same key, or one side without speaker. A claim indexes
            # under its own speaker key and probes its own and the speakerless ones'; a
            # speakerless claim indexes under None, where every claim probes.
            who = self.ctx.speaker(c)
            k = self.s.quote_min_shared_content_words
            found = ["*"] if k <= 0 else _prefix(self.ctx.content_of(c), k, self.content)
            for w in found:
                index.add(("cw", who, w))
                probe.update({("cw", who, w), ("cw", None, w)})
        if self._attributable(c):
            t = self.s.attribution_min_similarity / 100.0
            text = self._joined(c)
            grams = _grams(text)
            index.add(("attr*",))
            index.update(("g", g) for g in grams)
            # at most dmax edits: one of any dmax + 1 disjoint Q-character chunks is intact
            dmax = math.floor(2 * (1 - t) * len(text) / t + _EPS) if t > 0 else len(text)
            chunks = [text[i:i + Q] for i in range(0, len(text) - Q + 1, Q)]
            self.attr[c.id] = (len(text), set(chunks), dmax, set(grams))
            if len(chunks) < dmax + 1:  # too short for the bound: compare with all of them
                probe.add(("attr*",))
            else:
                ranked = sorted(set(chunks), key=lambda g: (self.grams[g], g))
                picked: list[str] = []
                for g in ranked:  # the rarest chunks, until dmax + 1 chunk positions
                    picked.append(g)
                    if sum(chunks.count(x) for x in picked) >= dmax + 1:
                        break
                probe.update(("g", g) for g in picked)
        return index, probe

    def _figure(self, c: Claim) -> Keys:
        if c.value is None or (not c.noun and not c.unit):
            return set(), set()
        slot = (c.noun, c.unit, c.aspect or "total", c.modality or "asserted")
        keys: set[Hashable] = set()
        key = self.ctx.subject(c)
        act = self._action_tag(c)
        if key is not None:
            if is_time_ordinal(c, self.s):
                keys.add((slot, "subj", key))
                if names_conflict(key, c.subject, self.ctx):
                    keys.add((slot, "conflict"))
            else:  # the same subject and the same action, or neither gives one
                keys.add((slot, "subj", key, act))
        elif (self.s.figure_event_slots and act is not None
              and self.ctx.published(c) is not None
              and (ev := self.ctx.event_of.get(c.article_id))):
            keys.add((slot, "event", ev, act))
        if not is_time_ordinal(c, self.s):
            keys |= self._context_keys(c, slot)
        # every pair must also lie within figure_window_days of publication
        index_tags, probe_tags = _day_windows(self.ctx.published(c), self.s.figure_window_days)
        return ({(k, t) for k in keys for t in index_tags},
                {(k, t) for k in keys for t in probe_tags})

    def _action_words(self, c: Claim) -> list[str]:
        return self.ctx._memo("action", c, lambda: words(c.action or ""))

    def _action_tag(self, c: Claim) -> Hashable:
        """The action as ``figures_align`` compares it (verb class, then the words after it)."""
        va = self._action_words(c)
        return (verb_key(va[0]), tuple(va[1:])) if va else None

    def _object_tags(self, c: Claim, va: list[str]) -> tuple[set[Hashable], set[Hashable]]:
        """Tags of the object rule of ``dates_align`` (same actor and verb): the same words
        after the verb, or an object word of one claim among the other's sentence's content
        words or object words (``event_min_context_overlap`` > 0 needs one; both paths of the
        rule do). Index tags carry the sentence's words as ``o`` and the object's as ``s``; probe
        tags the object's as ``o`` and, for a one-way key, the sentence's as ``s``: a probe meets
        an index exactly when one claim's object word is in the other's sentence."""
        same: set[Hashable] = {("same", tuple(va[1:]))}
        if self.s.event_min_context_overlap <= 0:
            return {"any"}, {"any"}
        obj = content_words(" ".join(va[1:]))
        sent = self.ctx._memo("sentence content", c,
                              lambda: content_words(self.ctx.sentence(c))) | obj
        return (same | {("o", w) for w in sent} | {("s", w) for w in obj},
                same | {("o", w) for w in obj} | {("s", w) for w in sent})

    def _date(self, c: Claim) -> Keys:
        parts = parse_date(c.date)
        if is_dateline(c) or parts is None:
            return set(), set()
        va = self._action_words(c)
        key = self.ctx.subject(c)
        # the same sentence, for a pair where one claim has no action or neither an actor: a
        # claim without action meets every claim through it, one with an action but no actor
        # meets those without actor, one with both meets only those without action
        group = "noact" if not va else "noactor" if key is None else "full"
        keys = self._context_keys(c, "date")
        index: set[Hashable] = {(k, group) for k in keys}
        probe: set[Hashable] = {(k, g) for k in keys for g in _CONTEXT_MEETS[group]}
        if va:
            # both with an action and an actor: the same verb class and the same actor; one
            # actor missing: the actor's name (its first word here) in the other's sentence;
            # either way the object rule (:meth:`_object_tags`). A symmetric key probes with
            # the object's words only: the pair meets from whichever side holds the object word
            verb = verb_key(va[0])
            tag_index, tag_probe = self._object_tags(c, va)
            sym_probe = {t for t in tag_probe if not (isinstance(t, tuple) and t[0] == "s")}
            if key is not None:
                index.update(("verb", verb, key, t) for t in tag_index
                             if not (isinstance(t, tuple) and t[0] == "s"))
                probe.update(("verb", verb, key, t) for t in sym_probe)
                index.update(("named", verb, w.split(" ", 1)[0], t)
                             for w in named_forms(c, self.ctx) for t in tag_index)
            else:
                found = self.heads.intersection(folded_sentence(c, self.ctx).split())
                probe.update(("named", verb, w, t) for w in found for t in tag_probe)
        # every pair must also lie within date_max_gap_days: each key is split by date window
        index_tags, probe_tags = _date_windows(parts, self.s.date_max_gap_days)
        return ({(k, t) for k in index for t in index_tags},
                {(k, t) for k in probe for t in probe_tags})

    def _statement(self, c: Claim) -> Keys:
        cw = self.ctx.content_of(c)
        if len(cw) < self.s.statement_min_words:
            return set(), set()
        t = self.s.statement_min_overlap
        if t <= 0:
            return {("st*",)}, {("st*",)}
        keys: set[Hashable] = {("st", w) for w in _jaccard_prefix(cw, t, self.content)}
        return keys, keys


_CONTEXT_MEETS = {"noact": ("noact", "noactor", "full"), "noactor": ("noactor",), "full": ()}


def _day_windows(day: _dt.date | None, width: int) -> tuple[set[Hashable], set[Hashable]]:
    """Index and probe tags of a publication day such that two days at most ``width`` apart
    meet (windows of ``width`` days: the same or the next one), and an unknown day meets every
    day. ``width`` 0: one tag for all."""
    if width <= 0:
        return {"pw*"}, {"pw*"}
    if day is None:
        return {"pw?", "pw*"}, {"pw*"}
    k = day.toordinal() // width
    return {("pw", k), "pw*"}, {("pw", k + d) for d in (-1, 0, 1)} | {"pw?"}


def _date_windows(parts: DateParts, max_gap: int) -> tuple[set[Hashable], set[Hashable]]:
    """Index and probe tags of a date such that of two dates within ``max_gap`` days by
    :func:`~storyline.crosscheck.compare.date_gap_days`, each one's probe tags meet the other's
    index tags (both ways: a key may be an index key of one claim and a probe key of the
    other). Spaces: ``A`` absolute months (years and months known), ``U``/``K`` month of the
    year (one year unknown: compared within one year, December next to January; ``U`` dates
    without year, ``K`` with), ``Y``/``YO`` years (a month unknown: only the years count;
    ``YO`` dates without month). A date the gap cannot place (an impossible day, February 29
    without a year: the gap is 0) meets every date through ``all`` / ``wild``."""
    # two dates in months ``k`` apart are at least ``28(k - 1) + 1`` days apart, 15 less
    # without a day: within the gap, fewer than ``months`` months apart
    months = (max_gap + 15) // 28 + 2
    years = max_gap // 365
    try:
        _dt.date(parts.year or 2001, parts.month or 1, parts.day or 15)
        wild = (parts.year is None and (parts.month, parts.day) == (2, 29)
                or parts.year is None and parts.month is None)
    except ValueError:
        wild = True
    if wild:
        return {"wild"}, {"all", "wild"}
    index: set[Hashable] = {"all"}
    probe: set[Hashable] = {"wild"}
    year = parts.year
    if 2 * months + 1 >= 12:
        # the months do not discriminate: by year. A date without year meets every date (its
        # year is taken from the other); dates of years further apart than the gap never meet
        # (two dates with months: one year more, December next to January)
        if year is None:
            return index | {"Y?"}, probe | {"Y?", "Y*"}
        reach = years + 1
        return (index | {("Y", year), "Y*"},
                probe | {("Y", year + d) for d in range(-reach, reach + 1)} | {"Y?"})
    if parts.month is None:  # a year alone (dates without year have a month)
        assert year is not None
        return (index | {("Y", year), ("YO", year), "YO*"},
                probe | {("Y", year + d) for d in range(-years, years + 1)} | {"Y?"})
    index.add(("Y", year) if year is not None else "Y?")
    # months in windows of ``months``: two months that close are in one window or next ones
    moy = parts.month - 1
    cycle = 12 // months if 12 % months == 0 and 12 // months > 3 else 1  # windows of a year
    w = moy // months % cycle
    index.add(("U", w) if year is None else ("K", w))
    near = {(w + d) % cycle for d in (-1, 0, 1)}
    probe |= {("U", x) for x in near}
    if year is None:
        probe |= {("K", x) for x in near} | {"YO*"}
    else:
        m = (year * 12 + moy) // months
        index.add(("A", m))
        probe |= {("A", m + d) for d in (-1, 0, 1)}
        probe |= {("YO", year + d) for d in range(-years, years + 1)}
    return index, probe


def _grams(text: str) -> list[str]:
    return [text[i:i + Q] for i in range(len(text) - Q + 1)]


def candidate_pairs(ordered: Sequence[Claim], ctx: Context) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of claims of one kind that may align, sorted."""
    return list(iter_candidate_pairs(ordered, ctx))


def iter_candidate_pairs(ordered: Sequence[Claim], ctx: Context) -> Iterator[tuple[int, int]]:
    """The pairs of :func:`candidate_pairs`, in the same order, one claim's at a time: memory
    stays linear in the claims however many pairs a huge story has (a set of every candidate
    pair of a 10,000-article story took 20 GB). A pair is a candidate when a probe key of either
    claim is an index key of the other.

    A key held (on either side) by more than ``block_max_candidates`` claims is too common to
    tell which of them can align: through it a claim meets only the ``block_max_candidates``
    claims nearest to it in publication order (the sorted-neighbourhood method, Hernandez and
    Stolfo 1995), so no key gives a claim more candidates than that (see the setting). With
    ``block_max_pairs_per_claim`` a claim keeps at most that many of its candidates after it:
    those sharing the most keys with it (:func:`_strongest`)."""
    if len(ordered) < 2:
        return
    blocker = _Blocker(ordered, ctx)
    # each distinct key once, as a number: a claim holds dozens of keys (a date's context words
    # times its date windows), and a tuple per key and claim was most of a huge story's memory
    ids: dict[Hashable, int] = {}
    keys: list[Keys] = []
    for c in ordered:
        index, probe = blocker.keys(c)
        keys.append(({ids.setdefault(k, len(ids)) for k in index},
                     {ids.setdefault(k, len(ids)) for k in probe}))
    by_attribution = {n for k, n in ids.items() if _is_attribution_key(k)}
    del ids
    by_index, by_probe = _postings(keys, 0), _postings(keys, 1)
    near = _Neighbourhoods(ordered, by_index, by_probe, ctx)
    limit = ctx.settings.block_max_pairs_per_claim
    for i, (index, probe) in enumerate(keys):
        found: Counter[int] = Counter()  # candidate -> keys shared
        attribution: Counter[int] = Counter()  # found through the attribution path's chunks
        for mine, postings, side in ((probe, by_index, 0), (index, by_probe, 1)):
            for k in mine:
                into = attribution if k in by_attribution else found
                if k in near.common:
                    into.update(j for j in near.around(k, i) if j > i and k in keys[j][side])
                elif (posting := postings.get(k)) is not None:
                    into.update(posting[bisect_right(posting, i):])  # postings ascend
        for j, shared in attribution.items():
            if j in found or blocker.attribution_possible(ordered[i], ordered[j]):
                found[j] += shared
        picked = (sorted(found) if not limit or len(found) <= limit
                  else _strongest(i, found, limit, ordered, ctx))
        for j in picked:
            yield i, j


def _strongest(i: int, found: Counter[int], limit: int, ordered: Sequence[Claim],
               ctx: Context) -> list[int]:
    """The ``limit`` candidates of ``ordered[i]`` sharing the most keys with it, ties by
    distance in publication days (undated last), then by position; ascending."""
    day = ctx.published(ordered[i])
    far = 10**7

    def rank(j: int) -> tuple[int, int, int]:
        other = ctx.published(ordered[j])
        gap = abs(day.toordinal() - other.toordinal()) if day and other else far
        return (-found[j], gap, j)

    return sorted(heapq.nsmallest(limit, found, key=rank))


class _Neighbourhoods:
    """The keys held by more than ``block_max_candidates`` claims, each with its claims in
    publication order (undated last, then by position): a claim meets the half of the cap
    before it and the half after it in that order."""

    def __init__(self, ordered: Sequence[Claim], by_index: dict[Hashable, list[int]],
                 by_probe: dict[Hashable, list[int]], ctx: Context) -> None:
        cap = ctx.settings.block_max_candidates
        self.half = cap // 2
        self.common: dict[Hashable, tuple[list[int], dict[int, int]]] = {}
        if not cap:
            return
        day: dict[int, tuple[int, int]] = {}
        for k in {*by_index, *by_probe}:
            members = set(by_index.get(k, ())).union(by_probe.get(k, ()))
            if len(members) <= cap:
                continue
            for j in members:
                if j not in day:
                    pub = ctx.published(ordered[j])
                    day[j] = (0, pub.toordinal()) if pub is not None else (1, 0)
            line = sorted(members, key=lambda j: (day[j], j))
            self.common[k] = (line, {j: r for r, j in enumerate(line)})

    def around(self, k: Hashable, i: int) -> list[int]:
        line, rank = self.common[k]
        r = rank[i]
        return line[max(0, r - self.half):r + self.half + 1]


def _postings(keys: Sequence[Keys],
              side: int) -> dict[Hashable, list[int]]:
    """Key -> the positions of the claims having it among their index keys (``side`` 0) or
    their probe keys (``side`` 1), in order."""
    out: dict[Hashable, list[int]] = {}
    for i, pair in enumerate(keys):
        for k in pair[side]:
            out.setdefault(k, []).append(i)
    return out


def _is_attribution_key(k: Hashable) -> bool:
    return isinstance(k, tuple) and k[0] in ("g", "attr*")


def cross_pairs(probes: Sequence[Claim], others: Sequence[Claim],
                ctx: Context) -> list[tuple[int, int]]:
    """Pairs ``(i, j)`` of ``probes[i]`` and ``others[j]`` (claims of one kind) that may align;
    the cost follows the keys the two sides share, not ``len(probes) * len(others)``."""
    if not probes or not others:
        return []
    blocker = _Blocker([*probes, *others], ctx)
    pk = [blocker.keys(c) for c in probes]
    ok = [blocker.keys(c) for c in others]
    post_p, post_o = _postings(pk, 0), _postings(ok, 0)
    found: set[tuple[int, int]] = set()
    attribution: set[tuple[int, int]] = set()
    for i, (_index, probe) in enumerate(pk):
        for k in probe:
            into = attribution if _is_attribution_key(k) else found
            into.update((i, j) for j in post_o.get(k, ()))
    for j, (_index, probe) in enumerate(ok):
        for k in probe:
            into = attribution if _is_attribution_key(k) else found
            into.update((i, j) for i in post_p.get(k, ()))
    found.update(p for p in attribution - found
                 if blocker.attribution_possible(probes[p[0]], others[p[1]]))
    return sorted(found)
