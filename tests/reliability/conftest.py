"""The reliability tests import their hostile-input builders from this folder
(``hostile_inputs``), as ``benchmarks/fuzz.py`` does."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
