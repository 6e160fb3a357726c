"""The story page a fact-checker reads in one minute, in headless Chromium, on the example corpus
ingested into a real store and served by ``storyline serve``'s app (the same story section as
report.html): plain-language check labels, a headline for a title, checks ranked and the rest
folded, the source list and the coverage chart, entities grouped, the story list with its counts
and search, all reachable from the keyboard and readable 375 px wide.

``STORYLINE_SCREENSHOTS=docs`` writes the README's screenshots to ``docs/img/`` (otherwise they go
to ``test-artifacts/``).
"""

from __future__ import annotations

import os
import re

import pytest

from storyline import ingest_corpus
from storyline.api import report_from_db
from storyline.web.app import create_app

from .conftest import ROOT, ServerThread

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(tmp_path_factory, examples_dir):
    db = tmp_path_factory.mktemp("story") / "example.db"
    assert not ingest_corpus([examples_dir], db).rejected
    report = report_from_db(db)
    with ServerThread(create_app(db, report_loader=lambda d, s: report)) as srv:
        yield srv, report


@pytest.fixture
def story(served, watched):
    srv, report = served
    w = watched(srv.url)
    (s,) = report["stories"]
    w.page.goto(f"{srv.url}/stories/{s['id']}")
    return w, report, s


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.casefold())


def _as_written(label: str, texts: list[str]) -> bool:
    """Every word of ``label`` occurs, in order, in one of ``texts``."""
    want = _words(label)
    for t in texts:
        it = iter(_words(t))
        if all(w in it for w in want):
            return True
    return False


def _shots_dir(artifacts):
    if os.environ.get("STORYLINE_SCREENSHOTS") == "docs":
        out = ROOT / "docs" / "img"
        out.mkdir(parents=True, exist_ok=True)
        return out
    return artifacts


def test_title_is_a_headline_and_labels_are_written_words(story):
    w, report, s = story
    page = w.page
    headlines = {a["title"] for a in report["articles"] if a["title"]}
    title = page.locator("section.story h2").inner_text()
    assert title == s["title"] and title in headlines
    texts = [a["text"] for a in report["articles"]]
    labels = page.locator("details.check > summary b.label").all_inner_texts()
    assert len(labels) == len(report["checks"])
    assert all(_as_written(lab.strip("\u201c\u201d"), texts) for lab in labels), labels
    conflicts = page.locator("details.check.conflicting b.label").all_inner_texts()
    assert set(conflicts) == {"Twelve people were injured", "fire broke out"}
    assert not any(lab in ("fire break", "injure people", "do on 2026") for lab in labels)
    w.assert_clean()


def test_checks_ranked_and_the_rest_folded(story):
    w, report, s = story
    page = w.page
    anchor = f"story-{s['id']}"
    heads = page.locator(f"h4[id^='{anchor}-checks-']").evaluate_all(
        "hs => hs.map(h => h.id.split('-checks-')[1])")
    assert heads == ["problems", "repeated", "corroborated"]
    statuses = page.locator(f"#{anchor}-checks-problems ~ details.check").evaluate_all(
        "ds => ds.map(d => d.className.split(' ')[1])")
    n_problems = sum(1 for c in report["checks"] if c["status"] in ("conflicting", "misquoted"))
    assert set(statuses[:n_problems]) <= {"conflicting", "misquoted"}
    # repeated by several articles from one source: single-source checks of 2+ articles
    repeated = page.locator(f"h4#{anchor}-checks-repeated ~ details.check.single_source")
    counts = [len(c["article_ids"]) for c in report["checks"]
              if c["status"] == "single_source" and len(c["article_ids"]) > 1]
    assert repeated.count() >= len(counts) > 0
    fold = page.locator(f"details.fold#{anchor}-checks-rest")
    n_rest = sum(1 for c in report["checks"]
                 if c["status"] == "single_source" and len(c["article_ids"]) == 1)
    assert fold.locator(":scope > summary").inner_text() == \
        f"Show all {n_rest} other claims, each from one article"
    inner = fold.locator("details.check")
    assert inner.count() == n_rest and not inner.first.is_visible()
    fold.locator(":scope > summary").click()
    assert inner.first.is_visible()
    w.assert_clean()


