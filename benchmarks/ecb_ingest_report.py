"""Issue #14's ECB+ dev targets in one run: ``ingest`` against spaCy alone on all cores, and
``report`` (with its writing) against ``ingest``.

    python benchmarks/ecb_ingest_report.py [--add 10]

On ``../shared/data/ecbplus-dev/articles.jsonl`` (462 articles), in one process, one after the
other, wall seconds and CPU seconds (this process and the workers it waited for):

1. spaCy alone: the installed English pipeline's ``nlp.pipe`` over the texts with
   ``n_process`` = all cores (the floor any ingest that annotates can reach);
2. ``storyline ingest`` of all but the last ``--add`` articles (``api.ingest_corpus``);
3. ``storyline report`` of that store, written to a folder (``api.report_corpus(...).write``);
4. ``ingest`` of the last ``--add`` articles, then ``report`` again (what changed only);
5. not timed: that report's reuse links against a batch run's on the same articles (the report
   keeps the corpus statistics its links were aligned with, ``reuse.refresh_growth``).

The issue asks: report <= 0.25 of ingest, ingest >= 0.8x spaCy alone. Writes
``benchmarks/results/ecb_ingest_report.json``. The machine may be shared: the ratios are of one
run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline_scale import _cpu
from report_incremental import _Reused

ROOT = Path(__file__).resolve().parent
ECB = ROOT.parent.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
RESULTS = ROOT / "results" / "ecb_ingest_report.json"


def run(add: int) -> dict[str, Any]:
    from storyline import api
    from storyline.annotate import load_pipeline
    from storyline.settings import Settings

    lines = ECB.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    cores = os.cpu_count() or 1
    row: dict[str, Any] = {"articles": len(lines), "cores": cores, "add": add}
    nlp = load_pipeline("")
    nlp("warm up")
    t, c = time.perf_counter(), _cpu()
    for _ in nlp.pipe(texts, batch_size=64, n_process=cores):
        pass
    row["spacy_alone_s"] = round(time.perf_counter() - t, 1)
    row["spacy_alone_cpu_s"] = round(_cpu() - c, 1)
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="ecb-ingest-report-") as tmp_:
        tmp = Path(tmp_)
        (tmp / "first.jsonl").write_text("\n".join(lines[:-add]) + "\n", encoding="utf-8")
        (tmp / "last.jsonl").write_text("\n".join(lines[-add:]) + "\n", encoding="utf-8")
        db = tmp / "corpus.db"
        steps = [("ingest_s", lambda: api.ingest_corpus([tmp / "first.jsonl"], db, settings)),
                 ("report_s", lambda: api.report_corpus(db, settings).write(tmp / "out1")),
                 ("ingest_add_s", lambda: api.ingest_corpus([tmp / "last.jsonl"], db, settings)),
                 ("report_after_add_s",
                  lambda: api.report_corpus(db, settings).write(tmp / "out2"))]
        for name, step in steps:
            reused = _Reused()
            logging.getLogger().addHandler(reused)
            logging.getLogger().setLevel(logging.INFO)
            t, c = time.perf_counter(), _cpu()
            step()
            row[name] = round(time.perf_counter() - t, 1)
            row[name.replace("_s", "_cpu_s")] = round(_cpu() - c, 1)
            logging.getLogger().removeHandler(reused)
            if name == "report_after_add_s":
                row["after_add_recomputed"] = reused.counts
        row.update(_links_against_batch(db, settings))
    # spaCy alone annotated all the texts; ingest all but the last ``add``: per article
    spacy_rate = len(lines) / row["spacy_alone_s"]
    ingest_rate = (len(lines) - add) / row["ingest_s"]
    row["ingest_vs_spacy"] = round(ingest_rate / spacy_rate, 3)
    row["report_vs_ingest"] = round(row["report_s"] / row["ingest_s"], 3)
    row["report_after_add_vs_report"] = round(row["report_after_add_s"] / row["report_s"], 3)
    # on a shared machine the wall ratios move with the load; CPU seconds (this process and the
    # worker processes it waited for) are the figures that compare across runs
    row["report_vs_ingest_cpu"] = round(row["report_cpu_s"] / row["ingest_cpu_s"], 3)
    return row


def _links_against_batch(db: Path, settings: Any) -> dict[str, Any]:
    """The report after the add keeps its reuse links' corpus statistics (reuse.refresh_growth):
    how its links compare with a batch run's on the same articles (fresh statistics, every pair
    aligned), not timed."""
    from storyline.pipeline import load_documents
    from storyline.reuse import find_reuse
    from storyline.reuse.stored import stored_reuse
    from storyline.store import Store

    with Store(db, readonly=True) as store:
        docs = load_documents(store)
        kept = stored_reuse(store, docs, settings.reuse)
    batch = find_reuse(docs, settings.reuse)
    pair = {(x.source_id, x.target_id): x for x in kept.links}
    fresh = {(x.source_id, x.target_id): x for x in batch.links}
    return {"links_after_add": len(pair), "links_batch": len(fresh),
            "links_only_kept": len(pair.keys() - fresh.keys()),
            "links_only_batch": len(fresh.keys() - pair.keys()),
            "links_other_score": sum(pair[k] != fresh[k] for k in pair.keys() & fresh.keys()),
            "families_same": kept.families == batch.families}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--add", type=int, default=10)
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    if not ECB.is_file():
        raise SystemExit(f"ECB+ dev not found at {ECB}")
    row = run(args.add)
    print(json.dumps(row, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"command": f"python benchmarks/ecb_ingest_report.py "
                                    f"--add {args.add}", "row": row}, indent=1) + "\n",
                        encoding="utf-8")


if __name__ == "__main__":
    main()
