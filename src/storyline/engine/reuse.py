"""The reuse stage on Spark: the local stage's functions, its corpus-wide steps as shuffles.

Same answers as :func:`storyline.reuse.find_reuse`, step by step
(:mod:`storyline.reuse.candidates` says what each step is for):

* per article, in each partition: the features of :func:`~storyline.reuse.candidates.
  doc_features` (word hashes, per-sentence hashes, content keys), its shingles
  (:func:`~storyline.reuse.minhash.shingles`);
* document frequencies (boilerplate sentences and shingles, the common content keys, the IDF of
  content keys): ``groupBy(value).count()`` over one row per (article, distinct value), and per
  (outlet, value) for the outlet rule; each article gets the frequent values it holds by a join
  (no set of values is held by the driver);
* MinHash signatures and band keys (:func:`~storyline.reuse.minhash.signatures`,
  :func:`~storyline.reuse.minhash.band_keys`, seeds 1 and 2 as locally) computed per partition:
  a signature depends only on its own set; one row per (band key, article);
* buckets: a shuffle on the band key; a bucket of 2 to ``max_bucket_docs`` distinct articles
  gives its pairs; the sentence channel counts in how many buckets a pair met and keeps those
  with ``min_sentence_hits``; corpora of at most ``all_pairs_max_docs`` articles take every pair;
* each candidate pair joined with both articles and aligned by
  :func:`storyline.reuse.link_pair` (the IDF of the pair's keys from the two articles' document
  frequencies) before anything is linked;
* :func:`~storyline.reuse.provenance.settle` on each link that it could change, with the links
  that could change it (those by date or credit into either end), joined by article id;
* families: connected components in Spark (:mod:`storyline.engine.graph`), then
  :func:`~storyline.reuse.provenance.families` on each component (its articles and links), which
  gives that component's one family, its content id and its origin.
"""

from __future__ import annotations

import itertools
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


class _Frames:
    def __init__(self, spark: Any, n: int, settings: ReuseSettings):
        from pyspark.sql import types as T

        self.spark, self.n, self.s = spark, n, settings
        self.schema = T.StructType([T.StructField("doc", T.StringType()),
                                    T.StructField("outlet", T.StringType()),
                                    T.StructField("v", T.LongType())])

    def values(self, rdd: Any) -> Any:
        """(doc, outlet, value) rows, one per distinct value of an article."""
        return self.spark.createDataFrame(rdd, self.schema)

    def frequent(self, rows: Any) -> Any:
        """Values in too many articles of the corpus or of one outlet (``_frequent``)."""
        from pyspark.sql import functions as F

        s = self.s
        parts = []
        if self.n > s.boilerplate_min_df_docs:
            cap = max(s.boilerplate_min_df_docs, s.boilerplate_max_df * self.n)
            parts.append(rows.groupBy("v").count().where(F.col("count") > cap).select("v"))
        parts.append(rows.where(F.col("outlet").isNotNull() & (F.col("outlet") != ""))
                     .groupBy("outlet", "v").count()
                     .where(F.col("count") >= s.boilerplate_outlet_docs).select("v"))
        out = parts[0]
        for p in parts[1:]:
            out = out.union(p)
        return out.distinct()

    @staticmethod
    def held(rows: Any, values: Any) -> Any:
        """RDD (doc, frozenset of the ``values`` the article holds)."""
        from pyspark.sql import functions as F

        found = rows.join(values, "v").groupBy("doc").agg(F.collect_set("v").alias("vs"))
        return found.rdd.map(lambda r: (r["doc"], frozenset(r["vs"])))


