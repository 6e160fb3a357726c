"""The reuse stage on Spark: the local stage's functions, its corpus-wide steps as shuffles.

Same answers as :func:`storyline.reuse.find_reuse`, step by step
(:mod:`storyline.reuse.candidates` says what each step is for), in a handful of shuffles
(each shuffle in local mode costs task scheduling and Python (de)serialisation, whatever its
size: the first version, one shuffle per step, ran some sixty):

* per article, in each partition: the features of :func:`~storyline.reuse.candidates.
  doc_features` (word hashes, per-sentence hashes, content keys), its shingles
  (:func:`~storyline.reuse.minhash.shingles`);
* document frequencies, in one shuffle and in the JVM: one row per (article, distinct value)
  for normalised sentences, shingles and content keys (a row per article and kind, its values
  as an array, exploded in Spark); a window partitioned by (kind, value) counts the articles
  holding a value, a second window by (kind, value, outlet), which Spark runs on the same
  partitioning, counts them per outlet. A second shuffle gathers, per article, the frequent
  values it holds (boilerplate sentences and shingles, the common content keys) and the
  document frequencies of its keys (the IDF); the driver holds none of them;
* MinHash signatures and band keys (:func:`~storyline.reuse.minhash.signatures`,
  :func:`~storyline.reuse.minhash.band_keys`, seeds 1 and 2 as locally) computed per partition
  (a signature depends only on its own set): one row per article and channel, its band keys as
  an array;
* buckets, in the JVM: a window partitioned by (channel, band key) counts each bucket's
  articles, buckets of 2 to ``max_bucket_docs`` are joined with themselves on the same
  partitioning (pairs ``a < b``), and one shuffle on the pair counts in how many buckets of each
  channel it met (the sentence channel keeps those with ``min_sentence_hits``); corpora of at
  most ``all_pairs_max_docs`` articles take every pair;
* each candidate pair joined with both articles (the articles' payload is partitioned once by
  id; only the pairs move) and aligned by :func:`storyline.reuse.link_pair` before anything is
  linked;
* :func:`~storyline.reuse.provenance.settle` on each link that it could change, with the links
  that could change it (those by date or credit into either end), joined by article id;
* families: connected components of the links, on the driver when there are at most
  :data:`DRIVER_COMPONENTS_MAX_EDGES` of them (their ends and a union-find: a few hundred MB at
  that bound), else in Spark (:mod:`storyline.engine.graph`); then
  :func:`~storyline.reuse.provenance.families` on each component (its articles and links), which
  gives that component's one family; an article in no link is a family of its own, made where it
  is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from storyline.models import Article, Document, Family, ReuseLink
from storyline.reuse.settings import ReuseSettings


def _i64(values: np.ndarray) -> list[int]:
    """uint64 hashes as signed 64-bit ints (Spark's LongType); equality is kept."""
    return np.asarray(values, dtype=np.uint64).view(np.int64).tolist()


def _u64(values: Iterable[int]) -> np.ndarray:
    return np.array(list(values), dtype=np.int64).view(np.uint64)


def _features(settings: ReuseSettings, with_shingles: bool):
    def run(rows: Iterator[tuple[str, Document]]) -> Iterator[tuple[str, tuple]]:
        from storyline.reuse.candidates import Vocab, doc_features
        from storyline.reuse.minhash import shingles
        from storyline.reuse.text import sentence_features, word_hash

        vocab = Vocab()
        for doc_id, doc in rows:
            words, sent_norm, (keys, owner) = doc_features(doc, vocab,
                                                            settings.min_sentence_words)
            sh = shingles(words, settings.shingle_size) if with_shingles else np.zeros(0, np.uint64)
            sf = sentence_features(doc)
            idf_keys = sorted({word_hash(k) for f in sf for k in f.keys})
            yield doc_id, (doc.article.outlet, _i64(np.array(sent_norm, dtype=np.uint64)),
                           _i64(keys), owner.tolist(), _i64(sh),
                           _i64(np.array(idf_keys, dtype=np.uint64)), (doc.article, sf))
    return run


DRIVER_COMPONENTS_MAX_EDGES = 1_000_000
"""Up to this many reuse links, families' connected components are computed on the driver (the
links' ends and a union-find, a few hundred MB at the bound): one job instead of a label
propagation whose every round is a few shuffles. Above it, in Spark (:mod:`storyline.engine.
graph`). Read at each call (the conformance test sets it to 0 to run the Spark path)."""

_SENT, _SHINGLE, _KEY = 0, 1, 2
_COUNTED, _LOOKUP = 0, 1


def _value_rows(lsh: bool):
    """Per article and kind, its distinct values: ``(doc, outlet, kind, role, values)``; content
    keys twice, those counted in document frequencies (``_COUNTED``) and those the alignment
    looks up (``_LOOKUP``, every sentence's keys)."""
    def run(kv: tuple[str, tuple]) -> list[tuple]:
        doc, f = kv
        outlet = f[0] or ""
        out = [(doc, outlet, _SENT, _COUNTED, sorted(set(f[1]))),
               (doc, outlet, _KEY, _COUNTED, sorted(set(f[2]))),
               (doc, outlet, _KEY, _LOOKUP, f[5])]
        if lsh:
            out.append((doc, outlet, _SHINGLE, _COUNTED, f[4]))
        return [r for r in out if r[4]]
    return run


def _per_doc(spark: Any, feats: Any, n: int, settings: ReuseSettings, lsh: bool) -> Any:
    """RDD ``(doc, (boilerplate sentence hashes, boilerplate shingles, common content keys,
    {content key: document frequency}))`` of the articles holding any (see the module
    docstring): two shuffles."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    s = settings
    rows = spark.createDataFrame(feats.flatMap(_value_rows(lsh)),
                                 "doc string, outlet string, kind int, role int, vs array<long>")
    rows = rows.select("doc", "outlet", "kind", "role", F.explode("vs").alias("v"))
    counted = F.when(F.col("role") == _COUNTED, 1).otherwise(0)
    # the second window's partitioning (kind, v, outlet) is met by the first's (kind, v)
    rows = rows.withColumn("df", F.sum(counted).over(Window.partitionBy("kind", "v")))
    rows = rows.withColumn("odf", F.sum(counted).over(Window.partitionBy("kind", "v", "outlet")))
    cap = max(s.boilerplate_min_df_docs, s.boilerplate_max_df * n)
    corpus = F.lit(n > s.boilerplate_min_df_docs) & (F.col("df") > cap)
    outlet = (F.col("outlet") != "") & (F.col("odf") >= s.boilerplate_outlet_docs)
    frequent = (F.col("kind") != _KEY) & (corpus | outlet)
    common = ((F.col("kind") == _KEY) & (F.col("role") == _COUNTED)
              & (F.col("df") > max(s.boilerplate_min_df_docs, s.sentence_key_max_df * n)))
    lookup = (F.col("kind") == _KEY) & (F.col("role") == _LOOKUP)
    kind = F.col("kind")
    grouped = (rows.where(frequent | common | lookup).groupBy("doc").agg(
        F.collect_list(F.when(frequent & (kind == _SENT), F.col("v"))).alias("sent"),
        F.collect_list(F.when(frequent & (kind == _SHINGLE), F.col("v"))).alias("sh"),
        F.collect_list(F.when(common, F.col("v"))).alias("common"),
        F.collect_list(F.when(lookup, F.struct("v", "df"))).alias("df")))

    def extra(r: Any) -> tuple[str, tuple]:
        keys = _u64(k for k, _ in r["df"]).tolist()
        return r["doc"], (frozenset(r["sent"]), r["sh"], r["common"],
                          dict(zip(keys, (d for _, d in r["df"]))))

    return grouped.rdd.map(extra)


def _bucket_pairs(spark: Any, keyed: Any, settings: ReuseSettings) -> Any:
    """DataFrame ``(a, b)``: article pairs ``a < b`` sharing a document bucket, or
    ``min_sentence_hits`` sentence buckets, each of 2 to ``max_bucket_docs`` articles
    (``lsh_pairs``). ``keyed``: RDD ``(doc, channel, band keys)``, keys distinct per article."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    s = settings
    rows = spark.createDataFrame(keyed, "doc string, ch int, ks array<long>").select(
        "doc", "ch", F.explode("ks").alias("k"))
    rows = rows.withColumn("size", F.count("*").over(Window.partitionBy("ch", "k"))).where(
        (F.col("size") >= 2) & (F.col("size") <= s.max_bucket_docs))
    x, y = rows.alias("x"), rows.alias("y")
    met = x.join(y, (F.col("x.ch") == F.col("y.ch")) & (F.col("x.k") == F.col("y.k"))
                 & (F.col("x.doc") < F.col("y.doc"))).select(
        F.col("x.doc").alias("a"), F.col("y.doc").alias("b"), F.col("x.ch").alias("ch"))
    hits = met.groupBy("a", "b").agg(
        F.max(F.when(F.col("ch") == 0, 1).otherwise(0)).alias("doc"),
        F.sum(F.when(F.col("ch") == 1, 1).otherwise(0)).alias("sent"))
    return hits.where((F.col("doc") == 1) | (F.col("sent") >= s.min_sentence_hits)).select("a", "b")


def _bands(settings: ReuseSettings):
    """Per partition: each article's document and sentence band keys, ``(doc, channel, keys)``
    (channel 0: shingles, seed 1; channel 1: sentence content keys, seed 2), as the local
    :func:`~storyline.reuse.candidates.find_candidates` computes them."""
    def run(part: Iterator[tuple[str, tuple[tuple, tuple | None]]]) -> Iterator[tuple]:
        from storyline.reuse.candidates import sentence_key_sets
        from storyline.reuse.minhash import band_keys, signatures

        s = settings
        rows = list(part)
        doc_sets, sent_sets, sent_owner = [], [], []
        for i, (_, (feat, extra)) in enumerate(rows):
            bad_sent, bad_sh, common, _ = extra or (frozenset(), [], [], {})
            sh = _u64(feat[4])
            if bad_sh:
                sh = sh[~np.isin(sh, _u64(bad_sh))]
            doc_sets.append(sh)
            keys, sent = _u64(feat[2]), np.array(feat[3], dtype=np.int64)
            keep = ~np.isin(keys, _u64(common)) if common else np.ones(len(keys), dtype=bool)
            boiler = _boiler(feat, bad_sent)
            if boiler:
                keep &= ~np.isin(sent, list(boiler))
            for found in sentence_key_sets(keys[keep], sent[keep]):
                sent_sets.append(found)
                sent_owner.append(i)
        for ch, sets, owner, seed, bands, nrows in (
                (0, doc_sets, list(range(len(rows))), 1, s.lsh_bands, s.lsh_rows),
                (1, sent_sets, sent_owner, 2, s.sentence_bands, s.sentence_rows)):
            sig = signatures(sets, bands * nrows, seed=seed)
            valid = ~(sig == 0xFFFFFFFF).all(axis=1)
            keys = band_keys(sig[valid], bands, nrows)
            by_doc: dict[int, set[int]] = {}
            for i, row in zip(np.asarray(owner, dtype=np.int64)[valid].tolist(), keys):
                by_doc.setdefault(i, set()).update(_i64(row))
            for i, ks in sorted(by_doc.items()):
                yield rows[i][0], ch, sorted(ks)
    return run


def _boiler(feat: tuple, bad: frozenset | None) -> frozenset[int]:
    return frozenset(i for i, h in enumerate(feat[1]) if h in bad) if bad else frozenset()


def _align(n: int, settings: ReuseSettings):
    def run(rows: Iterator[tuple[str, tuple[tuple, tuple]]]) -> Iterator[ReuseLink]:
        from storyline.reuse import idf_weights, link_pair
        from storyline.reuse.semantic import scorer

        sem = scorer(settings.semantic)
        for _, (((a, fa), boiler_a, df_a), ((b, fb), boiler_b, df_b)) in rows:
            idf = idf_weights([fa, fb], {**df_a, **df_b}, n)
            link = link_pair(a, b, fa, fb, settings, idf, boiler_a, boiler_b, sem)
            if link is not None:
                yield link
    return run


def _settle_one(item: tuple[ReuseLink, Iterable[ReuseLink]]) -> ReuseLink:
    """``settle`` of one link among the links into its ends that could change it."""
    from storyline.reuse.provenance import settle

    link, strong = item
    others = list({(x.source_id, x.target_id): x for x in strong}.values())
    out = [x for x in settle([link, *others]) if not any(x is o for o in others)]
    return out[0]


def _strong(x: ReuseLink) -> bool:
    return x.directed and x.basis in ("date", "credit")


def _settleable(x: ReuseLink) -> bool:
    return x.directed and x.basis in ("trimmed", "expanded")


def find_reuse(spark: Any, docs: Any, n: int, settings: ReuseSettings) -> tuple[Any, Any]:
    """RDDs ``(links, families)`` of the documents ``docs`` (an RDD of ``(id, Document)``, ids
    unique, ``n`` of them): the records :func:`storyline.reuse.find_reuse` gives."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    s = settings
    lsh = n > s.all_pairs_max_docs
    parts = spark.sparkContext.defaultParallelism
    feats = docs.mapPartitions(_features(s, lsh)).persist(StorageLevel.MEMORY_AND_DISK)
    # per article: its features and what the corpus says of its values, partitioned by id
    joined = feats.leftOuterJoin(_per_doc(spark, feats, n, s, lsh), parts).persist(
        StorageLevel.MEMORY_AND_DISK)

    if not lsh:
        ids = spark.createDataFrame(docs.keys().map(lambda i: (i,)), "a string")
        pairs = ids.crossJoin(ids.withColumnRenamed("a", "b")).where(F.col("a") < F.col("b"))
    else:
        pairs = _bucket_pairs(spark, joined.mapPartitions(_bands(s)), s)

    # each pair with both articles' payload: the payload keeps its partitioning, pairs move
    payload = joined.mapValues(lambda fe: (fe[0][6], _boiler(fe[0], (fe[1] or _NONE)[0]),
                                           (fe[1] or _NONE)[3]))
    by_a = pairs.rdd.map(lambda r: (r[0], r[1])).partitionBy(parts)
    by_b = (by_a.join(payload, parts).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
            .partitionBy(parts))
    aligned = by_b.join(payload, parts).map(lambda kv: ((kv[1][0][0], kv[0]),
                                                        (kv[1][0][1], kv[1][1])))
    raw = aligned.mapPartitions(_align(n, s)).persist(StorageLevel.MEMORY_AND_DISK)

    # settle: a containment-only link between two copies of one source
    strong = raw.filter(_strong).map(lambda x: (x.target_id, x))
    ends = raw.filter(_settleable).flatMap(lambda x: [(x.source_id, x), (x.target_id, x)])
    near = (ends.leftOuterJoin(strong)
            .map(lambda kv: ((kv[1][0].source_id, kv[1][0].target_id), (kv[1][0], kv[1][1])))
            .groupByKey()
            .map(lambda kv: (next(iter(kv[1]))[0], [o for _, o in kv[1] if o is not None])))
    links = raw.filter(lambda x: not _settleable(x)).union(near.map(_settle_one))
    links = links.persist(StorageLevel.MEMORY_AND_DISK)
    families = _families(spark, docs, links)
    joined.unpersist()
    feats.unpersist()
    return links, families


_NONE: tuple = (frozenset(), [], [], {})


def _single(article: Article) -> Family:
    from storyline.reuse.provenance import families

    return families([article], [])[0]


def _one_family(group: tuple[str, tuple[Iterable[Article], Iterable[ReuseLink]]]) -> Family:
    from storyline.reuse.provenance import families

    found = families(list(group[1][0]), list(group[1][1]))
    assert len(found) == 1, "a connected component is one family"
    return found[0]


def _families(spark: Any, docs: Any, links: Any) -> Any:
    """RDD of families: each connected component of ``links`` through
    :func:`~storyline.reuse.provenance.families`, each article in no link a family alone."""
    from storyline.engine import reuse as this

    sc = spark.sparkContext
    edges = links.map(lambda x: (x.source_id, x.target_id))
    if edges.count() <= this.DRIVER_COMPONENTS_MAX_EDGES:
        from storyline.text import UnionFind

        uf = UnionFind[str]()
        for a, b in edges.collect():
            uf.union(a, b)
        table = sc.broadcast(uf.roots())
        labelled = docs.map(lambda kv: (kv[1].article, table.value.get(kv[0])))
        fam_links = links.map(lambda x: (table.value[x.source_id], x))
    else:
        from storyline.engine.graph import components

        nodes = spark.createDataFrame(edges.flatMap(lambda e: [(e[0],), (e[1],)]), "id string")
        frame = spark.createDataFrame(edges, "src string, dst string")
        label = components(nodes, frame).rdd.map(lambda r: (r["id"], r["label"]))
        labelled = docs.leftOuterJoin(label).map(lambda kv: (kv[1][0].article, kv[1][1]))
        fam_links = links.map(lambda x: (x.source_id, x)).join(label).map(
            lambda kv: (kv[1][1], kv[1][0]))
    alone = labelled.filter(lambda al: al[1] is None).map(lambda al: _single(al[0]))
    arts = labelled.filter(lambda al: al[1] is not None).map(lambda al: (al[1], al[0]))
    return alone.union(arts.cogroup(fam_links).map(_one_family))
