"""Reuse and stories on Spark (local mode) against the local engine, on generated corpora.

    python benchmarks/spark_scale.py --n 100000 --engines local,spark,datasketch \
        --store /tmp/spark5 --timeout 5400 --max-mb 12000 --out benchmarks/results/spark_100k.json
    # -> the JSON and a line per engine and size on stdout

For each size: a generated corpus (``gencorpus.py``, planted reuse and events) with the fields
of its annotation that these two stages read composed from annotated templates
(``composed_store.py``: this measures storyline, not spaCy), stored once as Parquet parts under
``--store`` (kept: a second run of the same size and seed reads them), then, each engine in a
process of its own (one after the other), on the same documents:

* local engine: :func:`storyline.reuse.find_reuse`, then :func:`storyline.stories.cluster_index`
  with the families (what ``storyline analyze`` runs for these two stages), every document in
  memory;
* Spark engine (``local[2]``, one shuffle partition per 2,500 articles, at least 4):
  :func:`storyline.engine.spark.reuse_and_stories` (what ``analyze_frame`` runs for these two
  stages) on the parts as a DataFrame of their columns (:class:`storyline.engine.inputs.
  AnnotatedFrame`: each step builds a partition's documents from Arrow batches in the Python
  workers; no document is pickled or cached): reuse features, LSH, alignment and families, then
  each article's story features on the executors and the clustering on the driver;
* ``datasketch``: candidate pairs of datasketch's ``MinHash`` + ``MinHashLSH`` over the same
  shingles with the document channel's bands and rows (reading one part at a time), beside the
  local engine's own candidate step (:func:`storyline.reuse.candidates.find_candidates`, both
  channels): time, peak memory, recall of the planted pairs among the candidates.

Each engine's process is watched: stopped after ``--timeout`` seconds or when its process tree
holds more than ``--max-mb`` of resident memory, and the stop is the result (with the last
steps it reached, from ``progress-ENGINE.txt`` beside the corpus).

Recorded: wall and CPU time of each stage (Spark: CPU of the whole process tree, the JVM and the
Python workers); peak memory (the local engine and datasketch: the process's high-water mark,
beside its resident memory once the documents are loaded; Spark: the peak summed resident memory
of the process tree, sampled every 0.2 s); whether both give the same links, families and
stories (also against the other engine's stored result of an earlier run of the same corpus);
recall of the planted reuse pairs, links across derivation trees and the share of links within
one (:func:`pipeline_scale.quality`). Timings on a shared machine are noisy: compare the ratio
of the two engines in the same run, never absolute times across runs.
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


def _tree_fields(pid: int) -> dict[int, list[str]]:
    """The fields of /proc/PID/stat after the name, of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = {}
    fields: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                f = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(f[1]), []).append(int(entry))
            fields[int(entry)] = f
        except (OSError, IndexError, ValueError):
            continue
    found, todo = {}, [pid]
    while todo:
        p = todo.pop()
        if p in fields:
            found[p] = fields[p]
        todo.extend(children.get(p, ()))
    return found


def _tree_sum(pid: int, value, visit=None) -> float:
    """The sum of ``value(fields of /proc/PID/stat after the name)`` over ``pid`` and all its
    descendants (``visit`` called with each of their pids)."""
    total = 0.0
    for p, f in _tree_fields(pid).items():
        try:
            total += value(f)
        except (IndexError, ValueError):
            continue
        if visit is not None:
            visit(p)
    return total


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (MB), from /proc."""
    page = os.sysconf("SC_PAGE_SIZE")
    return _tree_sum(pid, lambda f: int(f[21]) * page) / 1e6


def _pss_mb(pid: int) -> float:
    """Proportional set size of one process (MB): shared pages (a forked worker's inherited
    memory, the PySpark daemon's children) counted once over the processes that share them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree_pss_mb(pid: int) -> float:
    """:func:`_pss_mb` summed over ``pid`` and all its descendants."""
    pids = set()
    _tree_sum(pid, lambda f: 0.0, visit=pids.add)
    return sum(_pss_mb(p) for p in pids)


def _tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system, with reaped children) of ``pid`` and its descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    return _tree_sum(pid, lambda f: sum(int(x) for x in f[11:15]) / tick)


