"""Size and load time of report.html for a large synthetic corpus, against a plain page.

A synthetic report dict of N articles (default 1,000) with realistic sizes: ~3,500-character
texts in ~30 sentences, ~40 entity mentions and ~8 claims per article, stories of 50 articles,
families of about 3 rewrites with reuse links of 3 passages, checks of 2-4 claims, timelines and
entities. The baseline, in the same run and the same browser, is a plain HTML page holding the
same article texts once each in <p> elements (the least any report showing the texts must load).

Measured: render time in Python, file size, and in headless Chromium (Debian's
/usr/bin/chromium through playwright) the time to the load event, and the time to open one
check and lay the page out again (responsiveness once loaded).

    python benchmarks/report_size.py                # 1,000 articles
    python benchmarks/report_size.py --articles 200 # quicker while developing

Writes benchmarks/results/report_size.json.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from storyline.report.html import render_html

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

WORDS = ["the", "a", "of", "to", "in", "and", "said", "on", "for", "with", "was", "that", "officials",
         "city", "port", "market", "fire", "police", "minister", "government", "people", "reported",
         "agency", "according", "told", "statement", "on", "Tuesday", "workers", "harbour", "emergency",
         "injured", "damage", "investigation", "spokesman", "council", "residents", "million",
         "percent", "week", "early", "year", "hospital", "brigade", "warehouse", "ministry", "border",
         "talks", "president", "meeting", "security", "rain", "flood", "road", "bridge", "election",
         "vote", "party", "leader"]
NAMES = ["Ilse Varga", "Tomas Reyes", "Northwire", "Port Halden", "Mara Quint", "Lenz Ober",
         "Coastal Herald", "Valley Times", "Daily Courier", "Ansel Rook", "Kiran Dale"]


def _sentence(rng: random.Random) -> str:
    n = rng.randint(12, 28)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[rng.randrange(n)] = rng.choice(NAMES)
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."


def synthetic_report(n_articles: int, seed: int = 0) -> dict:
    rng = random.Random(seed)
    articles, claims, checks, families, reuse, stories, timeline = [], [], [], [], [], [], []
    per_story = 50
    for i in range(n_articles):
        sents = [_sentence(rng) for _ in range(rng.randint(24, 36))]
        if i % 3 and articles and i % per_story:  # a rewrite of the previous family's origin
            base = articles[i - (i % 3)]["text"].split(". ")
            sents = base[: len(base) // 2] + sents[len(sents) // 2:]
        text = " ".join(s if s.endswith(".") else s + "." for s in sents)
        spans, pos = [], 0
        for s in sents:
            s = s if s.endswith(".") else s + "."
            spans.append([pos, pos + len(s)])
            pos += len(s) + 1
        mentions = []
        for name in NAMES:
            start = text.find(name)
            while start != -1 and len(mentions) < 40:
                mentions.append({"start": start, "end": start + len(name), "label": "PERSON",
                                 "text": name})
                start = text.find(name, start + 1)
        aid = f"{i:06d}" + "ab" * 13
        articles.append({
            "id": aid, "source": f"crawl/{i:06d}.html", "external_id": None,
            "title": _sentence(rng)[:70], "outlet": rng.choice(NAMES[6:]),
            "url": f"https://news{i % 40}.example/{i}", "published": f"2025-03-{1 + i % 28:02d}",
            "language": "en", "text": text, "warnings": [], "metadata": {},
            "sentences": spans, "mentions": sorted(mentions, key=lambda m: m["start"]),
        })
        for k in range(8):
            s0, s1 = spans[rng.randrange(len(spans))]
            claims.append({"id": f"c{i}-{k}", "article_id": aid, "kind": "quantity",
                           "text": text[s0:s0 + 20], "span": [s0, s0 + 20], "speaker": None,
                           "via": None, "value": float(rng.randint(1, 90)), "unit": None,
                           "noun": "people", "date": None, "precision": None,
                           "sentence_span": [s0, s1]})
    for s in range(0, n_articles, per_story):
        members = [a["id"] for a in articles[s:s + per_story]]
        sid = f"story-{s}"
        stories.append({"id": sid, "title": f"Synthetic story {s // per_story + 1}",
                        "article_ids": members, "events": []})
        for f in range(0, len(members), 3):
            fam = members[f:f + 3]
            families.append({"id": f"fam-{s}-{f}", "article_ids": fam, "origin_id": fam[0]})
            src = next(a for a in articles if a["id"] == fam[0])
            for tgt_id in fam[1:]:
                tgt = next(a for a in articles if a["id"] == tgt_id)
                passages = [{"source_span": src["sentences"][j], "target_span": tgt["sentences"][j],
                             "similarity": 1.0} for j in range(3)]
                reuse.append({"source_id": fam[0], "target_id": tgt_id, "kind": "verbatim",
                              "score": 0.6, "coverage_source": 0.5, "coverage_target": 0.5,
                              "directed": True, "passages": passages})
        for k in range(40):
            picks = rng.sample(range(s, min(s + per_story, n_articles)), k=min(3, len(members)))
            cids = [f"c{p}-{rng.randrange(8)}" for p in picks]
            status = rng.choice(["conflicting", "misquoted", "single_source", "corroborated"])
            checks.append({"id": f"k{s}-{k}", "status": status, "claim_ids": cids,
                           "article_ids": [articles[p]["id"] for p in picks],
                           "independent_sources": len(picks), "summary": _sentence(rng)[:90],
                           "story_id": sid})
            timeline.append({"date": f"2025-03-{1 + k % 28:02d}", "precision": "day",
                             "summary": _sentence(rng)[:80], "claim_ids": cids[:1],
                             "article_ids": [articles[picks[0]]["id"]], "story_id": sid,
                             "conflicting": status == "conflicting"})
    entities = [{"id": f"e{j}", "name": n, "type": "PERSON", "aliases": [n.split()[-1]],
                 "article_ids": [a["id"] for a in articles[j::7]]} for j, n in enumerate(NAMES)]
    return {"schema_version": 1, "generator": "storyline bench", "settings": {},
            "articles": articles, "rejected": [], "reuse": reuse, "families": families,
            "stories": stories, "entities": entities, "claims": claims, "checks": checks,
            "timeline": timeline}


def baseline_page(report: dict) -> str:
    body = "\n".join(f"<h3>{html.escape(a['title'])}</h3><p>{html.escape(a['text'])}</p>"
                     for a in report["articles"])
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>b</title></head><body>{body}</body></html>"


LOAD_JS = ("() => { const n = performance.getEntriesByType('navigation')[0];"
           " return n.loadEventEnd - n.startTime; }")
OPEN_JS = ("() => { const d = document.querySelector('details'); const t = performance.now();"
           " if (d) d.open = true; document.body.getBoundingClientRect(); void document.body.offsetHeight;"
           " return performance.now() - t; }")


def browser_times(paths: dict[str, Path], repeats: int) -> dict[str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, list[float]]] = {k: {"load_ms": [], "open_ms": []} for k in paths}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(repeats):
            for name, path in paths.items():  # interleaved so both see the same machine load
                page = browser.new_page(viewport={"width": 1366, "height": 900})
                page.goto(path.as_uri(), wait_until="load", timeout=120_000)
                out[name]["load_ms"].append(page.evaluate(LOAD_JS))
                out[name]["open_ms"].append(page.evaluate(OPEN_JS))
                page.close()
        browser.close()
    return {k: {m: statistics.median(v) for m, v in d.items()} for k, d in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    report = synthetic_report(args.articles)
    t0 = time.perf_counter()
    page = render_html(report)
    render_s = time.perf_counter() - t0
    base = baseline_page(report)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {"report": Path(tmp) / "report.html", "baseline": Path(tmp) / "baseline.html"}
        paths["report"].write_text(page, encoding="utf-8")
        paths["baseline"].write_text(base, encoding="utf-8")
        times = browser_times(paths, args.repeats)
    text_bytes = sum(len(a["text"].encode()) for a in report["articles"])
    result = {
        "articles": args.articles, "claims": len(report["claims"]), "checks": len(report["checks"]),
        "reuse_links": len(report["reuse"]), "article_text_mb": text_bytes / 1e6,
        "report_mb": len(page.encode()) / 1e6, "baseline_mb": len(base.encode()) / 1e6,
        "render_s": render_s,
        "report_load_ms": times["report"]["load_ms"], "baseline_load_ms": times["baseline"]["load_ms"],
        "report_open_check_ms": times["report"]["open_ms"],
        "baseline_relayout_ms": times["baseline"]["open_ms"],
    }
    result["size_ratio"] = result["report_mb"] / result["baseline_mb"]
    result["load_ratio"] = result["report_load_ms"] / max(result["baseline_load_ms"], 1e-9)
    print(f"{'':24}{'report.html':>14}{'baseline':>12}{'ratio':>8}")
    print(f"{'size (MB)':24}{result['report_mb']:14.2f}{result['baseline_mb']:12.2f}"
          f"{result['size_ratio']:8.2f}")
    print(f"{'load to onload (ms)':24}{result['report_load_ms']:14.0f}"
          f"{result['baseline_load_ms']:12.0f}{result['load_ratio']:8.2f}")
    print(f"{'open one check (ms)':24}{result['report_open_check_ms']:14.1f}"
          f"{result['baseline_relayout_ms']:12.1f}")
    print(f"render_html: {render_s:.2f} s for {args.articles} articles, "
          f"{len(report['checks'])} checks, {len(report['claims'])} claims")
    out = ROOT / "benchmarks" / "results" / "report_size.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
