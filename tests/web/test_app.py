"""storyline serve: pages, JSON endpoints, read-only, escaping, host check."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app


def test_index_lists_story_with_counts(client):
    r = client.get("/")
    assert r.status_code == 200
    assert "Port Halden fish market fire" in r.text
    assert 'href="/stories/s-harbor"' in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_story_page_like_report(client):
    r = client.get("/stories/s-harbor")
    assert r.status_code == 200
    assert 'id="check-k-conflict-date"' in r.text
    assert "as flames spread through the old market hall" in r.text
    assert '<svg class="graph"' in r.text and '<svg class="timeline"' in r.text
    # Links lead to article pages, not to anchors that exist only in report.html.
    ids = set(re.findall(r'href="/articles/([0-9a-f]+)"', r.text))
    assert len(ids) == 5


def test_article_page_with_claims_and_reuse(client, report_dict):
    wire = report_dict["articles"][0]
    r = client.get(f"/articles/{wire['id']}")
    assert r.status_code == 200
    assert "Fire destroys Port Halden fish market" in r.text
    assert 'id="claim-c-quote-1"' in r.text
    assert "reused by" in r.text and 'class="side"' in r.text
    assert '<details class="fulltext" open>' in r.text  # the article's own page shows its text
    assert client.get("/articles/nope").status_code == 404


def test_check_redirects_to_story_anchor(client):
    r = client.get("/checks/k-misquote-varga", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/stories/s-harbor#check-k-misquote-varga"


@pytest.mark.parametrize("query, found", [
    ("Fishermen", "Fishermen watch market burn"),
    ("investigators cause", "Fire at Port Halden market injures 12"),
])
def test_search(client, query, found):
    r = client.get("/search", params={"q": query})
    assert r.status_code == 200 and found in r.text
    assert client.get("/search", params={"q": "zeppelin"}).text.count("No article matches") == 1


def test_json_endpoints_return_contract_records(client, report_dict):
    assert client.get("/api/report").json() == report_dict
    assert client.get("/api/stories").json() == report_dict["stories"]
    a = report_dict["articles"][3]
    assert client.get(f"/api/articles/{a['id']}").json() == a
    assert len(client.get("/api/articles").json()) == 5
    assert "text" not in client.get("/api/articles", params={"text": False}).json()[0]
    conflicts = client.get("/api/checks", params={"status": "conflicting"}).json()
    assert [c["id"] for c in conflicts] == ["k-conflict-date"]
    by_article = client.get("/api/checks", params={"article_id": a["id"]}).json()
    assert {c["id"] for c in by_article} == {"k-conflict-date", "k-boats"}
    assert len(client.get("/api/claims", params={"article_id": a["id"]}).json()) == 2
    assert len(client.get("/api/reuse", params={"article_id": report_dict["articles"][0]["id"]}).json()) == 2
    assert client.get("/api/search", params={"q": "blaze"}).json() == [report_dict["articles"][2]["id"]]
    assert client.get("/api/stories/none").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_read_only(client, method):
    assert getattr(client, method)("/api/report").status_code == 405


def test_foreign_host_refused(report_dict):
    app = create_app("x.db", report_loader=lambda db, s: report_dict, search=lambda *a: [])
    evil = TestClient(app, base_url="http://attacker.example")
    assert evil.get("/api/report").status_code == 400


def test_hostile_pages_escaped(hostile_client):
    for path in ["/", "/stories/s-harbor", "/search?q=Fire"] + [
            f"/articles/{a}" for a in hostile_client.get("/api/search", params={"q": "Fire"}).json()]:
        html = hostile_client.get(path).text
        assert "<script>window.__pwned" not in html
        assert not re.search(r"<[a-z]+[^>]*\son\w+=", html), path
        assert 'href="javascript:' not in html.lower()


def test_search_lists_matching_stories(client):
    r = client.get("/search", params={"q": "fish market"})
    assert 'href="/stories/s-harbor"' in r.text and "<h3>Stories</h3>" in r.text


def test_index_counts_link_to_check_groups(client):
    r = client.get("/")
    assert 'href="/stories/s-harbor#story-s-harbor-checks-problems"' in r.text
