"""Ingest: turn input paths into :class:`~storyline.models.Article` and
:class:`~storyline.models.Rejection` records.

Needs: paths (files, directories, ``-`` for JSON Lines on standard input). Adds: articles with a
content-hash id, normalised text and metadata; a rejection (code + reason, naming the file and the
line or record) for each input that cannot be read. Nothing here raises for a bad input: the other
inputs always go on. Output order is deterministic (paths in the given order, directories sorted).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO

from storyline.errors import InputError
from storyline.ingest.decode import decode_bytes
from storyline.ingest.files import kind_of, not_a_file, read_bytes, walk
from storyline.ingest.html import extract_page
from storyline.ingest.normalize import article_id, normalize_text
from storyline.ingest.records import Record, iter_json_document, iter_jsonl
from storyline.ingest.settings import IngestSettings
from storyline.ingest.text import plain_text, unwrap_lines
from storyline.ingest.warc import iter_warc
from storyline.models import Article, ArticleWarning, Rejection

__all__ = ["IngestSettings", "article_id", "as_paths", "normalize_text", "read_inputs"]

Item = Article | Rejection


def read_inputs(
    paths: Sequence[str | os.PathLike],
    settings: IngestSettings | None = None,
    *,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Yield an Article or a Rejection for every input found under ``paths``."""
    settings = settings or IngestSettings()
    for raw in as_paths(paths):
        path = os.fspath(raw)
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from from_records(iter_jsonl(stream, "<stdin>", settings), settings)
        elif os.path.isdir(path):
            for file in walk(path, settings):
                if isinstance(file, InputError):
                    yield Rejection(file.source, file.code, file.reason)
                else:
                    yield from _read_file(file, settings)
        else:
            yield from _read_file(path, settings, explicit=True)


def as_paths(paths: Sequence[str | os.PathLike] | str | os.PathLike) -> list[str]:
    """``paths`` as a list of path strings; one path given where a list is expected is that one
    path, never the list of its characters (``analyze("/srv/news")`` must not read ``/``)."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [os.fsdecode(paths)]
    return [os.fsdecode(p) for p in paths]


def _read_file(path: str, settings: IngestSettings, explicit: bool = False) -> Iterator[Item]:
    kind = kind_of(path)
    problem = not_a_file(path)
    if problem is not None:
        yield Rejection(path, "E100", problem)
        return
    if kind is None:
        yield Rejection(
            path, "E109",
            "unsupported file type; expected .txt .md .html .htm .jsonl .ndjson .json .warc .warc.gz",
        )
        return
    try:
        if kind == "warc":
            yield from _from_warc(path, settings)
        elif kind == "json" and not path.lower().endswith(".json"):
            size = os.path.getsize(path)
            if size == 0:
                raise InputError(path, "empty input (no records)", "E101")
            with open(path, "rb") as fh:
                yield from from_records(iter_jsonl(fh, path, settings), settings)
        else:
            decoded = decode_bytes(read_bytes(path, settings), path, html=kind == "html")
            text = decoded.text
            if kind == "json":
                yield from from_records(iter_json_document(text, path), settings)
            elif kind == "html":
                page = extract_page(text, path, min_chars=settings.min_html_chars)
                yield _article(page.text, path, settings, title=page.title, url=page.url,
                               outlet=page.outlet, published=page.published,
                               warnings=decoded.warnings)
            else:
                title, body, warnings = plain_text(text, settings,
                                                   markdown=path.lower().endswith(".md"))
                yield _article(body, path, settings, title=title,
                               warnings=decoded.warnings + warnings)
    except InputError as err:
        yield Rejection(err.source, err.code, err.reason)
    except OSError as exc:
        yield Rejection(path, "E100", f"cannot read: {exc.strerror or exc}")


def from_records(items: Iterator[Record | InputError], settings: IngestSettings
                 ) -> Iterator[Item]:
    """Articles (or rejections) from parsed JSON records, by the ingest's rules: text fields
    unwrapped, HTML extracted, normalised; used by the JSON readers and the Spark engine."""
    for item in items:
        if isinstance(item, InputError):
            yield Rejection(item.source, item.code, item.reason)
            continue
        try:
            if item.text is not None:
                text, layout = unwrap_lines(item.text)
                title = item.title
                item = Record(**{**item.__dict__, "warnings": tuple(item.warnings) + layout})
            else:
                page = extract_page(item.html or "", item.source, url=item.url,
                                    min_chars=settings.min_html_chars)
                text, title = page.text, item.title or page.title
                item = Record(**{**item.__dict__, "url": item.url or page.url,
                                 "outlet": item.outlet or page.outlet,
                                 "published": item.published or page.published})
            yield _article(
                text, item.source, settings, title=title, url=item.url, outlet=item.outlet,
                published=item.published, language=item.language, external_id=item.external_id,
                metadata=item.metadata, warnings=item.warnings,
            )
        except InputError as err:
            yield Rejection(err.source, err.code, err.reason)


def _from_warc(path: str, settings: IngestSettings) -> Iterator[Item]:
    for item in iter_warc(path, settings):
        if isinstance(item, InputError):
            yield Rejection(item.source, item.code, item.reason)
            continue
        try:
            page = extract_page(item.html, item.source, url=item.url,
                                    min_chars=settings.min_html_chars)
        except InputError as err:
            yield Rejection(err.source, err.code, err.reason)
            continue
        yield _article(page.text, item.source, settings, title=page.title,
                       url=page.url or item.url, outlet=page.outlet,
                       published=page.published or item.date)


def _article(text: str, source: str, settings: IngestSettings, *,
             warnings: tuple[ArticleWarning, ...] = (), **fields) -> Item:
    normalised, norm_warnings = normalize_text(text)
    if len(normalised) < settings.min_chars:
        return Rejection(source, "E101", "empty input (no text after normalisation)")
    title = fields.pop("title", None)
    if title:
        title, _ = normalize_text(title)
        title = " ".join(title.split()) or None
    return Article(
        id=article_id(normalised),
        text=normalised,
        source=source,
        title=title,
        warnings=tuple(warnings) + norm_warnings,
        **{k: v for k, v in fields.items() if v is not None or k in ("metadata",)},
    )
