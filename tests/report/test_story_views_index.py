"""Story views find their families, reuse links and entities through an index by article
(report.view.story_views): the same records, in the report's order, as scanning every record
for every story, which was quadratic in the corpus (issue #14)."""

from __future__ import annotations

import random

from storyline.report.view import Index, story_views


def _report(seed: int) -> dict:
    rng = random.Random(seed)
    arts = [f"a{i:02d}" for i in range(40)]
    stories = []
    for s in range(6):
        members = rng.sample(arts, rng.randint(1, 12))
        stories.append({"id": f"s{s}", "title": f"Story {s}", "article_ids": members,
                        "events": [{"id": f"s{s}e0", "title": "", "article_ids": members}]})
    families = [{"id": f"f{i}", "article_ids": rng.sample(arts, rng.randint(1, 4)),
                 "origin_id": None} for i in range(15)]
    reuse = [{"source_id": rng.choice(arts), "target_id": rng.choice(arts), "kind": "verbatim",
              "score": 1.0, "passages": []} for _ in range(30)]
    entities = [{"id": f"e{i}", "name": f"Name {i}", "type": "PERSON", "aliases": [],
                 "article_ids": rng.sample(arts, rng.randint(1, 6))} for i in range(25)]
    return {"schema_version": 1, "articles": [{"id": a, "text": "x"} for a in arts],
            "stories": stories, "families": families, "reuse": reuse, "entities": entities,
            "claims": [], "checks": [], "timeline": []}


def test_story_views_match_a_scan_of_every_record():
    for seed in range(5):
        report = _report(seed)
        views = story_views(Index.of(report))
        assert len(views) >= len(report["stories"])
        for sv in views:
            members = set(sv.article_ids)
            fams = [f for f in report["families"] if members.intersection(f["article_ids"])]
            links = [x for x in report["reuse"]
                     if x["source_id"] in members and x["target_id"] in members]
            # an entity as the story sees it: the story's articles that name it, most first
            ents = sorted(({**e, "article_ids": [a for a in e["article_ids"] if a in members]}
                           for e in report["entities"] if members.intersection(e["article_ids"])),
                          key=lambda e: (-len(e["article_ids"]), e["name"]))
            assert sv.families == fams
            assert sv.links == links
            assert sv.entities == ents
            assert fams or links or ents or not members  # the case is not empty
