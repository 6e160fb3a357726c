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


def test_a_story_key_ignores_which_articles_name_an_entity_but_not_its_forms(examples_dir):
    """A new article naming a person must not make stale every story that quotes him; a new
    alias of his must (the cross-check matches speakers by their forms)."""
    from dataclasses import replace

    from storyline.crosscheck.corpus import buckets, prepare, story_key
    from storyline.crosscheck.settings import CheckSettings
    from storyline.pipeline import STAGES, Context, load_documents, run_stages

    with Store(":memory:") as store:
        ingest_into(store, [str(examples_dir)], Settings(), assign_events=False)
        docs = load_documents(store)
    v = run_stages(STAGES[:4], Context(settings=Settings(), store=None, values={"docs": docs}))
    named = {c.speaker_entity_id for c in v["claims"] if c.speaker_entity_id}
    assert named

    def key(entities) -> str:
        prep = prepare(v["claims"], v["docs"], v["families"], v["stories"], entities,
                       CheckSettings())
        (sid, bucket), = buckets(prep, v["stories"])
        return story_key(prep, sid, bucket, "code")

    grown = [replace(e, article_ids=(*e.article_ids, "a-new-article")) if e.id in named else e
             for e in v["entities"]]
    renamed = [replace(e, aliases=(*e.aliases, "Someone Else")) if e.id in named else e
               for e in v["entities"]]
    assert key(grown) == key(v["entities"]) != key(renamed)
