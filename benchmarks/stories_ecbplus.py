"""Event and topic clustering on ECB+ (dev: 462 articles, 40 events in 20 topics).

    python benchmarks/stories_ecbplus.py [--orders 5] [--seed 7] [--sweep]

Measures, in one run:

* storyline's stories stage with the DEFAULT settings (batch ``cluster_stories``): B-cubed
  precision, recall and F1 of its events against the gold events and of its stories against the
  gold topics (each ECB+ topic holds two incidents of the same kind, e.g. two earthquakes);
* the baseline: plain TF-IDF (sublinear tf, spaCy stop words removed) cosine with average-linkage
  agglomerative clustering (scipy), its one distance threshold tuned on this very set (an oracle
  advantage the defaults do not get); its best threshold and F1 for events and for topics;
* order dependence: the incremental ``EventIndex`` (no batch refinement) fed in ``--orders``
  random arrival orders, event-level F1 min / median / max, plus the canonical order;
* small one-story corpora: each topic clustered on its own (about 23 articles, two incidents of
  one kind), mean event F1 over the odd and over the even topics;
* the same figures on the odd and the even topics separately (``--sweep`` also prints the event
  F1 of a small grid of thresholds on the odd half only, the half used to check the defaults; the
  even half is held out).

ECB+ has no publication dates; the time signal comes from the dates the texts give. Annotation
(spaCy, ~1 min) is cached under ``~/.cache/storyline-bench``. Results go to
``benchmarks/results/stories_ecbplus.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB_DIR = ROOT.parent / "shared" / "data" / "ecbplus-dev"
RESULTS = ROOT / "benchmarks" / "results" / "stories_ecbplus.json"

sys.path.insert(0, str(Path(__file__).resolve().parent))
import storyeval  # noqa: E402
from storyeval import bcubed, load_corpus, score  # noqa: E402


def load_docs():
    return load_corpus(ECB_DIR, "ecbplus-dev")[0]


def load_gold() -> dict[str, tuple[str, str]]:
    return storyeval.load_gold(ECB_DIR)


def evaluate(stories, docs, gold) -> dict[str, float]:
    got = score(stories, docs, gold)
    return {k.replace("story_", "topic_"): v for k, v in got.items()}


# ---------------------------------------------------------------- baseline


def tfidf_matrix(docs):
    import numpy as np
    from spacy.lang.en.stop_words import STOP_WORDS

    counts = []
    for d in docs:
        words = [w for w in re.findall(r"\w\w+", d.text.lower()) if w not in STOP_WORDS]
        counts.append(Counter(words))
    df = Counter(w for c in counts for w in c)
    vocab = {w: i for i, w in enumerate(sorted(df))}
    n = len(docs)
    mat = np.zeros((n, len(vocab)))
    for r, c in enumerate(counts):
        for w, tf in c.items():
            mat[r, vocab[w]] = (1 + math.log(tf)) * (math.log((n + 1) / (df[w] + 1)) + 1)
    mat /= np.linalg.norm(mat, axis=1, keepdims=True) + 1e-12
    return mat


def baseline(docs, gold, subset: Sequence[int] | None = None) -> dict:
    """Average-linkage clustering on TF-IDF cosine; every threshold of a grid, best F1 kept."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    mat = tfidf_matrix(docs)
    z = linkage(pdist(mat, metric="cosine"), method="average")
    items = [d.article.external_id for d in docs]
    best = {"event": (0.0, 0.0), "topic": (0.0, 0.0)}
    for t in np.arange(0.30, 1.0, 0.01):
        labels = fcluster(z, t=t, criterion="distance")
        pred = {i: str(lab) for i, lab in zip(items, labels)}
        for level, col in (("event", 1), ("topic", 0)):
            f1 = bcubed(pred, {i: gold[i][col] for i in items})[2]
            if f1 > best[level][1]:
                best[level] = (round(float(t), 2), f1)
    return {"event_threshold": best["event"][0], "event_f1": best["event"][1],
            "topic_threshold": best["topic"][0], "topic_f1": best["topic"][1]}


