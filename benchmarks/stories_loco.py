"""Events and stories on several real corpora, leave one corpus out.

    python benchmarks/stories_loco.py [--corpora ecbplus-dev meantime newswcl50] [--grid]
                                      [--orders 10] [--seed 7]

Corpora (each with gold events and topics; build the extra ones with
``benchmarks/stories_corpora.py``): ECB+ dev (``../shared/data/ecbplus-dev``, 462 articles, two
incidents of one kind per topic, no dates), MEANTIME English (120 Wikinews articles, every article
its own incident, 30 of one kind per corpus, dated) and NewsWCL50 (50 articles, 10 events x 5
outlets from far left to far right, dated from the URL). A corpus that is absent is skipped
(``../shared`` is found beside the project root, or where ``STORYLINE_SHARED`` points).

For every corpus C (held out), in one run:

* storyline with the DEFAULT settings: event and story (topic) B-cubed P/R/F1;
* with ``--grid``: for each setting of ``GRID`` (one at a time, the others at their defaults), the
  value chosen on the OTHER corpora (best mean event F1 over them), reported on C, so that no
  figure of C comes from a setting chosen on C; and beside it the value chosen only on the
  other corpora where the setting moves both event precision and recall (``trades``; none: the
  default). A corpus on which a setting can move only one error cannot choose it: there F1
  rewards the grid's end. Both figures are printed; the strict one is what the gate and the
  done-when read;
* storyline's story F1 with each gold topic clustered alone (a corpus of one story), mean and
  min over the topics: a rule that tells stories apart by what the whole corpus shares must not
  split the one story of a small corpus;
* the baseline: plain TF-IDF cosine + average linkage (scipy), its one distance threshold tuned
  on the OTHER corpora (best mean event F1 over them; for stories, best mean topic F1), then
  applied to C. Also its oracle threshold tuned on C itself (an upper bound the others cannot use).

Incremental (``--orders N``, default 10): the events ``storyline ingest`` persists
(:func:`storyline.stories.stored.add_incrementally`, the index saved to JSON and reloaded between
ingests) when the corpus is ingested in ONE batch, against ingesting it in ten batches in each of
N random orders: agreement (B-cubed F1 of one partition against the other, min / median), and
event F1 against gold of the one-batch ingest and of the random-order ones.

Missing dates (``--drop-dates 0.1 0.25 0.5``, ``--drop-seeds N``): real crawls lose the
publication date of some pages. For each fraction, that share of the articles (chosen at random,
N seeds) loses its date; event F1 of the default settings, mean and min over the seeds. Only
corpora with dates say anything here (ECB+ has none).

Results go to ``benchmarks/results/stories_loco.json``. Annotation is cached under
``~/.cache/storyline-bench`` (about a minute per corpus on first use).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import storyeval
from stories_ecbplus import tfidf_matrix
from storyeval import bcubed, score

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "stories_loco.json"
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
CORPORA = {
    "ecbplus-dev": SHARED / "data" / "ecbplus-dev",
    "meantime": ROOT / "benchmarks" / "data" / "stories" / "meantime",
    "newswcl50": ROOT / "benchmarks" / "data" / "stories" / "newswcl50",
}
THRESHOLDS = [round(0.30 + 0.01 * i, 2) for i in range(70)]
GRID = {  # one setting at a time, the others at their defaults
    "event_threshold": (0.08, 0.10, 0.12, 0.14, 0.16, 0.20),
    "entity_weight": (0.5, 0.6, 0.7, 0.75, 0.85),
    "published_scale_days": (0.5, 1.0, 1.5, 3.0, 10.0),
}


def available(names: Sequence[str] = tuple(CORPORA)) -> list[str]:
    return [n for n in names if (CORPORA[n] / "articles.jsonl").is_file()]


def load_corpus(name: str) -> tuple[list, dict[str, tuple[str, str]]]:
    """(documents, gold) of one corpus; ``gold[external id] = (topic, event)``."""
    return storyeval.load_corpus(CORPORA[name], name)


def baseline_curves(docs, gold) -> dict[str, list[tuple[float, float, float]]]:
    """Event and topic B-cubed (P, R, F1) of the TF-IDF average-link baseline at every threshold
    of ``THRESHOLDS``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    z = linkage(pdist(tfidf_matrix(docs), metric="cosine"), method="average")
    items = [d.article.external_id for d in docs]
    out: dict[str, list] = {"event": [], "story": []}
    for t in THRESHOLDS:
        pred = {i: str(lab) for i, lab in zip(items, fcluster(z, t=t, criterion="distance"))}
        out["event"].append(bcubed(pred, {i: gold[i][1] for i in items}))
        out["story"].append(bcubed(pred, {i: gold[i][0] for i in items}))
    return out


def best_index(curves: Sequence[Sequence[tuple[float, float, float]]]) -> int:
    """Index of the threshold with the best mean F1 over several corpora (ties: the first)."""
    means = [statistics.mean(c[i][2] for c in curves) for i in range(len(THRESHOLDS))]
    return max(range(len(means)), key=lambda i: (round(means[i], 9), -i))


