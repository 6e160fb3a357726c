"""Engines: where the analysis stages run.

* ``local`` (:func:`storyline.api.analyze`): every stage in this process (annotation on worker
  processes), over a SQLite store.
* ``spark`` (:mod:`storyline.engine.spark`): the same stage functions over a Spark cluster (or
  Spark's local mode), on DataFrames of articles; results are DataFrames of the report's records,
  written as Parquet, and the same ``report.json`` / HTML / Markdown when the result is small.

Both engines call the same per-article and per-story functions (annotation, reuse features and
alignment, story features, claims, names, the cross-check and timeline of one story) and differ
only in how the corpus-wide steps are computed: in memory here, with shuffles there (document
frequencies, LSH buckets, connected components, grouping by story). Ids are content-based and
seeds fixed, so the same input and settings give the same report on both. ``docs/scaling.md``
says which step runs where and why.
"""

from __future__ import annotations

ENGINES = ("local", "spark")
