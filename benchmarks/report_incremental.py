"""Only what changed: a report after adding articles to a stored corpus, against reporting it cold.

    python benchmarks/report_incremental.py --sizes 1000 3000 [--add 100]

Issue #14 asks that adding 100 articles to a 100k store and reporting cost at most 5 % of
reporting the whole store. Per size ``n``, in a fresh process: the generated corpus of
``pipeline_scale.py`` (``gencorpus``, composed annotation) with ``n + add`` articles in
publication order; the first ``n`` are ingested and reported cold (nothing cached: every
stage, the report build and its writing, each measured), then the last ``add`` (the newest
reports, as a crawl brings them) are ingested and the store reported again. Printed per stage:
CPU seconds cold and after the add, and their ratio; the total with and without the add's
ingest. What a stage recomputes in full after an add is what keeps the ratio up.

Writes ``benchmarks/results/report_incremental.json``. CPU seconds: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import logging
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from pipeline_scale import ROOT, STAGE_ORDER, _measure, _spawn, measured_report

RESULTS = ROOT / "results" / "report_incremental.json"


def run_size(n: int, add: int, seed: int, work: Path) -> dict[str, Any]:
    import composed_annotation as ca
    import gencorpus

    from storyline.pipeline import ingest_into
    from storyline.settings import Settings
    from storyline.store import Store

    arts = gencorpus.generate(n + add, seed)
    first, _ = gencorpus.write(arts[:n], work / "first")
    later, _ = gencorpus.write(arts[n:], work / "later")
    cp = ca.ComposedPipeline(ca.load_nlp(), arts, cache=ca.save_cache_path(ROOT))
    settings = Settings()
    cold: dict[str, Any] = {}
    warm: dict[str, Any] = {}
    out: dict[str, Any] = {"n": n, "add": add, "seed": seed, "cold": cold, "warm": warm}
    with Store(work / "store.db") as store:
        _measure(cold, "ingest", lambda: ingest_into(store, [str(first)], settings, nlp=cp))
        values = measured_report(store, settings, work / "cold", cold)[1]
        out["cold_counts"] = {k: len(values[k]) for k in ("stories", "claims", "checks")}
        out["cold_largest_story"] = max((len(s.article_ids) for s in values["stories"]),
                                        default=0)
        cold_stories = {(s.id, s.article_ids) for s in values["stories"]}
        del values
        _measure(warm, "ingest", lambda: ingest_into(store, [str(later)], settings, nlp=cp))
        seen = _Reused()
        logging.getLogger("storyline").addHandler(seen)
        logging.getLogger("storyline").setLevel(logging.INFO)
        values = measured_report(store, settings, work / "warm", warm)[1]
        logging.getLogger("storyline").removeHandler(seen)
        out["warm_reused"] = seen.counts
        out["warm_counts"] = {k: len(values[k]) for k in ("stories", "claims", "checks")}
        # stories the add did not change (same id, same articles): their checks can be reused
        out["stories_kept"] = sum((s.id, s.article_ids) in cold_stories for s in values["stories"])
    report_stages = [st for st in STAGE_ORDER if st != "ingest"]
    cold_cpu = sum(cold[st]["cpu_s"] for st in report_stages)
    warm_cpu = sum(warm[st]["cpu_s"] for st in report_stages)
    out["ratio_report"] = warm_cpu / cold_cpu
    out["ratio_add_and_report"] = (warm_cpu + warm["ingest"]["cpu_s"]) / cold_cpu
    return out


class _Reused(logging.Handler):
    """What the report after the add recomputed, from the stages' log lines: stories checked
    again, and report.html sections rendered (the others were kept)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.counts: dict[str, list[int]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        msg = str(record.msg)
        if msg.startswith("checks: %d of %d stories recomputed"):
            self.counts["stories_checked"] = [int(a) for a in record.args]  # type: ignore[union-attr]
        elif msg.startswith("report.html: %d of %d sections rendered"):
            self.counts["html_sections_rendered"] = [int(a) for a in record.args]  # type: ignore[union-attr]
        elif msg.startswith("reuse: %d of %d candidate pairs aligned"):
            self.counts["reuse_pairs_aligned"] = [int(a) for a in record.args][:2]  # type: ignore[union-attr]


def table(runs: list[dict[str, Any]]) -> str:
    head = ["stage"]
    for r in runs:
        head += [f"{r['n']:,} cold CPU s", f"+{r['add']} CPU s", "ratio"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for st in STAGE_ORDER:
        cells = [st]
        for r in runs:
            c, w = r["cold"][st]["cpu_s"], r["warm"][st]["cpu_s"]
            cells += [f"{c:.1f}", f"{w:.1f}", f"{w / c:.2f}" if c > 0.05 else "–"]
        lines.append("| " + " | ".join(cells) + " |")
    cells = ["**report (without ingest)**"]
    for r in runs:
        cells += ["", "", f"**{r['ratio_report']:.3f}**"]
    lines.append("| " + " | ".join(cells) + " |")
    cells = ["**add's ingest + report**"]
    for r in runs:
        cells += ["", "", f"**{r['ratio_add_and_report']:.3f}**"]
    lines.append("| " + " | ".join(cells) + " |")
    cells = ["stories kept / after the add"]
    for r in runs:
        cells += ["", "", f"{r.get('stories_kept', 0)} / {r['warm_counts']['stories']}"]
    lines.append("| " + " | ".join(cells) + " |")
    for what in ("stories_checked", "html_sections_rendered", "reuse_pairs_aligned"):
        cells = [what.replace("_", " ") + " after the add"]
        for r in runs:
            got = r.get("warm_reused", {}).get(what)
            cells += ["", "", f"{got[0]} of {got[1]}" if got else "–"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        with tempfile.TemporaryDirectory(prefix="report_incremental_") as tmp:
            res = run_size(args.one, args.add, args.seed, Path(tmp))
        Path(args.result).write_text(json.dumps(res, indent=1))
        return res
    runs = [_spawn(["--one", str(n), "--add", str(args.add)], args.seed, script=__file__)
            for n in args.sizes]
    print(table(runs))
    command = "python benchmarks/report_incremental.py " + shlex.join(
        sys.argv[1:] if argv is None else argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"command": command, "runs": runs}, indent=1) + "\n",
                        encoding="utf-8")
    return {"runs": runs}


if __name__ == "__main__":
    main()
