"""storyline serve in headless Chromium: pages load clean, search finds an article, hostile
article content does not run; the real CLI in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest

from storyline.web.app import create_app

from .conftest import ServerThread, free_port, report_fixture


def _app(report):
    def search(db, q, limit):
        words = q.casefold().split()
        return [a["id"] for a in report["articles"]
                if words and all(w in (a["text"] + " " + (a["title"] or "")).casefold()
                                 for w in words)][:limit]

    return create_app("fixture.db", report_loader=lambda db, s: report, search=search)


def _search_opens_article(page, query: str, title: str, expected: str) -> None:
    """Search from the page's search box, open the hit titled ``title``, find ``expected``."""
    page.get_by_role("searchbox").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search?q={query}")
    page.get_by_role("link", name=title).click()
    page.wait_for_url("**/articles/*")
    assert expected in page.locator("body").inner_text()


def test_pages_load_and_search_finds_article(watched, artifacts):
    with ServerThread(_app(report_fixture.build())) as srv:
        w = watched(srv.url)
        page = w.page
        page.goto(srv.url + "/")
        page.get_by_role("link", name="Port Halden fish market fire").click()
        page.wait_for_url("**/stories/s-harbor")
        conflict = page.locator("details#check-k-conflict-date")
        conflict.locator("summary").click()
        assert "Monday, March 3" in conflict.locator("blockquote.sent").nth(1).inner_text()
        page.screenshot(path=str(artifacts / "serve-story.png"), full_page=True)
        # A check's own address lands on the story page with that check open.
        page.goto(srv.url + "/checks/k-misquote-varga")
        page.wait_for_url("**/stories/s-harbor#check-k-misquote-varga")
        page.wait_for_function("document.getElementById('check-k-misquote-varga').open")
        assert page.locator("#check-k-misquote-varga mark.diff").first.is_visible()
        _search_opens_article(page, "fishermen", "Fishermen watch market burn", "Tomas Reyes")
        w.assert_clean()


def test_hostile_serve_runs_nothing(watched):
    report = report_fixture.hostile()
    with ServerThread(_app(report)) as srv:
        w = watched(srv.url)
        page = w.page
        paths = ["/", "/stories/s-harbor", "/search?q=fire"]
        paths += [f"/articles/{a['id']}" for a in report["articles"]]
        for path in paths:
            page.goto(srv.url + path)
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            page.mouse.move(300, 300)
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.evaluate("document.querySelectorAll('iframe, img').length") == 0, path
        w.assert_clean()


@pytest.mark.slow
def test_cli_serve_subprocess(tmp_path, make_doc):
    """`storyline serve --db` on a real store: answers on localhost, search finds an article."""
    from storyline.api import report_from_db
    from storyline.store import Store

    fx = report_fixture.build()
    db = tmp_path / "corpus.db"
    with Store(db) as store:
        for a in fx["articles"][:3]:
            store.add_document(make_doc(a["text"], title=a["title"], source=a["source"]))
    try:
        report_from_db(db)
    except ImportError as exc:
        pytest.skip(f"pipeline not complete: {exc}")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/api/search?q=blaze", timeout=5) as r:
                    hits = r.read().decode()
                break
            except OSError as exc:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode() if proc.poll() is not None
                                         else "server did not start") from exc
                time.sleep(0.3)
        assert len(json.loads(hits)) == 1
        with urllib.request.urlopen(base + "/search?q=blaze", timeout=5) as r:
            assert "Blaze hits fish market" in r.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_serve_example_corpus_from_a_real_store(watched, artifacts, tmp_path, examples_dir):
    """The example corpus ingested into a real store and served by the real app (store search,
    report computed from the store): the planted conflict opens to both sentences, search finds
    the Coastal Herald report, and the story page is saved as a screenshot."""
    from storyline import ingest_corpus as ingest

    db = tmp_path / "example.db"
    summary = ingest([examples_dir], db)
    assert not summary.rejected
    with ServerThread(create_app(db)) as srv:
        w = watched(srv.url)
        page = w.page
        page.goto(srv.url + "/")
        page.locator("a[href^='/stories/']").first.click()
        page.wait_for_url("**/stories/*")
        date = page.locator("details.check", has_text="dates differ").first
        date.locator("summary").click()
        texts = " ".join(date.locator("blockquote.sent").all_inner_texts())
        assert "shortly before midnight on Monday" in texts
        assert "early on Tuesday" in texts
        page.screenshot(path=str(artifacts / "serve-example-story.png"), full_page=True)
        _search_opens_article(page, "fishermen", "Fishermen watch Port Halden market burn",
                              "Tomas Reyes")
        w.assert_clean()
