"""The Python API: what the command line does, as functions.

    >>> from storyline import analyze, Settings
    >>> report = analyze(["examples/harbor-fire"], Settings())      # doctest: +SKIP
    >>> report.write("out")                                          # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from storyline.ingest import as_paths
from storyline.pipeline import IngestSummary, analyze_store, ingest_into
from storyline.progress import QUIET, Progress
from storyline.report.build import Report
from storyline.settings import Settings
from storyline.store import Store


def analyze(
    paths: Sequence[str | os.PathLike] | str | os.PathLike,
    settings: Settings | None = None,
    *,
    db: str | os.PathLike | None = None,
    stdin: IO[bytes] | None = None,
    progress: Progress = QUIET,
) -> Report:
    """Read ``paths`` and analyse them in one go.

    Without ``db`` a temporary store is used and removed afterwards; with ``db`` the articles are
    added to that store (incrementally) and the report covers the whole stored corpus. Events are
    clustered in batch over the whole corpus (and persisted with ``db``).
    Inputs that cannot be read are listed in ``report.rejected``; the rest is analysed.
    """
    settings = settings or Settings()
    str_paths = as_paths(paths)
    if db is not None:
        with Store(db) as store:
            summary = ingest_into(store, str_paths, settings, stdin=stdin, progress=progress,
                                  assign_events=False)
            return analyze_store(store, settings, rejected=summary.rejected, progress=progress,
                                 recluster=True)
    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        with Store(Path(tmp) / "corpus.db") as store:
            summary = ingest_into(store, str_paths, settings, stdin=stdin, progress=progress,
                                  assign_events=False)
            return analyze_store(store, settings, rejected=summary.rejected, progress=progress,
                                 recluster=True)


def ingest_corpus(
    paths: Sequence[str | os.PathLike] | str | os.PathLike,
    db: str | os.PathLike,
    settings: Settings | None = None,
    *,
    stdin: IO[bytes] | None = None,
    progress: Progress = QUIET,
) -> IngestSummary:
    """Add ``paths`` to the store at ``db``; returns what was added, skipped and rejected."""
    settings = settings or Settings()
    with Store(db) as store:
        return ingest_into(store, as_paths(paths), settings, stdin=stdin, progress=progress)


def report_corpus(
    db: str | os.PathLike, settings: Settings | None = None, *, progress: Progress = QUIET,
    recluster: bool = False,
) -> Report:
    """The report of everything in the store at ``db`` (rejections of past ingests included).

    Events are those ``ingest`` assigned and persisted; ``recluster`` runs the batch clustering
    over the whole corpus instead (refinement with corpus-wide weights) and persists it."""
    settings = settings or Settings()
    with Store.for_reading(db) as store:
        report = analyze_store(store, settings, rejected=store.rejections(), progress=progress,
                               recluster=recluster)
    # its HTML reuses the sections the store kept from its last report (report/fragments.py)
    return dataclasses.replace(report, keep_in=str(db))


def report_from_db(db_path: str | os.PathLike, settings: Settings | None = None) -> dict[str, Any]:
    """The report dict (``report.json`` shape) of a stored corpus; used by ``storyline serve``.

    The store is opened read-only: serving a corpus never changes the file (per-article results
    that are not cached yet are computed in memory and not saved).
    """
    settings = settings or Settings()
    with Store(db_path, readonly=True) as store:
        return analyze_store(store, settings, rejected=store.rejections()).to_dict()
