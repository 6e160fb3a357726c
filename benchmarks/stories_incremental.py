"""Cost of adding one article to a growing EventIndex, on a synthetic stream.

    python benchmarks/stories_incremental.py [--n 20000] [--seed 5]
    python benchmarks/stories_incremental.py --n 100000      # the full run

Synthetic Documents are built directly (no spaCy): a stream of incidents, each with its own
entities (drawn from a Zipf-distributed (s=0.8) pool of 50,000 names, so that popular names recur across
incidents), a few incident words and a place, published over a calendar that advances as the stream
goes (about 300 articles a day); each article mixes its incident's keys with ~60 background words
drawn from a Zipf distribution over a 30,000-word vocabulary. Articles arrive in date order, as
from a feed.

Reported: mean milliseconds per ``EventIndex.add`` over the ``--window`` articles added after
1k, 10k, 100k (and every checkpoint up to ``--n``) stored articles; peak resident memory; the
event-level B-cubed F1 against the generating incidents (a sanity check, not a benchmark of
quality). Baseline in the same run: the same index scoring every event instead of the inverted
index's candidates (brute force), timed at the small checkpoints only (it grows linearly).
Results go to ``benchmarks/results/stories_incremental.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from storyline.models import Annotation, Article, Document, Mention, Sentence, Token, content_id
from storyline.stories import EventIndex, StoriesSettings

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "stories_incremental.json"
LABELS = ("PERSON", "ORG", "GPE")


class _Zipf:
    def __init__(self, n: int, rng: random.Random, s: float = 1.1):
        weights = [1.0 / (i + 1) ** s for i in range(n)]
        total = 0.0
        self.cum = []
        for w in weights:
            total += w
            self.cum.append(total)
        self.rng = rng
        self.total = total

    def draw(self) -> int:
        import bisect

        return bisect.bisect_left(self.cum, self.rng.random() * self.total)


def _doc(words: list[tuple[str, str | None]], title: str, published: str, salt: str) -> Document:
    """Words are (text, entity label or None); one sentence per 20 words."""
    text_parts, tokens, mentions, sents = [], [], [], []
    pos = 0
    sent_start, tok_start = 0, 0
    for i, (w, label) in enumerate(words):
        start = pos
        tokens.append(Token(start, start + len(w), w.lower(), "PROPN" if label else "NOUN", "", "",
                            len(tokens)))
        if label:
            mentions.append(Mention(start, start + len(w), label, w))
        text_parts.append(w)
        pos += len(w) + 1
        if (i + 1) % 20 == 0 or i == len(words) - 1:
            sents.append(Sentence(sent_start, pos - 1, tok_start, len(tokens)))
            sent_start, tok_start = pos, len(tokens)
    text = " ".join(text_parts)
    art = Article(id=content_id(text, salt), text=text, source="synthetic", title=title,
                  published=published)
    return Document(art, Annotation(art.id, "en", tuple(sents), tuple(tokens), tuple(mentions)))


def stream(n: int, seed: int) -> Iterator[tuple[Document, int]]:
    """(document, generating incident) in publication order."""
    rng = random.Random(seed)
    names, vocab = _Zipf(50_000, rng, 0.8), _Zipf(30_000, rng)
    active: list[tuple[int, list, list]] = []  # (incident, entity keys, incident words)
    incident = 0
    start = dt.date(2024, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=i // 300)
        if not active or rng.random() < 0.2:
            ents = [(f"Name{names.draw()}", LABELS[k % 3]) for k in range(4)]
            words = [f"w{vocab.draw()}" for _ in range(6)] + [f"x{incident}"]
            active.append((incident, ents, words))
            incident += 1
            if len(active) > 60:  # incidents fade out of the news
                active.pop(0)
        inc, ents, words = active[min(len(active) - 1, int(rng.expovariate(0.15)))]
        body: list[tuple[str, str | None]] = []
        for _ in range(60):
            body.append((f"w{vocab.draw()}", None))
        for e in ents:
            for _ in range(rng.randint(1, 3)):
                body.insert(rng.randrange(len(body) + 1), e)
        for w in words:
            if rng.random() < 0.7:
                body.insert(rng.randrange(len(body) + 1), (w, None))
        yield _doc(body, f"{ents[0][0]} {words[0]} {words[1]}", day.isoformat(), str(i)), inc


class BruteForceIndex(EventIndex):
    """Baseline: every event is a candidate (no inverted index)."""

    def candidates(self, dv):  # type: ignore[override]
        return sorted(self.events, key=lambda f: self.events[f].seq)


def bcubed_f1(pred: dict, gold: dict) -> float:
    pc, gc = defaultdict(set), defaultdict(set)
    for i in gold:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    p = sum(len(pc[pred[i]] & gc[gold[i]]) / len(pc[pred[i]]) for i in gold) / len(gold)
    r = sum(len(pc[pred[i]] & gc[gold[i]]) / len(gc[gold[i]]) for i in gold) / len(gold)
    return 2 * p * r / (p + r)


def run(index_cls, n: int, seed: int, checkpoints: Sequence[int], window: int) -> dict:
    index = index_cls(StoriesSettings())
    gold, times = {}, {}
    pending: dict[int, list[float]] = {}
    t_all = time.perf_counter()
    for k, (doc, inc) in enumerate(stream(n, seed)):
        gold[doc.id] = inc
        t0 = time.perf_counter()
        index.add(doc)
        dt_ms = (time.perf_counter() - t0) * 1000
        for c in checkpoints:
            if c <= k < c + window:
                pending.setdefault(c, []).append(dt_ms)
                if k == c + window - 1:
                    vals = pending[c]
                    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                    print(f"  [{index_cls.__name__}] {c} stored: {sum(vals) / len(vals):.2f} ms/add, "
                          f"peak RSS so far {rss:.0f} MB", flush=True)
    for c, vals in pending.items():
        times[c] = round(sum(vals) / len(vals), 3)
    pred = index.assignments()
    return {
        "ms_per_add": times,
        "events": len(index.events),
        "total_seconds": round(time.perf_counter() - t_all, 1),
        "event_f1": round(bcubed_f1(pred, gold), 4),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20_000, help="articles in the stream (default 20000)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--window", type=int, default=500, help="adds timed after each checkpoint")
    ap.add_argument("--baseline-n", type=int, default=10_500,
                    help="stream length for the brute-force baseline (default 10500)")
    args = ap.parse_args(argv)

    checkpoints = [c for c in (1_000, 10_000, 30_000, 100_000) if c + args.window <= args.n]
    ours = run(EventIndex, args.n, args.seed, checkpoints, args.window)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    base_n = min(args.n, args.baseline_n)
    base_cp = [c for c in checkpoints if c + 100 <= base_n]
    base = run(BruteForceIndex, base_n, args.seed, base_cp, 100)

    print(f"{'stored':>8} {'ms/add (index)':>15} {'ms/add (brute force)':>21} {'ratio':>6}")
    for c in checkpoints:
        b = base["ms_per_add"].get(c)
        o = ours["ms_per_add"][c]
        b_txt = f"{b:.2f}" if b else "-"
        r_txt = f"{b / o:.1f}" if b else "-"
        print(f"{c:>8} {o:>15.2f} {b_txt:>21} {r_txt:>6}")
    print(f"\nindex: {args.n} articles, {ours['events']} events, {ours['total_seconds']} s, "
          f"event B-cubed F1 {ours['event_f1']:.3f}; peak RSS {peak_mb:.0f} MB")
    print(f"brute force: {base_n} articles, event B-cubed F1 {base['event_f1']:.3f}")
    out = {"n": args.n, "seed": args.seed, "window": args.window, "index": ours,
           "peak_rss_mb_after_index_run": round(peak_mb), "brute_force": base,
           "settings": StoriesSettings().__dict__}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, sort_keys=True, default=str) + "\n",
                       encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
