"""Cost of adding one article to a growing EventIndex, on a synthetic stream.

    python benchmarks/stories_incremental.py                 # the full run: 100,000 stored
    python benchmarks/stories_incremental.py --n 20000       # a quick one

Synthetic Documents are built directly (no spaCy): a stream of incidents, each with its own
entities (drawn from a Zipf-distributed (s=0.8) pool of 50,000 names, so that popular names recur across
incidents), a few incident words and a place, published over a calendar that advances as the stream
goes (about 300 articles a day); each article mixes its incident's keys with ~60 background words
drawn from a Zipf distribution over a 30,000-word vocabulary. Articles arrive in date order, as
from a feed.

Reported: mean CPU milliseconds (``time.process_time``, so that other work on the machine does
not count; wall-clock means are reported too) per ``EventIndex.add`` over the ``--window`` articles added after
1k, 10k and 100k (``--n``) stored articles; peak resident memory; the event-level B-cubed F1
against the generating incidents (a sanity check, not a benchmark of quality). Baseline in the
same run and on the same stored corpus: right after each index window, ``--brute-window``
articles are added choosing their event by scoring every stored event instead of the inverted
index's candidates (brute force); the ratio of the two times, and how often the index's
candidates lead to the event brute force picks, are reported. Results go to
``benchmarks/results/stories_incremental.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from storyline.models import Annotation, Article, Document, Mention, Sentence, Token, content_id
from storyline.stories import EventIndex, StoriesSettings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from storyeval import bcubed  # noqa: E402

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


class MeasuredIndex(EventIndex):
    """The index, with a brute-force mode for the baseline: while ``brute`` is set, the event an
    article joins is chosen by scoring every stored event (no inverted index); the index's own
    choice is computed too, untimed, to count how often both agree."""

    brute = False
    agree = 0
    compared = 0
    untimed = 0.0  # seconds spent on the index's own choice in brute mode (taken off the time)

    def best_event(self, dv, exclude=None):  # type: ignore[override]
        if not self.brute:
            return super().best_event(dv, exclude)
        t0 = time.perf_counter()
        fast = super().best_event(dv, exclude)
        self.untimed += time.perf_counter() - t0
        self._all = True
        try:
            exact = super().best_event(dv, exclude)
        finally:
            self._all = False
        self.compared += 1
        self.agree += fast == exact
        return exact

    _all = False

    def candidates(self, dv):  # type: ignore[override]
        if self._all:
            return list(self.events)
        return super().candidates(dv)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, seed: int, checkpoints: Sequence[int], window: int, brute_window: int) -> dict:
    """One stream into one index. After each checkpoint: ``window`` adds timed with the index,
    then ``brute_window`` adds timed in brute-force mode on the same stored corpus."""
    index = MeasuredIndex(StoriesSettings())
    gold: dict[str, int] = {}
    ours: dict[int, list[float]] = {}
    brute: dict[int, list[float]] = {}
    ours_wall: dict[int, list[float]] = {}
    brute_wall: dict[int, list[float]] = {}
    rss_before = _rss_mb()
    agreement: dict[int, float] = {}
    events_at: dict[int, int] = {}
    rss_at: dict[int, float] = {}
    t_all = time.perf_counter()
    t_adds = 0.0
    for k, (doc, inc) in enumerate(stream(n, seed)):
        gold[doc.id] = inc
        cp = next((c for c in checkpoints if c <= k < c + window + brute_window), None)
        in_brute = cp is not None and k >= cp + window
        index.brute = in_brute
        index.untimed = 0.0
        c0 = time.process_time()
        t0 = time.perf_counter()
        index.add(doc)
        t1 = time.perf_counter()
        cpu_ms = (time.process_time() - c0 - index.untimed) * 1000
        dt_ms = (t1 - t0 - index.untimed) * 1000
        t_adds += dt_ms / 1000
        if cp is None:
            continue
        if k == cp:
            events_at[cp] = len(index.events)
            index.agree = index.compared = 0
        (brute if in_brute else ours).setdefault(cp, []).append(cpu_ms)
        (brute_wall if in_brute else ours_wall).setdefault(cp, []).append(dt_ms)
        if k == cp + window + brute_window - 1:
            agreement[cp] = index.agree / max(1, index.compared)
            rss_at[cp] = _rss_mb()
            o, b = ours[cp], brute[cp]
            print(f"  {cp:>7} stored, {events_at[cp]} events: index {sum(o) / len(o):.2f} CPU ms/add, "
                  f"brute force {sum(b) / len(b):.2f}, same event {agreement[cp]:.0%}; "
                  f"peak RSS so far {rss_at[cp]:.0f} MB; {time.perf_counter() - t_all:.0f} s",
                  flush=True)
    pred = index.assignments()
    def means(d: dict[int, list[float]]) -> dict[int, float]:
        return {c: round(sum(v) / len(v), 3) for c, v in d.items()}

    mean, bmean = means(ours), means(brute)
    return {
        "index_ms_per_add": mean,
        "brute_force_ms_per_add": bmean,
        "index_median_ms_per_add": {c: round(statistics.median(v), 3) for c, v in ours.items()},
        "index_wall_ms_per_add": means(ours_wall),
        "brute_force_wall_ms_per_add": means(brute_wall),
        "rss_mb_before_stream": round(rss_before),
        "brute_force_over_index": {c: round(bmean[c] / mean[c], 1) for c in mean},
        "index_picks_brute_force_event": {c: round(a, 3) for c, a in agreement.items()},
        "events_at_checkpoint": events_at,
        "peak_rss_mb_at_checkpoint": {c: round(r) for c, r in rss_at.items()},
        "events": len(index.events),
        "event_f1": round(bcubed(pred, gold)[2], 4),
        "seconds_in_add": round(t_adds, 1),
        "total_seconds": round(time.perf_counter() - t_all, 1),
        "postings_keys": len(index.postings),
        "largest_event": max(len(e.members) for e in index.events.values()),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000,
                    help="stored articles at the last checkpoint (default 100000)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--window", type=int, default=500, help="adds timed after each checkpoint")
    ap.add_argument("--brute-window", type=int, default=100,
                    help="brute-force adds timed after the index's window (default 100)")
    args = ap.parse_args(argv)

    checkpoints = [c for c in (1_000, 10_000, 100_000) if c < args.n] + [args.n]
    checkpoints = sorted(set(checkpoints))
    total = args.n + args.window + args.brute_window
    res = run(total, args.seed, checkpoints, args.window, args.brute_window)
    peak_mb = _rss_mb()

    print(f"\nCPU time per add\n{'stored':>8} {'ms/add (index)':>15} {'ms/add (brute force)':>21} {'ratio':>6} "
          f"{'same event':>10}")
    for c in checkpoints:
        print(f"{c:>8} {res['index_ms_per_add'][c]:>15.2f} {res['brute_force_ms_per_add'][c]:>21.2f} "
              f"{res['brute_force_over_index'][c]:>6.1f} {res['index_picks_brute_force_event'][c]:>10.1%}")
    print(f"\n{total} articles, {res['events']} events, {res['total_seconds']} s "
          f"({res['seconds_in_add']} s in add), event B-cubed F1 {res['event_f1']:.3f}; "
          f"peak RSS {peak_mb:.0f} MB")
    out = {"n": args.n, "articles_added": total, "seed": args.seed, "window": args.window,
           "brute_window": args.brute_window, "result": res, "peak_rss_mb": round(peak_mb),
           "settings": StoriesSettings().__dict__}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, sort_keys=True, default=str) + "\n",
                       encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
