"""Unwrapping hard-wrapped plain text (``storyline.ingest.layout``) on real ECB+ articles.

    python benchmarks/layout_unwrap.py [--widths 60 70 80]

Each of the 462 ECB+ dev articles (one paragraph per line) is hard-wrapped with ``textwrap`` at
each width, paragraphs separated by a blank line, then unwrapped. Reported: articles whose
originals were changed (must be 0: unwrapped news is left alone), wrapped copies detected as
wrapped, lines of the result that join two paragraphs (wrong joins), and lines that end
mid-sentence inside a paragraph (missed joins), per paragraph. Baseline in the same run: "join
every line of a block" (the usual ``' '.join`` of a paragraph block), which can never miss a join
but joins headlines, lists and tables into the text - shown on the originals, where a block is a
whole article without blank lines.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev"
SENTENCE_END = (".", '"', "?", "!", "'", "\u201d")


def _errors(out: str, paragraphs: list[str]) -> tuple[int, int]:
    wrong = missed = 0
    for line in out.split("\n"):
        line = line.strip()
        if not line:
            continue
        if not any(line in p for p in paragraphs):
            wrong += 1
        elif not any(p.strip().endswith(line) for p in paragraphs) and not line.endswith(
                SENTENCE_END):
            missed += 1
    return wrong, missed


def product(text: str) -> tuple[str, bool]:
    """What ingest stores for a ``.txt`` body before normalisation (hard-wrapped paragraphs and
    broken lines joined) and whether it warned W108."""
    from storyline.ingest.text import unwrap_lines

    out, warnings = unwrap_lines(text)
    return out, bool(warnings)


def onestop_breaks() -> dict:
    """Real PDF-wrapped text: line breaks left inside sentences (a line not ending a sentence,
    the next going on in lower case) in the 567 OneStopEnglish texts, raw and as stored."""
    from storyline.ingest.layout import _goes_on

    data = ROOT / "benchmarks" / "data" / "reuse_onestop.jsonl"
    raw = stored = lines = 0
    for line in data.open(encoding="utf-8"):
        rec = json.loads(line)
        for level in ("adv", "int", "ele"):
            for text, counter in ((rec[level], "raw"), (product(rec[level])[0], "stored")):
                ls = text.split("\n")
                n = sum(_goes_on(a, b) for a, b in zip(ls, ls[1:]))
                if counter == "raw":
                    raw += n
                    lines += len(ls)
                else:
                    stored += n
    return {"texts": 567, "lines": lines, "breaks_raw": raw, "breaks_stored": stored}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--widths", type=int, nargs="+", default=[60, 70, 80])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" /
                    "layout_unwrap.json")
    args = ap.parse_args(argv)
    texts = [json.loads(line)["text"] for line in (ECB / "articles.jsonl").open(encoding="utf-8")]
    changed_texts = [t for t in texts if product(t)[0] != t]
    changed = len(changed_texts)
    for t in changed_texts:
        before, after = t.split("\n"), product(t)[0].split("\n")
        print("  original changed:", [ln[:70] for ln in before if ln not in after][:3])
    baseline_changed = sum(" ".join(t.split("\n")) != t for t in texts)
    res = {"articles": len(texts), "originals_changed": changed,
           "baseline_originals_changed": baseline_changed, "widths": {}}
    for width in args.widths:
        row = {"wrapped": 0, "detected": 0, "paragraphs": 0, "wrong_joins": 0, "missed_joins": 0}
        for t in texts:
            paragraphs = [p for p in t.split("\n") if p.strip()]
            wrapped = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
            if "\n" not in wrapped.replace("\n\n", ""):
                continue  # nothing was wrapped
            out, warned = product(wrapped)
            row["wrapped"] += 1
            row["detected"] += warned
            row["paragraphs"] += len(paragraphs)
            wrong, missed = _errors(out, paragraphs)
            row["wrong_joins"] += wrong
            row["missed_joins"] += missed
        res["widths"][width] = row
    print(f"{len(texts)} ECB+ articles; originals changed by unwrap: {changed} "
          f"(baseline 'join every line': {baseline_changed})")
    print(f"{'width':>6}{'wrapped':>9}{'detected':>10}{'paragraphs':>12}{'wrong joins':>13}"
          f"{'missed joins':>14}")
    for width, row in res["widths"].items():
        print(f"{width:>6}{row['wrapped']:>9}{row['detected']:>10}{row['paragraphs']:>12}"
              f"{row['wrong_joins']:>13}{row['missed_joins']:>14}")
    res["onestop"] = onestop_breaks()
    print("OneStopEnglish (PDF-wrapped, proportional font): line breaks inside sentences "
          f"{res['onestop']['breaks_raw']} raw -> {res['onestop']['breaks_stored']} stored "
          f"({res['onestop']['lines']} lines)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, sort_keys=True) + "\n")
    return res


if __name__ == "__main__":
    main()
