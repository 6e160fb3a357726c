"""Only what changed: a report after an ingest reuses the stored checks and timeline of the
stories that did not change, and is the same report as one computed from scratch."""

from __future__ import annotations

import logging
import re

from storyline import pipeline
from storyline.pipeline import analyze_store, ingest_into
from storyline.settings import Settings
from storyline.store import Store


def _recomputed(caplog) -> tuple[int, int]:
    found = [re.search(r"checks: (\d+) of (\d+) stories recomputed", r.getMessage())
             for r in caplog.records]
    last = [m for m in found if m][-1]
    return int(last.group(1)), int(last.group(2))


def test_warm_report_equals_cold_report_after_adding_articles(tmp_path, examples_dir, seeds_dir,
                                                              nlp, caplog, monkeypatch):
    settings = Settings()
    with Store(tmp_path / "corpus.db") as store:
        ingest_into(store, [str(examples_dir)], settings, nlp=nlp)
        with caplog.at_level(logging.INFO, logger="storyline"):
            first = analyze_store(store, settings)
            n_first, _ = _recomputed(caplog)
            assert n_first == len(first.stories)  # an empty cache: every story computed
            ingest_into(store, [str(seeds_dir)], settings, nlp=nlp)
            caplog.clear()
            warm = analyze_store(store, settings)
            n_warm, total = _recomputed(caplog)
            caplog.clear()
            again = analyze_store(store, settings)
            n_again, _ = _recomputed(caplog)
        # the example's story did not change: its checks come from the store
        assert total == len(warm.stories) > len(first.stories)
        assert 0 < n_warm < total
        assert n_again == 0
        monkeypatch.setattr(pipeline, "_story_cache", lambda ctx, stage: None)
        cold = analyze_store(store, settings)
    assert warm.checks and warm.timeline
    assert warm.to_dict() == cold.to_dict() == again.to_dict()


def test_changed_settings_do_not_reuse_stored_checks(tmp_path, examples_dir, nlp, caplog):
    with Store(tmp_path / "corpus.db") as store:
        ingest_into(store, [str(examples_dir)], Settings(), nlp=nlp)
        analyze_store(store, Settings())
        other = Settings.from_dict({"checks": {"quote_min_similarity": 70.0}})
        with caplog.at_level(logging.INFO, logger="storyline"):
            report = analyze_store(store, other)
        n, total = _recomputed(caplog)
    assert n == total == len(report.stories) > 0
