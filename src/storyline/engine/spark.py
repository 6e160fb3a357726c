"""The Spark engine: the analysis of a DataFrame of articles, as DataFrames of report records.

    from storyline.engine.spark import analyze_frame
    result = analyze_frame(spark, spark.read.json("articles.jsonl"), Settings())
    result.write_parquet("out/")          # articles/, reuse/, families/, stories/, ...
    report = result.report()              # the local engine's Report, when it is small

Stages and where they run (``docs/scaling.md`` has the design and how to submit it):

* ingest (a row -> :class:`~storyline.models.Article`, the JSONL reader's rules) and annotation
  per partition (the spaCy pipeline loaded once per partition, articles through ``nlp.pipe`` in
  ``annotate.batch_size`` batches); the first row of each article id (by input order) is kept;
* reuse: :mod:`storyline.engine.reuse` (LSH with a shuffle on band keys, alignment of each
  candidate pair, families as connected components);
* stories: each article's features per partition (:func:`storyline.stories.features.extract`),
  then the batch clustering (:func:`storyline.stories.cluster_features`) on the driver: it is one
  sequential pass in canonical order over corpus-wide weights, the only way to give the local
  engine's events (see docs/scaling.md);
* reuse and stories read the documents from a source of :mod:`storyline.engine.inputs`: the
  annotated RDD here, or, for a stored annotation, a DataFrame of its columns
  (:func:`reuse_and_stories` with :class:`~storyline.engine.inputs.AnnotatedFrame`);
* claims per partition (:func:`storyline.pipeline.article_claims`); entities: each article's
  names per partition (:func:`storyline.claims.entities.article_names`), merged on the driver
  (:func:`storyline.claims.entities.merge_names`);
* checks and timeline per story, grouped by story id: :func:`storyline.crosscheck.check_corpus`
  and :func:`storyline.crosscheck.build_timeline` on one story's claims, articles and families,
  with the corpus' entity lookup.

Every table holds, per record, its key columns and ``record``: the record's JSON as in
``report.json`` (stories without the titles the report picks, which need the whole report).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import EngineError
from storyline.models import Annotation, Article, Claim, Document, Rejection
from storyline.settings import Settings

log = logging.getLogger("storyline")

REPORT_MAX_ARTICLES = 50_000
"""Above this many articles :meth:`SparkResult.report` refuses (E400) and only the Parquet tables
are written: report.json holds every article's text and every record, and the HTML report is
built in one process's memory."""

TABLES = ("articles", "rejected", "reuse", "families", "stories", "entities", "claims", "checks",
          "timeline")


class _Clock:
    """Wall time of each stage, logged (``-v``)."""

    def __init__(self) -> None:
        self.t = time.perf_counter()

    def lap(self, stage: str, *counts: object) -> None:
        now = time.perf_counter()
        log.info("spark: %s %.1f s %s", stage, now - self.t, " ".join(map(str, counts)))
        self.t = now


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------------------ input


def _row_item(row: Mapping[str, Any], index: int, name: str, settings: Settings
              ) -> Article | Rejection:
    """One DataFrame row (the JSONL fields; ``source`` names it, default ``NAME:ROW``) read by
    the JSONL reader's rules."""
    from storyline.errors import InputError
    from storyline.ingest import from_records
    from storyline.ingest.records import parse_record

    obj = {k: v for k, v in row.items() if v is not None}
    source = str(obj.pop("source", None) or f"{name}:{index + 1}")
    rec = parse_record(obj, source)
    if isinstance(rec, InputError):
        return Rejection(rec.source, rec.code, rec.reason)
    return next(from_records(iter([rec]), settings.ingest))


def _annotate(settings: Settings):
    def run(rows: Iterator[tuple[int, Article]]) -> Iterator[tuple[int, Article, Any]]:
        from itertools import islice

        from storyline.annotate import annotate_safely, load_pipeline
        from storyline.annotate.model import pipeline_id

        nlp, pid = None, ""
        while batch := list(islice(rows, settings.annotate.batch_size)):
            if nlp is None:  # loaded once per partition, and only for a partition with articles
                nlp = load_pipeline(settings.annotate.model)
                pid = pipeline_id(nlp)
            results = annotate_safely([a for _, a in batch], settings.annotate, nlp, pid)
            for (order, article), result in zip(batch, results):
                yield order, article, result
    return run


# ------------------------------------------------------------------------------ stages


def _claims(settings: Settings):
    def run(docs: Iterator[tuple[str, Document]]) -> Iterator[tuple[str, tuple[Claim, ...]]]:
        from storyline.pipeline import article_claims

        for doc_id, doc in docs:
            found = article_claims(doc, settings)
            if found is not None:
                yield doc_id, tuple(found)
    return run


