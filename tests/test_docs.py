"""The documentation keeps up with the code."""

from pathlib import Path

from storyline.errors import CODES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_error_code_is_documented():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in text]
    assert not missing, f"docs/errors.md lacks {missing}"
