"""Text reuse and provenance: candidate pairs, passage alignment, links, families.

Needs: :class:`~storyline.models.Document` (sentences and lemmas of the annotation when present).
Gives: :class:`~storyline.models.ReuseLink` records (who reused whom, which passages, how) and
:class:`~storyline.models.Family` records (connected groups of reuse: one independent source each).

    result = find_reuse(docs, settings.reuse)      # whole corpus
    cmp = compare(text_a, text_b)                   # one pair of raw texts

Stages: :mod:`~storyline.reuse.candidates` (MinHash LSH, boilerplate),
:mod:`~storyline.reuse.align` (sentence alignment, passages), :mod:`~storyline.reuse.provenance`
(link verdict, direction, families).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from storyline.engine.forked import fork_map
from storyline.models import (
    Annotation,
    Article,
    DirectionBasis,
    Document,
    Family,
    Passage,
    ReuseKind,
    ReuseLink,
    content_id,
)
from storyline.reuse.align import match_sentences, merge_passages
from storyline.reuse.candidates import find_candidates
from storyline.reuse.provenance import Direction, assess, direction, families, make_link, settle
from storyline.reuse.semantic import scorer
from storyline.reuse.settings import ReuseSettings
from storyline.reuse.text import SentenceFeatures, sentence_features, word_hash

__all__ = ["Comparison", "CorpusStats", "PairCache", "ReuseResult", "ReuseSettings", "compare",
           "find_reuse", "pair_key"]

PARALLEL_MIN_PAIRS = 300
"""Fewer candidate pairs than this are aligned in this process: forking workers (some 50 ms)
would cost more than it saves (300 pairs take about 0.7 s)."""

IDF_MIN_DOCS = 20
"""Below this many articles word weights are uniform: document frequencies from a handful of
articles say more about the story than about the language."""


@dataclass(frozen=True)
class CorpusStats:
    """The corpus-wide document frequencies the word weights (IDF) of alignment come from:
    ``key_df`` (content-key hash -> articles holding it) over ``n_docs`` articles."""

    n_docs: int
    key_df: Mapping[int, int]


class PairCache(Protocol):
    """Alignment results kept between runs, by :func:`pair_key` (``None``: aligned, no link);
    :mod:`storyline.reuse.stored` keeps them in a store."""

    def get(self, keys: Sequence[str]) -> Mapping[str, ReuseLink | None]: ...

    def put(self, found: Mapping[str, ReuseLink | None]) -> None: ...


@dataclass(frozen=True)
class ReuseResult:
    """Links sorted by (source_id, target_id); families sorted by their article ids; the corpus
    statistics the links were aligned with, and how many candidate pairs were aligned in this
    run (the others were kept)."""

    links: tuple[ReuseLink, ...]
    families: tuple[Family, ...]
    stats: CorpusStats | None = field(default=None, compare=False)
    aligned: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Comparison:
    """Two texts aligned: passages with spans into ``text_a`` (``source_span``) and ``text_b``
    (``target_span``), the overall kind and score, the share of each text covered, whether the
    pair would count as a reuse link in a corpus, and why (``reason``)."""

    passages: tuple[Passage, ...]
    kind: ReuseKind | None
    score: float
    coverage_a: float
    coverage_b: float
    linked: bool
    reason: str
    aligned_sentences: int
    direction: str | None  # "a->b", "b->a" or None (see storyline.reuse.provenance)
    evidence: str  # prose for display
    basis: DirectionBasis  # what decided the direction


def idf_weights(feats: Sequence[Sequence[SentenceFeatures]], key_df: Mapping[int, int],
                n_docs: int) -> dict[str, float]:
    """Smoothed inverse document frequency ``1 + ln((n+1)/(df+1))`` of the content keys of
    ``feats``, from the corpus-wide document frequencies of their hashes."""
    if n_docs < IDF_MIN_DOCS:
        return {}
    keys = set().union(*(f.keys for fs in feats for f in fs)) if feats else set()
    return {k: 1.0 + math.log((n_docs + 1) / (key_df.get(word_hash(k), 0) + 1))
            for k in sorted(keys)}


def _align(fa, fb, settings, idf, skip_a=frozenset(), skip_b=frozenset(), semantic=None):
    matches = match_sentences(fa, fb, settings, idf, skip_a, skip_b, semantic)
    verdict = assess(matches, fa, fb, settings)
    passages = merge_passages(verdict.matches, fa, fb)
    return verdict, passages


def pair_key(a: str, b: str, skip_a: frozenset[int], skip_b: frozenset[int]) -> str:
    """What a pair's alignment depends on besides the two articles and the corpus statistics:
    their ids and the sentences left out of each as boilerplate."""
    skips = ",".join(map(str, sorted(skip_a))) + "|" + ",".join(map(str, sorted(skip_b)))
    return f"{a}|{b}|{content_id(skips, length=12)}"


def find_reuse(docs: Sequence[Document], settings: ReuseSettings, *,
               stats: CorpusStats | None = None, kept: PairCache | None = None) -> ReuseResult:
    """Reuse links and derivation families of ``docs`` (deterministic, sorted).

    ``stats``: the corpus statistics to weight words with (default: those of ``docs``), so that
    a stored corpus that grew a little keeps the weights its links were aligned with;
    ``kept``: results of pairs aligned before with those statistics, read instead of aligning
    them again and written for the pairs aligned now."""
    docs = sorted({d.id: d for d in docs}.values(), key=lambda d: d.id)
    # an annotated document's sentence features serve the candidates and the alignment alike
    feats: dict[int, list[SentenceFeatures]] = {
        i: sentence_features(d) for i, d in enumerate(docs) if d.annotation.tokens}
    cands = find_candidates(docs, settings, feats)
    needed = sorted({i for pair in cands.pairs for i in pair})
    feats = {i: feats[i] if i in feats else sentence_features(docs[i]) for i in needed}
    stats = stats if stats is not None else CorpusStats(len(docs), cands.key_df)
    idf = idf_weights(list(feats.values()), stats.key_df, stats.n_docs)
    sem = scorer(settings.semantic)

    def link(pair: tuple[int, int]) -> ReuseLink | None:
        i, j = pair
        return link_pair(docs[i].article, docs[j].article, feats[i], feats[j], settings, idf,
                         cands.boilerplate[i], cands.boilerplate[j], sem)

    keys = [pair_key(docs[i].id, docs[j].id, cands.boilerplate[i], cands.boilerplate[j])
            for i, j in cands.pairs]
    known = kept.get(keys) if kept is not None else {}
    todo = [(pair, k) for pair, k in zip(cands.pairs, keys) if k not in known]
    processes = 1 if sem is not None or len(todo) < PARALLEL_MIN_PAIRS else settings.processes
    found = fork_map(link, [pair for pair, _ in todo], processes,
                     what=f"aligning {len(todo)} candidate pairs", setting="reuse.processes",
                     weights=[len(feats[i]) * len(feats[j]) for (i, j), _ in todo])
    new = {k: x for (_, k), x in zip(todo, found)}
    if kept is not None and new:
        kept.put(new)
    links = [x for k in keys if (x := known[k] if k in known else new[k]) is not None]
    settled = settle(links)
    return ReuseResult(settled, families([d.article for d in docs], settled), stats, len(todo))


def link_pair(a: Article, b: Article, fa: Sequence[SentenceFeatures],
              fb: Sequence[SentenceFeatures], settings: ReuseSettings, idf: dict[str, float],
              skip_a: frozenset[int] = frozenset(), skip_b: frozenset[int] = frozenset(),
              semantic=None) -> ReuseLink | None:
    """The reuse link of one candidate pair (``a`` before ``b`` in id order), or None when the
    alignment does not make one: the step every engine runs on each candidate pair."""
    verdict, passages = _align(fa, fb, settings, idf, skip_a, skip_b, semantic)
    if not verdict.linked:
        return None
    found = direction(a, b, verdict, fa, fb, settings)
    return make_link(a, b, verdict, passages, found)


def compare(text_a: str, text_b: str, settings: ReuseSettings | None = None) -> Comparison:
    """Align two raw texts (sentences by pysbd, words without lemmas) and say whether the pair
    would be a reuse link. Without dates, direction comes from containment only."""
    settings = settings or ReuseSettings()
    docs = [Document(Article(id=f"text_{n}", text=t, source=f"text_{n}"),
                     Annotation(article_id=f"text_{n}", language=None))
            for n, t in (("a", text_a), ("b", text_b))]
    fa, fb = sentence_features(docs[0]), sentence_features(docs[1])
    verdict, passages = _align(fa, fb, settings, {}, semantic=scorer(settings.semantic))
    found = Direction(None, "unknown", "not linked")
    if verdict.linked:
        found = direction(docs[0].article, docs[1].article, verdict, fa, fb, settings)
    a_first = found.a_is_source
    return Comparison(
        passages=tuple(sorted(passages, key=lambda p: (p.source_span, p.target_span))),
        kind=verdict.kind,
        score=verdict.score,
        coverage_a=verdict.coverage_a,
        coverage_b=verdict.coverage_b,
        linked=verdict.linked,
        reason=verdict.reason,
        aligned_sentences=len(verdict.matches),
        direction=None if a_first is None else ("a->b" if a_first else "b->a"),
        evidence=found.evidence,
        basis=found.basis,
    )
