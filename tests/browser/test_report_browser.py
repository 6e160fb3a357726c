"""report.html in headless Chromium: loads clean, the planted conflict opens to its sentences,
anchor links open what they point into, hostile article content does not run."""

from __future__ import annotations

import json

import pytest

from storyline.report.html import render_html

from .conftest import report_fixture


def _open(watched, tmp_path, report, name="report.html"):
    path = tmp_path / name
    path.write_text(render_html(report), encoding="utf-8")
    w = watched()
    w.page.goto(path.as_uri())
    return w


def test_fixture_report_conflict_opens_to_both_sentences(watched, tmp_path, artifacts):
    w = _open(watched, tmp_path, report_fixture.build())
    page = w.page
    first = page.locator("details.check").first
    assert "Conflict" in first.locator("summary").inner_text()
    assert "When the fire broke out" in first.locator("summary").inner_text()
    sentences = first.locator("blockquote.sent")
    assert not sentences.first.is_visible()
    first.locator("summary").click()
    assert sentences.count() == 2
    texts = [sentences.nth(i).inner_text() for i in range(2)]
    assert "on Tuesday, March 4, destroying three warehouses" in texts[0]
    assert "on Monday, March 3, as flames spread" in texts[1]
    assert all(sentences.nth(i).is_visible() for i in range(2))
    page.screenshot(path=str(artifacts / "report-fixture.png"), full_page=True)
    w.assert_clean()


def test_anchor_link_opens_the_check(watched, tmp_path):
    w = _open(watched, tmp_path, report_fixture.build())
    page = w.page
    misquote = page.locator("#check-k-misquote-varga")
    assert misquote.get_attribute("open") is None
    page.evaluate("location.hash = '#check-k-misquote-varga'")
    page.wait_for_function("document.getElementById('check-k-misquote-varga').open")
    assert misquote.locator("mark.diff").first.is_visible()
    # The timeline table links to the conflict: clicking opens it.
    page.locator('tr a[href="#check-k-conflict-date"]').first.click()
    page.wait_for_function("document.getElementById('check-k-conflict-date').open")
    # From the conflict's row to the claim in the Coastal Herald text (a collapsed details).
    page.locator('#check-k-conflict-date a[href="#ct-c-date-4"]').click()
    page.wait_for_function("document.getElementById('ct-c-date-4').closest('details').open")
    assert page.locator("#ct-c-date-4").is_visible()
    assert page.locator("#ct-c-date-4").inner_text() == "Monday, March 3"
    w.assert_clean()


def test_hostile_report_runs_nothing(watched, tmp_path, artifacts):
    w = _open(watched, tmp_path, report_fixture.hostile(), "hostile.html")
    page = w.page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    for link in page.locator("a").all()[:60]:
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript")
    page.mouse.move(200, 200)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('iframe, img, object, embed').length") == 0
    assert "<script>window.__pwned=1" in page.locator("body").inner_text()  # shown as text
    page.screenshot(path=str(artifacts / "report-hostile.png"), full_page=True)
    w.assert_clean()


@pytest.mark.slow
def test_example_corpus_report(watched, tmp_path, artifacts, examples_dir):
    from storyline import analyze

    if not examples_dir.is_dir():
        pytest.skip(f"example corpus not found at {examples_dir}")
    report = analyze([examples_dir])
    out = report.write(tmp_path / "out")
    data = json.loads(out["json"].read_text(encoding="utf-8"))
    w = watched()
    w.page.goto(out["html"].as_uri())
    assert w.page.locator("section.art").count() == len(data["articles"])
    w.page.screenshot(path=str(artifacts / "report-example.png"), full_page=True)
    conflicts = [c for c in data["checks"] if c["status"] in ("conflicting", "misquoted")]
    # the planted ones (examples/README.md): the injury figure, the day, the mayor's quote
    assert {c["kind"] for c in conflicts} == {"date", "quantity", "quote"}
    for c in conflicts:
        check = w.page.locator(f"details#check-{c['id']}")
        assert "Eighteen" in check.locator("summary").inner_text() or c["kind"] != "quantity"
        check.locator("summary").click()
        sentences = check.locator("blockquote.sent")
        assert sentences.count() >= 2
        assert all(sentences.nth(i).is_visible() for i in range(2))
    herald = "The fire broke out shortly before midnight on Monday"
    date = next(c for c in conflicts if c["kind"] == "date")
    assert herald in w.page.locator(f"details#check-{date['id']}").inner_text()
    w.page.screenshot(path=str(artifacts / "report-example-conflicts.png"), full_page=True)
    # the claims matrix: the Coastal Herald's Monday disagrees; its cell opens the claim in text
    cell = w.page.locator("table.matrix td.disagree a", has_text="2025-03-03").first
    target = cell.get_attribute("href").lstrip("#")
    cell.click()
    w.page.wait_for_function(f"document.getElementById('{target}').closest('details').open")
    assert w.page.locator(f"#{target}").inner_text() == "Monday"
    w.assert_clean()


def test_printing_opens_checks(watched, tmp_path, artifacts):
    w = _open(watched, tmp_path, report_fixture.build())
    page = w.page
    assert page.evaluate("document.querySelectorAll('details.check[open]').length") == 0
    page.pdf(path=str(artifacts / "report-fixture.pdf"))
    opened = page.evaluate("document.querySelectorAll('details.check[open]').length")
    assert opened == len(report_fixture.build()["checks"])
    # Article texts stay collapsed in print (they would double the length).
    assert page.evaluate("document.querySelectorAll('details.fulltext[open]').length") == 0
    w.assert_clean()
