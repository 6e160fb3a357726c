"""What the story benchmarks and gates share: B-cubed scoring and loading an annotated corpus.

A corpus folder holds ``articles.jsonl`` (``id``, ``text`` and optionally ``title``, ``outlet``,
``published``) and ``gold.tsv`` (``article``, ``topic``, ``event``). Annotations are cached under
``~/.cache/storyline-bench`` keyed by the annotate settings, the spaCy pipeline and every text.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

CACHE = Path.home() / ".cache" / "storyline-bench"


def bcubed(pred: Mapping[str, object], gold: Mapping[str, object]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998) over the items of ``gold``."""
    pc: dict[object, set[str]] = defaultdict(set)
    gc: dict[object, set[str]] = defaultdict(set)
    for item in gold:
        pc[pred[item]].add(item)
        gc[gold[item]].add(item)
    p = r = 0.0
    for item in gold:
        same = len(pc[pred[item]] & gc[gold[item]])
        p += same / len(pc[pred[item]])
        r += same / len(gc[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_gold(path: Path) -> dict[str, tuple[str, str]]:
    """``gold[external id] = (topic, event)`` from ``path/gold.tsv``."""
    gold = {}
    for row in (path / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        art, topic, event = row.split("\t")
        gold[art] = (topic, event)
    return gold


def load_corpus(path: Path, name: str) -> tuple[list, dict[str, tuple[str, str]]]:
    """(annotated documents, gold) of the corpus in ``path``; ``name`` prefixes sources."""
    from storyline.annotate import AnnotateSettings, annotate, load_pipeline
    from storyline.annotate.model import pipeline_id
    from storyline.models import Article, Document, content_id

    arts = []
    for line in (path / "articles.jsonl").open(encoding="utf-8"):
        rec = json.loads(line)
        text = rec["text"].strip()
        arts.append(Article(id=content_id(text), text=text, source=f"{name}/{rec['id']}",
                            external_id=rec["id"], title=rec.get("title"),
                            outlet=rec.get("outlet"), published=rec.get("published")))
    nlp = load_pipeline()
    key = hashlib.sha256(repr(AnnotateSettings()).encode() + pipeline_id(nlp).encode())
    for a in arts:
        key.update(a.text.encode())
    cache = CACHE / f"{name}_{key.hexdigest()[:20]}.pickle"
    if cache.exists():
        with cache.open("rb") as fh:
            anns = pickle.load(fh)
    else:
        anns = list(annotate(arts, AnnotateSettings(), nlp))
        CACHE.mkdir(parents=True, exist_ok=True)
        with cache.open("wb") as fh:
            pickle.dump(anns, fh)
    return [Document(a, n) for a, n in zip(arts, anns)], load_gold(path)


def score(stories, docs, gold: Mapping[str, tuple[str, str]]) -> dict[str, float]:
    """Event and story B-cubed of ``stories`` against ``gold`` over the items of ``docs``."""
    ext = {d.id: d.article.external_id for d in docs}
    ev, st = {}, {}
    for s in stories:
        for e in s.events:
            for a in e.article_ids:
                ev[ext[a]] = e.id
                st[ext[a]] = s.id
    items = [ext[d.id] for d in docs]
    ep, er, ef = bcubed(ev, {i: gold[i][1] for i in items})
    tp, tr, tf = bcubed(st, {i: gold[i][0] for i in items})
    return {"event_p": ep, "event_r": er, "event_f1": ef, "story_p": tp, "story_r": tr,
            "story_f1": tf, "events": len(set(ev.values())), "stories": len(stories)}
