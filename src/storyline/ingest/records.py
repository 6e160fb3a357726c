"""JSON records (``.jsonl``/``.ndjson`` one per line, ``.json`` one object or a list).

Fields: ``id`` (kept as ``external_id``), ``text`` or ``html`` (one is required), ``title``,
``url``, ``outlet``, ``published`` (ISO 8601), ``language``; every other field is kept in
``metadata``. A broken line or record is rejected by itself (E105/E106, naming ``path:LINE``) and
the others are read. JSON Lines are streamed: a year of crawled news is never held in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from storyline.errors import InputError
from storyline.ingest import jsonvalues
from storyline.ingest.settings import IngestSettings
from storyline.models import ArticleWarning

TOO_DEEP = "not valid JSON for this reader: nested too deeply"
KNOWN_FIELDS = ("id", "text", "html", "title", "url", "outlet", "published", "language")


@dataclass(frozen=True)
class Record:
    source: str
    text: str | None
    html: str | None
    external_id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[ArticleWarning, ...] = ()


def iter_jsonl(stream: IO[bytes], name: str, settings: IngestSettings
               ) -> Iterator[Record | InputError]:
    """Records of a JSON Lines stream, or an :class:`InputError` for each bad line."""
    for lineno, raw in enumerate(_lines(stream, settings.max_bytes), start=1):
        source = f"{name}:{lineno}"
        if raw is None:
            yield InputError(source, f"line longer than ingest.max_bytes={settings.max_bytes}",
                             "E104")
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(source, f"not valid UTF-8 at byte {exc.start}", "E103")
            continue
        try:
            obj = jsonvalues.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"not valid JSON: {exc.msg} (column {exc.colno})", "E105")
            continue
        except RecursionError:
            yield InputError(source, TOO_DEEP, "E105")
            continue
        yield parse_record(obj, source)


def iter_json_document(text: str, name: str) -> Iterator[Record | InputError]:
    """Records of a ``.json`` file holding one object or a list of objects."""
    try:
        obj = jsonvalues.loads(text)
    except RecursionError:
        yield InputError(name, TOO_DEEP, "E105")
        return
    except json.JSONDecodeError as exc:
        yield InputError(name, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                         "E105")
        return
    if isinstance(obj, list):
        for i, item in enumerate(obj, start=1):
            yield parse_record(item, f"{name}#{i}")
    else:
        yield parse_record(obj, name)


def parse_record(obj: Any, source: str) -> Record | InputError:
    """One JSON value as a :class:`Record`, or the reason it is not one (an ``InputError``)."""
    if not isinstance(obj, dict):
        return InputError(source, f"a record must be a JSON object, not {type(obj).__name__}",
                          "E105")
    warnings: list[ArticleWarning] = []
    obj = jsonvalues.clean(obj, "", warnings)
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return InputError(source, "record has neither 'text' nor 'html'", "E106")
    for key in ("text", "html"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return InputError(source, f"field '{key}' must be a string, not "
                              f"{_json_type(obj[key])}", "E106")
    strings: dict[str, str | None] = {}
    for key in ("title", "url", "outlet", "published", "language", "id"):
        value = obj.get(key)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # numeric ids are common and exact
        if value is not None and not isinstance(value, str):
            warnings.append(ArticleWarning(
                "W109", f"field '{key}' must be a string, not {_json_type(value)}; dropped"))
            value = None
        strings[key] = None if value is None else value.strip() or None
    if strings["published"] and not _valid_iso(strings["published"]):
        warnings.append(ArticleWarning(
            "W106", f"'published' value {strings['published'][:40]!r} is not ISO 8601; date dropped"))
        strings["published"] = None
    ext = strings.pop("id")
    return Record(
        source=source,
        text=text,
        html=html,
        external_id=ext,
        metadata={k: v for k, v in obj.items() if k not in KNOWN_FIELDS},
        warnings=tuple(warnings),
        **strings,
    )


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _valid_iso(value: str) -> bool:
    """ISO 8601, and (with a time zone) an instant inside years 1-9999 in UTC: every later stage
    compares publication times across time zones ("0001-01-01T00:00:00+14:00" is year 0 in UTC)."""
    try:
        t = dt.datetime.fromisoformat(value)
        if t.tzinfo is not None:
            t.astimezone(dt.UTC)
        return True
    except OverflowError:
        return False
    except ValueError:
        try:
            dt.date.fromisoformat(value)
            return True
        except ValueError:
            return False


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of ``stream``; ``None`` for a line longer than ``max_bytes`` (read past, not kept)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line
                more = stream.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield None
            continue
        yield line
