"""HTML pages: main text and metadata with trafilatura.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL demos) strips navigation, footers and boilerplate and reads title,
date, site name and canonical URL from the page's metadata; it is the best-evaluated open extractor
for news pages, so nothing here is hand-written beyond mapping its fields, with one exception:
the publication time. trafilatura returns the day only (``2025-03-04``), and the day alone cannot
order two reports of one morning, so when the page's own metadata gives a full timestamp
(``article:published_time``, ``og:published_time``, ``itemprop="datePublished"``, JSON-LD
``datePublished``, in that order) that timestamp is kept; otherwise trafilatura's date.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from storyline.errors import InputError


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def extract_page(html: str | bytes, source: str, *, url: str | None = None,
                 min_chars: int = 80) -> Page:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(source, f"HTML could not be parsed: {exc}", "E108") from None
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if len(text) < min_chars:
        raise InputError(
            source,
            f"HTML page has no extractable main text ({len(text)} characters of text outside "
            f"menus and boilerplate; ingest.min_html_chars={min_chars})",
            "E108",
        )
    title = (data.get("title") or "").strip() or None
    if title:
        first, sep, rest = text.partition("\n")
        if sep and first.strip() == title:
            text = rest.strip()  # the headline is the title, not part of the body
    return Page(
        text=text,
        title=title,
        published=_metadata_timestamp(html) or data.get("date") or None,
        outlet=(data.get("sitename") or "").strip() or None,
        url=data.get("url") or url,
    )


_META_KEYS = ("article:published_time", "og:published_time", "og:article:published_time")


def _timestamp(value: object) -> str | None:
    """``value`` as an ISO 8601 timestamp when it is one with a time of day, else None."""
    if not isinstance(value, str) or value.strip()[10:11] not in ("T", " "):
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def _json_ld_dates(node: object) -> list[object]:
    """Every ``datePublished`` in a JSON-LD value (objects, lists, ``@graph``), in order."""
    if isinstance(node, list):
        return [d for x in node for d in _json_ld_dates(x)]
    if not isinstance(node, dict):
        return []
    found = [node["datePublished"]] if "datePublished" in node else []
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        found += _json_ld_dates(node.get(key))
    return found


def _metadata_timestamp(html: str | bytes) -> str | None:
    """The page's publication timestamp from its metadata, when it has one with a time of day."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError):  # trafilatura read it; this one need not
        return None
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _META_KEYS and key not in metas and el.get("content"):
            metas[key] = el.get("content")
    for key in _META_KEYS:
        if (ts := _timestamp(metas.get(key))):
            return ts
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        if (ts := _timestamp(el.get("content") or el.get("datetime"))):
            return ts
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            dates = _json_ld_dates(json.loads(el.text or ""))
        except (ValueError, RecursionError):  # broken or absurdly nested: not metadata we use
            continue
        for value in dates:
            if (ts := _timestamp(value)):
                return ts
    return None
