"""Choose the ``dev2`` and ``dev3`` articles of the AllSides quotation labels and print them for labelling.

The choice is reproducible: every article of the fetched ``ramybaly/Article-Bias-Prediction``
snapshot from an outlet in ``OUTLETS`` (none of them in the ``dev`` or ``test`` split), on a topic
in ``TOPICS``, 1,200-3,500 characters of ``content_original``, with 5-10 passages of 4+ words
between double quotation marks (``quoted_passages``), taken in the order of
SHA-1(``SEED`` + id), at most ``PER_OUTLET`` per outlet, until ``N`` are chosen.

    python benchmarks/build_quotes_dev2.py            # the chosen ids, outlet, topic
    python benchmarks/build_quotes_dev2.py --scan     # each text with its passages numbered
    python benchmarks/build_quotes_dev2.py --split dev3 --scan

``dev3`` (issue 12, fourth pass) is chosen the same way from ``DEV3_OUTLETS``: outlets in none
of ``dev``, ``dev2``, ``test`` (nor a variant of a test outlet's name), seed ``DEV3_SEED``, at most
``DEV3_PER_OUTLET`` per outlet, ``DEV3_N`` articles; its scan lists every double-marked passage of
any length and every opening mark left open at the paragraph end.

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
DEV3_SEED = "storyline-quotes-dev3-2026"
DEV3_N = 30
DEV3_PER_OUTLET = 2
DEV3_OUTLETS = (
    "Townhall", "Vanity Fair", "The Atlantic", "Daily Kos", "Business Insider", "BuzzFeed News",
    "CNBC", "The Epoch Times", "International Business Times", "Independent Journal Review",
    "ThinkProgress", "The Week - News", "New York Magazine", "Media Matters", "Time Magazine",
    "Vice", "MarketWatch", "Yahoo! News", "The Intercept", "HuffPost", "MSNBC", "Raw Story",
    "San Francisco Chronicle", "RealClearPolitics", "Washington Free Beacon",
)
DEV4_SEED = "storyline-quotes-dev4-2026"
DEV4_N = 20
DEV4_PER_OUTLET = 2
DEV4_MAX_CHARS = 4500
DEV4_MAX_PASSAGES = 12
DEV4_OUTLETS = (
    "The Hill", "Yahoo! The 360", "Yahoo! News", "NewsBusters", "Media Research Center",
    "American Spectator", "Washington Post", "InfoWars", "New York Magazine", "CNS News",
    "CNSNews.com", "HotAir", "Mediaite", "Boston Herald", "The Western Journal",
    "The Daily Signal", "Chicago Tribune", "The Intercept", "NBCNews.com", "The Dispatch",
    "New York Times (Online News)", "New York Post (News)",
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


_ANY = re.compile(r"[\"“]([^\"“”\n]*)(?:[\"”]|$)", re.M)


def all_marked(text: str) -> list[tuple[int, int]]:
    """Every double-marked passage of any length, an opening mark left open running to the
    paragraph end (the ``dev3`` scan; the labels are not derived from it)."""
    return [m.span(1) for m in _ANY.finditer(text)]


def choose(repo: Path = SNAPSHOT, split: str = "dev2") -> list[dict]:
    seed, n, per_outlet, outlets = {
        "dev2": (SEED, N, PER_OUTLET, OUTLETS),
        "dev3": (DEV3_SEED, DEV3_N, DEV3_PER_OUTLET, DEV3_OUTLETS),
        "dev4": (DEV4_SEED, DEV4_N, DEV4_PER_OUTLET, DEV4_OUTLETS)}[split]
    max_chars, max_passages = (DEV4_MAX_CHARS, DEV4_MAX_PASSAGES) if split == "dev4" else (3500, 10)
    cands = [r for r in _all_records(repo)
             if r["source"] in outlets and r["topic"] in TOPICS
             and 1200 <= len(r["content_original"]) <= max_chars
             and 5 <= len(quoted_passages(allsides_text(r))) <= max_passages]
    cands.sort(key=lambda r: hashlib.sha1((seed + r["ID"]).encode()).hexdigest())
    per: dict[str, int] = {}
    chosen = []
    for r in cands:
        if per.get(r["source"], 0) < per_outlet:
            per[r["source"]] = per.get(r["source"], 0) + 1
            chosen.append(r)
        if len(chosen) == n:
            break
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--scan", action="store_true", help="print each text, passages numbered")
    ap.add_argument("--split", choices=("dev2", "dev3", "dev4"), default="dev2")
    args = ap.parse_args(argv)
    scan = quoted_passages if args.split == "dev2" else all_marked
    for r in choose(split=args.split):
        print(f"{r['ID']}\t{r['source']}\t{r['topic']}")
        if args.scan:
            text = allsides_text(r)
            print(text)
            for k, (s, e) in enumerate(scan(text)):
                print(f"  [{k}] {s}-{e} {text[s:e]!r}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
