"""Events and stories on the generated one-genre corpus, against its planted truth.

    python benchmarks/stories_gencorpus.py [--n 1000 3000] [--seed 0]
                                           [--set story_threshold=0.3 ...]

The corpus of :mod:`gencorpus` is all disaster reports written from one set of sentence frames:
many stories (sister incidents of one kind in one country, with the story's own officials and
organisations) and many events, the truth planted (``truth.jsonl``: story and event of every
article). A year of crawled news has this shape (many earthquakes, many shootings); a story
grouping that chains them into one story fails here first. Annotation is composed from annotated
templates (:mod:`composed_annotation`, as in ``pipeline_scale.py``) and cached under
``~/.cache/storyline-bench``; the stories stage then runs in batch (``cluster_stories``, the
families empty: reuse is not run) with the default settings, or with ``--set`` overrides of
``StoriesSettings``. Prints event and story B-cubed P/R/F1 and the number of stories per size;
results go to ``benchmarks/results/stories_gencorpus.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import storyeval

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "stories_gencorpus.json"


def load_generated(n: int, seed: int) -> tuple[list, dict[str, tuple[str, str]]]:
    """(annotated documents, gold) of the generated corpus of ``n`` articles;
    ``gold[external id] = (story, event)`` from the planted truth."""
    import composed_annotation as ca
    import gencorpus

    from storyline.annotate import AnnotateSettings, annotate
    from storyline.models import Article, Document, content_id

    arts = gencorpus.generate(n, seed)
    gold = {a.truth["id"]: (a.truth["story"], a.truth["event"]) for a in arts}
    articles = []
    for a in arts:
        rec = a.record
        text = rec["text"].strip()
        articles.append(Article(id=content_id(text), text=text, source=f"gen/{rec['id']}",
                                external_id=rec["id"], title=rec.get("title"),
                                outlet=rec.get("outlet"), published=rec.get("published")))
    key = hashlib.sha256(repr(AnnotateSettings()).encode() + gencorpus.digest(arts).encode())
    cache = storyeval.CACHE / f"gencorpus_{n}_{seed}_{key.hexdigest()[:20]}.pickle"
    if cache.exists():
        with cache.open("rb") as fh:
            anns = pickle.load(fh)
    else:
        cp = ca.ComposedPipeline(ca.load_nlp(), arts,
                                 cache=ca.save_cache_path(ROOT / "benchmarks"))
        anns = list(annotate(articles, AnnotateSettings(), cp))
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as fh:
            pickle.dump(anns, fh)
    return [Document(a, x) for a, x in zip(articles, anns)], gold


def parse_sets(items: Sequence[str]) -> dict[str, object]:
    """``name=value`` pairs as typed values of :class:`StoriesSettings` fields."""
    from storyline.stories import StoriesSettings

    types = {f.name: f.type for f in dataclasses.fields(StoriesSettings)}
    out: dict[str, object] = {}
    for item in items:
        name, _, value = item.partition("=")
        kind = types[name]
        out[name] = (value.lower() in ("1", "true") if kind in (bool, "bool")
                     else int(value) if kind in (int, "int") else float(value))
    return out


def run(n: int, seed: int, overrides: dict[str, object]) -> dict[str, object]:
    from storyline.stories import StoriesSettings, cluster_stories

    docs, gold = load_generated(n, seed)
    t0 = time.process_time()
    stories = cluster_stories(docs, StoriesSettings(**overrides))  # type: ignore[arg-type]
    cpu = time.process_time() - t0
    res: dict[str, object] = dict(storyeval.score(stories, docs, gold))
    res["gold_stories"] = len({g[0] for g in gold.values()})
    res["gold_events"] = len({g[1] for g in gold.values()})
    res["largest_story"] = max(len(s.article_ids) for s in stories)
    res["cpu_s"] = cpu
    return res


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, nargs="*", default=[1000, 3000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE",
                    help="StoriesSettings overrides")
    args = ap.parse_args(argv)
    overrides = parse_sets(args.set)
    out: dict[str, object] = {"seed": args.seed, "settings": overrides, "sizes": {}}
    for n in args.n:
        res = run(n, args.seed, overrides)
        out["sizes"][str(n)] = res  # type: ignore[index]
        print(f"n={n}: event P {res['event_p']:.3f} R {res['event_r']:.3f} F1 "
              f"{res['event_f1']:.3f} ({res['events']} / {res['gold_events']} gold) | story P "
              f"{res['story_p']:.3f} R {res['story_r']:.3f} F1 {res['story_f1']:.3f} "
              f"({res['stories']} / {res['gold_stories']} gold, largest {res['largest_story']}"
              f" articles) | {res['cpu_s']:.1f} CPU s", flush=True)
    out["command"] = "python benchmarks/stories_gencorpus.py " + " ".join(argv or sys.argv[1:])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
