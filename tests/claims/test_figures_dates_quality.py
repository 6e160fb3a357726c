"""Evaluation gate: figures and dates on the hand-labelled ECB+ sample must not fall below the
recorded floors.

Measured with ``python benchmarks/claims_figures_dates.py`` (see its docstring and
``benchmarks/results/claims_figures_dates.json``). On the ``test`` split (8 articles labelled
before the extractor was first run on them): figures P 0.919 R 0.971 F1 0.944, value accuracy
1.000; dates P 1.000 R 0.923 F1 0.960, value accuracy 1.000. The first run on that split gave
figures P 0.872 F1 0.919; two general fixes made afterwards (scores/records like "52-3", and
"one" as a pronoun) were prompted partly by its errors, so the split is no longer fully unseen.
On the same items the spaCy NER + dateparser baseline gives figure F1 0.853 (value accuracy
0.688) and date F1 0.645 (value accuracy 0.350). Floors sit a few points below the first,
untuned measurement.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from storyline.claims.settings import ClaimsSettings

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks" / "claims_figures_dates.py"

FLOORS = {
    ("test", "figure"): {"f1": 0.85, "value_accuracy": 0.95},
    ("test", "date"): {"f1": 0.90, "value_accuracy": 0.95},
    ("dev", "figure"): {"f1": 0.85, "value_accuracy": 0.95},
    ("dev", "date"): {"f1": 0.90, "value_accuracy": 0.95},
}


@pytest.fixture(scope="module")
def bench():
    if not BENCH.exists():
        pytest.skip("benchmark script missing")
    spec = importlib.util.spec_from_file_location("claims_figures_dates_bench", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if not mod.ECB.exists():
        pytest.skip("ECB+ dev set not found")
    return mod


@pytest.fixture(scope="module")
def scores(bench, nlp):
    rows = bench.load_gold()
    docs = bench.load_docs({r["article"] for r in rows}, nlp)
    gold = []
    for d in docs:
        gold += bench.gold_spans(d, [r for r in rows if r["article"] == d.article.external_id])
    texts = {d.article.external_id: d.text for d in docs}
    preds = {d.article.external_id: bench.storyline_preds(d, ClaimsSettings()) for d in docs}
    return {split: bench.score(gold, preds, split, texts) for split in ("dev", "test")}


@pytest.mark.parametrize(("split", "kind"), sorted(FLOORS))
def test_quality_floor(scores, split, kind):
    got = scores[split][kind]
    for metric, floor in FLOORS[(split, kind)].items():
        assert got[metric] >= floor, (metric, got)
