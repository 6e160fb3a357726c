"""The corpus-level stage: seed families, boilerplate, direction, families, determinism."""

import dataclasses

import pytest
from reuse_texts import STORY
from reuse_texts import bare_doc as raw_doc

from storyline.engine.forked import can_fork
from storyline.models import content_id
from storyline.reuse import ReuseResult, ReuseSettings, find_reuse

OFF = ReuseSettings(semantic="off")

OTHER = [
    ("Shares in European carmakers fell sharply on Wednesday after the union announced a strike "
    "at three plants in southern Germany."),
    ("Analysts said the walkout could cost the industry hundreds of millions of euros in lost "
    "production before the end of the quarter."),
    ("Talks between management and the union are expected to resume next week in Stuttgart, a "
    "spokesman for the employers' association said."),
]


@pytest.fixture(scope="module")
def seed_result(seed_docs):
    return find_reuse(seed_docs, OFF)


def test_seed_rewrites_form_one_family_and_the_others_stay_apart(seed_docs, seed_result):
    by_file = {d.article.source[:3]: d.id for d in seed_docs}
    fams = {f.article_ids: f for f in seed_result.families}
    rewrites = tuple(sorted(by_file[k] for k in ("000", "001", "004")))
    assert rewrites in fams
    assert (by_file["002"],) in fams and (by_file["003"],) in fams
    assert len(seed_result.families) == 3
    linked = {frozenset((x.source_id, x.target_id)) for x in seed_result.links}
    for k in ("002", "003"):
        assert not any(by_file[k] in pair for pair in linked)


def test_seed_links_carry_passages_inside_the_texts(seed_docs, seed_result):
    texts = {d.id: d.text for d in seed_docs}
    assert seed_result.links
    for link in seed_result.links:
        assert link.kind in ("verbatim", "near_verbatim", "paraphrase")
        assert not link.directed  # the seeds carry no dates, none contains another
        assert link.evidence
        assert 0 < link.coverage_source <= 1 and 0 < link.coverage_target <= 1
        for p in link.passages:
            assert texts[link.source_id][p.source_span[0]:p.source_span[1]].strip()
            assert texts[link.target_id][p.target_span[0]:p.target_span[1]].strip()


def test_every_article_in_exactly_one_family_with_content_id(seed_docs, seed_result):
    ids = [i for f in seed_result.families for i in f.article_ids]
    assert sorted(ids) == sorted(d.id for d in seed_docs)
    for f in seed_result.families:
        assert f.id == content_id(*sorted(f.article_ids))
        assert list(f.article_ids) == sorted(f.article_ids)
        assert f.origin_id is None or f.origin_id in f.article_ids


def test_output_is_deterministic_and_independent_of_input_order(seed_docs, seed_result):
    again = find_reuse(list(reversed(seed_docs)), OFF)
    assert again == seed_result
    assert isinstance(again, ReuseResult)
    assert list(again.links) == sorted(again.links, key=lambda x: (x.source_id, x.target_id))


def test_earlier_publication_is_the_source():
    original = raw_doc("\n".join(STORY), published="2024-03-05")
    copy = raw_doc("\n".join(STORY + ["Copyright 2024 Example Wire. All rights reserved."]),
                   published="2024-03-06T08:00:00")
    (link,) = find_reuse([copy, original], OFF).links
    assert (link.source_id, link.target_id) == (original.id, copy.id)
    assert link.directed and link.basis == "date" and "published earlier" in link.evidence
    assert link.kind == "verbatim"
    (fam,) = find_reuse([copy, original], OFF).families
    assert fam.origin_id == original.id


def test_same_day_falls_back_to_containment():
    original = raw_doc("\n".join(STORY + OTHER[:1]), published="2024-03-05")
    trimmed = raw_doc("\n".join(STORY[:3]), published="2024-03-05")
    (link,) = find_reuse([original, trimmed], OFF).links
    assert (link.source_id, link.target_id) == (original.id, trimmed.id)
    assert link.basis == "trimmed" and "trimmed" in link.evidence


def test_outlet_boilerplate_does_not_link_articles():
    footer = ("Subscribe to our newsletter to get the latest headlines from the harbour delivered "
              "to your inbox every morning.\n"
              "Reporting by the Harbour Gazette news desk, with additional reporting by staff.")
    docs = [
        raw_doc(STORY[0] + "\n" + STORY[3] + "\n" + footer, outlet="Harbour Gazette"),
        raw_doc("\n".join(OTHER) + "\n" + footer, outlet="Harbour Gazette"),
        raw_doc("A new ferry line will link the two islands from May, the transport ministry "
                "announced on Monday after years of delays.\n" + footer,
                outlet="Harbour Gazette"),
    ]
    assert find_reuse(docs, OFF).links == ()
    # the same footer in articles of different outlets is shared text, and does link
    other_outlets = [dataclasses.replace(d, article=dataclasses.replace(d.article, outlet=o))
                     for d, o in zip(docs, ("A", "B", "C"))]
    assert find_reuse(other_outlets, OFF).links


def test_lsh_path_finds_the_same_links_as_all_pairs():
    filler = [raw_doc(f"Article number {i} reports on a local council meeting about parking "
                      f"fees and school buses in district {i}, officials said on day {i}.\n"
                      f"Residents number {i * 7} asked questions about the budget for year {i}.")
              for i in range(30)]
    original = raw_doc("\n".join(STORY))
    copy = raw_doc("\n".join(STORY[:4]))
    docs = filler + [original, copy]
    small = find_reuse(docs, OFF)
    lsh = find_reuse(docs, dataclasses.replace(OFF, all_pairs_max_docs=0))
    assert small == lsh
    pairs = {(x.source_id, x.target_id) for x in small.links}
    assert (original.id, copy.id) in pairs, [x for x in small.links if original.id in
                                             (x.source_id, x.target_id)]
    # the templated filler items are near-copies of one another, never of the story
    assert not [p for p in pairs if (original.id in p or copy.id in p) and
                p != (original.id, copy.id)]


@pytest.mark.skipif(not can_fork(), reason="the platform cannot fork")
def test_pairs_aligned_in_workers_give_the_links_of_one_process(seed_docs, monkeypatch, tmp_path):
    import os

    import storyline.reuse as reuse

    real, seen = reuse.link_pair, tmp_path / "pids"

    def recording(*a, **kw):
        with seen.open("a") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(*a, **kw)

    one = find_reuse(seed_docs, dataclasses.replace(OFF, processes=1))
    monkeypatch.setattr(reuse, "PARALLEL_MIN_PAIRS", 0)
    monkeypatch.setattr(reuse, "link_pair", recording)
    two = find_reuse(seed_docs, dataclasses.replace(OFF, processes=2))
    assert two == one and one.links
    assert str(os.getpid()) not in set(seen.read_text().split())
