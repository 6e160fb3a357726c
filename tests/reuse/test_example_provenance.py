"""The example corpus (examples/harbor-fire): the wire item is the origin of its rewrites, and the
links between it and each rewrite point from it, for the reasons the corpus gives."""

import json

import pytest

from storyline import Settings, analyze

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(examples_dir, tmp_path_factory):
    if not examples_dir.is_dir():
        pytest.skip("example corpus not found")
    out = tmp_path_factory.mktemp("harbor")
    analyze([examples_dir], Settings()).write(out)
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def by_source(report):
    return {a["source"].replace("\\", "/").rsplit("/", 1)[-1]: a for a in report["articles"]}


def test_the_wire_item_is_the_origin_of_the_rewrites(report):
    arts = by_source(report)
    wire = arts["feeds.jsonl:1"]["id"]
    rewrites = {arts[f]["id"] for f in ("daily-courier.txt", "bayside-post.txt",
                                        "metro-online.html")}
    (fam,) = [f for f in report["families"] if wire in f["article_ids"]]
    assert rewrites <= set(fam["article_ids"])
    assert fam["origin_id"] == wire and fam["origin_reason"]


def test_the_rewrites_point_from_the_wire_item(report):
    arts = by_source(report)
    wire = arts["feeds.jsonl:1"]["id"]
    links = {frozenset((x["source_id"], x["target_id"])): x for x in report["reuse"]}
    for name, basis, why in (("daily-courier.txt", "credit", "according to Northwire"),
                             ("bayside-post.txt", "credit", "told Northwire"),
                             ("metro-online.html", "date", None)):
        link = links[frozenset((wire, arts[name]["id"]))]
        assert link["directed"] and link["source_id"] == wire, (name, link["evidence"])
        assert link["basis"] == basis, (name, link["evidence"])
        if why is not None:  # the credit's span slices the credit out of the rewrite's text
            start, end = link["credit_span"]
            assert why in arts[name]["text"][start - 20:end], name
    # no rewrite is read as the source of another: what they share comes from the wire item
    rewrite_ids = {arts[f]["id"] for f in ("daily-courier.txt", "bayside-post.txt",
                                           "metro-online.html")}
    for x in report["reuse"]:
        if x["source_id"] in rewrite_ids and x["target_id"] in rewrite_ids:
            assert not x["directed"], x["evidence"]


def test_the_html_page_keeps_its_metadata_timestamp(report):
    assert by_source(report)["metro-online.html"]["published"] == "2025-03-04T13:05:00+00:00"


def test_report_with_origin_reason_follows_the_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    from storyline.report.build import load_schema

    jsonschema.validate(report, load_schema())