class PeakSampler:
    """The peak of :func:`_tree_rss_mb` of this process while in the ``with`` block; ``report``
    (if given) called every ``report_every`` seconds with the current value."""

    def __init__(self, every: float = 0.2, report=None, report_every: float = 60.0):
        self.every, self.peak, self._stop = every, 0.0, threading.Event()
        self.report, self.report_every = report, report_every
        self._cpu: dict[tuple[int, str], float] = {}
        self._lock = threading.Lock()

    def _sample(self) -> float:
        """The tree's resident memory (MB) now; each process's CPU recorded."""
        tick, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
        found = _tree_fields(os.getpid())
        with self._lock:
            for p, f in found.items():  # own user + system time, by (pid, start time)
                self._cpu[(p, f[19])] = (int(f[11]) + int(f[12])) / tick
        return sum(int(f[21]) for f in found.values()) * page / 1e6

    def cpu(self) -> float:
        """CPU seconds of every process of this process's tree seen since the start (each
        one's own time, its last reading kept after it exits; sampled every ``every`` s). Unlike
        :func:`_tree_cpu_s`, a Python worker that exits (and its daemon, whose children are not
        all reaped) does not take its CPU out of the count (spark6's tree CPU fell by 184 s in
        one minute of the 100k run)."""
        self._sample()
        with self._lock:
            return sum(self._cpu.values())

    def _run(self) -> None:
        last = time.perf_counter()
        while not self._stop.is_set():
            mb = self._sample()
            self.peak = max(self.peak, mb)
            if self.report and time.perf_counter() - last >= self.report_every:
                last = time.perf_counter()
                self.report(mb)
            self._stop.wait(self.every)

    def __enter__(self) -> PeakSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def prepare(n: int, seed: int, store: Path, workers: int = 2) -> Path:
    """The corpus of size ``n`` under ``store/gen{n}-s{seed}`` (``composed_store.py``: Parquet
    parts of about 5,000 documents with their composed annotation, ``truth.jsonl``, ``ids.json``).
    Made once; kept."""
    import composed_store

    return composed_store.prepare(n, seed, store / f"gen{n}-s{seed}", workers)


def _load_chunk(path: str) -> list:
    import composed_store

    return composed_store.load_documents(path)


def _chunks(corpus: Path) -> list[str]:
    import composed_store

    return composed_store.parts(corpus)


def _progress(corpus: Path, engine: str, step: str) -> None:
    """Where the engine's child is (read by the parent when it stops the child)."""
    with (corpus / f"progress-{engine}.txt").open("a") as fh:
        fh.write(f"{time.strftime('%H:%M:%S')} {step} rss_tree_mb={_tree_rss_mb(os.getpid()):.0f}\n")


def _save(corpus: Path, engine: str, result: tuple) -> None:
    import pickle

    (corpus / f"result-{engine}.pkl").write_bytes(pickle.dumps(result, protocol=5))


def child_local(corpus: Path, with_candidates: bool) -> dict[str, Any]:
    from pipeline_scale import _hwm_mb, _hwm_reset

    from storyline.reuse import find_reuse
    from storyline.reuse.candidates import find_candidates
    from storyline.settings import Settings
    from storyline.stories import cluster_index

    settings = Settings()
    _progress(corpus, "local", "loading")
    docs = [d for p in _chunks(corpus) for d in _load_chunk(p)]
    out: dict[str, Any] = {"loaded_mb": _rss_mb()}
    _progress(corpus, "local", f"loaded {len(docs)} documents")
    _hwm_reset()
    if with_candidates:  # the candidate step alone, beside datasketch's
        t, c = time.perf_counter(), time.process_time()
        ordered = sorted({d.id: d for d in docs}.values(), key=lambda d: d.id)
        cands = find_candidates(ordered, settings.reuse)
        out["candidates_s"] = time.perf_counter() - t
        out["candidates_cpu_s"] = time.process_time() - c
        out["candidate_pairs"] = len(cands.pairs)
        _save(corpus, "candidates", [(ordered[i].id, ordered[j].id) for i, j in cands.pairs])
        del cands, ordered
        _progress(corpus, "local", f"candidates {out['candidates_cpu_s']:.0f} CPU s")
    me = os.getpid()  # CPU of the tree: reuse aligns in forked workers (reuse.processes)
    t, c = time.perf_counter(), _tree_cpu_s(me)
    result = find_reuse(docs, settings.reuse)
    out["reuse_s"], out["reuse_cpu_s"] = time.perf_counter() - t, _tree_cpu_s(me) - c
    _progress(corpus, "local", f"reuse {out['reuse_cpu_s']:.0f} CPU s")
    t, c = time.perf_counter(), _tree_cpu_s(me)
    stories = cluster_index(docs, settings.stories, families=result.families).stories()
    out["stories_s"], out["stories_cpu_s"] = time.perf_counter() - t, _tree_cpu_s(me) - c
    _progress(corpus, "local", f"stories {out['stories_cpu_s']:.0f} CPU s")
    out["peak_mb"] = _hwm_mb()
    _save(corpus, "local", (result.links, result.families, stories))
    return out


