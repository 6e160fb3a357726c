"""Spark's Python worker daemon, with storyline's stage modules imported first.

PySpark forks each Python worker from one daemon per executor. Run as the daemon
(``spark.python.daemon.module``, set by :mod:`storyline.engine.session`), this module imports
spaCy and storyline's stages once, before the forks, so that a worker starts with them loaded
(copy-on-write) instead of importing them again: several seconds per worker on a busy machine.
"""

from __future__ import annotations

import importlib

PRELOAD = ("spacy", "storyline.annotate", "storyline.reuse", "storyline.stories",
           "storyline.claims", "storyline.crosscheck")


def main() -> None:
    from pyspark import daemon

    for name in PRELOAD:
        importlib.import_module(name)
    daemon.manager()


if __name__ == "__main__":
    main()
