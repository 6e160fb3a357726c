"""Reuse and stories on Spark (local mode) against the local engine, on generated corpora.

    python benchmarks/spark_scale.py --n 1000 2000 --seed 0
    # -> benchmarks/results/spark_scale.json and a table on stdout

For each size: a generated corpus (``gencorpus.py``, planted reuse and events), annotated once by
composing annotated templates (``composed_annotation.py``: this measures storyline, not spaCy),
then in the same process and on the same documents:

* local engine: :func:`storyline.reuse.find_reuse`, then :func:`storyline.stories.cluster_index`
  with the families (what ``storyline analyze`` runs for these two stages);
* Spark engine (``local[2]``, 2 shuffle partitions per core): :func:`storyline.engine.reuse.
  find_reuse` on an RDD of the documents, then each article's story features on the executors
  and the clustering on the driver (:mod:`storyline.engine.spark`).

Recorded: wall time of each; peak memory (the local engine: this process's high-water mark for
the stage; Spark: the peak summed resident memory of this process and its process tree, the JVM
and the Python workers, sampled every 0.2 s); whether both give the same links, families and
stories; recall of the planted reuse pairs and links across derivation trees
(:func:`pipeline_scale.quality`). Timings on a shared machine are noisy: compare the ratio of the
two engines in the same run, never absolute times across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (MB), from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total / 1e6


class PeakSampler:
    """The peak of :func:`_tree_rss_mb` of this process while in the ``with`` block."""

    def __init__(self, every: float = 0.2):
        self.every, self.peak, self._stop = every, 0.0, threading.Event()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_mb(os.getpid()))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def documents(n: int, seed: int, work: Path):
    """The generated corpus as stored documents (read by the ingest, composed annotation)."""
    import composed_annotation as ca
    import gencorpus

    from storyline.annotate import annotate
    from storyline.ingest import read_inputs
    from storyline.models import Article, Document
    from storyline.settings import Settings

    arts = gencorpus.generate(n, seed)
    jsonl, truth = gencorpus.write(arts, work / f"gen{n}")
    settings = Settings()
    articles = [a for a in read_inputs([str(jsonl)], settings.ingest) if isinstance(a, Article)]
    cp = ca.ComposedPipeline(ca.load_nlp(), arts, cache=ca.save_cache_path(ROOT))
    anns = list(annotate(articles, settings.annotate, nlp=cp))
    cp.release()
    return [Document(a, x) for a, x in zip(articles, anns)], truth


def run_local(docs, settings) -> tuple[dict[str, Any], Any]:
    from pipeline_scale import _hwm_mb, _hwm_reset

    from storyline.reuse import find_reuse
    from storyline.stories import cluster_index

    _hwm_reset()
    t = time.perf_counter()
    result = find_reuse(docs, settings.reuse)
    t_reuse = time.perf_counter() - t
    t = time.perf_counter()
    stories = cluster_index(docs, settings.stories, families=result.families).stories()
    t_stories = time.perf_counter() - t
    return ({"reuse_s": t_reuse, "stories_s": t_stories, "peak_mb": _hwm_mb()},
            (result.links, result.families, stories))


def run_spark(spark, docs, settings) -> tuple[dict[str, Any], Any]:
    from storyline.engine import reuse as spark_reuse
    from storyline.engine.spark import _story_features
    from storyline.stories import cluster_features

    sc = spark.sparkContext
    rdd = sc.parallelize([(d.id, d) for d in docs], sc.defaultParallelism).persist()
    rdd.count()
    with PeakSampler() as peak:
        t = time.perf_counter()
        links, families = spark_reuse.find_reuse(spark, rdd, len(docs), settings.reuse)
        links_l = sorted(links.collect(), key=lambda x: (x.source_id, x.target_id))
        fams_l = sorted(families.collect(), key=lambda f: f.article_ids)
        t_reuse = time.perf_counter() - t
        t = time.perf_counter()
        feats = sorted(rdd.mapPartitions(_story_features(settings)).collect(), key=lambda x: x[0])
        index = cluster_features([i for _, i, _, _ in feats], {i: f for _, i, f, _ in feats},
                                 settings.stories,
                                 families=[f for f in fams_l if len(f.article_ids) > 1])
        stories = index.stories()
        t_stories = time.perf_counter() - t
    rdd.unpersist()
    return ({"reuse_s": t_reuse, "stories_s": t_stories, "peak_tree_mb": peak.peak},
            (tuple(links_l), tuple(fams_l), stories))


def run_size(spark, n: int, seed: int, work: Path) -> dict[str, Any]:
    from pipeline_scale import quality

    from storyline.settings import Settings

    settings = Settings()
    docs, truth = documents(n, seed, work)
    out: dict[str, Any] = {"n": n, "seed": seed}
    out["local"], res_local = run_local(docs, settings)
    out["spark"], res_spark = run_spark(spark, docs, settings)
    out["same"] = {k: a == b for k, a, b in zip(("links", "families", "stories"),
                                                  res_local, res_spark)}
    values = {"links": res_spark[0], "stories": res_spark[2]}
    q = quality(truth, docs, values)
    out["quality"] = {k: q[k] for k in ("recall_all", "links", "links_across_trees",
                                        "event_bcubed_f1", "story_bcubed_f1")}
    for stage in ("reuse_s", "stories_s"):
        out[f"ratio_{stage[:-2]}"] = out["spark"][stage] / max(1e-9, out["local"][stage])
    print(f"n={n}: local reuse {out['local']['reuse_s']:.1f} s, stories "
          f"{out['local']['stories_s']:.1f} s, peak {out['local']['peak_mb']:.0f} MB | spark "
          f"reuse {out['spark']['reuse_s']:.1f} s, stories {out['spark']['stories_s']:.1f} s, "
          f"peak tree {out['spark']['peak_tree_mb']:.0f} MB | same {out['same']} | "
          f"recall {q['recall_all']:.3f}", flush=True)
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    import tempfile

    from storyline.engine.session import start_session

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "spark_scale.json")
    args = ap.parse_args(argv)
    spark = start_session(args.master, shuffle_partitions=4)
    runs = []
    try:
        with tempfile.TemporaryDirectory(prefix="spark-scale-") as tmp:
            for n in args.n:
                runs.append(run_size(spark, n, args.seed, Path(tmp)))
    finally:
        spark.stop()
    result = {"command": "python benchmarks/spark_scale.py " + " ".join(argv or sys.argv[1:]),
              "master": args.master, "cpus": os.cpu_count(), "runs": runs}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()
