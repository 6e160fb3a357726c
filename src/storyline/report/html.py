"""report.html: one self-contained page a fact-checker opens, shares and prints.

Rendered with Jinja2 (autoescaping on for every template, so everything that comes from an
article is escaped); only http(s) URLs become links. The page makes no network request: CSS is
inline, drawings are inline SVG (:mod:`storyline.report.svg`), and a Content-Security-Policy
forbids loading anything and running any script but the one short inline script whose hash it
names (it opens the ``<details>`` a link points into, and opens all of them for printing). The
page is fully readable without that script.

Large corpora: every article text appears once, collapsed in a ``<details>`` element (the
browser does not lay out closed details), and sentences behind checks and reused passages are
cut from the text rather than repeated whole.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from storyline.engine.forked import fork_map
from storyline.report import view
from storyline.report.coverage import (
    coverage_svg,
    entity_groups,
    published_label,
    source_rows,
)
from storyline.report.fragments import FragmentCache, article_key, story_key
from storyline.report.matrix import claims_matrix
from storyline.report.settings import ReportSettings
from storyline.report.svg import provenance_svg, timeline_svg


@cache
def _asset(name: str) -> str:
    return resources.files("storyline.report").joinpath("templates", name).read_text("utf-8")


def script_hash(script: str) -> str:
    """CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src {script_hash(_asset('report.js'))}; base-uri 'none'; form-action 'none'")


def environment(extra_loaders: tuple[jinja2.BaseLoader, ...] = ()) -> jinja2.Environment:
    """The Jinja2 environment of the report templates (also used by ``storyline serve``)."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([*extra_loaders,
                                    jinja2.PackageLoader("storyline.report", "templates")]),
        autoescape=True,
        trim_blocks=False,
        lstrip_blocks=False,
        undefined=jinja2.Undefined,
    )
    env.globals.update(
        anchor=view.anchor,
        href=view.href,
        safe_url=view.safe_url,
        STATUS_LABEL=view.STATUS_LABEL,
        claim_rows=view.claim_rows,
        passage_pairs=view.passage_pairs,
        grouped_mentions=view.grouped_mentions,
        marked_text_html=view.marked_text_html,
        segments_html=view.segments_html,
        independent_sources=view.independent_sources,
        claims_matrix=claims_matrix,
        time_span=view.time_span,
        provenance_svg=provenance_svg,
        timeline_svg=timeline_svg,
        coverage_svg=coverage_svg,
        source_rows=source_rows,
        entity_groups=entity_groups,
        published_label=published_label,
    )
    return env


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return environment()


def render_html(report: Mapping[str, Any], settings: ReportSettings | None = None, *,
                fragments: FragmentCache | None = None) -> str:
    """The report as one self-contained HTML page (:func:`iter_html`, joined)."""
    return "".join(iter_html(report, settings, fragments=fragments))


SECTION_BATCH = 500
"""Sections read from and written to the store (and rendered by the workers) at a time, counted
by their weight (an article's section 1, a story's one per article it shows, whose rows its HTML
holds): what the page holds in memory at once. Counted by sections, the 164 stories of a 10k
corpus were one batch: their ~400 MB of HTML held at once, twice while it came back from the
workers."""


def batches(items: list[Any], weight: Any, budget: int) -> Iterator[list[Any]]:
    """``items`` in order, cut into runs whose weights add up to at most ``budget`` (a heavier
    item alone)."""
    run: list[Any] = []
    total = 0
    for x in items:
        w = weight(x)
        if run and total + w > budget:
            yield run
            run, total = [], 0
        run.append(x)
        total += w
    if run:
        yield run

PARALLEL_MIN_SECTIONS = 8
"""Batches of sections lighter than this (by the weights of :data:`SECTION_BATCH`: a story
counts one per article) are rendered in this process: forking workers (some 50 ms) would cost
more than it saves. Low, because a story's section is the costly one (ECB+ dev: 21 story
sections took about two thirds of the page's time, a third of a second each); by weight, so
that a batch of a few large stories is still shared out."""


def iter_html(report: Mapping[str, Any], settings: ReportSettings | None = None, *,
              fragments: FragmentCache | None = None) -> Iterator[str]:
    """The page of :func:`render_html` in pieces, as Jinja renders it, for writing to a file:
    the page of a large corpus is never held whole in memory (at 10k articles it was about
    2 GB, with report.json beside it). With ``fragments`` (a store's kept sections,
    :mod:`storyline.report.fragments`), the story and article sections whose inputs did not
    change since they were kept are read from it, the others rendered and kept. Sections are
    independent: they are rendered ``settings.processes`` at a time (forked workers that
    inherit the report; a section's HTML is the same in any process)."""
    settings = settings or ReportSettings()
    ix = view.Index.of(report)
    views = view.story_views(ix)
    articles = list(report.get("articles") or ())
    context = {"report": report, "ix": ix, "views": views, "settings": settings}
    macros: Any = _env().get_template("_macros.html.j2").make_module(context)

    def in_workers(items: list[Any], piece: Any, weight: Any, size: Any) -> list[Any]:
        heavy = len(items) > 1 and sum(size(x) for x in items) >= PARALLEL_MIN_SECTIONS
        processes = settings.processes if heavy else 1
        return fork_map(piece, items, processes,
                        what=f"rendering {len(items)} sections of report.html",
                        setting="report.processes", weights=[weight(x) for x in items])

    # the sections the store keeps: read once, each worker tests its sections' keys against it
    known = fragments.known() if fragments is not None else frozenset()

    def sections(items: list[Any], key: Any, render: Any, weight: Any,
                 size: Any) -> Iterator[Markup]:
        for batch in batches(items, size, SECTION_BATCH):
            if fragments is None:
                yield from (Markup(h) for h in in_workers(batch, lambda x: str(render(x)),
                                                          weight, size))
                continue

            # a section's key is a digest of all it shows: computed where it is rendered
            def keyed(x: Any) -> tuple[str, str | None]:
                k = key(x)
                return k, (None if k in known else str(render(x)))

            found = in_workers(batch, keyed, weight, size)
            kept = fragments.get([k for k, h in found if h is None])
            fragments.used.update(k for k, _ in found)
            fragments.put({k: h for k, h in found if h is not None})
            yield from (Markup(kept[k] if h is None else h) for k, h in found)

    # a section's cost grows with what it shows: a story's with its articles, an article's
    # with its text
    story_html = sections(views, lambda sv: story_key(ix, sv),
                          lambda sv: macros.story(ix, sv, settings),
                          lambda sv: 1 + len(sv.article_ids),
                          lambda sv: max(1, len(sv.article_ids)))
    article_html = sections(articles, lambda a: article_key(ix, a),
                            lambda a: macros.article(ix, a, settings),
                            lambda a: 1 + len(a.get("text") or ""),
                            lambda a: 1)
    yield from _env().get_template("report.html.j2").generate(
        **context,
        story_html=story_html,
        article_html=article_html,
        css=Markup(_asset("report.css")),
        js=Markup(_asset("report.js")),
        csp=content_security_policy(),
    )
