"""storyline: what is actually established across many news reports of one story.

Public API::

    from storyline import analyze, Settings
    report = analyze(["examples/harbor-fire"], Settings())
    report.write("out")                      # report.json, report.html, report.md

    from storyline import compare
    comparison = compare(text_a, text_b)     # aligned passages of two texts
"""

from __future__ import annotations

__version__ = "0.1.0"

from storyline.api import analyze, ingest, report, report_from_db  # noqa: E402
from storyline.errors import InputError, SettingsError, StoreError, StorylineError  # noqa: E402
from storyline.settings import Settings  # noqa: E402

__all__ = [
    "Settings",
    "StorylineError",
    "SettingsError",
    "InputError",
    "StoreError",
    "analyze",
    "compare",
    "ingest",
    "report",
    "report_from_db",
    "__version__",
]


def __getattr__(name: str):
    # ``compare`` lives in the reuse stage; imported on first use to keep ``import storyline`` light.
    if name == "compare":
        from storyline.reuse import compare

        return compare
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
