"""HTML pages: main text and metadata with trafilatura.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL demos) strips navigation, footers and boilerplate and reads title,
date, site name and canonical URL from the page's metadata; it is the best-evaluated open extractor
for news pages, so nothing here is hand-written beyond mapping its fields.
"""

from __future__ import annotations

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
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
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
        published=data.get("date") or None,
        outlet=(data.get("sitename") or "").strip() or None,
        url=data.get("url") or url,
    )
