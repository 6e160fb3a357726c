"""Progress on a terminal, silence when piped.

A tiny reporter instead of a progress-bar dependency: it writes one self-overwriting line to
standard error only when standard error is a terminal and the user did not ask for quiet.
"""

from __future__ import annotations

import sys
import time
from typing import IO


class Progress:
    def __init__(self, enabled: bool | None = None, stream: IO[str] | None = None):
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self._last = 0.0
        self._width = 0

    def update(self, label: str, done: int, total: int | None = None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and (total is None or done < total):
            return
        self._last = now
        text = f"{label}: {done}" + (f"/{total}" if total else "")
        pad = max(0, self._width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self._width = len(text)

    def stage(self, label: str) -> None:
        self.update(label, 0)

    def done(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0


QUIET = Progress(enabled=False)