def child_spark(corpus: Path, master: str, partitions: int, memory: str) -> dict[str, Any]:
    from storyline.engine.inputs import AnnotatedFrame
    from storyline.engine.session import start_session
    from storyline.engine.spark import reuse_and_stories
    from storyline.settings import Settings

    settings = Settings()
    local_dir = corpus / "spark-local"
    local_dir.mkdir(exist_ok=True)
    spark = start_session(master, shuffle_partitions=partitions,
                          conf={"spark.driver.memory": memory,
                                "spark.local.dir": str(local_dir)})
    _progress(corpus, "spark", "session started")
    out: dict[str, Any] = {}
    try:
        # the documents from the parts' columns, in the Python workers, for each step
        docs = AnnotatedFrame.read_parquet(spark, *_chunks(corpus))
        n = docs.count()
        _progress(corpus, "spark", f"{n} documents in the parts")
        sampler = PeakSampler()
        sampler.report = _stages(corpus, spark.sparkContext, sampler.cpu)
        with sampler as peak:
            t, c = time.perf_counter(), peak.cpu()
            links, families, stories = reuse_and_stories(spark, docs, n, settings,
                                                         lap=_lap(corpus, out, peak.cpu, t, c))
            links_l = sorted(links.collect(), key=lambda x: (x.source_id, x.target_id))
            fams_l = sorted(families.collect(), key=lambda f: f.article_ids)
        out["peak_tree_mb"] = peak.peak
    finally:
        spark.stop()
    _save(corpus, "spark", (tuple(links_l), tuple(fams_l), stories))
    return out


def _stages(corpus: Path, sc: Any, tree_cpu):
    """A line per running Spark stage into the progress file (where a stopped run was): its
    call site, tasks done of all, and the tree's CPU and memory."""
    def report(mb: float) -> None:
        tracker = sc.statusTracker()
        for sid in tracker.getActiveStageIds():
            info = tracker.getStageInfo(sid)
            if info is not None:
                _progress(corpus, "spark", f"stage {sid} {info.name}: {info.numCompletedTasks}/"
                                           f"{info.numTasks} tasks, tree {tree_cpu():.0f}"
                                           f" CPU s, {mb:.0f} MB")
    return report


def _lap(corpus: Path, out: dict[str, Any], tree_cpu, t: float, c: float):
    """The stage times of :func:`reuse_and_stories` (wall, CPU of the process tree:
    ``tree_cpu()``) into ``out`` and the progress file."""
    last = [t, c]

    def lap(stage: str) -> None:
        now, cpu = time.perf_counter(), tree_cpu()
        out[f"{stage}_s"], out[f"{stage}_cpu_s"] = now - last[0], cpu - last[1]
        last[:] = [now, cpu]
        _progress(corpus, "spark", f"{stage} {out[f'{stage}_s']:.0f} s, "
                                   f"{out[f'{stage}_cpu_s']:.0f} CPU s")
    return lap