def choose(res: dict[float, dict[str, float]], on: Sequence[str], default_v: float) -> float:
    """The value of a setting with the best mean event F1 over the corpora ``on`` (ties: the
    default, then the smaller)."""
    return max(res, key=lambda x: (round(statistics.mean(res[x][o] for o in on), 9),
                                   x == default_v, -x))


def trades(pr) -> bool:
    """Whether a setting moves both event precision and recall on a corpus over its grid: only
    then can the corpus choose between splitting and merging. On a corpus whose gold has no
    event of two articles (MEANTIME: every article its own incident) recall is 1 whatever the
    setting, so F1 rewards the value that splits most, the end of the grid; on a corpus without
    publication dates (ECB+) ``published_scale_days`` changes nothing."""
    ps, rs = zip(*pr)
    return max(ps) - min(ps) > 1e-9 and max(rs) - min(rs) > 1e-9


def ingested(docs, settings, batches: Sequence[Sequence]) -> dict[str, str]:
    """``{external id: event key}`` after ingesting ``batches`` one after the other, the index
    round-tripped through its JSON state between ingests (as the store keeps it)."""
    from storyline.stories import EventIndex
    from storyline.stories.stored import add_incrementally

    by_id = {d.id: d for d in docs}
    index = EventIndex(settings)
    for batch in batches:
        add_incrementally(index, batch, lambda ids: [by_id[i] for i in ids])
        index = EventIndex.from_state(json.loads(json.dumps(index.to_state())), settings)
    return {d.article.external_id: index.docs[d.id][0] for d in docs}


