"""Settings of the ingest stage."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import check_range


@dataclass(frozen=True)
class IngestSettings:
    max_bytes: int = 20_000_000
    """Inputs (files, JSONL records, WARC records) larger than this are rejected (E104)."""
    min_chars: int = 1
    """Articles whose normalised text is shorter than this are rejected as empty (E101)."""
    max_title_chars: int = 200
    """A first line longer than this never becomes the title of a .txt/.md article."""
    min_html_chars: int = 80
    """An HTML page whose extracted main text is shorter than this has no article (E108): menus,
    index pages and paywall stubs yield a few words, real articles hundreds."""
    follow_symlinks: bool = False
    """Follow symbolic links when walking directories."""

    def __post_init__(self) -> None:
        check_range("ingest", "max_bytes", self.max_bytes, 1, 2**40)
        check_range("ingest", "min_chars", self.min_chars, 1, 10**9)
        check_range("ingest", "min_html_chars", self.min_html_chars, 0, 10**6)
        check_range("ingest", "max_title_chars", self.max_title_chars, 1, 10_000)
