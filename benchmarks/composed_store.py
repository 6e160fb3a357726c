"""A generated corpus with its annotation composed in parallel and stored as Parquet, for the
reuse and stories stages at 100k-1M articles.

    python benchmarks/composed_store.py --n 100000 --out /tmp/spark5/gen100000-s0 --workers 2
    python benchmarks/composed_store.py --check 300      # composed vs spaCy: same stage results?

What the two stages read of an annotation (``storyline.reuse.text.sentence_features`` and
``sentence_spans``, ``candidates.doc_features``, ``stories.features.extract``): the sentences'
character spans; each token's span, lemma, universal POS and ``is_stop``; each entity mention's
span, label and text. Claims, quotes and entities (which read tags, dependency arcs and heads)
are not run here. This module composes those fields from the annotated paragraph templates of
:mod:`composed_annotation` (the same patching of slot fills, the same template cache) without
building a spaCy ``Doc`` per article and without language detection (every generated article is
English): a paragraph's sentences and mentions are those of its template (its parse's trees and
entity tags do not change with the fills), shifted to the paragraph's offsets. Tags, arcs and
heads are stored too (they come for free from the template), so a stored document equals the
one :class:`composed_annotation.ComposedPipeline` gives (``--check`` tests it on a sample).

The corpus is generated story by story (:func:`gencorpus.story_articles`: the same articles as
:func:`gencorpus.generate`) in ``--workers`` processes, each composing and writing parts of about
5,000 articles: ``part-*.parquet`` (the ingested article's fields, by the JSONL reader's rules,
and the annotation as list columns: the layout of :mod:`storyline.engine.columns`),
``truth.jsonl`` and ``ids.json`` (document id -> external id). :func:`load_documents` turns a
part back into :class:`storyline.models.Document` objects (the local engine and datasketch);
the Spark engine reads the parts as a DataFrame of those columns
(:class:`storyline.engine.inputs.AnnotatedFrame`). A template no
worker has seen is annotated by the worker that meets it (its first instance there) and added
to the template cache at the end, so a corpus composed from an empty cache can differ in a few
tags from one composed again later; sizes measured together use the same cache.

``--check N``: the first N articles of the 10k corpus (seed 0), annotated by spaCy itself and
composed, through the local engine's reuse and stories stages: whether links, families, events
and stories are the same (else how many differ), and the tokens / sentences / mentions that
differ.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from storyline.engine import columns

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

PART_ARTICLES = 5000

_ARTICLE_FIELDS = columns.ARTICLE_FIELDS
_LISTS = columns.LISTS


class Composer:
    """Per-article annotation columns from paragraph recipes (one per worker process; the
    templates it annotates are kept for its next parts and returned in ``new_templates``)."""

    def __init__(self, nlp, cache: Path):
        from storyline.annotate.model import pipeline_id

        self.nlp, self.cache = nlp, cache
        self.pid = pipeline_id(nlp)
        self.new_templates: dict[str, Any] = {}
        self.fallbacks = self.patched = 0
        self._structure: dict[Any, tuple] = {}
        self._stop: dict[str, bool] = {}
        self._exact: dict[str, Any] = {}

    def start(self, articles) -> None:
        """Ready for the paragraphs of ``articles`` (their new templates annotated)."""
        import composed_annotation as ca

        self.cp = ca.ComposedPipeline(self.nlp, articles, cache=self.cache, save_cache=False,
                                      extra=self.new_templates)
        self.cp._exact = self._exact  # paragraphs annotated by spaCy, kept across parts
        self.new_templates.update(self.cp.new_templates)

    def _is_stop(self, word: str) -> bool:
        hit = self._stop.get(word)
        if hit is None:
            hit = self._stop[word] = bool(self.nlp.vocab[word].is_stop)
        return hit

    def structure(self, key: Any, toks) -> tuple:
        """(sentences as (first, last + 1) token indexes trimmed of space tokens, mentions as
        (first, last + 1, label)) of a paragraph's tokens, as spaCy's ``Doc`` gives them from
        the heads and entity tags: the same for every instance of one annotated template."""
        from storyline.annotate import sentence_tokens

        hit = self._structure.get(key)
        if hit is not None:
            return hit
        doc = self.cp.compose_tokens([("", toks)])
        ments = tuple((e.start, e.end, e.label_) for e in doc.ents)
        hit = self._structure[key] = (tuple(sentence_tokens(doc)), ments)
        return hit

    def article(self, paras) -> dict[str, list]:
        """The annotation columns of one article made of ``paras`` joined by blank lines."""
        cols: dict[str, list] = {k: [] for k in _LISTS}
        ts, te, tl, tp = cols["tok_start"], cols["tok_end"], cols["tok_lemma"], cols["tok_pos"]
        tt, td, th, tst = cols["tok_tag"], cols["tok_dep"], cols["tok_head"], cols["tok_stop"]
        offset = 0
        for k, p in enumerate(paras):
            text = p.text()
            toks = self.cp._patch(p)
            if toks is None:  # annotated by spaCy (composed_annotation's rule)
                toks = self.cp.paragraph(p)
                key: Any = ("text", text)
                self.fallbacks += 1
            else:
                key = ("template", p.template, self.cp._templates[p.template][0])
                self.patched += 1
            if k:  # the blank line between paragraphs, as spaCy tokenizes it
                ts.append(offset - 2)
                te.append(offset)
                tl.append("\n\n")
                tp.append("SPACE")
                tt.append("_SP")
                td.append("dep")
                th.append(len(ts) - 2)
                tst.append(self._is_stop("\n\n"))
            base = len(ts)
            for s, e, word, lemma, upos, tag, dep, head, _ent in toks:
                ts.append(offset + s)
                te.append(offset + e)
                tl.append(lemma)
                tp.append(upos)
                tt.append(tag)
                td.append(dep)
                th.append(base + head)
                tst.append(self._is_stop(word))
            sents, ments = self.structure(key, toks)
            for a, b in sents:
                cols["sent_start"].append(ts[base + a])
                cols["sent_end"].append(te[base + b - 1])
                cols["sent_tok_start"].append(base + a)
                cols["sent_tok_end"].append(base + b)
            for a, b, label in ments:
                s, e = toks[a][0], toks[b - 1][1]
                cols["ment_start"].append(offset + s)
                cols["ment_end"].append(offset + e)
                cols["ment_label"].append(label)
                cols["ment_text"].append(text[s:e])
            offset += len(text) + 2
        return cols


def _alternatives() -> dict[str, list[str]]:
    import gencorpus_lexicon as L

    return {"SITE": L.SITE, "SITEX": L.SITE, "CITY": L.CITY, "CITY2": L.CITY, "CITYX": L.CITY,
            "CITYU": [c.upper() for c in L.CITY], "ADJ": L.ADJ, "ADJ2": L.ADJ}


def _irregular(template: str, fills, toks) -> set[str]:
    """Slots of an annotated template instance with a token whose lemma follows none of
    ``composed_annotation._lemma``'s rules (every other value of the slot then falls back to
    spaCy)."""
    import composed_annotation as ca

    p = ca.Para("raw", (template,), fills)
    out = set()
    for (s, e), (_a, _b, name) in zip(ca._slot_spans(p), p.slots()):
        if any(t[0] >= s and t[1] <= e and ca._lemma(t, t[2]) is None for t in toks):
            out.add(name)
    return out


def repair_templates() -> int:
    """Annotate again, with another value of the slot, each cached template whose annotated
    instance holds an irregular slot value ("barracks", lemma "barrack"): with it every other
    instance of the template fell back to spaCy (a third of the composition's time). Returns
    how many were replaced; a deterministic function of the cache."""
    import pickle

    import composed_annotation as ca

    path = ca.save_cache_path(ROOT)
    if not path.is_file():
        return 0
    cached = pickle.loads(path.read_bytes())
    nlp = ca.load_nlp()
    known = cached.get(ca._pipeline_key(nlp), {})
    alt = _alternatives()
    todo: dict[str, tuple] = {}
    for template, (fills, toks) in known.items():
        bad = _irregular(template, fills, toks)
        if not bad or any(name not in alt for name in bad):
            continue
        fixed = dict(fills)
        for name in bad:
            fixed[name] = next(v for v in alt[name] if v != fixed[name])
        todo[template] = tuple(sorted(fixed.items()))
    texts = [ca.Para("raw", (t,), f).text() for t, f in todo.items()]
    replaced = 0
    for (template, fills), doc in zip(todo.items(), nlp.pipe(texts, batch_size=256)):
        toks = ca._tokens(doc)
        if not _irregular(template, fills, toks):
            known[template] = (fills, toks)
            replaced += 1
    if replaced:
        tmp = path.with_suffix(".tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no cache yet
        tmp.write_bytes(pickle.dumps(cached))
        tmp.replace(path)
    return replaced


def blocks(n: int, seed: int) -> tuple[list[int], list[list[int]]]:
    """The corpus's story sizes and its stories in blocks of about :data:`PART_ARTICLES`
    articles (story order)."""
    import gencorpus

    sizes = gencorpus.story_sizes(n, random.Random(f"gencorpus:{seed}:{n}"))
    out: list[list[int]] = [[]]
    count = 0
    for s, size in enumerate(sizes):
        if count >= PART_ARTICLES:
            out.append([])
            count = 0
        out[-1].append(s)
        count += size
    return sizes, out


_WORKER: dict[str, Any] = {}


def _part(job: tuple[int, int, list[int], list[int], str, str]) -> dict[str, Any]:
    """Generate, ingest, compose and write one part (in a worker process)."""
    import composed_annotation as ca
    import gencorpus
    import pyarrow as pa
    import pyarrow.parquet as pq

    from storyline.ingest import from_records
    from storyline.ingest.records import parse_record
    from storyline.models import Article
    from storyline.settings import Settings

    n, seed, sizes, stories, out_dir, index = job[0], job[1], job[2], job[3], job[4], job[5]
    t, c = time.perf_counter(), time.process_time()
    arts = [a for s in stories for a in gencorpus.story_articles(n, seed, sizes, s)]
    if "composer" not in _WORKER:
        _WORKER["composer"] = Composer(ca.load_nlp(), ca.save_cache_path(ROOT))
    comp: Composer = _WORKER["composer"]
    comp.start(arts)
    done = (comp.fallbacks, comp.patched)
    settings = Settings().ingest
    rows: dict[str, list] = {k: [] for k in _ARTICLE_FIELDS + _LISTS + ("pipeline",)}
    truth, ids = [], {}
    for g in arts:
        ext = g.record["id"]
        rec = parse_record(dict(g.record), f"{Path(out_dir).name}/articles.jsonl#{ext}")
        art = next(from_records(iter([rec]), settings))
        if not isinstance(art, Article) or art.text != g.record["text"]:
            raise ValueError(f"{ext}: the ingest changed the text; the composition needs it as is")
        for f in _ARTICLE_FIELDS:
            rows[f].append(getattr(art, f))
        for k, v in comp.article(g.paras).items():
            rows[k].append(v)
        rows["pipeline"].append(comp.pid)
        truth.append(g.truth)
        ids[art.id] = ext
    path = Path(out_dir) / f"part-{int(index):05d}.parquet"
    pq.write_table(pa.table(rows), path.with_suffix(".tmp"))
    path.with_suffix(".tmp").replace(path)
    return {"part": path.name, "articles": len(arts), "truth": truth, "ids": ids,
            "new_templates": comp.new_templates, "cache_key": ca._pipeline_key(comp.nlp),
            "fallbacks": comp.fallbacks - done[0], "patched": comp.patched - done[1],
            "new": len(comp.new_templates),
            "wall_s": time.perf_counter() - t, "cpu_s": time.process_time() - c}


def prepare(n: int, seed: int, out: Path, workers: int = 2) -> Path:
    """The corpus ``(n, seed)`` composed and stored under ``out`` (made once; kept)."""
    import pickle
    from multiprocessing import get_context

    import composed_annotation as ca

    if (out / "ids.json").is_file():
        return out
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    repaired = repair_templates()
    sizes, parts = blocks(n, seed)
    jobs = [(n, seed, sizes, stories, str(out), str(k)) for k, stories in enumerate(parts)]
    truth: list[dict] = []
    ids: dict[str, str] = {}
    new: dict[str, Any] = {}
    cache_key = ""
    cpu = fallbacks = patched = 0.0
    with get_context("spawn").Pool(workers, maxtasksperchild=None) as pool:
        for r in pool.imap_unordered(_part, jobs):
            truth.extend(r["truth"])
            ids.update(r["ids"])
            for k, v in r["new_templates"].items():
                new.setdefault(k, v)
            cache_key, cpu = r["cache_key"], cpu + r["cpu_s"]
            fallbacks, patched = fallbacks + r["fallbacks"], patched + r["patched"]
            print(f"  {r['part']}: {r['articles']} articles, {r['cpu_s']:.0f} CPU s", flush=True)
    if new:  # the templates the workers annotated, into the shared cache
        path = ca.save_cache_path(ROOT)
        cached = pickle.loads(path.read_bytes()) if path.is_file() else {}
        known = cached.setdefault(cache_key, {})
        for k, v in new.items():
            known.setdefault(k, v)
        tmp = path.with_suffix(".tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no cache yet
        tmp.write_bytes(pickle.dumps(cached))
        tmp.replace(path)
    truth.sort(key=lambda x: x["id"])
    (out / "truth.jsonl").write_text("".join(json.dumps(x) + "\n" for x in truth))
    (out / "ids.json").write_text(json.dumps(ids))
    (out / "composed.json").write_text(json.dumps({
        "n": n, "seed": seed, "parts": len(jobs), "workers": workers,
        "wall_s": time.perf_counter() - t, "worker_cpu_s": cpu,
        "new_templates": len(new), "repaired_templates": repaired,
        "fallbacks": fallbacks, "patched": patched}, indent=2))
    print(f"n={n}: composed in {time.perf_counter() - t:.0f} s wall, {cpu:.0f} CPU s in the "
          f"workers ({len(new)} new templates; last worker: {patched:.0f} paragraphs patched, "
          f"{fallbacks:.0f} by spaCy)", flush=True)
    return out


def parts(corpus: Path) -> list[str]:
    return sorted(str(p) for p in corpus.glob("part-*.parquet"))


def load_documents(path: str) -> list:
    """The :class:`~storyline.models.Document` objects of one stored part
    (:mod:`storyline.engine.columns`)."""
    return columns.read_documents(path)


def same_as_composed_pipeline(n: int, seed: int = 0) -> dict[str, Any]:
    """The stored annotation of the first ``n`` articles (story order) against
    :class:`composed_annotation.ComposedPipeline`'s (``doc_to_annotation`` of its ``Doc``)."""
    import tempfile

    import composed_annotation as ca

    from storyline.annotate import doc_to_annotation

    sizes, parts_ = blocks(n, seed)
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        _part((n, seed, sizes, parts_[0], tmp, "0"))
        docs = load_documents(parts(Path(tmp))[0])
    import gencorpus

    arts = [a for s in parts_[0] for a in gencorpus.story_articles(n, seed, sizes, s)]
    cp = ca.ComposedPipeline(ca.load_nlp(), arts, cache=ca.save_cache_path(ROOT),
                             save_cache=False)
    same = {"annotation": 0, "tokens": 0, "sentences": 0, "mentions": 0}
    for doc, g in zip(docs, arts):
        ref = doc_to_annotation(doc.id, cp.compose(g.paras), "en", doc.annotation.pipeline)
        same["annotation"] += ref == doc.annotation
        same["tokens"] += ref.tokens == doc.annotation.tokens
        same["sentences"] += ref.sentences == doc.annotation.sentences
        same["mentions"] += ref.mentions == doc.annotation.mentions
    return {"articles": len(docs), **same}


def stage_results(docs) -> tuple:
    """Links, families and stories of the local engine's reuse and stories stages."""
    from storyline.reuse import find_reuse
    from storyline.settings import Settings
    from storyline.stories import cluster_index

    settings = Settings()
    result = find_reuse(docs, settings.reuse)
    stories = cluster_index(docs, settings.stories, families=result.families).stories()
    return result.links, result.families, stories


def against_spacy(n: int, seed: int = 0) -> dict[str, Any]:
    """The corpus ``(n, seed)``, annotated by spaCy itself and composed: the local engine's
    links, families, events and stories on each, and the share of tokens (span, lemma, POS,
    stop word), sentences and mentions that are the same."""
    import tempfile

    import composed_annotation as ca

    from storyline.annotate import annotate
    from storyline.models import Document
    from storyline.settings import Settings

    sizes, parts_ = blocks(n, seed)
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        _part((n, seed, sizes, parts_[0], tmp, "0"))
        composed = load_documents(parts(Path(tmp))[0])
    t = time.process_time()
    real = [Document(d.article, a) for d, a in zip(
        composed, annotate([d.article for d in composed], Settings().annotate, nlp=ca.load_nlp()))]
    spacy_s = time.process_time() - t
    out: dict[str, Any] = {"articles": n, "spacy_cpu_s": spacy_s}
    res = {"spacy": stage_results(real), "composed": stage_results(composed)}
    for name, (links, fams, stories) in res.items():
        out[name] = {"links": len(links), "families": len(fams), "stories": len(stories),
                     "events": sum(len(s.events) for s in stories)}
    (la, fa, sa), (lb, fb, sb) = res["spacy"], res["composed"]
    pairs = lambda links: {(x.source_id, x.target_id) for x in links}  # noqa: E731
    out["same_links"] = la == lb
    out["same_linked_pairs"] = pairs(la) == pairs(lb)
    out["linked_pairs_only_spacy"] = len(pairs(la) - pairs(lb))
    out["linked_pairs_only_composed"] = len(pairs(lb) - pairs(la))
    out["same_families"] = ({f.article_ids for f in fa} == {f.article_ids for f in fb})
    out["same_stories"] = ({s.article_ids for s in sa} == {s.article_ids for s in sb})
    ev = lambda st: {e.article_ids for s in st for e in s.events}  # noqa: E731
    out["same_events"] = ev(sa) == ev(sb)
    out["events_only_spacy"] = len(ev(sa) - ev(sb))
    out["events_only_composed"] = len(ev(sb) - ev(sa))
    same = {"tokens": [0, 0], "sentences": [0, 0], "mentions": [0, 0]}
    for r, c in zip(real, composed):
        ra, ca_ = r.annotation, c.annotation
        key = lambda t: (t.start, t.end, t.lemma, t.pos, t.is_stop)  # noqa: E731
        for name, a, b in (("tokens", {key(t) for t in ra.tokens}, {key(t) for t in ca_.tokens}),
                           ("sentences", {(x.start, x.end) for x in ra.sentences},
                            {(x.start, x.end) for x in ca_.sentences}),
                           ("mentions", {(m.start, m.end, m.label) for m in ra.mentions},
                            {(m.start, m.end, m.label) for m in ca_.mentions})):
            same[name][0] += len(a & b)
            same[name][1] += len(a | b)
    for name, (inter, union) in same.items():
        out[f"{name}_same"] = inter / max(1, union)  # Jaccard over the corpus
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--check", type=int, default=0,
                    help="compare with spaCy's own annotation on this many articles")
    ap.add_argument("--same", type=int, default=0,
                    help="compare with ComposedPipeline on this many articles")
    args = ap.parse_args(argv)
    if args.same:
        print(json.dumps(same_as_composed_pipeline(args.same, args.seed)), flush=True)
    if args.check:
        print(json.dumps(against_spacy(args.check, args.seed), indent=1), flush=True)
    if args.n:
        prepare(args.n, args.seed, args.out or Path(f"/tmp/spark5/gen{args.n}-s{args.seed}"),
                args.workers)


if __name__ == "__main__":
    main()
