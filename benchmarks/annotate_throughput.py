"""Annotation throughput: the whole ingest+annotate+store path against spaCy alone.

Both runs use the same texts (the ECB+ dev articles, repeated to --words) and the same loaded
pipeline in the same process, so the ratio measures what storyline adds: reading and normalising
JSON Lines, language detection, converting spaCy docs into records and writing each article in its
own SQLite transaction. Target (issue 2): the path adds at most 25 % over spaCy alone.

    python benchmarks/annotate_throughput.py [--words 150000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from storyline.annotate import load_pipeline
from storyline.pipeline import ingest_into
from storyline.settings import Settings
from storyline.store import Store

ECB = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus-dev" / "articles.jsonl"
RESULTS = Path(__file__).with_name("results") / "annotate_throughput.json"


def load_texts(target_words: int) -> list[str]:
    base = [json.loads(line)["text"] for line in ECB.open(encoding="utf-8")]
    texts, words, rep = [], 0, 0
    while words < target_words:
        for t in base:
            # A distinct suffix per repetition keeps the content hashes distinct.
            text = t if rep == 0 else f"{t}\n(Copy {rep}.)"
            texts.append(text)
            words += len(text.split())
            if words >= target_words:
                break
        rep += 1
    return texts


def run(target_words: int) -> dict:
    settings = Settings()
    nlp = load_pipeline(settings.annotate.model)
    texts = load_texts(target_words)
    n_words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:20]))  # warm up

    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=settings.annotate.batch_size):
        pass
    spacy_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i}", "text": t}) + "\n")
        t0 = time.perf_counter()
        with Store(Path(tmp) / "c.db") as store:
            summary = ingest_into(store, [str(src)], settings, nlp=nlp)
        path_s = time.perf_counter() - t0
    assert len(summary.added) == len(texts), (len(summary.added), len(texts))

    result = {
        "articles": len(texts),
        "words": n_words,
        "spacy_words_per_s": round(n_words / spacy_s),
        "storyline_words_per_s": round(n_words / path_s),
        "overhead": round(path_s / spacy_s - 1, 3),
    }
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=150_000)
    args = ap.parse_args()
    r = run(args.words)
    print(f"{'path':<28}{'words/s':>10}")
    print(f"{'spaCy nlp.pipe alone':<28}{r['spacy_words_per_s']:>10}")
    print(f"{'storyline ingest+annotate':<28}{r['storyline_words_per_s']:>10}")
    print(f"overhead: {r['overhead']:+.1%} over spaCy ({r['articles']} articles, {r['words']} words)")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(r, indent=2) + "\n")


if __name__ == "__main__":
    main()