def baseline_one_at_a_time(corpora: Sequence[Sequence], gold) -> dict:
    """The baseline on several small corpora with ONE threshold for all, the one with the best
    mean event F1 over them (tuned on the very corpora: an oracle advantage)."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    trees = []
    for docs in corpora:
        items = [d.article.external_id for d in docs]
        trees.append((items, linkage(pdist(tfidf_matrix(docs), metric="cosine"),
                                     method="average")))
    best = (0.0, 0.0)
    for t in np.arange(0.30, 1.0, 0.01):
        f1s = []
        for items, z in trees:
            labels = fcluster(z, t=t, criterion="distance")
            pred = {i: str(lab) for i, lab in zip(items, labels)}
            f1s.append(bcubed(pred, {i: gold[i][1] for i in items})[2])
        if statistics.mean(f1s) > best[1]:
            best = (round(float(t), 2), statistics.mean(f1s))
    return {"event_threshold": best[0], "mean_event_f1": best[1]}


# ---------------------------------------------------------------- incremental orders


def incremental(docs, settings, order) -> tuple:
    from storyline.stories import EventIndex

    index = EventIndex(settings)
    for d in order:
        index.add(d)
    return index.stories()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--orders", type=int, default=5, help="random arrival orders (default 5)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sweep", action="store_true", help="threshold grid on the odd topics")
    args = ap.parse_args(argv)

    from storyline.stories import StoriesSettings, canonical_order, cluster_stories

    docs = load_docs()
    gold = load_gold()
    settings = StoriesSettings()
    halves = {
        "all": docs,
        "odd_topics": [d for d in docs if int(gold[d.article.external_id][0]) % 2 == 1],
        "even_topics": [d for d in docs if int(gold[d.article.external_id][0]) % 2 == 0],
    }
    out: dict = {"settings": dataclasses.asdict(settings), "articles": len(docs)}
    rows = []
    for name, subset in halves.items():
        t0 = time.perf_counter()
        ours = evaluate(cluster_stories(subset, settings), subset, gold)
        ours["seconds"] = round(time.perf_counter() - t0, 2)
        base = baseline(subset, gold)
        out[name] = {"storyline": ours, "baseline": base}
        rows.append((name, ours, base))

    print(f"{'set':12} {'level':6} {'P':>6} {'R':>6} {'F1':>6}   {'baseline F1 (thr)':>18}  ratio")
    for name, ours, base in rows:
        for level in ("event", "topic"):
            print(f"{name:12} {level:6} {ours[level + '_p']:6.3f} {ours[level + '_r']:6.3f} "
                  f"{ours[level + '_f1']:6.3f}   {base[level + '_f1']:10.3f} "
                  f"({base[level + '_threshold']:.2f})"
                  f"  {ours[level + '_f1'] / base[level + '_f1']:.3f}")

    # small one-story corpora: each topic (two incidents of one kind, ~23 articles) on its own,
    # the regime of a fact-checker's first handful of reports; baseline threshold tuned per half
    per_topic: dict = {}
    for name in ("odd_topics", "even_topics"):
        topics: dict[str, list] = defaultdict(list)
        for d in halves[name]:
            topics[gold[d.article.external_id][0]].append(d)
        corpora = [ds for _, ds in sorted(topics.items())]
        ours_f1 = [evaluate(cluster_stories(ds, settings), ds, gold)["event_f1"] for ds in corpora]
        base = baseline_one_at_a_time(corpora, gold)
        per_topic[name] = {"topics": len(topics),
                           "storyline_mean_event_f1": statistics.mean(ours_f1),
                           "storyline_min_event_f1": min(ours_f1), "baseline": base}
        print(f"{name}, one topic at a time: mean event F1 {statistics.mean(ours_f1):.3f} "
              f"(min {min(ours_f1):.3f}, {len(topics)} topics); baseline, one threshold tuned "
              f"on these topics: {base['mean_event_f1']:.3f} ({base['event_threshold']:.2f})")
    out["one_topic_at_a_time"] = per_topic

    # order dependence, incremental only (no batch refinement)
    rng = random.Random(args.seed)
    canon = evaluate(incremental(docs, settings, canonical_order(docs)), docs, gold)
    f1s, tf1s = [], []
    for _ in range(args.orders):
        order = list(docs)
        rng.shuffle(order)
        r = evaluate(incremental(docs, settings, order), docs, gold)
        f1s.append(r["event_f1"])
        tf1s.append(r["topic_f1"])
    out["order_dependence"] = {
        "incremental_canonical_event_f1": canon["event_f1"],
        "incremental_canonical_topic_f1": canon["topic_f1"],
        "random_orders": args.orders,
        "event_f1": {"min": min(f1s), "median": statistics.median(f1s), "max": max(f1s)},
        "topic_f1": {"min": min(tf1s), "median": statistics.median(tf1s), "max": max(tf1s)},
    }
    print(f"\nincremental, canonical order: event F1 {canon['event_f1']:.3f}, topic F1 "
          f"{canon['topic_f1']:.3f}")
    print(f"incremental, {args.orders} random orders: event F1 min {min(f1s):.3f} median "
          f"{statistics.median(f1s):.3f} max {max(f1s):.3f}; topic F1 min {min(tf1s):.3f} "
          f"median {statistics.median(tf1s):.3f} max {max(tf1s):.3f}")

    if args.sweep:
        odd = halves["odd_topics"]
        sweep = {}
        for thr in (0.2, 0.25, 0.3, 0.35, 0.4):
            s = dataclasses.replace(settings, event_threshold=thr)
            sweep[thr] = evaluate(cluster_stories(odd, s), odd, gold)["event_f1"]
        out["sweep_odd_topics_event_threshold"] = sweep
        print("\nodd topics, event F1 by event_threshold:",
              ", ".join(f"{k}: {v:.3f}" for k, v in sweep.items()))

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
