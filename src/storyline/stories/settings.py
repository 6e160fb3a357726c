"""Settings of the stories stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoriesSettings:
    """Thresholds and switches of the stories stage (filled in by the stage's issue)."""
