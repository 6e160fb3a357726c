"""Errors and warnings with codes a user can search for.

Codes are stable: ``E0xx`` settings and usage, ``E1xx`` input that cannot be read (the input is
rejected, the others go on), ``E2xx`` store, ``E3xx`` pipeline/model, ``E4xx`` engine (Spark),
``W1xx`` warnings attached to an article that was kept. The table below is the single list of
codes; docs/errors.md mirrors it.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "E010": "invalid settings (unknown key, wrong type or value out of range)",
    "E011": "invalid command-line usage",
    "E100": "input path does not exist or cannot be opened",
    "E101": "input is empty (no text after normalisation)",
    "E102": "input is binary, not text",
    "E103": "input is not valid text in any supported encoding",
    "E104": "input is larger than ingest.max_bytes",
    "E105": "malformed JSON / JSON Lines record",
    "E106": "JSON record has no 'text' or 'html' field, or a field of the wrong type",
    "E107": "broken WARC file or record",
    "E108": "HTML page with no extractable main text",
    "E109": "unsupported file type",
    "E200": "the store cannot be opened or is not a storyline store",
    "E201": "the store was written by a newer storyline (schema version too new)",
    "E202": "the store file is damaged (SQLite reports a malformed or unreadable database)",
    "E203": "the store is busy: another storyline process is writing to it",
    "E300": "no spaCy English pipeline is installed",
    "E301": "the language model failed on this article: not stored, the others were",
    "E400": "the Spark engine cannot run (pyspark not installed, no Java, or Spark failed)",
    "E401": "a worker process of the analysis died (killed, most often for lack of memory)",
    "W101": "article language is not English: kept, not annotated",
    "W102": "language could not be determined (text too short)",
    "W103": "text was repaired (mojibake / broken Unicode fixed)",
    "W104": "article text truncated to annotate.max_chars for annotation",
    "W105": "duplicate input: same text as an article already read",
    "W106": "a 'published' value that is not ISO 8601 was dropped",
    "W107": "input was not UTF-8: decoded in the legacy encoding named, guessed from its bytes",
    "W108": "hard-wrapped lines, or line breaks inside a sentence, were joined (a .txt/.md file or a JSON text field)",
    "W109": "a JSON field of the wrong type or with an unusable value was dropped or repaired",
    "W110": "an analysis stage went over its work budget or failed on this article",
}


# Escaped: C0/C1 controls (newline and tab included: a file name with a newline must not forge a
# line of output), bidi overrides that reorder what a terminal shows, and every other character
# str.isprintable() rejects (found by the WARC property test: a no-break space in warcio's message).
def _escape(ch: str) -> str:
    return ch if ch.isprintable() else (f"\\x{ord(ch):02x}" if ord(ch) < 256
                                        else f"\\u{ord(ch):04x}")


def printable(text: object, limit: int = 300) -> str:
    """Untrusted text (a file name, an article snippet, a library's message quoting input bytes)
    made safe to print on one line: every character Python does not call printable (controls,
    bidi overrides, no-break and other non-ASCII spaces, line separators, surrogates) shown as a
    ``\\xNN`` / ``\\uNNNN`` escape, cut to ``limit`` characters with an ellipsis."""
    raw = str(text)
    out = "".join(_escape(ch) for ch in raw[: limit + 1])  # escapes only lengthen: cut first
    return out if len(raw) <= limit and len(out) <= limit else out[: limit - 1] + "\u2026"


class StorylineError(Exception):
    """Base class. ``code`` is one of :data:`CODES`; ``str(err)`` starts with it."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None):
        if code is not None:
            self.code = code
        super().__init__(f"{self.code} {message}")
        self.message = message


class SettingsError(StorylineError, ValueError):
    code = "E010"


class InputError(StorylineError):
    """An input that cannot be read. ``source`` names the file (and line or record)."""

    code = "E100"

    def __init__(self, source: str, message: str, code: str = "E100"):
        self.source = source
        super().__init__(f"{source}: {message}", code)
        self.reason = message


class StoreError(StorylineError):
    code = "E200"


class ModelError(StorylineError):
    code = "E300"


class EngineError(StorylineError):
    code = "E400"


def check_range(section: str, name: str, value: float, lo: float, hi: float) -> None:
    """Raise ``ValueError`` stating the allowed range unless ``lo <= value <= hi``.

    Settings sections call this from ``__post_init__``; :class:`storyline.settings.Settings`
    turns the ``ValueError`` into a :class:`SettingsError`.
    """
    if not (lo <= value <= hi):
        raise ValueError(f"{section}.{name} = {value!r} is out of range; allowed: {lo} to {hi}")
