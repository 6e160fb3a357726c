"""ECB+ dev, whole: the checks with the blocking cap (``checks.block_max_candidates``) at its
default, with the cap off, with a cap per claim (``checks.block_max_pairs_per_claim`` 60 and
20), and with every pair compared (``exhaustive``), on one analysis.

The cap bounds what a common blocking key adds to a claim's candidates (sorted neighbourhood);
it is the one part of the cross-check's blocking that is not exact. This measures what it
changes on real news. Usage::

    python benchmarks/crosscheck_caps.py [--db /tmp/ecb.db] [--out results/crosscheck_caps.json]

The store (ingest of the 462 articles, minutes) is kept in ``--db`` and reused.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

from crosscheck_scale import ECB, ROOT

from storyline.crosscheck import check_corpus
from storyline.pipeline import STAGES, Context, ingest_into, load_documents, run_stages
from storyline.settings import Settings
from storyline.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/storyline-ecb-caps.db"))
    ap.add_argument("--out", type=Path,
                    default=ROOT / "benchmarks" / "results" / "crosscheck_caps.json")
    args = ap.parse_args()
    if not args.db.exists():
        with Store(args.db) as store:
            ingest_into(store, [str(ECB)], Settings())
    with Store(args.db) as store:
        docs = load_documents(store)
    v = run_stages(STAGES[:4], Context(settings=Settings(), store=None, values={"docs": docs}))
    inputs = (v["claims"], v["docs"], v["families"], v["stories"], v["entities"])
    default = Settings().checks
    variants = {
        f"cap {default.block_max_candidates} (default)": (default, False),
        "cap 0 (off)": (dataclasses.replace(default, block_max_candidates=0), False),
        **{f"cap {default.block_max_candidates}, {m} a claim": (
            dataclasses.replace(default, block_max_pairs_per_claim=m), False) for m in (60, 20)},
        "all pairs": (default, True),
    }
    found: dict[str, set] = {}
    rows: dict[str, dict] = {}
    for name, (settings, exhaustive) in variants.items():
        t = time.process_time()
        result = check_corpus(*inputs, settings, exhaustive=exhaustive)
        found[name] = set(result.checks)
        rows[name] = {"checks": len(result.checks), "cpu_s": round(time.process_time() - t, 2)}
    reference = found["all pairs"]
    for name, checks in found.items():
        rows[name].update(identical_to_all_pairs=checks == reference,
                          only_here=len(checks - reference),
                          only_all_pairs=len(reference - checks))
        print(name, json.dumps(rows[name]))
    args.out.write_text(json.dumps({"articles": len(docs), "variants": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
