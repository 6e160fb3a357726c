"""The reuse stage on Spark: the local stage's functions, its corpus-wide steps as shuffles.

Same answers as :func:`storyline.reuse.find_reuse`, step by step
(:mod:`storyline.reuse.candidates` says what each step is for), in a handful of shuffles
(each shuffle in local mode costs task scheduling and Python (de)serialisation, whatever its
size: the first version, one shuffle per step, ran some sixty):

* per article, in each partition: the features of :func:`~storyline.reuse.candidates.
  doc_features` (word hashes, per-sentence hashes, content keys), its shingles
  (:func:`~storyline.reuse.minhash.shingles`);
* document frequencies, in the JVM: one row per (article, distinct value) for normalised
  sentences, shingles and content keys (a row per article and kind, its values as an array,
  exploded in Spark), counted per (kind, value, outlet) by an aggregation that sums each
  partition's rows before its shuffle, then per value (no window: windows sorted every row,
  three times). The few values that matter (boilerplate sentences and shingles, common content
  keys) and the content keys' counts (the IDF) are joined back to the articles holding or
  looking them up (broadcast when small, :data:`BROADCAST_MAX_ROWS`), and a last shuffle
  gathers them per article; the driver holds none of them;
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


_FEATURES = ("doc string, outlet string, sn array<long>, keys array<long>, owner array<int>, "
             "sh array<long>, idf array<long>, heavy binary")


def _features(settings: ReuseSettings, with_shingles: bool):
    """Per partition, one row per article (:data:`_FEATURES`): its outlet, per-sentence hashes
    in sentence order, content keys and the sentence of each, shingles, the keys the alignment
    looks up, and ``heavy``: the article and its sentence features, pickled (what the alignment
    of a pair reads; the JVM moves it as bytes)."""
    def run(rows: Iterator[tuple[str, Document]]) -> Iterator[tuple]:
        import pickle

        from storyline.reuse.candidates import Vocab, doc_features
        from storyline.reuse.minhash import shingles
        from storyline.reuse.text import sentence_features, word_hash

        vocab = Vocab()
        hashes: dict[str, int] = {}  # word_hash of the partition's keys, each computed once
        for doc_id, doc in rows:
            sf = sentence_features(doc)  # once: doc_features reads them too
            words, sent_norm, (keys, owner) = doc_features(doc, vocab,
                                                            settings.min_sentence_words, sf)
            sh = shingles(words, settings.shingle_size) if with_shingles else np.zeros(0, np.uint64)
            idf_keys = sorted({hashes[k] if k in hashes else hashes.setdefault(k, word_hash(k))
                               for f in sf for k in f.keys})
            yield (doc_id, doc.article.outlet or "",
                   _i64(np.array(sent_norm, dtype=np.uint64)), _i64(keys), owner.tolist(),
                   _i64(sh), _i64(np.array(idf_keys, dtype=np.uint64)),
                   pickle.dumps((doc.article, sf), protocol=5))
    return run


DRIVER_COMPONENTS_MAX_EDGES = 1_000_000
"""Up to this many reuse links, families' connected components are computed on the driver (the
links' ends and a union-find, a few hundred MB at the bound): one job instead of a label
propagation whose every round is a few shuffles. Above it, in Spark (:mod:`storyline.engine.
graph`). Read at each call (the conformance test sets it to 0 to run the Spark path)."""

_SENT, _SHINGLE, _KEY, _LOOKUP = 0, 1, 2, 3

BROADCAST_MAX_ROWS = 2_000_000
"""A table of values the frequency step joins back to the articles (the frequent and common
values, the content keys' document frequencies) is sent whole to every task (a broadcast join:
the articles' rows stay where they are) when it has at most this many rows (~80 MB), else
joined by a shuffle of both sides. The answer is the same either way."""


def _joinable(frame: Any, rows: int) -> Any:
    """``frame`` marked for a broadcast join when it has at most :data:`BROADCAST_MAX_ROWS`."""
    from pyspark.sql import functions as F

    return F.broadcast(frame) if rows <= BROADCAST_MAX_ROWS else frame


def _per_doc(feats: Any, n: int, settings: ReuseSettings, lsh: bool) -> tuple[Any, Any]:
    """DataFrame ``(doc, sent, sh, common, df)`` of the articles holding any: boilerplate
    sentence hashes, boilerplate shingles, common content keys, and ``(v, df)``: the document
    frequency of each key the alignment looks up (see the module docstring); and the persisted
    table it reads (to unpersist when done).

    Document frequencies are aggregations, not windows over every (article, value) row: each
    partition counts its rows per (kind, value, outlet) before the shuffle (Spark's partial
    aggregation), and no sort of all the rows is made; a second aggregation sums the outlets'
    counts per value. Only the values that can matter are kept (the frequent and common ones,
    and the content keys' counts), and joined back to the articles that hold or look them up."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    s = settings

    def values(kind: int, col: str) -> Any:
        return feats.select("doc", "outlet", F.lit(kind).alias("kind"),
                            F.explode(F.array_distinct(col)).alias("v"))

    counted = values(_SENT, "sn").unionByName(values(_KEY, "keys"))
    if lsh:
        counted = counted.unionByName(values(_SHINGLE, "sh"))
    # a value frequent in one outlet is boilerplate in every article holding it (``_frequent``
    # gives one set of values): the flag of any outlet
    in_outlet = ((F.col("outlet") != "") & (F.col("odf") >= s.boilerplate_outlet_docs)).cast("int")
    stats = (counted.groupBy("kind", "v", "outlet").agg(F.count("*").alias("odf"))
             .groupBy("kind", "v").agg(F.sum("odf").alias("df"),
                                       F.max(in_outlet).alias("any_outlet")))
    cap = max(s.boilerplate_min_df_docs, s.boilerplate_max_df * n)
    corpus = F.lit(n > s.boilerplate_min_df_docs) & (F.col("df") > cap)
    kind = F.col("kind")
    frequent = (kind != _KEY) & (corpus | (F.col("any_outlet") == 1))
    common = (kind == _KEY) & (F.col("df") > max(s.boilerplate_min_df_docs,
                                                 s.sentence_key_max_df * n))
    kept = stats.where(frequent | common | (kind == _KEY)).select(
        "kind", "v", "df", (frequent | common).alias("flag")).persist(StorageLevel.MEMORY_AND_DISK)
    flagged = kept.where("flag").select("kind", "v")
    key_df = kept.where(kind == _KEY).select("v", "df")
    held = counted.join(_joinable(flagged, flagged.count()), ["kind", "v"]).select(
        "doc", "kind", "v", F.lit(None).cast("long").alias("df"))
    looked = feats.select("doc", F.explode(F.array_distinct("idf")).alias("v")).join(
        _joinable(key_df, key_df.count()), "v").select("doc", F.lit(_LOOKUP).alias("kind"),
                                                        "v", "df")
    grouped = held.unionByName(looked).groupBy("doc").agg(
        F.collect_list(F.when(kind == _SENT, F.col("v"))).alias("sent"),
        F.collect_list(F.when(kind == _SHINGLE, F.col("v"))).alias("sh"),
        F.collect_list(F.when(kind == _KEY, F.col("v"))).alias("common"),
        F.collect_list(F.when(kind == _LOOKUP, F.struct("v", "df"))).alias("df"))
    return grouped, kept


def _bucket_pairs(keyed: Any, settings: ReuseSettings) -> Any:
    """DataFrame ``(a, b)``: article pairs ``a < b`` sharing a document bucket, or
    ``min_sentence_hits`` sentence buckets, each of 2 to ``max_bucket_docs`` articles
    (``lsh_pairs``). ``keyed``: DataFrame :data:`_KEYED`, keys distinct per article."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    s = settings
    rows = keyed.select("doc", "ch", F.explode("ks").alias("k"))
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


_KEYED = "doc string, ch int, ks array<long>"


def _bands(settings: ReuseSettings):
    """Per partition of rows ``(doc, sn, keys, owner, sh, sent, bad_sh, common)`` (dicts,
    :func:`~storyline.engine.inputs.map_rows`): each article's
    document and sentence band keys, ``(doc, channel, keys)`` (channel 0: shingles, seed 1;
    channel 1: sentence content keys, seed 2), as the local
    :func:`~storyline.reuse.candidates.find_candidates` computes them."""
    def run(part: Iterator[Any]) -> Iterator[tuple]:
        from storyline.reuse.candidates import sentence_key_sets
        from storyline.reuse.minhash import band_keys, signatures

        s = settings
        rows = list(part)
        doc_sets, sent_sets, sent_owner = [], [], []
        for i, r in enumerate(rows):
            sh = _u64(r["sh"])
            if r["bad_sh"]:
                sh = sh[~np.isin(sh, _u64(r["bad_sh"]))]
            doc_sets.append(sh)
            keys, sent = _u64(r["keys"]), np.array(r["owner"], dtype=np.int64)
            common = r["common"]
            keep = ~np.isin(keys, _u64(common)) if common else np.ones(len(keys), dtype=bool)
            boiler = _boiler(r["sn"], r["sent"])
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
                yield rows[i]["doc"], ch, sorted(ks)
    return run


def _boiler(sent_hashes: list[int], bad: list[int] | None) -> frozenset[int]:
    """Indices of the sentences whose hash is boilerplate."""
    if not bad:
        return frozenset()
    found = set(bad)
    return frozenset(i for i, h in enumerate(sent_hashes) if h in found)


def _align(n: int, settings: ReuseSettings):
    """Per partition of rows ``(a, b, ha, sna, senta, dfa, hb, snb, sentb, dfb)`` (dicts,
    :func:`~storyline.engine.inputs.map_rows`; ``h``: the pickled article and sentence features;
    ``sn``, ``sent``: its sentence hashes and the boilerplate ones; ``df``: its keys' document
    frequencies, ``{v, df}`` each): the link of each pair, pickled, or none."""
    def run(rows: Iterator[Any]) -> Iterator[tuple[bytes]]:
        import pickle

        from storyline.reuse import idf_weights, link_pair
        from storyline.reuse.semantic import scorer

        sem = scorer(settings.semantic)
        seen: dict[str, tuple] = {}  # the last articles read (rows come sorted by one end)

        def side(doc: str, heavy: bytes, sn: list[int], sent: list[int] | None,
                 df: list | None) -> tuple:
            got = seen.get(doc)
            if got is None:
                if len(seen) >= 256:
                    seen.clear()
                article, sf = pickle.loads(heavy)
                keys = _u64(x["v"] for x in df or ()).tolist()
                got = seen[doc] = (article, sf, _boiler(sn, sent),
                                   dict(zip(keys, (x["df"] for x in df or ()))))
            return got

        for r in rows:
            a, fa, boiler_a, df_a = side(r["a"], r["ha"], r["sna"], r["senta"], r["dfa"])
            b, fb, boiler_b, df_b = side(r["b"], r["hb"], r["snb"], r["sentb"], r["dfb"])
            idf = idf_weights([fa, fb], {**df_a, **df_b}, n)
            link = link_pair(a, b, fa, fb, settings, idf, boiler_a, boiler_b, sem)
            if link is not None:
                yield (pickle.dumps(link, protocol=5),)
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
    """RDDs ``(links, families)`` of the documents of ``docs`` (a source of
    :mod:`storyline.engine.inputs`: an RDD of documents or a DataFrame of their columns; ids
    unique, ``n`` of them): the records :func:`storyline.reuse.find_reuse` gives."""
    import pickle

    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from storyline.engine.inputs import map_rows

    s = settings
    lsh = n > s.all_pairs_max_docs
    feats = docs.frame(_features(s, lsh), _FEATURES).persist(StorageLevel.MEMORY_AND_DISK)
    freq, kept = _per_doc(feats, n, s, lsh)

    if not lsh:
        ids = feats.select(F.col("doc").alias("a"))
        pairs = ids.crossJoin(ids.withColumnRenamed("a", "b")).where(F.col("a") < F.col("b"))
    else:
        light = feats.select("doc", "sn", "keys", "owner", "sh").join(
            freq.select("doc", "sent", F.col("sh").alias("bad_sh"), "common"), "doc", "left")
        pairs = _bucket_pairs(map_rows(light, _bands(s), _KEYED), s)

    # each pair with both articles' payload, joined in the JVM (the payload moves as bytes)
    payload = feats.select("doc", "heavy", "sn").join(freq.select("doc", "sent", "df"), "doc",
                                                       "left")

    def end(x: str) -> Any:
        return payload.select(*(F.col(c).alias(c if c == "doc" else c + x)
                                for c in ("doc", "heavy", "sn", "sent", "df")))

    both = (pairs.join(end("a"), F.col("a") == F.col("doc")).drop("doc")
            .join(end("b"), F.col("b") == F.col("doc")).drop("doc")
            .select("a", "b", F.col("heavya").alias("ha"), "sna", "senta", "dfa",
                    F.col("heavyb").alias("hb"), "snb", "sentb", "dfb"))
    raw = (map_rows(both, _align(n, s), "link binary").rdd.map(lambda r: pickle.loads(r[0]))
           .persist(StorageLevel.MEMORY_AND_DISK))

    # settle: a containment-only link between two copies of one source
    strong = raw.filter(_strong).map(lambda x: (x.target_id, x))
    ends = raw.filter(_settleable).flatMap(lambda x: [(x.source_id, x), (x.target_id, x)])
    near = (ends.leftOuterJoin(strong)
            .map(lambda kv: ((kv[1][0].source_id, kv[1][0].target_id), (kv[1][0], kv[1][1])))
            .groupByKey()
            .map(lambda kv: (next(iter(kv[1]))[0], [o for _, o in kv[1] if o is not None])))
    links = raw.filter(lambda x: not _settleable(x)).union(near.map(_settle_one))
    links = links.persist(StorageLevel.MEMORY_AND_DISK)
    links.count()  # computed while the features are cached; families need only the links
    feats.unpersist()
    kept.unpersist()
    return links, _families(spark, docs.articles(), links)


def _single(article: Article) -> Family:
    from storyline.reuse.provenance import families

    return families([article], [])[0]


def _one_family(group: tuple[str, tuple[Iterable[Article], Iterable[ReuseLink]]]) -> Family:
    from storyline.reuse.provenance import families

    found = families(list(group[1][0]), list(group[1][1]))
    assert len(found) == 1, "a connected component is one family"
    return found[0]


def _families(spark: Any, articles: Any, links: Any) -> Any:
    """RDD of families: each connected component of ``links`` through
    :func:`~storyline.reuse.provenance.families`, each article (RDD ``(id, Article)``) in no
    link a family alone."""
    from storyline.engine import reuse as this

    sc = spark.sparkContext
    edges = links.map(lambda x: (x.source_id, x.target_id))
    if edges.count() <= this.DRIVER_COMPONENTS_MAX_EDGES:
        from storyline.text import UnionFind

        uf = UnionFind[str]()
        for a, b in edges.collect():
            uf.union(a, b)
        table = sc.broadcast(uf.roots())
        labelled = articles.map(lambda kv: (kv[1], table.value.get(kv[0])))
        fam_links = links.map(lambda x: (table.value[x.source_id], x))
    else:
        from storyline.engine.graph import components

        nodes = spark.createDataFrame(edges.flatMap(lambda e: [(e[0],), (e[1],)]), "id string")
        frame = spark.createDataFrame(edges, "src string, dst string")
        label = components(nodes, frame).rdd.map(lambda r: (r["id"], r["label"]))
        labelled = articles.leftOuterJoin(label).map(lambda kv: kv[1])
        fam_links = links.map(lambda x: (x.source_id, x)).join(label).map(
            lambda kv: (kv[1][1], kv[1][0]))
    alone = labelled.filter(lambda al: al[1] is None).map(lambda al: _single(al[0]))
    arts = labelled.filter(lambda al: al[1] is not None).map(lambda al: (al[1], al[0]))
    return alone.union(arts.cogroup(fam_links).map(_one_family))
