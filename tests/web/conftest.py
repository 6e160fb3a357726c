"""Fixtures of the web tests: an app over the hand-built report (a fake store) and, slower,
over a real store of the example corpus."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from storyline.web.app import create_app

_path = Path(__file__).resolve().parents[1] / "report" / "report_fixture.py"
_spec = importlib.util.spec_from_file_location("storyline_report_fixture", _path)
report_fixture = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("storyline_report_fixture", report_fixture)
_spec.loader.exec_module(report_fixture)


def fake_search(report: dict):
    """Same contract as ``Store.search``: article ids whose title/outlet/text hold every word."""

    def search(db: str, query: str, limit: int) -> list[str]:
        words = [w.casefold() for w in query.replace('"', " ").split()]
        hits = []
        for a in report["articles"]:
            hay = " ".join(str(a.get(k) or "") for k in ("title", "outlet", "text")).casefold()
            if words and all(w in hay for w in words):
                hits.append(a["id"])
        return hits[:limit]

    return search


def make_client(report: dict) -> TestClient:
    app = create_app("fixture.db", report_loader=lambda db, s: report,
                     search=fake_search(report))
    return TestClient(app, base_url="http://127.0.0.1")


@pytest.fixture
def report_dict() -> dict:
    return report_fixture.build()


@pytest.fixture
def client(report_dict) -> TestClient:
    return make_client(report_dict)


@pytest.fixture
def hostile_client() -> TestClient:
    return make_client(report_fixture.hostile())
