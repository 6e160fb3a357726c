"""Report building at scale: story titles and story views, indexed by article vs full scans.

    python benchmarks/report_index_speed.py [--sizes 10000 100000]

Synthetic corpus shape of ``gencorpus`` (story sizes, ~0.7 families per article, ~3 entities per
article), no annotation needed. Measured in the same run:

* ``retitle``: storyline's (families looked up by article, :func:`report.titles.family_index`)
  against the scan it replaced (every family of the corpus scanned for every story and event:
  ``choose_title(..., family_of=None)``);
* ``story_views``: storyline's (families, links, entities indexed by article) against a scan of
  every record for every story (the replaced code, kept here as the baseline).

Both pairs must give identical results (checked). Writes ``results/report_index_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def corpus(n: int, seed: int = 0):
    import gencorpus

    from storyline.models import Annotation, Article, Document, Event, Family, Story

    rng = random.Random(seed)
    sizes = gencorpus.story_sizes(n, rng)
    docs, stories, families, links, entities = [], [], [], [], []
    i = 0
    for s, size in enumerate(sizes):
        ids = []
        for _ in range(size):
            aid = f"a{i:07d}"
            i += 1
            ids.append(aid)
            docs.append(Document(Article(aid, f"Text of {aid}.", aid, title=f"Headline {aid}",
                                         published=f"2024-01-{1 + i % 28:02d}"),
                                 Annotation(aid, "en")))
        evs = gencorpus.event_sizes(size, rng)
        events, k = [], 0
        for e, m in enumerate(evs):
            events.append(Event(f"s{s}e{e}", "", tuple(ids[k:k + m])))
            k += m
        stories.append(Story(f"s{s}", "", tuple(ids), tuple(events)))
        for j in range(0, size, 3):  # families of up to three articles
            fam = tuple(ids[j:j + 3])
            families.append(Family(f"f{len(families)}", fam, origin_id=fam[0]))
            for t in fam[1:]:
                links.append({"source_id": fam[0], "target_id": t, "kind": "verbatim",
                              "score": 1.0, "passages": []})
        for _ in range(max(1, size // 2)):
            entities.append({"id": f"e{len(entities)}", "name": f"Name {len(entities)}",
                             "type": "PERSON", "aliases": [],
                             "article_ids": rng.sample(ids, min(len(ids), 6))})
    return docs, stories, families, links, entities


def old_story_records(report, sv):
    members = set(sv.article_ids)
    fams = [f for f in report["families"] if members.intersection(f["article_ids"])]
    links = [x for x in report["reuse"] if x["source_id"] in members
             and x["target_id"] in members]
    ents = [e for e in report["entities"] if members.intersection(e["article_ids"])]
    return fams, links, ents


def run(n: int, max_scan_s: float) -> dict:
    from storyline.report.titles import choose_title, retitle
    from storyline.report.view import Index, story_views
    from storyline.serialize import to_dict

    docs, stories, families, links, entities = corpus(n)
    out: dict = {"n": n, "stories": len(stories), "families": len(families)}
    t = time.perf_counter()
    new_stories, _ = retitle(stories, docs, families)
    out["retitle_s"] = time.perf_counter() - t
    by_id = {d.id: d for d in docs}
    t = time.perf_counter()
    checked = 0
    for st, nst in zip(stories, new_stories):  # the scan, story by story, until max_scan_s
        old = choose_title(st.article_ids, by_id, families)
        assert old is not None and old.text == nst.title
        checked += 1
        if time.perf_counter() - t > max_scan_s:
            break
    scan_s = time.perf_counter() - t
    out["retitle_scan_stories_checked"] = checked
    out["retitle_scan_s_estimated"] = scan_s * len(stories) / checked
    report = {"articles": [{"id": d.id} for d in docs],
              "stories": [to_dict(s) for s in new_stories],
              "families": [to_dict(f) for f in families], "reuse": links,
              "entities": entities, "claims": [], "checks": [], "timeline": []}
    ix = Index.of(report)
    t = time.perf_counter()
    views = story_views(ix)
    out["story_views_s"] = time.perf_counter() - t
    t = time.perf_counter()
    checked = 0
    for sv in views:
        fams, lk, ents = old_story_records(report, sv)
        assert (fams, lk) == (sv.families, sv.links)
        assert sorted(e["id"] for e in ents) == sorted(e["id"] for e in sv.entities)
        checked += 1
        if time.perf_counter() - t > max_scan_s:
            break
    out["story_views_scan_s_estimated"] = (time.perf_counter() - t) * len(views) / checked
    out["story_views_scan_checked"] = checked
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--max-scan-s", type=float, default=30.0,
                    help="time the full scans on the first stories for this long, extrapolate")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "report_index_speed.json")
    args = ap.parse_args(argv)
    rows = [run(n, args.max_scan_s) for n in args.sizes]
    for r in rows:
        print(f"n={r['n']:,} ({r['stories']:,} stories, {r['families']:,} families): retitle "
              f"{r['retitle_s']:.2f} s vs scan ~{r['retitle_scan_s_estimated']:.0f} s; "
              f"story_views {r['story_views_s']:.2f} s vs scan "
              f"~{r['story_views_scan_s_estimated']:.0f} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"command": "python benchmarks/report_index_speed.py "
                                    + " ".join(argv if argv is not None else sys.argv[1:]),
                                    "rows": rows}, indent=1))
    return {"rows": rows}


if __name__ == "__main__":
    main()
