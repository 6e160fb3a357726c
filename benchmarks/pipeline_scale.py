"""The whole path at scale: ingest, every stage, report writing, on 1k / 10k / 100k articles.

    python benchmarks/pipeline_scale.py                       # 1k, 10k, 100k
    python benchmarks/pipeline_scale.py --sizes 1000 10000    # a subset
    python benchmarks/pipeline_scale.py --quick               # 300 and 1,000 articles, small samples

Corpus: :mod:`gencorpus` (deterministic by ``--seed``; heavy-tailed stories, sister incidents,
planted copies / rewrites / excerpts). Annotation: spaCy's forward pass for 100k articles is hours
on two cores, so every size is ingested by storyline's real ``ingest_into`` with
:class:`composed_annotation.ComposedPipeline` in place of the loaded pipeline: each distinct
paragraph template is annotated once by spaCy and composed into the articles (reading, ids,
store writes and event assignment all run for real; only the forward pass is replaced). The
composed annotation is compared with spaCy's on a sample (``agreement`` in the output).

Real ingest throughput is measured on the first ``--throughput-n`` articles only (1,000 by
default): ``storyline ingest``'s path with the real pipeline against spaCy alone
(``nlp.pipe(n_process=all cores)``) on the same texts, in the same run.

Per size, in a fresh process each: per stage, wall seconds and the peak resident memory of that
stage (``VmHWM`` of ``/proc/self/status``, reset before each stage through ``clear_refs``);
between sizes the growth exponent ``log(t2/t1) / log(n2/n1)`` (1: linear; n log n from 10k to
100k is about 1.2). Also the planted truth against the result: reuse recall of planted pairs,
links between unrelated derivation trees, event and story B-cubed F1.

Writes ``benchmarks/results/pipeline_scale.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

STAGE_ORDER = ("ingest", "load", "reuse", "stories", "claims", "entities", "checks", "timeline",
               "report_build", "report_write")


def _hwm_reset() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _hwm_mb() -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class StageTimeout(Exception):
    """A stage ran past ``--stage-timeout``: recorded as such, the run goes on."""


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise StageTimeout


def _cpu() -> float:
    """CPU seconds of this process and of its children it has waited for."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _measure(results: dict, name: str, fn: Callable[[], Any], timeout: float = 0) -> Any:
    """Run ``fn`` as stage ``name``: wall and CPU seconds, peak RSS of the stage. With
    ``timeout`` (seconds), a stage still running then is stopped and recorded as timed out.
    CPU seconds include the worker processes the stage started and waited for (annotation
    workers, forked report workers: ``RUSAGE_CHILDREN``); before that change they counted this
    process only."""
    import signal

    _hwm_reset()
    t0 = time.perf_counter()
    c0 = _cpu()
    out = None
    timed_out = False
    if timeout:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        out = fn()
    except StageTimeout:
        timed_out = True
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
    results[name] = {"s": time.perf_counter() - t0, "cpu_s": _cpu() - c0,
                     "peak_mb": _hwm_mb(), "timed_out": timed_out}
    print(f"  {name:<13} {results[name]['s']:9.1f} s  {results[name]['peak_mb']:8.0f} MB"
          + ("  TIMED OUT" if timed_out else ""), flush=True)
    return out


# ------------------------------------------------------------------ one size


