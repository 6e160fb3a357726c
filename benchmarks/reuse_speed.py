"""Speed of the reuse stage on a synthetic corpus with planted reuse, against datasketch.

    python benchmarks/reuse_speed.py [--n 5000] [--words 500] [--datasketch-max 100000]

Same corpus, same run, same shingle sets (5-word shingles of the normalised text), same LSH
parameters (32 bands x 2 rows = 64 permutations):

* ``storyline MinHash+LSH``: :func:`storyline.reuse.minhash.signatures` + ``lsh_pairs``;
* ``datasketch``: ``MinHash(num_perm=64).update_batch`` per article (given our 32-bit shingle
  keys, so no SHA-1 cost is charged to it) + ``MinHashLSH(params=(32, 2))`` insert and query.

Then the whole stage, :func:`storyline.reuse.find_reuse` (tokenising, both candidate channels,
boilerplate, alignment, links, families). Reported: seconds, articles per second, recall of the
planted pairs (candidates, and links for the whole stage), wall and CPU seconds (throughput is
per CPU second: the machine is shared), peak resident memory
(``resource.getrusage``, after each phase). Writes ``benchmarks/results/reuse_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def recall(pairs: set[tuple[int, int]], planted) -> dict[str, float]:
    out: dict[str, list[int]] = {}
    for base, derived, kind in planted:
        out.setdefault(kind, []).append((min(base, derived), max(base, derived)) in pairs)
    res = {k: sum(v) / len(v) for k, v in sorted(out.items())}
    res["all"] = sum(sum(v) for v in out.values()) / max(1, len(planted))
    return res


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--datasketch-max", type=int, default=100_000,
                    help="run datasketch on at most this many articles (first N)")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "reuse_speed.json")
    args = ap.parse_args(argv)

    from reuse_dataset import generate

    from storyline.models import Annotation, Article, Document, Sentence
    from storyline.reuse import ReuseSettings, find_reuse
    from storyline.reuse.minhash import lsh_pairs, shingles, signatures
    from storyline.reuse.text import word_hash, words

    t = time.perf_counter()
    corpus = generate(args.n, args.words, seed=args.seed)
    t_gen = time.perf_counter() - t
    planted = corpus.planted
    settings = ReuseSettings(semantic="off")
    bands, rows = settings.lsh_bands, settings.lsh_rows
    print(f"{args.n} articles of ~{args.words} words, {len(planted)} planted pairs "
          f"(generated in {t_gen:.1f} s)")

    # shared input of the two MinHash implementations: shingle hash sets
    t = time.perf_counter()
    cache: dict[str, int] = {}
    sets = []
    for text in corpus.texts:
        hs = []
        for w in words(text):
            h = cache.get(w)
            if h is None:
                h = cache[w] = word_hash(w)
            hs.append(h)
        sets.append(shingles(np.array(hs, dtype=np.uint64), settings.shingle_size))
    t_sh = time.perf_counter() - t

    t = time.perf_counter()
    c = time.process_time()
    sig = signatures(sets, bands * rows, seed=1)
    pairs, _ = lsh_pairs(sig, bands, rows, max_bucket=settings.max_bucket_docs)
    t_ours = time.perf_counter() - t
    cpu_ours = time.process_time() - c
    ours_pairs = {(int(i), int(j)) for i, j in pairs}
    mem_ours = peak_mb()
    rows_out = [("storyline MinHash+LSH", args.n, t_ours, len(ours_pairs),
                 recall(ours_pairs, planted), mem_ours, cpu_ours)]

    m = min(args.n, args.datasketch_max)
    from datasketch import MinHash, MinHashLSH

    t = time.perf_counter()
    c = time.process_time()
    lsh = MinHashLSH(num_perm=bands * rows, params=(bands, rows))
    mhs = []
    for i in range(m):
        mh = MinHash(num_perm=bands * rows, seed=1, hashfunc=int)
        mh.update_batch((sets[i] >> np.uint64(32)).tolist())
        mhs.append(mh)
    with lsh.insertion_session() as session:
        for i, mh in enumerate(mhs):
            session.insert(i, mh)
    ds_pairs = set()
    for i, mh in enumerate(mhs):
        for j in lsh.query(mh):
            if j != i:
                ds_pairs.add((min(i, j), max(i, j)))
    t_ds = time.perf_counter() - t
    cpu_ds = time.process_time() - c
    del mhs, lsh
    planted_m = [p for p in planted if p[1] < m]
    rows_out.append(("datasketch MinHashLSH", m, t_ds, len(ds_pairs), recall(ds_pairs, planted_m),
                     peak_mb(), cpu_ds))

    # the whole stage
    docs = []
    for i, (text, spans) in enumerate(zip(corpus.texts, corpus.sentence_spans)):
        aid = f"a{i:07d}"
        docs.append(Document(Article(id=aid, text=text, source=aid),
                             Annotation(aid, "en", tuple(Sentence(s, e) for s, e in spans))))
    del sets
    t = time.perf_counter()
    c = time.process_time()
    result = find_reuse(docs, settings)
    t_stage = time.perf_counter() - t
    cpu_stage = time.process_time() - c
    idx = {d.id: i for i, d in enumerate(docs)}
    linked = {(min(idx[x.source_id], idx[x.target_id]), max(idx[x.source_id], idx[x.target_id]))
              for x in result.links}
    rows_out.append(("storyline find_reuse", args.n, t_stage, len(result.links),
                     recall(linked, planted), peak_mb(), cpu_stage))

    print(f"shingling (shared input of the first two rows): {t_sh:.1f} s")
    print(f"{'method':<24}{'docs':>8}{'wall s':>8}{'cpu s':>8}{'docs/cpu s':>11}{'pairs':>8}"
          f"{'recall':>8}  per kind{'':<40}{'peak MB':>8}")
    for name, n, secs, npairs, rec, mem, cpu in rows_out:
        kinds = " ".join(f"{k}={v:.2f}" for k, v in rec.items() if k != "all")
        print(f"{name:<24}{n:>8}{secs:>8.1f}{cpu:>8.1f}{n / cpu:>11.0f}{npairs:>8}"
              f"{rec['all']:>8.3f}  {kinds:<48}{mem:>8.0f}")
    # throughput per CPU second: the machine is shared, wall time depends on the neighbours
    speedup = (args.n / cpu_ours) / (m / cpu_ds)
    print(f"MinHash+LSH throughput (articles per CPU second) vs datasketch: {speedup:.1f}x")
    out = {
        "command": "python benchmarks/reuse_speed.py " + " ".join(argv or sys.argv[1:]),
        "n": args.n, "words": args.words, "planted": len(planted), "shingling_seconds": t_sh,
        "rows": [{"method": r[0], "docs": r[1], "wall_seconds": round(r[2], 3),
                  "cpu_seconds": round(r[6], 3), "docs_per_cpu_second": round(r[1] / r[6], 1),
                  "pairs": r[3], "recall": r[4], "peak_rss_mb": round(r[5], 1)}
                 for r in rows_out],
        "minhash_speedup_vs_datasketch": round(speedup, 2),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n")
    return out


if __name__ == "__main__":
    main()
