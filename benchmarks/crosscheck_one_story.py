"""One huge generated story: the cross-check and timeline of every article checked as ONE story.

    python benchmarks/crosscheck_one_story.py --sizes 1000,3000,10000 [--caps 200,0]
        [--limits 0,100] [--old-src /tmp/base/src --old-max 1000]

Every article of the generated corpus of ``pipeline_scale.py`` (``gencorpus``, composed
annotation; reuse, stories, claims and entities run for real, cached in ``--cache``) is checked
as ONE story (the stories' events kept): ``cross_check`` + ``build_timeline``, each size and
variant in a fresh process, CPU seconds, peak memory (VmHWM after loading the inputs) and the
growth exponent between sizes, for each ``block_max_candidates`` of ``--caps`` (0: no cap)
and each ``block_max_pairs_per_claim`` of ``--limits`` (0: no limit) and,
up to ``--old-max`` articles, the code at ``--old-src`` (``git archive REV src | tar -x -C
/tmp/base``); checks compared with the first variant's. Issue #14 asks a 1,000-article story to
cost no more than linear in its claims: the exponents say how far it is.

Results go to ``benchmarks/results/crosscheck_one_story.json``. The machine is shared: compare
CPU seconds of one run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from crosscheck_scale import ROOT

from storyline.crosscheck import build_timeline, cross_check
from storyline.crosscheck.settings import CheckSettings
from storyline.models import Story

RESULTS = ROOT / "benchmarks" / "results" / "crosscheck_one_story.json"


def generated_inputs(n: int, cache: Path, seed: int = 0) -> Path:
    """The cross-check's inputs for ``n`` articles of the generated corpus (``gencorpus``,
    composed annotation as in ``pipeline_scale.py``; reuse, stories, claims and entities run
    for real), pickled in ``cache`` (built once: ingest is minutes at 3k)."""
    import pickle

    path = cache / f"generated_{n}_{seed}.pkl"
    if path.is_file():
        return path
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import composed_annotation as ca
    import gencorpus

    from storyline.pipeline import STAGES, Context, ingest_into, load_documents, run_stages
    from storyline.settings import Settings
    from storyline.store import Store

    with tempfile.TemporaryDirectory(prefix="cc-story-") as tmp:
        arts = gencorpus.generate(n, seed)
        jsonl, _ = gencorpus.write(arts, Path(tmp) / "corpus")
        cp = ca.ComposedPipeline(ca.load_nlp(), arts, cache=ca.save_cache_path(ROOT / "benchmarks"))
        settings = Settings()
        with Store(Path(tmp) / "s.db") as store:
            ingest_into(store, [str(jsonl)], settings, nlp=cp)
            ctx = Context(settings=settings, store=store, values={"docs": load_documents(store)})
            run_stages([st for st in STAGES if st.name in ("reuse", "stories", "claims",
                                                             "entities")], ctx)
            v = ctx.values
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump({k: v[k] for k in ("docs", "claims", "families", "stories", "entities")}, fh)
    return path


def _hwm_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def _one_story_child(inputs: str, cap: int | None, limit: int | None, result: str) -> None:
    """Checks and timeline of every article of ``inputs`` as ONE story (its events kept), in
    this process: CPU and wall seconds, peak memory (VmHWM, reset after loading) and counts.
    ``cap`` None: the code on the path's own defaults (the code before the cap has no such
    setting); ``limit`` None likewise for ``block_max_pairs_per_claim``."""
    import dataclasses
    import pickle

    with open(inputs, "rb") as fh:
        d = pickle.load(fh)
    arts = tuple(sorted({a for st in d["stories"] for a in st.article_ids}))
    one = [Story(id="story-all", title="all", article_ids=arts,
                 events=tuple(e for st in d["stories"] for e in st.events))]
    s = CheckSettings()
    if cap is not None:
        s = dataclasses.replace(s, block_max_candidates=cap)
    if limit is not None:
        s = dataclasses.replace(s, block_max_pairs_per_claim=limit)
    loaded = _hwm_mb()
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    row: dict = {"articles": len(arts), "claims": len(d["claims"])}
    c0, t0 = time.process_time(), time.perf_counter()
    checks = cross_check(d["claims"], d["docs"], d["families"], one, d["entities"], s)
    row.update(checks_cpu_s=round(time.process_time() - c0, 2),
               checks_s=round(time.perf_counter() - t0, 2))
    c0, t0 = time.process_time(), time.perf_counter()
    tl = build_timeline(d["claims"], checks, one, d["docs"], s)
    row.update(timeline_cpu_s=round(time.process_time() - c0, 3),
               timeline_s=round(time.perf_counter() - t0, 3),
               peak_mb=round(_hwm_mb()), loaded_mb=round(loaded),
               checks=len(checks), timeline=len(tl),
               statuses=dict(Counter(c.status for c in checks)),
               groups={c.id: c.status for c in checks},
               timeline_ids=[(e.date, e.claim_ids) for e in tl])
    Path(result).write_text(json.dumps(row))


def one_story(sizes: list[int], caps: list[int], limits: list[int], cache: Path,
              old_src: str | None, old_max: int) -> list[dict]:
    """Each size and variant in a fresh process (its own peak memory): the cap of
    ``block_max_candidates`` at each of ``caps`` (0: exact blocking, every pair sharing a key)
    with ``block_max_pairs_per_claim`` at each of ``limits`` (0: none) and, up to ``old_max``
    articles, the code at ``old_src``. The checks of each variant are compared with the
    first's (same check ids and statuses: same groups and verdicts)."""
    rows = []
    for n in sizes:
        inputs = generated_inputs(n, cache)
        variants: list[tuple[str, list[str], dict[str, str]]] = [
            (f"cap {c}" + (f" limit {m}" if m else ""), ["--cap", str(c), "--limit", str(m)], {})
            for c in caps for m in limits]
        if old_src and n <= old_max:
            variants.append(("old code", [], {"PYTHONPATH": old_src}))
        row: dict = {"n": n}
        first = None
        for name, extra, env in variants:
            with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
                out = fh.name
            subprocess.run([sys.executable, __file__, "--one-story-child", str(inputs),
                            "--child-out", out, *extra], check=True,
                           env=dict(os.environ, **env))
            got = json.loads(Path(out).read_text())
            os.unlink(out)
            groups, tl = got.pop("groups"), got.pop("timeline_ids")
            if first is None:
                first = (groups, tl)
            else:
                got["same_checks_as_first"] = groups == first[0]
                got["same_timeline_as_first"] = tl == first[1]
                got["checks_only_in_first"] = len(set(first[0]) - set(groups))
                got["checks_only_here"] = len(set(groups) - set(first[0]))
            row[name] = got
            print(json.dumps({"n": n, name: got}), flush=True)
        rows.append(row)
    for name in rows[0] if rows else ():
        if name == "n":
            continue
        for key in ("checks_cpu_s", "timeline_cpu_s", "peak_mb"):
            pts = [(r["n"], r[name][key]) for r in rows if name in r]
            for (n1, a), (n2, b) in zip(pts, pts[1:]):
                if a and b:
                    rows[[r["n"] for r in rows].index(n2)][name][f"{key}_exponent"] = round(
                        math.log(b / a) / math.log(n2 / n1), 2)
    return rows


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,3000",
                    help="sizes (articles) of the generated corpus, e.g. 1000,3000,10000 "
                         "(the inputs of each are built once, minutes, in --cache)")
    ap.add_argument("--caps", default="200",
                    help="block_max_candidates values compared (0: no cap)")
    ap.add_argument("--limits", default="0",
                    help="block_max_pairs_per_claim values compared (0: no limit)")
    ap.add_argument("--old-src", default=None, help="src of a checkout of older code")
    ap.add_argument("--old-max", type=int, default=1000,
                    help="largest size the --old-src code runs on")
    ap.add_argument("--cache", default="/tmp/crosscheck_scale_cache",
                    help="where the generated inputs are kept")
    ap.add_argument("--one-story-child", help=argparse.SUPPRESS)
    ap.add_argument("--child-out", help=argparse.SUPPRESS)
    ap.add_argument("--cap", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(RESULTS))
    args = ap.parse_args(argv)
    if args.one_story_child:
        _one_story_child(args.one_story_child, args.cap, args.limit, args.child_out)
        return 0
    rows = one_story(_ints(args.sizes), _ints(args.caps), _ints(args.limits), Path(args.cache),
                     args.old_src, args.old_max)
    command = "python benchmarks/crosscheck_one_story.py " + shlex.join(
        sys.argv[1:] if argv is None else argv)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"command": command, "rows": rows}, indent=1) + "\n",
                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
