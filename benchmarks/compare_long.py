"""``compare()`` of two long texts: seconds and growth, with and without ``reuse.max_key_sentences``.

    python benchmarks/compare_long.py [--sizes 100000 250000 500000 1000000]

Texts are ECB+ dev articles (``../shared/data/ecbplus-dev``) joined until the size is reached; B
holds every third article of A verbatim, every third upper-cased (found only by the character
ratio after normalisation) and the rest from elsewhere, so both copies and independent text are
in play. Baseline in the same run: the same code with the cap off (``max_key_sentences`` =
1,000,000). Growth is log(t2/t1)/log(n2/n1) between successive sizes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import time
from pathlib import Path

from storyline.reuse import ReuseSettings, compare

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))


def texts(size: int) -> tuple[str, str]:
    arts = [json.loads(line)["text"]
            for line in (SHARED / "data" / "ecbplus-dev" / "articles.jsonl").open(encoding="utf-8")]
    a: list[str] = []
    b: list[str] = []
    for i, t in enumerate(arts * 10):
        if sum(map(len, a)) < size:
            a.append(t)
        if sum(map(len, b)) < size:
            b.append(t if i % 3 == 0 else t.upper() if i % 3 == 1 else arts[(i * 7 + 1) % len(arts)])
        if sum(map(len, a)) >= size and sum(map(len, b)) >= size:
            break
    return "\n\n".join(a)[:size], "\n\n".join(b)[:size]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 250_000, 500_000, 1_000_000])
    args = ap.parse_args()
    capped = ReuseSettings()
    uncapped = dataclasses.replace(capped, max_key_sentences=1_000_000)
    print(f"{'chars':>9} {'capped s':>9} {'growth':>7} {'uncapped s':>11} {'growth':>7} "
          f"{'ratio':>6} {'same result':>11}")
    prev: tuple[int, float, float] | None = None
    for size in args.sizes:
        a, b = texts(size)
        t0 = time.perf_counter()
        got = compare(a, b, capped)
        t1 = time.perf_counter()
        base = compare(a, b, uncapped)
        t2 = time.perf_counter()
        tc, tu = t1 - t0, t2 - t1
        gc = gu = ""
        if prev is not None:
            k = math.log(size / prev[0])
            gc, gu = f"{math.log(tc / prev[1]) / k:.2f}", f"{math.log(tu / prev[2]) / k:.2f}"
        print(f"{size:>9} {tc:>9.1f} {gc:>7} {tu:>11.1f} {gu:>7} {tc / tu:>6.2f} "
              f"{str(got.aligned_sentences == base.aligned_sentences):>11}")
        prev = (size, tc, tu)


if __name__ == "__main__":
    main()
