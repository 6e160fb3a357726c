"""MinHash signatures and banded LSH: the S-curve, Jaccard estimates, candidate pairs."""

import numpy as np
import pytest

from storyline.reuse.minhash import (
    candidate_probability,
    lsh_pairs,
    lsh_threshold,
    shingles,
    signatures,
)
from storyline.reuse.text import word_hash, words


def _set(text: str, k: int = 3) -> np.ndarray:
    return shingles(np.array([word_hash(w) for w in words(text)], dtype=np.uint64), k)


@pytest.mark.parametrize(
    ("bands", "rows", "expected"),
    [(32, 2, 0.177), (20, 3, 0.368), (16, 4, 0.5), (1, 1, 1.0)],
)
def test_threshold_is_where_the_s_curve_is_steepest(bands, rows, expected):
    assert lsh_threshold(bands, rows) == pytest.approx(expected, abs=1e-3)


def test_candidate_probability_rises_with_similarity():
    probs = [candidate_probability(s, 32, 2) for s in (0.05, 0.2, 0.5, 0.9)]
    assert probs == sorted(probs)
    assert probs[0] < 0.1 and probs[2] > 0.99


@pytest.mark.parametrize("true_jaccard", [0.1, 0.3, 0.5, 0.8])
def test_signatures_estimate_jaccard(true_jaccard):
    rng = np.random.default_rng(3)
    universe = rng.integers(0, 2**63, size=4000, dtype=np.uint64)
    shared = round(2000 * 2 * true_jaccard / (1 + true_jaccard))
    a = np.unique(universe[:2000])
    b = np.unique(np.concatenate([universe[:shared], universe[2000 : 4000 - shared]]))
    exact = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
    sig = signatures([a, b], 256)
    assert (sig[0] == sig[1]).mean() == pytest.approx(exact, abs=0.08)


def test_signatures_are_deterministic_and_empty_sets_are_marked():
    sets = [_set("Police said the fire started in the kitchen on Friday night"), np.zeros(0, np.uint64)]
    s1, s2 = signatures(sets, 16), signatures(sets, 16)
    assert (s1 == s2).all()
    assert (s1[1] == 0xFFFFFFFF).all()


def test_lsh_pairs_finds_copies_not_unrelated_texts():
    base = ("The Indian navy said it arrested 23 pirates who threatened a merchant vessel in the "
            "Gulf of Aden on Saturday, the latest in a series of clashes with Somali pirates.")
    texts = [
        base,
        base.replace("Saturday", "Sunday"),
        ("Lindsay Lohan's attorney said Thursday the actress checked into a Southern California "
        "rehab facility that a state official said is unlicensed."),
        "",
    ]
    sig = signatures([_set(t) for t in texts], 64)
    pairs, counts = lsh_pairs(sig, 32, 2)
    found = {tuple(p) for p in pairs.tolist()}
    assert (0, 1) in found
    assert not any(3 in p or 2 in p for p in found)
    assert (counts >= 1).all()


def test_lsh_pairs_maps_rows_to_groups_and_skips_same_group():
    sets = [_set("a copied sentence about the harbour fire and the evacuation of residents")] * 3
    sig = signatures(sets, 12)
    pairs, counts = lsh_pairs(sig, 4, 3, groups=np.array([0, 0, 5]))
    assert pairs.tolist() == [[0, 5]]
    assert counts.tolist() == [4]  # one collision per band; the two rows of group 0 count once


def test_oversized_buckets_are_skipped():
    sets = [_set("subscribe to our newsletter for the latest news every morning")] * 6
    sig = signatures(sets, 8)
    pairs, _ = lsh_pairs(sig, 4, 2, max_bucket=5)
    assert len(pairs) == 0