def run_size(n: int, seed: int, work: Path, agreement_n: int,
             stage_timeout: float = 0) -> dict[str, Any]:
    import composed_annotation as ca
    import gencorpus

    from storyline.pipeline import ingest_into
    from storyline.settings import Settings
    from storyline.store import Store

    out: dict[str, Any] = {"n": n, "seed": seed}
    t0 = time.perf_counter()
    arts = gencorpus.generate(n, seed)
    jsonl, _ = gencorpus.write(arts, work / "corpus")
    out["generate_s"] = time.perf_counter() - t0
    out["words"] = sum(len(a.record["text"].split()) for a in arts)
    nlp = ca.load_nlp()
    cp = ca.ComposedPipeline(nlp, arts, cache=ca.save_cache_path(ROOT))
    out["templates"] = cp.stats.templates
    out["template_annotate_s"] = cp.stats.annotate_seconds
    if agreement_n:
        out["agreement"] = ca.agreement(cp, arts[:agreement_n])
    compose_s = [0.0]
    real_pipe = cp.pipe

    def timed_pipe(texts, batch_size=64, **kw):
        it = real_pipe(texts, batch_size=batch_size, **kw)
        while True:
            t = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            compose_s[0] += time.perf_counter() - t
            yield doc

    cp.pipe = timed_pipe  # type: ignore[method-assign]
    settings = Settings()
    stages: dict[str, Any] = {}
    db = work / "store.db"
    print(f"n={n}: {out['words']:,} words, {cp.stats.templates} templates", flush=True)
    with Store(db) as store:
        summary = _measure(stages, "ingest",
                           lambda: ingest_into(store, [str(jsonl)], settings, nlp=cp))
        stages["ingest"]["compose_s"] = compose_s[0]
        out["added"] = len(summary.added)
        out["composed_paragraphs"] = cp.stats.patched
        out["fallback_paragraphs"] = cp.stats.fallbacks
        arts.clear()  # the recipes are no longer needed: free them before the stages
        cp.release()
        docs, values = measured_report(store, settings, work / "report", stages, stage_timeout)
        out["report_mb"] = {k: (work / "report" / f"report.{k}").stat().st_size / 1e6
                            for k in ("json", "html", "md")}
        out["counts"] = {k: len(values[k]) for k in ("links", "families", "stories", "claims",
                                                       "entities", "checks", "timeline")}
        out["quality"] = quality(jsonl.parent / "truth.jsonl", docs, values)
    out["stages"] = stages
    return out


def measured_report(store: Any, settings: Any, out_dir: Path, stages: dict[str, Any],
                    stage_timeout: float = 0) -> tuple[Any, dict[str, Any]]:
    """``storyline report`` on ``store`` stage by stage, each measured into ``stages`` (load,
    every analysis stage, report build, report write to ``out_dir``); the documents and the
    stages' values."""
    from storyline.pipeline import STAGES, Context, load_documents, run_stages
    from storyline.report.build import build_report

    docs = _measure(stages, "load", lambda: load_documents(store))
    ctx = Context(settings=settings, store=store, values={"docs": docs})
    for stage in STAGES:
        _measure(stages, stage.name, lambda stage=stage: run_stages([stage], ctx),
                 timeout=stage_timeout)
        for name in stage.provides:  # a stage stopped by the timeout: the next ones go on
            ctx.values.setdefault(name, ())
    values = ctx.values
    # as ``storyline report`` writes it: the HTML from the sections the store kept
    report = _measure(stages, "report_build", lambda: dataclasses.replace(
        build_report(docs, values, settings), keep_in=store.path))
    _measure(stages, "report_write", lambda: report.write(out_dir))
    return docs, values


def quality(truth_path: Path, docs, values) -> dict[str, float]:
    """Planted truth against the result: planted pairs linked (either direction), links between
    articles of different derivation trees, event and story B-cubed F1."""
    truth = {}
    with truth_path.open() as fh:
        for line in fh:
            t = json.loads(line)
            truth[t["id"]] = t
    ext = {d.id: d.article.external_id for d in docs}
    root: dict[str, str] = {}

    def tree(x: str) -> str:
        while truth[x]["origin"]:
            x = truth[x]["origin"]
        return x

    for x in truth:
        root[x] = tree(x)
    linked = {frozenset((ext[link.source_id], ext[link.target_id])) for link in values["links"]}
    planted = [(t["origin"], t["id"], t["kind"]) for t in truth.values() if t["origin"]]
    by_kind: dict[str, list[bool]] = {}
    for a, b, kind in planted:
        by_kind.setdefault(kind, []).append(frozenset((a, b)) in linked)
    q: dict[str, float] = {f"recall_{k}": sum(v) / len(v) for k, v in sorted(by_kind.items())}
    q["recall_all"] = sum(sum(v) for v in by_kind.values()) / max(1, len(planted))
    cross = sum(1 for p in linked if len({root[x] for x in p}) > 1)
    q["links"] = len(linked)
    q["links_across_trees"] = cross
    for level in ("event", "story"):
        pred: dict[str, str] = {}
        for s in values["stories"]:
            if level == "story":
                for a in s.article_ids:
                    pred[ext[a]] = s.id
            else:
                for e in s.events:
                    for a in e.article_ids:
                        pred[ext[a]] = e.id
        gold = {x: truth[x][level] for x in truth if x in pred}
        q[f"{level}_bcubed_f1"] = bcubed_f1(pred, gold)
    return q


