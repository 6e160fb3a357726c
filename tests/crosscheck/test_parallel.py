"""Stories checked in forked worker processes (checks.processes) give the checks of one process."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.crosscheck import check_corpus, corpus
from storyline.crosscheck.settings import CheckSettings
from storyline.models import Story
from storyline.pipeline import STAGES, Context, ingest_into, load_documents, run_stages
from storyline.settings import Settings
from storyline.store import Store


@pytest.fixture(scope="module")
def analysed(examples_dir):
    with Store(":memory:") as store:
        ingest_into(store, [str(examples_dir)], Settings(), assign_events=False)
        docs = load_documents(store)
    v = run_stages(STAGES[:4], Context(settings=Settings(), store=None, values={"docs": docs}))
    # the example is one story: cut in three, so that there are stories to share out
    ids = sorted({a for st in v["stories"] for a in st.article_ids})
    return dict(v, stories=tuple(Story(id=f"s{k}", title=f"part {k}", article_ids=tuple(ids[k::3]))
                                 for k in range(3)))


def _record_pids(monkeypatch, seen: Path) -> Path:
    """Patch check_story to append the pid of the process running it to ``seen``."""
    real = corpus.check_story

    def recording(*a, **kw):
        with seen.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(*a, **kw)

    monkeypatch.setattr(corpus, "check_story", recording)
    return seen


def test_workers_check_the_stories_and_give_the_same_checks(analysed, monkeypatch, tmp_path):
    v = analysed
    args = (v["claims"], v["docs"], v["families"], v["stories"], v["entities"])
    one = check_corpus(*args, replace(CheckSettings(), processes=1))

    seen = _record_pids(monkeypatch, tmp_path / "pids")
    monkeypatch.setattr(corpus, "PARALLEL_MIN_CLAIMS", 0)
    two = check_corpus(*args, replace(CheckSettings(), processes=2))
    assert two.checks == one.checks and two.recomputed == one.recomputed
    pids = set(seen.read_text().split())
    assert str(os.getpid()) not in pids and len(pids) == 2  # every story in a worker


def test_below_the_threshold_stories_are_checked_in_this_process(analysed, monkeypatch, tmp_path):
    v = analysed
    seen = _record_pids(monkeypatch, tmp_path / "pids")
    check_corpus(v["claims"], v["docs"], v["families"], v["stories"], v["entities"],
                 replace(CheckSettings(), processes=2))
    assert set(seen.read_text().split()) == {str(os.getpid())}


def test_a_worker_killed_stops_the_report_with_an_error_not_a_hang(analysed, monkeypatch):
    from storyline.errors import EngineError

    parent = os.getpid()
    real = corpus.check_story

    def dying(*a, **kw):
        if os.getpid() != parent:
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return real(*a, **kw)

    monkeypatch.setattr(corpus, "PARALLEL_MIN_CLAIMS", 0)
    monkeypatch.setattr(corpus, "check_story", dying)
    v = analysed
    with pytest.raises(EngineError) as err:
        check_corpus(v["claims"], v["docs"], v["families"], v["stories"], v["entities"],
                     replace(CheckSettings(), processes=2))
    assert str(err.value).startswith("E401 ") and "checks.processes 1" in str(err.value)
