"""Evaluation gate: quote attribution on the hand-labelled ECB+ quotations.

Floors sit a little under the values measured with
``python benchmarks/quotes_attribution.py`` (results in benchmarks/results/quotes_attribution.json):

    all  (220 quotations): precision 0.996, recall 0.996, speaker accuracy 0.831, via 0.964;
                           regex + nearest-person baseline speaker accuracy 0.360
    test (41, held out):   precision 1.000, recall 0.976, speaker accuracy 0.775
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from storyline.claims.settings import ClaimsSettings

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "quotes_attribution.py"

FLOORS_ALL = {"precision": 0.97, "recall": 0.97, "speaker_accuracy": 0.80, "via_accuracy": 0.93}
FLOORS_TEST = {"precision": 0.95, "recall": 0.93, "speaker_accuracy": 0.70}


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("quotes_attribution", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def labelled_docs(ecb_docs, bench):
    ids = set(bench.load_labels())
    return {d.article.external_id: d for d in ecb_docs if d.article.external_id in ids}


@pytest.mark.slow
@pytest.mark.parametrize("split, floors", [(None, FLOORS_ALL), ("test", FLOORS_TEST)],
                         ids=["all", "held-out"])
def test_quote_attribution_floor(bench, labelled_docs, split, floors):
    labels = bench.load_labels(split=split)
    assert set(labels) <= set(labelled_docs)
    scores = bench.evaluate(labelled_docs, labels, bench.storyline_predict, ClaimsSettings())
    for metric, floor in floors.items():
        assert scores[metric] >= floor, f"{metric} {scores[metric]:.3f} < floor {floor}"


@pytest.mark.slow
def test_speaker_attribution_beats_the_regex_baseline(bench, labelled_docs):
    labels = bench.load_labels()
    ours = bench.evaluate(labelled_docs, labels, bench.storyline_predict, ClaimsSettings())
    base = bench.evaluate(labelled_docs, labels, bench.baseline_predict, ClaimsSettings())
    assert ours["speaker_accuracy"] >= 1.8 * base["speaker_accuracy"]
    assert ours["f1"] >= base["f1"]


def test_every_label_is_found_in_its_article(bench):
    """The labels point at real quoted text (guards against a changed corpus or a typo)."""
    import json

    if not bench.ECB.is_file():
        pytest.skip(f"ECB+ dev set not found at {bench.ECB.parent}")

    texts = {}
    for line in bench.ECB.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"].strip()
    labels = bench.load_labels()
    assert sum(len(v) for v in labels.values()) >= 150
    for art, labs in labels.items():
        for lab in labs:
            assert bench.locate(texts[art], lab["quote"], lab.get("occurrence", 1)), lab
