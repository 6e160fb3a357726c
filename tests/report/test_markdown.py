"""report.md: the short summary for a ticket."""

from __future__ import annotations

import re

import pytest

from storyline.report.markdown import md_escape, render_markdown


def test_summary_counts_and_conflicts(report_dict):
    md = render_markdown(report_dict)
    assert "## Port Halden fish market fire" in md
    assert "- Articles: 5" in md and "- Independent sources: 3" in md
    assert "- Conflicts: 1; misquotes: 1" in md
    assert "- Single-source claims: 1; corroborated: 1" in md
    assert "Monday, March 3" in md and "Tuesday, March 4" in md  # both sentences
    assert "We will rebuild the pier this year" in md


@pytest.mark.parametrize("text, bad", [
    ("[click](javascript:alert(1))", "[click]("),
    ("<script>alert(1)</script>", "<script>"),
    ("**bold** and _it_", "**bold**"),
    ("a | table | row", "a | table"),
    ("`code`", "`code`"),
    ("line one\n# heading", "\n# heading"),
])
def test_escape_defuses_markup(text, bad):
    assert bad not in md_escape(text)


def test_hostile_report(hostile_report):
    md = render_markdown(hostile_report)
    assert not re.search(r"(?<!\\)[<>\[\]`]", md.replace("\u201c", ""))  # all escaped
    assert "\\<script\\>" in md
