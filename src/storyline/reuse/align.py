"""Sentence alignment of two articles, merged into passages.

Every sentence pair that shares content words is scored three ways, strongest first:

* ``verbatim``: equal after normalisation (case, quote marks, dashes, spacing);
* ``near_verbatim``: character similarity (rapidfuzz ``ratio``, an Indel/Levenshtein ratio) of the
  normalised sentences at least ``near_verbatim_ratio``: a swapped word, a changed number format;
* ``paraphrase``: IDF-weighted Dice overlap of content lemmas, names and numbers at least
  ``paraphrase_overlap`` with at least ``paraphrase_min_shared`` shared keys: the sentence was
  reworded around the same content words (the lexical measure of paraphrase-based reuse detection,
  e.g. Clough et al. 2002, METER; Barrón-Cedeño et al. 2013); optionally, cosine of sentence
  embeddings (:mod:`storyline.reuse.semantic`).

Pairs are then matched one to one, best first (greedy; an article rarely repeats a sentence).
Weak pairs (overlap from ``paraphrase_extend``) that form an ordered chain of ``paraphrase_chain``
or more, each next to the last in both texts, are aligned too: a heavy rewrite rewords every
sentence of its source in turn (:func:`_ordered_chain`).
Sentences left over are then tried against 2-3 adjacent left-over sentences of the other text
joined (:func:`_split_matches`), so that a passage is found however the two texts are split into
sentences or lines.
Then *seed and extend*, as in the PAN text-alignment systems (Potthast et al. 2013, overview of
PAN's text alignment task): a pair next to an aligned pair in both articles (``a±1``, ``b±1``) is
aligned from the lower overlap ``paraphrase_extend``; a rewriter rewords some sentences of a
passage more than others, and the neighbourhood is the evidence an isolated sentence lacks. Then
matched sentences adjacent in both articles are merged into one :class:`Passage`. A passage's
kind is the weakest kind among its sentences, its similarity their length-weighted mean.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from storyline.models import Passage, ReuseKind
from storyline.reuse.settings import ReuseSettings
from storyline.reuse.text import SentenceFeatures

KIND_RANK: dict[str, int] = {"paraphrase": 0, "near_verbatim": 1, "verbatim": 2}


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """Sentence ``a`` of the first article aligned with sentence ``b`` of the second."""

    a: int
    b: int
    similarity: float
    kind: ReuseKind


def _may_copy(len_a: int, len_b: int, settings: ReuseSettings) -> bool:
    """Whether two texts of these lengths can reach ``near_verbatim_ratio``: rapidfuzz's ratio
    is at most ``2 * min / (len_a + len_b)`` (the shorter text wholly inside the longer)."""
    total = len_a + len_b
    return total > 0 and 2 * min(len_a, len_b) / total >= settings.near_verbatim_ratio


def _drop_common(index: dict[str, list[int]], cap: int) -> None:
    """Forget the keys found in more than ``cap`` sentences (``ReuseSettings.max_key_sentences``):
    looking pairs up through them makes alignment quadratic in a long text."""
    for k in [k for k, js in index.items() if len(js) > cap]:
        del index[k]


def _weight(ks: frozenset[str], idf: Mapping[str, float]) -> float:
    return sum(idf.get(k, 1.0) for k in ks)


def _dice(ka: frozenset[str], kb: frozenset[str], idf: Mapping[str, float],
          wa: float | None = None, wb: float | None = None) -> tuple[float, int]:
    """IDF-weighted Dice overlap of two key sets and the number of keys shared; ``wa``/``wb``
    are the sets' weights when the caller has them already."""
    shared = ka & kb
    if not shared:
        return 0.0, 0
    wa = _weight(ka, idf) if wa is None else wa
    wb = _weight(kb, idf) if wb is None else wb
    return 2.0 * _weight(shared, idf) / (wa + wb), len(shared)


