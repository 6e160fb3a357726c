"""The Spark engine gives the local engine's report, byte for byte (issue #15's conformance).

Spark runs in local mode (``local[2]``, 2 shuffle partitions, no UI) on the example corpus and on
generated articles (``benchmarks/gencorpus.py``: planted reuse and events). The generated corpus
is small (each article costs spaCy's annotation twice) and its settings lower the thresholds
that depend on corpus size, so that every corpus-wide rule of the reuse stage runs on it: more
articles than ``all_pairs_max_docs`` (candidates from Spark's LSH buckets, not every pair) and
than ``boilerplate_min_df_docs`` (the corpus-wide boilerplate cap; the common content keys left
out of sentence signatures), and at least ``IDF_MIN_DOCS`` (weighted alignment). One test
function, so that one worker starts one JVM. Skipped, saying why, where pyspark or a Java runtime
is missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import api
from storyline.cli import cli
from storyline.errors import EngineError
from storyline.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _spark_missing() -> str | None:
    from storyline.engine.session import require_spark

    try:
        require_spark()
    except EngineError as exc:
        return str(exc)
    return None


MISSING = _spark_missing()
pytestmark = [pytest.mark.spark, pytest.mark.slow,
              pytest.mark.skipif(MISSING is not None, reason=f"Spark unavailable: {MISSING}")]


def _generated(tmp: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import gencorpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path, _ = gencorpus.write(gencorpus.generate(n, seed=3, keep_paras=False), tmp / "gen")
    return path


SMALL = Settings.from_dict({"reuse": {"all_pairs_max_docs": 20, "boilerplate_min_df_docs": 10}})
"""Settings of the generated corpus (module docstring)."""


def _same_from_columns(spark, result, tmp: Path, settings: Settings) -> None:
    """The reuse and stories stages read from the annotation's columns in Parquet (three files:
    three partitions) give the records they give on the engine's RDD of documents."""
    import pyarrow.parquet as pq

    from storyline.engine import columns
    from storyline.engine.inputs import AnnotatedFrame, DocumentRDD
    from storyline.engine.spark import reuse_and_stories

    docs_rdd = result._records["docs"]
    docs = sorted(docs_rdd.values().collect(), key=lambda d: d.id)
    tmp.mkdir()
    paths = []
    for k in range(3):
        paths.append(str(tmp / f"part-{k}.parquet"))
        pq.write_table(columns.documents_table(docs[k::3]), paths[-1])
    assert sorted((d for p in paths for d in columns.read_documents(p)),
                  key=lambda d: d.id) == docs

    def records(source) -> tuple:
        links, families, stories = reuse_and_stories(spark, source, len(docs), settings)
        return (sorted(links.collect(), key=lambda x: (x.source_id, x.target_id)),
                sorted(families.collect(), key=lambda f: f.article_ids), stories)

    from_rdd = records(DocumentRDD(spark, docs_rdd))
    frame = AnnotatedFrame.read_parquet(spark, *paths)
    assert frame.df.rdd.getNumPartitions() > 1
    assert records(frame) == from_rdd
    assert from_rdd[0] == sorted(result._records["links"].collect(),
                                 key=lambda x: (x.source_id, x.target_id))
    assert from_rdd[0] and len(from_rdd[2]) > 1


def _check(spark, paths: list[str], out: Path, settings: Settings) -> dict:
    from storyline.engine.spark import analyze_paths

    local = api.analyze(paths, settings)
    result = analyze_paths(spark, paths, settings)
    assert result.report().to_json() == local.to_json()
    if out.name == "generated":
        _same_from_columns(spark, result, out.parent / "columns", settings)

    data = json.loads(local.to_json())
    written = result.write_parquet(out)
    assert spark.read.parquet(str(written["articles"])).count() == len(data["articles"])
    links = spark.read.parquet(str(written["reuse"])).orderBy("source_id", "target_id").collect()
    assert [json.loads(r["record"]) for r in links] == data["reuse"]
    checks = spark.read.parquet(str(written["checks"])).collect()
    assert sorted(r["id"] for r in checks) == sorted(c["id"] for c in data["checks"])
    return data


def test_spark_engine_gives_the_local_report(tmp_path, examples_dir, monkeypatch):
    from storyline.engine import reuse
    from storyline.engine.session import start_session

    spark = start_session("local[2]", shuffle_partitions=2)
    try:
        # families' components computed in Spark here (on the driver below, as by default)
        monkeypatch.setattr(reuse, "DRIVER_COMPONENTS_MAX_EDGES", 0)
        gen = _check(spark, [str(_generated(tmp_path, 45))], tmp_path / "generated", SMALL)
        monkeypatch.undo()
        from storyline.reuse import IDF_MIN_DOCS

        n = len(gen["articles"])
        assert n > SMALL.reuse.all_pairs_max_docs and n > SMALL.reuse.boilerplate_min_df_docs
        assert n >= IDF_MIN_DOCS
        assert gen["reuse"] and len(gen["families"]) < len(gen["articles"])
        assert len(gen["stories"]) > 1 and gen["checks"] and gen["timeline"]

        # the example corpus through the command line: the local engine's report files, and
        # the Parquet tables beside them (the command stops the session it was given)
        monkeypatch.chdir(examples_dir.parent)
        out = tmp_path / "cli"
        res = CliRunner().invoke(cli, ["-q", "analyze", "--engine", "spark", "harbor-fire",
                                       "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert (out / "report.html").is_file() and (out / "parquet" / "claims.parquet").is_dir()
        local = api.analyze(["harbor-fire"], Settings())
        assert (out / "report.json").read_text(encoding="utf-8") == local.to_json()
        data = json.loads(local.to_json())
        assert data["reuse"] and data["checks"] and data["timeline"]
    finally:
        spark.stop()
