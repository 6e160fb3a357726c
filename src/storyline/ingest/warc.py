"""Web archives (``.warc``, ``.warc.gz``): HTML responses read as pages, with warcio.

Only ``response`` records with HTTP status 200 and an HTML content type are articles; request,
metadata and other records are skipped. ``WARC-Target-URI`` is the URL and ``WARC-Date`` the
fallback publication date. A broken record stops the file there (a WARC stream cannot be resynced
safely): the records before it are kept and the break is rejected as ``path#N`` (E107).

Before warcio parses anything, :func:`scan` walks the (decompressed) stream once with bounded
memory: each record header must start with ``WARC/``, stay under :data:`MAX_HEADER_BYTES` and give
a Content-Length no larger than ``ingest.max_bytes`` whose bytes are all there. warcio reads lines
without a length limit, so a 1 MB ``.warc.gz`` whose header line inflates to gigabytes would
otherwise be held in memory whole; and warcio keeps a cut record's partial text without complaint
and prints its warnings on standard error. The scan is hand-written because it must be strict
where warcio is lenient; warcio still does the parsing of the records the scan passed.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from storyline.errors import InputError, printable
from storyline.ingest.settings import IngestSettings

log = logging.getLogger("storyline")

MAX_HEADER_BYTES = 1 << 16
"""Longest WARC record header accepted (all header lines together). Real headers are well under
2 KB; a longer one is damage or a decompression bomb."""


@dataclass(frozen=True)
class WarcPage:
    source: str
    html: bytes
    url: str | None
    date: str | None


@dataclass(frozen=True)
class Scan:
    """What :func:`scan` found: ``good`` whole records, then (optionally) a problem at record
    ``good + 1``."""

    good: int
    problem: InputError | None


def iter_warc(path: str, settings: IngestSettings) -> Iterator[WarcPage | InputError]:
    from warcio.archiveiterator import ArchiveIterator

    checked = scan(path, settings.max_bytes)
    number = 0
    captured = io.StringIO()
    try:
        with open(path, "rb") as fh:
            records = iter(ArchiveIterator(fh))
            while number < checked.good:
                with contextlib.redirect_stderr(captured):  # warcio prints its warnings
                    record = next(records, None)
                if record is None:
                    break
                number += 1
                page = _page(record, f"{path}#{number}")
                if page is not None:
                    yield page
    except Exception as exc:  # noqa: BLE001 - warcio raises assorted errors on bad data
        yield InputError(f"{path}#{number + 1}",
                         f"broken WARC data: {type(exc).__name__}: {printable(exc, 200)}", "E107")
        return
    finally:
        if captured.getvalue().strip():
            log.warning("%s: warcio: %s", printable(path), printable(captured.getvalue(), 300))
    if checked.problem is not None:
        yield checked.problem


def _page(record, source: str) -> WarcPage | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or "html" not in ctype:
        return None
    body = record.content_stream().read()  # bounded: the scan capped the record's length
    date = record.rec_headers.get_header("WARC-Date")
    return WarcPage(
        source=source,
        html=body,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        date=date[:10] if date else None,
    )


def scan(path: str, max_bytes: int) -> Scan:
    """Check the record structure of a WARC file (see the module docstring) in one streaming
    pass, decompressing a gzip file on the fly; never holds more than one header in memory."""
    good = 0
    try:
        with open(path, "rb") as raw:
            gz = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if gz else raw  # type: ignore[assignment]
            while True:
                problem = _scan_record(stream, max_bytes)
                if problem == "end":
                    return Scan(good, None)
                if problem is not None:
                    if good == 0 and problem.startswith("not a WARC"):
                        return Scan(0, InputError(path, problem, "E107"))
                    code = "E104" if "ingest.max_bytes" in problem else "E107"
                    return Scan(good, InputError(f"{path}#{good + 1}", problem, code))
                good += 1
    except (EOFError, OSError, zlib.error) as exc:
        what = "truncated archive" if isinstance(exc, EOFError) else "corrupt archive"
        return Scan(good, InputError(f"{path}#{good + 1}", f"{what}: {printable(exc, 200)}",
                                     "E107"))


def _scan_record(stream: IO[bytes], max_bytes: int) -> str | None:
    """Read past one record: ``None`` when it is whole, ``"end"`` at the end of the stream, else
    why it is broken."""
    line = b"\r\n"
    while line in (b"\r\n", b"\n"):  # blank lines between records
        line = stream.readline(MAX_HEADER_BYTES + 1)
        if not line:
            return "end"
    if not line.startswith(b"WARC/"):
        return "not a WARC record: the header does not start with 'WARC/'"
    size, length = len(line), None
    while True:
        line = stream.readline(MAX_HEADER_BYTES + 1 - size)
        size += len(line)
        if size > MAX_HEADER_BYTES:
            return f"record header longer than {MAX_HEADER_BYTES} bytes"
        if not line:
            return "truncated in the record header"
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            digits = value.strip()
            if not digits.isdigit() or len(digits) > 15:
                return "record has an invalid Content-Length"
            length = int(digits)
    if length is None:
        return "record has no Content-Length"
    if length > max_bytes:
        return f"record of {length} bytes is larger than ingest.max_bytes={max_bytes}"
    remaining = length
    while remaining:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            return f"truncated record: {length - remaining} of {length} bytes present"
        remaining -= len(chunk)
    return None