def bcubed_f1(pred: dict[str, str], gold: dict[str, str]) -> float:
    from collections import Counter

    pc = Counter(pred.values())
    gc = Counter(gold.values())
    both = Counter((pred[x], gold[x]) for x in gold)
    p = sum(both[(pred[x], gold[x])] / pc[pred[x]] for x in gold) / max(1, len(gold))
    r = sum(both[(pred[x], gold[x])] / gc[gold[x]] for x in gold) / max(1, len(gold))
    return 2 * p * r / (p + r) if p + r else 0.0


# ------------------------------------------------------------------ real ingest throughput


def run_throughput(n: int, seed: int, work: Path) -> dict[str, Any]:
    """storyline's ingest (real pipeline) against spaCy alone on all cores, same texts."""
    import gencorpus

    from storyline.annotate import load_pipeline
    from storyline.pipeline import ingest_into
    from storyline.settings import Settings
    from storyline.store import Store

    arts = gencorpus.generate(max(n, 1000), seed)[:n]
    jsonl, _ = gencorpus.write(arts, work / "tp")
    texts = [a.record["text"] for a in arts]
    words = sum(len(t.split()) for t in texts)
    cores = os.cpu_count() or 1
    nlp = load_pipeline("")
    nlp("warm up")
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=cores):
        pass
    spacy_s = time.perf_counter() - t0
    settings = Settings()
    t0 = time.perf_counter()
    with Store(work / "tp.db") as store:
        ingest_into(store, [str(jsonl)], settings)
    ingest_s = time.perf_counter() - t0
    return {"articles": n, "words": words, "cores": cores,
            "spacy_alone_s": spacy_s, "ingest_s": ingest_s,
            "spacy_articles_per_s": n / spacy_s, "ingest_articles_per_s": n / ingest_s,
            "ingest_vs_spacy": spacy_s / ingest_s}


# ------------------------------------------------------------------ driver


def _child(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="pipeline_scale_") as tmp:
        if args.throughput_only:
            res = run_throughput(args.throughput_only, args.seed, Path(tmp))
        else:
            res = run_size(args.one, args.seed, Path(tmp), args.agreement_n,
                           args.stage_timeout)
    Path(args.result).write_text(json.dumps(res, indent=1))


