"""Ingest throughput against spaCy alone, on one core and on all cores, in one run.

    python benchmarks/annotate_throughput.py [--n 462] [--processes 0]

On the ECB+ dev articles (``../shared/data/ecbplus-dev/articles.jsonl``, the first ``--n``), in
articles per second:

* spaCy alone: ``nlp.pipe`` over the texts with the pipeline storyline loads
  (:func:`storyline.annotate.load_pipeline`: the same model, the same disabled components, the
  paragraph component), once with ``n_process=1`` and once with ``n_process`` = all cores
  (``--processes``, 0: every core this process may use). The pipeline is loaded beforehand;
  only the annotation is timed.
* ``storyline ingest`` end to end: the command line in a fresh process, reading the JSON Lines
  file and writing a new store (reading, normalising, language detection, annotation, records,
  one SQLite transaction per article, event assignment), wall time including its start-up and
  model loading; once with ``annotate.processes=1`` and once with all cores.

Reported: the ratio of ``storyline ingest`` to spaCy alone on the same number of cores (issue 14's
target: >= 0.8 on all cores), the CPU seconds of both (their processes and workers: what the
ingest adds, whatever else runs on the machine) and the load average after each row. Results
go to ``benchmarks/results/annotate_throughput.json``.
Other processes on the machine slow every row; the ratios come from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyline.annotate import load_pipeline
from storyline.engine import available_cores
from storyline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
ECB = SHARED / "data" / "ecbplus-dev" / "articles.jsonl"
RESULTS = Path(__file__).with_name("results") / "annotate_throughput.json"


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (their workers too)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def spacy_alone(texts: list[str], processes: int) -> tuple[float, float]:
    """Wall and CPU seconds for ``nlp.pipe`` over ``texts`` on ``processes`` processes."""
    settings = Settings().annotate
    nlp = load_pipeline(settings.model)
    list(nlp.pipe(texts[:5]))  # warm up
    c0, t0 = _cpu(), time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=processes):
        pass
    return time.perf_counter() - t0, _cpu() - c0


def storyline_ingest(feed: Path, processes: int) -> tuple[float, float, int]:
    """Wall and CPU seconds of ``storyline ingest`` into a new store, and the articles added."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "corpus.db"
        c0, t0 = _cpu(), time.perf_counter()
        subprocess.run([sys.executable, "-m", "storyline.cli", "-q", "ingest", str(feed),
                        "--db", str(db), "--set", f"annotate.processes={processes}"], check=True)
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
        import sqlite3

        with sqlite3.connect(db) as con:
            added = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    return seconds, cpu, added


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=462, help="ECB+ dev articles (462: all)")
    ap.add_argument("--processes", type=int, default=0, help="0: every available core")
    args = ap.parse_args(argv)
    cores = args.processes or available_cores()
    lines = ECB.read_text(encoding="utf-8").splitlines()[: args.n]
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "articles.jsonl"
        feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for label, procs in (("1 process", 1), (f"{cores} processes", cores)):
            s_spacy, cpu_spacy = spacy_alone(texts, procs)
            s_ingest, cpu_ingest, added = storyline_ingest(feed, procs)
            assert added == len(texts), (added, len(texts))
            rows[label] = {"processes": procs, "spacy_s": round(s_spacy, 1),
                           "ingest_s": round(s_ingest, 1), "spacy_cpu_s": round(cpu_spacy, 1),
                           "ingest_cpu_s": round(cpu_ingest, 1),
                           "load_average": round(os.getloadavg()[0], 1),
                           "spacy_articles_per_s": round(len(texts) / s_spacy, 2),
                           "ingest_articles_per_s": round(len(texts) / s_ingest, 2),
                           "ratio": round(s_spacy / s_ingest, 3)}
            r = rows[label]
            print(f"{label:<12} spaCy alone {r['spacy_articles_per_s']:6.2f} art/s "
                  f"({s_spacy:5.1f} s)   storyline ingest {r['ingest_articles_per_s']:6.2f} art/s "
                  f"({s_ingest:5.1f} s)   ratio {r['ratio']:.2f}   CPU s spaCy {cpu_spacy:.0f} / "
                  f"ingest {cpu_ingest:.0f}   load {r['load_average']}", flush=True)
    one, all_ = rows["1 process"], rows[f"{cores} processes"]
    print(f"ingest on {cores} processes vs 1: x{one['ingest_s'] / all_['ingest_s']:.2f}; "
          f"vs spaCy alone on {cores}: {all_['ratio']:.2f} (target >= 0.8)")
    out = {"command": "python benchmarks/annotate_throughput.py " + " ".join(argv or sys.argv[1:]),
           "articles": len(texts), "words": words, "cores": cores, "rows": rows}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
