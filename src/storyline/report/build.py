"""Build the report: the product's public interface (``report.json``, schema_version 1).

:class:`Report` holds the records; :meth:`Report.to_dict` gives the contract's JSON shape (see
``shared/DESIGN.md`` and ``report/schema.json``): the required keys, plus extra keys that the
HTML report uses (per article ``sentences`` and ``mentions``; top-level ``rejected``; per story
and event ``title_article_id`` and ``title_from``: the titles are chosen here from the stage
records, :mod:`storyline.report.titles`). No timestamp
is written, so the same input and settings give the same bytes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline._version import __version__
from storyline.engine import collector_paused
from storyline.engine.forked import beside
from storyline.models import (
    ArticleWarning,
    Check,
    Claim,
    Document,
    Entity,
    Family,
    Rejection,
    ReuseLink,
    Story,
    TimelineEntry,
)
from storyline.report.titles import Title, retitle
from storyline.serialize import to_dict
from storyline.settings import Settings

SCHEMA_VERSION = 1
log = logging.getLogger("storyline")
SCHEMA_PATH = Path(__file__).with_name("schema.json")


@dataclass(frozen=True)
class Report:
    settings: Settings
    documents: tuple[Document, ...]
    rejected: tuple[Rejection, ...] = ()
    reuse: tuple[ReuseLink, ...] = ()
    families: tuple[Family, ...] = ()
    stories: tuple[Story, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    checks: tuple[Check, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    titles: Mapping[str, Title] = field(default_factory=dict)  # story/event id -> its title
    # the store whose kept HTML sections :meth:`write` reuses and renews (report/fragments.py)
    keep_in: str | None = field(default=None, compare=False)
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        if "dict" not in self._cache:
            self._cache["dict"] = {
                "schema_version": SCHEMA_VERSION,
                "generator": f"storyline {__version__}",
                "settings": self.settings.to_dict(),
                "articles": [article_dict(d) for d in self.documents],
                "rejected": [to_dict(r) for r in self.rejected],
                "reuse": [to_dict(x) for x in self.reuse],
                "families": [to_dict(x) for x in self.families],
                "stories": [self._story_dict(x) for x in self.stories],
                "entities": [to_dict(x) for x in self.entities],
                "claims": [to_dict(x) for x in self.claims],
                "checks": [to_dict(x) for x in self.checks],
                "timeline": [to_dict(x) for x in self.timeline],
            }
        return self._cache["dict"]

    def _story_dict(self, story: Story) -> dict[str, Any]:
        d = to_dict(story)
        for rec in (d, *d.get("events", ())):
            t = self.titles.get(rec["id"])
            if t is not None:
                rec["title_article_id"], rec["title_from"] = t.article_id, t.source
        return d

    def to_json(self) -> str:
        """``report.json`` (:meth:`iter_json`, joined)."""
        return "".join(self.iter_json())

    def iter_json(self) -> Iterator[str]:
        """``report.json`` a line at a time: one top-level key a line, the settings indented,
        and in each list one record a line (compact): readable, diffable line by line, written
        by ``json``'s C encoder (``indent`` falls back to the pure-Python encoder: most of the
        time of writing a large report, ``benchmarks/README.md``), and never held whole in
        memory (at 10k articles it was 400 MB of text, twice over while joined)."""
        encode = json.JSONEncoder(ensure_ascii=False).encode
        items = list(self.to_dict().items())
        yield "{\n"
        for n, (key, value) in enumerate(items):
            comma = "," if n < len(items) - 1 else ""
            if isinstance(value, list) and value:
                yield f"  {encode(key)}: [\n"
                last = len(value) - 1
                for i, v in enumerate(value):
                    yield f"    {encode(v)}{',' if i < last else ''}\n"
                yield f"  ]{comma}\n"
            elif isinstance(value, dict):  # the settings: small, indented
                nested = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
                yield f"  {encode(key)}: {nested}{comma}\n"
            else:
                yield f"  {encode(key)}: {encode(value)}{comma}\n"
        yield "}\n"

    def write(self, out_dir: str | os.PathLike) -> dict[str, Path]:
        """Write report.json, report.html and report.md into ``out_dir`` (created if needed).

        Each file is written to a temporary name and renamed, so an interrupted run never leaves
        a half-written report. With :attr:`keep_in` (set by ``report_corpus``), the HTML sections
        that did not change since the store's last report are taken from it
        (:mod:`storyline.report.fragments`): the same bytes, rendered once.
        """
        with collector_paused():  # millions of acyclic records (storyline.engine)
            return self._write(Path(out_dir))

    def _write(self, out: Path) -> dict[str, Path]:
        from storyline.report.html import iter_html
        from storyline.report.markdown import render_markdown

        out.mkdir(parents=True, exist_ok=True)
        data = self.to_dict()
        written = {"json": out / "report.json", "html": out / "report.html",
                   "md": out / "report.md"}
        # each written to a temporary file as it is produced (the JSON and the page of a large
        # corpus are never held whole in memory), and the three renamed into place only when
        # all are written: a failure leaves the last report's files as they were
        with contextlib.ExitStack() as stack:
            kept = None
            if self.keep_in is not None:
                from storyline.report.fragments import FragmentCache
                from storyline.store import Store

                store = stack.enter_context(Store.for_reading(self.keep_in))
                kept = FragmentCache(store, self.settings.report, self.settings.checks)
            temps = stack.enter_context(_Temporaries())
            json_tmp, md_tmp = temps.reserve(written["json"]), temps.reserve(written["md"])

            def json_and_markdown() -> None:
                _write_text(json_tmp, self.iter_json())
                _write_text(md_tmp, render_markdown(data, self.settings.report))

            # report.json and report.md written by a second process while this one renders
            # the page (all three read the same records, built above)
            with beside(json_and_markdown, self.settings.report.processes,
                        what="writing report.json and report.md",
                        setting="report.processes"):
                temps.write(written["html"],
                            iter_html(data, self.settings.report, fragments=kept))
            temps.commit()
            if kept is not None:
                kept.keep_only()
                log.info("report.html: %d of %d sections rendered, the others kept",
                         kept.rendered, len(kept.used))
        return written


def build_report(
    docs: Sequence[Document],
    values: Mapping[str, Any],
    settings: Settings,
    *,
    rejected: Sequence[Rejection] = (),
) -> Report:
    families = tuple(values.get("families", ()))
    stories, titles = retitle(tuple(values.get("stories", ())), docs, families)
    return Report(
        settings=settings,
        documents=tuple(docs),
        rejected=tuple(rejected),
        reuse=tuple(values.get("links", ())),
        families=families,
        stories=stories,
        titles=titles,
        entities=tuple(values.get("entities", ())),
        claims=tuple(values.get("claims", ())),
        checks=tuple(values.get("checks", ())),
        timeline=tuple(values.get("timeline", ())),
    )


def article_dict(doc: Document) -> dict[str, Any]:
    """The report.json record of one article (every engine writes the same)."""
    a, n = doc.article, doc.annotation
    # read(): an annotation pickled by an older version holds "W101 ..." strings
    kept = tuple(ArticleWarning.read(w) for w in a.warnings + n.warnings)
    warnings = to_dict(tuple(dict.fromkeys(kept)))
    return {
        "id": a.id,
        "source": a.source,
        "external_id": a.external_id,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": a.published,
        "language": a.language or n.language,
        "text": a.text,
        "warnings": warnings,
        "metadata": to_dict(a.metadata),
        "sentences": [[s.start, s.end] for s in n.sentences],
        "mentions": [
            {"start": m.start, "end": m.end, "label": m.label, "text": m.text} for m in n.mentions
        ],
    }


def _write_text(path: str, content: str | Iterable[str]) -> None:
    """Write ``content`` (text, or pieces of it) to ``path`` as UTF-8 with ``\\n`` lines."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        if isinstance(content, str):
            fh.write(content)
        else:
            fh.writelines(content)


class _Temporaries:
    """Files written under temporary names beside their final ones, renamed into place by
    :meth:`commit`; those not committed are deleted when the context ends."""

    def __init__(self) -> None:
        self.pending: list[tuple[str, Path]] = []

    def __enter__(self) -> _Temporaries:
        return self

    def __exit__(self, *exc: object) -> None:
        for tmp, _ in self.pending:
            Path(tmp).unlink(missing_ok=True)

    def reserve(self, path: Path) -> str:
        """A new empty temporary file beside ``path`` (renamed to it by :meth:`commit`)."""
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(fd)
        self.pending.append((tmp, path))
        # mkstemp makes owner-only files; a report is meant to be shared: honour the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return tmp

    def write(self, path: Path, content: str | Iterable[str]) -> None:
        """Write ``content`` (text, or pieces of it) to a temporary file beside ``path``."""
        _write_text(self.reserve(path), content)

    def commit(self) -> None:
        while self.pending:
            tmp, path = self.pending.pop(0)
            os.replace(tmp, path)


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
