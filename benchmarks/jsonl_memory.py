"""Peak memory of reading a large JSON Lines file: storyline's streaming reader beside a baseline
that loads every record first (``[json.loads(line) for line in file]``), in the same run.

    python benchmarks/jsonl_memory.py --mb 1024     # a 1 GB file (written to a temp folder)

Each reader runs in its own child process; its peak RSS (``ru_maxrss``) is printed with the file
size and the time taken. Reading only (no annotation): memory of the reader, not of spaCy.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("fire harbour workers officials said tuesday quay port authority evacuated crews "
         "blaze warehouse investigators market container terminal smoke spread streets").split()


def write_feed(path: Path, mb: int) -> int:
    rng = random.Random(0)
    n, size = 0, 0
    with path.open("w", encoding="utf-8") as fh:
        while size < mb << 20:
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(80, 400))) + "."
            line = json.dumps({"id": f"r{n}", "outlet": "Northwire", "published": "2025-03-04",
                               "title": f"Report {n}", "text": f"Item {n}: {text}"}) + "\n"
            fh.write(line)
            size += len(line)
            n += 1
    return n


CHILD = {
    "storyline": ("from storyline.ingest import read_inputs\n"
                  "n = sum(1 for _ in read_inputs([sys.argv[1]]))\n"),
    "load-all": ("import json\n"
                 "rows = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]\n"
                 "n = len(rows)\n"),
}


def measure(name: str, path: Path) -> tuple[int, float, int]:
    code = ("import sys, resource\n" + CHILD[name] +
            "print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), time.monotonic() - start, int(out[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=1024)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        records = write_feed(path, args.mb)
        size = path.stat().st_size
        print(f"file: {size / 2**20:.0f} MB, {records} records")
        print(f"{'reader':<10} {'records':>9} {'seconds':>8} {'peak RSS MB':>12}")
        for name in CHILD:
            n, secs, rss_kb = measure(name, path)
            print(f"{name:<10} {n:>9} {secs:>8.0f} {rss_kb / 1024:>12.0f}", flush=True)


if __name__ == "__main__":
    main()
