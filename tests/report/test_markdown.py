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


def test_long_sentence_cut_around_the_claim(report_dict):
    from storyline.report.settings import ReportSettings

    md = render_markdown(report_dict, ReportSettings(markdown_max_quote_chars=40))
    assert "Monday, March 3" in md and "Tuesday, March 4" in md
    assert "as flames spread through the old market hall" not in md
    assert "\u2026" in md


def test_sentence_quoted_once_per_check(report_dict):
    report_dict["claims"].append(dict(report_dict["claims"][0], id="c-date-1b",
                                      text="March 4", span=[
                                          report_dict["claims"][0]["span"][0] + 9,
                                          report_dict["claims"][0]["span"][1]]))
    report_dict["checks"][0]["claim_ids"].append("c-date-1b")
    md = render_markdown(report_dict)
    assert md.count("destroying three warehouses") == 1


def test_reports_of_one_outlet_are_one_independent_source(report_dict):
    # the Valley report (its own family, no outlet) re-labelled as a second Coastal Herald report
    report_dict["articles"][4]["outlet"] = "Coastal  herald"
    assert "- Independent sources: 2" in render_markdown(report_dict)
