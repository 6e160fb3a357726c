"""Cost per added article of ``storyline ingest``'s event assignment, at 1k / 10k / 100k stored.

    python benchmarks/stories_ingest_cost.py [--n 100000] [--ingests 10] [--batch 20]

The synthetic stream of ``stories_incremental.py`` (no spaCy). The stored corpus is built with
plain online adds (``EventIndex.add``); at each checkpoint, ``--ingests`` ingests of ``--batch``
articles each go through :func:`storyline.stories.stored.add_incrementally` (canonical order,
local repair re-weighting the touched events, whose stored members are looked up in memory here)
with the index round-tripped through its JSON state before each ingest, as the store does
(the JSON round trip is timed separately: it is linear in the stored corpus, once per ingest).
Baseline in the same run, on the same stored corpus: the same number of articles added with the
plain online ``EventIndex.add`` (no repair). Reported: CPU ms per added article (``process_time``)
of both, and their ratio. Results go to ``benchmarks/results/stories_ingest_cost.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_incremental import stream

from storyline.stories import EventIndex, StoriesSettings
from storyline.stories.stored import add_incrementally

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "stories_ingest_cost.json"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--ingests", type=int, default=10)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args(argv)
    checkpoints = sorted({c for c in (1_000, 10_000, 100_000) if c <= args.n} | {args.n})
    per_cp = args.ingests * args.batch * 2
    settings = StoriesSettings()
    index = EventIndex(settings)
    docs = {}
    it = stream(args.n + per_cp * len(checkpoints), args.seed)
    rows = {}
    stored = 0
    for cp in checkpoints:
        while stored < cp:
            doc, _ = next(it)
            docs[doc.id] = doc
            index.add(doc)
            stored += 1
        state = index.to_state()
        # baseline: plain online adds of the same number of articles
        base_docs = [next(it)[0] for _ in range(args.ingests * args.batch)]
        base = EventIndex.from_state(json.loads(json.dumps(state)), settings)
        c0 = time.process_time()
        for d in base_docs:
            base.add(d)
        base_ms = (time.process_time() - c0) * 1000 / len(base_docs)
        # ingest path: batches through add_incrementally, JSON round trip before each
        ing_docs = [next(it)[0] for _ in range(args.ingests * args.batch)]
        for d in ing_docs:
            docs[d.id] = d
        cpu = trip = 0.0
        cur = index
        for k in range(args.ingests):
            t0 = time.process_time()
            cur = EventIndex.from_state(json.loads(json.dumps(cur.to_state())), settings)
            t1 = time.process_time()
            add_incrementally(cur, ing_docs[k * args.batch:(k + 1) * args.batch],
                              lambda ids: [docs[i] for i in ids])
            cpu += time.process_time() - t1
            trip += t1 - t0
        ms = cpu * 1000 / len(ing_docs)
        rows[cp] = {"ingest_ms_per_article": round(ms, 3), "online_add_ms_per_article":
                    round(base_ms, 3), "ratio": round(ms / base_ms, 2),
                    "json_round_trip_ms_per_ingest": round(trip * 1000 / args.ingests, 1)}
        print(f"{cp:>7} stored: ingest {ms:.2f} CPU ms/article, plain online add {base_ms:.2f} "
              f"(x{ms / base_ms:.1f}); state JSON round trip {trip * 1000 / args.ingests:.0f} ms "
              f"per ingest", flush=True)
        index = cur  # the stored corpus grows by the ingested articles
        stored += len(ing_docs)
    out = {"command": "python benchmarks/stories_ingest_cost.py " + " ".join(argv or sys.argv[1:]),
           "ingests": args.ingests, "batch": args.batch, "checkpoints": rows}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
