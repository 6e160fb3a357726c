"""Vectorised MinHash signatures and banded LSH (NumPy).

MinHash (Broder 1997, "On the resemblance and containment of documents"): for a set S of hashed
shingles and a random hash function h, P[min h(S) = min h(T)] is the Jaccard similarity of S and
T; a signature of ``P`` such minima estimates it. Banded LSH (Leskovec, Rajaraman & Ullman,
*Mining of Massive Datasets*, ch. 3.4) cuts the signature into ``b`` bands of ``r`` rows and makes
two sets a candidate pair when any band is identical, which happens with probability
``1 - (1 - s^r)^b`` for Jaccard ``s``: an S-curve whose steep part sits near
``(1/b)^(1/r)`` (:func:`lsh_threshold`). More bands move the threshold down (recall up, more
pairs to check); more rows make the curve steeper and move it up.

The hash family is Dietzfelbinger's multiply-add-shift (Dietzfelbinger et al. 1997,
"A reliable randomized algorithm for the closest-pair problem"): for a 32-bit key ``x`` and
random 64-bit ``a``, ``b``, ``h(x) = ((a*x + b) mod 2^64) >> 32`` is 2-universal into 32 bits, and
needs no modulo by a prime, so one NumPy broadcast computes all permutations of a chunk of
shingles at once and ``np.minimum.reduceat`` takes the per-document minima. This is why the code
is hand-written rather than datasketch's: datasketch hashes one set at a time in Python and
stores LSH buckets in dicts of Python objects; ``benchmarks/reuse_speed.py`` measures both on the
same corpus (datasketch is used only there, never at run time).
"""

from __future__ import annotations

import numpy as np

_MASK32 = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(0x9E3779B97F4A7C15)
# 8192 shingles x 64 permutations: 4 MB temporaries stay in cache (3x faster than 1 << 17)
_CHUNK_ROWS = 1 << 13


def lsh_threshold(bands: int, rows: int) -> float:
    """Jaccard similarity near which the LSH S-curve is steepest: ``(1/bands)^(1/rows)``."""
    return (1.0 / bands) ** (1.0 / rows)


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """Probability that two sets of Jaccard ``similarity`` share at least one band."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser: spreads the bits of uint64 values (vectorised)."""
    x = x.astype(np.uint64, copy=True)
    with np.errstate(over="ignore"):
        x ^= x >> np.uint64(30)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return x


def shingles(word_hashes: np.ndarray, k: int) -> np.ndarray:
    """Unique hashes of the ``k``-word shingles of one text (its word hashes in order).

    A text shorter than ``k`` words gives one shingle of all its words."""
    n = len(word_hashes)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    k = min(k, n)
    acc = np.zeros(n - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = acc * _MIX + word_hashes[j : n - k + 1 + j]
    return np.unique(mix64(acc))


def _params(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def signatures(sets: list[np.ndarray], num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash signatures (``len(sets)`` x ``num_perm``, uint32) of sets of uint64 hashes.

    An empty set gets the all-ones signature (``2^32 - 1``), which :func:`lsh_buckets` skips."""
    a, b = _params(num_perm, seed)
    out = np.full((len(sets), num_perm), 0xFFFFFFFF, dtype=np.uint32)
    idx = [i for i, s in enumerate(sets) if len(s)]
    pos = 0
    while pos < len(idx):
        # one chunk of whole sets, about _CHUNK_ROWS shingles
        end, rows = pos, 0
        while end < len(idx) and (rows == 0 or rows + len(sets[idx[end]]) <= _CHUNK_ROWS):
            rows += len(sets[idx[end]])
            end += 1
        chunk = idx[pos:end]
        x = np.concatenate([sets[i] for i in chunk]) >> np.uint64(32)  # 32-bit keys
        starts = np.cumsum([0] + [len(sets[i]) for i in chunk[:-1]])
        with np.errstate(over="ignore"):
            h = np.multiply.outer(a, x)  # permutations x shingles: reduce along rows
            h += b[:, None]
            h >>= np.uint64(32)
        out[chunk] = np.minimum.reduceat(h, starts, axis=1).T.astype(np.uint32)
        pos = end
    return out


def band_keys(sig: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 key per (row of ``sig``, band): ``len(sig)`` x ``bands``."""
    keys = np.zeros((len(sig), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            col = sig[:, r::rows][:, :bands].astype(np.uint64)
            keys = mix64(keys * _MIX + col)
    keys ^= np.arange(bands, dtype=np.uint64)[None, :]  # no collisions across bands
    return keys


def lsh_pairs(
    sig: np.ndarray,
    bands: int,
    rows: int,
    groups: np.ndarray | None = None,
    max_bucket: int = 100,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs of banded LSH: ``(pairs, counts)``.

    ``pairs`` is an ``m x 2`` array of group ids ``i < j`` (the row index itself when ``groups``
    is ``None``; e.g. the article of each sentence), ``counts`` how many (row pair, band)
    collisions each pair had. Rows with an empty signature and buckets holding more than
    ``max_bucket`` distinct groups are skipped."""
    if len(sig) == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.int64)
    if groups is None:
        groups = np.arange(len(sig), dtype=np.int64)
    valid = ~(sig == 0xFFFFFFFF).all(axis=1)
    keys = band_keys(sig[valid], bands, rows).ravel()
    g = np.repeat(groups[valid], bands)
    order = np.lexsort((g, keys))
    keys, g = keys[order], g[order]
    # drop repeated (key, group): one group counts once per bucket
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = (keys[1:] != keys[:-1]) | (g[1:] != g[:-1])
    keys, g = keys[keep], g[keep]
    n_groups = int(groups.max()) + 1 if len(groups) else 0
    if len(keys) == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.int64)
    bounds = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True])
    sizes = np.diff(bounds)
    codes = []
    two = bounds[:-1][sizes == 2]
    if len(two):
        codes.append(g[two] * n_groups + g[two + 1])
    for s, size in zip(bounds[:-1][(sizes > 2) & (sizes <= max_bucket)],
                       sizes[(sizes > 2) & (sizes <= max_bucket)]):
        members = g[s : s + size]
        i, j = np.triu_indices(size, k=1)
        codes.append(members[i] * n_groups + members[j])
    if not codes:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.int64)
    uniq, counts = np.unique(np.concatenate(codes), return_counts=True)
    pairs = np.stack([uniq // n_groups, uniq % n_groups], axis=1)
    return pairs, counts
