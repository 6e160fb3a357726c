"""The reuse tests import their shared texts from this folder (``reuse_texts``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
