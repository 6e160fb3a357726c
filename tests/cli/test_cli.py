"""The command line end to end, in a subprocess (as a user runs it)."""

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run(*args, input=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "storyline.cli", *map(str, args)],
        input=input, capture_output=True, cwd=cwd, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_analyze_writes_reports_and_is_quiet_when_piped(tmp_path, seeds_dir):
    out = tmp_path / "out"
    res = run("analyze", seeds_dir, "-o", out)
    assert res.returncode == 0, res.stderr.decode()
    assert "\r" not in res.stderr.decode()  # no progress bar when not a terminal
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5
    assert (out / "report.html").exists() and (out / "report.md").exists()


def test_rejected_inputs_are_named_and_the_rest_analysed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "Harbour fire contained\nFire crews contained a blaze at the harbour on Saturday, "
        "the port authority said, and 120 workers were evacuated.\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    broken = tmp_path / "feed.jsonl"
    broken.write_text('{"id": "x", "text": "A storm closed the port on Monday, officials said."}\n'
                      '{"id": broken\n', encoding="utf-8")
    out = tmp_path / "out"
    res = run("analyze", tmp_path, "-o", out)
    err = res.stderr.decode()
    assert res.returncode == 3, err
    assert "empty.txt" in err and "E101" in err
    assert "feed.jsonl:2" in err and "E105" in err
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 2
    assert {r["code"] for r in data["rejected"]} == {"E101", "E105"}


def test_stdin_jsonl(tmp_path):
    line = json.dumps({"id": "w1", "text": "The ferry service resumed on Tuesday, the operator said.",
                       "outlet": "Harbour Times", "published": "2025-03-04"})
    res = run("analyze", "-", "-o", tmp_path / "o", input=(line + "\n").encode())
    assert res.returncode == 0, res.stderr.decode()
    (art,) = json.loads((tmp_path / "o" / "report.json").read_text())["articles"]
    assert art["external_id"] == "w1" and art["outlet"] == "Harbour Times"


def test_bad_setting_is_a_clean_error(tmp_path, seeds_dir):
    res = run("analyze", seeds_dir, "-o", tmp_path / "o", "--set", "ingest.max_bytes=-1")
    assert res.returncode == 1
    err = res.stderr.decode()
    assert "E010" in err and "ingest.max_bytes" in err and "Traceback" not in err


def test_ingest_is_incremental_then_report(tmp_path, seeds_dir):
    db = tmp_path / "corpus.db"
    files = sorted(seeds_dir.glob("*.txt"))
    first = run("ingest", *files[:3], "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    assert "3 added" in first.stderr.decode()
    second = run("ingest", seeds_dir, "--db", db)
    assert "2 added, 3 already in the corpus" in second.stderr.decode()
    rep = run("report", "--db", db, "-o", tmp_path / "r")
    assert rep.returncode == 0, rep.stderr.decode()
    data = json.loads((tmp_path / "r" / "report.json").read_text())
    assert len(data["articles"]) == 5


def test_not_a_store_is_a_clean_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database " * 100)
    res = run("report", "--db", bogus, "-o", tmp_path / "r")
    assert res.returncode == 1
    assert "E200" in res.stderr.decode() and "Traceback" not in res.stderr.decode()


def test_console_safe_escapes_terminal_controls():
    from storyline.cli import console_safe

    assert console_safe("evil\x1b[31mred\u202e.txt") == "evil\\x1b[31mred\\u202e.txt"