def child_datasketch(corpus: Path) -> dict[str, Any]:
    import numpy as np
    from datasketch import MinHash, MinHashLSH
    from pipeline_scale import _hwm_mb, _hwm_reset

    from storyline.reuse.candidates import Vocab, doc_features
    from storyline.reuse.minhash import shingles
    from storyline.settings import Settings

    s = Settings().reuse
    out: dict[str, Any] = {}
    _hwm_reset()
    t, c = time.perf_counter(), time.process_time()
    load_s = load_cpu = 0.0
    vocab = Vocab()
    lsh = MinHashLSH(num_perm=s.lsh_bands * s.lsh_rows, params=(s.lsh_bands, s.lsh_rows))
    mhs = []
    with lsh.insertion_session() as session:
        for path in _chunks(corpus):  # one part at a time: no document is kept
            t0, c0 = time.perf_counter(), time.process_time()
            docs = _load_chunk(path)
            load_s, load_cpu = load_s + time.perf_counter() - t0, load_cpu + time.process_time() - c0
            for d in docs:
                sh = shingles(doc_features(d, vocab, s.min_sentence_words)[0], s.shingle_size)
                mh = MinHash(num_perm=s.lsh_bands * s.lsh_rows, seed=1, hashfunc=int)
                mh.update_batch((sh >> np.uint64(32)).tolist())
                session.insert(d.id, mh)
                mhs.append((d.id, mh))
            del docs
            _progress(corpus, "datasketch", f"{len(mhs)} inserted")
    pairs = set()
    for i, mh in mhs:
        for j in lsh.query(mh):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    out["candidates_s"] = time.perf_counter() - t - load_s
    out["candidates_cpu_s"] = time.process_time() - c - load_cpu
    out["load_s"] = load_s
    out["candidate_pairs"] = len(pairs)
    out["peak_mb"] = _hwm_mb()
    _save(corpus, "datasketch", sorted(pairs))
    return out


def _spawn(args: argparse.Namespace, engine: str, corpus: Path, n: int) -> dict[str, Any]:
    import subprocess

    parts = args.partitions or max(4, n // 2500)
    cmd = [sys.executable, __file__, "--child", engine, "--corpus", str(corpus),
           "--master", args.master, "--partitions", str(parts),
           "--memory", args.memory] + (["--with-candidates"] if "datasketch" in args.engines
                                       else [])
    t = time.perf_counter()
    (corpus / f"progress-{engine}.txt").unlink(missing_ok=True)
    with open(corpus / f"stdout-{engine}.txt", "w") as out, \
            open(corpus / f"stderr-{engine}.txt", "w") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, start_new_session=True)
        stopped = ""
        peak = 0.0
        while proc.poll() is None:  # the watchdog: wall time and the tree's memory (PSS)
            mem = _tree_pss_mb(proc.pid)
            peak = max(peak, mem)
            if mem > args.max_mb:
                stopped = f"memory: tree above {args.max_mb:.0f} MB PSS ({mem:.0f} MB)"
            elif time.perf_counter() - t > args.timeout:
                stopped = f"timeout after {args.timeout:.0f} s"
            if stopped:
                os.killpg(proc.pid, 9)
                proc.wait()
                break
            time.sleep(1.0)
    progress = (corpus / f"progress-{engine}.txt")
    where = progress.read_text().strip().splitlines()[-3:] if progress.is_file() else []
    if stopped:
        return {"stopped": f"{stopped}, after {time.perf_counter() - t:.0f} s", "at": where,
                "peak_tree_pss_mb": peak}
    lines = [x for x in (corpus / f"stdout-{engine}.txt").read_text().splitlines()
             if x.startswith("{")]
    if proc.returncode or not lines:
        return {"stopped": f"exit {proc.returncode} after {time.perf_counter() - t:.0f} s",
                "at": where, "stderr": (corpus / f"stderr-{engine}.txt").read_text()[-2000:]}
    return {**json.loads(lines[-1]), "peak_tree_pss_mb": peak}


class _Doc:
    def __init__(self, i: str, ext: str):
        self.id = i
        self.article = type("A", (), {"external_id": ext})()


def _planted_recall(truth: Path, ids: dict[str, str], pairs: list[tuple[str, str]]) -> float:
    planted = set()
    with truth.open() as fh:
        for line in fh:
            t = json.loads(line)
            if t["origin"]:
                planted.add(frozenset((t["origin"], t["id"])))
    found = {frozenset((ids[a], ids[b])) for a, b in pairs}
    return len(planted & found) / max(1, len(planted))


