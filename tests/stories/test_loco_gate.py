"""Quality gate over several corpora: storyline's events never below the baseline.

On every corpus of ``benchmarks/stories_loco.py`` that is present (ECB+ dev from ``../shared``,
MEANTIME English committed under ``benchmarks/data/stories``, NewsWCL50 when built locally), event
B-cubed F1 with the DEFAULT settings must be at least that of the TF-IDF + average-link baseline
whose threshold was tuned on the OTHER present corpora, and so must the figure with each setting
of the benchmark's grid re-chosen on the other corpora (one known gap, ``KNOWN_BELOW``). Measured
(``python benchmarks/stories_loco.py --grid``): ECB+ dev 0.940 vs 0.861, MEANTIME 0.947 vs 0.782,
NewsWCL50 0.950 vs 0.918 (re-chosen elsewhere: 0.936, 0.947, 0.885). Needs two corpora (one to
tune the baseline on, one to test); skips otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import stories_loco


@pytest.fixture(scope="module")
def loco() -> dict:
    """One run of the benchmark with the grid (the defaults' figures come with it)."""
    names = stories_loco.available()
    if len(names) < 2:
        pytest.skip(f"needs two corpora of {sorted(stories_loco.CORPORA)}; present: {names}")
    return stories_loco.run(names, grid=True)


@pytest.mark.slow
def test_never_below_the_baseline_tuned_elsewhere(loco):
    out = loco
    below = {}
    for name, row in out["corpora"].items():
        ours, base = row["storyline"]["event_f1"], row["baseline_event"]["f1"]
        if ours < base:
            below[name] = (round(ours, 3), round(base, 3), row["baseline_event"]["threshold"])
    assert not below, f"event F1 below the baseline tuned on the other corpora: {below}"
    for row in out["corpora"].values():
        assert row["storyline"]["event_f1"] >= 0.90, out["corpora"]


# The one known gap, diagnosed in benchmarks/README.md ("Leave one corpus out: why NewsWCL50
# falls"): chosen on ECB+ dev (no publication dates: every value ties) and MEANTIME (every article
# its own gold event: recall is 1 at every value, so F1 rewards the harshest scale), the
# publication-date scale is 0.5 days, and NewsWCL50's reports published a day after their
# incident's others split off (event F1 0.885 against the baseline's 0.918).
KNOWN_BELOW = {("newswcl50", "published_scale_days")}


@pytest.mark.slow
def test_settings_chosen_elsewhere_never_below_the_baseline(loco):
    """The protocol's own figure: each setting of the grid re-chosen on the other corpora, event
    F1 on the held-out one against the baseline tuned on the others. A pair outside
    ``KNOWN_BELOW`` falling below fails; the known gap is reported as xfail until it closes."""
    out = loco
    below = {}
    for name, row in out["corpora"].items():
        base = row["baseline_event"]["f1"]
        for setting, lo in row["storyline_loco"].items():
            if lo["event_f1"] < base:
                below[(name, setting)] = (lo["value"], round(lo["event_f1"], 3), round(base, 3))
    assert not set(below) - KNOWN_BELOW, f"below the baseline tuned elsewhere: {below}"
    if below:
        pytest.xfail(f"known gap, still open: {below}")


def test_bcubed_scores_a_known_clustering():
    """The scorer the gate relies on: an all-in-one clustering of two gold events loses
    precision, not recall."""
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    p, r, _ = stories_loco.bcubed({i: "one" for i in gold}, gold)
    assert (p, r) == (0.5, 1.0)
    assert stories_loco.bcubed(dict(gold), gold) == (1.0, 1.0, 1.0)
