"""End to end: real reports validate against the JSON Schema and are reproducible."""

import json

import jsonschema
import pytest

from storyline import analyze
from storyline.report.build import load_schema
from storyline.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report(seeds_dir):
    return analyze([seeds_dir], Settings())


def test_seed_report_is_schema_valid(seed_report):
    data = seed_report.to_dict()
    jsonschema.validate(data, load_schema())
    assert data["schema_version"] == 1
    assert len(data["articles"]) == 5
    titles = {a["source"].rsplit("/", 1)[-1]: a["title"] for a in data["articles"]}
    assert titles["000_30a07c55a8cd6076.txt"] is None  # first line is a sentence, not a headline
    assert titles["003_cddb1c0568ef28ca.txt"].startswith("Did North Korea's Kim Jong-un")
    for art in data["articles"]:
        assert art["sentences"] and art["mentions"]
        for m in art["mentions"]:
            assert art["text"][m["start"] : m["end"]] == m["text"]
        for s, e in art["sentences"]:
            assert 0 <= s < e <= len(art["text"])


def test_spans_in_every_section_point_into_text(seed_report):
    data = seed_report.to_dict()
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for c in data["claims"]:
        s, e = c["span"]
        assert 0 <= s < e <= len(texts[c["article_id"]])
        if c["kind"] in ("quote", "quantity", "date"):
            assert texts[c["article_id"]][s:e] == c["text"]
    for link in data["reuse"]:
        for p in link["passages"]:
            assert p["source_span"][1] <= len(texts[link["source_id"]])
            assert p["target_span"][1] <= len(texts[link["target_id"]])


def test_same_input_same_bytes(seed_report, seeds_dir):
    again = analyze([seeds_dir], Settings())
    assert again.to_json() == seed_report.to_json()


def test_example_report_is_schema_valid_and_written(tmp_path, examples_dir):
    report = analyze([examples_dir], Settings())
    data = report.to_dict()
    jsonschema.validate(data, load_schema())
    assert len(data["articles"]) >= 6
    written = report.write(tmp_path / "out")
    assert json.loads(written["json"].read_text(encoding="utf-8")) == data
    html = written["html"].read_text(encoding="utf-8")
    assert "<html" in html.lower() and "http://" not in html.split("<body", 1)[0].lower()
    assert written["md"].read_text(encoding="utf-8").strip()
    assert not list((tmp_path / "out").glob(".*"))  # no temporary files left behind


def test_a_failed_write_leaves_the_last_report_as_it_was(tmp_path, examples_dir, monkeypatch):
    import storyline.report.html as html_module

    report = analyze([examples_dir], Settings())
    out = tmp_path / "out"
    before = {}
    for kind, path in report.write(out).items():  # the last report, different bytes
        before[kind] = f"the last report's {kind}".encode()
        path.write_bytes(before[kind])

    def broken(*args, **kwargs):  # the page fails half way, after report.json was written
        yield "<!DOCTYPE html>"
        raise RuntimeError("disk full")

    monkeypatch.setattr(html_module, "iter_html", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        report.write(out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {
        f"report.{k}": b for k, b in before.items()}  # no temporary file, nothing changed
