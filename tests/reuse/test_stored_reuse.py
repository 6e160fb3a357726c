"""Reuse links kept in a store (storyline.reuse.stored): a report aligns only the candidate pairs it
has not aligned before, with the statistics of its epoch; past ``refresh_growth`` (or with
``refresh``) every pair is aligned afresh and the links are the batch's."""

from __future__ import annotations

import dataclasses
import random

import pytest
from reuse_texts import bare_doc

import storyline.reuse as reuse
from storyline.reuse import ReuseSettings, find_reuse
from storyline.reuse.stored import PAIRS, PREFIX, stored_reuse
from storyline.store import Store

OFF = ReuseSettings(semantic="off", processes=1)
WIDE = dataclasses.replace(OFF, refresh_growth=1.0)  # every test corpus below stays in its epoch


def _corpus(n_stories: int, seed: int = 3) -> list:
    """Per story: a wire text, a near copy with two words changed and a line added, a trimmed
    copy, a reworded copy and an independent report sharing its subject; words from a story's own vocabulary
    and a shared one, so that word weights (IDF, from 20 articles on) matter: a reworded
    copy aligns as paraphrase, whose scores are IDF-weighted."""
    rng = random.Random(seed)
    shared = [f"common{k}" for k in range(60)]
    docs = []
    for s in range(n_stories):
        own = [f"s{s}word{k}" for k in range(80)]

        def sentence(own: list[str] = own) -> str:
            words = rng.sample(own, 9) + rng.sample(shared, 4)
            rng.shuffle(words)
            return " ".join(words).capitalize() + "."

        wire = [sentence() for _ in range(8)]
        reworded = []  # a rewrite: words swapped and reordered, aligned as paraphrase (IDF)
        for sent in wire:
            words = sent.rstrip(".").lower().split()
            for k in rng.sample(range(len(words)), 3):
                words[k] = rng.choice(own)
            rng.shuffle(words)
            reworded.append(" ".join(words).capitalize() + ".")
        near = list(wire)
        near[2] = near[2].replace(near[2].split()[3], "changed", 1)
        near[5] = near[5].replace(near[5].split()[4], "altered", 1)
        near.append(sentence())
        docs += [bare_doc(" ".join(wire), outlet=f"wire{s}"),
                 bare_doc(" ".join(near), outlet="herald"),
                 bare_doc(" ".join(wire[:5]), outlet="gazette"),
                 bare_doc(" ".join(reworded), outlet="daily"),
                 bare_doc(" ".join(sentence() for _ in range(7)), outlet="post")]
    return docs


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.db") as st:
        yield st


def test_a_second_report_aligns_no_pair_and_gives_the_batch_links(store):
    docs = _corpus(6)
    first = stored_reuse(store, docs, OFF)
    batch = find_reuse(docs, OFF)
    assert first == batch and batch.links and first.aligned > 0
    again = stored_reuse(store, docs, OFF)
    assert again == batch and again.aligned == 0


def test_within_its_epoch_a_report_aligns_the_new_pairs_with_the_epochs_statistics(store):
    docs = _corpus(7)
    old, new = docs[:30], docs[30:]
    first = stored_reuse(store, old, WIDE)
    after = stored_reuse(store, docs, WIDE)
    # the new story's pairs only: the old articles' pairs were kept
    new_ids = {d.id for d in new}
    every = stored_reuse(store, docs, dataclasses.replace(WIDE, refresh_growth=0.0))
    assert after.aligned == sum(1 for k in _pair_keys(store) if k & new_ids) > 0
    # exactly what a batch run gives with the statistics of the epoch (30 articles), which
    # differs from the batch of today's corpus
    assert after != find_reuse(docs, WIDE)
    assert first.stats is not None and after.stats == first.stats
    assert after == find_reuse(docs, WIDE, stats=first.stats)
    assert {(x.source_id, x.target_id) for x in after.links} >= {
        (x.source_id, x.target_id) for x in first.links}
    assert every == find_reuse(docs, WIDE)  # refresh_growth 0: fresh statistics, all aligned
    assert every.aligned == len(_pair_keys(store))


def test_past_the_growth_share_or_on_refresh_every_pair_is_aligned_afresh(store):
    docs = _corpus(7)
    stored_reuse(store, docs[:30], OFF)
    grown = stored_reuse(store, docs, OFF)  # 35 articles: 17 % more than 30 (> 10 %)
    assert grown == find_reuse(docs, OFF) and grown.aligned == len(_pair_keys(store))
    again = stored_reuse(store, docs, OFF, refresh=True)  # report --recluster
    assert again == grown and again.aligned == grown.aligned


def test_other_settings_start_their_own_epoch(store):
    docs = _corpus(6)
    stored_reuse(store, docs, OFF)
    other = dataclasses.replace(OFF, paraphrase_overlap=0.7)
    found = stored_reuse(store, docs, other)
    assert found == find_reuse(docs, other) and found.aligned == len(_pair_keys(store))
    # the number of processes is not a result setting: the epoch is kept
    assert stored_reuse(store, docs, dataclasses.replace(other, processes=2)).aligned == 0


def test_only_the_last_reports_pairs_and_epoch_are_kept(store, monkeypatch):
    docs = _corpus(7)
    stored_reuse(store, docs, WIDE)
    n_pairs = len(_pair_keys(store))
    stored_reuse(store, docs[:25], WIDE)  # an earlier state: fewer candidates
    assert len(_pair_keys(store)) < n_pairs
    stored_reuse(store, docs, WIDE, refresh=True)
    epochs = {name.split("/")[0] for name in store.part_list(PREFIX + PAIRS)}
    assert len(epochs) == 1 and len(_pair_keys(store)) == n_pairs


def test_a_read_only_store_reports_without_writing(tmp_path):
    docs = _corpus(6)
    with Store(tmp_path / "c.db") as st:
        stored_reuse(st, docs, OFF)
    with Store(tmp_path / "c.db", readonly=True) as st:
        assert stored_reuse(st, docs, OFF).aligned == 0
        assert stored_reuse(st, docs[:25], OFF, refresh=True) == find_reuse(docs[:25], OFF)
    with Store(tmp_path / "c.db", readonly=True) as st:
        assert stored_reuse(st, docs, OFF).aligned == 0  # the epoch was not replaced


def test_kept_links_are_the_links_not_a_reading_of_them(store, monkeypatch):
    docs = _corpus(6)
    first = stored_reuse(store, docs, OFF)
    monkeypatch.setattr(reuse, "link_pair", lambda *a, **kw: pytest.fail("aligned again"))
    assert stored_reuse(store, docs, OFF).links == first.links


def _pair_keys(store) -> list[frozenset[str]]:
    """The article ids of each pair kept under the current epoch."""
    return [frozenset(name.split("/", 1)[1].split("|")[:2])
            for name in store.part_list(PREFIX + PAIRS)]