def _bucket_pairs(spark: Any, keyed: Any, max_bucket: int) -> Any:
    """RDD ``((a, b), buckets)``: article pairs ``a < b`` sharing a bucket of 2 to
    ``max_bucket`` distinct articles, with the number of buckets they share (``lsh_pairs``)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    schema = T.StructType([T.StructField("k", T.LongType()), T.StructField("doc", T.StringType())])
    buckets = (spark.createDataFrame(keyed, schema).distinct().groupBy("k")
               .agg(F.collect_list("doc").alias("docs"))
               .where((F.size("docs") >= 2) & (F.size("docs") <= max_bucket)))
    return (buckets.rdd.flatMap(lambda r: itertools.combinations(sorted(r["docs"]), 2))
            .map(lambda p: (p, 1)).reduceByKey(lambda a, b: a + b))


def _doc_bands(settings: ReuseSettings):
    def run(part: Iterator[tuple[str, tuple[tuple, frozenset | None]]]
            ) -> Iterator[tuple[int, str]]:
        from storyline.reuse.minhash import band_keys, signatures

        rows = list(part)
        sets = []
        for _, (feat, bad) in rows:
            sh = _u64(feat[4])
            if bad:
                sh = sh[~np.isin(sh, _u64(bad))]
            sets.append(sh)
        sig = signatures(sets, settings.lsh_bands * settings.lsh_rows, seed=1)
        valid = ~(sig == 0xFFFFFFFF).all(axis=1)
        keys = band_keys(sig[valid], settings.lsh_bands, settings.lsh_rows)
        ids = [doc_id for (doc_id, _), ok in zip(rows, valid) if ok]
        for doc_id, row in zip(ids, keys):
            for k in _i64(row):
                yield k, doc_id
    return run


def _sentence_bands(settings: ReuseSettings):
    def run(rows: Iterator[tuple[str, tuple]]) -> Iterator[tuple[int, str]]:
        from storyline.reuse.candidates import sentence_key_sets
        from storyline.reuse.minhash import band_keys, signatures

        sets: list[np.ndarray] = []
        owner: list[str] = []
        for doc_id, (feat, boiler, common) in rows:
            keys, sent = _u64(feat[2]), np.array(feat[3], dtype=np.int64)
            keep = ~np.isin(keys, _u64(common)) if common else np.ones(len(keys), dtype=bool)
            if boiler:
                keep &= ~np.isin(sent, list(boiler))
            for found in sentence_key_sets(keys[keep], sent[keep]):
                sets.append(found)
                owner.append(doc_id)
        sig = signatures(sets, settings.sentence_bands * settings.sentence_rows, seed=2)
        valid = ~(sig == 0xFFFFFFFF).all(axis=1)
        keys = band_keys(sig[valid], settings.sentence_bands, settings.sentence_rows)
        ids = [d for d, ok in zip(owner, valid) if ok]
        for doc_id, row in zip(ids, keys):
            for k in _i64(row):
                yield k, doc_id
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
    from pyspark.sql import types as T

    s = settings
    lsh = n > s.all_pairs_max_docs
    feats = docs.mapPartitions(_features(s, lsh)).persist(StorageLevel.MEMORY_AND_DISK)
    frames = _Frames(spark, n, s)

    # boilerplate sentences: a normalised sentence frequent in an outlet or the corpus
    sent_rows = frames.values(feats.flatMap(
        lambda kv: [(kv[0], kv[1][0], v) for v in sorted(set(kv[1][1]))]))
    bad_sent = frames.held(sent_rows, frames.frequent(sent_rows))
    with_boiler = feats.leftOuterJoin(bad_sent).mapValues(lambda fb: (fb[0], _boiler(*fb)))

    # document frequencies of content keys (the IDF, and the common keys of sentence LSH)
    key_rows = frames.values(feats.flatMap(
        lambda kv: [(kv[0], None, v) for v in sorted(set(kv[1][2]))]))
    key_df = key_rows.groupBy("v").agg(F.count("*").alias("df")).persist()

    if not lsh:
        ids = spark.createDataFrame(docs.keys().map(lambda i: (i,)), "a string")
        pairs = (ids.crossJoin(ids.withColumnRenamed("a", "b")).where(F.col("a") < F.col("b"))
                 .rdd.map(lambda r: (r["a"], r["b"])))
    else:
        sh_rows = frames.values(feats.flatMap(
            lambda kv: [(kv[0], kv[1][0], v) for v in kv[1][4]]))
        bad_sh = frames.held(sh_rows, frames.frequent(sh_rows))
        doc_keys = feats.leftOuterJoin(bad_sh).mapPartitions(_doc_bands(s))
        doc_pairs = _bucket_pairs(spark, doc_keys, s.max_bucket_docs).keys()

        common = key_df.where(F.col("df") > max(s.boilerplate_min_df_docs,
                                                s.sentence_key_max_df * n)).select("v")
        held_common = frames.held(key_rows, common)
        sent_in = with_boiler.leftOuterJoin(held_common).mapValues(
            lambda x: (x[0][0], x[0][1], x[1]))
        sent_keys = sent_in.mapPartitions(_sentence_bands(s))
        sent_pairs = (_bucket_pairs(spark, sent_keys, s.max_bucket_docs)
                      .filter(lambda pc: pc[1] >= s.min_sentence_hits).keys())
        pairs = doc_pairs.union(sent_pairs).distinct()

    # per article: its sentence features, boilerplate sentences and the frequencies of its keys
    idf_rows = spark.createDataFrame(
        feats.flatMap(lambda kv: [(kv[0], v) for v in kv[1][5]]),
        T.StructType([T.StructField("doc", T.StringType()), T.StructField("v", T.LongType())]))
    dfs = (idf_rows.join(key_df, "v").groupBy("doc")
           .agg(F.map_from_entries(F.collect_list(F.struct("v", "df"))).alias("m"))
           .rdd.map(lambda r: (r["doc"], {_u64([k])[0].item(): v for k, v in r["m"].items()})))
    payload = (with_boiler.mapValues(lambda fb: (fb[0][6], fb[1])).leftOuterJoin(dfs)
               .mapValues(lambda x: (x[0][0], x[0][1], x[1] or {})))
    joined = (pairs.join(payload).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
              .join(payload).map(lambda kv: ((kv[1][0][0], kv[0]), (kv[1][0][1], kv[1][1]))))
    raw = joined.mapPartitions(_align(n, s)).persist(StorageLevel.MEMORY_AND_DISK)

    # settle: a containment-only link between two copies of one source
    strong = raw.filter(_strong).map(lambda x: (x.target_id, x))
    ends = raw.filter(_settleable).flatMap(lambda x: [(x.source_id, x), (x.target_id, x)])
    near = (ends.leftOuterJoin(strong)
            .map(lambda kv: ((kv[1][0].source_id, kv[1][0].target_id), (kv[1][0], kv[1][1])))
            .groupByKey()
            .map(lambda kv: (next(iter(kv[1]))[0], [o for _, o in kv[1] if o is not None])))
    links = raw.filter(lambda x: not _settleable(x)).union(near.map(_settle_one))
    links = links.persist(StorageLevel.MEMORY_AND_DISK)
    feats.unpersist()
    return links, _families(spark, docs, links)


def _families(spark: Any, docs: Any, links: Any) -> Any:
    from storyline.engine.graph import components
    from storyline.reuse.provenance import families

    nodes = spark.createDataFrame(docs.keys().map(lambda i: (i,)), "id string")
    edges = spark.createDataFrame(links.map(lambda x: (x.source_id, x.target_id)),
                                  "src string, dst string")
    label = components(nodes, edges).rdd.map(lambda r: (r["id"], r["label"]))
    arts = docs.mapValues(lambda d: d.article).join(label).map(lambda kv: (kv[1][1], kv[1][0]))
    fam_links = links.map(lambda x: (x.source_id, x)).join(label).map(
        lambda kv: (kv[1][1], kv[1][0]))

    def one(group: tuple[str, tuple[Iterable[Article], Iterable[ReuseLink]]]) -> Family:
        found = families(list(group[1][0]), list(group[1][1]))
        assert len(found) == 1, "a connected component is one family"
        return found[0]

    return arts.cogroup(fam_links).map(one)