def run_size(args: argparse.Namespace, n: int) -> dict[str, Any]:
    import pickle

    from pipeline_scale import quality

    # --corpus: a stored corpus of another name (e.g. the first parts of a bigger one)
    corpus = args.corpus or prepare(n, args.seed, args.store, args.workers)
    ids = json.loads((corpus / "ids.json").read_text())
    docs = [_Doc(i, e) for i, e in ids.items()]
    # with --corpus the size is the corpus's, not --n's default
    out: dict[str, Any] = {"n": len(ids) if args.corpus else n, "seed": args.seed}
    results = {}
    for engine in args.engines:
        for old in corpus.glob(f"result-{engine}.pkl"):
            old.unlink()
        out[engine] = _spawn(args, engine, corpus, out["n"])  # partitions by its size
        path = corpus / f"result-{engine}.pkl"
        if "stopped" in out[engine] or not path.is_file():
            print(f"n={n} {engine}: {out[engine]}", flush=True)
            continue
        results[engine] = pickle.loads(path.read_bytes())
        if engine == "datasketch":
            out[engine]["candidate_recall"] = _planted_recall(corpus / "truth.jsonl", ids,
                                                              results[engine])
        else:
            q = quality(corpus / "truth.jsonl", docs, {"links": results[engine][0],
                                                        "stories": results[engine][2]})
            out[engine]["quality"] = {k: q[k] for k in ("recall_all", "links",
                                                        "links_across_trees",
                                                        "event_bcubed_f1", "story_bcubed_f1")}
            # a link between two derivation trees is not planted reuse
            out[engine]["quality"]["link_precision"] = 1 - q["links_across_trees"] / max(
                1, q["links"])
        if engine == "local" and (corpus / "result-candidates.pkl").is_file():
            cands = pickle.loads((corpus / "result-candidates.pkl").read_bytes())
            out[engine]["candidate_recall"] = _planted_recall(corpus / "truth.jsonl", ids, cands)
        print(f"n={n} {engine}: " + json.dumps(out[engine]), flush=True)
        _write(args, out)
    for engine in ("local", "spark"):  # a result of an earlier run of the same corpus
        path = corpus / f"result-{engine}.pkl"
        if engine not in results and path.is_file():
            results[engine] = pickle.loads(path.read_bytes())
            out.setdefault(engine, {})["from_earlier_run"] = True
    if "local" in results and "spark" in results:
        out["same"] = {k: a == b for k, a, b in zip(("links", "families", "stories"),
                                                      results["local"], results["spark"])}
        print(f"n={n}: same {out['same']}", flush=True)
        if "reuse_s" not in out["local"] or "reuse_s" not in out["spark"]:
            return out
        for stage in ("reuse", "stories"):
            out[f"ratio_{stage}"] = out["spark"][f"{stage}_s"] / max(1e-9, out["local"][f"{stage}_s"])
            out[f"ratio_{stage}_cpu"] = (out["spark"][f"{stage}_cpu_s"]
                                         / max(1e-9, out["local"][f"{stage}_cpu_s"]))
        print(f"n={n}: same {out['same']}, spark/local reuse {out['ratio_reuse']:.2f}x wall "
              f"{out['ratio_reuse_cpu']:.2f}x CPU, stories {out['ratio_stories']:.2f}x wall",
              flush=True)
    return out


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=0,
                    help="shuffle partitions (default: 4, or one per 2,500 articles)")
    ap.add_argument("--memory", default="6g", help="spark.driver.memory (local mode: all of it)")
    ap.add_argument("--engines", type=lambda v: v.split(","), default=["local", "spark"],
                    help="comma-separated: local, spark, datasketch")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per engine and size")
    ap.add_argument("--max-mb", type=float, default=12000,
                    help="stop an engine whose process tree holds more resident memory (MB)")
    ap.add_argument("--workers", type=int, default=2, help="processes composing a corpus")
    ap.add_argument("--store", type=Path, default=Path("/tmp/spark-scale"))
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "spark_scale.json")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path,
                    help="a stored corpus directory to run on instead of --n's (n: its size)")
    ap.add_argument("--with-candidates", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        run = {"local": lambda: child_local(args.corpus, args.with_candidates),
               "spark": lambda: child_spark(args.corpus, args.master, args.partitions,
                                            args.memory),
               "datasketch": lambda: child_datasketch(args.corpus)}[args.child]
        print(json.dumps(run()), flush=True)
        return None
    args.store.mkdir(parents=True, exist_ok=True)
    args.runs = []
    for n in args.n:
        args.runs.append({"n": n})
        args.runs[-1] = run_size(args, n)
        _write(args, args.runs[-1])
    return {"runs": args.runs}


def _write(args: argparse.Namespace, current: dict[str, Any]) -> None:
    """The runs so far (the current size's engines so far) into ``--out``."""
    runs = args.runs[:-1] + [current]
    result = {"command": "python benchmarks/spark_scale.py " + " ".join(sys.argv[1:]),
              "master": args.master, "cpus": os.cpu_count(), "runs": runs}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
