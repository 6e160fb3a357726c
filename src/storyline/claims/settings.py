"""Settings of the claims stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimsSettings:
    """Thresholds and switches of the claims stage (filled in by the stage's issue)."""
