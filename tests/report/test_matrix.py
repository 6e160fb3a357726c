"""The claims matrix: claims by source family, agreeing and disagreeing cells."""

from __future__ import annotations

import copy

from storyline.report import view
from storyline.report.html import render_html
from storyline.report.matrix import claims_matrix


def _matrix(report, **kw):
    ix = view.Index.of(report)
    (sv,) = [s for s in view.story_views(ix) if s.id == "s-harbor"]
    return claims_matrix(ix, sv, **kw)


def _row(mx, check_id):
    return next(r for r in mx.rows if r.check["id"] == check_id)


def test_columns_are_families_and_rows_need_two_or_a_problem(report_dict):
    mx = _matrix(report_dict)
    # most articles first, then by label (the untitled Valley report is named by its file)
    assert [c.label for c in mx.columns] == ["Northwire (3 articles)", "05.txt", "Coastal Herald"]
    assert len(mx.columns[0].article_ids) == 3
    # the boat count rests on one family: a row of one cell is left to the checks list
    assert [r.check["id"] for r in mx.rows] == ["k-conflict-date", "k-misquote-varga",
                                                "k-injured"]


def test_one_against_one_both_disagree_and_corroboration_agrees(report_dict):
    mx = _matrix(report_dict)
    date = _row(mx, "k-conflict-date")
    assert [c.mark if c else None for c in date.cells] == ["disagree", None, "disagree"]
    assert [c.text if c else None for c in date.cells] == ["2025-03-04", None, "2025-03-03"]
    injured = _row(mx, "k-injured")
    assert [c.mark if c else None for c in injured.cells] == ["agree", "agree", None]
    # a misquote inside one family: the cell shows both renderings and disagrees
    quote = _row(mx, "k-misquote-varga").cells[0]
    assert quote.mark == "disagree" and " / " in quote.text


def test_the_matrix_marks_what_the_cross_check_decided(report_dict):
    # a third family gives the wire's date: the cross-check names the one dissenting claim, and
    # the matrix shows that decision (it does not compare values itself)
    r = copy.deepcopy(report_dict)
    wire_date = next(c for c in r["claims"] if c["id"] == "c-date-1")
    valley = r["articles"][4]
    extra = dict(wire_date, id="c-date-5", article_id=valley["id"])
    r["claims"].append(extra)
    conflict = next(c for c in r["checks"] if c["id"] == "k-conflict-date")
    conflict["claim_ids"].append("c-date-5")
    conflict["dissenting_claim_ids"] = ["c-date-4"]
    date = _row(_matrix(r), "k-conflict-date")
    assert [c.mark for c in date.cells] == ["agree", "agree", "disagree"]
    # a figure within the tolerance of the majority is not marked, whatever its digits
    conflict["dissenting_claim_ids"] = []
    assert [c.mark for c in _row(_matrix(r), "k-conflict-date").cells] == ["agree"] * 3


def test_bounds_and_html(report_dict):
    mx = _matrix(report_dict, max_rows=1, max_columns=2)
    assert len(mx.rows) == 1 and mx.hidden_rows == 2
    assert [c.label for c in mx.columns][-1] == "2 other families"
    html = render_html(report_dict)
    assert '<table class="matrix">' in html
    assert 'href="#ct-c-date-4">2025-03-03</a>' in html
    assert 'href="#story-s-harbor-matrix">Claims matrix</a>' in html
