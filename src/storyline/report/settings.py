"""Settings of the report stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportSettings:
    """Thresholds and switches of the report stage (filled in by the stage's issue)."""
