"""Web archives (``.warc``, ``.warc.gz``): HTML responses read as pages, with warcio.

Only ``response`` records with HTTP status 200 and an HTML content type are articles; request,
metadata and other records are skipped. ``WARC-Target-URI`` is the URL and ``WARC-Date`` the
fallback publication date. A broken record stops the file there (a WARC stream cannot be resynced
safely): the records before it are kept and the break is rejected as ``path#N`` (E107).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Iterator

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
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
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
    except OSError as exc:
        if number == 0 and not isinstance(exc, (EOFError,)):
            yield InputError(path, f"cannot read as WARC: {exc}", "E107")
        else:
            yield InputError(f"{path}#{number + 1}", f"broken WARC record: {exc}", "E107")
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
        where = path if number == 0 else f"{path}#{number + 1}"
        yield InputError(where, f"broken WARC data: {exc}", "E107")
