"""Choose the ``dev2`` articles of the AllSides quotation labels and print them for labelling.

The choice is reproducible: every article of the fetched ``ramybaly/Article-Bias-Prediction``
snapshot from an outlet in ``OUTLETS`` (none of them in the ``dev`` or ``test`` split), on a topic
in ``TOPICS``, 1,200-3,500 characters of ``content_original``, with 5-10 passages of 4+ words
between double quotation marks (``quoted_passages``), taken in the order of
SHA-1(``SEED`` + id), at most ``PER_OUTLET`` per outlet, until ``N`` are chosen.

    python benchmarks/build_quotes_dev2.py            # the chosen ids, outlet, topic
    python benchmarks/build_quotes_dev2.py --scan     # each text with its passages numbered

The labels themselves were written by hand (``data/quotes/GUIDELINES.md``); this script only
chooses the texts and prints the mechanical scan the first pass started from.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes_political import SNAPSHOT, allsides_text  # noqa: E402

SEED = "storyline-quotes-dev2-2026"
N = 40
PER_OUTLET = 3
OUTLETS = (
    "Washington Post", "Vox", "The Daily Caller", "National Review", "The Guardian",
    "Daily Beast", "New York Post", "Bloomberg", "Slate", "Mother Jones", "CBS News",
    "NBC News (Online)", "Axios", "Al Jazeera", "Time Magazine", "Chicago Sun-Times",
    "The Daily Wire", "Washington Free Beacon", "Reason", "Salon",
)
TOPICS = (
    "elections", "politics", "white_house", "us_congress", "us_senate", "us_house",
    "immigration", "supreme_court", "healthcare", "federal_budget", "national_security",
    "trade", "gun_control_and_gun_rights", "republican_party", "democratic_party",
    "impeachment", "justice_department",
)
_PASSAGE = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """Spans between a pair of double marks on one line, 4+ words (a rough count for choosing
    texts; the labels are not derived from it)."""
    return [m.span(1) for m in _PASSAGE.finditer(text) if len(m.group(1).split()) >= 4]


def _all_records(repo: Path) -> list[dict]:
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "--name-only", "HEAD",
                            "data/jsons/"], capture_output=True, text=True, check=True)
    paths = names.stdout.split()
    out = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"],
                         input="".join(f"HEAD:{p}\n" for p in paths).encode(),
                         capture_output=True, check=True).stdout
    recs, pos = [], 0
    for _ in paths:
        nl = out.index(b"\n", pos)
        size = int(out[pos:nl].split()[2])
        recs.append(json.loads(out[nl + 1 : nl + 1 + size]))
        pos = nl + 1 + size + 1
    return recs


def choose(repo: Path = SNAPSHOT) -> list[dict]:
    cands = [r for r in _all_records(repo)
             if r["source"] in OUTLETS and r["topic"] in TOPICS
             and 1200 <= len(r["content_original"]) <= 3500
             and 5 <= len(quoted_passages(allsides_text(r))) <= 10]
    cands.sort(key=lambda r: hashlib.sha1((SEED + r["ID"]).encode()).hexdigest())
    per: dict[str, int] = {}
    chosen = []
    for r in cands:
        if per.get(r["source"], 0) < PER_OUTLET:
            per[r["source"]] = per.get(r["source"], 0) + 1
            chosen.append(r)
        if len(chosen) == N:
            break
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--scan", action="store_true", help="print each text, passages numbered")
    args = ap.parse_args(argv)
    for r in choose():
        print(f"{r['ID']}\t{r['source']}\t{r['topic']}")
        if args.scan:
            text = allsides_text(r)
            print(text)
            for k, (s, e) in enumerate(quoted_passages(text)):
                print(f"  [{k}] {s}-{e} {text[s:e]!r}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
