"""Finding input files and reading their bytes safely.

Existence and size are checked here, before any parsing (size on the file system before reading,
so an oversized file is never loaded); binary content and text decoding in
:mod:`storyline.ingest.decode`. Failures are :class:`~storyline.errors.InputError` with a code;
the caller turns them into :class:`~storyline.models.Rejection` records and goes on.
"""

from __future__ import annotations

import os
import stat
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


def walk(path: str, settings: IngestSettings) -> Iterator[str | InputError]:
    """Files under a directory, recursively, in sorted path order; hidden entries, unknown types
    and the folder's own documentation (README, LICENSE, CHANGELOG, CONTRIBUTING) skipped.

    A folder that cannot be listed, a symbolic-link loop and a FIFO, device or socket with a known
    extension are yielded as an :class:`InputError` (E100), never followed or opened: opening a
    FIFO blocks until something writes to it."""
    yield from _walk(path, settings, set())


def _walk(path: str, settings: IngestSettings, seen: set[tuple[int, int]]
          ) -> Iterator[str | InputError]:
    try:
        st = os.stat(path)
        if (st.st_dev, st.st_ino) in seen:
            yield InputError(path, "symbolic link loop: this folder was already read", "E100")
            return
        seen.add((st.st_dev, st.st_ino))
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(path, f"cannot read folder: {exc.strerror or exc}", "E100")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_symlink() and not settings.follow_symlinks:
                continue
            is_dir = entry.is_dir(follow_symlinks=settings.follow_symlinks)
        except OSError as exc:
            yield InputError(entry.path, f"cannot read: {exc.strerror or exc}", "E100")
            continue
        if is_dir:
            yield from _walk(entry.path, settings, seen)
        elif kind_of(entry.name) is not None:
            if entry.name.lower().split(".", 1)[0] in FOLDER_DOCS:
                continue
            yield entry.path


def not_a_file(path: str) -> str | None:
    """Why ``path`` is not a regular file that can be read without blocking (a FIFO, device,
    socket, or a link that leads nowhere), or None when it is one. Checked with ``stat``, which
    never blocks, before anything opens the path."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file or directory"
    except OSError as exc:
        return f"cannot open: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    for test, what in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return f"not a regular file: {what}"
    return "not a regular file"


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