def _spawn(extra: list[str], seed: int, script: str = __file__) -> dict[str, Any]:
    """``script`` with ``extra`` in a fresh process (its own peak memory); its JSON result."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        result = fh.name
    cmd = [sys.executable, script, "--seed", str(seed), "--result", result, *extra]
    subprocess.run(cmd, check=True)
    data = json.loads(Path(result).read_text())
    os.unlink(result)
    return data


def exponent(t1: float, t2: float, n1: int, n2: int) -> float | None:
    if t1 <= 0.05 or t2 <= 0:  # below timer noise on a shared machine
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def _k(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def table(runs: list[dict[str, Any]]) -> str:
    """Per stage: wall seconds and CPU seconds per size, growth exponents between consecutive
    sizes (wall, and CPU: the machine is shared, CPU time is the steadier figure), peak MB."""
    sizes = [r["n"] for r in runs]
    pairs = list(zip(runs, runs[1:]))
    head = ["stage", *(f"{_k(n)} s (CPU s)" for n in sizes),
            *(f"exp {_k(a['n'])}→{_k(b['n'])} (CPU)" for a, b in pairs),
            *(f"{_k(n)} peak MB" for n in sizes)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def exp_cell(a: dict, b: dict, na: int, nb: int) -> str:
        w = exponent(a["s"], b["s"], na, nb)
        c = exponent(a.get("cpu_s", 0), b.get("cpu_s", 0), na, nb)
        return ("–" if w is None else f"{w:.2f}") + (f" ({c:.2f})" if c is not None else "")

    for st in STAGE_ORDER:
        recs = [r["stages"][st] for r in runs]
        cells = [(">" if x.get("timed_out") else "") + f"{x['s']:.1f} ({x.get('cpu_s', 0):.1f})"
                 for x in recs]
        cells += [exp_cell(x, y, a["n"], b["n"]) for (a, b), (x, y) in zip(pairs, zip(recs,
                                                                                     recs[1:]))]
        cells += [f"{x['peak_mb']:.0f}" for x in recs]
        lines.append(f"| {st} | " + " | ".join(cells) + " |")
    tot = [{"s": sum(r["stages"][s]["s"] for s in STAGE_ORDER),
            "cpu_s": sum(r["stages"][s].get("cpu_s", 0) for s in STAGE_ORDER)} for r in runs]
    cells = [f"{x['s']:.1f} ({x['cpu_s']:.1f})" for x in tot]
    cells += [exp_cell(x, y, a["n"], b["n"]) for (a, b), (x, y) in zip(pairs, zip(tot, tot[1:]))]
    cells += [f"{max(r['stages'][s]['peak_mb'] for s in STAGE_ORDER):.0f}" for r in runs]
    lines.append("| **total** | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--quick", action="store_true",
                    help="300 and 1,000 articles; throughput on 100, agreement on 20")
    ap.add_argument("--throughput-n", type=int, default=1000,
                    help="articles for the real-ingest-vs-spaCy throughput (0: skip)")
    ap.add_argument("--agreement-n", type=int, default=100,
                    help="articles of the smallest size compared with spaCy's own annotation")
    ap.add_argument("--stage-timeout", type=float, default=0,
                    help="stop an analysis stage after this many seconds and record it as timed "
                         "out (the later stages run on its empty result); 0: no limit")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "pipeline_scale.json")
    ap.add_argument("--table-from", type=Path,
                    help="print the table of a results file written earlier and stop")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--throughput-only", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one or args.throughput_only:
        _child(args)
        return {}
    if args.table_from:
        print(table(json.loads(args.table_from.read_text())["runs"]))
        return {}
    if args.quick:
        args.sizes, args.throughput_n, args.agreement_n = [300, 1000], 100, 20
    command = "python benchmarks/pipeline_scale.py " + " ".join(argv if argv is not None
                                                                  else sys.argv[1:])
    runs = []
    for i, n in enumerate(sorted(args.sizes)):
        runs.append(_spawn(["--one", str(n), "--stage-timeout", str(args.stage_timeout),
                            "--agreement-n", str(args.agreement_n if i == 0 else 0)],
                           args.seed))
    throughput = (_spawn(["--throughput-only", str(args.throughput_n)], args.seed)
                  if args.throughput_n else None)
    text = table(runs)
    print(text)
    for r in runs:
        print(f"n={r['n']:,}: {r['words']:,} words; counts {r['counts']}; "
              f"quality {json.dumps({k: round(v, 3) for k, v in r['quality'].items()})}")
    if runs and "agreement" in runs[0]:
        print("composed vs spaCy annotation:",
              json.dumps({k: round(v, 4) for k, v in runs[0]["agreement"].items()}))
    if throughput:
        print(f"ingest throughput on {throughput['articles']} articles: storyline "
              f"{throughput['ingest_articles_per_s']:.2f} art/s vs spaCy alone on "
              f"{throughput['cores']} cores {throughput['spacy_articles_per_s']:.2f} art/s "
              f"(ratio {throughput['ingest_vs_spacy']:.2f})")
    result = {"command": command, "runs": runs, "throughput": throughput, "table": text}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()
