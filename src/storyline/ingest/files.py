"""Finding input files and reading their bytes safely.

Existence and size are checked here, before any parsing (size on the file system before reading,
so an oversized file is never loaded); binary content and text decoding in
:mod:`storyline.ingest.decode`. Failures are :class:`~storyline.errors.InputError` with a code;
the caller turns them into :class:`~storyline.models.Rejection` records and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.settings import IngestSettings

TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
JSON_EXTENSIONS = (".jsonl", ".ndjson", ".json")
WARC_EXTENSIONS = (".warc", ".warc.gz")
KNOWN_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSON_EXTENSIONS + WARC_EXTENSIONS
# A folder's own documentation is not an article. Named explicitly, such a file is read.
FOLDER_DOCS = ("readme", "license", "licence", "changelog", "contributing")


def kind_of(path: str) -> str | None:
    """``"text" | "html" | "json" | "warc"`` by file name, or None for an unknown type."""
    low = path.lower()
    for kind, exts in (
        ("warc", WARC_EXTENSIONS),
        ("text", TEXT_EXTENSIONS),
        ("html", HTML_EXTENSIONS),
        ("json", JSON_EXTENSIONS),
    ):
        if low.endswith(exts):
            return kind
    return None


def walk(path: str, settings: IngestSettings) -> Iterator[str]:
    """Files under a directory, recursively, in sorted path order; hidden entries, unknown types
    and the folder's own documentation (README, LICENSE, CHANGELOG, CONTRIBUTING) skipped."""
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not settings.follow_symlinks:
            continue
        if entry.is_dir(follow_symlinks=settings.follow_symlinks):
            yield from walk(entry.path, settings)
        elif kind_of(entry.name) is not None:
            if entry.name.lower().split(".", 1)[0] in FOLDER_DOCS:
                continue
            yield entry.path


def read_bytes(path: str, settings: IngestSettings) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(path, "no such file or directory", "E100") from None
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror or exc}", "E100") from None
    if size > settings.max_bytes:
        raise InputError(
            path, f"{size} bytes is larger than ingest.max_bytes={settings.max_bytes}", "E104"
        )
    try:
        with p.open("rb") as fh:
            return fh.read(settings.max_bytes + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}", "E100") from None
