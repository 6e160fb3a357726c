"""Candidate pairs for alignment, and the boilerplate to ignore.

Two LSH channels, so that the cost grows with the number of articles and not its square:

* document MinHash over ``shingle_size``-word shingles of the normalised text: verbatim and
  near-verbatim copies, trimmed copies, a passage inserted into a longer article;
* sentence MinHash over each sentence's set of content keys (lemmas, names, numbers) minus the
  corpus' most common ones (in more than ``sentence_key_max_df`` of the articles): a paraphrase
  keeps most content words of a sentence but few exact shingles, so whole-document shingles miss
  it while sentence-level signatures still collide; without the common keys ("year", "police"),
  sentences that merely share everyday vocabulary do not.

Corpora of at most ``all_pairs_max_docs`` articles skip both and align every pair.

Boilerplate (Broder's "shingles that occur in very many documents"): a shingle or a normalised
sentence found in ``boilerplate_outlet_docs`` articles of one outlet, or in more than
``boilerplate_max_df`` of a corpus larger than ``boilerplate_min_df_docs``, is dropped before
hashing and never aligned: newsletter prompts and bylines repeat within an outlet, not across.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.models import Document
from storyline.reuse.minhash import lsh_pairs, shingles, signatures
from storyline.reuse.settings import ReuseSettings
from storyline.reuse.text import (
    SentenceFeatures,
    sentence_features,
    sentence_spans,
    stem,
    stop_words,
    word_hash,
    words,
)


@dataclass(frozen=True)
class Candidates:
    """Candidate article pairs (indices ``i < j`` into the input), per article the indices of its
    sentences that are boilerplate, pairs per channel, and document frequencies of content keys."""

    pairs: tuple[tuple[int, int], ...]
    boilerplate: tuple[frozenset[int], ...]
    channel_counts: dict[str, int]
    key_df: dict[int, int]  # content-key hash -> number of articles with it (for IDF)


_M64 = (1 << 64) - 1


class Vocab:
    """Per-call cache: normalised word -> (64-bit hash, hash of its content key or 0)."""

    def __init__(self) -> None:
        self.cache: dict[str, tuple[int, int]] = {}
        self.stops = stop_words()

    def get(self, w: str) -> tuple[int, int]:
        hit = self.cache.get(w)
        if hit is None:
            key = 0 if w in self.stops else word_hash(stem(w) if not w[0].isdigit() else w)
            hit = self.cache[w] = (word_hash(w), key)
        return hit


def doc_features(doc: Document, vocab: Vocab, min_words: int,
                 sentences: Sequence[SentenceFeatures] | None = None):
    """Word hashes of the text (for shingles); per sentence a within-run hash of its normalised
    form; and the content-key hashes of the sentences long enough to align, with the index of the
    sentence each belongs to (two parallel arrays). ``sentences``: the document's
    :func:`sentence_features` when the caller has them (an annotated document's are computed
    otherwise)."""
    text = doc.article.text
    all_words: list[int] = []
    sent_norm: list[int] = []
    keys: list[int] = []
    owner: list[int] = []
    if doc.annotation.tokens:
        for si, f in enumerate(sentence_features(doc) if sentences is None else sentences):
            all_words.extend(vocab.get(w)[0] for w in f.norm.split())
            sent_norm.append(hash(f.norm) & _M64)
            if f.n_words >= min_words:
                ks = [word_hash(k) for k in f.keys]
                keys.extend(ks)
                owner.extend([si] * len(ks))
    else:
        for si, (s, e) in enumerate(sentence_spans(doc)):
            ws = words(text[s:e])
            hk = [vocab.get(w) for w in ws]
            all_words.extend(h for h, _ in hk)
            sent_norm.append(hash(" ".join(ws)) & _M64)
            if len(ws) >= min_words:
                ks = list({k for _, k in hk if k})
                keys.extend(ks)
                owner.extend([si] * len(ks))
    return (np.array(all_words, dtype=np.uint64), sent_norm,
            (np.array(keys, dtype=np.uint64), np.array(owner, dtype=np.int64)))


def _frequent(groups: Sequence[np.ndarray], outlets: Sequence[str | None],
              settings: ReuseSettings) -> np.ndarray:
    """Values (uint64) found in too many groups of one outlet or of the corpus."""
    n = len(groups)
    bad = []
    if n > settings.boilerplate_min_df_docs and groups:
        vals, counts = np.unique(np.concatenate(list(groups)), return_counts=True)
        cap = max(settings.boilerplate_min_df_docs, settings.boilerplate_max_df * n)
        bad.append(vals[counts > cap])
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(outlets):
        if o:
            by_outlet[o].append(i)
    for idx in by_outlet.values():
        if len(idx) >= settings.boilerplate_outlet_docs:
            vals, counts = np.unique(np.concatenate([groups[i] for i in idx]), return_counts=True)
            bad.append(vals[counts >= settings.boilerplate_outlet_docs])
    return np.unique(np.concatenate(bad)) if bad else np.zeros(0, dtype=np.uint64)


def sentence_key_sets(keys: np.ndarray, sent: np.ndarray) -> list[np.ndarray]:
    """The content keys of one article grouped by sentence (``sent``: the sentence of each key),
    in sentence order; sentences with fewer than 3 keys are left out (nothing to hash)."""
    order = np.argsort(sent, kind="stable")
    keys, sent = keys[order], sent[order]
    bounds: Sequence[int] = (np.flatnonzero(np.r_[True, sent[1:] != sent[:-1], True]).tolist()
                             if len(sent) else [])
    return [keys[s0:s1] for s0, s1 in itertools.pairwise(bounds) if s1 - s0 >= 3]


def find_candidates(docs: Sequence[Document], settings: ReuseSettings,
                    sentences: Mapping[int, Sequence[SentenceFeatures]] | None = None
                    ) -> Candidates:
    """Candidate pairs and boilerplate sentences of ``docs`` (see the module docstring);
    ``sentences``: the :func:`sentence_features` the caller has, by index into ``docs``."""
    n = len(docs)
    vocab = Vocab()
    given = sentences or {}
    feats = [doc_features(d, vocab, settings.min_sentence_words, given.get(i))
             for i, d in enumerate(docs)]
    outlets = [d.article.outlet for d in docs]

    # boilerplate sentences: normalised sentence repeated within an outlet or corpus-wide
    sent_sets = [np.unique(np.array(f[1], dtype=np.uint64)) for f in feats]
    bad_sent = set(_frequent(sent_sets, outlets, settings).tolist())
    boiler = []
    for f in feats:
        boiler.append(frozenset(
            i for i, h in enumerate(f[1]) if h in bad_sent
        ))
    doc_keys = [np.unique(f[2][0]) for f in feats]
    key_vals, key_counts = (np.unique(np.concatenate(doc_keys), return_counts=True) if n
                            else (np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)))
    key_df = dict(zip(key_vals.tolist(), key_counts.tolist()))
    if n <= settings.all_pairs_max_docs:
        pairs = tuple((i, j) for i in range(n) for j in range(i + 1, n))
        return Candidates(pairs, tuple(boiler), {"all_pairs": len(pairs)}, key_df)

    # channel 1: document shingles
    sh = [shingles(f[0], settings.shingle_size) for f in feats]
    bad_sh = _frequent(sh, outlets, settings)
    if len(bad_sh):
        sh = [s[~np.isin(s, bad_sh, assume_unique=True)] for s in sh]
    sig = signatures(sh, settings.lsh_bands * settings.lsh_rows, seed=1)
    doc_pairs, _ = lsh_pairs(sig, settings.lsh_bands, settings.lsh_rows,
                             max_bucket=settings.max_bucket_docs)

    # channel 2: sentence content keys (paraphrase), without the corpus' common keys
    common = key_vals[key_counts > max(settings.boilerplate_min_df_docs,
                                       settings.sentence_key_max_df * n)]
    sets, owner = [], []
    for i, f in enumerate(feats):
        keys, sent = f[2]
        keep = ~np.isin(keys, common) if len(common) else np.ones(len(keys), dtype=bool)
        if boiler[i]:
            keep &= ~np.isin(sent, list(boiler[i]))
        for found in sentence_key_sets(keys[keep], sent[keep]):
            sets.append(found)
            owner.append(i)
    ssig = signatures(sets, settings.sentence_bands * settings.sentence_rows, seed=2)
    sent_pairs, counts = lsh_pairs(ssig, settings.sentence_bands, settings.sentence_rows,
                                   groups=np.array(owner, dtype=np.int64),
                                   max_bucket=settings.max_bucket_docs)
    sent_pairs = sent_pairs[counts >= settings.min_sentence_hits]

    merged = np.unique(np.concatenate([doc_pairs, sent_pairs]), axis=0) if (
        len(doc_pairs) or len(sent_pairs)) else np.zeros((0, 2), dtype=np.int64)
    pairs = tuple((int(i), int(j)) for i, j in merged)
    stats = Counter({"document_lsh": len(doc_pairs), "sentence_lsh": len(sent_pairs),
                     "candidates": len(pairs)})
    return Candidates(pairs, tuple(boiler), dict(stats), key_df)
