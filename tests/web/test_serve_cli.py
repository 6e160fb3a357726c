"""The `storyline serve` command: defaults to localhost, refuses what is not a store."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from storyline.cli import cli


@pytest.fixture
def captured(monkeypatch, tmp_path):
    calls = {}

    def fake_create_app(db, settings, *, allowed_hosts):
        calls["db"], calls["allowed"], calls["settings"] = str(db), allowed_hosts, settings
        return "APP"

    def fake_run(app, host, port, log_level):
        calls.update(app=app, host=host, port=port)

    monkeypatch.setattr("storyline.web.app.create_app", fake_create_app)
    monkeypatch.setattr("uvicorn.run", fake_run)
    db = tmp_path / "c.db"
    db.write_bytes(b"")
    return calls, db


def test_defaults_to_localhost(captured):
    calls, db = captured
    res = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8000 and calls["app"] == "APP"
    assert "*" not in calls["allowed"] and "127.0.0.1" in calls["allowed"]


def test_settings_passed_through(captured):
    calls, db = captured
    res = CliRunner().invoke(cli, ["serve", "--db", str(db), "--set",
                                   "report.max_passages_per_link=3"])
    assert res.exit_code == 0, res.output
    assert calls["settings"].report.max_passages_per_link == 3


def test_any_address_warns(captured):
    calls, db = captured
    res = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "9"])
    assert res.exit_code == 0
    assert calls["allowed"] == ("*",) and calls["port"] == 9
    assert "readable from other machines" in res.output


def test_not_a_store(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("hello, this is not SQLite\n" * 20)
    res = CliRunner().invoke(cli, ["serve", "--db", str(bad)])
    assert res.exit_code == 1
    assert "cannot open as a storyline store" in res.output
