"""Web archives (``.warc``, ``.warc.gz``): HTML responses read as pages, with warcio.

Only ``response`` records with HTTP status 200 and an HTML content type are articles; request,
metadata and other records are skipped. ``WARC-Target-URI`` is the URL and ``WARC-Date`` the
fallback publication date. A broken record stops the file there (a WARC stream cannot be resynced
safely): the records before it are kept and the break is rejected as ``path#N`` (E107).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from storyline.errors import InputError
from storyline.ingest.settings import IngestSettings


@dataclass(frozen=True)
class WarcPage:
    source: str
    html: bytes
    url: str | None
    date: str | None


def iter_warc(path: str, settings: IngestSettings) -> Iterator[WarcPage | InputError]:
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    truncated = _gzip_damage(path) if path.lower().endswith(".gz") else None
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                number += 1
                source = f"{path}#{number}"
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if status != "200" or "html" not in ctype:
                    continue
                body = record.content_stream().read(settings.max_bytes + 1)
                if len(body) > settings.max_bytes:
                    yield InputError(
                        source, f"record larger than ingest.max_bytes={settings.max_bytes}", "E104"
                    )
                    continue
                date = record.rec_headers.get_header("WARC-Date")
                yield WarcPage(
                    source=source,
                    html=body,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    date=date[:10] if date else None,
                )
    except Exception as exc:  # warcio raises assorted errors (even AttributeError) on bad data
        where = path if number == 0 else f"{path}#{number + 1}"
        yield InputError(where, f"broken WARC data: {type(exc).__name__}: {exc}", "E107")
        return
    if truncated:
        yield InputError(f"{path}#{number + 1}", f"truncated archive: {truncated}", "E107")


def _gzip_damage(path: str) -> str | None:
    """Why a gzip file is damaged (truncated or corrupt), or None when it is whole.

    warcio stops quietly at a truncated gzip member; a full decompression pass (fast: no parsing)
    tells a complete archive from a cut one, so a cut download is reported, not silently shortened.
    """
    import gzip

    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return str(exc)
    return None