def test_source_list_and_coverage_chart(story):
    w, report, s = story
    page = w.page
    arts = {a["id"]: a for a in report["articles"]}
    rows = page.locator("table.sources tbody tr")
    assert rows.count() == len(s["article_ids"])
    first = rows.first.locator("td").all_inner_texts()
    # the wire item broke the story: first published, origin of its family of four
    assert first[0] == "Northwire" and first[3] == "origin" and "(4 texts)" in first[1]
    roles = [r[3] for r in (rows.nth(i).locator("td").all_inner_texts()
                            for i in range(rows.count()))]
    assert roles.count("origin") == 1 and sum(r.startswith("rewrite of") for r in roles) == 3
    assert roles.count("independent") == 3
    claims_col = [int(rows.nth(i).locator("td").nth(4).inner_text()) for i in range(rows.count())]
    n_claims = {}
    for c in report["claims"]:
        n_claims[c["article_id"]] = n_claims.get(c["article_id"], 0) + 1
    assert sorted(claims_col) == sorted(n_claims.get(a, 0) for a in s["article_ids"])
    # the chart: one bar segment per (day, family), heights adding up to the dated articles
    chart = page.locator("svg.coverage")
    assert chart.is_visible()
    segs = chart.locator("rect").evaluate_all(
        "rs => rs.map(r => [r.dataset.family, +r.dataset.count, r.getAttribute('fill')])")
    dated = [a for a in s["article_ids"] if arts[a]["published"]]
    assert sum(n for _, n, _ in segs) == len(dated) == 5
    colours = {f: c for f, _, c in segs}
    assert len(set(colours.values())) == len(colours)  # one colour per family
    assert "2 article(s) without a publication date" in page.locator("p.legend").inner_text()
    w.assert_clean()


def test_entities_grouped_and_no_parser_labels(story, served):
    w, _, s = story
    page = w.page
    groups = page.locator(".entgroup h4").all_text_contents()
    assert [g.split(" (")[0] for g in groups] == ["People", "Organisations", "Places"]
    people = page.locator(".entgroup", has_text="People").inner_text()
    assert "Ilse Varga" in people
    body = page.locator("body").inner_text()
    assert not re.search(r"\b(CARDINAL|PERSON|GPE|WORK_OF_ART|ORDINAL)\b", body)
    srv, _ = served
    a = s["article_ids"][0]
    page.goto(f"{srv.url}/articles/{a}")
    body = page.locator("body").inner_text()
    assert not re.search(r"\b(CARDINAL|PERSON|GPE|WORK_OF_ART|DATE|ORDINAL)\b", body)
    w.assert_clean()


def test_story_list_search_and_keyboard(served, watched):
    srv, report = served
    w = watched(srv.url)
    page = w.page
    page.goto(srv.url + "/")
    item = page.locator("section.storyitem")
    assert item.count() == 1
    glance = item.locator(".glance").inner_text()
    assert "7\narticles" in glance and "2\nconflicts" in glance
    # keyboard only: Tab to the search box, type, Enter; Tab to the story, Enter
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "search":
            break
    page.keyboard.type("fishermen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=fishermen")
    title = report["stories"][0]["title"]
    link = page.get_by_role("link", name=title).first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/stories/*")
    # the folded checks open from the keyboard
    fold = page.locator("details.fold")
    fold.locator(":scope > summary").focus()
    page.keyboard.press("Enter")
    assert fold.evaluate("d => d.open")
    w.assert_clean()


@pytest.mark.parametrize("width", [375, 1280])
def test_readable_at_width_and_screenshots(served, browser, artifacts, width):
    srv, report = served
    ctx = browser.new_context(viewport={"width": width, "height": 1500 if width > 400 else 1700},
                              device_scale_factor=1)
    try:
        page = ctx.new_page()
        sid = report["stories"][0]["id"]
        page.goto(f"{srv.url}/stories/{sid}")
        # nothing wider than the screen: the page never scrolls sideways
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("svg.coverage").bounding_box()["width"] <= width
        size = page.evaluate("getComputedStyle(document.body).fontSize")
        assert float(size.rstrip("px")) >= 14
        out = _shots_dir(artifacts)
        name = "story-375.png" if width == 375 else "story-desktop.png"
        page.screenshot(path=str(out / name))
        if width > 400:
            page.locator("div.sourcespart").screenshot(path=str(out / "story-sources-desktop.png"))
    finally:
        ctx.close()
