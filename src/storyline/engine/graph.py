"""Connected components of a graph held as two DataFrames, computed in Spark.

Min-label propagation: every node starts with its own id as label; each round a node takes the
smallest label among its own and its neighbours'; the rounds stop when no label changes. Each
component ends labelled by its smallest node id, whatever the partitioning or the order of
rows, which is the representative :class:`storyline.text.UnionFind` gives the local engine: the
same components and the same labels on both engines. Rounds are about the diameter of the
largest component (reuse families and derivation chains are shallow: a handful of rounds); the
lineage is cut every round (``localCheckpoint``) so that plans do not grow with the rounds.
"""

from __future__ import annotations

from typing import Any


def components(nodes: Any, edges: Any, max_rounds: int = 10_000) -> Any:
    """``nodes`` (column ``id``, strings) and ``edges`` (``src``, ``dst``; undirected) ->
    a DataFrame ``(id, label)``: ``label`` the smallest id of the node's component."""
    from pyspark.sql import functions as F

    both = edges.select("src", "dst").union(edges.select(F.col("dst").alias("src"),
                                                         F.col("src").alias("dst")))
    both = both.where(F.col("src") != F.col("dst")).distinct().persist()
    labels = nodes.select("id").distinct().withColumn("label", F.col("id"))
    for _ in range(max_rounds):
        offered = both.join(labels, both.src == labels.id).select(
            F.col("dst").alias("id"), F.col("label").alias("offer"))
        best = offered.groupBy("id").agg(F.min("offer").alias("offer"))
        new = (labels.join(best, "id", "left")
               .select("id", F.least("label", F.coalesce("offer", "label")).alias("label"))
               .localCheckpoint(eager=False))  # computed by the test below, once
        changed = new.join(labels.withColumnRenamed("label", "old"), "id").where(
            F.col("label") != F.col("old")).limit(1).count()
        labels = new
        if not changed:
            both.unpersist()
            return labels
    raise RuntimeError(f"connected components did not converge in {max_rounds} rounds")
