"""Synthetic corpus with planted reuse for ``benchmarks/reuse_speed.py``.

Articles of about ``words`` words are sentences drawn from the unigram distribution of the real
ECB+ dev text (so word frequencies, stop words and common content words are realistic; syntax is
not, which does not matter to hashing and alignment cost), with 6 % of the words taken from 16
names and figures of the article's own story (random strings and numbers), the heavy tail of
real news vocabulary that a sample of 462 articles does not have. A share ``reuse`` of the articles is
derived from an earlier one:

* ``copy``: the whole article with 2 % of the words replaced (near-verbatim reprint);
* ``trim``: its leading 50-70 % of sentences;
* ``insert``: 5 consecutive sentences of it embedded in a new article;
* ``paraphrase``: every sentence rotated at a random point (clause reordering) with a fifth of
  its stop words replaced: content words kept, few 5-word shingles left.

The labelled set for quality is ``benchmarks/reuse_labelled.py`` (real text); this one is for speed
and candidate recall at scale.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ECB = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
KINDS = ("copy", "trim", "insert", "paraphrase")


@dataclass(frozen=True)
class SyntheticCorpus:
    texts: list[str]
    sentence_spans: list[list[tuple[int, int]]]
    planted: list[tuple[int, int, str]]  # (base index, derived index, kind)


def _vocabulary() -> tuple[list[str], np.ndarray]:
    from storyline.reuse.text import words

    counts: Counter[str] = Counter()
    with ECB.open(encoding="utf-8") as fh:
        for line in fh:
            counts.update(w for w in words(json.loads(line)["text"]) if w.isalpha())
    vocab = sorted(counts, key=lambda w: (-counts[w], w))
    p = np.array([counts[w] for w in vocab], dtype=float)
    return vocab, p / p.sum()


def _join(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    parts, spans, pos = [], [], 0
    for ws in sentences:
        s = " ".join(ws)
        s = s[0].upper() + s[1:] + "."
        spans.append((pos, pos + len(s)))
        parts.append(s)
        pos += len(s) + 1
    return " ".join(parts), spans


def generate(n: int, words: int = 500, reuse: float = 0.1, seed: int = 0) -> SyntheticCorpus:
    """``n`` articles, ``reuse`` of them derived from an earlier article (kinds cycle)."""
    from storyline.reuse.text import stop_words

    rng = np.random.default_rng(seed)
    vocab, p = _vocabulary()
    stops = [w for w in vocab[:400] if w in stop_words()]
    draws = iter(rng.choice(len(vocab), size=n * words * 2, p=p).tolist())

    def sentence(names: list[str]) -> list[str]:
        return [names[int(rng.integers(len(names)))] if rng.random() < 0.06 else vocab[next(draws)]
                for _ in range(int(rng.integers(10, 31)))]

    def fresh() -> list[list[str]]:
        # the story's own names and figures: the heavy tail a unigram sample of 462 articles
        # lacks (Heaps' law), without which every word of a large corpus would be "common"
        names = ["".join(chr(97 + int(c)) for c in rng.integers(0, 26, size=int(rng.integers(5, 9))))
                 for _ in range(12)] + [str(int(rng.integers(10, 100000))) for _ in range(4)]
        out, total = [], 0
        while total < words:
            s = sentence(names)
            out.append(s)
            total += len(s)
        return out

    bodies: list[list[list[str]]] = []
    planted = []
    n_derived = int(n * reuse)
    derived_at = set(rng.choice(np.arange(1, n), size=min(n - 1, n_derived), replace=False).tolist()) \
        if n > 1 else set()
    k = 0
    for i in range(n):
        if i not in derived_at:
            bodies.append(fresh())
            continue
        base = int(rng.integers(0, i))
        kind = KINDS[k % len(KINDS)]
        k += 1
        src = bodies[base]
        if kind == "copy":
            body = [[vocab[next(draws)] if rng.random() < 0.02 else w for w in s] for s in src]
        elif kind == "trim":
            body = [list(s) for s in src[: max(2, int(len(src) * rng.uniform(0.5, 0.7)))]]
        elif kind == "insert":
            at = int(rng.integers(0, max(1, len(src) - 5)))
            host = fresh()
            cut = int(rng.integers(1, len(host)))
            body = host[:cut] + [list(s) for s in src[at : at + 5]] + host[cut:]
        else:
            body = []
            for s in src:
                r = int(rng.integers(1, len(s)))
                t = s[r:] + s[:r]
                body.append([stops[int(rng.integers(len(stops)))]
                             if w in stops and rng.random() < 0.2 else w for w in t])
        bodies.append(body)
        planted.append((base, i, kind))
    texts, spans = [], []
    for b in bodies:
        t, sp = _join(b)
        texts.append(t)
        spans.append(sp)
    return SyntheticCorpus(texts, spans, planted)
