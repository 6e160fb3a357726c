"""Writing the report of a generated corpus: records to dicts, report.json, report.html, report.md.

    python benchmarks/report_write.py [--n 1000]

The inputs are those of ``crosscheck_one_story.py`` (the generated corpus of
``pipeline_scale.py``, composed annotation; reuse, stories, claims and entities run for real,
cached in ``--cache``), then the cross-check and timeline, then :func:`build_report`. Measured,
CPU seconds and output size: ``Report.to_dict``, ``Report.to_json``, ``render_html``,
``render_markdown``. Baselines in the same run, on the same dict: ``json.dumps(indent=2)`` (the
writer before report.json went one record a line) and compact ``json.dumps`` (the floor of any
JSON writer in the standard library). Peak memory of writing the three files (tracemalloc):
``Report.write`` (streamed) against the three texts held whole, then written.

Writes ``benchmarks/results/report_write.json``. The machine is shared: compare the rows of one
run.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from crosscheck_one_story import generated_inputs
from crosscheck_scale import ROOT

from storyline.crosscheck import build_timeline, cross_check
from storyline.report.build import build_report
from storyline.report.html import render_html
from storyline.report.markdown import render_markdown
from storyline.settings import Settings

RESULTS = ROOT / "benchmarks" / "results" / "report_write.json"


def _timed(fn: Any) -> tuple[Any, float]:
    c0 = time.process_time()
    out = fn()
    return out, round(time.process_time() - c0, 2)


def run(n: int, cache: Path) -> dict[str, Any]:
    with generated_inputs(n, cache).open("rb") as fh:
        d = pickle.load(fh)
    s = Settings()
    checks = cross_check(d["claims"], d["docs"], d["families"], d["stories"], d["entities"],
                         s.checks)
    timeline = build_timeline(d["claims"], checks, d["stories"], d["docs"], s.checks)
    report = build_report(d["docs"], dict(d, checks=checks, timeline=timeline, links=()), s)
    rows: dict[str, Any] = {"n": n, "checks": len(checks), "claims": len(d["claims"])}
    data, rows["to_dict_cpu_s"] = _timed(report.to_dict)
    text, rows["to_json_cpu_s"] = _timed(report.to_json)
    rows["json_mb"] = round(len(text.encode()) / 1e6, 1)
    assert json.loads(text) == data
    old, rows["baseline_indent2_cpu_s"] = _timed(
        lambda: json.dumps(data, ensure_ascii=False, indent=2))
    rows["baseline_indent2_mb"] = round(len(old.encode()) / 1e6, 1)
    _, rows["baseline_compact_cpu_s"] = _timed(lambda: json.dumps(data, ensure_ascii=False))
    page, rows["html_cpu_s"] = _timed(lambda: render_html(data, s.report))
    rows["html_mb"] = round(len(page.encode()) / 1e6, 1)
    _, rows["md_cpu_s"] = _timed(lambda: render_markdown(data, s.report))
    del text, old, page
    rows.update(write_memory(report))
    return rows


def _peak_mb(fn: Any) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    finally:
        tracemalloc.stop()


def write_memory(report: Any) -> dict[str, float]:
    """Peak memory allocated while writing the three files (tracemalloc, the report's dict
    already built): ``Report.write``, which streams report.json and report.html to their files,
    against the baseline of the writer before, which held the three texts whole and then wrote
    them."""
    with tempfile.TemporaryDirectory() as tmp:
        def whole() -> None:
            texts = {"report.json": report.to_json(),
                     "report.html": render_html(report.to_dict(), report.settings.report),
                     "report.md": render_markdown(report.to_dict(), report.settings.report)}
            for name, text in texts.items():
                Path(tmp, name).write_text(text, encoding="utf-8")

        report.to_dict()
        return {"write_peak_mb": _peak_mb(lambda: report.write(Path(tmp) / "out")),
                "baseline_whole_texts_peak_mb": _peak_mb(whole)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/crosscheck_scale_cache"))
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    rows = run(args.n, args.cache)
    print(json.dumps(rows, indent=1))
    args.out.write_text(json.dumps({"command": f"python benchmarks/report_write.py --n {args.n}",
                                    "rows": rows}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