def _names(settings: Settings):
    def run(rows: Iterator[tuple[str, tuple[Document, Iterable[Claim] | None]]]) -> Iterator:
        from storyline.claims.agencies import name_table
        from storyline.claims.entities import article_names

        table = name_table(settings.claims.alias_file)
        for doc_id, (doc, claims) in rows:
            yield doc_id, article_names(doc, tuple(claims or ()), table, settings.claims)
    return run


def _story_features(settings: Settings):
    """Per partition, one row per article: ``(order key, id, story features, lead text)``
    pickled (a ``binary`` column)."""
    def run(docs: Iterator[tuple[str, Document]]) -> Iterator[tuple[bytes]]:
        import pickle

        from storyline.stories import order_key, semantic, uses_embeddings
        from storyline.stories.features import extract

        leads = uses_embeddings(settings.stories)
        for doc_id, doc in docs:
            lead = semantic.lead_text(doc, settings.stories.lead_sentences) if leads else None
            yield (pickle.dumps((order_key(doc), doc_id, extract(doc, settings.stories), lead),
                                protocol=5),)
    return run


def reuse_and_stories(spark: Any, docs: Any, n: int, settings: Settings,
                      lap: Callable[[str], None] | None = None) -> tuple[Any, Any, tuple]:
    """The reuse and stories stages of ``n`` documents from a source of
    :mod:`storyline.engine.inputs` (an RDD of documents or a DataFrame of their annotation's
    columns): RDDs of links and families (persisted), and the stories. Story features are
    computed per partition; the batch clustering (:func:`storyline.stories.cluster_features`)
    runs here on the driver: one sequential pass in canonical order over corpus-wide weights,
    the only way to give the local engine's events (see docs/scaling.md). ``lap`` is called
    with each stage's name when it is done (its links and families counted)."""
    import pickle

    from pyspark import StorageLevel

    from storyline.engine import reuse
    from storyline.stories import cluster_features

    clock = _Clock()
    links, families = reuse.find_reuse(spark, docs, n, settings.reuse)
    families = families.persist(StorageLevel.MEMORY_AND_DISK)
    clock.lap("reuse", links.count(), "links", families.count(), "families")
    if lap:
        lap("reuse")
    feats = sorted((pickle.loads(r[0]) for r in
                    docs.frame(_story_features(settings), "row binary").collect()),
                   key=lambda x: x[0])
    multi = families.filter(lambda f: len(f.article_ids) > 1).collect()
    index = cluster_features([i for _, i, _, _ in feats], {i: f for _, i, f, _ in feats},
                             settings.stories, families=multi,
                             lead_texts={i: t for _, i, _, t in feats if t is not None})
    stories = tuple(index.stories())
    clock.lap("stories", len(stories), "stories")
    if lap:
        lap("stories")
    return links, families, stories


def _split_tags(n: int):
    def run(values: Iterable[tuple[int, Any]]) -> tuple[list, ...]:
        out: tuple[list, ...] = tuple([] for _ in range(n))
        for tag, v in values:
            out[tag].append(v)
        return out
    return run


def _check_story(settings: Settings, lookup: Any):
    def run(group: tuple[str, tuple]) -> tuple[str, list, list]:
        from storyline.crosscheck import build_timeline, check_corpus

        sid, (stories, docs, claims, fams) = group
        story = next(iter(stories))
        docs = sorted(docs, key=lambda d: (d.article.source, d.id))
        ordered = [c for _, c in sorted(claims, key=lambda ic: ic[0])]
        families = sorted({f.id: f for f in fams}.values(), key=lambda f: f.id)
        checks = check_corpus(ordered, docs, families, [story], (), settings.checks,
                              lookup=lookup.value).checks
        timeline = build_timeline(ordered, checks, [story], docs, settings.checks)
        return sid, list(checks), list(timeline)
    return run


# ------------------------------------------------------------------------------ result


