"""End to end on the example corpus README's quick start runs on (examples/harbor-fire).

What is planted is documented in examples/README.md: one wire item rewritten by three outlets,
two independent reports, a follow-up; the injury figure and the day the fire broke out conflict;
one outlet misquotes the mayor; datelines of two reports filed on two days are no conflict.
"""

from __future__ import annotations

import pytest

from storyline import Settings, analyze


@pytest.fixture(scope="module")
def report(examples_dir):
    return analyze([examples_dir], Settings()).to_dict()


def _by_source(report):
    return {a["source"].rsplit("/", 1)[-1]: a for a in report["articles"]}


def _names(report, ids):
    by_id = {a["id"]: a["source"].rsplit("/", 1)[-1] for a in report["articles"]}
    return {by_id[i] for i in ids}


def test_every_input_kind_is_read(report):
    arts = _by_source(report)
    assert sorted(arts) == ["bayside-post.txt", "daily-courier.txt", "feeds.jsonl:1",
                            "feeds.jsonl:2", "feeds.jsonl:3", "metro-online.html",
                            "valley-gazette.json"]
    assert report.get("rejected", []) == []
    assert arts["metro-online.html"]["outlet"] == "Metro Online"
    assert arts["metro-online.html"]["title"] == "Blaze guts Port Halden fish market"
    assert arts["metro-online.html"]["published"].startswith("2025-03-04")
    assert arts["feeds.jsonl:1"]["external_id"] == "nw-20250304-0917"
    assert arts["daily-courier.txt"]["title"] == "Fire at Port Halden fish market injures 12"
    assert arts["valley-gazette.json"]["metadata"] == {"section": "Coast"}  # unknown fields kept
    assert "Subscribe" not in arts["metro-online.html"]["text"]  # page boilerplate dropped


def test_wire_and_its_rewrites_are_one_source(report):
    fams = [f for f in report["families"] if len(f["article_ids"]) > 1]
    assert len(fams) == 1
    assert _names(report, fams[0]["article_ids"]) == {
        "feeds.jsonl:1", "daily-courier.txt", "metro-online.html", "bayside-post.txt"}
    # the independent reports and the follow-up are sources of their own
    assert len(report["families"]) == 4


def _checks(report, status, kind):
    return [c for c in report["checks"] if c["status"] == status and c["kind"] == kind]


def test_planted_conflicts_and_misquote(report):
    (date,) = _checks(report, "conflicting", "date")
    assert "feeds.jsonl:2" in _names(report, date["article_ids"])  # the Coastal Herald: Monday
    assert set(date["values"]) == {"2025-03-03", "2025-03-04"}
    assert date["independent_sources"] == 2
    (injured,) = _checks(report, "conflicting", "quantity")
    assert "Eighteen people" in injured["summary"] and "Twelve people" in injured["summary"]
    names = _names(report, injured["article_ids"])
    assert "feeds.jsonl:2" in names and names & {"feeds.jsonl:1", "valley-gazette.json"}
    misquotes = _checks(report, "misquoted", "quote")
    assert len(misquotes) == 1
    assert "metro-online.html" in _names(report, misquotes[0]["article_ids"])
    assert '"this" / "next"' in misquotes[0]["summary"]


def test_no_false_conflict_from_datelines_or_figures(report):
    conflicts = [c for c in report["checks"] if c["status"] == "conflicting"]
    assert len(conflicts) == 2, [c["summary"] for c in conflicts]
    assert not any("publish" in c["summary"] for c in conflicts)


def test_rewrites_count_once(report):
    claims = {c["id"]: c for c in report["claims"]}
    for check in report["checks"]:
        arts = _names(report, check["article_ids"])
        if arts <= {"feeds.jsonl:1", "daily-courier.txt", "metro-online.html",
                    "bayside-post.txt"}:
            assert check["independent_sources"] == 1, check["summary"]
        assert check["independent_sources"] <= len(check["article_ids"])
        assert all(cid in claims for cid in check["claim_ids"])


def test_one_story_and_the_timeline_shows_the_conflict(report):
    assert len(report["stories"]) == 1
    assert len(report["stories"][0]["article_ids"]) == 7
    dates = {t["date"] for t in report["timeline"] if t.get("conflicting")}
    assert dates == {"2025-03-03", "2025-03-04"}
    assert not any(t["summary"].startswith("PORT HALDEN, March") for t in report["timeline"])


def test_independent_same_day_reports_join_the_wire_event(report):
    (story,) = report["stories"]
    by_source = {a["source"].rsplit("/", 1)[-1]: a["id"] for a in report["articles"]}
    (wire_event,) = [e for e in story["events"] if by_source["feeds.jsonl:1"] in e["article_ids"]]
    for name in ("daily-courier.txt", "metro-online.html", "bayside-post.txt", "feeds.jsonl:2",
                 "valley-gazette.json"):
        assert by_source[name] in wire_event["article_ids"], name