def incremental_agreement(docs, gold, settings, orders: int, seed: int) -> dict:
    import random

    one = ingested(docs, settings, [docs])
    rng = random.Random(seed)
    agree, f1s = [], []
    for _ in range(orders):
        order = list(docs)
        rng.shuffle(order)
        k = max(1, -(-len(order) // 10))
        part = ingested(docs, settings, [order[i:i + k] for i in range(0, len(order), k)])
        agree.append(bcubed(part, one)[2])
        f1s.append(bcubed(part, {i: gold[i][1] for i in one})[2])
    return {"one_batch_event_f1": bcubed(one, {i: gold[i][1] for i in one})[2],
            "orders": orders, "agreement_min": min(agree),
            "agreement_median": statistics.median(agree),
            "ten_batches_event_f1_min": min(f1s),
            "ten_batches_event_f1_median": statistics.median(f1s)}


def dropped_dates(docs, gold, settings, fractions: Sequence[float], seeds: int) -> dict:
    """Event F1 with a random share of the articles stripped of their publication date."""
    import random

    from storyline.stories import cluster_stories

    out = {}
    for frac in fractions:
        f1s = []
        for seed in range(seeds):
            rng = random.Random(seed)
            part = [dataclasses.replace(d, article=dataclasses.replace(d.article, published=None))
                    if rng.random() < frac else d for d in docs]
            f1s.append(score(cluster_stories(part, settings), part, gold)["event_f1"])
        out[str(frac)] = {"seeds": seeds, "event_f1_mean": statistics.mean(f1s),
                          "event_f1_min": min(f1s)}
    return out


def per_topic(docs, gold, settings) -> dict:
    """Story F1 with each gold topic clustered alone, as a corpus of one story (what a user
    who collected the reports of one story gives storyline): mean and min over the topics."""
    from storyline.stories import cluster_stories

    f1s = []
    for topic in sorted({gold[d.article.external_id][0] for d in docs}):
        part = [d for d in docs if gold[d.article.external_id][0] == topic]
        f1s.append(score(cluster_stories(part, settings), part, gold)["story_f1"])
    return {"topics": len(f1s), "story_f1_mean": statistics.mean(f1s), "story_f1_min": min(f1s)}


def run(names: Sequence[str], grid: bool = False, orders: int = 0, seed: int = 7,
        drop: Sequence[float] = (), drop_seeds: int = 12) -> dict:
    from storyline.stories import StoriesSettings, cluster_stories

    data = {n: load_corpus(n) for n in names}
    curves = {n: baseline_curves(*data[n]) for n in names}
    default = StoriesSettings()
    ours = {n: score(cluster_stories(data[n][0], default), *data[n]) for n in names}
    sweep: dict[str, dict[float, dict[str, float]]] = {}
    moves: dict[str, dict[str, bool]] = {}  # setting -> corpus -> it trades P against R there
    if grid:
        for setting, values in GRID.items():
            sweep[setting], pr = {}, {}
            for v in values:
                s = dataclasses.replace(default, **{setting: v})
                res = {n: score(cluster_stories(data[n][0], s), *data[n]) for n in names}
                sweep[setting][v] = {n: r["event_f1"] for n, r in res.items()}
                pr[v] = {n: (r["event_p"], r["event_r"]) for n, r in res.items()}
            moves[setting] = {n: trades(pr[v][n] for v in values) for n in names}
    out: dict = {"settings": dataclasses.asdict(default), "corpora": {}}
    for n in names:
        others = [o for o in names if o != n]
        row: dict = {"articles": len(data[n][0]), "storyline": ours[n],
                     "per_topic": per_topic(*data[n], default)}
        for level in ("event", "story"):
            oracle = best_index([curves[n][level]])
            row[f"baseline_{level}_oracle"] = {"threshold": THRESHOLDS[oracle],
                                               "f1": curves[n][level][oracle][2]}
            if others:
                i = best_index([curves[o][level] for o in others])
                p, r, f = curves[n][level][i]
                row[f"baseline_{level}"] = {"threshold": THRESHOLDS[i], "tuned_on": others,
                                            "p": p, "r": r, "f1": f}
        if grid and others:
            row["storyline_loco"], row["storyline_loco_informed"] = {}, {}
            for setting, res in sweep.items():
                default_v = getattr(default, setting)
                v = choose(res, others, default_v)
                row["storyline_loco"][setting] = {"value": v, "event_f1": res[v][n],
                                                  "chosen_on": others}
                informed = [o for o in others if moves[setting][o]]
                v = choose(res, informed, default_v) if informed else default_v
                row["storyline_loco_informed"][setting] = {"value": v, "event_f1": res[v][n],
                                                           "chosen_on": informed}
        if orders:
            row["incremental"] = incremental_agreement(*data[n], default, orders, seed)
        if drop:
            row["dropped_dates"] = dropped_dates(*data[n], default, drop, drop_seeds)
        out["corpora"][n] = row
    if grid:
        out["event_f1_sweep"] = {k: {str(v): r for v, r in res.items()} for k, res in sweep.items()}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", nargs="*", default=list(CORPORA))
    ap.add_argument("--grid", action="store_true",
                    help="also choose event_threshold on the other corpora")
    ap.add_argument("--orders", type=int, default=10,
                    help="random orders of ten ingests each (0: skip the incremental figures)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--drop-dates", type=float, nargs="*", default=[],
                    help="shares of articles to strip of their publication date")
    ap.add_argument("--drop-seeds", type=int, default=12)
    args = ap.parse_args(argv)
    names = available(args.corpora)
    missing = sorted(set(args.corpora) - set(names))
    if missing:
        print(f"skipped (absent; see benchmarks/stories_corpora.py): {', '.join(missing)}")
    out = run(names, grid=args.grid, orders=args.orders, seed=args.seed, drop=args.drop_dates,
              drop_seeds=args.drop_seeds)
    print(f"{'corpus':12} {'level':6} {'P':>6} {'R':>6} {'F1':>6} | baseline (thr tuned on "
          f"others) {'P':>6} {'R':>6} {'F1':>6} | oracle F1")
    for n, row in out["corpora"].items():
        for level in ("event", "story"):
            o = row["storyline"]
            b = row.get(f"baseline_{level}", {})
            orc = row[f"baseline_{level}_oracle"]
            bs = (f"{b['threshold']:.2f} {b['p']:6.3f} {b['r']:6.3f} {b['f1']:6.3f}" if b
                  else "   -")
            print(f"{n:12} {level:6} {o[level + '_p']:6.3f} {o[level + '_r']:6.3f} "
                  f"{o[level + '_f1']:6.3f} | {bs:>38} | {orc['f1']:.3f} ({orc['threshold']:.2f})")
        pt = row["per_topic"]
        print(f"{'':12} each of {pt['topics']} topics alone: story F1 mean "
              f"{pt['story_f1_mean']:.3f} min {pt['story_f1_min']:.3f}")
        if "incremental" in row:
            inc = row["incremental"]
            print(f"{'':12} ingest: one batch event F1 {inc['one_batch_event_f1']:.3f}; ten "
                  f"batches x {inc['orders']} random orders: agreement with one batch min "
                  f"{inc['agreement_min']:.3f} median {inc['agreement_median']:.3f}, event F1 min "
                  f"{inc['ten_batches_event_f1_min']:.3f} median "
                  f"{inc['ten_batches_event_f1_median']:.3f}")
        for frac, res in row.get("dropped_dates", {}).items():
            print(f"{'':12} {float(frac):.0%} of dates dropped ({res['seeds']} seeds): event F1 "
                  f"mean {res['event_f1_mean']:.3f} min {res['event_f1_min']:.3f}")
        for setting, lo in row.get("storyline_loco", {}).items():
            inf = row["storyline_loco_informed"][setting]
            on = ", ".join(inf["chosen_on"]) or "none: the default"
            print(f"{'':12} {setting} {lo['value']} chosen on the others: "
                  f"event F1 {lo['event_f1']:.3f}; on those where it trades P and R ({on}): "
                  f"{inf['value']}, event F1 {inf['event_f1']:.3f}")
    out["command"] = "python benchmarks/stories_loco.py " + " ".join(argv or sys.argv[1:])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
