"""Build ``benchmarks/data/reuse_bbc_summaries.jsonl`` from a snapshot of the public repository
``adamchristiansen/text-summarizer`` (its ``corpus/``: 100 BBC News articles, 20 in each of 5
sections, with a human-selected extractive summary of each; CC0 per the corpus README, from the
"BBC News Summary" data set of P. Sharif, 2018, itself built on the BBC data set of Greene &
Cunningham, 2006).

    python benchmarks/build_reuse_levels.py /work/.mirror/adamchristiansen+text-summarizer/repo

Each record: ``{"section", "n", "article", "summary"}``. A summary (100-300 words) is the article's
own sentences, chosen by a person and put in another order, one per line: a short text whose
content is all derived from the article, split into lines differently from it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "reuse_bbc_summaries.jsonl"


def _show(repo: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout.decode("utf-8")


def main(argv: list[str] | None = None) -> None:
    repo = Path((argv or sys.argv[1:])[0])
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD",
                            "corpus/article"], check=True, capture_output=True,
                           text=True).stdout.split()
    with OUT.open("w", encoding="utf-8") as fh:
        for name in sorted(names):
            _, _, section, file = name.split("/")
            rec = {"section": section, "n": file.split(".")[0],
                   "article": _show(repo, name).strip(),
                   "summary": _show(repo, f"corpus/summary/{section}/{file}").strip()}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(names)} records to {OUT}")


if __name__ == "__main__":
    main()
