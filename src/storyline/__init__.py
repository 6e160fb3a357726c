"""storyline: what is actually established across many news reports of one story.

Public API::

    from storyline import analyze, Settings
    report = analyze(["articles/"], Settings())
"""

from __future__ import annotations

__version__ = "0.1.0"
