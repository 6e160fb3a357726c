"""Memory and load time of a stored corpus's documents: the annotation's tokens as columns
(``models.Tokens``, what ``Store.iter_documents`` gives) beside the same documents holding a
``Token`` record per token (the form before, and what the annotate stage still makes), in the
same run.

    python benchmarks/documents_memory.py [--store corpus.db | --parquet part.parquet]

Without ``--store``, the ECB+ dev articles (``../shared/data/ecbplus-dev``) are ingested into a
temporary store first (annotation: some minutes); ``--parquet`` reads one part of a composed
corpus (``composed_store.py``) through ``engine.columns`` instead. Memory is what ``tracemalloc`` counts as held
by the loaded documents (exact and the same on a busy machine); time is this process's CPU
seconds for ``load_documents``, best of three. Writes ``results/documents_memory.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
ECB = ROOT.parent.parent / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
RESULTS = ROOT / "results" / "documents_memory.json"


def _held(make: Any) -> tuple[Any, int]:
    gc.collect()
    tracemalloc.start()
    docs = make()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return docs, held


def _loader(db: Path | None, part: Path | None) -> Any:
    if part is not None:
        from storyline.engine.columns import read_documents

        return lambda: read_documents(str(part))

    def load() -> list[Any]:
        from storyline.pipeline import load_documents
        from storyline.store import Store

        with Store(db, readonly=True) as store:  # type: ignore[arg-type]
            return load_documents(store)

    return load


def measure(db: Path | None, part: Path | None = None) -> dict[str, Any]:
    load = _loader(db, part)
    row: dict[str, Any] = {}
    cpu = []
    for _ in range(3):
        t = time.process_time()
        docs = load()
        cpu.append(time.process_time() - t)
        del docs
    row["load_cpu_s"] = round(min(cpu), 3)
    docs, held = _held(load)
    n, tokens = len(docs), sum(len(d.annotation.tokens) for d in docs)
    row.update(articles=n, tokens=tokens, columns_mb=round(held / 2**20, 1),
               columns_kb_per_article=round(held / n / 1024, 1))

    del docs

    def as_records() -> list[Any]:  # the baseline: a Token record per token
        loaded = load()
        return [dataclasses.replace(d, annotation=dataclasses.replace(
            d.annotation, tokens=tuple(d.annotation.tokens))) for d in loaded]

    records, held_records = _held(as_records)
    row.update(records_mb=round(held_records / 2**20, 1),
               records_kb_per_article=round(held_records / n / 1024, 1),
               records_vs_columns=round(held_records / held, 2))
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, help="a storyline store (default: ECB+ dev, ingested)")
    ap.add_argument("--parquet", type=Path, help="one Parquet part of a composed corpus")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    if args.store is not None or args.parquet is not None:
        row = measure(args.store, args.parquet)
    else:
        from storyline import api
        from storyline.settings import Settings

        with tempfile.TemporaryDirectory(prefix="documents-memory-") as tmp:
            db = Path(tmp) / "corpus.db"
            api.ingest_corpus([ECB], db, Settings())
            row = measure(db)
    print(json.dumps(row, indent=1))
    command = "python benchmarks/documents_memory.py" + (
        f" --parquet {args.parquet.name}" if args.parquet else " --store <store>" if args.store else "")
    args.out.write_text(json.dumps({"command": command,
                                    "row": row}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
