"""Story titles are the most representative headline (report.titles)."""

from __future__ import annotations

import json

import pytest

from storyline.api import analyze
from storyline.models import Family
from storyline.report.titles import choose_title

WIRE = ("PORT HALDEN (Northwire) - A fire destroyed three warehouses at the Port Halden fish "
        "market on Tuesday. Twelve people were injured, the fire brigade said.")
REWRITE = ("A fire destroyed three warehouses at the Port Halden fish market on Tuesday, "
           "Northwire reported. Twelve people were injured.")
OTHER = ("Fishermen in Port Halden watched on Monday night as the fire spread through the "
         "market. About 40 boats were moved out of the harbour.")


@pytest.fixture(scope="module")
def docs(make_doc):
    return {
        "wire": make_doc(WIRE, title="Fire destroys three warehouses at Port Halden fish market",
                         published="2025-03-04T09:17:00+00:00", outlet="Northwire"),
        "rewrite": make_doc(REWRITE, title="Blaze guts Port Halden fish market",
                            published="2025-03-04T13:05:00+00:00", outlet="Metro Online"),
        "other": make_doc(OTHER, title="Fishermen watch Port Halden market burn",
                          published="2025-03-05T07:30:00+00:00", outlet="Coastal Herald"),
        "untitled": make_doc(OTHER + " The wind made it impossible to contain."),
    }


def test_origin_headline_of_the_largest_family(docs):
    by_id = {d.id: d for d in docs.values()}
    fam = Family("f1", (docs["wire"].id, docs["rewrite"].id), origin_id=docs["wire"].id)
    t = choose_title(list(by_id), by_id, [fam])
    assert (t.text, t.article_id, t.source) == (
        "Fire destroys three warehouses at Port Halden fish market", docs["wire"].id, "headline")
    # the origin of the family decides, not the order of the ids or the earliest date
    fam = Family("f1", (docs["wire"].id, docs["rewrite"].id), origin_id=docs["rewrite"].id)
    assert choose_title(list(by_id), by_id, [fam]).text == "Blaze guts Port Halden fish market"


def test_an_untitled_origin_gives_way_to_a_headline(docs):
    by_id = {d.id: d for d in (docs["untitled"], docs["other"])}
    fam = Family("f2", tuple(by_id), origin_id=docs["untitled"].id)
    t = choose_title(list(by_id), by_id, [fam])
    assert t.text == "Fishermen watch Port Halden market burn" and t.source == "headline"


def test_no_headline_at_all_gives_a_shortened_lead(docs):
    by_id = {docs["untitled"].id: docs["untitled"]}
    t = choose_title(list(by_id), by_id, [])
    assert t.source == "lead"
    assert t.text.startswith("Fishermen in Port Halden watched") and len(t.text) <= 110


def _headlines(report) -> set[str]:
    return {" ".join(d.article.title.split()) for d in report.documents if d.article.title}


@pytest.mark.parametrize("which", ["example", "seeds"])
def test_story_titles_are_headlines(which, examples_dir, seeds_dir, tmp_path):
    report = analyze([examples_dir if which == "example" else seeds_dir])
    heads = _headlines(report)
    data = json.loads(report.to_json())
    assert data["stories"]
    for s in data["stories"]:
        assert s["title"] in heads and s["title_from"] == "headline"
        assert s["title_article_id"] in s["article_ids"]
        for ev in s["events"]:
            assert ev["title"] in heads
    if which == "seeds":
        # the lead sentence of the untitled state-media item is not the title any more
        assert not data["stories"][0]["title"].startswith("In a message")


def test_the_family_index_gives_the_same_titles(docs):
    """retitle looks families up by article (linear in the corpus); a set's title is the same
    as when every family of the corpus is scanned, for any subset and families that only
    partly overlap it."""
    from itertools import combinations

    from storyline.report.titles import family_index

    by_id = {d.id: d for d in docs.values()}
    ids = list(by_id)
    for origin in ("wire", "rewrite"):
        fams = [Family("f1", (docs["wire"].id, docs["rewrite"].id), origin_id=docs[origin].id),
                Family("f2", (docs["other"].id, docs["untitled"].id),
                       origin_id=docs["untitled"].id)]
        index = family_index(fams)
        for k in range(1, len(ids) + 1):
            for subset in combinations(ids, k):
                assert (choose_title(subset, by_id, fams, index)
                        == choose_title(subset, by_id, fams))
