"""Settings of the report stage (report.html, report.md and ``storyline serve``)."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import check_range


@dataclass(frozen=True)
class ReportSettings:
    """What the HTML and Markdown reports show, and how much of it."""

    include_article_text: bool = True
    """Put each article's full text in the HTML report, collapsed (``<details>``). Off makes the
    file much smaller for big corpora, but the reader can then only see the sentences behind the
    checks and the reused passages, not whole articles."""
    max_passages_per_link: int = 12
    """Reused passages shown side by side per reuse link (the longest first); more shows the
    whole overlap of long rewrites, fewer keeps big reports small. The link's coverage figures
    always count every passage."""
    passage_context_chars: int = 60
    """Characters of surrounding text shown on each side of a reused passage; more gives the
    reader context, fewer keeps the side-by-side views compact."""
    max_graph_articles: int = 80
    """Largest story whose provenance graph is drawn as a picture; bigger stories list their
    families as text only (a graph of hundreds of nodes is unreadable and heavy)."""
    max_timeline_points: int = 300
    """Timeline entries drawn in the timeline picture per story (earliest first); the table
    below the picture always lists them all."""
    max_matrix_rows: int = 60
    """Rows of a story's claims matrix (conflicts and misquotes first, then claims given by two
    or more source families); the checks list above it always has them all."""
    max_matrix_columns: int = 12
    """Source families shown as columns of the claims matrix (most articles first); the rest
    share one "other families" column."""
    markdown_max_items: int = 15
    """Conflicts and misquotes listed per story in report.md (a summary to paste into a ticket);
    the rest is counted, not listed."""
    markdown_max_quote_chars: int = 280
    """Longest sentence quoted in report.md; longer ones are cut with an ellipsis."""

    processes: int = 0
    """Processes that render the page's story and article sections at once; 0: one per core
    this process may use, 1: this process only (least memory). The page is the same byte for
    byte with any number; workers are forked (:mod:`storyline.engine.forked`) only for
    ``report.html.PARALLEL_MIN_SECTIONS`` sections to render or more. Unless this
    comes to one process, report.json and report.md are written by a second forked process
    while this one renders the page."""

    def __post_init__(self) -> None:
        check_range("report", "processes", self.processes, 0, 1_024)
        check_range("report", "max_passages_per_link", self.max_passages_per_link, 0, 10_000)
        check_range("report", "passage_context_chars", self.passage_context_chars, 0, 5_000)
        check_range("report", "max_graph_articles", self.max_graph_articles, 0, 5_000)
        check_range("report", "max_timeline_points", self.max_timeline_points, 0, 100_000)
        check_range("report", "max_matrix_rows", self.max_matrix_rows, 0, 100_000)
        check_range("report", "max_matrix_columns", self.max_matrix_columns, 2, 1_000)
        check_range("report", "markdown_max_items", self.markdown_max_items, 0, 10_000)
        check_range("report", "markdown_max_quote_chars", self.markdown_max_quote_chars,
                    20, 100_000)
