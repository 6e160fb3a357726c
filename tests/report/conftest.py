"""Fixtures of the report tests: the hand-built report dict, plain and hostile."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "storyline_report_fixture", Path(__file__).with_name("report_fixture.py"))
report_fixture = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("storyline_report_fixture", report_fixture)
_spec.loader.exec_module(report_fixture)


@pytest.fixture
def report_dict() -> dict:
    return report_fixture.build()


@pytest.fixture
def hostile_report() -> dict:
    return report_fixture.hostile()
