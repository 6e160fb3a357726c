"""The code fingerprint that keys cached per-article results."""

from __future__ import annotations

import importlib
import sys

import pytest

from storyline.fingerprint import code_fingerprint


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A small package ``fp_pkg`` (a rule module and a data table) on ``sys.path``."""
    monkeypatch.syspath_prepend(str(tmp_path))
    pkg = tmp_path / "fp_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "rules.py").write_text("THRESHOLD = 0.5\n")
    (pkg / "table.toml").write_text("[x]\ny = 1\n")
    importlib.invalidate_caches()
    code_fingerprint.cache_clear()
    yield pkg
    sys.modules.pop("fp_pkg", None)
    code_fingerprint.cache_clear()


def _fresh(*names: str) -> str:
    code_fingerprint.cache_clear()  # a new process, as after an upgrade
    return code_fingerprint(*names)


def test_the_same_files_give_the_same_fingerprint(package):
    assert _fresh("fp_pkg") == _fresh("fp_pkg")
    assert len(_fresh("fp_pkg")) == 16


@pytest.mark.parametrize("path, text", [
    ("rules.py", "THRESHOLD = 0.6\n"),          # a rule changed
    ("table.toml", "[x]\ny = 2\n"),             # a bundled table changed
    ("extra.py", "def more(): pass\n"),        # a module added
])
def test_a_changed_file_changes_the_fingerprint(package, path, text):
    before = _fresh("fp_pkg")
    (package / path).write_text(text)
    assert _fresh("fp_pkg") != before


def test_bytecode_and_unrelated_files_do_not_count(package):
    before = _fresh("fp_pkg")
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0\1")
    (package / "notes.bak").write_text("scratch")
    assert _fresh("fp_pkg") == before


def test_order_of_names_does_not_matter():
    assert code_fingerprint("storyline.claims", "storyline.data") == \
        code_fingerprint("storyline.data", "storyline.claims")


def test_no_module_is_an_error():
    with pytest.raises(ValueError, match="at least one"):
        code_fingerprint()
