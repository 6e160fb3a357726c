"""Settings of the reuse stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReuseSettings:
    """Thresholds and switches of the reuse stage (filled in by the stage's issue)."""
