"""storyline serve over a real SQLite store (real FTS5 search, real annotation)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from storyline.report.build import build_report
from storyline.settings import Settings
from storyline.store import Store
from storyline.web.app import create_app

from .conftest import report_fixture

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stored(tmp_path_factory, make_doc):
    rf = report_fixture.build()
    docs = [make_doc(a["text"], title=a["title"], outlet=a["outlet"], published=a["published"],
                     source=a["source"]) for a in rf["articles"]]
    db = tmp_path_factory.mktemp("serve") / "corpus.db"
    with Store(db) as store:
        for d in docs:
            store.add_document(d)
    return db, docs


def test_real_store_search(stored):
    db, docs = stored
    report = build_report(docs, {}, Settings()).to_dict()
    client = TestClient(create_app(db, report_loader=lambda p, s: report),
                        base_url="http://127.0.0.1")
    herald = docs[3].article
    assert client.get("/api/search", params={"q": "fishermen"}).json() == [herald.id]
    page = client.get("/search", params={"q": "fishermen harbour"})
    assert f'href="/articles/{herald.id}"' in page.text
    # FTS syntax in a query is taken as words, not as an error.
    assert client.get("/search", params={"q": 'NEAR( "x" OR *'}).status_code == 200
    art = client.get(f"/articles/{herald.id}")
    assert "Tomas Reyes" in art.text  # mentions from real annotation


def test_report_computed_from_store(stored):
    db, docs = stored
    try:
        app = create_app(db)
    except ImportError as exc:  # a pipeline stage has not landed yet
        pytest.skip(f"pipeline not complete: {exc}")
    client = TestClient(app, base_url="http://127.0.0.1")
    ids = {a["id"] for a in client.get("/api/articles").json()}
    assert ids == {d.article.id for d in docs}
    assert client.get("/").status_code == 200
