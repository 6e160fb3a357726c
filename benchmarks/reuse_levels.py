"""Reuse by level on real short texts, beside a word 3-gram containment baseline tuned on ECB+.

    python benchmarks/reuse_levels.py [--negatives 4]

Set (``benchmarks/data/reuse_bbc_summaries.jsonl``, built by ``build_reuse_levels.py``): 100 BBC
News articles and a human-selected extractive summary of each (100-300 words). Levels, each pair
compared with :func:`storyline.compare` (raw texts, as ``storyline compare`` aligns them):

* ``copied``: the summary against its article (the article's sentences, chosen and reordered,
  one per line where the article has paragraphs);
* ``copied_wrapped``: the same summary run into one paragraph and hard-wrapped at 70 characters,
  given raw (not unwrapped by ingest): alignment must not depend on lines and sentences agreeing;
* ``independent``: the summary or the article against ``--negatives`` other articles of the same
  BBC section (same topic area, written independently; a link here is a false link).

Baseline: containment of the shorter text's word 3-grams in the longer (Broder 1997; Clough et
al. 2002), with the threshold chosen on a *different* set: the ECB+ labelled pairs of
``benchmarks/reuse_labelled.py`` (planted derivations as positives, ECB+ reports of the same event as
negatives), the threshold that maximises accuracy there. Run from ``reuse_quality.py`` too.
"""

from __future__ import annotations

import argparse
import json
import random
import textwrap
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data" / "reuse_bbc_summaries.jsonl"
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev"
LEVELS = ("copied", "copied_wrapped", "independent")


def trigrams(text: str) -> set[tuple[str, str, str]]:
    from storyline.reuse.text import words

    ws = words(text)
    return set(zip(ws, ws[1:], ws[2:]))


def containment(a: str, b: str) -> float:
    """Share of the shorter text's word 3-grams found in the other."""
    ga, gb = trigrams(a), trigrams(b)
    short, other = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return len(short & other) / len(short) if short else 0.0


def tune_threshold(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """The containment threshold with the best accuracy (ties: the lower threshold)."""
    best = (-1.0, 0.0)
    for t in sorted(set(positives) | set(negatives)):
        ok = sum(p >= t for p in positives) + sum(n < t for n in negatives)
        acc = ok / (len(positives) + len(negatives))
        if acc > best[0]:
            best = (acc, t)
    return best[1]


def ecb_pairs(n: int = 120, seed: int = 7, max_negatives: int = 600
              ) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """(transform names, planted (source, derived) text pairs, same-event ECB+ pairs)."""
    from reuse_labelled import make_pairs  # benchmarks/, beside this script

    texts, event = {}, {}
    for line in (ECB / "articles.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        texts[rec["id"]] = rec["text"].strip()
    for line in (ECB / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        art, _topic, ev = line.split("\t")
        event[art] = ev
    pairs = make_pairs(sorted(texts.items()), n, seed)
    pos = [(p.source_text if p.source_text is not None else texts[p.source_key], p.derived_text)
           for p in pairs]
    ids = sorted(texts)
    same = [(texts[a], texts[b]) for i, a in enumerate(ids) for b in ids[i + 1:]
            if event.get(a) and event.get(a) == event.get(b)]
    random.Random(seed).shuffle(same)
    return [p.transform for p in pairs], pos, same[:max_negatives]


def level_pairs(negatives: int = 4, seed: int = 7) -> list[tuple[str, str, str]]:
    """``(level, text_a, text_b)`` of the BBC set."""
    recs = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    rng = random.Random(seed)
    out = []
    for rec in recs:
        out.append(("copied", rec["article"], rec["summary"]))
        flat = " ".join(rec["summary"].split())
        out.append(("copied_wrapped", rec["article"], textwrap.fill(flat, 70)))
        others = [r for r in recs if r["section"] == rec["section"] and r["n"] != rec["n"]]
        for other in rng.sample(others, negatives):
            out.append(("independent", other["article"],
                        rec["summary"] if rng.random() < 0.5 else rec["article"]))
    return out


def evaluate(negatives: int = 4, semantic: str = "off") -> dict:
    from storyline.reuse import ReuseSettings, compare

    settings = ReuseSettings(semantic=semantic)
    _, ecb_pos, ecb_neg = ecb_pairs()
    threshold = tune_threshold([containment(a, b) for a, b in ecb_pos],
                               [containment(a, b) for a, b in ecb_neg])
    rows: dict[str, dict[str, int]] = {lv: {"pairs": 0, "storyline": 0, "baseline": 0}
                                       for lv in LEVELS}
    false_links = []
    for level, a, b in level_pairs(negatives):
        linked = compare(a, b, settings).linked
        row = rows[level]
        row["pairs"] += 1
        row["storyline"] += linked
        row["baseline"] += containment(a, b) >= threshold
        if level == "independent" and linked:
            false_links.append((a[:60], b[:60]))
    return {"baseline_threshold": round(threshold, 4), "baseline_tuned_on": "ECB+ labelled pairs",
            "levels": rows, "false_links": false_links}


def print_table(res: dict) -> None:
    print(f"BBC summaries by level; baseline: word 3-gram containment >= "
          f"{res['baseline_threshold']} (tuned on {res['baseline_tuned_on']})")
    print(f"{'level':<16}{'pairs':>6}{'storyline':>11}{'baseline':>10}   (link rate)")
    for lv, row in res["levels"].items():
        n = max(1, row["pairs"])
        print(f"{lv:<16}{row['pairs']:>6}{row['storyline'] / n:>11.3f}{row['baseline'] / n:>10.3f}")
    for a, b in res["false_links"][:10]:
        print(f"  false link: {a!r} ~ {b!r}")


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--negatives", type=int, default=4)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "reuse_levels.json")
    args = ap.parse_args(argv)
    res = evaluate(args.negatives)
    print_table(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, sort_keys=True) + "\n")
    return res


if __name__ == "__main__":
    main()
