"""Hostile articles through the real path: annotated, stored, analysed, then shown by
report.html and by storyline serve in Chromium; nothing in them may run."""

from __future__ import annotations

import pytest

from .conftest import ServerThread

pytestmark = pytest.mark.slow

PAYLOAD = ('<script>window.__pwned=1;alert(1)</script> <img src=x onerror="window.__pwned=2"> '
           '<a href="javascript:window.__pwned=3">details</a> </textarea><svg onload='
           '"window.__pwned=4"> <iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>')
ARTICLES = [
    ("Harbour officials said on Tuesday that the fire at the fish market was under control. "
     + f"\u201cWe will rebuild every pier,\u201d Mayor Ilse Varga said. {PAYLOAD}",
     "Fire <script>window.__pwned=6</script>", "<b onmouseover=window.__pwned=7>Herald</b>"),
    ("Harbour officials said on Tuesday that the fire at the fish market was under control. "
     + f"\"We will rebuild the pier,\" Mayor Ilse Varga said. {PAYLOAD}",
     "\"><img src=x onerror=window.__pwned=8>", "javascript:alert(1)"),
    (f"Fishermen watched on Monday as flames spread through the market. {PAYLOAD}",
     "</title><script>window.__pwned=9</script>", "Coastal Herald"),
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, make_doc):
    from storyline.store import Store

    db = tmp_path_factory.mktemp("hostile") / "corpus.db"
    with Store(db) as store:
        for i, (text, title, outlet) in enumerate(ARTICLES):
            store.add_document(make_doc(text, title=title, outlet=outlet,
                                        source=f"<img src=x onerror=window.__pwned=10>{i}.txt"))
    return db


def _clean(page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.mouse.move(400, 300)
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('iframe, img, object, embed').length") == 0


def test_hostile_report_html(hostile_db, watched, tmp_path):
    from storyline import api

    try:
        report = api.report_corpus(hostile_db)
    except ImportError as exc:
        pytest.skip(f"pipeline not complete: {exc}")
    out = report.write(tmp_path / "out")
    w = watched()
    w.page.goto(out["html"].as_uri())
    _clean(w.page)
    assert "<script>window.__pwned=1" in w.page.locator("body").inner_text()  # shown as text
    w.assert_clean()


def test_hostile_serve(hostile_db, watched):
    from storyline.web.app import create_app

    try:
        app = create_app(hostile_db)
    except ImportError as exc:
        pytest.skip(f"pipeline not complete: {exc}")
    with ServerThread(app) as srv:
        w = watched(srv.url)
        page = w.page
        ids = [a["id"] for a in app.state.report["articles"]]
        stories = [s["id"] for s in app.state.report["stories"]] or ["unassigned"]
        paths = ["/", "/search?q=pwned", "/search?q=%3Cscript%3E"]
        paths += [f"/stories/{s}" for s in stories] + [f"/articles/{i}" for i in ids]
        for path in paths:
            page.goto(srv.url + path)
            _clean(page)
        w.assert_clean()