def match_sentences(
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    settings: ReuseSettings,
    idf: Mapping[str, float],
    skip_a: frozenset[int] = frozenset(),
    skip_b: frozenset[int] = frozenset(),
    semantic: Callable[[Sequence[str], Sequence[str]], Sequence[float]] | None = None,
) -> list[SentenceMatch]:
    """One-to-one sentence matches of two articles, in the order of the first article."""
    index: dict[str, list[int]] = defaultdict(list)
    by_norm: dict[str, list[int]] = defaultdict(list)
    for j, f in enumerate(fb):
        if j in skip_b or f.n_words < settings.min_sentence_words:
            continue
        by_norm[f.norm].append(j)
        for k in f.keys:
            index[k].append(j)
    _drop_common(index, settings.max_key_sentences)
    weight_b = {j: _weight(fb[j].keys, idf) for j in {j for js in index.values() for j in js}}
    cutoff = settings.near_verbatim_ratio * 100.0
    scored: list[SentenceMatch] = []
    unmatched: list[tuple[int, int]] = []
    weak: dict[tuple[int, int], float] = {}
    for i, f in enumerate(fa):
        if i in skip_a or f.n_words < settings.min_sentence_words:
            continue
        weight_a: float | None = None
        shared_count: dict[int, int] = defaultdict(int)
        for k in f.keys:
            for j in index.get(k, ()):
                shared_count[j] += 1
        for j in by_norm.get(f.norm, ()):
            shared_count[j] += 1000
        for j, c in shared_count.items():
            g = fb[j]
            if c < 2:
                continue
            if f.norm == g.norm:
                scored.append(SentenceMatch(i, j, 1.0, "verbatim"))
                continue
            r = ratio(f.norm, g.norm, score_cutoff=cutoff) / 100.0
            if r and r >= settings.near_verbatim_ratio:
                scored.append(SentenceMatch(i, j, round(r, 4), "near_verbatim"))
                continue
            if weight_a is None:
                weight_a = _weight(f.keys, idf)
            d, n_shared = _dice(f.keys, g.keys, idf, weight_a, weight_b.get(j))
            if d >= settings.paraphrase_overlap and n_shared >= settings.paraphrase_min_shared:
                scored.append(SentenceMatch(i, j, round(d, 4), "paraphrase"))
                continue
            if d >= settings.paraphrase_extend and n_shared >= 3:
                weak[(i, j)] = round(d, 4)
            if semantic is not None and n_shared >= 2:
                unmatched.append((i, j))
    if semantic is not None and unmatched:
        sims = semantic([fa[i].norm for i, _ in unmatched], [fb[j].norm for _, j in unmatched])
        for (i, j), sim in zip(unmatched, sims):
            if sim >= settings.semantic_threshold:
                scored.append(SentenceMatch(i, j, round(float(sim), 4), "paraphrase"))
                weak.pop((i, j), None)
    scored.sort(key=lambda m: (-KIND_RANK[m.kind], -m.similarity, m.a, m.b))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for m in scored:
        if m.a in used_a or m.b in used_b:
            continue
        used_a.add(m.a)
        used_b.add(m.b)
        chosen.append(m)
    # extend: weaker pairs next to an aligned pair in both articles (seed and extend)
    grown = True
    while grown and weak:
        grown = False
        near = {(m.a + d, m.b + d) for m in chosen for d in (-1, 1)}
        for (i, j), d in sorted(weak.items(), key=lambda kv: (-kv[1], kv[0])):
            if (i, j) in near and i not in used_a and j not in used_b:
                chosen.append(SentenceMatch(i, j, d, "paraphrase"))
                used_a.add(i)
                used_b.add(j)
                del weak[(i, j)]
                grown = True
                break
    if settings.paraphrase_chain and weak:
        for i, j, d in _ordered_chain(chosen, weak, used_a, used_b, settings.paraphrase_chain):
            chosen.append(SentenceMatch(i, j, d, "paraphrase"))
            used_a.add(i)
            used_b.add(j)
    # a sentence aligned only as a paraphrase may be one piece of a copy split differently
    copied_a = {m.a for m in chosen if m.kind != "paraphrase"}
    copied_b = {m.b for m in chosen if m.kind != "paraphrase"}
    split = _split_matches(fa, fb, settings, idf, copied_a | set(skip_a), copied_b | set(skip_b))
    split_a, split_b = {m.a for m in split}, {m.b for m in split}
    chosen = [m for m in chosen if m.a not in split_a and m.b not in split_b] + split
    chosen.sort(key=lambda m: (m.a, m.b))
    return chosen


