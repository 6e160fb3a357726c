"""storyline: what is actually established across many news reports of one story.

Public API::

    from storyline import analyze, Settings
    report = analyze(["examples/harbor-fire"], Settings())
    report.write("out")                      # report.json, report.html, report.md

    from storyline import ingest_corpus, report_corpus
    ingest_corpus(["coverage/"], "corpus.db")  # add to a stored corpus (incremental)
    report_corpus("corpus.db").write("out")

    from storyline import compare
    comparison = compare(text_a, text_b)     # aligned passages of two texts

The stage subpackages keep their names (``storyline.ingest``, ``storyline.report``, ...): no
function of the top-level API shadows one of them.
"""

from __future__ import annotations

from typing import Any

from storyline._version import __version__
from storyline.api import analyze, ingest_corpus, report_corpus, report_from_db
from storyline.errors import (
    InputError,
    ModelError,
    SettingsError,
    StoreError,
    StorylineError,
)
from storyline.settings import Settings

__all__ = [
    "InputError",
    "ModelError",
    "Settings",
    "SettingsError",
    "StoreError",
    "StorylineError",
    "__version__",
    "analyze",
    "compare",
    "ingest_corpus",
    "report_corpus",
    "report_from_db",
]


def __getattr__(name: str) -> Any:
    # ``compare`` lives in the reuse stage; imported on first use to keep ``import storyline`` light.
    if name == "compare":
        from storyline.reuse import compare

        return compare
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
