"""Quality of reuse detection on a labelled set made from real ECB+ text.

    python benchmarks/reuse_quality.py [--pairs 120] [--semantic off|auto] [--ecb-cache FILE]

The corpus is the 462 ECB+ dev articles plus the texts derived from them by known
transformations (see ``benchmarks/reuse_labelled.py``). Reported: recall of the planted pairs,
accuracy of the kind and of the direction (and how many planted pairs were directed the wrong way;
``direction_without_containment``: the same links with the directions that rest on containment
alone left undirected, to weigh that rule), the precision of links that touch a derived text, and
the link rate of pairs of ECB+ articles about the same event (independent reports, barring real
newswire reuse). The baseline in the same run is a plain MinHash Jaccard estimate over 5-word
shingles at 0.5 (datasketch-style near-duplicate detection), which is what the stage adds to.
Then real texts by level (``benchmarks/reuse_levels.py``: human rewrites of Guardian articles at two
levels from OneStopEnglish, read from their Windows-1252, PDF-wrapped files; BBC extractive
summaries as given and hard-wrapped; articles on the nearest topic or of the same section as
negatives) beside word 3-gram containment with its threshold tuned on the ECB+ labelled pairs. Writes
``benchmarks/results/reuse_quality.json``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev"


def load_ecb(cache: Path | None, nlp):
    from storyline.annotate import AnnotateSettings, annotate
    from storyline.models import Article, Document, content_id

    arts = []
    for line in (ECB / "articles.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        text = rec["text"].strip()
        arts.append(Article(id=content_id(text), text=text, source=f"ecbplus-dev/{rec['id']}",
                            external_id=rec["id"]))
    if cache and cache.exists():
        docs = pickle.loads(cache.read_bytes())
        if [d.id for d in docs] == [a.id for a in arts]:
            return docs
    docs = [Document(a, n) for a, n in zip(arts, annotate(arts, AnnotateSettings(), nlp()))]
    if cache:
        cache.write_bytes(pickle.dumps(docs))
    return docs


def build(ecb_docs, pairs, nlp):
    """Annotated Documents of the corpus and ``key_of`` (article id -> key)."""
    from storyline.annotate import AnnotateSettings, annotate
    from storyline.models import Article, Document, content_id

    key_of = {d.id: d.article.external_id for d in ecb_docs}
    new = []
    for p in pairs:
        new.append((p.derived_key, p.derived_text))
        if p.source_text is not None:
            new.append((p.source_key, p.source_text))
    outlets = {p.source_key: p.source_outlet for p in pairs if p.source_outlet}
    arts = [Article(id=content_id(t), text=t, source=k, outlet=outlets.get(k)) for k, t in new]
    docs = [Document(a, n) for a, n in zip(arts, annotate(arts, AnnotateSettings(), nlp()))]
    key_of.update({a.id: k for a, (k, _) in zip(arts, new)})
    return list(ecb_docs) + docs, key_of


def baseline_links(docs, threshold: float = 0.5):
    """Near-duplicate baseline: estimated Jaccard of 5-word shingle sets >= threshold."""
    import numpy as np

    from storyline.models import ReuseLink
    from storyline.reuse.minhash import shingles, signatures
    from storyline.reuse.text import word_hash, words

    sets = [shingles(np.array([word_hash(w) for w in words(d.text)], dtype=np.uint64), 5)
            for d in docs]
    sig = signatures(sets, 128)
    sim = (sig[:, None, :] == sig[None, :, :]).mean(axis=2)
    links = []
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if sim[i, j] >= threshold:
                links.append(ReuseLink(docs[i].id, docs[j].id, "verbatim", float(sim[i, j]),
                                       0.0, 0.0, False))
    return links


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=120)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--semantic", default="off", choices=("off", "auto", "on"))
    ap.add_argument("--ecb-cache", type=Path, default=None)
    ap.add_argument("--no-levels", action="store_true",
                    help="skip the real-text levels (benchmarks/reuse_levels.py)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "reuse_quality.json")
    args = ap.parse_args(argv)

    from functools import lru_cache

    from reuse_labelled import evaluate, make_pairs  # benchmarks/, beside this script

    from storyline.annotate import load_pipeline
    from storyline.reuse import ReuseSettings, find_reuse

    nlp = lru_cache(maxsize=1)(load_pipeline)
    ecb_docs = load_ecb(args.ecb_cache, nlp)
    gold = {}
    for line in (ECB / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        art, _topic, event = line.split("\t")
        gold[art] = event
    pairs = make_pairs([(d.article.external_id, d.text) for d in ecb_docs], args.pairs, args.seed)
    docs, key_of = build(ecb_docs, pairs, nlp)

    settings = ReuseSettings(semantic=args.semantic)
    t0 = time.perf_counter()
    result = find_reuse(docs, settings)
    elapsed = time.perf_counter() - t0
    ours = evaluate(result.links, key_of, pairs, gold)
    base = evaluate(baseline_links(docs), key_of, pairs, gold)
    from dataclasses import replace

    no_containment = evaluate(
        [replace(x, directed=False) if x.basis in ("trimmed", "expanded") else x
         for x in result.links], key_of, pairs, gold)
    by_basis: dict[str, int] = {}
    for x in result.links:
        if x.directed:
            by_basis[x.basis] = by_basis.get(x.basis, 0) + 1

    print(f"{len(docs)} articles, {len(pairs)} planted pairs, reuse stage {elapsed:.1f} s")
    print(f"{'transform':<12}{'pairs':>6}{'recall':>8}{'kind ok':>9}{'dir ok':>8}{'baseline':>10}")
    for t, row in ours["per_transform"].items():
        b = base["per_transform"][t]
        d = f"{row['direction_ok']}/{row['directed_expected']}" if row["directed_expected"] else "-"
        print(f"{t:<12}{row['pairs']:>6}{row['linked'] / row['pairs']:>8.2f}"
              f"{row['kind_ok'] / max(1, row['linked']):>9.2f}{d:>8}"
              f"{b['linked'] / b['pairs']:>10.2f}")
    for name, res in (("storyline", ours), ("minhash>=0.5", base)):
        print(f"{name:<14} recall {res['recall']:.3f}  kind acc {res['kind_accuracy']:.3f}  "
              f"precision(new texts) {res['precision_new_texts']:.3f} "
              f"({res['links_new_texts']} links; to other events "
              f"{res['new_text_links_to_other_events']})  same-event link rate "
              f"{res['same_event_linked']}/{res['same_event_pairs']} = "
              f"{res['same_event_link_rate']:.3f}  other-event ECB+ links "
              f"{res['different_event_ecb_links']}")
    for name, res in (("with containment rule", ours), ("containment alone undirected",
                                                         no_containment)):
        print(f"direction, {name}: {res['direction_accuracy']:.3f} right, "
              f"{res['direction_wrong']} wrong of "
              f"{sum(r['directed_expected'] for r in res['per_transform'].values())} linked")
    print(f"directed links by basis: {by_basis}")
    levels = None
    if not args.no_levels:
        from reuse_levels import evaluate as evaluate_levels
        from reuse_levels import print_table

        levels = evaluate_levels(semantic=args.semantic)
        print_table(levels)
    out = {"command": "python benchmarks/reuse_quality.py " + " ".join(argv or sys.argv[1:]),
           "direction_without_containment": {
               k: no_containment[k] for k in ("direction_accuracy", "direction_wrong")},
           "directed_links_by_basis": dict(sorted(by_basis.items())),
           "articles": len(docs), "pairs": len(pairs), "seconds": round(elapsed, 2),
           "settings": {"semantic": args.semantic}, "storyline": ours, "baseline_minhash": base,
           "levels": levels}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n")
    return out


if __name__ == "__main__":
    main()