@dataclass
class SparkResult:
    """The Spark engine's output: one DataFrame per report table (:data:`TABLES`; columns: the
    record's keys and ``record``, its JSON) and the records the report is built from."""

    spark: Any
    settings: Settings
    tables: dict[str, Any]
    n_articles: int
    _records: dict[str, Any]

    def write_parquet(self, out_dir: str | Path) -> dict[str, Path]:
        """Each table as a Parquet directory ``OUT/NAME.parquet`` (overwritten)."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = {}
        for name, frame in self.tables.items():
            path = out / f"{name}.parquet"
            frame.write.mode("overwrite").parquet(str(path))
            written[name] = path
        return written

    def report(self, max_articles: int = REPORT_MAX_ARTICLES):
        """The :class:`~storyline.report.build.Report` (the local engine's, same bytes), when
        the corpus has at most ``max_articles`` articles; E400 otherwise."""
        from storyline.report.build import build_report

        if self.n_articles > max_articles:
            raise EngineError(f"{self.n_articles} articles: more than the {max_articles} a "
                              f"report.json is built for; read the Parquet tables instead")
        r = self._records
        docs = sorted(r["docs"].values().collect(), key=lambda d: (d.article.source, d.id))
        links = sorted(r["links"].collect(), key=lambda x: (x.source_id, x.target_id))
        families = sorted(r["families"].collect(), key=lambda f: f.article_ids)
        from storyline.crosscheck.verdict import sort_key

        checks = sorted(r["checks"].collect(), key=sort_key)
        timeline = [e for _, es in sorted(r["timeline"].collect(), key=lambda x: x[0]) for e in es]
        values = {"links": tuple(links), "families": tuple(families), "stories": r["stories"],
                  "entities": r["entities"], "claims": r["claims"], "checks": tuple(checks),
                  "timeline": tuple(timeline)}
        return build_report(docs, values, self.settings, rejected=r["rejected"])


# ------------------------------------------------------------------------------ entry points


def analyze_frame(spark: Any, frame: Any, settings: Settings | None = None, *,
                  name: str = "frame") -> SparkResult:
    """Analyse a DataFrame of articles (the JSONL fields: ``text`` or ``html``, ``id``,
    ``title``, ``url``, ``outlet``, ``published``, ``language``, others kept as metadata; an
    optional ``source`` names each row, else ``NAME:ROW`` in the frame's order)."""
    settings = settings or Settings()
    items = frame.rdd.zipWithIndex().map(
        lambda ri: (ri[1], _row_item(ri[0].asDict(recursive=True), ri[1], name, settings)))
    return analyze_items(spark, items, settings)


def analyze_paths(spark: Any, paths: Sequence[str], settings: Settings | None = None,
                  *, partitions: int | None = None) -> SparkResult:
    """Analyse files and directories as ``storyline analyze`` reads them: read here (the
    ingest's rules and order, so that sources and rejections are the local engine's), analysed
    on Spark."""
    from storyline.ingest import read_inputs

    settings = settings or Settings()
    items = list(enumerate(read_inputs(list(paths), settings.ingest)))
    rdd = spark.sparkContext.parallelize(items, partitions or spark.sparkContext.defaultParallelism)
    return analyze_items(spark, rdd, settings)


def analyze_items(spark: Any, items: Any, settings: Settings) -> SparkResult:
    """The analysis of an RDD of ``(input order, Article | Rejection)``."""
    from pyspark import StorageLevel

    from storyline.claims.entities import merge_names
    from storyline.crosscheck.corpus import EntityLookup
    from storyline.engine.inputs import DocumentRDD

    clock = _Clock()
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    read_rejected = items.filter(lambda x: isinstance(x[1], Rejection)).collect()
    # the first article of each id in input order (the local ingest skips later copies)
    firsts = (items.filter(lambda x: isinstance(x[1], Article))
              .map(lambda x: (x[1].id, x)).reduceByKey(lambda a, b: a if a[0] <= b[0] else b)
              .values())
    annotated = firsts.mapPartitions(_annotate(settings)).persist(StorageLevel.MEMORY_AND_DISK)
    failed = annotated.filter(lambda x: isinstance(x[2], str)).map(
        lambda x: (x[0], Rejection(x[1].source, x[2][:4], x[2][5:]))).collect()
    rejected = tuple(r for _, r in sorted(read_rejected + failed, key=lambda x: x[0]))
    docs = (annotated.filter(lambda x: isinstance(x[2], Annotation))
            .map(lambda x: (x[1].id, Document(x[1], x[2])))
            .persist(StorageLevel.MEMORY_AND_DISK))
    n = docs.count()
    items.unpersist()
    clock.lap("annotate")

    links, families, stories = reuse_and_stories(spark, DocumentRDD(spark, docs), n, settings)
    clock = _Clock()

    # claims per article; entities: names per article, merged here
    claims_rdd = docs.mapPartitions(_claims(settings)).persist(StorageLevel.MEMORY_AND_DISK)
    names = dict(docs.leftOuterJoin(claims_rdd).mapPartitions(_names(settings)).collect())
    by_doc = dict(claims_rdd.collect())
    order = sorted((d.article.source, i) for i, d in docs.collect())
    claims = [c for _, i in order for c in by_doc.get(i, ())]
    entities, claims_t = merge_names(names, claims, settings.claims)
    del names, by_doc
    clock.lap("claims+entities", len(claims_t), "claims")

    # checks and timeline per story
    sc = spark.sparkContext
    story_of = sc.parallelize([(a, st.id) for st in stories for a in st.article_ids])
    story_rdd = sc.parallelize([(st.id, st) for st in stories])
    story_docs = docs.join(story_of).map(lambda kv: (kv[1][1], kv[1][0]))
    story_claims = (sc.parallelize(list(enumerate(claims_t)))
                    .map(lambda ic: (ic[1].article_id, ic)).join(story_of)
                    .map(lambda kv: (kv[1][1], kv[1][0])))
    story_fams = (families.flatMap(lambda f: [(a, f) for a in f.article_ids]).join(story_of)
                  .map(lambda kv: (kv[1][1], kv[1][0])))
    lookup = sc.broadcast(EntityLookup.of(entities))
    tagged = [rdd.mapValues(lambda v, tag=tag: (tag, v)) for tag, rdd in
              enumerate((story_rdd, story_docs, story_claims, story_fams))]
    checked = (sc.union(tagged).groupByKey().mapValues(_split_tags(4))
               .map(_check_story(settings, lookup)).persist(StorageLevel.MEMORY_AND_DISK))
    checks = checked.flatMap(lambda x: x[1])
    timeline = checked.map(lambda x: (x[0], x[2]))
    clock.lap("checks+timeline", checks.count(), "checks")

    records = {"docs": docs, "links": links, "families": families, "stories": tuple(stories),
               "entities": entities, "claims": claims_t, "checks": checks,
               "timeline": timeline, "rejected": rejected}
    tables = _tables(spark, records)
    return SparkResult(spark, settings, tables, n, records)


def _tables(spark: Any, r: Mapping[str, Any]) -> dict[str, Any]:
    from storyline.report.build import article_dict
    from storyline.serialize import to_dict

    sc = spark.sparkContext

    def frame(rdd: Any, schema: str) -> Any:
        return spark.createDataFrame(rdd, schema)

    def local(rows: list, schema: str) -> Any:
        return frame(sc.parallelize(rows, max(1, min(len(rows) // 10_000, 64)) or 1), schema)

    return {
        "articles": frame(r["docs"].values().map(
            lambda d: (d.id, d.article.source, _dumps(article_dict(d)))),
            "id string, source string, record string"),
        "rejected": local([(x.source, x.code, _dumps(to_dict(x))) for x in r["rejected"]],
                          "source string, code string, record string"),
        "reuse": frame(r["links"].map(lambda x: (x.source_id, x.target_id, _dumps(to_dict(x)))),
                       "source_id string, target_id string, record string"),
        "families": frame(r["families"].map(lambda f: (f.id, f.origin_id, _dumps(to_dict(f)))),
                          "id string, origin_id string, record string"),
        "stories": local([(s.id, _dumps(to_dict(s))) for s in r["stories"]],
                         "id string, record string"),
        "entities": local([(e.id, e.type, _dumps(to_dict(e))) for e in r["entities"]],
                          "id string, type string, record string"),
        "claims": local([(c.id, c.article_id, c.kind, _dumps(to_dict(c))) for c in r["claims"]],
                        "id string, article_id string, kind string, record string"),
        "checks": frame(r["checks"].map(lambda c: (c.id, c.status, _dumps(to_dict(c)))),
                        "id string, status string, record string"),
        "timeline": frame(r["timeline"].flatMap(
            lambda st: [(st[0], e.date, _dumps(to_dict(e))) for e in st[1]]),
            "story_id string, date string, record string"),
    }


@dataclass(frozen=True)
class SparkRun:
    """What :func:`run_paths` wrote: the Parquet tables, and the report files when the corpus
    was small enough (``report`` is None otherwise)."""

    n_articles: int
    rejected: tuple[Rejection, ...]
    parquet: Mapping[str, Path]
    report: Any = None
    files: Mapping[str, Path] | None = None


def run_paths(paths: Sequence[str], out_dir: str | Path, settings: Settings | None = None, *,
              master: str | None = None, shuffle_partitions: int | None = None,
              report_max_articles: int = REPORT_MAX_ARTICLES, spark: Any = None) -> SparkRun:
    """``storyline analyze --engine spark``: analyse ``paths`` on Spark, write the Parquet tables
    to ``OUT/parquet/`` and, for at most ``report_max_articles`` articles, report.json, .html and
    .md to ``OUT`` (the local engine's files). Starts a session (:mod:`storyline.engine.session`)
    unless ``spark`` is given, and stops the one it started."""
    from storyline.engine.session import start_session

    settings = settings or Settings()
    own = spark is None
    session = spark or start_session(master, shuffle_partitions=shuffle_partitions)
    try:
        result = analyze_paths(session, paths, settings)
        parquet = result.write_parquet(Path(out_dir) / "parquet")
        rejected = result._records["rejected"]
        if result.n_articles > report_max_articles:
            log.warning("%d articles: report.json is not written above %d "
                        "(--report-max-articles); the Parquet tables are in %s",
                        result.n_articles, report_max_articles, Path(out_dir) / "parquet")
            return SparkRun(result.n_articles, rejected, parquet)
        report = result.report(report_max_articles)
        return SparkRun(result.n_articles, rejected, parquet, report, report.write(out_dir))
    finally:
        if own:
            session.stop()