CHAIN_GAP = 2
"""Consecutive pairs of a chain are at most this many sentences apart in each text (one sentence
added or dropped): a rewritten passage, not facts shared in scattered places."""


def _ordered_chain(chosen: Sequence[SentenceMatch], weak: Mapping[tuple[int, int], float],
                   used_a: set[int], used_b: set[int], minimum: int
                   ) -> list[tuple[int, int, float]]:
    """The longest run of weak pairs (overlap >= ``paraphrase_extend``) in the same order in both
    texts, next to one another (``CHAIN_GAP``), through the matches already chosen, when it has
    ``minimum`` weak pairs or more: a rewrite follows its source sentence by sentence, each
    sentence reworded a little too much to align alone; independent reports of one event share
    facts in another order. On the ECB+ labelled set (``--pairs 60``) a chain of 3 linked 7 more
    same-event pairs (293 -> 300 of 2721), of 4 linked 2 more; without the ``CHAIN_GAP`` limit
    63 and 20 more."""
    items = sorted([(m.a, m.b, -1.0) for m in chosen] +
                   [(i, j, d) for (i, j), d in weak.items() if i not in used_a and j not in used_b])
    if len(items) - len(chosen) < minimum:
        return []
    best: list[int] = []  # weak pairs on the best chain ending at each item
    back: list[int] = []
    for k, (i, j, d) in enumerate(items):
        score, prev = 0, -1
        for q in range(k):
            if 0 < i - items[q][0] <= CHAIN_GAP and 0 < j - items[q][1] <= CHAIN_GAP \
                    and best[q] > score:
                score, prev = best[q], q
        best.append(score + (d >= 0))
        back.append(prev)
    k = max(range(len(items)), key=lambda x: (best[x], -x))
    if best[k] < minimum:
        return []
    out = []
    while k >= 0:
        if items[k][2] >= 0:
            out.append(items[k])
        k = back[k]
    return out[::-1]


def _pair_kind(norm_a: str, norm_b: str, keys_a: frozenset[str], keys_b: frozenset[str],
               settings: ReuseSettings, idf: Mapping[str, float], copy_only: bool = False
               ) -> tuple[ReuseKind, float] | None:
    """How two pieces of text match (kind, similarity), or None."""
    if norm_a == norm_b:
        return "verbatim", 1.0
    r = ratio(norm_a, norm_b, score_cutoff=settings.near_verbatim_ratio * 100.0) / 100.0
    if r and r >= settings.near_verbatim_ratio:
        return "near_verbatim", round(r, 4)
    if copy_only:
        return None
    d, n_shared = _dice(keys_a, keys_b, idf)
    if d >= settings.paraphrase_overlap and n_shared >= settings.paraphrase_min_shared:
        return "paraphrase", round(d, 4)
    return None


