"""The reuse stage's growth with the corpus: ``find_reuse`` in one process on composed corpora.

    python benchmarks/reuse_scale.py --corpus DIR [DIR ...] [--old-src OLD/src]

Each ``DIR`` is a composed corpus (Parquet parts of annotated articles, ``composed_store.py``;
``spark_scale.py --n N --store S`` builds ``S/genN-s0``). Per corpus and per code version, in a
fresh process: CPU seconds of :func:`storyline.reuse.find_reuse` with ``reuse.processes`` 1 (all
the work in the one process, so its CPU time is all of it and a shared machine does not move it
much), the number of links, and whether links and families equal those of the first version run.
With ``--old-src`` (the ``src`` of a ``git archive`` of another commit) that code runs on the
same corpora in the same run: the baseline. Between consecutive sizes the growth exponent
``log(t2/t1) / log(n2/n1)`` (1: linear; n log n from 10k to 100k is about 1.2).

Writes ``benchmarks/results/reuse_scale.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent


def _child(corpus: Path, out: Path) -> None:
    import dataclasses

    import composed_store

    from storyline.reuse import find_reuse
    from storyline.settings import Settings

    docs = [d for p in composed_store.parts(corpus) for d in composed_store.load_documents(p)]
    settings = dataclasses.replace(Settings().reuse, processes=1)
    c0 = time.process_time()
    result = find_reuse(docs, settings)
    cpu = time.process_time() - c0
    out.write_bytes(pickle.dumps({"n": len(docs), "cpu_s": cpu, "links": result.links,
                                  "families": result.families}))


def run(corpus: Path, src: Path | None) -> dict[str, Any]:
    """``find_reuse`` on ``corpus`` with the code at ``src`` (None: this checkout's)."""
    env = dict(os.environ)
    path = [str(ROOT)] + ([str(src)] if src else []) + [env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in path if p)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.pkl"
        subprocess.run([sys.executable, __file__, "--child", str(corpus), "--result", str(out)],
                       check=True, env=env)
        return pickle.loads(out.read_bytes())


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, nargs="+")
    ap.add_argument("--old-src", type=Path, help="src folder of another commit: the baseline")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "reuse_scale.json")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child, args.result)
        return None
    if not args.corpus:
        ap.error("--corpus is required")
    versions = {"current": None, **({"old": args.old_src} if args.old_src else {})}
    rows: list[dict[str, Any]] = []
    for corpus in args.corpus:
        first = None
        for name, src in versions.items():
            res = run(corpus, src)
            row = {"corpus": corpus.name, "version": name, "n": res["n"],
                   "cpu_s": round(res["cpu_s"], 1), "links": len(res["links"])}
            if first is None:
                first = res
            else:
                row["same_links"] = res["links"] == first["links"]
                row["same_families"] = res["families"] == first["families"]
            rows.append(row)
            print(json.dumps(row), flush=True)
    for name in versions:
        mine = sorted((r for r in rows if r["version"] == name), key=lambda r: r["n"])
        for a, b in zip(mine, mine[1:]):
            b[f"exponent_from_{a['n']}"] = round(
                math.log(b["cpu_s"] / a["cpu_s"]) / math.log(b["n"] / a["n"]), 2)
    out = {"command": "python benchmarks/reuse_scale.py " + " ".join(
        sys.argv[1:] if argv is None else argv), "rows": rows}
    args.out.write_text(json.dumps(out, indent=1) + "\n")
    return out


if __name__ == "__main__":
    main()
