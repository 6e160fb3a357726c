"""HTML pages keep the full publication timestamp of their metadata (trafilatura gives the day)."""

import pytest

from storyline.ingest.html import extract_page

BODY = """<body><article><h1>Fire at the port</h1>
<p>Fire crews fought a blaze at the harbour on Saturday, the port authority said. About 120 workers
were evacuated from the east quay as smoke spread across the terminal and nearby streets.</p>
</article></body></html>"""


def page(head: str) -> str:
    return f"<!doctype html><html><head><title>Fire at the port</title>{head}</head>{BODY}"


@pytest.mark.parametrize("head, expected", [
    ('<meta property="article:published_time" content="2025-03-04T13:05:00+00:00">',
     "2025-03-04T13:05:00+00:00"),
    ('<meta property="og:published_time" content="2025-03-04T13:05:00Z">',
     "2025-03-04T13:05:00+00:00"),
    ('<meta itemprop="datePublished" content="2025-03-04T13:05:00+01:00">',
     "2025-03-04T13:05:00+01:00"),
    (('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
      '[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2025-03-04T13:05:00Z"}]}'
      '</script>'), "2025-03-04T13:05:00+00:00"),
    (('<script type="application/ld+json">[{"@type": "NewsArticle", '
      '"datePublished": "2025-03-04T06:00:00-05:00"}]</script>'), "2025-03-04T06:00:00-05:00"),
])
def test_metadata_timestamp_is_kept(head, expected):
    assert extract_page(page(head), "p.html").published == expected


def test_article_published_time_comes_first():
    head = ('<script type="application/ld+json">{"datePublished": "2025-03-04T20:00:00Z"}'
            '</script><meta property="article:published_time" content="2025-03-04T13:05:00Z">')
    assert extract_page(page(head), "p.html").published == "2025-03-04T13:05:00+00:00"


@pytest.mark.parametrize("head, expected", [
    ('<meta property="article:published_time" content="2025-03-04">', "2025-03-04"),  # day only
    ('<meta property="article:published_time" content="Tuesday morning">', None),  # not ISO 8601
    (('<script type="application/ld+json">{"datePublished": </script>'
      '<meta name="date" content="2025-03-04">'), "2025-03-04"),  # broken JSON-LD
])
def test_without_a_timestamp_trafilatura_date_is_kept(head, expected):
    assert extract_page(page(head), "p.html").published == expected


def test_page_without_any_date_has_none():
    assert extract_page(page(""), "p.html").published is None


def test_absurdly_nested_json_ld_is_ignored():
    deep = "[" * 100_000 + "]" * 100_000
    got = extract_page(page(f'<script type="application/ld+json">{deep}</script>'), "p.html")
    assert "blaze at the harbour" in got.text  # the page is read; the nested data is not metadata
    assert "T" not in (got.published or "")