def _split_matches(
    fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures], settings: ReuseSettings,
    idf: Mapping[str, float], used_a: set[int], used_b: set[int],
) -> list[SentenceMatch]:
    """One sentence of either text matched to ``2..split_max_sentences`` adjacent sentences of the
    other:
    texts split differently (a long sentence cut in two by a rewriter, lines broken mid-sentence,
    a sentence splitter that disagrees). Each piece gets a match with the whole sentence; only
    sentences not copied one to one take part (a paraphrase match of one piece gives way), and
    only copies count (verbatim or
    near-verbatim): joined sentences compared by content words alone linked independent ECB+
    reports of one event (282 -> 378 same-event links, 3 across events; with a character ratio
    of 0.7 still one across events)."""
    out: list[SentenceMatch] = []
    ratio_min = settings.near_verbatim_ratio
    for one, many, used_one, used_many, flip in ((fa, fb, used_a, used_b, False),
                                                  (fb, fa, used_b, used_a, True)):
        index: dict[str, list[int]] = defaultdict(list)
        for j, f in enumerate(many):
            if j not in used_many:
                for k in f.keys:
                    index[k].append(j)
        _drop_common(index, settings.max_key_sentences)
        lens = [len(g.norm) for g in many]
        free = [j not in used_many for j in range(len(many))]
        for i, f in enumerate(one):
            if i in used_one or f.n_words < settings.min_sentence_words:
                continue
            len_f = len(f.norm)
            starts = sorted({j + d for k in f.keys for j in index.get(k, ()) for d in (-1, 0)})
            best: tuple[float, int, int, ReuseKind] | None = None
            for j in starts:
                if j < 0 or not free[j]:
                    continue
                length = lens[j]
                for n in range(2, settings.split_max_sentences + 1):
                    last = j + n - 1
                    if last >= len(many) or not free[last]:
                        break
                    length += 1 + lens[last]
                    # _may_copy inlined: the hot loop of the stage
                    if 2 * min(len_f, length) / (len_f + length) < ratio_min:
                        if length > len_f:
                            break  # longer windows only differ more
                        continue
                    norm = " ".join(many[x].norm for x in range(j, j + n))
                    found = _pair_kind(f.norm, norm, f.keys, frozenset(), settings, idf,
                                       copy_only=True)
                    if found is not None and (best is None or
                                              (KIND_RANK[found[0]], found[1]) >
                                              (KIND_RANK[best[3]], best[0])):
                        best = (found[1], j, n, found[0])
            if best is None:
                continue
            sim, j, n, kind = best
            used_one.add(i)
            for x in range(j, j + n):
                used_many.add(x)
                free[x] = False
                out.append(SentenceMatch(x, i, sim, kind) if flip else
                           SentenceMatch(i, x, sim, kind))
    return out


def adjacent(prev: SentenceMatch, m: SentenceMatch) -> bool:
    """``m`` continues ``prev`` in both texts: the next sentence of each, or the next sentence of
    one against the same sentence of the other (a sentence split in two)."""
    da, db = m.a - prev.a, m.b - prev.b
    return (da, db) in ((1, 1), (0, 1), (1, 0))


def merge_passages(
    matches: Sequence[SentenceMatch],
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
) -> list[Passage]:
    """Merge matches adjacent in both articles (``a+1`` and ``b+1``, or one sentence split in two
    in the other article) into passages."""
    runs: list[list[SentenceMatch]] = []
    for m in sorted(matches, key=lambda m: (m.a, m.b)):
        last = runs[-1][-1] if runs else None
        if last is not None and adjacent(last, m):
            runs[-1].append(m)
        else:
            runs.append([m])
    passages = []
    for run in runs:
        sa = (fa[run[0].a].span[0], fa[run[-1].a].span[1])
        sb = (fb[run[0].b].span[0], fb[run[-1].b].span[1])
        weights = [(fa[m.a].span[1] - fa[m.a].span[0]) + (fb[m.b].span[1] - fb[m.b].span[0])
                   for m in run]
        sim = sum(w * m.similarity for w, m in zip(weights, run)) / max(1, sum(weights))
        kind = min((m.kind for m in run), key=lambda k: KIND_RANK[k])
        passages.append(Passage(sa, sb, round(sim, 4), kind))
    return passages
