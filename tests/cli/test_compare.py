"""``storyline compare A B`` through click's runner."""

import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli

WIRE = (
    "Firefighters battled a blaze at a chemical warehouse in the port of Rotterdam on Tuesday "
    "night, forcing the evacuation of nearby homes.\n"
    "The fire broke out shortly after 9 p.m. in a storage hall holding solvents and paint, a "
    "spokeswoman for the regional safety authority said.\n"
    "Residents within two kilometres were told to keep windows and doors closed because of thick "
    "black smoke drifting over the city.\n"
    "No injuries were reported, but three firefighters were treated for exhaustion at the scene."
)


@pytest.fixture
def files(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    a.write_text(WIRE, encoding="utf-8")
    b.write_text(WIRE.replace("Tuesday", "Tuesday\x1b[31m") + "\nMore to follow.",
                 encoding="utf-8")
    return a, b


def test_prints_passages_side_by_side_without_control_characters(files):
    a, b = files
    res = CliRunner().invoke(cli, ["compare", str(a), str(b), "--set", "reuse.semantic=off"])
    assert res.exit_code == 0, res.output
    assert "reuse: kind" in res.output
    assert " | " in res.output
    assert "\x1b" not in res.output  # read as ingest reads it: control characters removed


def test_json_output(files):
    a, b = files
    res = CliRunner().invoke(cli, ["compare", str(a), str(b), "--json",
                                   "--set", "reuse.semantic=off"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["linked"] is True
    assert data["kind"] in ("verbatim", "near_verbatim")
    assert data["passages"]
    p = data["passages"][0]
    assert WIRE[p["a_span"][0]:p["a_span"][1]] == p["a_text"]
    assert "\x1b" not in res.output


def test_unrelated_texts_are_not_linked(tmp_path, files):
    a, _ = files
    c = tmp_path / "c.txt"
    c.write_text("Shares in European carmakers fell sharply on Wednesday after the union "
                 "announced a strike at three plants in southern Germany.", encoding="utf-8")
    res = CliRunner().invoke(cli, ["compare", str(a), str(c), "--set", "reuse.semantic=off"])
    assert res.exit_code == 0
    assert "no reuse link" in res.output


def test_bad_setting_and_missing_file_fail_cleanly(files, tmp_path):
    a, b = files
    res = CliRunner().invoke(cli, ["compare", str(a), str(b), "--set", "reuse.link_min_coverage=7"])
    assert res.exit_code == 1 and "E010" in res.output
    res = CliRunner().invoke(cli, ["compare", str(a), str(tmp_path / "nope.txt")])
    assert res.exit_code == 1 and "E100" in res.output
