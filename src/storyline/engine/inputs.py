"""Where the Spark engine's stages read the documents from.

The per-article steps of the reuse and stories stages (:mod:`storyline.engine.reuse`,
:func:`storyline.engine.spark.reuse_and_stories`) are functions over a partition's
``(id, Document)`` pairs; a source runs such a function over every partition and gives its rows
as a DataFrame, and gives each article (families need only those). Two sources, the same stage
code and the same rows:

* :class:`DocumentRDD`: an RDD of ``(id, Document)`` (what the engine's annotation makes);
* :class:`AnnotatedFrame`: a DataFrame of the annotation's columns (:mod:`storyline.engine.
  columns`, e.g. ``spark.read.parquet`` of a stored annotation): each partition's Arrow batches
  become documents in the Python worker as the step reads them, and are dropped after it. No
  document is pickled, shuffled or cached: Spark reads the Parquet again for each step that
  needs the documents (reuse features, story features). Building a document from its columns
  costs about what unpickling it does (:mod:`storyline.engine.columns`); what this saves is
  pickling every document, holding the pickles (5x the Parquet) in the JVM's cache and
  spilling them to disk: at 100k articles the persisted RDD of documents had not been built
  after 45 minutes (benchmarks/README.md, issue #15).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from storyline.engine import columns
from storyline.models import Document

Step = Callable[[Iterator[tuple[str, Document]]], Iterator[tuple]]
"""A per-partition step: ``(id, Document)`` pairs in, rows (tuples of the schema's columns) out."""

OUTPUT_ROWS = 512
"""Rows of a step's output per Arrow batch handed back to Spark."""


class DocumentRDD:
    """Documents held as an RDD of ``(id, Document)``, ids unique."""

    def __init__(self, spark: Any, rdd: Any):
        self.spark, self.rdd = spark, rdd

    def count(self) -> int:
        return int(self.rdd.count())

    def frame(self, step: Step, schema: str) -> Any:
        """``step`` over each partition: a DataFrame of ``schema`` (a DDL string)."""
        return self.spark.createDataFrame(self.rdd.mapPartitions(step), schema)

    def articles(self) -> Any:
        """RDD ``(id, Article)``."""
        return self.rdd.mapValues(lambda d: d.article)


def _record_batches(rows: Iterator[tuple], schema: Any) -> Iterator[Any]:
    """Rows (tuples of ``schema``'s columns) as Arrow record batches of :data:`OUTPUT_ROWS`."""
    from itertools import islice

    import pyarrow as pa

    while chunk := list(islice(rows, OUTPUT_ROWS)):
        yield pa.RecordBatch.from_arrays(
            [pa.array(list(col), type=f.type) for col, f in zip(zip(*chunk), schema)],
            schema=schema)


def _arrow_step(step: Step, schema: Any) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """``step`` over the documents of Arrow record batches, its rows as batches of ``schema``."""
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        docs = ((d.id, d) for b in batches for d in columns.from_table(b))
        yield from _record_batches(step(docs), schema)
    return run


def _struct(schema: str) -> tuple[Any, Any]:
    """A DDL schema as Spark's ``StructType`` and as an Arrow schema."""
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType, _parse_datatype_string

    struct = _parse_datatype_string(schema)
    assert isinstance(struct, StructType)
    return struct, to_arrow_schema(struct)


def map_rows(frame: Any, step: Callable[[Iterator[dict]], Iterator[tuple]], schema: str) -> Any:
    """``step`` over each partition of a DataFrame, its rows given as dicts (column -> value,
    ``None`` for null) read from Arrow batches (``mapInArrow``), its output rows (tuples) a
    DataFrame of ``schema`` (a DDL string). What ``frame.rdd.mapPartitions`` does, without the
    JVM pickling a ``Row`` per row and Python unpickling it: the reuse stage's rows carry
    hundreds of hashes each (issue #15)."""
    struct, arrow = _struct(schema)

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        rows = (r for b in batches for r in b.to_pylist())
        yield from _record_batches(step(rows), arrow)
    return frame.mapInArrow(run, struct)


class AnnotatedFrame:
    """Documents as a DataFrame of the annotation's columns (:data:`columns.COLUMNS`; the
    optional ones may be absent), ids unique. Needs pyarrow and pandas in the Python workers
    (Spark's ``mapInArrow``)."""

    def __init__(self, spark: Any, frame: Any):
        self.spark = spark
        self.df = frame.select(*(c for c in columns.COLUMNS if c in frame.columns))

    @classmethod
    def read_parquet(cls, spark: Any, *paths: str) -> AnnotatedFrame:
        return cls(spark, spark.read.parquet(*paths))

    def count(self) -> int:
        return int(self.df.count())

    def frame(self, step: Step, schema: str) -> Any:
        struct, arrow = _struct(schema)
        return self.df.mapInArrow(_arrow_step(step, arrow), struct)

    def articles(self) -> Any:
        """RDD ``(id, Article)`` (the article's columns only)."""
        names = [c for c in (*columns.ARTICLE_FIELDS, "warnings", "metadata")
                 if c in self.df.columns]

        def read(rows: Iterator[Any]) -> Iterator[tuple]:
            for r in rows:
                a = columns.article({k: (r[k],) for k in names}, 0)
                yield a.id, a
        return self.df.select(*names).rdd.mapPartitions(read)
