"""A Spark session for the engine, and the checks that say why there is none (E400)."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

from storyline.errors import EngineError

DEFAULT_MASTER = "local[*]"
DEFAULT_SHUFFLE_PARTITIONS = 8
"""Shuffle partitions of a session this module starts: Spark's default (200) is meant for
clusters and makes every small shuffle of local mode pay for 200 tasks."""


def require_spark() -> None:
    """Raise :class:`EngineError` (E400) naming what is missing: pyspark or a Java runtime."""
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise EngineError("the Spark engine needs pyspark: pip install 'storyline[spark]'") from exc
    java_home = os.environ.get("JAVA_HOME")
    java = os.path.join(java_home, "bin", "java") if java_home else shutil.which("java")
    if not java or not os.path.exists(java):
        raise EngineError("the Spark engine needs a Java runtime (17 or later): none found on "
                          "PATH or in JAVA_HOME")


def start_session(master: str | None = None, *, shuffle_partitions: int | None = None,
                  conf: dict[str, str] | None = None) -> Any:
    """A Spark session (``SparkSession.builder.getOrCreate``): ``master`` (default
    ``local[*]``, or the one ``spark-submit`` set), the Spark UI off, and
    ``shuffle_partitions`` for ``spark.sql.shuffle.partitions``. Raises E400 when Spark cannot
    start."""
    require_spark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("storyline")
    if master or not os.environ.get("SPARK_ENV_LOADED"):  # spark-submit sets the master itself
        master = master or DEFAULT_MASTER
        builder = builder.master(master)
        if master.startswith("local"):
            # local mode: the Python workers run this interpreter (and this storyline), not
            # whichever "python3" comes first on PATH
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    parts = str(shuffle_partitions or DEFAULT_SHUFFLE_PARTITIONS)
    settings = {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                # RDD shuffles (joins of documents, groups by story) take the same number of
                # partitions as DataFrame shuffles, rather than the sum of their parents'
                "spark.sql.shuffle.partitions": parts, "spark.default.parallelism": parts,
                "spark.python.daemon.module": "storyline.engine.daemon",
                # one plan, run as whole jobs: adaptive execution submits each shuffle stage as
                # a job of its own, which costs more than it saves on the engine's many small
                # shuffles
                "spark.sql.adaptive.enabled": "false",
                # an Arrow batch of annotated articles (engine/inputs.py) is ~23 MB per 1,000
                # (Spark's default, 10,000, holds ~230 MB per Python worker)
                "spark.sql.execution.arrow.maxRecordsPerBatch": "1000"}
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - py4j and the JVM raise many kinds
        raise EngineError(f"Spark failed to start: {type(exc).__name__}: {exc}") from exc
