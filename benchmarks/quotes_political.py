"""Quoted material and speakers in US political news: P/R/F1 and speaker accuracy per corpus.

Corpora (each reported on its own, never pooled):

- ``allsides``: 544 quotations in 54 articles of the public AllSides political-news collection
  of Baly et al. (2020, ``ramybaly/Article-Bias-Prediction``, Apache-2.0), labelled by hand
  for this benchmark (``benchmarks/data/quotes/allsides_political_quotes.jsonl``; guidelines in
  ``benchmarks/data/quotes/GUIDELINES.md``). Split by outlet: ``dev`` (27 articles from CNN,
  Politico, NPR, USA Today, Reuters, The Hill, Washington Times, Fox Online News, NYT) was read
  while rules were changed; ``test`` (27 articles from AP, BBC, ABC, WSJ, Breitbart, Newsmax,
  CBN, TheBlaze, CS Monitor, Fox News) is held out: no rule was changed after looking at it.
  ``dev2`` (381 quotations in 40 more articles from 17 other outlets: Guardian, Daily Caller,
  National Review, Reason, Daily Beast, Bloomberg, Axios, Slate, New York Post, CBS News, Salon,
  Vox, Daily Wire, Chicago Sun-Times, NBC News, Mother Jones, Al Jazeera; chosen by
  ``build_quotes_dev2.py``, seeded) is read like ``dev``; ``dev+dev2`` pools the two.
  ``dev3`` (270 quotations in 30 articles from 20 more outlets: Townhall, The Atlantic, Vanity
  Fair, BuzzFeed News, Business Insider, Epoch Times, Daily Kos, CNBC, Time, MarketWatch, The
  Week, IJR, MSNBC, IBT, Media Matters, ThinkProgress, Free Beacon, Vice, SF Chronicle, Raw
  Story; ``build_quotes_dev2.py --split dev3``, seeded) is read like ``dev``, so rules are chosen
  on more outlets; ``dev+dev2+dev3`` pools the three.
  ``dev4`` (182 passages, 135 scored, in 20 articles of 12 outlets no other split has labelled, none a test
  outlet: The Hill, Yahoo News / The 360, NBCNews.com, InfoWars, New York Magazine, Media
  Research Center, American Spectator, Washington Post, New York Post, NYT online, The
  Intercept; ``build_quotes_dev2.py --split dev4``, seeded) is read like ``dev``;
  ``dev+dev2+dev3+dev4`` pools the four.
  The article texts are not committed (news text under its publishers' copyright): they are read
  from a fetched snapshot of that repository, ``$STORYLINE_ALLSIDES_REPO`` or
  ``/work/.mirror/ramybaly+Article-Bias-Prediction/repo``; the script says so and skips the
  corpus when it is absent. Text = title + blank line + ``content_original``.
- ``ecbplus``: the 220 ECB+ quotations of ``quotes_attribution.py`` (dev / test).

Scored units, as in the issue: *quoted material* = gold quotations of kind ``direct`` or
``fragment`` (mixed quotes) with 4+ words, against predicted quotations of attribution
``direct`` / ``fragment`` with 4+ words; matched one-to-one when the spans overlap by at least
``MIN_OVERLAP`` of the longer. *Speaker accuracy* = share of matched quotations whose gold
speaker is named (not ``null``) where the predicted speaker shares the name
(``quotes_attribution.same_name``: "Warren" ~ "Elizabeth Warren").

Baseline in the same run: regex double-quote pairs + nearest PERSON in the sentence
(``quotes_attribution.baseline_predict``), same filters.

    python benchmarks/quotes_political.py             # every corpus and split
    python benchmarks/quotes_political.py --corpus allsides --split dev
    python benchmarks/quotes_political.py --corpus allsides --split dev+dev2 --misses
    python benchmarks/quotes_political.py --split dev-all   # every dev split, ECB+ dev, no test
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "data" / "quotes" / "allsides_political_quotes.jsonl"
RESULTS = ROOT / "benchmarks" / "results" / "quotes_political.json"
SNAPSHOT = Path(os.environ.get("STORYLINE_ALLSIDES_REPO",
                               "/work/.mirror/ramybaly+Article-Bias-Prediction/repo"))
MIN_WORDS = 4
SCORED = ("direct", "fragment")

_spec = importlib.util.spec_from_file_location("quotes_attribution",
                                              ROOT / "benchmarks" / "quotes_attribution.py")
assert _spec and _spec.loader
qa = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qa)

Pred = tuple[tuple[int, int], str | None, str | None]


def load_allsides_labels(split: str | None = None) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if split is None or rec["split"] == split:
                out.setdefault(rec["article"], []).append(rec)
    return out


def allsides_texts(ids: list[str], repo: Path = SNAPSHOT) -> dict[str, dict[str, Any]]:
    """``{id: record}`` read from the snapshot's ``data/jsons/<id>.json``; FileNotFoundError
    naming the path when the snapshot is absent."""
    if not (repo / "HEAD").exists() and not (repo / ".git").exists():
        raise FileNotFoundError(f"AllSides snapshot not found at {repo} "
                                "(set STORYLINE_ALLSIDES_REPO)")
    query = "".join(f"HEAD:data/jsons/{i}.json\n" for i in ids).encode()
    out = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"], input=query,
                         capture_output=True, check=True).stdout
    recs: dict[str, dict[str, Any]] = {}
    pos = 0
    for i in ids:
        nl = out.index(b"\n", pos)
        header = out[pos:nl].split()
        if header[-1] == b"missing":
            raise FileNotFoundError(f"{repo}: data/jsons/{i}.json missing")
        size = int(header[2])
        recs[i] = json.loads(out[nl + 1 : nl + 1 + size])
        pos = nl + 1 + size + 1
    return recs


def allsides_text(rec: dict[str, Any]) -> str:
    return rec["title"].strip() + "\n\n" + rec["content_original"].strip()


def _documents(texts: dict[str, str], source: str) -> dict:
    from storyline.annotate import AnnotateSettings, annotate, load_pipeline
    from storyline.models import Article, Document, content_id

    ids = sorted(texts)
    arts = [Article(id=content_id(texts[i]), text=texts[i], source=f"{source}/{i}",
                    external_id=i) for i in ids]
    anns = annotate(arts, AnnotateSettings(), load_pipeline())
    return {a.external_id: Document(a, n) for a, n in zip(arts, anns)}


def _long(text: str, span: tuple[int, int]) -> bool:
    return len(text[span[0] : span[1]].split()) >= MIN_WORDS


def storyline_predict(doc, settings) -> list[Pred]:
    from storyline.claims.quotes import extract_quotes

    return [(c.span, c.speaker, c.via) for c in extract_quotes(doc, settings)
            if c.attribution in SCORED and _long(doc.text, c.span)]


def baseline_predict(doc, settings=None) -> list[Pred]:
    return [p for p in qa.baseline_predict(doc, settings) if _long(doc.text, p[0])]


def score(gold: list[tuple[tuple[int, int], str | None]], pred: list[Pred]) -> dict[str, int]:
    pairs = sorted(((qa.overlap(g[0], p[0]), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    c = {"gold": len(gold), "pred": len(pred), "matched": 0, "named": 0, "speaker_ok": 0}
    for ov, gi, pi in pairs:
        if ov < qa.MIN_OVERLAP or gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        c["matched"] += 1
        if gold[gi][1]:
            c["named"] += 1
            c["speaker_ok"] += qa.same_name(gold[gi][1], pred[pi][1])
    return c


def summarise(counts: list[dict[str, int]]) -> dict[str, float]:
    tot = {k: sum(c[k] for c in counts) for k in ("gold", "pred", "matched", "named",
                                                  "speaker_ok")}
    p = tot["matched"] / max(tot["pred"], 1)
    r = tot["matched"] / max(tot["gold"], 1)
    return {**tot, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "speaker_accuracy": round(tot["speaker_ok"] / max(tot["named"], 1), 4)}


def gold_allsides(doc, labels: list[dict]) -> list[tuple[tuple[int, int], str | None]]:
    out = []
    for lab in labels:
        if doc.text[lab["start"] : lab["end"]] != lab["quote"]:
            raise ValueError(f"{lab['article']}: label does not match the text at "
                             f"{lab['start']}: {lab['quote'][:50]!r}")
        if lab["kind"] in SCORED and len(lab["quote"].split()) >= MIN_WORDS:
            out.append(((lab["start"], lab["end"]), lab["speaker"]))
    return out


def gold_ecb(doc, labels: list[dict]) -> list[tuple[tuple[int, int], str | None]]:
    return [(span, lab["speaker"]) for span, lab in qa.gold_spans(doc, labels)
            if lab["kind"] in SCORED and len(lab["quote"].split()) >= MIN_WORDS]


def evaluate(docs: dict, labels: dict[str, list[dict]], gold_fn, predict, settings,
             misses: list | None = None) -> dict[str, float]:
    counts = []
    for art, labs in sorted(labels.items()):
        doc = docs[art]
        gold, pred = gold_fn(doc, labs), predict(doc, settings)
        counts.append(score(gold, pred))
        if misses is not None:
            misses.append((art, doc, gold, pred))
    return summarise(counts)


def corpora(which: str) -> dict[str, tuple[dict, dict[str, dict[str, list[dict]]], Any]]:
    """``{name: (docs, {split: labels}, gold_fn)}``; corpora whose text is absent are skipped
    with a message on stderr."""
    out: dict[str, tuple[dict, dict[str, dict[str, list[dict]]], Any]] = {}
    if which in ("all", "allsides"):
        labels = load_allsides_labels()
        try:
            recs = allsides_texts(sorted(labels))
        except (FileNotFoundError, subprocess.CalledProcessError) as exc:
            print(f"skipping allsides: {exc}", file=sys.stderr)
        else:
            docs = _documents({i: allsides_text(r) for i, r in recs.items()}, "allsides")
            splits = {s: load_allsides_labels(s) for s in ("dev", "dev2", "dev3", "dev4", "test")}
            out["allsides"] = (docs, {"dev": splits["dev"], "dev2": splits["dev2"],
                                      "dev+dev2": {**splits["dev"], **splits["dev2"]},
                                      "dev3": splits["dev3"],
                                      "dev+dev2+dev3": {**splits["dev"], **splits["dev2"],
                                                        **splits["dev3"]},
                                      "dev4": splits["dev4"],
                                      "dev+dev2+dev3+dev4": {**splits["dev"], **splits["dev2"],
                                                             **splits["dev3"], **splits["dev4"]},
                                      "test": splits["test"]}, gold_allsides)
    if which in ("all", "ecbplus"):
        if not qa.ECB.exists():
            print(f"skipping ecbplus: {qa.ECB} not found", file=sys.stderr)
        else:
            every = qa.load_labels()
            docs = qa._docs(sorted(every))
            out["ecbplus"] = (docs, {s: qa.load_labels(split=s) for s in ("dev", "test")},
                              gold_ecb)
    return out


def main(argv: list[str] | None = None) -> int:
    from storyline.claims.settings import ClaimsSettings

    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--corpus", choices=("all", "allsides", "ecbplus"), default="all")
    ap.add_argument("--split", choices=("dev", "dev2", "dev+dev2", "dev3", "dev+dev2+dev3",
                                        "dev4", "dev+dev2+dev3+dev4", "test", "dev-all", "all"),
                    default="all")
    ap.add_argument("--misses", action="store_true", help="print unmatched and wrong speakers")
    args = ap.parse_args(argv)
    settings = ClaimsSettings()
    t0 = time.perf_counter()
    out: dict[str, Any] = {"min_words": MIN_WORDS, "min_overlap": qa.MIN_OVERLAP}
    rows = ("precision", "recall", "f1", "speaker_accuracy")
    for name, (docs, by_split, gold_fn) in corpora(args.corpus).items():
        for split, labels in by_split.items():
            if args.split not in ("all", split) and not (args.split == "dev-all"
                                                         and split != "test"):
                continue
            misses: list = []
            ours = evaluate(docs, labels, gold_fn, storyline_predict, settings, misses)
            base = evaluate(docs, labels, gold_fn, baseline_predict, settings)
            print(f"\n[{name} {split}] {len(labels)} articles, {ours['gold']} quotations "
                  f"(4+ words, direct/mixed), {ours['named']} matched with a named speaker")
            print(f"{'metric':<18}{'storyline':>11}{'baseline':>10}")
            for k in rows:
                print(f"{k:<18}{ours[k]:>11.3f}{base[k]:>10.3f}")
            out[f"{name}/{split}"] = {"articles": len(labels), "storyline": ours,
                                      "baseline_regex_nearest_person": base}
            if args.misses:
                _print_misses(misses)
    print(f"\n{time.perf_counter() - t0:.0f}s")
    if args.corpus == "all" and args.split == "all":
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


def _print_misses(misses: list) -> None:
    for art, doc, gold, pred in misses:
        for span, spk in gold:
            best = max(pred, key=lambda p: qa.overlap(span, p[0]), default=None)
            ov = qa.overlap(span, best[0]) if best else 0.0
            if ov < qa.MIN_OVERLAP:
                print(f"  MISS {art} {doc.text[span[0]:span[1]][:70]!r} ({spk})"
                      + (f" ~ {doc.text[best[0][0]:best[0][1]][:40]!r}" if ov else ""))
            elif spk and best and not qa.same_name(spk, best[1]):
                print(f"  SPKR {art} {doc.text[span[0]:span[1]][:50]!r} gold={spk!r} "
                      f"pred={best[1]!r}")
        for p in pred:
            if all(qa.overlap(g[0], p[0]) < qa.MIN_OVERLAP for g in gold):
                print(f"  EXTRA {art} {doc.text[p[0][0]:p[0][1]][:70]!r} ({p[1]})")


if __name__ == "__main__":
    sys.exit(main())
