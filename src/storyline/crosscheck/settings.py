"""Settings of the crosscheck stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckSettings:
    """Thresholds and switches of the crosscheck stage (filled in by the stage's issue)."""
