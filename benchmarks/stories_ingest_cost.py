"""Cost per added article of ``storyline ingest``'s event assignment, at 1k / 10k / 100k stored.

    python benchmarks/stories_ingest_cost.py [--n 100000] [--ingests 5] [--batch 100]
                                             [--keep DIR] [--parts-only]

The synthetic stream of ``stories_incremental.py`` (no spaCy). The stored corpus is built with
plain online adds (``EventIndex.add``). At each checkpoint the index is written to a new store
file in both formats, and ``--ingests`` ingests of ``--batch`` articles each run through each:

* **parts** (what ``storyline ingest`` does): :class:`storyline.stories.stored.StoredEvents` reads
  the index part by part as the new articles need it, assigns and repairs
  (:func:`~storyline.stories.stored.add_incrementally`), and writes the parts that changed.
* **one JSON value** (the format before, the baseline): the whole index read from one ``state``
  row (``EventIndex.from_state``), the same assignment and repair, the whole index written back.

Both add the same articles to the same stored index (the stored members of touched events are
looked up in memory in both). Reported per checkpoint: CPU ms per added article (``process_time``,
load + assign + save) of both, their ratio, the save's share, and the index's parts the parts path
reads and writes per ingest, rows and bytes by kind (``e/`` events, ``p/`` postings, ...: counted,
so the same on every run, unlike CPU time on a shared machine). Results go to
``benchmarks/results/stories_ingest_cost.json``.

``--keep DIR``: the stored corpus of each checkpoint is kept in ``DIR`` (built the first time,
about 200 CPU s at 100k, then copied), so that two versions of the code (one of them a ``git
archive`` of the other, run with ``PYTHONPATH``) ingest the same articles into the same store.
``--parts-only``: leave out the one-JSON-value path (at 100k it reads and writes 16 s per ingest).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_incremental import stream

from storyline.store import Store
from storyline.stories import EventIndex, StoriesSettings
from storyline.stories.stored import (
    PARTS,
    STATE_NAME,
    StoredEvents,
    add_incrementally,
    save_index,
    settings_key,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "stories_ingest_cost.json"


class _Counted:
    """Counts the index's parts an ingest reads and writes (rows and bytes, by kind): unlike CPU
    time on a shared machine, the same on every run."""

    def __init__(self, store: Store):
        self.read: Counter = Counter()
        self.written: Counter = Counter()
        read, write = store.read_parts, store.write_parts

        def counted_read(prefix: str, parts: Sequence[str]) -> dict[str, str]:
            found = read(prefix, parts)
            if prefix.startswith(PARTS):
                kind = prefix[len(PARTS):] or "meta"
                self.read[kind + " rows"] += len(found)
                self.read[kind + " bytes"] += sum(map(len, found.values()))
            return found

        def counted_write(prefix: str, parts: dict, **kw: Any) -> bool:
            for name, text in parts.items():
                kind = name[:2] if name[1:2] == "/" else "meta"
                self.written[kind + " rows"] += 1
                self.written[kind + " bytes"] += len(text or "")
            return write(prefix, parts, **kw)

        store.read_parts, store.write_parts = counted_read, counted_write  # type: ignore[method-assign]


def _rows(store: Store) -> int:
    return store._db.execute("SELECT count(*) FROM state WHERE name >= ? AND name < ?",
                             (PARTS, PARTS + "\U0010ffff")).fetchone()[0]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--ingests", type=int, default=5)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--keep", type=Path, default=None)
    ap.add_argument("--parts-only", action="store_true")
    args = ap.parse_args(argv)
    checkpoints = sorted({c for c in (1_000, 10_000, 100_000) if c <= args.n} | {args.n})
    per_cp = args.ingests * args.batch
    settings = StoriesSettings()
    index = EventIndex(settings)
    docs = {}
    it = stream(args.n + per_cp * len(checkpoints), args.seed)
    rows = {}
    stored = 0
    kept = {cp: args.keep / f"stored-{cp}-seed{args.seed}.db" for cp in checkpoints
            } if args.keep else {}
    reuse = bool(kept) and all(path.exists() for path in kept.values())
    for cp in checkpoints:
        while stored < cp:
            doc, _ = next(it)
            docs[doc.id] = doc
            if not reuse:
                index.add(doc)
            stored += 1
        new = [next(it)[0] for _ in range(per_cp)]
        for d in new:
            docs[d.id] = d

        def lookup(ids):
            return [docs[i] for i in ids if i in docs]

        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "c.db"
            if reuse:
                shutil.copy(kept[cp], db)
            store = Store(db)
            t0 = time.perf_counter()
            if not reuse:
                save_index(store, index)
                store.put_state(STATE_NAME, {"settings": settings_key(settings),
                                             "index": index.to_state()})
                if kept:
                    kept[cp].parent.mkdir(parents=True, exist_ok=True)
                    store.close()
                    shutil.copy(db, kept[cp])
                    store = Store(db)
            build_s = time.perf_counter() - t0
            total_rows = _rows(store)
            parts_cpu = parts_save = 0.0
            written = 0
            counted = _Counted(store)
            for k in range(args.ingests):
                batch = new[k * args.batch:(k + 1) * args.batch]
                before = store._db.total_changes
                c0 = time.process_time()
                events = StoredEvents(store, settings, documents=lookup)
                events.add(batch)
                c1 = time.process_time()
                assert events.save()
                c2 = time.process_time()
                parts_cpu += c2 - c0
                parts_save += c2 - c1
                written += store._db.total_changes - before
            blob_cpu = blob_trip = 0.0
            for k in range(0 if args.parts_only else args.ingests):
                batch = new[k * args.batch:(k + 1) * args.batch]
                c0 = time.process_time()
                payload = store.get_state(STATE_NAME)
                cur = EventIndex.from_state(payload["index"], settings)
                c1 = time.process_time()
                add_incrementally(cur, batch, lookup)
                c2 = time.process_time()
                store.put_state(STATE_NAME, {"settings": settings_key(settings),
                                             "index": cur.to_state()})
                c3 = time.process_time()
                blob_cpu += c3 - c0
                blob_trip += (c1 - c0) + (c3 - c2)
            store.close()
        n_new = per_cp
        parts_ms, blob_ms = parts_cpu * 1000 / n_new, blob_cpu * 1000 / n_new
        rows[cp] = {"parts_ms_per_article": round(parts_ms, 2),
                    "parts_save_ms_per_ingest": round(parts_save * 1000 / args.ingests, 1),
                    "parts_rows_written_per_ingest": round(written / args.ingests),
                    "parts_rows_stored": total_rows,
                    "one_value_ms_per_article": round(blob_ms, 2),
                    "one_value_load_save_ms_per_ingest": round(blob_trip * 1000 / args.ingests, 1),
                    "one_value_over_parts": round(blob_ms / parts_ms, 2) if blob_ms else None,
                    "parts_first_write_s": round(build_s, 1),
                    "parts_read_per_ingest": {k: round(v / args.ingests)
                                              for k, v in sorted(counted.read.items())},
                    "parts_written_per_ingest": {k: round(v / args.ingests)
                                                 for k, v in sorted(counted.written.items())}}
        r = rows[cp]
        line = (f"{cp:>7} stored: parts {parts_ms:6.2f} CPU ms/article (save "
                f"{r['parts_save_ms_per_ingest']:.0f} ms/ingest, "
                f"{r['parts_rows_written_per_ingest']} of {total_rows} rows written)")
        if blob_ms:
            line += (f"   one JSON value {blob_ms:7.2f} ms/article (load+save "
                     f"{r['one_value_load_save_ms_per_ingest']:.0f} ms/ingest)   "
                     f"x{blob_ms / parts_ms:.1f}")
        print(line, flush=True)
        for what, c in (("read", r["parts_read_per_ingest"]),
                        ("written", r["parts_written_per_ingest"])):
            print(f"{'':>9}{what} per ingest: " + ", ".join(
                f"{kind} {c[kind + ' rows']} ({c[kind + ' bytes'] / 1000:.0f} KB)"
                for kind in sorted({k.split()[0] for k in c})), flush=True)
    out = {"command": "python benchmarks/stories_ingest_cost.py " + " ".join(argv or sys.argv[1:]),
           "ingests": args.ingests, "batch": args.batch, "checkpoints": rows}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
