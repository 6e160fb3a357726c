"""Reuse by level on real texts, beside a word 3-gram containment baseline tuned on ECB+.

    python benchmarks/reuse_levels.py [--negatives 4] [--set bbc|onestop|both] [--limit N]

Two sets, each pair compared with :func:`storyline.compare`.

**OneStopEnglish** (``benchmarks/data/reuse_onestop.jsonl``, built by ``build_reuse_onestop.py``;
CC BY-SA 4.0): 189 Guardian articles and two rewrites of each written by people for learners.
Every text is written to a file in the corpus's own encoding (Windows-1252) with the line breaks
of its source (hard-wrapped at a PDF's column width) and read back with ingest's reader, as
``storyline compare`` reads files (one decoder, one plain-text layout), so decoding and unwrapping
are part of what is measured:

* ``light``: the intermediate rewrite against the article (most sentences kept, many reworded);
* ``heavy``: the elementary rewrite against the article (shorter, reworded throughout);
* ``light_short`` / ``heavy_short``: the opening paragraphs of each rewrite, 150-300 words (a short
  text all of whose content derives from the longer one), against the whole article;
* ``independent_topic``: an article's rewrite against the *nearest other article* of the corpus
  (TF-IDF cosine: the most similar topic there is) and against a random one; a link is false.

**BBC summaries** (``benchmarks/data/reuse_bbc_summaries.jsonl``, built by ``build_reuse_levels.py``):
100 BBC News articles and a human-selected extractive summary of each (100-300 words), raw texts:

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
ONESTOP = ROOT / "benchmarks" / "data" / "reuse_onestop.jsonl"
ECB = ROOT.parent / "shared" / "data" / "ecbplus-dev"
LEVELS = ("copied", "copied_wrapped", "independent")
ONESTOP_LEVELS = ("light", "heavy", "light_short", "heavy_short", "independent_topic")
NEGATIVE_LEVELS = ("independent", "independent_topic")


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


def read_as_file(text: str, encoding: str, folder: Path, name: str) -> str:
    """``text`` written to a file in ``encoding`` and read back as ingest and ``compare`` read it
    (the stored text: decoded, normalised, unwrapped)."""
    from storyline.ingest import read_inputs
    from storyline.models import Article

    path = folder / f"{name}.txt"
    path.write_bytes(text.encode(encoding, "replace"))
    (item,) = list(read_inputs([str(path)]))
    if not isinstance(item, Article):
        raise RuntimeError(f"{name}: rejected: {item}")
    return item.text


def opening(text: str, min_words: int = 150, max_words: int = 300) -> str:
    """The first paragraphs of ``text``: at least ``min_words`` words, at most ``max_words``
    where the paragraphs allow (never less than one paragraph)."""
    out: list[str] = []
    n = 0
    for para in text.split("\n\n"):
        words = len(para.split())
        if out and (n >= min_words or n + words > max_words):
            break
        out.append(para)
        n += words
    return "\n\n".join(out)


def _neighbours(texts: Sequence[str]) -> list[int]:
    """For each text, the index of the most similar other text (TF-IDF cosine)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    m = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    sim = (m @ m.T).toarray()
    for i in range(len(texts)):
        sim[i, i] = -1.0
    return [int(row.argmax()) for row in sim]


def onestop_pairs(seed: int = 7, limit: int | None = None) -> list[tuple[str, str, str]]:
    """``(level, text_a, text_b)`` of the OneStopEnglish set, each text read as a file."""
    import tempfile

    recs = [json.loads(line) for line in ONESTOP.open(encoding="utf-8")][:limit]
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stored = [{lv: read_as_file(r[lv], "cp1252", folder, f"{n}-{lv}")
                   for lv in ("adv", "int", "ele")} for n, r in enumerate(recs)]
    near = _neighbours([s["adv"] for s in stored])
    out = []
    for n, s in enumerate(stored):
        out.append(("light", s["adv"], s["int"]))
        out.append(("heavy", s["adv"], s["ele"]))
        out.append(("light_short", s["adv"], opening(s["int"])))
        out.append(("heavy_short", s["adv"], opening(s["ele"])))
        other = rng.choice([m for m in range(len(stored)) if m not in (n, near[n])])
        for m in (near[n], other):
            out.append(("independent_topic", stored[m]["adv"], s[rng.choice(["int", "ele"])]))
    return out


def evaluate(negatives: int = 4, semantic: str = "off", which: str = "both",
             limit: int | None = None) -> dict:
    from storyline.reuse import ReuseSettings, compare

    settings = ReuseSettings(semantic=semantic)
    _, ecb_pos, ecb_neg = ecb_pairs()
    threshold = tune_threshold([containment(a, b) for a, b in ecb_pos],
                               [containment(a, b) for a, b in ecb_neg])
    pairs: list[tuple[str, str, str]] = []
    if which in ("bbc", "both"):
        pairs += level_pairs(negatives)
    if which in ("onestop", "both"):
        pairs += onestop_pairs(limit=limit)
    rows: dict[str, dict[str, int]] = {}
    false_links = []
    missed = []
    for level, a, b in pairs:
        linked = compare(a, b, settings).linked
        row = rows.setdefault(level, {"pairs": 0, "storyline": 0, "baseline": 0})
        row["pairs"] += 1
        row["storyline"] += linked
        row["baseline"] += containment(a, b) >= threshold
        if level in NEGATIVE_LEVELS and linked:
            false_links.append((level, a[:60], b[:60]))
        elif level not in NEGATIVE_LEVELS and not linked:
            missed.append((level, a[:60], b[:60]))
    return {"baseline_threshold": round(threshold, 4), "baseline_tuned_on": "ECB+ labelled pairs",
            "levels": rows, "false_links": false_links, "missed": missed}


def print_table(res: dict) -> None:
    print(f"Reuse by level; baseline: word 3-gram containment >= "
          f"{res['baseline_threshold']} (tuned on {res['baseline_tuned_on']})")
    print(f"{'level':<16}{'pairs':>6}{'storyline':>11}{'baseline':>10}   (link rate)")
    for lv, row in res["levels"].items():
        n = max(1, row["pairs"])
        print(f"{lv:<16}{row['pairs']:>6}{row['storyline'] / n:>11.3f}{row['baseline'] / n:>10.3f}")
    for level, a, b in res["false_links"][:10]:
        print(f"  false link ({level}): {a!r} ~ {b!r}")
    for level, a, b in res["missed"][:10]:
        print(f"  missed ({level}): {a!r} ~ {b!r}")


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--negatives", type=int, default=4)
    ap.add_argument("--set", dest="which", choices=("bbc", "onestop", "both"), default="both")
    ap.add_argument("--limit", type=int, default=None, help="first N OneStopEnglish articles")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "reuse_levels.json")
    args = ap.parse_args(argv)
    res = evaluate(args.negatives, which=args.which, limit=args.limit)
    print_table(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, sort_keys=True) + "\n")
    return res


if __name__ == "__main__":
    main()
